package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
)

// sizingRequest is a models.SizingInput in which every figure must be present; the ranges are the domain's
// rules (models.SizingInput.Validate), reported field by field.
type sizingRequest struct {
	MonthlyRevenueTarget *float64 `json:"monthly_revenue_target" validate:"required"`
	AverageDealSize      *float64 `json:"average_deal_size" validate:"required"`
	WinRate              *float64 `json:"win_rate" validate:"required"`
	CallsPerMeeting      *float64 `json:"calls_per_meeting" validate:"required"`
	WorkingDaysPerMonth  *int     `json:"working_days_per_month" validate:"required"`
	CallsPerDay          *int     `json:"calls_per_day" validate:"required"`
	MeetingsPerMonth     *int     `json:"meetings_per_month" validate:"required"`
	RampMonths           *int     `json:"ramp_months" validate:"required"`
	RampProductivity     *float64 `json:"ramp_productivity" validate:"required"`
	SpanOfControl        *int     `json:"span_of_control" validate:"required"`
}

func (r *sizingRequest) model() models.SizingInput {
	return models.SizingInput{
		MonthlyRevenueTarget: *r.MonthlyRevenueTarget, AverageDealSize: *r.AverageDealSize, WinRate: *r.WinRate,
		CallsPerMeeting: *r.CallsPerMeeting, WorkingDaysPerMonth: *r.WorkingDaysPerMonth, CallsPerDay: *r.CallsPerDay,
		MeetingsPerMonth: *r.MeetingsPerMonth, RampMonths: *r.RampMonths, RampProductivity: *r.RampProductivity,
		SpanOfControl: *r.SpanOfControl,
	}
}

// sizingResultJSON documents models.SizingResult in the OpenAPI document.
type sizingResultJSON = models.SizingResult

func (s *Server) previewSizing(c *gin.Context) {
	if !s.allow(c, models.ActSizingPreview, nil) {
		return
	}
	var req sizingRequest
	if !s.bind(c, &req) {
		return
	}
	r, err := models.Size(req.model())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, r)
}

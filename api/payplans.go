package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
)

// payPlanRequest creates a pay plan template or replaces one.
type payPlanRequest struct {
	// Every rule lives in models.PayPlanTemplate.Validate, so that one answer names every flaw.
	Slug     string         `json:"slug"`
	Name     string         `json:"name"`
	Role     string         `json:"role"`
	Plan     models.PayPlan `json:"plan"`
	Archived bool           `json:"archived"`
}

// payPreviewRequest asks what a pay plan pays over the first months for a few monthly sales figures.
type payPreviewRequest struct {
	Plan      models.PayPlan       `json:"plan"`
	Months    int                  `json:"months" validate:"omitempty,min=1,max=36"`
	Scenarios []models.PayScenario `json:"scenarios" validate:"max=6"`
}

func payPlanSummary(t *models.PayPlanTemplate) map[string]any {
	return map[string]any{"slug": t.Slug, "name": t.Name, "role": string(t.Role), "plan": t.Plan, "archived": t.Archived}
}

func (s *Server) listPayPlans(c *gin.Context) {
	if !s.allow(c, models.ActPayPlanRead, nil) {
		return
	}
	list, err := s.db.ListPayPlans(c, c.Query("archived") == "true")
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(list, func(x models.PayPlanTemplate) models.PayPlanTemplate { return x }))
}

func (s *Server) savePayPlan(c *gin.Context) {
	if !s.allow(c, models.ActPayPlanEdit, nil) {
		return
	}
	id, ok := s.optionalPathID(c)
	if !ok {
		return
	}
	var req payPlanRequest
	if !s.bind(c, &req) {
		return
	}
	t := models.PayPlanTemplate{ID: id, Slug: strings.TrimSpace(req.Slug), Name: strings.TrimSpace(req.Name), Role: models.Role(req.Role),
		Plan: req.Plan, Archived: req.Archived}
	if err := t.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	before, after, err := s.db.SavePayPlan(c, t, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	status, action := http.StatusCreated, "pay_plan.created"
	var was map[string]any
	if before != nil {
		status, action, was = http.StatusOK, "pay_plan.updated", payPlanSummary(before)
	}
	s.audit(c, action, "pay_plan", after.ID, fmt.Sprintf("Pay plan %q saved", after.Name), was, payPlanSummary(after))
	c.JSON(status, after)
}

// previewPay answers with a plan's pay table: what it pays each month of the first year (or months) for
// each monthly sales figure, the ramp marked.
func (s *Server) previewPay(c *gin.Context) {
	if !s.allow(c, models.ActPayPlanRead, nil) {
		return
	}
	var req payPreviewRequest
	if !s.bind(c, &req) {
		return
	}
	if err := req.Plan.Validate(); err != nil {
		s.fail(c, models.WithPrefix(err, "plan."))
		return
	}
	for i, sc := range req.Scenarios {
		if sc.Sales < 0 || sc.Sales > 1e10 || len(sc.Name) > 40 {
			s.fail(c, models.Invalid(models.FieldError{Field: fmt.Sprintf("scenarios.%d", i), Message: "needs a name of at most 40 characters and sales from 0 to 10,000,000,000"}))
			return
		}
	}
	c.JSON(http.StatusOK, req.Plan.Table(req.Months, req.Scenarios))
}

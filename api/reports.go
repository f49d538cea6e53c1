package api

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// reportJSON is the recruiting report of one opening or all of them.
type reportJSON struct {
	OpeningID               *int64           `json:"opening_id"`
	Total                   int              `json:"total"`
	Stages                  []stageStatJSON  `json:"stages"`
	Closed                  map[string]int   `json:"closed"`
	Sources                 []sourceStatJSON `json:"sources"`
	MedianFirstContactHours *float64         `json:"median_first_contact_hours"`
	Contacted               int              `json:"contacted"`
}

type stageStatJSON struct {
	Stage              string   `json:"stage"`
	Current            int      `json:"current"`
	Reached            int      `json:"reached"`
	PassThroughPercent *float64 `json:"pass_through_percent"`
	MedianHours        *float64 `json:"median_hours"`
}

type sourceStatJSON struct {
	Source       string `json:"source"`
	Applications int    `json:"applications"`
	Screened     int    `json:"screened"`
	Interviewed  int    `json:"interviewed"`
	Hired        int    `json:"hired"`
}

// report reads the opening_id query and computes the report; it writes the problem and returns false.
func (s *Server) report(c *gin.Context) (*store.PipelineReport, *int64, bool) {
	if !s.allow(c, models.ActReportView, nil) {
		return nil, nil, false
	}
	var openingID *int64
	if v := c.Query("opening_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.fail(c, models.Invalid(models.FieldError{Field: "opening_id", Message: "must be an opening ID"}))
			return nil, nil, false
		}
		if _, err := s.db.Opening(c, id); err != nil {
			s.fail(c, err)
			return nil, nil, false
		}
		openingID = &id
	}
	var id int64
	if openingID != nil {
		id = *openingID
	}
	r, err := s.db.Report(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	return r, openingID, true
}

func (s *Server) getReport(c *gin.Context) {
	r, openingID, ok := s.report(c)
	if !ok {
		return
	}
	out := reportJSON{OpeningID: openingID, Total: r.Total, Closed: map[string]int{}, Stages: []stageStatJSON{}, Sources: []sourceStatJSON{},
		MedianFirstContactHours: r.MedianFirstContactHours, Contacted: r.Contacted}
	for st, n := range r.Closed {
		out.Closed[string(st)] = n
	}
	for _, st := range r.Stages {
		out.Stages = append(out.Stages, stageStatJSON{Stage: string(st.Stage), Current: st.Current, Reached: st.Reached,
			PassThroughPercent: st.PassThrough, MedianHours: st.MedianHours})
	}
	for _, src := range r.Sources {
		out.Sources = append(out.Sources, sourceStatJSON{Source: string(src.Source), Applications: src.Applications,
			Screened: src.Screened, Interviewed: src.Interviewed, Hired: src.Hired})
	}
	c.JSON(http.StatusOK, out)
}

// getReportCSV exports the report as one CSV table: a row per stage, then a row per source.
func (s *Server) getReportCSV(c *gin.Context) {
	r, openingID, ok := s.report(c)
	if !ok {
		return
	}
	name := "bullpen-pipeline-report.csv"
	if openingID != nil {
		name = fmt.Sprintf("bullpen-pipeline-report-opening-%d.csv", *openingID)
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', 1, 64)
	}
	_ = w.Write([]string{"section", "name", "applications", "reached", "current", "pass_through_percent", "median_hours_in_stage",
		"screened", "interviewed", "hired"})
	for _, st := range r.Stages {
		_ = w.Write([]string{"stage", string(st.Stage), "", strconv.Itoa(st.Reached), strconv.Itoa(st.Current), num(st.PassThrough),
			num(st.MedianHours), "", "", ""})
	}
	for _, src := range r.Sources {
		_ = w.Write([]string{"source", string(src.Source), strconv.Itoa(src.Applications), "", "", "", "",
			strconv.Itoa(src.Screened), strconv.Itoa(src.Interviewed), strconv.Itoa(src.Hired)})
	}
	_ = w.Write([]string{"summary", "median_hours_to_first_contact", strconv.Itoa(r.Total), strconv.Itoa(r.Contacted), "", "",
		num(r.MedianFirstContactHours), "", "", ""})
	w.Flush()
}

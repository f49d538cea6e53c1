package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
)

// scenarioRequest creates a role-play scenario or replaces one.
type scenarioRequest struct {
	// Every rule lives in models.Scenario.Validate, so that one answer names every flaw.
	Slug            string                         `json:"slug"`
	Difficulty      int                            `json:"difficulty"`
	DurationMinutes int                            `json:"duration_minutes"`
	Text            map[string]models.ScenarioText `json:"text"`
	Archived        bool                           `json:"archived"`
}

func scenarioSummary(s *models.Scenario) map[string]any {
	return map[string]any{"slug": s.Slug, "difficulty": s.Difficulty, "duration_minutes": s.DurationMinutes,
		"name": s.In("en").Name, "archived": s.Archived}
}

func (s *Server) listScenarios(c *gin.Context) {
	if !s.allow(c, models.ActScenarioRead, nil) {
		return
	}
	list, err := s.db.ListScenarios(c, c.Query("archived") == "true")
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(list, func(x models.Scenario) models.Scenario { return x }))
}

func (s *Server) getScenario(c *gin.Context) {
	if !s.allow(c, models.ActScenarioRead, nil) {
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	sc, err := s.db.ScenarioByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sc)
}

func (s *Server) saveScenario(c *gin.Context) {
	if !s.allow(c, models.ActScenarioEdit, nil) {
		return
	}
	id, ok := s.optionalPathID(c)
	if !ok {
		return
	}
	var req scenarioRequest
	if !s.bind(c, &req) {
		return
	}
	sc := models.Scenario{ID: id, Slug: strings.TrimSpace(req.Slug), Difficulty: req.Difficulty, DurationMinutes: req.DurationMinutes,
		Text: req.Text, Archived: req.Archived}
	if err := sc.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	before, after, err := s.db.SaveScenario(c, sc, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	status, action := http.StatusCreated, "scenario.created"
	var was map[string]any
	if before != nil {
		status, action, was = http.StatusOK, "scenario.updated", scenarioSummary(before)
	}
	s.audit(c, action, "scenario", after.ID, fmt.Sprintf("Role-play scenario %q saved", after.In("en").Name), was, scenarioSummary(after))
	c.JSON(status, after)
}

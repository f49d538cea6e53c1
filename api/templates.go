package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

type templateRequest struct {
	Title         string                `json:"title" validate:"required,max=200"`
	Questionnaire *models.Questionnaire `json:"questionnaire" validate:"required"`
}

type templateJSON struct {
	ID            int64                `json:"id"`
	Title         string               `json:"title"`
	Questionnaire models.Questionnaire `json:"questionnaire"`
	UpdatedAt     time.Time            `json:"updated_at"`
}

func toTemplateJSON(t store.QuestionnaireTemplate) templateJSON {
	return templateJSON{ID: t.ID, Title: t.Title, Questionnaire: t.Questionnaire, UpdatedAt: t.UpdatedAt}
}

func (s *Server) listTemplates(c *gin.Context) {
	if !s.allow(c, models.ActOpeningEdit, nil) {
		return
	}
	ts, err := s.db.Templates(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(ts, toTemplateJSON))
}

func (s *Server) saveTemplate(c *gin.Context) {
	if !s.allow(c, models.ActOpeningEdit, nil) {
		return
	}
	id, ok := s.optionalPathID(c)
	if !ok {
		return
	}
	var req templateRequest
	if !s.bind(c, &req) {
		return
	}
	if err := req.Questionnaire.Validate(); err != nil {
		s.fail(c, models.WithPrefix(err, "questionnaire."))
		return
	}
	t := &store.QuestionnaireTemplate{ID: id, Title: strings.TrimSpace(req.Title), Questionnaire: *req.Questionnaire,
		CreatedBy: currentUser(c).ID}
	if err := s.db.SaveTemplate(c, t); err != nil {
		s.fail(c, err)
		return
	}
	action, status := "questionnaire_template.created", http.StatusCreated
	if id != 0 {
		action, status = "questionnaire_template.updated", http.StatusOK
	}
	s.audit(c, action, "questionnaire_template", t.ID, fmt.Sprintf("Questionnaire template %q saved", t.Title), nil,
		map[string]any{"title": t.Title, "questions": len(t.Questionnaire.Questions), "pass_mark": t.Questionnaire.PassMark})
	c.JSON(status, toTemplateJSON(*t))
}

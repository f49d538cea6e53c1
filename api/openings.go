package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

func (s *Server) listOpenings(c *gin.Context) {
	if !s.allow(c, models.ActOpeningList, nil) {
		return
	}
	var f store.OpeningFilter
	if v := c.Query("plan_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.fail(c, models.Invalid(models.FieldError{Field: "plan_id", Message: "must be a plan ID"}))
			return
		}
		f.PlanID = id
	}
	switch st := models.OpeningStatus(c.Query("status")); st {
	case "", models.OpeningOpen, models.OpeningClosed:
		f.Status = st
	default:
		s.fail(c, models.Invalid(models.FieldError{Field: "status", Message: "must be open or closed"}))
		return
	}
	openings, err := s.db.ListOpenings(c, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(openings, toOpeningJSON))
}

func (s *Server) getOpening(c *gin.Context) {
	if !s.allow(c, models.ActOpeningList, nil) {
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	o, err := s.db.Opening(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, toOpeningJSON(*o))
}

func (s *Server) listNotifications(c *gin.Context) {
	ns, err := s.db.Notifications(c, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(ns, toNotificationJSON))
}

func (s *Server) readNotification(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	n, err := s.db.Notification(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	if models.Authorize(currentUser(c), models.ActNotificationRead, n) != nil {
		// Someone else's notification is answered as if it did not exist.
		s.fail(c, models.Errorf(models.ENOTFOUND, "No such notification."))
		return
	}
	if err := s.db.MarkNotificationRead(c, id, s.now()); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) listOutbox(c *gin.Context) {
	if !s.allow(c, models.ActOutboxRead, nil) {
		return
	}
	msgs, err := s.db.ListOutbox(c, 200)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(msgs, toOutboxJSON))
}

package api

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

func (s *Server) listOpenings(c *gin.Context) {
	if !s.allow(c, models.ActOpeningList, nil) {
		return
	}
	var (
		f      store.OpeningFilter
		fields []models.FieldError
	)
	if v := c.Query("plan_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fields = append(fields, models.FieldError{Field: "plan_id", Message: "must be a plan ID"})
		}
		f.PlanID = id
	}
	switch st := models.OpeningStatus(c.Query("status")); st {
	case "", models.OpeningOpen, models.OpeningClosed, models.OpeningPendingApproval, models.OpeningRejected:
		f.Status = st
	default:
		fields = append(fields, models.FieldError{Field: "status", Message: "must be open, closed, pending_approval or rejected"})
	}
	p, pageFields := pageQuery(c, defaultPageLimit, maxPageLimit)
	if fields = append(fields, pageFields...); len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	openings, total, err := s.db.OpeningsPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.withCounts(c, openings)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paged(out, p, total))
}

// withCounts shows openings with their applications counted per stage.
func (s *Server) withCounts(c *gin.Context, openings []models.Opening) (list[openingJSON], error) {
	ids := make([]int64, len(openings))
	for i, o := range openings {
		ids[i] = o.ID
	}
	counts, err := s.db.StageCounts(c, ids)
	if err != nil {
		return list[openingJSON]{}, err
	}
	out := listOf(openings, toOpeningJSON)
	for i := range out.Items {
		// The questionnaire's scoring key (points, knock-outs) is for those who run the pipeline.
		if models.Authorize(currentUser(c), models.ActOpeningEdit, &openings[i]) != nil {
			out.Items[i].Questionnaire = nil
		}
		for st, n := range counts[out.Items[i].ID] {
			out.Items[i].Counts[string(st)] = n
		}
	}
	return out, nil
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
	s.writeOpening(c, http.StatusOK, o)
}

// teamMemberJSON names a colleague who can be put on a hiring team.
type teamMemberJSON struct {
	ID    int64    `json:"id"`
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// listTeam lists the active recruiters, department heads and interviewers, names only, for choosing an
// opening's hiring team.
func (s *Server) listTeam(c *gin.Context) {
	if !s.allow(c, models.ActOpeningEdit, nil) {
		return
	}
	// A hiring team's pool is small by nature; the store caps it all the same.
	users, err := s.db.ActiveUsersWithAnyRole(c, models.RoleRecruiter, models.RoleDepartmentHead, models.RoleInterviewer)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(users, func(u *models.User) teamMemberJSON {
		roles := make([]string, len(u.Roles))
		for i, r := range u.Roles {
			roles[i] = string(r)
		}
		return teamMemberJSON{ID: u.ID, Name: u.Name, Roles: roles}
	}))
}

func (s *Server) listNotifications(c *gin.Context) {
	p, ok := s.page(c)
	if !ok {
		return
	}
	ns, total, err := s.db.NotificationsPage(c, currentUser(c).ID, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(ns, toNotificationJSON, p, total))
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
	p, ok := s.page(c)
	if !ok {
		return
	}
	msgs, total, err := s.db.OutboxPage(c, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(msgs, toOutboxJSON, p, total))
}

// audit appends what the signed-in user did. The change has happened; a failure to record it is logged loudly
// rather than reported to the user as if the change had failed.
func (s *Server) audit(c *gin.Context, action, objectType string, objectID int64, summary string, before, after map[string]any) {
	s.auditOnce(c, "", action, objectType, objectID, summary, before, after)
}

// auditOnce is audit for a change a repeated request may make again: the entry is written once per key ("" for
// no key).
func (s *Server) auditOnce(c *gin.Context, key, action, objectType string, objectID int64, summary string, before, after map[string]any) {
	var actor *int64
	if u := currentUser(c); u != nil {
		actor = &u.ID
	}
	var dedupe *string
	if key != "" {
		dedupe = &key
	}
	err := s.db.Audit(context.WithoutCancel(c), store.AuditEntry{ActorID: actor, Action: action, ObjectType: objectType,
		ObjectID: objectID, Summary: summary, Before: before, After: after, DedupeKey: dedupe})
	if err != nil {
		s.log.ErrorContext(c, "audit log write failed", "action", action, "object_id", objectID, "error", err)
	}
}

func (s *Server) listAudit(c *gin.Context) {
	if !s.allow(c, models.ActAuditRead, nil) {
		return
	}
	f := store.AuditFilter{ObjectType: c.Query("object_type"), Action: c.Query("action")}
	var errs []models.FieldError
	for name, dst := range map[string]*int64{"object_id": &f.ObjectID, "actor_id": &f.ActorID, "before_id": &f.BeforeID} {
		if v := c.Query(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				errs = append(errs, models.FieldError{Field: name, Message: "must be a positive whole number"})
			}
			*dst = n
		}
	}
	p, pageErrs := pageQuery(c, defaultPageLimit, maxPageLimit)
	if errs = append(errs, pageErrs...); len(errs) > 0 {
		slices.SortFunc(errs, func(a, b models.FieldError) int { return strings.Compare(a.Field, b.Field) })
		s.fail(c, models.Invalid(errs...))
		return
	}
	entries, total, err := s.db.AuditPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(entries, toAuditJSON, p, total))
}

// sameTime reports whether two optional times are the same instant, or both absent.
func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

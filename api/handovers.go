package api

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

type handoverRequest struct {
	FromUserID int64  `json:"from_user_id" validate:"required"`
	Reason     string `json:"reason" validate:"required,max=2000"`
}

type handoverAssignmentsRequest struct {
	Assignments []models.Assignment `json:"assignments" validate:"max=5000"`
}

// handoverJSON is a handover with names, and the current load of each rep who could take clients.
type handoverJSON struct {
	store.HandoverRecord
	From  personJSON       `json:"from"`
	Reps  []repLoadJSON    `json:"reps"`
	Names map[int64]string `json:"account_names"`
}

type repLoadJSON struct {
	models.RepLoad
	Name string `json:"name"`
}

func (s *Server) canHandOver(c *gin.Context) bool {
	if !currentUser(c).HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Client ownership moves only by a department head's handover."))
		return false
	}
	return true
}

func (s *Server) writeHandover(c *gin.Context, status int, h *store.HandoverRecord) {
	out := handoverJSON{HandoverRecord: *h, From: personJSON{ID: h.FromUserID, Name: s.userName(c, h.FromUserID)}, Reps: []repLoadJSON{},
		Names: map[int64]string{}}
	loads, err := s.db.RepLoads(c, h.FromUserID)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, l := range loads {
		out.Reps = append(out.Reps, repLoadJSON{RepLoad: l, Name: s.userName(c, l.UserID)})
	}
	for _, a := range h.Assignments {
		if acc, err := s.db.AccountByID(c, a.AccountID); err == nil {
			out.Names[a.AccountID] = acc.Name
		}
	}
	c.JSON(status, out)
}

// proposeHandover proposes moving every client of a rep to the reps who stay, by load (models.ProposeHandover).
func (s *Server) proposeHandover(c *gin.Context) {
	if !s.canHandOver(c) {
		return
	}
	var req handoverRequest
	if !s.bind(c, &req) {
		return
	}
	h, ok := s.newHandover(c, req.FromUserID, strings.TrimSpace(req.Reason))
	if ok {
		s.writeHandover(c, http.StatusCreated, h)
	}
}

func (s *Server) newHandover(c *gin.Context, from int64, reason string) (*store.HandoverRecord, bool) {
	if _, err := s.db.UserByID(c, from); err != nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "from_user_id", Message: "is not a user"}))
		return nil, false
	}
	if waiting, err := s.db.ProposedHandoverFrom(c, from); err != nil {
		s.fail(c, err)
		return nil, false
	} else if waiting != nil {
		s.fail(c, &models.Error{Code: models.ECONFLICT, Message: fmt.Sprintf("A handover of %s's clients is already waiting for approval; adjust that one.",
			s.userName(c, from)), Fields: []models.FieldError{{Field: "from_user_id", Message: fmt.Sprintf("has handover %d waiting", waiting.ID)}}})
		return nil, false
	}
	accounts, err := s.db.AccountsOwnedBy(c, from)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	if len(accounts) == 0 {
		s.fail(c, models.Errorf(models.ECONFLICT, "%s owns no clients; there is nothing to hand over.", s.userName(c, from)))
		return nil, false
	}
	loads, err := s.db.RepLoads(c, from)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	if len(loads) == 0 {
		s.fail(c, models.Errorf(models.ECONFLICT, "No other active sales rep can take over the clients."))
		return nil, false
	}
	h := &store.HandoverRecord{FromUserID: from, Reason: reason, Assignments: models.ProposeHandover(accounts, loads), CreatedBy: currentUser(c).ID}
	if err := s.db.CreateHandover(c, h); err != nil {
		s.fail(c, err)
		return nil, false
	}
	s.audit(c, "handover.proposed", "handover", h.ID, fmt.Sprintf("Handover of %d clients proposed", len(h.Assignments)), nil,
		map[string]any{"from_user_id": from, "reason": reason})
	return h, true
}

func (s *Server) loadHandover(c *gin.Context) (*store.HandoverRecord, bool) {
	if !s.canHandOver(c) {
		return nil, false
	}
	id, ok := s.pathID(c)
	if !ok {
		return nil, false
	}
	h, err := s.db.HandoverByID(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	return h, true
}

func (s *Server) getHandover(c *gin.Context) {
	if h, ok := s.loadHandover(c); ok {
		s.writeHandover(c, http.StatusOK, h)
	}
}

// adjustHandover replaces the proposal's assignments: the same accounts, each to exactly one active rep
// other than the one leaving.
func (s *Server) adjustHandover(c *gin.Context) {
	h, ok := s.loadHandover(c)
	if !ok {
		return
	}
	if h.Status != "proposed" {
		s.fail(c, models.Errorf(models.ECONFLICT, "This handover has been approved; it can no longer change."))
		return
	}
	var req handoverAssignmentsRequest
	if !s.bind(c, &req) {
		return
	}
	loads, err := s.db.RepLoads(c, h.FromUserID)
	if err != nil {
		s.fail(c, err)
		return
	}
	var fields []models.FieldError
	want := map[int64]bool{}
	for _, a := range h.Assignments {
		want[a.AccountID] = true
	}
	seen := map[int64]bool{}
	for i, a := range req.Assignments {
		switch {
		case !want[a.AccountID]:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("assignments.%d.account_id", i), Message: "is not one of the clients handed over"})
		case seen[a.AccountID]:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("assignments.%d.account_id", i), Message: "is assigned twice: one owner per client"})
		case !slices.ContainsFunc(loads, func(l models.RepLoad) bool { return l.UserID == a.ToUserID }):
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("assignments.%d.to_user_id", i), Message: "must be an active sales rep other than the one leaving"})
		}
		seen[a.AccountID] = true
	}
	if len(fields) == 0 && len(seen) != len(want) {
		fields = append(fields, models.FieldError{Field: "assignments", Message: fmt.Sprintf("give each of the %d clients a new owner", len(want))})
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	if err := s.db.SetHandoverAssignments(c, h.ID, req.Assignments); err != nil {
		s.fail(c, err)
		return
	}
	h.Assignments = req.Assignments
	s.writeHandover(c, http.StatusOK, h)
}

// approveHandover applies the handover: every client moves to its new owner at once, history kept.
func (s *Server) approveHandover(c *gin.Context) {
	h, ok := s.loadHandover(c)
	if !ok {
		return
	}
	if !currentUser(c).HasRole(models.RoleDepartmentHead) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "A department head approves handovers."))
		return
	}
	h, err := s.db.ApplyHandover(c, h.ID, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.writeHandover(c, http.StatusOK, h)
}

type leaveRequest struct {
	Reason string `json:"reason" validate:"required,max=2000"`
}

// employeeLeaves records that an employee leaves: their Employee workflow ends and, if they own clients, a
// handover is proposed for the department head to approve.
func (s *Server) employeeLeaves(c *gin.Context) {
	if !s.canHandOver(c) {
		return
	}
	e, ok := s.loadEmployee(c)
	if !ok {
		return
	}
	var req leaveRequest
	if !s.bind(c, &req) {
		return
	}
	// The handover first: if nobody can take the clients, nothing has changed yet.
	accounts, err := s.db.AccountsOwnedBy(c, e.UserID)
	if err != nil {
		s.fail(c, err)
		return
	}
	var h *store.HandoverRecord
	if len(accounts) > 0 {
		if h, err = s.db.ProposedHandoverFrom(c, e.UserID); err != nil {
			s.fail(c, err)
			return
		}
		if h == nil {
			if h, ok = s.newHandover(c, e.UserID, strings.TrimSpace(req.Reason)); !ok {
				return
			}
		}
	}
	err = s.temporal.SignalWorkflow(c, workflows.EmployeeWorkflowID(e.ID), "", workflows.SignalEmployeeLeft, nil)
	if err != nil && !isNotFound(err) {
		s.fail(c, err)
		return
	}
	// They leave: no more sign-in, no new clients, no clients handed to them.
	inactive := false
	if _, err := s.db.UpdateUser(c, e.UserID, store.UserUpdate{Active: &inactive}); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "employee.left", "employee", e.ID, s.userName(c, e.UserID)+" leaves", nil, map[string]any{"reason": req.Reason})
	if h == nil {
		c.JSON(http.StatusOK, gin.H{"handover": nil})
		return
	}
	s.writeHandover(c, http.StatusCreated, h)
}

// handoverSummaryJSON is a handover in the list: who leaves, why, how many clients, where it stands.
type handoverSummaryJSON struct {
	ID        int64      `json:"id"`
	From      personJSON `json:"from"`
	Reason    string     `json:"reason"`
	Status    string     `json:"status"`
	Clients   int        `json:"clients"`
	CreatedAt time.Time  `json:"created_at"`
	DecidedAt *time.Time `json:"decided_at"`
}

// listHandovers lists the handovers, newest first (department heads and admins); ?status=proposed|approved.
func (s *Server) listHandovers(c *gin.Context) {
	if !s.canHandOver(c) {
		return
	}
	status := c.Query("status")
	p, fields := pageQuery(c, defaultPageLimit, maxPageLimit)
	if status != "" && status != "proposed" && status != "approved" {
		fields = append([]models.FieldError{{Field: "status", Message: "must be proposed or approved"}}, fields...)
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	hs, total, err := s.db.Handovers(c, status, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(hs, func(h store.HandoverRecord) handoverSummaryJSON {
		return handoverSummaryJSON{ID: h.ID, From: personJSON{ID: h.FromUserID, Name: s.userName(c, h.FromUserID)}, Reason: h.Reason,
			Status: h.Status, Clients: len(h.Assignments), CreatedAt: h.CreatedAt, DecidedAt: h.DecidedAt}
	}, p, total))
}

package api

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

type planRequest struct {
	Title    string         `json:"title" validate:"required,max=200"`
	Currency string         `json:"currency" validate:"required,len=3"`
	Notes    string         `json:"notes" validate:"max=10000"`
	Inputs   *sizingRequest `json:"inputs" validate:"required"`
}

type decisionRequest struct {
	Decision string `json:"decision" validate:"required,oneof=approve reject request_changes"`
	Comment  string `json:"comment" validate:"max=4000"`
	// Revision is the revision the head reviewed; when given, a decision on a plan revised since is refused.
	Revision int `json:"revision,omitempty" validate:"omitempty,min=1"`
}

// updateTimeout bounds how long a request waits for a workflow to accept and record a change.
const updateTimeout = 20 * time.Second

// bindPlan reads and checks a plan body, sizing it; it writes the problem and returns false on refusal.
func (s *Server) bindPlan(c *gin.Context) (models.PlanDraft, models.SizingResult, bool) {
	var req planRequest
	if !s.bind(c, &req) {
		return models.PlanDraft{}, models.SizingResult{}, false
	}
	d := models.PlanDraft{Title: req.Title, Currency: req.Currency, Notes: req.Notes, Inputs: req.Inputs.model()}
	result, err := d.Validate()
	if err != nil {
		s.fail(c, err)
		return d, result, false
	}
	return d, result, true
}

func (s *Server) createPlan(c *gin.Context) {
	if !s.allow(c, models.ActPlanCreate, nil) {
		return
	}
	d, result, ok := s.bindPlan(c)
	if !ok {
		return
	}
	p, err := s.SubmitPlan(c, d, result, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, toPlanJSON(p))
}

// SubmitPlan stores a checked plan and starts its approval workflow. If the workflow cannot be started the
// plan is taken back, so that no plan waits on nothing, and EUNAVAILABLE is returned.
func (s *Server) SubmitPlan(ctx context.Context, d models.PlanDraft, result models.SizingResult, authorID int64) (*models.StaffingPlan, error) {
	p, err := s.db.CreatePlan(ctx, d, result, authorID)
	if err != nil {
		return nil, err
	}
	// The start must not be abandoned half-way because the browser went away.
	startCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), updateTimeout)
	defer cancel()
	id := workflows.StaffingPlanWorkflowID(p.ID)
	_, err = s.temporal.ExecuteWorkflow(startCtx, client.StartWorkflowOptions{ID: id, TaskQueue: s.cfg.TaskQueue},
		workflows.StaffingPlanWorkflow, workflows.StaffingPlanInput{
			PlanID: p.ID, AuthorID: authorID, ReminderAfter: s.cfg.PlanReminderAfter, EscalateAfter: s.cfg.PlanEscalateAfter,
		})
	if err != nil {
		s.log.ErrorContext(ctx, "start staffing plan workflow", "plan_id", p.ID, "error", err)
		// A start that timed out may still have happened: only a plan whose workflow surely does not exist
		// is taken back.
		if _, derr := s.temporal.DescribeWorkflowExecution(startCtx, id, ""); derr == nil {
			return p, nil
		} else if !isNotFound(derr) {
			return nil, models.Errorf(models.EUNAVAILABLE, "The workflow engine did not answer, so it is not certain the plan was submitted; look for it in the plans list before submitting it again.")
		}
		if derr := s.db.DeletePlan(startCtx, p.ID); derr != nil {
			s.log.ErrorContext(ctx, "delete plan after failed start", "plan_id", p.ID, "error", derr)
		}
		return nil, models.Errorf(models.EUNAVAILABLE, "The workflow engine did not take the plan; nothing was saved. Try again.")
	}
	s.log.InfoContext(ctx, "staffing plan submitted", "plan_id", p.ID, "workflow_id", workflows.StaffingPlanWorkflowID(p.ID))
	return p, nil
}

func (s *Server) listPlans(c *gin.Context) {
	if !s.allow(c, models.ActPlanList, nil) {
		return
	}
	f := store.PlanFilter{Status: models.PlanStatus(c.Query("status"))}
	p, fields := pageQuery(c, defaultPageLimit, maxPageLimit)
	switch f.Status {
	case "", models.PlanPendingApproval, models.PlanChangesRequested, models.PlanApproved, models.PlanRejected:
	default:
		fields = append([]models.FieldError{{Field: "status", Message: "must be one of pending_approval, changes_requested, approved, rejected"}}, fields...)
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	if c.Query("mine") == "true" {
		f.AuthorID = currentUser(c).ID
	}
	plans, total, err := s.db.PlansPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(plans, toPlanJSON, p, total))
}

// loadPlan reads the plan named in the path and checks that the caller may do act to it.
func (s *Server) loadPlan(c *gin.Context, act models.Action) (*models.StaffingPlan, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, false
	}
	p, err := s.db.Plan(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	if !s.allow(c, models.ActPlanView, p) || !s.allow(c, act, p) {
		return nil, false
	}
	return p, true
}

// writePlan answers with the plan as it now stands, with its timeline and openings.
func (s *Server) writePlan(c *gin.Context, id int64) {
	var (
		p        *models.StaffingPlan
		events   []models.PlanEvent
		openings []models.Opening
	)
	err := s.db.Snapshot(c, func(db *store.DB) (err error) {
		if p, err = db.Plan(c, id); err != nil {
			return err
		}
		if events, err = db.PlanEvents(c, id); err != nil {
			return err
		}
		openings, err = db.ListOpenings(c, store.OpeningFilter{PlanID: id})
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	out := toPlanJSON(p)
	out.Timeline = make([]eventJSON, len(events))
	for i, e := range events {
		out.Timeline[i] = eventJSON{At: e.At, Kind: string(e.Kind), Comment: e.Comment}
		if e.ActorID != nil {
			out.Timeline[i].Actor = &personJSON{ID: *e.ActorID, Name: e.ActorName}
		}
	}
	out.Openings = listOf(openings, toOpeningJSON).Items
	if out.Staffing, err = s.staffing(c, openings); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) getPlan(c *gin.Context) {
	if p, ok := s.loadPlan(c, models.ActPlanView); ok {
		s.writePlan(c, p.ID)
	}
}

// update sends an update to a plan's workflow and waits until the workflow has recorded it.
func (s *Server) update(c *gin.Context, planID int64, name, updateID string, arg any) error {
	return s.updateWorkflow(c, workflows.StaffingPlanWorkflowID(planID), name, updateID, arg, nil)
}

func (s *Server) decidePlan(c *gin.Context) {
	p, ok := s.loadPlan(c, models.ActPlanDecide)
	if !ok {
		return
	}
	var req decisionRequest
	if !s.bind(c, &req) {
		return
	}
	d := models.Decision(req.Decision)
	// The read model answers the common refusals at once; the workflow's validator is the authority.
	if err := models.ValidateDecision(p.Status, d, req.Comment); err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c)
	updateID := fmt.Sprintf("decide-r%d-u%d-%s", p.Revision, me.ID, d)
	if err := s.update(c, p.ID, workflows.UpdateDecide, updateID,
		workflows.DecideRequest{Decision: d, Comment: req.Comment, ActorID: me.ID, Revision: req.Revision}); err != nil {
		s.fail(c, err)
		return
	}
	s.log.InfoContext(c, "staffing plan decided", "plan_id", p.ID, "decision", d, "by", currentUser(c).ID)
	s.writePlan(c, p.ID)
}

func (s *Server) revisePlan(c *gin.Context) {
	p, ok := s.loadPlan(c, models.ActPlanRevise)
	if !ok {
		return
	}
	d, result, ok := s.bindPlan(c)
	if !ok {
		return
	}
	if err := models.ValidateResubmission(p.Status); err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c)
	rev := p.Revision + 1
	if err := s.db.AddPlanRevision(c, p.ID, rev, d, result, me.ID); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.update(c, p.ID, workflows.UpdateResubmit, fmt.Sprintf("resubmit-r%d", rev), workflows.ResubmitRequest{Revision: rev, ActorID: me.ID}); err != nil {
		// Only a refused revision is taken back; one whose outcome is unknown (a timeout) may be applied yet.
		if code := models.ErrorCode(workflows.FromTemporal(err)); code != models.EINTERNAL && code != models.EUNAVAILABLE {
			if derr := s.db.DeletePlanRevision(context.WithoutCancel(c), p.ID, rev); derr != nil {
				s.log.ErrorContext(c, "delete refused revision", "plan_id", p.ID, "error", derr)
			}
		}
		s.fail(c, err)
		return
	}
	s.log.InfoContext(c, "staffing plan resubmitted", "plan_id", p.ID, "revision", rev)
	s.writePlan(c, p.ID)
}

// staffingJSON is how far a plan's hiring has come: seats filled against planned, per opening, with the days
// each seat took to fill (from the opening to the hire).
type staffingJSON struct {
	Planned  int                   `json:"planned"`
	Filled   int                   `json:"filled"`
	Openings []openingStaffingJSON `json:"openings"`
}

type openingStaffingJSON struct {
	OpeningID int64      `json:"opening_id"`
	Title     string     `json:"title"`
	Seats     int        `json:"seats"`
	Filled    int        `json:"filled"`
	Hires     []hireJSON `json:"hires"`
}

type hireJSON struct {
	Name       string    `json:"name"`
	StartDate  string    `json:"start_date"`
	HiredAt    time.Time `json:"hired_at"`
	DaysToFill float64   `json:"days_to_fill"`
}

func (s *Server) staffing(c *gin.Context, openings []models.Opening) (*staffingJSON, error) {
	ids := make([]int64, len(openings))
	for i, o := range openings {
		ids[i] = o.ID
	}
	hires, err := s.db.EmployeesOfOpenings(c, ids)
	if err != nil {
		return nil, err
	}
	out := &staffingJSON{Openings: []openingStaffingJSON{}}
	for _, o := range openings {
		row := openingStaffingJSON{OpeningID: o.ID, Title: o.Title, Seats: o.Seats, Hires: []hireJSON{}}
		for _, h := range hires {
			if h.OpeningID == o.ID {
				days := math.Round(h.CreatedAt.Sub(o.CreatedAt).Hours()/24*10) / 10
				row.Hires = append(row.Hires, hireJSON{Name: s.userName(c, h.UserID), StartDate: h.StartDate.Format(time.DateOnly), HiredAt: h.CreatedAt,
					DaysToFill: days})
			}
		}
		row.Filled = len(row.Hires)
		out.Planned += o.Seats
		out.Filled += row.Filled
		out.Openings = append(out.Openings, row)
	}
	return out, nil
}

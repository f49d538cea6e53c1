package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// StaffingPlanInput starts a plan's approval. It carries IDs and settings, no personal data.
type StaffingPlanInput struct {
	PlanID   int64
	AuthorID int64
	// ReminderAfter is how long a department head may leave the plan waiting before a reminder.
	ReminderAfter time.Duration
	// EscalateAfter is how long after submission an undecided plan is escalated to the admins.
	EscalateAfter time.Duration
}

// StaffingPlanState is what the workflow knows; the "state" query returns it.
type StaffingPlanState struct {
	Status        models.PlanStatus
	Revision      int
	RemindersSent int
	Escalated     bool
	// Busy is true while a decision or resubmission is being recorded.
	Busy bool
}

// DecideRequest is a department head's answer, sent as the "decide" update. Revision, when set, is the
// revision the head saw: a decision on a plan revised since is refused.
type DecideRequest struct {
	Decision models.Decision
	Comment  string
	ActorID  int64
	Revision int
}

// ResubmitRequest sends a revised plan back for approval, as the "resubmit" update. The revision's content
// is already stored; the request names it.
type ResubmitRequest struct {
	Revision int
	ActorID  int64
}

// StaffingPlan takes a staffing plan through its approval: it waits for a department head's decision,
// reminds and then escalates while nobody decides, lets the author revise after a request for changes, and
// opens the openings once the plan is approved. Seed step 1: "Decide how many employees you need."
func StaffingPlan(ctx workflow.Context, in StaffingPlanInput) (StaffingPlanState, error) {
	p := &staffingPlan{in: in, state: StaffingPlanState{Status: models.PlanPendingApproval, Revision: 1}}
	if err := p.setup(ctx); err != nil {
		return p.state, err
	}
	return p.run(ctx)
}

type staffingPlan struct {
	in    StaffingPlanInput
	state StaffingPlanState
	// submitted is set once the first revision's submission is recorded (its timeline entry, audit and the
	// heads' notice): a decision waits for it.
	submitted bool
}

// decideAfterSubmittedChange marks the version from which a decision waits for the submission to be recorded:
// before, a department head deciding the moment a plan was put up could be recorded first, and the plan's
// timeline showed the decision before the submission (with the heads told afterwards that it awaited them).
const decideAfterSubmittedChange = "plan-decide-after-submitted"

// activityOptions retry database hiccups for as long as it takes, but never a domain refusal: what the
// workflow does on its own (record a submission, open openings) must happen in the end.
var activityOptions = workflow.ActivityOptions{
	StartToCloseTimeout: 30 * time.Second,
	RetryPolicy: &temporal.RetryPolicy{
		InitialInterval:        time.Second,
		BackoffCoefficient:     2,
		MaximumInterval:        time.Minute,
		NonRetryableErrorTypes: []string{models.ECONFLICT, models.EINVALID, models.ENOTFOUND, models.EFORBIDDEN},
	},
}

// handlerActivityOptions bound the activity a person's update waits on: if the database stays down, the
// update fails, the plan stays as it was, and the next person's decision is not blocked behind it.
var handlerActivityOptions = func() workflow.ActivityOptions {
	o := activityOptions
	o.ScheduleToCloseTimeout = 2 * time.Minute
	return o
}()

// localStepsChange marks the version from which the Application workflow records people's updates with local
// activities (see step).
const localStepsChange = "application-steps-local"

// step runs one of the Application workflow's short database steps, with the activity options ctx carries.
// From localStepsChange on it is a local activity: it runs in the worker within the workflow task that took
// the person's update, which answers them a workflow task and an activity dispatch sooner and spares the
// Temporal store those writes (docs/benchmarks.md). Workflows whose histories recorded an activity there
// replay as activities.
func step(ctx workflow.Context, name string, args ...any) workflow.Future {
	if workflow.GetVersion(ctx, localStepsChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return workflow.ExecuteActivity(ctx, name, args...)
	}
	o := workflow.GetActivityOptions(ctx)
	return workflow.ExecuteLocalActivity(workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		ScheduleToCloseTimeout: o.ScheduleToCloseTimeout, StartToCloseTimeout: o.StartToCloseTimeout, RetryPolicy: o.RetryPolicy,
	}), name, args...)
}

func (p *staffingPlan) setup(ctx workflow.Context) error {
	if p.in.PlanID <= 0 || p.in.AuthorID <= 0 {
		return temporal.NewNonRetryableApplicationError("plan and author IDs are required", models.EINVALID, nil)
	}
	if p.in.ReminderAfter <= 0 {
		p.in.ReminderAfter = DefaultPlanReminderAfter
	}
	if p.in.EscalateAfter <= p.in.ReminderAfter {
		p.in.EscalateAfter = p.in.ReminderAfter + DefaultPlanEscalateAfter - DefaultPlanReminderAfter
	}
	if err := workflow.SetQueryHandler(ctx, QueryState, func() (StaffingPlanState, error) { return p.state, nil }); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, UpdateDecide, p.decide,
		workflow.UpdateHandlerOptions{Validator: p.validateDecide}); err != nil {
		return err
	}
	return workflow.SetUpdateHandlerWithOptions(ctx, UpdateResubmit, p.resubmit,
		workflow.UpdateHandlerOptions{Validator: p.validateResubmit})
}

func (p *staffingPlan) run(ctx workflow.Context) (StaffingPlanState, error) {
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	if err := workflow.ExecuteActivity(ctx, ActivityPlanSubmitted, p.in.PlanID, 1, p.in.AuthorID).Get(ctx, nil); err != nil {
		return p.state, err
	}
	p.submitted = true
	for {
		if err := p.awaitDecision(ctx); err != nil {
			return p.state, err
		}
		switch p.state.Status {
		case models.PlanApproved:
			if err := workflow.ExecuteActivity(ctx, ActivityOpenPlanOpenings, p.in.PlanID).Get(ctx, nil); err != nil {
				return p.state, err
			}
			return p.finish(ctx)
		case models.PlanRejected:
			return p.finish(ctx)
		case models.PlanChangesRequested:
			if err := p.awaitResubmission(ctx); err != nil {
				return p.state, err
			}
		}
	}
}

// awaitDecision waits for a decision on the current revision; silence becomes a reminder to the department
// heads, then an escalation to the admins.
func (p *staffingPlan) awaitDecision(ctx workflow.Context) error {
	decided := func() bool { return p.state.Status != models.PlanPendingApproval && !p.state.Busy }
	if ok, err := workflow.AwaitWithTimeout(ctx, p.in.ReminderAfter, decided); err != nil || ok {
		return err
	}
	if err := workflow.ExecuteActivity(ctx, ActivityRemindApprovers, p.in.PlanID, p.state.Revision).Get(ctx, nil); err != nil {
		return err
	}
	p.state.RemindersSent++
	if ok, err := workflow.AwaitWithTimeout(ctx, p.in.EscalateAfter-p.in.ReminderAfter, decided); err != nil || ok {
		return err
	}
	if err := workflow.ExecuteActivity(ctx, ActivityEscalatePlan, p.in.PlanID, p.state.Revision).Get(ctx, nil); err != nil {
		return err
	}
	p.state.Escalated = true
	return workflow.Await(ctx, decided)
}

// awaitResubmission waits for the author's revision; silence becomes one reminder to the author.
func (p *staffingPlan) awaitResubmission(ctx workflow.Context) error {
	resubmitted := func() bool { return p.state.Status == models.PlanPendingApproval && !p.state.Busy }
	if ok, err := workflow.AwaitWithTimeout(ctx, p.in.ReminderAfter, resubmitted); err != nil || ok {
		return err
	}
	if err := workflow.ExecuteActivity(ctx, ActivityRemindPlanAuthor, p.in.PlanID, p.state.Revision).Get(ctx, nil); err != nil {
		return err
	}
	return workflow.Await(ctx, resubmitted)
}

func (p *staffingPlan) finish(ctx workflow.Context) (StaffingPlanState, error) {
	err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
	return p.state, err
}

func (p *staffingPlan) validateDecide(_ workflow.Context, req DecideRequest) error {
	if p.state.Busy {
		return ToTemporal(models.Errorf(models.ECONFLICT, "Another decision on this plan is being recorded."))
	}
	if req.ActorID <= 0 {
		return ToTemporal(models.Invalid(models.FieldError{Field: "actor", Message: "is required"}))
	}
	if req.ActorID == p.in.AuthorID {
		return ToTemporal(models.Errorf(models.EFORBIDDEN, "You wrote this plan, so another department head must decide on it."))
	}
	if err := models.ValidateDecision(p.state.Status, req.Decision, req.Comment); err != nil {
		return ToTemporal(err)
	}
	if req.Revision != 0 && req.Revision != p.state.Revision {
		return ToTemporal(models.Errorf(models.ECONFLICT, "The plan was revised since you opened it (now revision %d); review it again.", p.state.Revision))
	}
	return nil
}

func (p *staffingPlan) decide(ctx workflow.Context, req DecideRequest) (StaffingPlanState, error) {
	p.state.Busy = true
	defer func() { p.state.Busy = false }()
	if workflow.GetVersion(ctx, decideAfterSubmittedChange, workflow.DefaultVersion, 1) != workflow.DefaultVersion {
		if err := workflow.Await(ctx, func() bool { return p.submitted }); err != nil {
			return p.state, err
		}
	}
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	d := models.PlanDecision{PlanID: p.in.PlanID, Revision: p.state.Revision, Decision: req.Decision, ActorID: req.ActorID, Comment: req.Comment}
	if err := workflow.ExecuteActivity(ctx, ActivityRecordPlanDecision, d).Get(ctx, nil); err != nil {
		return p.state, err
	}
	p.state.Status = req.Decision.Outcome()
	return p.state, nil
}

func (p *staffingPlan) validateResubmit(_ workflow.Context, req ResubmitRequest) error {
	if p.state.Busy {
		return ToTemporal(models.Errorf(models.ECONFLICT, "A change to this plan is being recorded."))
	}
	if req.ActorID != p.in.AuthorID {
		return ToTemporal(models.Errorf(models.EFORBIDDEN, "Only the plan's author can revise it."))
	}
	if err := models.ValidateResubmission(p.state.Status); err != nil {
		return ToTemporal(err)
	}
	if req.Revision != p.state.Revision+1 {
		return ToTemporal(models.Errorf(models.ECONFLICT, "Expected revision %d, got %d.", p.state.Revision+1, req.Revision))
	}
	return nil
}

func (p *staffingPlan) resubmit(ctx workflow.Context, req ResubmitRequest) (StaffingPlanState, error) {
	p.state.Busy = true
	defer func() { p.state.Busy = false }()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	if err := workflow.ExecuteActivity(ctx, ActivityPlanSubmitted, p.in.PlanID, req.Revision, req.ActorID).Get(ctx, nil); err != nil {
		return p.state, err
	}
	p.state = StaffingPlanState{Status: models.PlanPendingApproval, Revision: req.Revision}
	return p.state, nil
}

// Package starter starts Bullpen's workflows from outside a workflow: from the API and from activities. Each
// start is idempotent by workflow ID, so a retried request or activity never starts a second run.
package starter

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Starter holds the client and what every start needs.
type Starter struct {
	Client    client.Client
	TaskQueue string
	// OpeningContinueAfter is passed to new Opening workflows; zero means the default.
	OpeningContinueAfter int
}

// Application starts an application's workflow. One already started, running or ended, is left alone: an
// application has one workflow, ever.
func (s *Starter) Application(ctx context.Context, in workflows.ApplicationInput) error {
	_, err := s.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: workflows.ApplicationWorkflowID(in.ApplicationID), TaskQueue: s.TaskQueue,
		WorkflowIDReusePolicy:    enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowIDConflictPolicy: enums.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
	}, workflows.ApplicationWorkflow, in)
	if alreadyStarted(err) {
		return nil
	}
	return err
}

// UpdateApplication sends an update to an application's workflow and waits until it is recorded, starting
// the workflow with in first if it is not running yet (an imported application whose workflow is still being
// started). The update ID makes a retried request join the update it repeats. out, when not nil, receives
// the update's result.
func (s *Starter) UpdateApplication(ctx context.Context, in workflows.ApplicationInput, name, updateID string, arg, out any) error {
	op := s.Client.NewWithStartWorkflowOperation(client.StartWorkflowOptions{
		ID: workflows.ApplicationWorkflowID(in.ApplicationID), TaskQueue: s.TaskQueue,
		WorkflowIDReusePolicy:    enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowIDConflictPolicy: enums.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
	}, workflows.ApplicationWorkflow, in)
	h, err := s.Client.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{StartWorkflowOperation: op,
		UpdateOptions: client.UpdateWorkflowOptions{WorkflowID: workflows.ApplicationWorkflowID(in.ApplicationID), UpdateName: name,
			UpdateID: updateID, Args: []any{arg}, WaitForStage: client.WorkflowUpdateStageCompleted}})
	if err != nil {
		return err
	}
	return h.Get(ctx, out)
}

// OpeningAdded tells an opening's workflow that n applications arrived, starting the workflow if it is not
// running yet (an opening from before workflows kept openings, or its first application).
func (s *Starter) OpeningAdded(ctx context.Context, o *models.Opening, n int) error {
	_, err := s.Client.SignalWithStartWorkflow(ctx, workflows.OpeningWorkflowID(o.ID), workflows.SignalApplicationsAdded, n,
		client.StartWorkflowOptions{TaskQueue: s.TaskQueue, WorkflowIDReusePolicy: enums.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE},
		workflows.OpeningWorkflow, workflows.OpeningInput{OpeningID: o.ID, Seats: o.Seats, SlateSize: o.SlateSize,
			SlateDeadline: o.SlateDeadline, ContinueAfter: s.OpeningContinueAfter})
	return err
}

// Import starts a candidate import's workflow.
func (s *Starter) Import(ctx context.Context, importID int64) error {
	_, err := s.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: workflows.ImportWorkflowID(importID), TaskQueue: s.TaskQueue,
		WorkflowIDReusePolicy: enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
	}, workflows.ImportWorkflow, workflows.ImportInput{ImportID: importID})
	if alreadyStarted(err) {
		return nil
	}
	return err
}

// InterviewInvites starts sending one version of an interview's invites.
func (s *Starter) InterviewInvites(ctx context.Context, v workflows.InterviewVersion) error {
	_, err := s.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: workflows.InvitesWorkflowID(v.InterviewID, v.Sequence), TaskQueue: s.TaskQueue,
		WorkflowIDReusePolicy: enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
	}, workflows.InvitesWorkflow, v)
	if alreadyStarted(err) {
		return nil
	}
	return err
}

func alreadyStarted(err error) bool {
	var started *serviceerror.WorkflowExecutionAlreadyStarted
	return errors.As(err, &started)
}

// Employee starts an employee's workflow, once.
func (s *Starter) Employee(ctx context.Context, in workflows.EmployeeInput) error {
	_, err := s.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: workflows.EmployeeWorkflowID(in.EmployeeID), TaskQueue: s.TaskQueue,
		WorkflowIDReusePolicy: enums.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
	}, workflows.EmployeeWorkflow, in)
	if alreadyStarted(err) {
		return nil
	}
	return err
}

// CandidateRetention starts a candidate's retention timer afresh, ending one already running: the new one reads
// the candidate's applications as they now stand (one that was about to end, having seen an application still
// open, would otherwise miss this closing).
func (s *Starter) CandidateRetention(ctx context.Context, candidateID int64) error {
	_, err := s.Client.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: workflows.CandidateRetentionWorkflowID(candidateID), TaskQueue: s.TaskQueue,
		WorkflowIDReusePolicy:    enums.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
		WorkflowIDConflictPolicy: enums.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING,
	}, workflows.RetentionWorkflow, workflows.RetentionInput{CandidateID: candidateID})
	return err
}

// ClaimSeat asks an opening's workflow for a seat for an accepted offer and waits for its answer. An opening
// whose workflow has ended is filled: no seat.
func (s *Starter) ClaimSeat(ctx context.Context, openingID int64, claim workflows.SeatClaim) (workflows.SeatResult, error) {
	h, err := s.Client.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: workflows.OpeningWorkflowID(openingID),
		UpdateName: workflows.UpdateClaimSeat, UpdateID: fmt.Sprintf("seat-%d", claim.ApplicationID), Args: []any{claim},
		WaitForStage: client.WorkflowUpdateStageCompleted})
	var notFound *serviceerror.NotFound
	if errors.As(err, &notFound) {
		return workflows.SeatResult{}, nil
	}
	if err != nil {
		return workflows.SeatResult{}, err
	}
	var out workflows.SeatResult
	return out, h.Get(ctx, &out)
}

// TeamMeetings creates the Temporal Schedule of a team's planning meetings, or gives it the team's new
// cadence: it fires DefaultReportLead before each meeting and starts that meeting's PlanningMeeting run.
func (s *Starter) TeamMeetings(ctx context.Context, teamID int64, c models.Cadence) error {
	return s.upsertSchedule(ctx, workflows.TeamScheduleID(teamID), s.teamSchedule(teamID, c), "Planning meetings of team "+fmt.Sprint(teamID))
}

// upsertSchedule creates a schedule, or gives the existing one sched's spec and action (its state and
// history of actions kept).
func (s *Starter) upsertSchedule(ctx context.Context, id string, sched client.Schedule, note string) error {
	_, err := s.Client.ScheduleClient().Create(ctx, client.ScheduleOptions{ID: id, Spec: *sched.Spec, Action: sched.Action,
		Overlap: sched.Policy.Overlap, CatchupWindow: sched.Policy.CatchupWindow, Note: note})
	if !errors.Is(err, temporal.ErrScheduleAlreadyRunning) {
		return err
	}
	// An existing schedule is updated through its scheduler, which a Temporal server that has just started (on
	// a restored or busy store, say) may take longer than one call's deadline to load: try again, for up to a
	// minute, while the caller still waits.
	for wait := time.Second; ; wait *= 2 {
		err = s.Client.ScheduleClient().GetHandle(ctx, id).Update(ctx, client.ScheduleUpdateOptions{
			DoUpdate: func(in client.ScheduleUpdateInput) (*client.ScheduleUpdate, error) {
				next := in.Description.Schedule
				next.Spec, next.Action = sched.Spec, sched.Action
				return &client.ScheduleUpdate{Schedule: &next}, nil
			}})
		if err == nil || ctx.Err() != nil || !transient(err) || wait > 32*time.Second {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// transient reports whether a call to the Temporal server failed for want of time or of the server, rather
// than for what it asked.
func transient(err error) bool {
	var unavailable *serviceerror.Unavailable
	var deadline *serviceerror.DeadlineExceeded
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &unavailable) || errors.As(err, &deadline)
}

// teamSchedule is the schedule of a team's meetings on cadence c (UTC, as the cadence).
func (s *Starter) teamSchedule(teamID int64, c models.Cadence) client.Schedule {
	fire := time.Duration(c.Hour)*time.Hour + time.Duration(c.Minute)*time.Minute - workflows.DefaultReportLead
	days := []client.ScheduleRange{{Start: 1, End: 5}} // Monday to Friday
	if c.Kind == "weekly" {
		days = []client.ScheduleRange{{Start: c.Weekday}}
	}
	return client.Schedule{
		Spec: &client.ScheduleSpec{TimeZoneName: "UTC", Calendars: []client.ScheduleCalendarSpec{{
			Hour: []client.ScheduleRange{{Start: int(fire / time.Hour)}}, Minute: []client.ScheduleRange{{Start: int(fire % time.Hour / time.Minute)}},
			DayOfWeek: days,
		}}},
		Action: &client.ScheduleWorkflowAction{ID: workflows.PlanningMeetingWorkflowID(teamID), Workflow: workflows.PlanningMeetingWorkflow,
			TaskQueue: s.TaskQueue, Args: []any{workflows.PlanningMeetingInput{TeamID: teamID, Cadence: c}}},
		Policy: &client.SchedulePolicies{Overlap: enums.SCHEDULE_OVERLAP_POLICY_SKIP, CatchupWindow: workflows.MeetingCatchup},
	}
}

// CareSchedule creates the Temporal Schedule of the daily client care (every day at CareHour UTC), or gives it
// new settings.
func (s *Starter) CareSchedule(ctx context.Context, run workflows.CareRun) error {
	return s.upsertSchedule(ctx, workflows.CareScheduleID, s.careSchedule(run), "Client care: greetings, late calls, idle reps")
}

// careSchedule starts a DailyCare run every day at CareHour UTC; a morning missed while the server was down is
// caught up within half a day, and a run never overlaps the one before.
func (s *Starter) careSchedule(run workflows.CareRun) client.Schedule {
	return client.Schedule{
		Spec: &client.ScheduleSpec{TimeZoneName: "UTC", Calendars: []client.ScheduleCalendarSpec{{Hour: []client.ScheduleRange{{Start: workflows.CareHour}}}}},
		Action: &client.ScheduleWorkflowAction{ID: workflows.DailyCareWorkflowID, Workflow: workflows.DailyCareWorkflow, TaskQueue: s.TaskQueue,
			Args: []any{run}},
		Policy: &client.SchedulePolicies{Overlap: enums.SCHEDULE_OVERLAP_POLICY_SKIP, CatchupWindow: 12 * time.Hour},
	}
}

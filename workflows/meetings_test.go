package workflows

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

type meetingCalls struct{ opened, reminded, held []time.Time }

func meetingEnv(start time.Time, calls *meetingCalls) *testsuite.TestWorkflowEnvironment {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	Register(env)
	env.RegisterActivityWithOptions(func(_ context.Context, m MeetingStep) (MeetingStep, error) {
		calls.opened = append(calls.opened, env.Now())
		m.MeetingID = 77
		return m, nil
	}, activity.RegisterOptions{Name: ActivityOpenMeeting})
	env.RegisterActivityWithOptions(func(context.Context, MeetingStep) error {
		calls.reminded = append(calls.reminded, env.Now())
		return nil
	}, activity.RegisterOptions{Name: ActivityRemindReports})
	env.RegisterActivityWithOptions(func(context.Context, MeetingStep) error {
		calls.held = append(calls.held, env.Now())
		return nil
	}, activity.RegisterOptions{Name: ActivityHoldMeeting})
	return env
}

// TestTeamMeetings: a daily 09:00 meeting set on a Friday after nine is next held on Monday: reports asked
// for at 07:00, the late reminded at 08:30, the meeting held at 09:00, then the workflow continues as new.
func TestTeamMeetings(t *testing.T) {
	fri := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	var calls meetingCalls
	env := meetingEnv(fri, &calls)
	env.ExecuteWorkflow(TeamMeetings, TeamMeetingsInput{TeamID: 3, Cadence: models.Cadence{Kind: "daily", Hour: 9}})
	var can *workflow.ContinueAsNewError
	if !errors.As(env.GetWorkflowError(), &can) {
		t.Fatalf("ended with %v; want continue-as-new after the meeting", env.GetWorkflowError())
	}
	mon := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	if len(calls.opened) != 1 || !calls.opened[0].Equal(mon.Add(-2*time.Hour)) || !calls.reminded[0].Equal(mon.Add(-30*time.Minute)) ||
		!calls.held[0].Equal(mon) {
		t.Fatalf("calls %+v; want opened 07:00, reminded 08:30, held 09:00 on Monday", calls)
	}
}

// TestTeamMeetingsNewCadenceAndStop: a new cadence before the reports are asked for moves the meeting; a stop
// ends the workflow.
func TestTeamMeetingsNewCadenceAndStop(t *testing.T) {
	fri := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	var calls meetingCalls
	env := meetingEnv(fri, &calls)
	env.RegisterDelayedCallback(func() {
		env.SignalWorkflow(SignalCadence, models.Cadence{Kind: "weekly", Weekday: 3, Hour: 10})
	}, time.Hour)
	env.ExecuteWorkflow(TeamMeetings, TeamMeetingsInput{TeamID: 3, Cadence: models.Cadence{Kind: "daily", Hour: 9}})
	var can *workflow.ContinueAsNewError
	if !errors.As(env.GetWorkflowError(), &can) {
		t.Fatalf("ended with %v", env.GetWorkflowError())
	}
	wed := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	if len(calls.held) != 1 || !calls.held[0].Equal(wed) {
		t.Fatalf("held at %v; want Wednesday 10:00", calls.held)
	}

	var calls2 meetingCalls
	env2 := meetingEnv(fri, &calls2)
	env2.RegisterDelayedCallback(func() { env2.SignalWorkflow(SignalStop, nil) }, time.Hour)
	env2.ExecuteWorkflow(TeamMeetings, TeamMeetingsInput{TeamID: 3, Cadence: models.Cadence{Kind: "daily", Hour: 9}})
	if err := env2.GetWorkflowError(); err != nil || len(calls2.opened) != 0 {
		t.Fatalf("after a stop: %v, %+v", err, calls2)
	}
}

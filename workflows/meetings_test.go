package workflows

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"

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

// TestPlanningMeeting: the team's schedule fires at 07:00 on Monday for a daily 09:00 meeting: the meeting is
// opened (reports asked for) at once, the late reminded at 08:30, the meeting held at 09:00.
func TestPlanningMeeting(t *testing.T) {
	mon := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	var calls meetingCalls
	env := meetingEnv(mon.Add(-DefaultReportLead), &calls)
	env.ExecuteWorkflow(PlanningMeeting, PlanningMeetingInput{TeamID: 3, Cadence: models.Cadence{Kind: "daily", Hour: 9}})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	if len(calls.opened) != 1 || !calls.opened[0].Equal(mon.Add(-2*time.Hour)) || len(calls.reminded) != 1 || !calls.reminded[0].Equal(mon.Add(-30*time.Minute)) ||
		len(calls.held) != 1 || !calls.held[0].Equal(mon) {
		t.Fatalf("calls %+v; want opened 07:00, reminded 08:30, held 09:00 on Monday", calls)
	}
}

// TestPlanningMeetingLate: a run that starts after the reminder time (a schedule caught up late, or one
// triggered by hand shortly before) opens the meeting, skips the reminder and holds it on time; a weekly cadence
// finds its weekday.
func TestPlanningMeetingLate(t *testing.T) {
	wed := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	var calls meetingCalls
	env := meetingEnv(wed.Add(-10*time.Minute), &calls)
	env.ExecuteWorkflow(PlanningMeeting, PlanningMeetingInput{TeamID: 3, Cadence: models.Cadence{Kind: "weekly", Weekday: 3, Hour: 10}})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	if len(calls.opened) != 1 || len(calls.reminded) != 0 || len(calls.held) != 1 || !calls.held[0].Equal(wed) {
		t.Fatalf("calls %+v; want opened, not reminded, held Wednesday 10:00", calls)
	}
}

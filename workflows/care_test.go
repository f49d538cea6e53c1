package workflows

import (
	"context"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
)

// TestDailyCare: a morning run plans the greetings of today and the lead days ahead, sends today's cards,
// escalates the calls not made by today, and sends the idle digest with the run's time and threshold.
func TestDailyCare(t *testing.T) {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	morning := time.Date(2026, 11, 27, CareHour, 0, 0, 0, time.UTC)
	env.SetStartTime(morning)
	Register(env)
	var planned []string
	var sent, escalated time.Time
	var digest CareRun
	env.RegisterActivityWithOptions(func(_ context.Context, day time.Time) (int, error) {
		planned = append(planned, day.Format(time.DateOnly))
		return 1, nil
	}, activity.RegisterOptions{Name: ActivityPlanGreetings})
	env.RegisterActivityWithOptions(func(_ context.Context, day time.Time) (int, error) { sent = day; return 2, nil },
		activity.RegisterOptions{Name: ActivitySendGreetingCards})
	env.RegisterActivityWithOptions(func(_ context.Context, day time.Time) (int, error) { escalated = day; return 0, nil },
		activity.RegisterOptions{Name: ActivityEscalateGreetingCalls})
	env.RegisterActivityWithOptions(func(_ context.Context, run CareRun) (int, error) { digest = run; return 0, nil },
		activity.RegisterOptions{Name: ActivitySendIdleDigest})
	env.ExecuteWorkflow(DailyCare, CareRun{LeadDays: 2})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if len(planned) != 3 || planned[0] != "2026-11-27" || planned[2] != "2026-11-29" || !sent.Equal(today) || !escalated.Equal(today) {
		t.Fatalf("planned %v, sent %v, escalated %v", planned, sent, escalated)
	}
	if !digest.At.Equal(morning) || digest.IdleHours != DefaultIdleHours {
		t.Fatalf("digest %+v", digest)
	}
}

package workflows

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// TestEmployeeYear runs an employee's first year by time skipping: each month closes once its excuse window
// has closed, the workflow continues as new every month, the ramp switches in April, and a "left" signal
// sent at the very moment a month closes ends the workflow instead of being lost in the hand-over.
func TestEmployeeYear(t *testing.T) {
	start := time.Date(2027, 1, 4, 8, 0, 0, 0, time.UTC)
	in := EmployeeInput{EmployeeID: 3, UserID: 9, Role: models.RoleSalesRep, StartDate: start,
		Plan:          models.PayPlan{Currency: "EUR", RampMonths: 3, RampBase: 900, RampCommissionPct: 2, Base: 700, CommissionPct: 5},
		OnboardingDue: []time.Time{start.Add(-24 * time.Hour), start.Add(time.Hour), start.AddDate(0, 0, 6)}}
	var reminded []time.Time
	var closed []EmployeeMonth
	var closedAt []time.Time
	var switched []time.Time
	now := start.Add(-48 * time.Hour) // hired two days before starting
	var ts testsuite.WorkflowTestSuite
	for run := 1; ; run++ {
		if run > 20 {
			t.Fatal("the workflow never ended")
		}
		env := ts.NewTestWorkflowEnvironment()
		env.SetStartTime(now)
		Register(env)
		env.RegisterActivityWithOptions(func(context.Context, EmployeeStep) error {
			switched = append(switched, env.Now())
			return nil
		}, activity.RegisterOptions{Name: ActivityRecordRampSwitch})
		env.RegisterActivityWithOptions(func(_ context.Context, _ EmployeeStep, due time.Time) error {
			reminded = append(reminded, env.Now())
			return nil
		}, activity.RegisterOptions{Name: ActivityRemindOnboarding})
		env.RegisterActivityWithOptions(func(_ context.Context, m EmployeeMonth) error {
			closed = append(closed, m)
			closedAt = append(closedAt, env.Now())
			return nil
		}, activity.RegisterOptions{Name: ActivityCloseMonth})
		if run == 13 {
			// The thirteenth run closes January 2028 when its excuse window ends; the employee leaves at that
			// very moment.
			at := models.ExcuseDeadline(time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), 3)
			env.RegisterDelayedCallback(func() { env.SignalWorkflow(SignalEmployeeLeft, nil) }, at.Sub(now))
		}
		env.ExecuteWorkflow(Employee, in)
		err := env.GetWorkflowError()
		var can *workflow.ContinueAsNewError
		if errors.As(err, &can) {
			if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &in); err != nil {
				t.Fatal(err)
			}
			now = env.Now()
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var st EmployeeState
		if err := env.GetWorkflowResult(&st); err != nil {
			t.Fatal(err)
		}
		if !st.Left || run != 13 {
			t.Fatalf("ended in run %d with %+v; want run 13, left", run, st)
		}
		break
	}
	if len(closed) < 12 {
		t.Fatalf("closed %d months; want at least 12", len(closed))
	}
	for i, m := range closed[:12] {
		wantMonth := time.Date(2027, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC)
		if !m.Month.Equal(wantMonth) || m.MonthIndex != i+1 || !closedAt[i].Equal(models.ExcuseDeadline(wantMonth, 3)) {
			t.Errorf("close %d: %+v at %v; want %s month %d at its window's end", i, m, closedAt[i], wantMonth.Format("2006-01"), i+1)
		}
	}
	if len(switched) != 1 || !switched[0].Equal(start.AddDate(0, 3, 0)) {
		t.Errorf("ramp switched at %v; want once, on %v", switched, start.AddDate(0, 3, 0))
	}
	if len(reminded) != 3 || !reminded[2].Equal(start.AddDate(0, 0, 6)) {
		t.Errorf("onboarding reminders at %v; want the three due times", reminded)
	}
	if in.State == nil || in.State.Runs != 12 || !in.State.RampSwitched {
		t.Errorf("carried state %+v", in.State)
	}
}

package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// EmployeeInput starts an employee's workflow (who, from when, on which pay plan), or continues it as new
// with the state it had.
type EmployeeInput struct {
	EmployeeID    int64
	UserID        int64
	ApplicationID int64
	Role          models.Role
	StartDate     time.Time
	Plan          models.PayPlan
	// ExcuseWorkingDays is how long after a month's end excuses may still be accepted; zero means the default.
	ExcuseWorkingDays int
	// OnboardingDue are the due times of the onboarding checklist's tasks, in order; at each, whoever has a
	// task due and not done is reminded.
	OnboardingDue []time.Time
	State         *EmployeeState
}

// EmployeeState is what the workflow holds; the "state" query returns it.
type EmployeeState struct {
	// Month is the calendar month being worked (its first day, UTC); MonthIndex is its number in the
	// employment (1 for the month the employee starts in), which sets the pay plan's ramp month.
	Month      time.Time
	MonthIndex int
	// RampEnds is when the pay plan's ramp gives way to the later terms; RampSwitched once recorded.
	RampEnds     time.Time
	RampSwitched bool
	MonthsClosed int
	Runs         int
	Left         bool
	// OnboardingNext is the next of OnboardingDue to remind at.
	OnboardingNext int
}

// EmployeeStep names an employee for the activities.
type EmployeeStep struct {
	EmployeeID int64
	UserID     int64
}

// EmployeeMonth names a month of an employee's work for the activities that close it.
type EmployeeMonth struct {
	EmployeeID int64
	UserID     int64
	Month      time.Time
	MonthIndex int
}

// Employee is a hire's long-running workflow. It reminds whoever has an onboarding task due and not done, at
// each task's due time; it switches the pay plan at the end of the ramp (a durable
// timer) and records it; every month, once the month's excuse window has closed, it closes the month (the
// plan evaluated into a bonus or a penalty, the pay statement written for the department head's approval)
// and continues as new with the next month, so its history stays small over years. It ends when the employee
// leaves (the "left" signal), which is never lost across a continue-as-new.
func Employee(ctx workflow.Context, in EmployeeInput) (EmployeeState, error) {
	if in.EmployeeID <= 0 || in.UserID <= 0 {
		return EmployeeState{}, temporal.NewNonRetryableApplicationError("employee and user IDs are required", models.EINVALID, nil)
	}
	if in.ExcuseWorkingDays <= 0 {
		in.ExcuseWorkingDays = models.DefaultExcuseWorkingDays
	}
	st := EmployeeState{Month: models.MonthStart(in.StartDate), MonthIndex: 1, RampEnds: in.StartDate.AddDate(0, in.Plan.RampMonths, 0)}
	if in.State != nil {
		st = *in.State
	}
	st.Runs++
	if err := workflow.SetQueryHandler(ctx, QueryState, func() (EmployeeState, error) { return st, nil }); err != nil {
		return st, err
	}
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	step := EmployeeStep{EmployeeID: in.EmployeeID, UserID: in.UserID}
	left := workflow.GetSignalChannel(ctx, SignalEmployeeLeft)
	for {
		closeAt := models.ExcuseDeadline(st.Month, in.ExcuseWorkingDays)
		next := closeAt
		rampDue := !st.RampSwitched && in.Plan.RampMonths > 0
		if rampDue && st.RampEnds.Before(next) {
			next = st.RampEnds
		}
		onboardingDue := st.OnboardingNext < len(in.OnboardingDue)
		if onboardingDue && in.OnboardingDue[st.OnboardingNext].Before(next) {
			next = in.OnboardingDue[st.OnboardingNext]
		}
		sel := workflow.NewSelector(ctx)
		timerCtx, cancel := workflow.WithCancel(ctx)
		sel.AddFuture(workflow.NewTimer(timerCtx, max(next.Sub(workflow.Now(ctx)), time.Millisecond)), func(workflow.Future) {})
		sel.AddReceive(left, func(c workflow.ReceiveChannel, _ bool) {
			c.Receive(ctx, nil)
			st.Left = true
		})
		sel.Select(ctx)
		cancel()
		if st.Left {
			return st, nil
		}
		now := workflow.Now(ctx)
		for st.OnboardingNext < len(in.OnboardingDue) && !now.Before(in.OnboardingDue[st.OnboardingNext]) {
			if err := workflow.ExecuteActivity(ctx, ActivityRemindOnboarding, step, in.OnboardingDue[st.OnboardingNext]).Get(ctx, nil); err != nil {
				return st, err
			}
			st.OnboardingNext++
		}
		if rampDue && !now.Before(st.RampEnds) {
			if err := workflow.ExecuteActivity(ctx, ActivityRecordRampSwitch, step).Get(ctx, nil); err != nil {
				return st, err
			}
			st.RampSwitched = true
		}
		if now.Before(closeAt) {
			continue
		}
		m := EmployeeMonth{EmployeeID: in.EmployeeID, UserID: in.UserID, Month: st.Month, MonthIndex: st.MonthIndex}
		if err := workflow.ExecuteActivity(ctx, ActivityCloseMonth, m).Get(ctx, nil); err != nil {
			return st, err
		}
		st.MonthsClosed++
		st.Month, st.MonthIndex = st.Month.AddDate(0, 1, 0), st.MonthIndex+1
		// A "left" signal that came while the month was closing is taken here, not lost in the hand-over.
		if left.ReceiveAsync(nil) {
			st.Left = true
			return st, nil
		}
		carry := in
		carry.State = &st
		return st, workflow.NewContinueAsNewError(ctx, EmployeeWorkflow, carry)
	}
}

package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// EmployeeInput starts an employee's workflow: who, from when, on which pay plan.
type EmployeeInput struct {
	EmployeeID    int64
	UserID        int64
	ApplicationID int64
	Role          models.Role
	StartDate     time.Time
	Plan          models.PayPlan
}

// EmployeeState is what the workflow holds; the "state" query returns it.
type EmployeeState struct {
	EmployeeInput
	// RampEnds is when the pay plan's ramp gives way to the later terms.
	RampEnds time.Time
	Left     bool
}

// Employee is a hire's long-running workflow. For now it holds the start date and the pay plan, and ends
// when the employee leaves (the "left" signal); the routines (onboarding, the pay ramp's switch, monthly pay
// statements) are added to it next.
func Employee(ctx workflow.Context, in EmployeeInput) (EmployeeState, error) {
	if in.EmployeeID <= 0 || in.UserID <= 0 {
		return EmployeeState{}, temporal.NewNonRetryableApplicationError("employee and user IDs are required", models.EINVALID, nil)
	}
	st := EmployeeState{EmployeeInput: in, RampEnds: in.StartDate.AddDate(0, in.Plan.RampMonths, 0)}
	if err := workflow.SetQueryHandler(ctx, QueryState, func() (EmployeeState, error) { return st, nil }); err != nil {
		return st, err
	}
	workflow.GetSignalChannel(ctx, SignalEmployeeLeft).Receive(ctx, nil)
	st.Left = true
	return st, nil
}

package workflows

import (
	"time"

	"go.temporal.io/sdk/workflow"
)

// CareRun is one day's client care, started by the care schedule (CareScheduleID) every morning.
type CareRun struct {
	// At is when the run started (set by the workflow; the schedule leaves it zero).
	At time.Time
	// LeadDays is how many days ahead greetings are planned, so owners can add their personal line.
	LeadDays int
	// IdleHours is how many working hours without logged work make a rep idle.
	IdleHours float64
}

// Client care defaults.
const (
	DefaultGreetingLeadDays = 3
	DefaultIdleHours        = 16
	// CareHour is when the care schedule runs each day (UTC): before the working day.
	CareHour = 6
)

// DailyCare is a day of client care (seed steps 6 and 7): it plans the greetings of the occasions LeadDays
// ahead (a call for each owner on the day and e-cards to the client's contacts), sends today's e-cards (each
// once), escalates yesterday's greeting calls not made to the owners' managers, and sends the managers the
// digest of idle reps. The care schedule starts one run a day; every step is idempotent, so a run repeated
// (a schedule caught up, a worker restarted) changes nothing twice.
func DailyCare(ctx workflow.Context, in CareRun) (CareRun, error) {
	if in.LeadDays <= 0 {
		in.LeadDays = DefaultGreetingLeadDays
	}
	if in.IdleHours <= 0 {
		in.IdleHours = DefaultIdleHours
	}
	in.At = workflow.Now(ctx).UTC()
	today := time.Date(in.At.Year(), in.At.Month(), in.At.Day(), 0, 0, 0, 0, time.UTC)
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	var n int
	for d := 0; d <= in.LeadDays; d++ {
		// Every day up to the lead, so an occasion added late, or a day the schedule missed, is still planned.
		if err := workflow.ExecuteActivity(ctx, ActivityPlanGreetings, today.AddDate(0, 0, d)).Get(ctx, &n); err != nil {
			return in, err
		}
	}
	if err := workflow.ExecuteActivity(ctx, ActivitySendGreetingCards, today).Get(ctx, &n); err != nil {
		return in, err
	}
	if err := workflow.ExecuteActivity(ctx, ActivityEscalateGreetingCalls, today).Get(ctx, &n); err != nil {
		return in, err
	}
	if err := workflow.ExecuteActivity(ctx, ActivitySendIdleDigest, in).Get(ctx, &n); err != nil {
		return in, err
	}
	return in, nil
}

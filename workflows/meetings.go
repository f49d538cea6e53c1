package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// TeamMeetingsInput runs a team's planning meetings.
type TeamMeetingsInput struct {
	TeamID  int64
	Cadence models.Cadence
	// Lead is how long before a meeting reps are asked for their reports; zero means DefaultReportLead.
	Lead time.Duration
}

// MeetingStep names one meeting for the activities.
type MeetingStep struct {
	TeamID    int64
	MeetingID int64
	At        time.Time
}

// Report timing defaults: reps are asked two hours before, reminded half an hour before.
const (
	DefaultReportLead = 2 * time.Hour
	ReportReminder    = 30 * time.Minute
)

// TeamMeetings runs a team's planning meetings (seed step 3) on its cadence: before each, reps are asked for
// their report (pre-filled from the activity log); half an hour before, those who have not filed are
// reminded; at the meeting the agenda is compiled from the reports and the missing reports are recorded. A
// new cadence (the "cadence" signal) takes effect from the next meeting; the workflow continues as new after
// each meeting and ends on the "stop" signal.
func TeamMeetings(ctx workflow.Context, in TeamMeetingsInput) error {
	if in.TeamID <= 0 {
		return temporal.NewNonRetryableApplicationError("team ID is required", models.EINVALID, nil)
	}
	if in.Lead <= 0 {
		in.Lead = DefaultReportLead
	}
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	cadence := workflow.GetSignalChannel(ctx, SignalCadence)
	stop := workflow.GetSignalChannel(ctx, SignalStop)
	stopped := false
	// wait sleeps until t, taking a new cadence or a stop on the way; it reports whether to go on as planned.
	wait := func(t time.Time) bool {
		for {
			d := t.Sub(workflow.Now(ctx))
			if d <= 0 {
				return true
			}
			changed := false
			sel := workflow.NewSelector(ctx)
			timerCtx, cancel := workflow.WithCancel(ctx)
			sel.AddFuture(workflow.NewTimer(timerCtx, d), func(workflow.Future) {})
			sel.AddReceive(cadence, func(c workflow.ReceiveChannel, _ bool) {
				c.Receive(ctx, &in.Cadence)
				changed = true
			})
			sel.AddReceive(stop, func(c workflow.ReceiveChannel, _ bool) {
				c.Receive(ctx, nil)
				stopped = true
			})
			sel.Select(ctx)
			cancel()
			if stopped || changed {
				return false
			}
		}
	}
	for {
		at := in.Cadence.Next(workflow.Now(ctx))
		if !wait(at.Add(-in.Lead)) {
			if stopped {
				return nil
			}
			continue // a new cadence: plan the next meeting again
		}
		var m MeetingStep
		if err := workflow.ExecuteActivity(ctx, ActivityOpenMeeting, MeetingStep{TeamID: in.TeamID, At: at}).Get(ctx, &m); err != nil {
			return err
		}
		if wait(at.Add(-ReportReminder)) {
			if err := workflow.ExecuteActivity(ctx, ActivityRemindReports, m).Get(ctx, nil); err != nil {
				return err
			}
		}
		if stopped {
			return nil
		}
		for !wait(at) && !stopped {
			// a new cadence applies from the next meeting; this one is held as announced
		}
		if err := workflow.ExecuteActivity(ctx, ActivityHoldMeeting, m).Get(ctx, nil); err != nil {
			return err
		}
		if stopped {
			return nil
		}
		// Signals that came meanwhile are taken before handing over.
		for cadence.ReceiveAsync(&in.Cadence) {
		}
		if stop.ReceiveAsync(nil) {
			return nil
		}
		return workflow.NewContinueAsNewError(ctx, TeamMeetingsWorkflow, in)
	}
}

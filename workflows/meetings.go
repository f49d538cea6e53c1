package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// PlanningMeetingInput is one planning meeting of a team, started by the team's schedule (TeamScheduleID)
// DefaultReportLead before the meeting. The schedule carries the cadence it fires on, so the meeting's time is
// the cadence's next after the start.
type PlanningMeetingInput struct {
	TeamID  int64
	Cadence models.Cadence
}

// MeetingStep names one meeting for the activities.
type MeetingStep struct {
	TeamID    int64
	MeetingID int64
	At        time.Time
}

// Report timing: reps are asked two hours before a meeting (when the team's schedule fires), reminded half an
// hour before. A schedule that fires late (the server was down) still starts the meeting's run within
// MeetingCatchup; later than that, the meeting is skipped rather than opened after it should have been held.
const (
	DefaultReportLead = 2 * time.Hour
	ReportReminder    = 30 * time.Minute
	MeetingCatchup    = time.Hour
)

// PlanningMeeting runs one planning meeting (seed step 3): it opens the meeting and asks the reps for their
// reports (pre-filled from the activity log); half an hour before, it reminds those who have not filed; at the
// meeting it tells the manager the agenda is ready and records the missing reports. A team's Temporal Schedule
// starts one run per meeting on the team's cadence; a new cadence changes the schedule and applies from the
// next meeting, while a run under way is held as announced.
func PlanningMeeting(ctx workflow.Context, in PlanningMeetingInput) error {
	if in.TeamID <= 0 {
		return temporal.NewNonRetryableApplicationError("team ID is required", models.EINVALID, nil)
	}
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	at := in.Cadence.Next(workflow.Now(ctx))
	var m MeetingStep
	if err := workflow.ExecuteActivity(ctx, ActivityOpenMeeting, MeetingStep{TeamID: in.TeamID, At: at}).Get(ctx, &m); err != nil {
		return err
	}
	if d := at.Add(-ReportReminder).Sub(workflow.Now(ctx)); d > 0 {
		if err := workflow.Sleep(ctx, d); err != nil {
			return err
		}
		if err := workflow.ExecuteActivity(ctx, ActivityRemindReports, m).Get(ctx, nil); err != nil {
			return err
		}
	}
	if d := at.Sub(workflow.Now(ctx)); d > 0 {
		if err := workflow.Sleep(ctx, d); err != nil {
			return err
		}
	}
	return workflow.ExecuteActivity(ctx, ActivityHoldMeeting, m).Get(ctx, nil)
}

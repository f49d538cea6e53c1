package activities

import (
	"context"
	"fmt"
	"slices"

	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Notification kinds of planning meetings.
const (
	noticeReportDue      = "report_due"
	noticeReportReminder = "report_reminder"
	noticeAgendaReady    = "agenda_ready"
)

func meetingLink(id int64) string { return fmt.Sprintf("/meetings/%d", id) }

// OpenMeeting records a team's next meeting and asks its reps for their reports.
func (a *Activities) OpenMeeting(ctx context.Context, step workflows.MeetingStep) (workflows.MeetingStep, error) {
	team, members, err := a.DB.TeamByID(ctx, step.TeamID)
	if err != nil {
		return step, refusal(err)
	}
	m, err := a.DB.OpenMeeting(ctx, team.ID, step.At)
	if err != nil {
		return step, err
	}
	step.MeetingID = m.ID
	when := m.At.Format("Mon 2 Jan 15:04 UTC")
	return step, a.DB.Notify(ctx, members, store.Notice{Kind: noticeReportDue, Link: meetingLink(m.ID),
		Params:  map[string]any{"team": team.Name, "at": m.At},
		Message: fmt.Sprintf("File your report for the %s planning meeting (%s): done, planned, blockers.", team.Name, when)},
		fmt.Sprintf("meeting-%d-due", m.ID))
}

// missing returns the team's reps who have not filed a report for the meeting.
func (a *Activities) missing(ctx context.Context, step workflows.MeetingStep) (*store.TeamRecord, []int64, error) {
	team, members, err := a.DB.TeamByID(ctx, step.TeamID)
	if err != nil {
		return nil, nil, refusal(err)
	}
	reports, err := a.DB.Reports(ctx, step.MeetingID)
	if err != nil {
		return nil, nil, err
	}
	var out []int64
	for _, m := range members {
		if !slices.ContainsFunc(reports, func(r store.ReportRecord) bool { return r.UserID == m }) {
			out = append(out, m)
		}
	}
	return team, out, nil
}

// RemindReports reminds the reps who have not filed their report yet.
func (a *Activities) RemindReports(ctx context.Context, step workflows.MeetingStep) error {
	team, late, err := a.missing(ctx, step)
	if err != nil {
		return err
	}
	return a.DB.Notify(ctx, late, store.Notice{Kind: noticeReportReminder, Link: meetingLink(step.MeetingID),
		Params: map[string]any{"team": team.Name}, Message: fmt.Sprintf("Reminder: the %s planning meeting starts in 30 minutes; file your report.", team.Name)},
		fmt.Sprintf("meeting-%d-reminder", step.MeetingID))
}

// HoldMeeting closes the reports at the meeting's time, records who missed theirs, and tells the manager the
// agenda is ready.
func (a *Activities) HoldMeeting(ctx context.Context, step workflows.MeetingStep) error {
	team, late, err := a.missing(ctx, step)
	if err != nil {
		return err
	}
	if late == nil {
		late = []int64{}
	}
	if err := a.DB.HoldMeeting(ctx, step.MeetingID, late); err != nil {
		return err
	}
	return a.DB.Notify(ctx, []int64{team.ManagerID}, store.Notice{Kind: noticeAgendaReady, Link: meetingLink(step.MeetingID),
		Params:  map[string]any{"team": team.Name, "missed": len(late)},
		Message: fmt.Sprintf("The %s planning meeting's agenda is ready (%d reports missing).", team.Name, len(late))},
		fmt.Sprintf("meeting-%d-agenda", step.MeetingID))
}

package starter

import (
	"fmt"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/workflows"
)

// TestTeamSchedule: the schedule fires the report lead before the meeting, on working days for a daily
// cadence and on the weekday for a weekly one, and carries the cadence to the meeting's run.
func TestTeamSchedule(t *testing.T) {
	s := &Starter{TaskQueue: "q"}
	for _, tc := range []struct {
		c    models.Cadence
		want string
	}{
		{models.Cadence{Kind: "daily", Hour: 9}, "07:00 days [{1 5 0}]"},
		{models.Cadence{Kind: "weekly", Weekday: 3, Hour: 6, Minute: 30}, "04:30 days [{3 0 0}]"},
		{models.Cadence{Kind: "daily", Hour: 20, Minute: 59}, "18:59 days [{1 5 0}]"},
	} {
		sched := s.teamSchedule(7, tc.c)
		cal := sched.Spec.Calendars[0]
		got := fmt.Sprintf("%02d:%02d days %v", cal.Hour[0].Start, cal.Minute[0].Start, cal.DayOfWeek)
		action := sched.Action.(*client.ScheduleWorkflowAction)
		if in, ok := action.Args[0].(workflows.PlanningMeetingInput); !ok || in.TeamID != 7 || in.Cadence != tc.c || action.ID != "team-7-meeting" {
			t.Errorf("%+v: action %+v", tc.c, action)
		}
		if got != tc.want || sched.Spec.TimeZoneName != "UTC" {
			t.Errorf("%+v: %s; want %s", tc.c, got, tc.want)
		}
	}
}

// TestCareSchedule: the care run fires every day at 06:00 UTC with its settings, never overlapping, and
// catches up a missed morning within half a day.
func TestCareSchedule(t *testing.T) {
	sched := (&Starter{TaskQueue: "q"}).careSchedule(workflows.CareRun{LeadDays: 5, IdleHours: 12})
	cal := sched.Spec.Calendars[0]
	if len(cal.Hour) != 1 || cal.Hour[0].Start != workflows.CareHour || len(cal.Minute) != 0 || len(cal.DayOfWeek) != 0 || sched.Spec.TimeZoneName != "UTC" {
		t.Fatalf("calendar %+v", cal)
	}
	action := sched.Action.(*client.ScheduleWorkflowAction)
	if run, ok := action.Args[0].(workflows.CareRun); !ok || run.LeadDays != 5 || run.IdleHours != 12 || action.Workflow != workflows.DailyCareWorkflow {
		t.Fatalf("action %+v", action)
	}
	if sched.Policy.Overlap != enums.SCHEDULE_OVERLAP_POLICY_SKIP || sched.Policy.CatchupWindow != 12*time.Hour {
		t.Fatalf("policy %+v", sched.Policy)
	}
}

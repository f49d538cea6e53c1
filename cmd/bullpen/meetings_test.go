package main

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/activities"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/workflows"
)

// TestPlanningMeetings: a department head forms a team with a daily cadence and its Temporal Schedule is made;
// fired by hand, it opens the next meeting; a rep's report is drafted from their activity log and filed, the
// manager sees the agenda and who is missing; once held, the missing report is recorded and a late one refused.
func TestPlanningMeetings(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	admin, head, manager, elira, ilir := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()),
		newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	head.login("head@bullpen.demo", pw)
	manager.login("manager@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	var luan struct{ ID int64 }
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "rep2@bullpen.demo", "name": "Luan Gashi", "password": "rep-two-password",
		"roles": []string{"sales_rep"}}, &luan); code != 201 {
		t.Fatalf("second rep: %d", code)
	}
	id := func(b *browser) int64 {
		var me struct {
			User struct{ ID int64 } `json:"user"`
		}
		b.do("GET", "/api/v1/me", nil, &me)
		return me.User.ID
	}
	// The people a department head forms a team of: active managers, and reps with their clients.
	var people struct {
		Managers []struct{ Name string }
		Reps     []struct {
			UserID   int64 `json:"user_id"`
			Name     string
			Accounts int
		}
	}
	if code := head.do("GET", "/api/v1/sales-people", nil, &people); code != 200 || len(people.Managers) != 1 || people.Managers[0].Name != "Gentian Leka" ||
		len(people.Reps) != 2 || people.Reps[0].Name != "Elira Dervishi" || people.Reps[0].Accounts != 3 || people.Reps[1].UserID != luan.ID {
		t.Fatalf("sales people: %d %+v", code, people)
	}
	if code := elira.do("GET", "/api/v1/sales-people", nil, nil); code != 403 {
		t.Fatalf("a rep lists the sales people: %d", code)
	}
	var p problem
	bad := map[string]any{"name": "Prishtina", "manager_id": id(elira), "member_ids": []int64{id(elira)}, "cadence": map[string]any{"kind": "weekly", "weekday": 6, "hour": 9}}
	if code := head.do("POST", "/api/v1/teams", bad, &p); code != 400 || fmt.Sprint(p.fields()) != "[cadence.weekday manager_id]" {
		t.Fatalf("a bad team: %d %v", code, p.fields())
	}
	var team struct {
		ID     int64         `json:"id"`
		Missed map[int64]int `json:"missed"`
	}
	if code := head.do("POST", "/api/v1/teams", map[string]any{"name": "Prishtina", "manager_id": id(manager), "member_ids": []int64{id(elira), luan.ID},
		"cadence": map[string]any{"kind": "daily", "hour": 9}}, &team); code != 201 {
		t.Fatalf("team: %d", code)
	}
	// The team's Temporal Schedule fires two hours before each 09:00 meeting, Monday to Friday.
	sched := app.Temporal.ScheduleClient().GetHandle(context.Background(), workflows.TeamScheduleID(team.ID))
	desc, err := sched.Describe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cal := desc.Schedule.Spec.Calendars[0]; cal.Hour[0].Start != 7 || cal.Minute[0].Start != 0 || cal.DayOfWeek[0].End != 5 {
		t.Fatalf("the schedule's calendar: %+v", cal)
	}

	// Luan's work since the last meeting pre-fills his report (Elira has the demo's month of work).
	luanB := newBrowser(t, app.URL())
	luanB.login("rep2@bullpen.demo", "rep-two-password")
	var acc struct{ ID int64 }
	luanB.do("POST", "/api/v1/accounts", map[string]string{"name": "Hotel Iliria"}, &acc)
	luanB.do("POST", "/api/v1/activities", map[string]any{"account_id": acc.ID, "kind": "call"}, nil)
	// Firing the schedule now starts the next meeting's run, which opens it.
	if err := sched.Trigger(context.Background(), client.ScheduleTriggerOptions{}); err != nil {
		t.Fatal(err)
	}
	next := (models.Cadence{Kind: "daily", Hour: 9}).Next(time.Now())
	var m workflows.MeetingStep
	eventually(t, 15*time.Second, "the meeting the schedule opens", func() bool {
		var got struct {
			Meetings []struct {
				ID int64
				At time.Time
			}
		}
		manager.do("GET", fmt.Sprintf("/api/v1/teams/%d", team.ID), nil, &got)
		for _, g := range got.Meetings {
			if g.At.Equal(next) {
				m = workflows.MeetingStep{TeamID: team.ID, MeetingID: g.ID, At: g.At}
				return true
			}
		}
		return false
	})
	acts := &activities.Activities{DB: app.DB, Log: app.Log}
	path := fmt.Sprintf("/api/v1/meetings/%d", m.MeetingID)
	var mine struct {
		DraftDone string                 `json:"draft_done"`
		Mine      *struct{ Done string } `json:"mine"`
	}
	if code := luanB.do("GET", path, nil, &mine); code != 200 || mine.DraftDone != "1 call, 0 client meetings, 0 deals won, 0 lost." || mine.Mine != nil {
		t.Fatalf("Luan's draft: %d %+v", code, mine)
	}
	if code := luanB.do("POST", path+"/reports", map[string]string{"done": mine.DraftDone}, &p); code != 400 || p.fields()[0] != "planned" {
		t.Fatalf("a report without a plan: %d %+v", code, p)
	}
	if code := luanB.do("POST", path+"/reports", map[string]string{"done": mine.DraftDone, "planned": "Visit Hotel Iliria", "blockers": "No car"}, nil); code != 200 {
		t.Fatalf("file: %d", code)
	}
	// The team list: Luan's report is in for the next meeting, Elira's not; an outsider sees no team.
	type teamItem struct {
		ID          int64 `json:"id"`
		Members     int   `json:"members"`
		NextMeeting *struct {
			ID      int64 `json:"id"`
			Reports int   `json:"reports"`
			Filed   bool  `json:"filed"`
		} `json:"next_meeting"`
	}
	teamIn := func(b *browser) *teamItem {
		var teams struct{ Items []teamItem }
		if code := b.do("GET", "/api/v1/teams", nil, &teams); code != 200 {
			t.Fatalf("teams: %d", code)
		}
		for i := range teams.Items {
			if teams.Items[i].ID == team.ID {
				return &teams.Items[i]
			}
		}
		return nil
	}
	if l := teamIn(luanB); l == nil || l.Members != 2 || l.NextMeeting == nil || l.NextMeeting.ID != m.MeetingID || !l.NextMeeting.Filed || l.NextMeeting.Reports != 1 {
		t.Fatalf("Luan's teams: %+v", l)
	}
	if e := teamIn(elira); e == nil || e.NextMeeting == nil || e.NextMeeting.Filed {
		t.Fatalf("Elira's teams: %+v", e)
	}
	if teamIn(ilir) != nil || teamIn(head) == nil {
		t.Fatal("an outsider lists the team, or the head does not")
	}
	if code := ilir.do("GET", path, nil, nil); code != 403 {
		t.Fatalf("an outsider reads the meeting: %d", code)
	}
	var agenda struct {
		Reports  []struct{ Planned string } `json:"reports"`
		Awaiting []struct{ Name string }    `json:"awaiting"`
	}
	if code := manager.do("GET", path, nil, &agenda); code != 200 || len(agenda.Reports) != 1 || len(agenda.Awaiting) != 1 || agenda.Awaiting[0].Name != "Elira Dervishi" {
		t.Fatalf("the manager's agenda: %d %+v", code, agenda)
	}
	if err := acts.HoldMeeting(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	if code := elira.do("POST", path+"/reports", map[string]string{"done": "x", "planned": "y"}, &p); code != 409 {
		t.Fatalf("a report after the meeting: %d %+v", code, p)
	}
	if code := manager.do("GET", fmt.Sprintf("/api/v1/teams/%d", team.ID), nil, &team); code != 200 || team.Missed[id(elira)] != 1 || team.Missed[luan.ID] != 0 {
		t.Fatalf("missed reports: %d %+v", code, team)
	}

	// A new cadence cancels the meetings the old one opened further ahead; nothing is left open for ever.
	later, err := acts.OpenMeeting(context.Background(), workflows.MeetingStep{TeamID: team.ID, At: time.Now().AddDate(0, 0, 5).UTC().Truncate(time.Hour).Add(17 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if code := manager.do("PUT", fmt.Sprintf("/api/v1/teams/%d/cadence", team.ID), map[string]any{"cadence": map[string]any{"kind": "weekly", "weekday": 2, "hour": 10}}, nil); code != 200 {
		t.Fatalf("new cadence: %d", code)
	}
	if got, _ := app.DB.MeetingByID(context.Background(), later.MeetingID); got.Status != "cancelled" {
		t.Fatalf("the old cadence's later meeting: %s", got.Status)
	}
	if desc, err := sched.Describe(context.Background()); err != nil || desc.Schedule.Spec.Calendars[0].DayOfWeek[0].Start != 2 || desc.Schedule.Spec.Calendars[0].Hour[0].Start != 8 {
		t.Fatalf("the schedule after the new cadence: %v %+v", err, desc)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		// The meeting's run that the schedule started (its ID carries the time it was started at).
		desc, err := sched.Describe(context.Background())
		if err != nil || len(desc.Info.RecentActions) == 0 || desc.Info.RecentActions[0].StartWorkflowResult == nil {
			t.Fatalf("the schedule's runs: %v %+v", err, desc)
		}
		writeWorkflowHistory(t, app, desc.Info.RecentActions[0].StartWorkflowResult.WorkflowID, "planning_meeting_opened.json")
	}
}

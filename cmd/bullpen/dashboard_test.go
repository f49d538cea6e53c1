package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestDashboard reads the department dashboard, the hiring side, kudos and a rep's home over HTTP on
// PostgreSQL with the demo: Elira's month of work counted day by day against her plan, her team's view for its
// manager, the CSV, refusals for the wrong people and bad periods; her home with today's greeting call, her
// report due, her clients and the kudos her manager gave her.
func TestDashboard(t *testing.T) {
	app := startAppWith(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), nil, func(a *App) { a.DemoFloor = true })
	defer app.Close()
	head, manager, elira, rita := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	head.login("head@bullpen.demo", pw)
	manager.login("manager@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)
	rita.login("recruiter@bullpen.demo", pw)
	var me struct {
		User struct{ ID int64 } `json:"user"`
	}
	elira.do("GET", "/api/v1/me", nil, &me)
	today := time.Now().UTC()
	monthStart := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	var acts struct{ Items []struct{ Kind string } }
	elira.do("GET", "/api/v1/activities?rep=me&from="+monthStart.Format(time.RFC3339), nil, &acts)
	calls := 0
	for _, a := range acts.Items {
		if a.Kind == "call" {
			calls++
		}
	}

	type dash struct {
		Days []struct {
			Date  string
			Calls int
		}
		Reps []struct {
			ID    int64 `json:"id"`
			Name  string
			Calls int
			Score int
			Idle  bool
		}
		Teams []struct {
			ID   int64 `json:"id"`
			Name string
		}
		TopPeriod []struct {
			Name  string
			Score int
		} `json:"top_period"`
	}
	var d dash
	if code := head.do("GET", "/api/v1/dashboard", nil, &d); code != 200 || len(d.Days) != today.Day() {
		t.Fatalf("the head's dashboard: %d, %d days", code, len(d.Days))
	}
	sum := 0
	for _, day := range d.Days {
		sum += day.Calls
	}
	// Elira's calls as she logged them; the floor's most productive rep on top; Dren (a week without work) idle,
	// Vesa (calls every day) not.
	eliraCalls, best, idle := -1, 0, []string{}
	for _, r := range d.Reps {
		if r.ID == me.User.ID {
			eliraCalls = r.Calls
		}
		best = max(best, r.Score)
		if r.Idle {
			idle = append(idle, r.Name)
		}
	}
	if len(d.Reps) != 5 || eliraCalls != calls || sum < calls || len(d.TopPeriod) == 0 || d.TopPeriod[0].Score != best ||
		!slices.Contains(idle, "Dren Hoxha") || slices.Contains(idle, "Vesa Krasniqi") {
		t.Fatalf("the floor on the dashboard: %+v; Elira logged %d calls, %d in the days; top %+v; idle %v", d.Reps, calls, sum, d.TopPeriod, idle)
	}
	if len(d.Teams) == 0 {
		t.Fatal("no teams")
	}
	var team dash
	if code := manager.do("GET", fmt.Sprintf("/api/v1/dashboard?team=%d", d.Teams[0].ID), nil, &team); code != 200 || len(team.Reps) != 1 || team.Reps[0].ID != me.User.ID {
		t.Fatalf("the manager's team: %d %+v", code, team.Reps)
	}
	// The head's figures are kept for a short while and say when they were computed: a call Elira logs now
	// shows once the head asks for fresh figures.
	type kept struct {
		AsOf time.Time `json:"as_of"`
		Reps []struct {
			ID    int64 `json:"id"`
			Calls int
		}
	}
	callsOf := func(k kept) int {
		for _, r := range k.Reps {
			if r.ID == me.User.ID {
				return r.Calls
			}
		}
		return -1
	}
	var before, cached, fresh kept
	head.do("GET", "/api/v1/dashboard", nil, &before)
	var clients struct{ Items []struct{ ID int64 } }
	if code := elira.do("GET", "/api/v1/accounts?owner=me", nil, &clients); code != 200 || len(clients.Items) == 0 {
		t.Fatalf("Elira's clients: %d %+v", code, clients)
	}
	if code := elira.do("POST", "/api/v1/activities", map[string]any{"account_id": clients.Items[0].ID, "kind": "call"}, nil); code != 201 {
		t.Fatalf("log a call: %d", code)
	}
	head.do("GET", "/api/v1/dashboard", nil, &cached)
	head.do("GET", "/api/v1/dashboard?fresh=1", nil, &fresh)
	if before.AsOf.IsZero() || !cached.AsOf.Equal(before.AsOf) || callsOf(cached) != calls || !fresh.AsOf.After(before.AsOf) || callsOf(fresh) != calls+1 {
		t.Fatalf("kept figures: as of %v, %v then fresh %v; Elira's calls %d, %d, %d (logged %d then one more)", before.AsOf, cached.AsOf, fresh.AsOf,
			callsOf(before), callsOf(cached), callsOf(fresh), calls)
	}
	var p problem
	if code := manager.do("GET", "/api/v1/dashboard?team=99999&from=2026-13-01", nil, &p); code != 400 || fmt.Sprint(p.fields()) != "[from team]" {
		t.Fatalf("a bad team and period: %d %v", code, p.fields())
	}
	if code := head.do("GET", "/api/v1/dashboard?from=2026-10-01&to=2026-09-01", nil, &p); code != 400 {
		t.Fatalf("a backwards period: %d", code)
	}
	for _, b := range []*browser{elira, rita} {
		if code := b.do("GET", "/api/v1/dashboard", nil, nil); code != 403 {
			t.Fatalf("the dashboard for a rep or recruiter: %d", code)
		}
	}
	res, err := head.http.Get(app.URL() + "/api/v1/dashboard/reps.csv")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "rep,calls,meetings") || !strings.Contains(string(body), fmt.Sprintf("Elira Dervishi,%d,", calls+1)) { // the export is always fresh
		t.Fatalf("CSV %d:\n%s", res.StatusCode, body)
	}

	// The hiring side: funnels per opening, and competencies as predictors (too few hires to tell yet).
	var hiring struct {
		Openings []struct {
			Title  string
			Stages []struct{ Stage string }
		}
		Predictors struct {
			Competencies []struct{ Correlation *float64 }
		}
	}
	if code := rita.do("GET", "/api/v1/dashboard/hiring", nil, &hiring); code != 200 || len(hiring.Openings) == 0 || len(hiring.Openings[0].Stages) == 0 ||
		len(hiring.Predictors.Competencies) != len(models.DefaultRubric("en").Competencies) || hiring.Predictors.Competencies[0].Correlation != nil {
		t.Fatalf("hiring: %d %+v", code, hiring)
	}
	if code := elira.do("GET", "/api/v1/dashboard/hiring", nil, nil); code != 403 {
		t.Fatalf("hiring for a rep: %d", code)
	}

	// Kudos.
	if code := manager.do("POST", "/api/v1/kudos", map[string]any{"to_user_id": me.User.ID, "message": "Three meetings in one day!"}, nil); code != 201 {
		t.Fatalf("kudos: %d", code)
	}
	if code := elira.do("POST", "/api/v1/kudos", map[string]any{"to_user_id": me.User.ID}, &p); code != 403 {
		t.Fatalf("a rep gives kudos: %d", code)
	}
	if code := head.do("POST", "/api/v1/kudos", map[string]any{"to_user_id": 99999}, &p); code != 400 || p.fields()[0] != "to_user_id" {
		t.Fatalf("kudos to nobody: %d", code)
	}

	// Elira's home: today's greeting call (Hotel Drini's owner's birthday, planned by the care run at load).
	type home struct {
		Calls []struct {
			Account     string
			OccasionKey string `json:"occasion_key"`
		}
		Month    *struct{ Month string }
		Reports  []struct{ Team string } `json:"reports_due"`
		Accounts []struct{ Name string }
		Kudos    []struct {
			Message string
			From    struct{ Name string }
		}
	}
	var h home
	eventually(t, 20*time.Second, "today's greeting call on Elira's home", func() bool {
		h = home{}
		elira.do("GET", "/api/v1/home", nil, &h)
		for _, c := range h.Calls {
			if c.Account == "Hotel Drini" && strings.HasPrefix(c.OccasionKey, "client.birthday.") {
				return true
			}
		}
		return false
	})
	if h.Month == nil || len(h.Reports) != 1 || h.Reports[0].Team != "Prishtina sales" || len(h.Accounts) != 3 || len(h.Kudos) != 1 ||
		h.Kudos[0].From.Name != "Gentian Leka" {
		t.Fatalf("Elira's home: %+v", h)
	}
	if code := rita.do("GET", "/api/v1/home", nil, nil); code != 403 {
		t.Fatalf("a recruiter's home: %d", code)
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

func freeAddr(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startApp runs the whole product as `bullpen dev --demo` does (embedded Temporal server, worker, API and UI
// on a real port) on the given database ("" for SQLite in dataDir).
func startApp(t testing.TB, dbURL, dataDir, temporalAddr string, edit func(*Config)) *App {
	t.Helper()
	return startAppWith(t, dbURL, dataDir, temporalAddr, edit, nil)
}

// startAppWith is startApp with a last say on the App itself before it opens.
func startAppWith(t testing.TB, dbURL, dataDir, temporalAddr string, edit func(*Config), editApp func(*App)) *App {
	t.Helper()
	cfg, err := LoadConfig(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	cfg.Addr, cfg.DataDir, cfg.DatabaseURL, cfg.TemporalAddress = "127.0.0.1:0", dataDir, dbURL, temporalAddr
	cfg.TemporalUIAddr = ""
	if edit != nil {
		edit(&cfg)
	}
	var out io.Writer = io.Discard
	if testing.Verbose() {
		out = os.Stderr
	}
	level := slog.LevelWarn
	if os.Getenv("BULLPEN_TEST_LOG") == "info" { // e.g. to see the import's batch timings in the benchmark
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(out, &slog.HandlerOptions{Level: level}))
	app := &App{Config: cfg, Log: log, EmbeddedTemporal: true, Migrate: true, Worker: true, HTTP: true, Demo: true}
	if editApp != nil {
		editApp(app)
	}
	if err := app.Open(context.Background()); err != nil {
		t.Fatalf("open app: %v", err)
	}
	return app
}

func eachDatabase(t *testing.T, f func(t *testing.T, app *App)) {
	t.Run("postgres", func(t *testing.T) {
		app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), nil)
		defer app.Close()
		f(t, app)
	})
	t.Run("sqlite", func(t *testing.T) {
		app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
		defer app.Close()
		f(t, app)
	})
}

const pw = DemoPassword

// TestStaffingPlanJourney drives the plan flow over HTTP on each database: a recruiter submits, cannot decide,
// cannot store a malformed plan; the head approves and the openings appear.
func TestStaffingPlanJourney(t *testing.T) {
	eachDatabase(t, func(t *testing.T, app *App) {
		rec := newBrowser(t, app.URL())
		rec.login("recruiter@bullpen.demo", pw)

		var plan planOut
		if code := rec.do("POST", "/api/v1/staffing-plans", planBody("North team", 60000), &plan); code != 201 {
			t.Fatalf("create plan: %d", code)
		}
		if plan.Status != "pending_approval" || plan.Result.RepsNeeded != 4 || plan.Result.ManagersNeeded != 1 {
			t.Fatalf("created plan = %+v", plan)
		}

		var p problem
		if code := rec.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID), map[string]string{"decision": "approve"}, &p); code != 403 {
			t.Fatalf("recruiter's decision: %d %+v", code, p)
		}

		var before, after struct{ Items []planOut }
		rec.do("GET", "/api/v1/staffing-plans", nil, &before)
		bad := []struct {
			name   string
			body   any
			fields []string
		}{
			{"negative target", planBody("Bad", -5), []string{"inputs.monthly_revenue_target"}},
			{"win rate above 1", func() any { b := planBody("Bad", 60000); b["inputs"].(map[string]any)["win_rate"] = 1.5; return b }(),
				[]string{"inputs.win_rate"}},
			{"unknown field", func() any { b := planBody("Bad", 60000); b["headcount"] = 99; return b }(), []string{"headcount"}},
			{"unknown nested field", func() any { b := planBody("Bad", 60000); b["inputs"].(map[string]any)["reps"] = 9; return b }(),
				[]string{"inputs.reps"}},
			{"missing input", func() any { b := planBody("Bad", 60000); delete(b["inputs"].(map[string]any), "win_rate"); return b }(),
				[]string{"inputs.win_rate"}},
			{"text for a number", `{"title":"Bad","currency":"EUR","inputs":{"monthly_revenue_target":"lots"}}`, []string{"inputs.monthly_revenue_target"}},
		}
		for _, b := range bad {
			var p problem
			code := rec.do("POST", "/api/v1/staffing-plans", b.body, &p)
			if code != 400 || !slices.Equal(p.fields(), b.fields) || p.Status != 400 {
				t.Errorf("%s: %d %+v; want 400 naming %v", b.name, code, p, b.fields)
			}
		}
		rec.do("GET", "/api/v1/staffing-plans", nil, &after)
		if len(after.Items) != len(before.Items) {
			t.Fatalf("malformed plans were stored: %d plans before, %d after", len(before.Items), len(after.Items))
		}

		head := newBrowser(t, app.URL())
		head.login("head@bullpen.demo", pw)
		var decided planOut
		if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID),
			map[string]string{"decision": "approve", "comment": "Go ahead"}, &decided); code != 200 || decided.Status != "approved" {
			t.Fatalf("approve: %d %+v", code, decided)
		}
		eventually(t, 15*time.Second, "openings", func() bool {
			head.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &decided)
			return len(decided.Openings) == 2
		})
		if decided.Openings[0].Role != "sales_manager" || decided.Openings[0].Seats != 1 ||
			decided.Openings[1].Role != "sales_rep" || decided.Openings[1].Seats != 4 {
			t.Fatalf("openings = %+v", decided.Openings)
		}
		if s := decided.Staffing; s == nil || s.Planned != 5 || s.Filled != 0 || len(s.Openings) != 2 || s.Openings[1].Seats != 4 {
			t.Fatalf("staffing = %+v; want 0 of 5 seats filled", s)
		}
		if got := strings.Join(decided.kinds(), ","); got != "submitted,approved,openings_opened" {
			t.Fatalf("timeline = %s", got)
		}
		if a := decided.Timeline[1].Actor; a == nil || a.Name != "Besnik Hoxha" || decided.Timeline[1].Comment != "Go ahead" {
			t.Fatalf("approval entry = %+v", decided.Timeline[1])
		}
		var openings struct {
			Items []struct {
				PlanID *int64 `json:"plan_id"`
			}
		}
		rec.do("GET", "/api/v1/openings", nil, &openings)
		found := 0
		for _, o := range openings.Items {
			if o.PlanID != nil && *o.PlanID == plan.ID {
				found++
			}
		}
		if found != 2 {
			t.Fatalf("recruiter sees %d of the plan's openings; want 2", found)
		}
		var notes struct {
			Items []struct {
				Kind   string
				Link   string
				Params map[string]any
				ReadAt *time.Time `json:"read_at"`
			}
		}
		head.do("GET", "/api/v1/notifications", nil, &notes)
		for _, n := range notes.Items {
			if n.Link == fmt.Sprintf("/plans/%d", plan.ID) && n.Kind == "plan_submitted" && (n.ReadAt == nil || n.Params["plan_title"] != "North team") {
				t.Errorf("the head's notice of a decided plan: %+v", n)
			}
		}
		admin := newBrowser(t, app.URL())
		admin.login("admin@bullpen.demo", pw)
		var audit struct {
			Items []struct {
				Action string
				Actor  *struct{ Name string }
				After  map[string]any
			}
		}
		if code := admin.do("GET", fmt.Sprintf("/api/v1/audit?object_type=staffing_plan&object_id=%d", plan.ID), nil, &audit); code != 200 {
			t.Fatalf("audit: %d", code)
		}
		var actions []string
		for _, e := range audit.Items {
			actions = append(actions, e.Action)
		}
		if strings.Join(actions, ",") != "plan.openings_opened,plan.approved,plan.submitted" ||
			audit.Items[1].Actor == nil || audit.Items[1].Actor.Name != "Besnik Hoxha" || audit.Items[1].After["comment"] != "Go ahead" {
			t.Fatalf("the plan's audit trail = %+v", audit.Items)
		}
		if code := admin.do("GET", "/api/v1/audit?object_id=abc", nil, &p); code != 400 || p.Errors[0].Field != "object_id" {
			t.Fatalf("a malformed audit filter: %d %+v", code, p)
		}
		if code := head.do("GET", "/api/v1/audit", nil, &p); code != 403 {
			t.Fatalf("head reads the audit log: %d", code)
		}
		var own planOut
		if code := head.do("POST", "/api/v1/staffing-plans", planBody("The head's own plan", 60000), &own); code != 201 {
			t.Fatalf("head creates a plan: %d", code)
		}
		if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", own.ID), map[string]string{"decision": "approve"}, &p); code != 403 {
			t.Fatalf("head approves their own plan: %d %+v", code, p)
		}
		if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID), map[string]string{"decision": "reject", "comment": "Changed my mind"}, &p); code != 409 {
			t.Fatalf("second decision: %d %+v", code, p)
		}
	})
}

// TestRequestChangesThenResubmit sends a plan back, lets its author revise it, and approves the revision.
func TestRequestChangesThenResubmit(t *testing.T) {
	eachDatabase(t, func(t *testing.T, app *App) {
		rec, head := newBrowser(t, app.URL()), newBrowser(t, app.URL())
		rec.login("recruiter@bullpen.demo", pw)
		head.login("head@bullpen.demo", pw)
		var plan planOut
		rec.do("POST", "/api/v1/staffing-plans", planBody("South team", 60000), &plan)
		path := fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID)

		var p problem
		if code := head.do("POST", path+"/decision", map[string]string{"decision": "request_changes"}, &p); code != 400 || !slices.Equal(p.fields(), []string{"comment"}) {
			t.Fatalf("request changes without a reason: %d %+v", code, p)
		}
		if code := rec.do("PUT", path, planBody("South team, smaller", 30000), &p); code != 409 {
			t.Fatalf("revising a plan awaiting approval: %d %+v", code, p)
		}
		if code := head.do("POST", path+"/decision", map[string]string{"decision": "request_changes", "comment": "Start with half"}, &plan); code != 200 || plan.Status != "changes_requested" {
			t.Fatalf("request changes: %d %+v", code, plan)
		}
		if code := head.do("PUT", path, planBody("South team, smaller", 30000), &p); code != 403 {
			t.Fatalf("head revising the recruiter's plan: %d %+v", code, p)
		}
		if code := rec.do("PUT", path, planBody("South team, smaller", 30000), &plan); code != 200 ||
			plan.Status != "pending_approval" || plan.Revision != 2 || plan.Result.RepsNeeded != 2 || plan.Title != "South team, smaller" {
			t.Fatalf("resubmit: %d %+v", code, plan)
		}
		if code := head.do("POST", path+"/decision", map[string]any{"decision": "approve", "revision": 1}, &p); code != 409 || !strings.Contains(p.Detail, "revised") {
			t.Fatalf("approving the revision the head saw before: %d %+v", code, p)
		}
		if code := head.do("POST", path+"/decision", map[string]any{"decision": "approve", "revision": 2}, &plan); code != 200 || plan.Status != "approved" {
			t.Fatalf("approve revision: %d %+v", code, plan)
		}
		eventually(t, 15*time.Second, "openings of the revision", func() bool {
			rec.do("GET", path, nil, &plan)
			return len(plan.Openings) == 2
		})
		if plan.Openings[1].Seats != 2 {
			t.Fatalf("rep seats = %d; want the revision's 2", plan.Openings[1].Seats)
		}
		if got := strings.Join(plan.kinds(), ","); got != "submitted,changes_requested,resubmitted,approved,openings_opened" {
			t.Fatalf("timeline = %s", got)
		}
		// The notice of the openings follows them by a moment.
		var notes struct{ Items []struct{ Kind, Link string } }
		kinds := map[string]int{}
		eventually(t, 10*time.Second, "the recruiter's notifications", func() bool {
			rec.do("GET", "/api/v1/notifications", nil, &notes)
			kinds = map[string]int{}
			for _, n := range notes.Items {
				kinds[n.Kind]++
			}
			return kinds["openings_opened"] == 1
		})
		if kinds["plan_decided"] != 2 {
			t.Fatalf("recruiter's notifications = %+v", notes.Items)
		}
		if os.Getenv("BULLPEN_WRITE_HISTORY") != "" && app.DB.Dialect() == "sqlite" {
			writeHistory(t, app, plan.ID, "staffing_plan_changes_then_approved.json")
		}
	})
}

// writeHistory saves a finished workflow's history for the replay test in workflows/.
func writeHistory(t *testing.T, app *App, planID int64, name string) {
	writeWorkflowHistory(t, app, workflows.StaffingPlanWorkflowID(planID), name)
}

// writeWorkflowHistory saves a workflow's history for the replay test in workflows/ (`make histories`). A
// history already recorded is kept: it is the record of a workflow that an earlier version of the code started
// and a running one may still be in, which the replay test must keep replaying; BULLPEN_WRITE_HISTORY=overwrite
// records it again.
func writeWorkflowHistory(t *testing.T, app *App, workflowID, name string) {
	path := filepath.Join("..", "..", "workflows", "testdata", name)
	if _, err := os.Stat(path); err == nil && os.Getenv("BULLPEN_WRITE_HISTORY") != "overwrite" {
		t.Logf("%s is already recorded; kept", name)
		return
	}
	iter := app.Temporal.GetWorkflowHistory(context.Background(), workflowID, "", false,
		enums.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var events []jsonText
	for iter.HasNext() {
		ev, err := iter.Next()
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, jsonText(protojson.Format(ev)))
	}
	data := "{\"events\": [" + strings.Join(events, ",\n") + "]}\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

type jsonText = string

func TestHealthAndUI(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	for _, path := range []string{"/healthz", "/readyz", "/", "/plans/12"} {
		res, err := http.Get(app.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s: %d", path, res.StatusCode)
		}
	}
	res, err := http.Get(app.URL() + "/api/v1/nothing-here")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 404 || res.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("unknown API path: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"go.temporal.io/server/temporaltest"

	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestProductionModes runs the product as it is deployed: `bullpen migrate`, `bullpen user create`, then
// `bullpen serve` and `bullpen worker` as separate processes' worth of App against PostgreSQL and an external
// Temporal server. Two API instances share the work, as replicas behind a load balancer would.
func TestProductionModes(t *testing.T) {
	ts := temporaltest.NewServer(temporaltest.WithT(t))
	env := map[string]string{
		"DATABASE_URL":        storetest.PostgresURL(t),
		"TEMPORAL_ADDRESS":    ts.GetFrontendHostPort(),
		"TEMPORAL_NAMESPACE":  ts.GetDefaultNamespace(),
		"BULLPEN_ADDR":        "127.0.0.1:0",
		"BULLPEN_LINK_SECRET": "test-link-secret-0123456789abcdef0123456789",
	}
	getenv := func(k string) string { return env[k] }
	ctx := context.Background()
	var out bytes.Buffer

	if err := run(ctx, []string{"serve"}, getenv, nil, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "bullpen migrate") {
		t.Fatalf("serve before migrate: %v", err)
	}
	if err := run(ctx, []string{"migrate"}, getenv, nil, io.Discard, io.Discard); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	users := []struct{ email, role string }{{"boss@example.com", "admin"}, {"head@example.com", "department_head"}, {"rita@example.com", "recruiter"}}
	for _, u := range users {
		err := run(ctx, []string{"user", "create", "--email", u.email, "--role", u.role}, getenv, strings.NewReader("correct-horse-battery\n"), &out, io.Discard)
		if err != nil {
			t.Fatalf("user create %s: %v", u.email, err)
		}
	}
	if !strings.Contains(out.String(), "created user 1 boss@example.com with roles [admin]") {
		t.Fatalf("user create said %q", out.String())
	}
	if err := run(ctx, []string{"user", "create", "--email", "x@example.com", "--role", "boss"}, getenv, strings.NewReader("correct-horse-battery\n"), io.Discard, io.Discard); err == nil {
		t.Fatal("an unknown role was accepted")
	}
	if err := run(ctx, []string{"user", "create", "--email", "y@example.com", "--role", "admin"}, getenv, strings.NewReader("short\n"), io.Discard, io.Discard); err == nil {
		t.Fatal("a short password was accepted")
	}

	cfg, err := LoadConfig(getenv)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	apis := make([]*App, 2)
	for i := range apis {
		apis[i] = &App{Config: cfg, Log: log, HTTP: true}
		if err := apis[i].Open(ctx); err != nil {
			t.Fatalf("serve: %v", err)
		}
		defer apis[i].Close()
	}
	w := &App{Config: cfg, Log: log, Worker: true}
	if err := w.Open(ctx); err != nil {
		t.Fatalf("worker: %v", err)
	}
	defer w.Close()

	rita, head := newBrowser(t, apis[0].URL()), newBrowser(t, apis[1].URL())
	rita.login("rita@example.com", "correct-horse-battery")
	head.login("head@example.com", "correct-horse-battery")
	var plan planOut
	if code := rita.do("POST", "/api/v1/staffing-plans", planBody("Replicated team", 5000), &plan); code != 201 {
		t.Fatalf("create on API 1: %d", code)
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID), map[string]string{"decision": "approve"}, &plan); code != 200 {
		t.Fatalf("approve on API 2: %d", code)
	}
	eventually(t, 15*time.Second, "openings", func() bool {
		rita.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return len(plan.Openings) == 1
	})
	if plan.Openings[0].Role != "sales_rep" || plan.Openings[0].Seats != 1 {
		t.Fatalf("a small volume should open one rep seat and no manager: %+v", plan.Openings)
	}

	// The pipeline on the same deployment: a candidate applies through one API, the recruiter moves them
	// through the other; the opening has no questionnaire, so that stage passes on its own.
	public := newBrowser(t, apis[0].URL())
	if code := public.form(fmt.Sprintf("/api/v1/public/openings/%d/applications", plan.Openings[0].ID),
		map[string]string{"name": "Replica Candidate", "email": "replica@example.com", "consent": "true"}, nil, nil); code != 201 {
		t.Fatalf("apply: %d", code)
	}
	rita2 := newBrowser(t, apis[1].URL())
	rita2.login("rita@example.com", "correct-horse-battery")
	var board struct{ Items []appOut }
	rita2.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications", plan.Openings[0].ID), nil, &board)
	if len(board.Items) != 1 || board.Items[0].Stage != "applied" {
		t.Fatalf("board: %+v", board.Items)
	}
	var got appOut
	if code := rita2.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", board.Items[0].ID),
		map[string]string{"to": "questionnaire", "reason": "Call went well"}, &got); code != 200 {
		t.Fatalf("move: %d", code)
	}
	eventually(t, 15*time.Second, "the stage without a questionnaire to pass", func() bool {
		rita2.do("GET", fmt.Sprintf("/api/v1/applications/%d", board.Items[0].ID), nil, &got)
		return got.Stage == "screening"
	})
}

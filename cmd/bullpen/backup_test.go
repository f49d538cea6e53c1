package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestBackupAndRestore tries the backup procedure of docs/reliability.md once, end to end: the app database
// on PostgreSQL is dumped with pg_dump and the embedded Temporal server's files are copied while Bullpen is
// stopped; then both are wiped, restored from the backup, and Bullpen starts again on them. The plan that was
// waiting for a decision is still there, its workflow still waits, and the decision taken after the restore
// opens its openings.
func TestBackupAndRestore(t *testing.T) {
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (PostgreSQL's client tools): %v", tool, err)
		}
	}
	dbURL, dir, temporal := storetest.PostgresURL(t), t.TempDir(), freeAddr(t)
	app := startApp(t, dbURL, dir, temporal, nil)
	rec := newBrowser(t, app.URL())
	rec.login("recruiter@bullpen.demo", pw)
	var plan planOut
	if code := rec.do("POST", "/api/v1/staffing-plans", planBody("Backed-up team", 60000), &plan); code != 201 {
		t.Fatalf("plan: %d", code)
	}
	eventually(t, 10*time.Second, "submission recorded", func() bool {
		rec.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return len(plan.Timeline) == 1
	})
	if err := app.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	// Back up: the app database with pg_dump, the Temporal store by copying its files.
	backup := t.TempDir()
	dump := filepath.Join(backup, "bullpen.dump")
	if out, err := exec.Command("pg_dump", "--format=custom", "--file="+dump, dbURL).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	temporalFiles, _ := filepath.Glob(filepath.Join(dir, "temporal*"))
	if len(temporalFiles) < 2 {
		t.Fatalf("Temporal's files in %s: %v", dir, temporalFiles)
	}
	for _, f := range temporalFiles {
		copyFile(t, f, filepath.Join(backup, filepath.Base(f)))
	}

	// Wipe: every table of the app database, and the Temporal store.
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "DROP SCHEMA public CASCADE; CREATE SCHEMA public"); err != nil {
		t.Fatal(err)
	}
	for _, f := range temporalFiles {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}

	// Restore, and start again.
	if out, err := exec.Command("pg_restore", "--no-owner", "--dbname="+dbURL, dump).CombinedOutput(); err != nil {
		t.Fatalf("pg_restore: %v\n%s", err, out)
	}
	var plans int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM staffing_plans").Scan(&plans); err != nil || plans < 2 {
		t.Fatalf("plans after pg_restore: %d %v", plans, err)
	}
	_ = conn.Close(ctx)
	for _, f := range temporalFiles {
		copyFile(t, filepath.Join(backup, filepath.Base(f)), f)
	}
	app = startApp(t, dbURL, dir, temporal, nil)
	defer app.Close()
	head := newBrowser(t, app.URL())
	head.login("head@bullpen.demo", pw)
	if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID), map[string]string{"decision": "approve"}, &plan); code != 200 {
		t.Fatalf("approve after the restore: %d", code)
	}
	eventually(t, 15*time.Second, "openings after the restore", func() bool {
		head.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return len(plan.Openings) == 2
	})
	if got := strings.Join(plan.kinds(), ","); got != "submitted,approved,openings_opened" {
		t.Fatalf("timeline after the restore: %s", got)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

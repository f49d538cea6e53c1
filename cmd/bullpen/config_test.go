package main

import (
	"strings"
	"testing"
	"time"
)

func TestLoadConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, err := LoadConfig(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || c.TemporalAddress != "127.0.0.1:7233" || c.PlanReminderAfter != 48*time.Hour ||
		c.devDatabaseURL() != "sqlite:bullpen-data/bullpen.db" || c.TemporalUIAddr != "127.0.0.1:8233" {
		t.Fatalf("defaults = %+v", c)
	}
	if c.BaseURL != "http://localhost:8080" {
		t.Fatalf("base URL %q", c.BaseURL)
	}
	if c, _ := LoadConfig(env(map[string]string{"BULLPEN_ADDR": "127.0.0.1:18080"})); c.BaseURL != "http://127.0.0.1:18080" {
		t.Fatalf("base URL follows the address: %q", c.BaseURL)
	}
	if _, err := c.requireDatabaseURL(); err == nil {
		t.Fatal("production commands must not guess the database")
	}
	c, _ = LoadConfig(env(map[string]string{"BULLPEN_TEMPORAL_UI_ADDR": "off", "BULLPEN_PLAN_REMINDER_AFTER": "1h", "BULLPEN_PLAN_ESCALATE_AFTER": "3h",
		"BULLPEN_DASHBOARD_TTL": "0"}))
	if c.TemporalUIAddr != "" || c.PlanEscalateAfter != 3*time.Hour || c.DashboardTTL != 0 {
		t.Fatalf("overrides = %+v", c)
	}
	_, err = LoadConfig(env(map[string]string{"BULLPEN_SESSION_TTL": "forever", "BULLPEN_LOGIN_MAX_FAILURES": "-1",
		"BULLPEN_COOKIE_SECURE": "sometimes", "BULLPEN_PLAN_REMINDER_AFTER": "200h", "BULLPEN_DASHBOARD_TTL": "1h"}))
	for _, want := range []string{"BULLPEN_SESSION_TTL", "BULLPEN_LOGIN_MAX_FAILURES", "BULLPEN_COOKIE_SECURE", "BULLPEN_PLAN_ESCALATE_AFTER", "BULLPEN_DASHBOARD_TTL"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %s", err, want)
		}
	}
}

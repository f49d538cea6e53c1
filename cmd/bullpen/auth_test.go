package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
)

// TestSessionsCSRFAndThrottling covers sign-in, the CSRF header, logout that ends the session on the server,
// throttling of repeated failures, and the admin's user management.
func TestSessionsCSRFAndThrottling(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), func(c *Config) { c.LoginMaxFailures = 3 })
	defer app.Close()
	anon := newBrowser(t, app.URL())
	var p problem
	if code := anon.do("GET", "/api/v1/me", nil, &p); code != 401 || p.Title == "" {
		t.Fatalf("me without a session: %d %+v", code, p)
	}

	// Throttling: three failures lock the e-mail, even for the right password; other e-mails are unaffected.
	for i := range 3 {
		if code := anon.do("POST", "/api/v1/session", map[string]string{"email": "head@bullpen.demo", "password": "wrong-" + fmt.Sprint(i)}, &p); code != 401 {
			t.Fatalf("wrong password %d: %d", i, code)
		}
	}
	req, _ := http.NewRequest("POST", app.URL()+"/api/v1/session", strings.NewReader(`{"email":"head@bullpen.demo","password":"bullpen-demo"}`))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 429 || res.Header.Get("Retry-After") == "" {
		t.Fatalf("after 3 failures: %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if code := anon.do("POST", "/api/v1/session", map[string]string{"email": "nobody@bullpen.demo", "password": "whatever-it-is"}, &p); code != 401 || p.Detail != "Wrong e-mail or password." {
		t.Fatalf("unknown e-mail: %d %+v", code, p)
	}

	admin := newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	token := admin.csrf
	admin.csrf = ""
	newUser := map[string]any{"email": "new.rep@bullpen.demo", "name": "New Rep", "password": "a-long-password", "roles": []string{"sales_rep"}}
	if code := admin.do("POST", "/api/v1/users", newUser, &p); code != 403 || !strings.Contains(p.Detail, "X-CSRF-Token") {
		t.Fatalf("write without CSRF token: %d %+v", code, p)
	}
	admin.csrf = "forged"
	if code := admin.do("POST", "/api/v1/users", newUser, &p); code != 403 {
		t.Fatalf("write with a forged CSRF token: %d", code)
	}
	admin.csrf = token
	var u struct {
		ID    int64    `json:"id"`
		Roles []string `json:"roles"`
	}
	if code := admin.do("POST", "/api/v1/users", newUser, &u); code != 201 || u.Roles[0] != "sales_rep" {
		t.Fatalf("create user: %d %+v", code, u)
	}
	var trail struct {
		Items []struct {
			Action string
			After  map[string]any
		}
	}
	admin.do("GET", fmt.Sprintf("/api/v1/audit?object_type=user&object_id=%d", u.ID), nil, &trail)
	if len(trail.Items) != 1 || trail.Items[0].Action != "user.created" || trail.Items[0].After["email"] != "new.rep@bullpen.demo" || trail.Items[0].After["password"] != nil {
		t.Fatalf("audit of the new user = %+v", trail.Items)
	}
	if code := admin.do("POST", "/api/v1/users", newUser, &p); code != 409 {
		t.Fatalf("duplicate user: %d", code)
	}
	bad := map[string]any{"email": "x", "name": "", "password": "short", "roles": []string{"boss"}}
	if code := admin.do("POST", "/api/v1/users", bad, &p); code != 400 || len(p.Errors) != 4 {
		t.Fatalf("malformed user: %d %+v", code, p)
	}

	// The new rep signs in, may not manage users, and is signed out everywhere when deactivated.
	rep := newBrowser(t, app.URL())
	rep.login("new.rep@bullpen.demo", "a-long-password")
	if code := rep.do("GET", "/api/v1/users", nil, &p); code != 403 {
		t.Fatalf("rep lists users: %d", code)
	}
	if code := rep.do("GET", "/api/v1/staffing-plans", nil, &p); code != 403 {
		t.Fatalf("rep lists plans: %d", code)
	}
	var self struct{ ID int64 }
	admin.do("GET", "/api/v1/me", nil, &struct{ User *struct{ ID *int64 } }{User: &struct{ ID *int64 }{ID: &self.ID}})
	if code := admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", self.ID), map[string]any{"active": false}, &p); code != 409 {
		t.Fatalf("admin deactivating themself: %d", code)
	}
	if code := admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", u.ID), map[string]any{"active": false}, &u); code != 200 {
		t.Fatalf("deactivate: %d", code)
	}
	if code := rep.do("GET", "/api/v1/me", nil, &p); code != 401 {
		t.Fatalf("deactivated user's session: %d", code)
	}
	if code := anon.do("POST", "/api/v1/session", map[string]string{"email": "new.rep@bullpen.demo", "password": "a-long-password"}, &p); code != 401 {
		t.Fatalf("deactivated user signs in: %d", code)
	}

	// Changing one's password needs the current one, keeps this session and ends the others.
	other := newBrowser(t, app.URL())
	other.login("admin@bullpen.demo", pw)
	if code := admin.do("POST", "/api/v1/me/password", map[string]string{"current_password": "guess-guess", "new_password": "a-new-long-password"}, &p); code != 400 || p.Errors[0].Field != "current_password" {
		t.Fatalf("password change with a wrong current password: %d %+v", code, p)
	}
	if code := admin.do("POST", "/api/v1/me/password", map[string]string{"current_password": pw, "new_password": "a-new-long-password"}, nil); code != 204 {
		t.Fatalf("password change: %d", code)
	}
	if code := admin.do("GET", "/api/v1/me", nil, nil); code != 200 {
		t.Fatalf("the session that changed the password: %d", code)
	}
	if code := other.do("GET", "/api/v1/me", nil, nil); code != 401 {
		t.Fatalf("another session after the password change: %d", code)
	}
	newBrowser(t, app.URL()).login("admin@bullpen.demo", "a-new-long-password")

	// Logout ends the session on the server: the old cookie no longer works.
	cookies := admin.http.Jar.Cookies(mustURL(t, app.URL()))
	if code := admin.do("DELETE", "/api/v1/session", nil, nil); code != 204 {
		t.Fatalf("logout: %d", code)
	}
	req, _ = http.NewRequest("GET", app.URL()+"/api/v1/me", nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 401 {
		t.Fatalf("old cookie after logout: %d", res.StatusCode)
	}
}

// TestRemindersAndEscalation lets a plan wait on a real server with short deadlines; the reminder and the
// escalation arrive as notifications and as e-mail on a real SMTP server, once each.
func TestRemindersAndEscalation(t *testing.T) {
	mail := smtptest.Start(t)
	app := startApp(t, "", t.TempDir(), freeAddr(t), func(c *Config) {
		c.PlanReminderAfter, c.PlanEscalateAfter = time.Second, 2*time.Second
		c.SMTPURL, c.BaseURL = mail.URL(), "https://bullpen.example"
	})
	defer app.Close()
	// The head reads e-mail in Albanian; the admin keeps English.
	head := newBrowser(t, app.URL())
	head.login("head@bullpen.demo", pw)
	var me struct{ User struct{ Locale string } }
	if code := head.do("PATCH", "/api/v1/me", map[string]string{"locale": "sq"}, &me); code != 200 || me.User.Locale != "sq" {
		t.Fatalf("set locale: %d %+v", code, me)
	}
	var p problem
	if code := head.do("PATCH", "/api/v1/me", map[string]string{"locale": "de"}, &p); code != 400 {
		t.Fatalf("an unknown locale: %d", code)
	}
	rec := newBrowser(t, app.URL())
	rec.login("recruiter@bullpen.demo", pw)
	var plan planOut
	rec.do("POST", "/api/v1/staffing-plans", planBody("Waiting team", 60000), &plan)
	eventually(t, 20*time.Second, "reminder and escalation", func() bool {
		rec.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return strings.Contains(strings.Join(plan.kinds(), ","), "escalated")
	})
	if got := strings.Join(plan.kinds(), ","); got != "submitted,reminder_sent,escalated" {
		t.Fatalf("timeline = %s", got)
	}
	for who, kind := range map[string]string{"head@bullpen.demo": "plan_reminder", "admin@bullpen.demo": "plan_escalated"} {
		b := newBrowser(t, app.URL())
		b.login(who, pw)
		var notes struct {
			Items []struct{ Kind, Message, Link string }
		}
		b.do("GET", "/api/v1/notifications", nil, &notes)
		found := false
		for _, n := range notes.Items {
			found = found || (n.Kind == kind && strings.Contains(n.Message, "Waiting team") && n.Link == fmt.Sprintf("/plans/%d", plan.ID))
		}
		if !found {
			t.Errorf("%s has no %s notification: %+v", who, kind, notes.Items)
		}
	}
	// The demo plan waits too; only this plan's messages are counted.
	ours := func() map[string][]smtptest.Message {
		got := map[string][]smtptest.Message{}
		for _, m := range mail.Messages() {
			if strings.HasSuffix(m.Subject, "Waiting team") {
				got[m.To[0]] = append(got[m.To[0]], m)
			}
		}
		return got
	}
	eventually(t, 10*time.Second, "two e-mails", func() bool { return len(ours()) == 2 })
	got := map[string]smtptest.Message{}
	for to, ms := range ours() {
		if len(ms) != 1 {
			t.Errorf("%s got %d e-mails about the plan; want 1", to, len(ms))
		}
		got[to] = ms[0]
	}
	if m := got["head@bullpen.demo"]; m.Subject != "Kujtesë: Waiting team" || !strings.Contains(m.Body, "Përshëndetje Besnik Hoxha") ||
		!strings.Contains(m.Body, fmt.Sprintf("https://bullpen.example/plans/%d", plan.ID)) {
		t.Errorf("head's e-mail = %+v", m)
	}
	if m := got["admin@bullpen.demo"]; m.Subject != "Escalation: Waiting team" || m.Header.Get("Message-ID") == "" {
		t.Errorf("admin's e-mail = %+v", m)
	}
	admin := newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	var outbox struct {
		Items []struct{ To, Subject, Status string }
	}
	if code := admin.do("GET", "/api/v1/outbox", nil, &outbox); code != 200 || len(outbox.Items) < 2 {
		t.Errorf("outbox: %d %+v", code, outbox)
	}
	for _, m := range outbox.Items {
		if m.Status != "sent" {
			t.Errorf("outbox message not sent: %+v", m)
		}
	}
	if code := head.do("GET", "/api/v1/outbox", nil, &outbox); code != 403 {
		t.Errorf("head reads the outbox: %d", code)
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID), map[string]string{"decision": "reject", "comment": "Too late"}, &plan); code != 200 {
		t.Fatalf("reject after escalation: %d", code)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		writeHistory(t, app, plan.ID, "staffing_plan_reminded_escalated_rejected.json")
	}
}

// TestRestartKeepsDataAndWorkflows stops bullpen dev with a plan waiting and starts it again on the same
// data folder: the plan and its workflow are still there and can be approved.
func TestRestartKeepsDataAndWorkflows(t *testing.T) {
	dir, temporal := t.TempDir(), freeAddr(t)
	app := startApp(t, "", dir, temporal, nil)
	rec := newBrowser(t, app.URL())
	rec.login("recruiter@bullpen.demo", pw)
	var plan planOut
	rec.do("POST", "/api/v1/staffing-plans", planBody("Durable team", 60000), &plan)
	eventually(t, 10*time.Second, "submission recorded", func() bool {
		rec.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return len(plan.Timeline) == 1
	})
	if err := app.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	app = startApp(t, "", dir, temporal, nil)
	defer app.Close()
	head := newBrowser(t, app.URL())
	head.login("head@bullpen.demo", pw)
	var list struct{ Items []planOut }
	head.do("GET", "/api/v1/staffing-plans?status=pending_approval", nil, &list)
	if len(list.Items) != 2 { // the demo plan (loaded once, not twice) and ours
		t.Fatalf("pending plans after restart = %d; want 2", len(list.Items))
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", plan.ID), map[string]string{"decision": "approve"}, &plan); code != 200 {
		t.Fatalf("approve after restart: %d", code)
	}
	eventually(t, 15*time.Second, "openings after restart", func() bool {
		head.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return len(plan.Openings) == 2
	})
}

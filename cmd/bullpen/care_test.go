package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

// runCare fires the client-care schedule now, waits for that run to finish and returns its workflow ID.
func runCare(t *testing.T, app *App) string {
	t.Helper()
	ctx := context.Background()
	h := app.Temporal.ScheduleClient().GetHandle(ctx, workflows.CareScheduleID)
	before, err := h.Describe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	triggered := time.Now().Add(-time.Second)
	if err := h.Trigger(ctx, client.ScheduleTriggerOptions{Overlap: enums.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL}); err != nil {
		t.Fatal(err)
	}
	var run *client.ScheduleWorkflowExecution
	eventually(t, 15*time.Second, "the care run to start", func() bool {
		d, err := h.Describe(ctx)
		if err != nil || d.Info.NumActions <= before.Info.NumActions || len(d.Info.RecentActions) == 0 {
			return false
		}
		last := d.Info.RecentActions[len(d.Info.RecentActions)-1] // this trigger's, not the demo's at start-up
		run = last.StartWorkflowResult
		return run != nil && last.ActualTime.After(triggered)
	})
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := app.Temporal.GetWorkflow(wctx, run.WorkflowID, run.FirstExecutionRunID).Get(wctx, nil); err != nil {
		t.Fatalf("care run: %v", err)
	}
	return run.WorkflowID
}

// TestGreetings follows client care over HTTP with the embedded Temporal server, PostgreSQL and a real SMTP
// server: a rep's client founded five years ago today, with a contact in English and one in Albanian whose
// birthday is today, gets its greetings planned and its e-cards sent by the morning care run (a Temporal
// Schedule): each a multipart message with an HTML card in the contact's language and a working unsubscribe
// link. A run repeated after a "crash" between sending and recording sends nothing twice; an unsubscribed
// contact and an opted-out client get nothing; only the owner writes the card and makes the call, once.
func TestGreetings(t *testing.T) {
	mail := smtptest.Start(t)
	app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), func(c *Config) { c.SMTPURL = mail.URL(); c.CompanyName = "Drini Distribution" })
	defer app.Close()
	admin, luan, elira, head := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)
	head.login("head@bullpen.demo", pw)
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "rep2@bullpen.demo", "name": "Luan Gashi", "password": "rep-two-password",
		"roles": []string{"sales_rep"}}, nil); code != 201 {
		t.Fatalf("second rep: %d", code)
	}
	luan.login("rep2@bullpen.demo", "rep-two-password")

	today := time.Now().UTC().Truncate(24 * time.Hour)
	var besa, quiet struct{ ID int64 }
	luan.do("POST", "/api/v1/accounts", map[string]string{"name": "Besa Trade", "city": "Prizren"}, &besa)
	luan.do("POST", "/api/v1/activities", map[string]any{"account_id": besa.ID, "kind": "call"}, nil)
	luan.do("POST", "/api/v1/accounts", map[string]string{"name": "Hotel Iliria"}, &quiet)
	luan.do("POST", "/api/v1/activities", map[string]any{"account_id": quiet.ID, "kind": "call"}, nil)
	var p problem
	if code := luan.do("PUT", fmt.Sprintf("/api/v1/accounts/%d/care", besa.ID), map[string]any{"country": "FR", "founded_on": "2021-02-30"}, &p); code != 400 ||
		fmt.Sprint(p.fields()) != "[country founded_on]" {
		t.Fatalf("bad care settings: %d %v", code, p.fields())
	}
	if code := elira.do("PUT", fmt.Sprintf("/api/v1/accounts/%d/care", besa.ID), map[string]any{"country": "XK"}, &p); code != 403 {
		t.Fatalf("another rep changes the client's greetings: %d", code)
	}
	founded := today.AddDate(-5, 0, 0).Format(time.DateOnly)
	if code := luan.do("PUT", fmt.Sprintf("/api/v1/accounts/%d/care", besa.ID), map[string]any{"country": "XK", "founded_on": founded}, nil); code != 200 {
		t.Fatalf("care settings: %d", code)
	}
	luan.do("PUT", fmt.Sprintf("/api/v1/accounts/%d/care", quiet.ID), map[string]any{"country": "AL", "founded_on": founded, "greetings_opt_out": true}, nil)
	contact := func(account int64, name, email, locale, birthday string) int64 {
		var ct struct{ ID int64 }
		if code := luan.do("POST", fmt.Sprintf("/api/v1/accounts/%d/contacts", account), map[string]string{"name": name, "email": email}, &ct); code != 201 {
			t.Fatalf("contact %s: %d", name, code)
		}
		if code := luan.do("PUT", fmt.Sprintf("/api/v1/contacts/%d", ct.ID), map[string]string{"name": name, "email": email, "locale": locale,
			"birthday": birthday}, &p); code != 200 {
			t.Fatalf("contact %s: %d %+v", name, code, p)
		}
		return ct.ID
	}
	contact(besa.ID, "Mark Ellis", "mark@besa.example", "en", "")
	contact(besa.ID, "Arta Gashi", "arta@besa.example", "sq", today.AddDate(-30, 0, 0).Format(time.DateOnly))
	contact(quiet.ID, "Dren Hoti", "dren@iliria.example", "sq", "")
	if code := luan.do("PUT", fmt.Sprintf("/api/v1/contacts/%d", 999999), map[string]string{"name": "x"}, nil); code != 404 {
		t.Fatalf("an unknown contact: %d", code)
	}

	careRun := runCare(t, app)
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		writeWorkflowHistory(t, app, careRun, "daily_care_cards_sent.json")
	}
	ours := func() map[string][]smtptest.Message {
		got := map[string][]smtptest.Message{}
		for _, m := range mail.Messages() {
			for _, to := range m.To {
				if strings.HasSuffix(to, ".example") {
					got[to] = append(got[to], m)
				}
			}
		}
		return got
	}
	got := ours()
	if len(got["mark@besa.example"]) != 1 || len(got["arta@besa.example"]) != 2 || len(got["dren@iliria.example"]) != 0 {
		t.Fatalf("cards: %d to Mark, %d to Arta, %d to the opted-out client", len(got["mark@besa.example"]), len(got["arta@besa.example"]), len(got["dren@iliria.example"]))
	}
	mark := got["mark@besa.example"][0]
	if mark.Subject != "Congratulations on 5 years of the company! · Drini Distribution" || !strings.Contains(mark.HTML, "<table") ||
		!strings.Contains(mark.HTML, "Luan Gashi") || !strings.Contains(mark.Body, "Dear Mark Ellis,") ||
		!strings.HasPrefix(mark.Header.Get("List-Unsubscribe"), "<"+app.Config.BaseURL+"/api/v1/public/unsubscribe/") {
		t.Fatalf("Mark's card: %q\n%s\n%v", mark.Subject, mark.Body, mark.Header)
	}
	var sq []string
	for _, m := range got["arta@besa.example"] {
		sq = append(sq, m.Subject)
	}
	if !strings.Contains(strings.Join(sq, "|"), "Gëzuar ditëlindjen, Arta!") || !strings.Contains(strings.Join(sq, "|"), "Urime për 5 vjet të kompanisë!") {
		t.Fatalf("Arta's cards in Albanian: %v", sq)
	}

	// The greetings: a call for Luan on each; the anniversary's call, today.
	var list struct {
		Items []struct {
			ID           int64  `json:"id"`
			AccountID    int64  `json:"account_id"`
			OccasionKey  string `json:"occasion_key"`
			Day          string `json:"day"`
			CardsSentAt  *time.Time
			CallDoneAt   *time.Time `json:"call_done_at"`
			PersonalLine string     `json:"personal_line"`
		}
	}
	if code := luan.do("GET", fmt.Sprintf("/api/v1/greetings?account=%d&from=%s&to=%s", besa.ID, today.Format(time.DateOnly), today.Format(time.DateOnly)), nil, &list); code != 200 || len(list.Items) != 2 {
		t.Fatalf("Luan's greetings today: %d %+v", code, list)
	}
	g := list.Items[0]
	path := fmt.Sprintf("/api/v1/greetings/%d", g.ID)
	if code := elira.do("GET", path, nil, nil); code != 403 {
		t.Fatalf("another rep reads the greeting: %d", code)
	}
	if code := elira.do("POST", path+"/call", map[string]string{"note": "x"}, nil); code != 403 {
		t.Fatalf("another rep makes the call: %d", code)
	}
	if code := luan.do("PUT", path, map[string]string{"design": "bright", "personal_line": "Late words"}, &p); code != 409 {
		t.Fatalf("a card changed after it went: %d", code)
	}
	if code := luan.do("POST", path+"/call", map[string]string{"note": "Spoke with Mark; they open a shop in Peja."}, nil); code != 200 {
		t.Fatalf("the call: %d", code)
	}
	if code := luan.do("POST", path+"/call", map[string]string{}, &p); code != 409 {
		t.Fatalf("the call twice: %d", code)
	}

	// A crash between sending and recording: the run finds the messages sent and sends nothing again.
	if err := app.DB.Gorm().Exec("UPDATE greeting_cards SET status = 'pending', outbox_id = NULL WHERE greeting_id IN (SELECT id FROM greetings WHERE account_id = ?)", besa.ID).Error; err != nil {
		t.Fatal(err)
	}
	if err := app.DB.Gorm().Exec("UPDATE greetings SET cards_sent_at = NULL WHERE account_id = ?", besa.ID).Error; err != nil {
		t.Fatal(err)
	}
	runCare(t, app)
	if got := ours(); len(got["mark@besa.example"]) != 1 || len(got["arta@besa.example"]) != 2 {
		t.Fatalf("after the repeated run: %d to Mark, %d to Arta", len(got["mark@besa.example"]), len(got["arta@besa.example"]))
	}
	// The morning's idle digest went to Elira's manager once, however many runs, when her demo work is old
	// enough (it is, unless the month has just begun).
	var digests []smtptest.Message
	for _, m := range mail.Messages() {
		if slices.Contains(m.To, "manager@bullpen.demo") && strings.HasPrefix(m.Subject, "Idle reps today:") {
			digests = append(digests, m)
		}
	}
	idle, err := app.DB.IdleReps(context.Background(), time.Now(), workflows.DefaultIdleHours)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	if slices.ContainsFunc(idle, func(r store.IdleRep) bool { return r.Name == "Elira Dervishi" }) {
		want = 1
	}
	if len(digests) != want || (want == 1 && !strings.Contains(digests[0].Body, "Elira Dervishi")) {
		t.Fatalf("the idle digest: %d messages, want %d: %+v", len(digests), want, digests)
	}

	// Mark unsubscribes from his card's link; the next greeting plans no card for him.
	link := regexp.MustCompile(`/u/([A-Za-z0-9_\-.]+)`).FindStringSubmatch(mark.Body)
	if link == nil {
		t.Fatalf("no unsubscribe link in %s", mark.Body)
	}
	anon := newBrowser(t, app.URL())
	var who struct {
		Name         string
		Unsubscribed bool
	}
	if code := anon.do("GET", "/api/v1/public/unsubscribe/"+link[1], nil, &who); code != 200 || who.Name != "Mark Ellis" || who.Unsubscribed {
		t.Fatalf("the unsubscribe page: %d %+v", code, who)
	}
	if code := anon.do("GET", "/api/v1/public/unsubscribe/"+link[1]+"x", nil, nil); code != 403 {
		t.Fatalf("a forged link: %d", code)
	}
	if code := anon.do("POST", "/api/v1/public/unsubscribe/"+link[1], nil, &who); code != 200 || !who.Unsubscribed {
		t.Fatalf("unsubscribe: %d %+v", code, who)
	}
	var occ struct{ ID int64 }
	if code := admin.do("POST", "/api/v1/occasions", map[string]any{"name": "Our spring fair", "name_sq": "Panairi ynë i pranverës",
		"date": today.Format(time.DateOnly), "theme": "spring"}, &occ); code != 201 {
		t.Fatalf("a company occasion: %d", code)
	}
	if code := luan.do("POST", "/api/v1/occasions", map[string]any{"name": "x", "name_sq": "x", "date": "2026-01-01"}, nil); code != 403 {
		t.Fatalf("a rep adds an occasion: %d", code)
	}
	runCare(t, app)
	got = ours()
	if len(got["mark@besa.example"]) != 1 || len(got["arta@besa.example"]) != 3 {
		t.Fatalf("after the fair: %d to Mark (unsubscribed), %d to Arta", len(got["mark@besa.example"]), len(got["arta@besa.example"]))
	}
	var cal struct {
		Items []struct {
			Key, Date string
		}
	}
	if code := head.do("GET", "/api/v1/occasions?country=AL&from=2026-11-01&to=2026-12-31", nil, &cal); code != 200 {
		t.Fatalf("the calendar: %d", code)
	}
	var days []string
	for _, o := range cal.Items {
		if !strings.HasPrefix(o.Key, "company.") {
			days = append(days, o.Date+" "+o.Key)
		}
	}
	if fmt.Sprint(days) != "[2026-11-28 al.independence 2026-11-29 al.liberation 2026-12-08 al.youth_day 2026-12-25 al.christmas]" {
		t.Fatalf("Albania's November and December: %v", days)
	}
	if code := head.do("GET", "/api/v1/occasions?from=2026-12-31&to=2026-01-01", nil, &p); code != 400 {
		t.Fatalf("a backwards calendar: %d", code)
	}
}

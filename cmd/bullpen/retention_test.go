package main

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/workflows"
)

var privacyLinkRE = regexp.MustCompile(`https?://\S+/privacy/([A-Za-z0-9_.-]+)`)

// TestCandidateRetentionAndDeletion runs the two ways a candidate's data leaves Bullpen, on the whole product:
// the retention timer (a workflow per candidate, here with a retention of seconds) anonymises a rejected
// candidate, and a candidate deletes their own data from the link in their e-mails, after reading and
// downloading it. Either way the name, e-mail, phone, CV and every free text written about them are gone from
// every table, while their application stays in the statistics.
func TestCandidateRetentionAndDeletion(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), func(c *Config) { c.CandidateRetention = 3 * time.Second })
	defer app.Close()
	rita := newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	admin := newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	openingID := demoOpening(t, rita)
	public := &browser{t: t, base: app.URL(), http: http.DefaultClient}

	type person struct{ name, email, phone, note, reason, answer string }
	apply := func(p person) (appID, candidateID int64, token string) {
		if code := public.form(fmt.Sprintf("/api/v1/public/openings/%d/applications", openingID), map[string]string{
			"name": p.name, "email": p.email, "phone": p.phone, "consent": "true", "locale": "en"},
			map[string][2]string{"cv": {"cv.pdf", "%PDF-1.4\n% the CV of " + p.name + "\n"}}, nil); code != 201 {
			t.Fatalf("apply %s: %d", p.name, code)
		}
		row := app.DB.Gorm().Raw(`SELECT a.id, a.candidate_id FROM applications a JOIN candidates c ON c.id = a.candidate_id
			WHERE c.email = ?`, p.email).Row()
		if err := row.Scan(&appID, &candidateID); err != nil {
			t.Fatal(err)
		}
		// The questionnaire's e-mail carries, under its footer, the link to the candidate's data.
		eventually(t, time.Minute, "the questionnaire e-mail to "+p.email, func() bool {
			var box struct {
				Items []struct{ To, Text string }
			}
			admin.do("GET", "/api/v1/outbox?limit=200", nil, &box)
			for _, m := range box.Items {
				if m.To == p.email {
					if sub := privacyLinkRE.FindStringSubmatch(m.Text); sub != nil {
						token = sub[1]
					}
				}
			}
			return token != ""
		})
		if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/notes", appID), map[string]any{"text": p.note}, nil); code != 201 {
			t.Fatalf("note: %d", code)
		}
		return appID, candidateID, token
	}
	reject := func(appID int64, reason string) {
		if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", appID),
			map[string]any{"to": "rejected", "reason_code": "other", "reason": reason}, nil); code != 200 {
			t.Fatalf("reject %d: %d", appID, code)
		}
	}
	type page struct {
		Name       string
		Email      string
		CV         string
		Anonymised *time.Time `json:"anonymised_at"`
		Deletable  bool
		Blocked    string
		Apps       []struct{ Opening, Stage string } `json:"applications"`
	}
	privacyPage := func(token string) (page, int) {
		var p page
		code := public.do("GET", "/api/v1/public/privacy/"+token, nil, &p)
		return p, code
	}

	// Arta's data is kept while her application is open, then anonymised by the timer a retention after her
	// rejection.
	arta := person{"Arta Shehu", "arta.shehu@example.com", "+383 44 765 432", "Arta sold phones for three years.",
		"Arta's German is not yet good enough.", ""}
	artaApp, artaID, artaToken := apply(arta)
	p, code := privacyPage(artaToken)
	if code != 200 || p.Name != arta.name || p.Email != arta.email || p.CV != "cv.pdf" || p.Deletable || p.Blocked != "application_open" ||
		len(p.Apps) != 1 || p.Apps[0].Stage == "" {
		t.Fatalf("Arta's page while her application is open: %d %+v", code, p)
	}
	var refused struct{ Detail string }
	if code := public.do("POST", "/api/v1/public/privacy/"+artaToken, map[string]any{"delete": true}, &refused); code != 409 ||
		!strings.Contains(refused.Detail, "in progress") {
		t.Fatalf("deleting while an application is open: %d %+v", code, refused)
	}
	reject(artaApp, arta.reason)
	eventually(t, time.Minute, "Arta's data to be anonymised by the retention timer", func() bool {
		var n int64
		app.DB.Gorm().Raw("SELECT COUNT(*) FROM candidates WHERE id = ? AND anonymised_at IS NOT NULL", artaID).Scan(&n)
		return n == 1
	})
	if p, code = privacyPage(artaToken); code != 200 || p.Anonymised == nil || p.Name == arta.name || p.Deletable {
		t.Fatalf("Arta's page once anonymised: %d %+v", code, p)
	}
	assertForgotten(t, app, arta.name, arta.email, arta.phone, arta.note, arta.reason, "the CV of "+arta.name)
	var stage string
	app.DB.Gorm().Raw("SELECT stage FROM applications WHERE id = ?", artaApp).Scan(&stage)
	if stage != "rejected" {
		t.Errorf("Arta's application left the statistics: stage %q", stage)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		writeWorkflowHistory(t, app, workflows.CandidateRetentionWorkflowID(artaID), "candidate_retention_anonymised.json")
	}

	// Besnik reads his data, downloads it, and deletes it himself the day he is rejected, before the timer.
	besnik := person{"Besnik Leka", "besnik.leka@example.com", "+355 69 111 2222", "Besnik asked about the car allowance.",
		"Besnik wants to work from Durrës.", ""}
	besnikApp, _, besnikToken := apply(besnik)
	app.Config.CandidateRetention = time.Hour // the timer's due date is read when it wakes; Besnik is first
	reject(besnikApp, besnik.reason)
	res, err := public.http.Get(app.URL() + "/api/v1/public/privacy/" + besnikToken + "?download=1")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment; filename=\"my-data-") {
		t.Fatalf("download: %d %q", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	if p, _ = privacyPage(besnikToken); !p.Deletable || p.Name != besnik.name {
		t.Fatalf("Besnik's page once rejected: %+v", p)
	}
	if code := public.do("POST", "/api/v1/public/privacy/"+besnikToken, map[string]any{"delete": false}, nil); code != 400 {
		t.Fatalf("a deletion not confirmed: %d", code)
	}
	var after page
	if code := public.do("POST", "/api/v1/public/privacy/"+besnikToken, map[string]any{"delete": true}, &after); code != 200 ||
		after.Anonymised == nil || after.Name == besnik.name || after.Deletable {
		t.Fatalf("delete: %d %+v", code, after)
	}
	assertForgotten(t, app, besnik.name, besnik.email, besnik.phone, besnik.note, besnik.reason, "the CV of "+besnik.name)
	if code := public.do("POST", "/api/v1/public/privacy/"+besnikToken, map[string]any{"delete": true}, &after); code != 200 {
		t.Fatalf("deleting again: %d", code)
	}
	if code := public.do("GET", "/api/v1/public/privacy/"+artaToken[:len(artaToken)-2]+"xx", nil, nil); code != 403 {
		t.Fatalf("a tampered link: %d", code)
	}
}

// forgettableTables are every table that can hold what a candidate gave or what was written about them.
var forgettableTables = []string{"candidates", "applications", "application_events", "questionnaire_responses", "files", "outbox",
	"audit_log", "scorecards", "interview_candidates", "offers", "offer_approvals", "imports", "notifications", "private_texts"}

// assertForgotten fails if any of the strings is still in any row of the tables that hold candidates' data.
func assertForgotten(t *testing.T, app *App, traces ...string) {
	t.Helper()
	for _, table := range forgettableTables {
		rows, err := app.DB.Gorm().Raw("SELECT * FROM " + table).Rows()
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				var s string
				switch x := v.(type) {
				case []byte:
					s = string(x)
				default:
					s = fmt.Sprint(x)
				}
				for _, trace := range traces {
					if strings.Contains(s, trace) {
						t.Errorf("%s.%s still holds %q", table, cols[i], trace)
					}
				}
			}
		}
		rows.Close()
	}
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

type appOut struct {
	ID        int64 `json:"id"`
	OpeningID int64 `json:"opening_id"`
	Candidate struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Email string `json:"email"`
		HasCV bool   `json:"has_cv"`
	} `json:"candidate"`
	Stage               string   `json:"stage"`
	Source              string   `json:"source"`
	Tags                []string `json:"tags"`
	ScorePercent        *float64 `json:"score_percent"`
	QuestionnaireStatus string   `json:"questionnaire_status"`
	AllowedMoves        []string `json:"allowed_moves"`
	Duplicate           bool     `json:"duplicate"`
	Timeline            []struct {
		Kind   string `json:"kind"`
		To     string `json:"to"`
		Reason string `json:"reason"`
		Actor  *struct {
			Name string `json:"name"`
		} `json:"actor"`
	} `json:"timeline"`
	Questionnaire *struct {
		Score models.Score `json:"score"`
	} `json:"questionnaire"`
}

func (a appOut) kinds() []string {
	var out []string
	for _, e := range a.Timeline {
		out = append(out, e.Kind+":"+e.To)
	}
	return out
}

// form posts a multipart form (files as name -> [filename, content]) and decodes the JSON answer.
func (b *browser) form(path string, fields map[string]string, files map[string][2]string, out any) int {
	b.t.Helper()
	req, err := formRequest(b.base+path, fields, files)
	if err != nil {
		b.t.Fatal(err)
	}
	if b.csrf != "" {
		req.Header.Set("X-CSRF-Token", b.csrf)
	}
	res, err := b.http.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			b.t.Fatalf("POST %s: %d %s: %v", path, res.StatusCode, data, err)
		}
	}
	return res.StatusCode
}

// demoOpening returns the ID of the demo's open opening.
func demoOpening(t testing.TB, b *browser) int64 {
	t.Helper()
	var openings struct {
		Items []struct {
			ID     int64          `json:"id"`
			Title  string         `json:"title"`
			Status string         `json:"status"`
			Counts map[string]int `json:"counts"`
		} `json:"items"`
	}
	b.do("GET", "/api/v1/openings", nil, &openings)
	for _, o := range openings.Items {
		if o.Title == "Sales rep, Prishtina" && o.Status == "open" {
			if o.Counts["applied"] != 2 || o.Counts["rejected"] != 1 {
				t.Fatalf("demo opening counts %v", o.Counts)
			}
			return o.ID
		}
	}
	t.Fatalf("no demo opening in %+v", openings.Items)
	return 0
}

var linkRE = regexp.MustCompile(`https://jobs\.example/q/([A-Za-z0-9._-]+)`)

// TestPipelineJourney drives the pipeline over HTTP on each database with the embedded Temporal server and a
// real SMTP server: a candidate applies on the public page, receives the questionnaire by e-mail, answers it
// through the signed link and is scored; the link is refused after use and after expiry; illegal moves are
// refused with their reason; a rejection e-mails the candidate in their language; who may see and do what
// is enforced; the audit log and the report reflect it all.
func TestPipelineJourney(t *testing.T) {
	for _, db := range []string{"postgres", "sqlite"} {
		t.Run(db, func(t *testing.T) {
			dbURL := ""
			if db == "postgres" {
				dbURL = storetest.PostgresURL(t)
			}
			mail := smtptest.Start(t)
			app := startApp(t, dbURL, t.TempDir(), freeAddr(t), func(c *Config) {
				c.SMTPURL, c.BaseURL = mail.URL(), "https://jobs.example"
			})
			defer app.Close()
			pipelineJourney(t, app, mail)
		})
	}
}

func pipelineJourney(t *testing.T, app *App, mail *smtptest.Server) {
	rita, admin, ilir, elira, public := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()),
		newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	admin.login("admin@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)
	openingID := demoOpening(t, rita)
	applyPath := fmt.Sprintf("/api/v1/public/openings/%d/applications", openingID)

	// Bad input is refused field by field and stores nothing.
	var p problem
	if code := public.form(applyPath, map[string]string{"name": "", "email": "nobody", "phone": "call me maybe"},
		map[string][2]string{"cv": {"cv.exe", "MZ..."}}, &p); code != 400 {
		t.Fatalf("bad application: %d", code)
	}
	if got := p.fields(); !slices.Equal(got, []string{"name", "email", "phone", "consent", "cv"}) {
		t.Fatalf("bad application named %v", got)
	}
	if code := public.form(applyPath, map[string]string{"name": "Vera", "email": "vera@example.com", "consent": "true"},
		map[string][2]string{"cv": {"cv.pdf", "this is not a PDF"}}, &p); code != 400 || p.Errors[0].Message != "is not really a pdf file" {
		t.Fatalf("fake PDF: %d %+v", code, p)
	}
	var board struct{ Items []appOut }
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications", openingID), nil, &board)
	before := len(board.Items)

	// The candidate applies in Albanian with a CV; applying again is the same application.
	fields := map[string]string{"name": "  Vera   Hoxha ", "email": "Vera.Hoxha@Example.com", "phone": "+383 44 123 456",
		"location": "Prishtinë", "locale": "sq", "consent": "true"}
	cv := map[string][2]string{"cv": {"Vera Hoxha CV.pdf", "%PDF-1.4\n% Vera's CV\n"}}
	var applied, again struct {
		Message string `json:"message"`
	}
	if code := public.form(applyPath, fields, cv, &applied); code != 201 {
		t.Fatalf("apply: %d %+v", code, applied)
	}
	// Applying again with the same address is answered alike (a stranger learns nothing) and changes nothing:
	// not a second application, not the CV.
	if code := public.form(applyPath, fields, map[string][2]string{"cv": {"other.pdf", "%PDF-1.4 someone else's"}}, &again); code != 201 || again != applied {
		t.Fatalf("apply twice: %d %+v", code, again)
	}
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?q=vera", openingID), nil, &board)
	if len(board.Items) != 1 || board.Items[0].Candidate.Name != "Vera Hoxha" || board.Items[0].Candidate.Email != "vera.hoxha@example.com" ||
		!board.Items[0].Candidate.HasCV || board.Items[0].Source != "apply_page" {
		t.Fatalf("board after applying: %+v", board.Items)
	}
	appID := board.Items[0].ID
	appPath := fmt.Sprintf("/api/v1/applications/%d", appID)

	// The questionnaire e-mail arrives, in Albanian, with a signed link.
	var invite smtptest.Message
	eventually(t, 20*time.Second, "the questionnaire e-mail", func() bool {
		for _, m := range mail.Messages() {
			if m.To[0] == "vera.hoxha@example.com" && strings.Contains(m.Subject, "pyetësor") {
				invite = m
				return true
			}
		}
		return false
	})
	match := linkRE.FindStringSubmatch(invite.Body)
	if match == nil || !strings.Contains(invite.Body, "I/E nderuar Vera Hoxha") {
		t.Fatalf("questionnaire e-mail:\n%s", invite.Body)
	}
	qPath := "/api/v1/public/questionnaires/" + match[1]
	var q struct {
		Locale    string            `json:"locale"`
		Questions []json.RawMessage `json:"questions"`
	}
	eventually(t, 10*time.Second, "the questionnaire to open", func() bool { return public.do("GET", qPath, nil, &q) == 200 })
	if q.Locale != "sq" || len(q.Questions) != len(demoQuestionnaire.Questions) {
		t.Fatalf("questionnaire: %+v", q)
	}
	for _, raw := range q.Questions {
		if strings.Contains(string(raw), "points") || strings.Contains(string(raw), "knock") {
			t.Fatalf("the candidate sees the scoring: %s", raw)
		}
	}
	// Answers that do not fit are refused; the right ones are scored.
	if code := public.do("POST", qPath, map[string]any{"answers": []map[string]any{{"question_id": "nope", "text": "x"}}}, &p); code != 400 {
		t.Fatalf("bad answers: %d %+v", code, p)
	}
	answers := map[string]any{"locale": "sq", "answers": []map[string]any{
		{"question_id": "experience", "option_ids": []string{"years"}}, {"question_id": "calls", "number": 40},
		{"question_id": "negotiation", "number": 5}, {"question_id": "sold", "option_ids": []string{"b2b", "phone"}},
		{"question_id": "why", "text": "Më pëlqen të flas me njerëz."}}}
	if code := public.do("POST", qPath, answers, nil); code != 200 {
		t.Fatalf("submit: %d", code)
	}
	var got appOut
	eventually(t, 10*time.Second, "the pass to move the application to screening", func() bool {
		rita.do("GET", appPath, nil, &got)
		return got.Stage == "screening"
	})
	if got.ScorePercent == nil || *got.ScorePercent < 80 || got.Questionnaire == nil || !got.Questionnaire.Score.Passed {
		t.Fatalf("score: %+v", got)
	}
	// The link works once, then never again; an expired or forged link is refused too.
	if code := public.do("POST", qPath, answers, &p); code != 409 || !strings.Contains(p.Detail, "already answered") {
		t.Fatalf("second submission: %d %+v", code, p)
	}
	if code := public.do("GET", qPath, nil, &p); code != 409 {
		t.Fatalf("used link: %d", code)
	}
	secret, err := app.Config.linkSecret(true)
	if err != nil {
		t.Fatal(err)
	}
	expired, _ := models.SignLink(secret, models.LinkQuestionnaire, appID, time.Now().Add(-time.Minute))
	if code := public.do("GET", "/api/v1/public/questionnaires/"+expired, nil, &p); code != 409 || !strings.Contains(p.Detail, "expired") {
		t.Fatalf("expired link: %d %+v", code, p)
	}
	offer, _ := models.SignLink(secret, models.LinkOffer, appID, time.Now().Add(time.Hour))
	if code := public.do("GET", "/api/v1/public/questionnaires/"+offer, nil, &p); code != 403 {
		t.Fatalf("a link for another purpose: %d %+v", code, p)
	}
	if code := public.do("GET", qPath+"x", nil, &p); code != 403 {
		t.Fatalf("forged link: %d", code)
	}

	// Illegal moves are refused with their reason and change nothing.
	move := func(b *browser, to, reason, code string) (int, problem) {
		var p problem
		return b.do("POST", appPath+"/moves", map[string]string{"to": to, "reason": reason, "reason_code": code}, &p), p
	}
	if code, p := move(rita, "offer", "keen", ""); code != 409 || p.Detail != "Cannot skip first interview: the next stage after screening is first interview." {
		t.Fatalf("skip: %d %+v", code, p)
	}
	if code, p := move(rita, "applied", "oops", ""); code != 409 || !strings.Contains(p.Detail, "does not move back") {
		t.Fatalf("back: %d %+v", code, p)
	}
	var stale problem
	if code := rita.do("POST", appPath+"/moves", map[string]string{"from": "questionnaire", "to": "screening", "reason": "old tab"}, &stale); code != 409 ||
		!strings.Contains(stale.Detail, "has moved to screening since you looked") {
		t.Fatalf("a move from a stale page: %d %+v", code, stale)
	}
	if code, p := move(rita, "first_interview", "", ""); code != 400 || p.fields()[0] != "reason" {
		t.Fatalf("no reason: %d %+v", code, p)
	}
	if code, p := move(rita, "rejected", "no", ""); code != 400 || p.fields()[0] != "reason_code" {
		t.Fatalf("rejection without a code: %d %+v", code, p)
	}
	// Who may do what: an interviewer on the hiring team sees the candidate and writes notes, but does not
	// move them; a sales rep sees nothing.
	var raw json.RawMessage
	if code := ilir.do("GET", appPath, nil, &raw); code != 200 {
		t.Fatalf("interviewer reads: %d", code)
	}
	if regexp.MustCompile(`"points":[1-9]|"knock_out":true|"target"|"knock_out_below"`).Match(raw) || !strings.Contains(string(raw), "Më pëlqen") {
		t.Fatalf("an interviewer sees the answers but not the scoring key: %s", raw)
	}
	if code, _ := move(ilir, "first_interview", "I liked her", ""); code != 403 {
		t.Fatalf("interviewer moves: %d", code)
	}
	if code := ilir.do("POST", appPath+"/notes", map[string]string{"text": "Strong phone voice."}, nil); code != 201 {
		t.Fatalf("interviewer note: %d", code)
	}
	if code := elira.do("GET", appPath, nil, nil); code != 403 {
		t.Fatalf("rep reads a candidate: %d", code)
	}
	if code := elira.do("GET", appPath+"/cv", nil, nil); code != 403 {
		t.Fatalf("rep reads a CV: %d", code)
	}
	// The CV comes back as it was sent, to those who may see it.
	res, err := rita.http.Get(app.URL() + appPath + "/cv")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != "%PDF-1.4\n% Vera's CV\n" || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("CV: %d %q %s", res.StatusCode, body, res.Header.Get("Content-Type"))
	}

	if code, p := move(rita, "first_interview", "Good questionnaire", ""); code != 200 {
		t.Fatalf("legal move: %d %+v", code, p)
	}
	if code := rita.do("PUT", appPath+"/tags", map[string]any{"tags": []string{"B2B", " b2b ", "Prishtina"}}, &got); code != 200 || !slices.Equal(got.Tags, []string{"b2b", "prishtina"}) {
		t.Fatalf("tags: %d %v", code, got.Tags)
	}
	// The slate rule: no rejection on the strength of the first interview alone, until the slate is scored.
	if code, p := move(rita, "rejected", "Chose a candidate with more field experience.", "not_shortlisted"); code != 409 ||
		!strings.Contains(p.Detail, "2 of 3 candidates have complete first-interview results") {
		t.Fatalf("reject before the slate: %d %+v", code, p)
	}
	if code, p := move(rita, "rejected", "Did not come to the interview and did not answer our calls.", "no_show"); code != 200 {
		t.Fatalf("reject: %d %+v", code, p)
	}
	if code, p := move(rita, "offer", "changed our mind", ""); code != 409 || !strings.Contains(p.Detail, "rejected and closed") {
		t.Fatalf("offer to a rejected candidate: %d %+v", code, p)
	}
	// The rejection e-mail reaches the candidate once, in Albanian.
	eventually(t, 20*time.Second, "the rejection e-mail", func() bool {
		n := 0
		for _, m := range mail.Messages() {
			if m.To[0] == "vera.hoxha@example.com" && strings.HasPrefix(m.Subject, "Aplikimi juaj për") && !strings.Contains(m.Subject, "pyetësor") {
				n++
			}
		}
		return n == 1
	})
	rita.do("GET", appPath, nil, &got)
	want := []string{"applied:applied", "moved:questionnaire", "questionnaire_sent:", "questionnaire_submitted:", "moved:screening",
		"note:", "moved:first_interview", "tagged:", "moved:rejected", "emailed:"}
	if !slices.Equal(got.kinds(), want) {
		t.Fatalf("timeline %v; want %v", got.kinds(), want)
	}
	if got.Stage != "rejected" || len(got.AllowedMoves) != 0 || got.Timeline[6].Actor == nil || got.Timeline[6].Actor.Name != "Rita Krasniqi" {
		t.Fatalf("after rejection: %+v", got)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" && app.DB.Dialect() == "sqlite" {
		eventually(t, 10*time.Second, "the application's workflow to end", func() bool {
			d, err := app.Temporal.DescribeWorkflowExecution(context.Background(), workflows.ApplicationWorkflowID(appID), "")
			return err == nil && d.WorkflowExecutionInfo.CloseTime != nil
		})
		writeWorkflowHistory(t, app, workflows.ApplicationWorkflowID(appID), "application_questionnaire_then_rejected.json")
	}

	// Settings: a recruiter edits the opening but may not add approved seats; a department head may.
	var op map[string]any
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d", openingID), nil, &op)
	settings := map[string]any{}
	for _, k := range []string{"title", "description", "seats", "recruiter_id", "interviewer_ids", "questionnaire", "questionnaire_days",
		"confirm_knock_outs", "slate_size", "role_play"} {
		settings[k] = op[k]
	}
	settings["seats"] = op["seats"].(float64) + 3
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, &p); code != 403 || !strings.Contains(p.Detail, "add seats") {
		t.Fatalf("recruiter adds seats: %d %+v", code, p)
	}
	settings["seats"], settings["interviewer_ids"] = op["seats"], []int64{999}
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, &p); code != 400 || p.fields()[0] != "interviewer_ids.0" {
		t.Fatalf("unknown interviewer: %d %+v", code, p)
	}
	settings["interviewer_ids"], settings["title"] = op["interviewer_ids"], "Sales rep, Prishtina (B2B)"
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, &op); code != 200 || op["title"] != "Sales rep, Prishtina (B2B)" || op["status"] != "open" {
		t.Fatalf("edit: %d %+v", code, op)
	}

	// The audit log holds every decision on the application, for admins only.
	var audit struct {
		Items []struct {
			Action string `json:"action"`
		} `json:"items"`
	}
	admin.do("GET", fmt.Sprintf("/api/v1/audit?object_type=application&object_id=%d", appID), nil, &audit)
	var actions []string
	for _, e := range audit.Items {
		actions = append(actions, e.Action)
	}
	for _, a := range []string{"application.created", "application.questionnaire_submitted", "application.moved", "application.note_added", "application.tagged"} {
		if !slices.Contains(actions, a) {
			t.Errorf("audit log lacks %s: %v", a, actions)
		}
	}
	if code := rita.do("GET", "/api/v1/audit", nil, nil); code != 403 {
		t.Errorf("recruiter reads the audit log: %d", code)
	}

	// The report counts it.
	var report struct {
		Total  int `json:"total"`
		Stages []struct {
			Stage   string `json:"stage"`
			Reached int    `json:"reached"`
		} `json:"stages"`
		Sources []struct {
			Source       string `json:"source"`
			Applications int    `json:"applications"`
		} `json:"sources"`
		MedianFirstContactHours *float64 `json:"median_first_contact_hours"`
	}
	if code := rita.do("GET", fmt.Sprintf("/api/v1/reports/pipeline?opening_id=%d", openingID), nil, &report); code != 200 {
		t.Fatalf("report: %d", code)
	}
	if report.Total != before+1 || report.Stages[0].Reached != before+1 || report.MedianFirstContactHours == nil {
		t.Fatalf("report: %+v (before %d)", report, before)
	}
	res, err = rita.http.Get(app.URL() + fmt.Sprintf("/api/v1/reports/pipeline.csv?opening_id=%d", openingID))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "section,name,applications,reached") || !strings.Contains(string(body), "source,apply_page,") {
		t.Fatalf("CSV report: %d\n%s", res.StatusCode, body)
	}
	if code := elira.do("GET", "/api/v1/reports/pipeline", nil, nil); code != 403 {
		t.Errorf("rep reads the report: %d", code)
	}
}

type importOut struct {
	ID         int64  `json:"id"`
	Status     string `json:"status"`
	Total      int    `json:"total"`
	Done       int    `json:"done"`
	Created    int    `json:"created"`
	Duplicates int    `json:"duplicates"`
	Failed     int    `json:"failed"`
	Errors     []struct {
		Line    int    `json:"line"`
		Field   string `json:"field"`
		Message string `json:"message"`
	} `json:"errors"`
}

// importCSV uploads a CSV into an opening and waits for the import to finish.
func importCSV(t testing.TB, b *browser, openingID int64, csv string, mapping map[string]string) importOut {
	t.Helper()
	m, _ := json.Marshal(mapping)
	var im importOut
	if code := b.form(fmt.Sprintf("/api/v1/openings/%d/imports", openingID), map[string]string{"mapping": string(m)},
		map[string][2]string{"file": {"candidates.csv", csv}}, &im); code != 202 {
		t.Fatalf("import: %d %+v", code, im)
	}
	eventually(t, 5*time.Minute, "the import to finish", func() bool {
		b.do("GET", fmt.Sprintf("/api/v1/imports/%d", im.ID), nil, &im)
		return im.Status != "running"
	})
	return im
}

// TestCSVImport imports a file of good and bad rows into an opening, and the same file again: bad rows are
// reported by line and store nothing, the second import creates nothing. The opening's workflow continues
// as new along the way and keeps its slate.
func TestCSVImport(t *testing.T) {
	app := startAppWith(t, "", t.TempDir(), freeAddr(t), nil, func(a *App) { a.OpeningContinueAfter = 4 })
	defer app.Close()
	rita := newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	openingID := demoOpening(t, rita)

	var p problem
	// The mapping must name the e-mail and the name, with columns the file has.
	csv := "Emri;E-mail;Telefoni;Etiketa\n" +
		"Luan Berisha;luan@example.com;+383 44 000 001;b2b, senior\n" +
		"Mimoza Krasniqi;MIMOZA@example.com;;\n" +
		";noname@example.com;;\n" +
		"Bad Mail;not-an-address;;\n" +
		"Arben Gashi;arben.gashi@example.com;;\n" + // already applied (demo)
		"Luan Again;luan@example.com;;\n" + // the same person twice in one file
		"\n" +
		"Nora Gashi;nora@example.com;abc;\n"
	m, _ := json.Marshal(map[string]string{"name": "Emri", "email": "Nope"})
	if code := rita.form(fmt.Sprintf("/api/v1/openings/%d/imports", openingID), map[string]string{"mapping": string(m)},
		map[string][2]string{"file": {"c.csv", csv}}, &p); code != 400 || p.fields()[0] != "mapping.email" {
		t.Fatalf("bad mapping: %d %+v", code, p)
	}
	var preview struct {
		Header  []string          `json:"header"`
		Mapping map[string]string `json:"mapping"`
		Rows    int               `json:"rows"`
	}
	if code := rita.form(fmt.Sprintf("/api/v1/openings/%d/imports/preview", openingID), nil,
		map[string][2]string{"file": {"c.csv", csv}}, &preview); code != 200 {
		t.Fatalf("preview: %d", code)
	}
	if preview.Rows != 7 || preview.Mapping["email"] != "E-mail" || preview.Mapping["name"] != "Emri" || preview.Mapping["tags"] != "Etiketa" {
		t.Fatalf("preview: %+v", preview)
	}
	im := importCSV(t, rita, openingID, csv, preview.Mapping)
	if im.Status != "finished" || im.Total != 7 || im.Done != 7 || im.Created != 2 || im.Duplicates != 1 || im.Failed != 4 {
		t.Fatalf("import: %+v", im)
	}
	var lines []string
	for _, e := range im.Errors {
		lines = append(lines, fmt.Sprintf("%d:%s", e.Line, e.Field))
	}
	if !slices.Equal(lines, []string{"4:name", "5:email", "7:", "9:phone"}) {
		t.Fatalf("row errors %v (%+v)", lines, im.Errors)
	}
	var board struct{ Items []appOut }
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?source=import", openingID), nil, &board)
	if len(board.Items) != 2 || board.Items[0].Candidate.Email != "luan@example.com" || !slices.Equal(board.Items[0].Tags, []string{"b2b", "senior"}) {
		t.Fatalf("imported: %+v", board.Items)
	}
	var page struct {
		Items []appOut `json:"items"`
		Total int      `json:"total"`
	}
	if code := rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?limit=1", openingID), nil, &page); code != 200 || len(page.Items) != 1 || page.Total != 12 {
		t.Fatalf("a page of the board: %d, %d items of %d", code, len(page.Items), page.Total)
	}
	if code := rita.form(fmt.Sprintf("/api/v1/openings/%d/imports", openingID), map[string]string{"mapping": "{"},
		map[string][2]string{"file": {"c.csv", csv}}, &p); code != 400 {
		t.Fatalf("malformed mapping: %d", code)
	}
	// The same file again creates nothing.
	again := importCSV(t, rita, openingID, csv, preview.Mapping)
	if again.Created != 0 || again.Duplicates != 3 || again.Failed != 4 {
		t.Fatalf("second import: %+v", again)
	}
	// Imported applications have their workflows: they move like any other.
	luan := board.Items[0].ID
	eventually(t, 10*time.Second, "the imported application's workflow", func() bool {
		return rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", luan), map[string]string{"to": "questionnaire", "reason": "imported"}, nil) == 200
	})

	// The opening's workflow has continued as new along the way (it was told of every application and move)
	// and carries its count; that its slate survives the hand-over is tested in workflows.
	rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", board.Items[1].ID), map[string]string{"to": "questionnaire", "reason": "imported"}, nil)
	var st workflows.OpeningState
	eventually(t, 20*time.Second, "the opening's slate", func() bool {
		v, err := app.Temporal.QueryWorkflow(context.Background(), workflows.OpeningWorkflowID(openingID), "", workflows.QueryState)
		if err != nil || v.Get(&st) != nil {
			return false
		}
		return st.Runs > 1 && st.Applications == 12
	})
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		eventually(t, 10*time.Second, "the import's workflow to end", func() bool {
			d, err := app.Temporal.DescribeWorkflowExecution(context.Background(), workflows.ImportWorkflowID(im.ID), "")
			return err == nil && d.WorkflowExecutionInfo.CloseTime != nil
		})
		writeWorkflowHistory(t, app, workflows.ImportWorkflowID(im.ID), "candidate_import_good_and_bad_rows.json")
	}
}

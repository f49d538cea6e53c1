package main

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
)

// TestInterviewInvites schedules a first interview over HTTP and follows its calendar invites on a real SMTP
// server: the candidate and both interviewers get the invite; a reschedule sends the same event with a
// higher sequence, a cancellation cancels it. Bad plans and the wrong people are refused.
func TestInterviewInvites(t *testing.T) {
	mail := smtptest.Start(t)
	app := startApp(t, "", t.TempDir(), freeAddr(t), func(c *Config) { c.SMTPURL = mail.URL() })
	defer app.Close()
	rita, ilir, elira := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)
	openingID := demoOpening(t, rita)

	var board struct{ Items []appOut }
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?stage=first_interview", openingID), nil, &board)
	hana := board.Items[0]
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?stage=applied", openingID), nil, &board)
	arben := board.Items[0]
	var lib struct{ Items []models.Scenario }
	rita.do("GET", "/api/v1/scenarios", nil, &lib)
	var team struct {
		Items []struct {
			ID    int64    `json:"id"`
			Roles []string `json:"roles"`
		} `json:"items"`
	}
	rita.do("GET", "/api/v1/team", nil, &team)
	var interviewers []int64
	for _, m := range team.Items {
		if len(m.Roles) == 1 && m.Roles[0] == "interviewer" {
			interviewers = append(interviewers, m.ID)
		}
	}
	when := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Minute)
	plan := map[string]any{"starts_at": when, "duration_minutes": 45, "location": "Rruga Nënë Tereza 12, Prishtinë",
		"interviewer_ids": interviewers, "scenario_id": lib.Items[0].ID}
	path := fmt.Sprintf("/api/v1/applications/%d/interviews", hana.ID)

	var p problem
	past := map[string]any{"starts_at": time.Now().Add(-time.Hour), "duration_minutes": 5, "interviewer_ids": []int64{}}
	if code := rita.do("POST", path, past, &p); code != 400 {
		t.Fatalf("bad plan: %d %+v", code, p)
	}
	if got := strings.Join(p.fields(), " "); got != "starts_at duration_minutes location interviewer_ids" {
		t.Fatalf("bad plan fields: %v", got)
	}
	if code := rita.do("POST", path, map[string]any{"starts_at": when, "duration_minutes": 45, "location": "x",
		"interviewer_ids": []int64{1}, "scenario_id": lib.Items[0].ID}, &p); code != 400 || p.fields()[0] != "interviewer_ids.0" {
		t.Fatalf("an admin as interviewer: %d %+v", code, p)
	}
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/interviews", arben.ID), plan, &p); code != 409 {
		t.Fatalf("an interview for an application at applied: %d %+v", code, p)
	}
	if code := ilir.do("POST", path, plan, nil); code != 403 {
		t.Fatalf("an interviewer schedules: %d", code)
	}
	var iv struct {
		ID       int64  `json:"id"`
		Sequence int    `json:"sequence"`
		Status   string `json:"status"`
	}
	if code := rita.do("POST", path, plan, &iv); code != 201 || iv.ID == 0 {
		t.Fatalf("schedule: %d %+v", code, iv)
	}
	invites := func(sequence int) map[string]smtptest.Message {
		got := map[string]smtptest.Message{}
		for _, m := range mail.Messages() {
			if strings.Contains(m.Calendar, fmt.Sprintf("UID:interview-%d@bullpen\r\n", iv.ID)) && strings.Contains(m.Calendar, fmt.Sprintf("SEQUENCE:%d\r\n", sequence)) {
				got[m.To[0]] = m
			}
		}
		return got
	}
	eventually(t, 20*time.Second, "three invites", func() bool { return len(invites(0)) == 3 })
	first := invites(0)
	if m := first["hana.osmani@example.com"]; !strings.Contains(m.Calendar, "METHOD:REQUEST\r\n") ||
		!strings.Contains(m.Calendar, "DTSTART:"+when.Format("20060102T150405Z")) || !strings.Contains(m.Body, "first interview") {
		t.Fatalf("candidate's invite:\n%s\n%s", m.Body, m.Calendar)
	}
	if m := first["interviewer1@bullpen.demo"]; !strings.Contains(m.Body, fmt.Sprintf("/interviews/%d", iv.ID)) {
		t.Fatalf("the interviewer's invite has no kit link:\n%s", m.Body)
	}
	if code := ilir.do("GET", fmt.Sprintf("/api/v1/interviews/%d", iv.ID), nil, nil); code != 200 {
		t.Fatalf("the interviewer reads the interview: %d", code)
	}
	if code := elira.do("GET", fmt.Sprintf("/api/v1/interviews/%d", iv.ID), nil, nil); code != 403 {
		t.Fatalf("a rep reads the interview: %d", code)
	}

	plan["starts_at"] = when.Add(24 * time.Hour)
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/interviews/%d", iv.ID), plan, &iv); code != 200 || iv.Sequence != 1 {
		t.Fatalf("reschedule: %d %+v", code, iv)
	}
	eventually(t, 20*time.Second, "the updated invites", func() bool { return len(invites(1)) == 3 })
	if m := invites(1)["hana.osmani@example.com"]; !strings.HasPrefix(m.Subject, "Updated:") {
		t.Fatalf("update subject %q", m.Subject)
	}
	if code := rita.do("POST", fmt.Sprintf("/api/v1/interviews/%d/cancel", iv.ID), nil, &iv); code != 200 || iv.Status != "cancelled" {
		t.Fatalf("cancel: %d %+v", code, iv)
	}
	eventually(t, 20*time.Second, "the cancellations", func() bool { return len(invites(2)) == 3 })
	if m := invites(2)["interviewer2@bullpen.demo"]; !strings.Contains(m.Calendar, "METHOD:CANCEL\r\n") || !strings.Contains(m.Calendar, "STATUS:CANCELLED\r\n") {
		t.Fatalf("cancellation:\n%s", m.Calendar)
	}
	if code := rita.do("POST", fmt.Sprintf("/api/v1/interviews/%d/cancel", iv.ID), nil, &p); code != 409 {
		t.Fatalf("cancel twice: %d", code)
	}
	var got appOut
	rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", hana.ID), nil, &got)
	if k := got.kinds(); k[len(k)-1] != "interview_cancelled:" || k[len(k)-2] != "interview_rescheduled:" || k[len(k)-3] != "interview_scheduled:" {
		t.Fatalf("timeline %v", k)
	}
}

// TestIndependentScorecards: the two interviewers of a first interview score independently. Before the
// interview starts nobody scores; an interviewer who has not submitted sees neither the other's scorecard nor
// the combined result (asserted on the raw answer); an interviewer not on the panel is refused; a second
// submission is refused, and an edit is recorded in the audit log with what it changed.
func TestIndependentScorecards(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	rita, ilir, drita, admin, other := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()),
		newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	drita.login("interviewer2@bullpen.demo", pw)
	admin.login("admin@bullpen.demo", pw)
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "agim@bullpen.demo", "name": "Agim Rama",
		"password": "correct-horse-battery", "roles": []string{"interviewer"}}, nil); code != 201 {
		t.Fatalf("add an interviewer: %d", code)
	}
	other.login("agim@bullpen.demo", "correct-horse-battery")
	openingID := demoOpening(t, rita)
	var board struct{ Items []appOut }
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?stage=first_interview", openingID), nil, &board)
	hana := board.Items[0].ID
	var lib struct{ Items []models.Scenario }
	rita.do("GET", "/api/v1/scenarios", nil, &lib)
	var me1, me2 struct {
		User struct{ ID int64 } `json:"user"`
	}
	ilir.do("GET", "/api/v1/me", nil, &me1)
	drita.do("GET", "/api/v1/me", nil, &me2)
	start := time.Now().Add(3 * time.Second)
	var iv struct{ ID int64 }
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/interviews", hana), map[string]any{"starts_at": start,
		"duration_minutes": 30, "video_url": "https://meet.example/x", "interviewer_ids": []int64{me1.User.ID, me2.User.ID},
		"scenario_id": lib.Items[0].ID}, &iv); code != 201 {
		t.Fatalf("schedule: %d", code)
	}
	rubric := lib.Items[0].Text["en"].Rubric
	// The kit: the persona with its hidden brief and the rubric, in the language asked for; not for a rep.
	var kit struct {
		Scenario *struct {
			Name              string `json:"name"`
			HiddenConstraints string `json:"hidden_constraints"`
		} `json:"scenario"`
		Rubric     models.Rubric `json:"rubric"`
		Candidates []struct {
			Name string `json:"name"`
		} `json:"candidates"`
	}
	if code := ilir.do("GET", fmt.Sprintf("/api/v1/interviews/%d/kit?lang=sq", iv.ID), nil, &kit); code != 200 || kit.Scenario == nil ||
		kit.Scenario.Name != lib.Items[0].Text["sq"].Name || kit.Scenario.HiddenConstraints == "" || len(kit.Rubric.Competencies) != 6 ||
		len(kit.Candidates) != 1 || kit.Candidates[0].Name != "Hana Osmani" {
		t.Fatalf("kit: %d %+v", code, kit)
	}
	if code := other.do("GET", fmt.Sprintf("/api/v1/interviews/%d/kit", iv.ID), nil, nil); code != 403 {
		t.Fatalf("another interviewer's kit: %d", code)
	}
	card := func(score int, notes string) map[string]any {
		var ratings []map[string]any
		for _, c := range rubric.Competencies {
			ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": score, "evidence": "seen in the role-play"})
		}
		return map[string]any{"application_id": hana, "ratings": ratings, "recommendation": "yes", "notes": notes}
	}
	path := fmt.Sprintf("/api/v1/interviews/%d/scorecards", iv.ID)
	var p problem
	if code := ilir.do("POST", path, card(4, "x"), &p); code != 409 || !strings.Contains(p.Detail, "not started") {
		t.Fatalf("scoring before the start: %d %+v", code, p)
	}
	time.Sleep(time.Until(start) + 100*time.Millisecond)

	if code := other.do("POST", path, card(1, "I was not there"), &p); code != 403 {
		t.Fatalf("an interviewer not on the panel: %d %+v", code, p)
	}
	const ilirNotes = "Kept calm when the buyer pushed on price; SECRET-ILIR."
	var sc struct {
		Mine     *struct{ Edits int } `json:"mine"`
		Others   []struct{ Notes string }
		Hidden   bool
		Awaiting []struct{ Name string }
		Result   *models.InterviewResult
	}
	if code := ilir.do("POST", path, card(4, ilirNotes), &sc); code != 201 || sc.Mine == nil || sc.Result == nil || len(sc.Awaiting) != 1 {
		t.Fatalf("ilir submits: %d %+v", code, sc)
	}
	// Drita has not submitted: nothing of Ilir's reaches her.
	res, err := drita.http.Get(app.URL() + path + fmt.Sprintf("?application_id=%d", hana))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || strings.Contains(string(raw), "SECRET-ILIR") || !strings.Contains(string(raw), `"hidden":true`) ||
		!strings.Contains(string(raw), `"result":null`) {
		t.Fatalf("drita before submitting: %d %s", res.StatusCode, raw)
	}
	bad := card(3, "")
	bad["ratings"] = bad["ratings"].([]map[string]any)[1:]
	if code := drita.do("POST", path, bad, &p); code != 400 || p.fields()[0] != "ratings" {
		t.Fatalf("an incomplete scorecard: %d %+v", code, p)
	}
	if code := drita.do("POST", path, card(2, "Gave the discount at once."), &sc); code != 201 || len(sc.Others) != 1 || sc.Others[0].Notes != ilirNotes ||
		sc.Result.Scorecards != 2 || sc.Result.MaxSpread != 2 || sc.Result.Overall != 3 {
		t.Fatalf("drita submits: %d %+v", code, sc)
	}
	if code := ilir.do("POST", path, card(5, "again"), &p); code != 409 {
		t.Fatalf("a second submission: %d", code)
	}
	if code := ilir.do("PUT", path, card(5, ilirNotes+" On reflection, excellent."), &sc); code != 200 || sc.Mine.Edits != 1 {
		t.Fatalf("edit: %d %+v", code, sc)
	}
	var audit struct {
		Items []struct {
			Action string         `json:"action"`
			Before map[string]any `json:"before"`
		} `json:"items"`
	}
	admin.do("GET", fmt.Sprintf("/api/v1/audit?object_type=interview&object_id=%d&action=scorecard.edited", iv.ID), nil, &audit)
	if len(audit.Items) != 1 || audit.Items[0].Before["notes"] != ilirNotes {
		t.Fatalf("the edit is not recorded with what it changed: %+v", audit.Items)
	}
	// The recruiter, not on the panel, sees both and the result.
	if code := rita.do("GET", path+fmt.Sprintf("?application_id=%d", hana), nil, &sc); code != 200 || len(sc.Others) != 2 || sc.Hidden || sc.Result == nil {
		t.Fatalf("recruiter: %d %+v", code, sc)
	}
}

// TestSlateRule: with a slate of two, a shortlist after the first interview is refused while fewer than two
// candidates have complete first-round results, saying how many there are, and accepted once two do.
func TestSlateRule(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	rita, ilir := newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	openingID := demoOpening(t, rita)
	var op map[string]any
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d", openingID), nil, &op)
	settings := map[string]any{}
	for _, k := range []string{"title", "description", "seats", "recruiter_id", "interviewer_ids", "questionnaire", "questionnaire_days",
		"confirm_knock_outs", "role_play"} {
		settings[k] = op[k]
	}
	settings["slate_size"] = 2
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, nil); code != 200 {
		t.Fatalf("slate of two: %d", code)
	}
	var board struct{ Items []appOut }
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?stage=first_interview", openingID), nil, &board)
	hana := board.Items[0].ID
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?q=fjolla", openingID), nil, &board)
	fjolla := board.Items[0].ID
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", fjolla), map[string]string{"to": "first_interview", "reason": "Good call"}, nil); code != 200 {
		t.Fatalf("fjolla to the first interview: %d", code)
	}
	var me struct {
		User struct{ ID int64 } `json:"user"`
	}
	ilir.do("GET", "/api/v1/me", nil, &me)
	var lib struct{ Items []models.Scenario }
	rita.do("GET", "/api/v1/scenarios", nil, &lib)
	start := time.Now().Add(3 * time.Second)
	interview := map[int64]int64{}
	for _, a := range []int64{hana, fjolla} {
		var iv struct{ ID int64 }
		if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/interviews", a), map[string]any{"starts_at": start, "duration_minutes": 20,
			"location": "Office", "interviewer_ids": []int64{me.User.ID}, "scenario_id": lib.Items[1].ID}, &iv); code != 201 {
			t.Fatalf("schedule: %d", code)
		}
		interview[a] = iv.ID
	}
	shortlist := func() (int, problem) {
		var p problem
		return rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", hana), map[string]string{"to": "shortlist", "reason": "Best role-play"}, &p), p
	}
	if code, p := shortlist(); code != 409 || !strings.Contains(p.Detail, "0 of 2 candidates") {
		t.Fatalf("shortlist with no results: %d %+v", code, p)
	}
	time.Sleep(time.Until(start) + 100*time.Millisecond)
	score := func(a int64) {
		var ratings []map[string]any
		for _, c := range lib.Items[1].Text["en"].Rubric.Competencies {
			ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": 4})
		}
		if code := ilir.do("POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", interview[a]), map[string]any{"application_id": a,
			"ratings": ratings, "recommendation": "yes"}, nil); code != 201 {
			t.Fatalf("score %d: %d", a, code)
		}
	}
	score(hana)
	if code, p := shortlist(); code != 409 || !strings.Contains(p.Detail, "1 of 2 candidates") {
		t.Fatalf("shortlist with one result: %d %+v", code, p)
	}
	score(fjolla)
	if code, p := shortlist(); code != 200 {
		t.Fatalf("shortlist with the slate complete: %d %+v", code, p)
	}
}

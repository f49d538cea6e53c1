package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
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
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?stage=first_interview&q=hana", openingID), nil, &board)
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

	// The candidate answers from the signed link in their invite: asking for another time needs a note.
	link := regexp.MustCompile(`/i/([A-Za-z0-9_.-]+)`).FindStringSubmatch(first["hana.osmani@example.com"].Body)
	if link == nil {
		t.Fatalf("the candidate's invite has no response link:\n%s", first["hana.osmani@example.com"].Body)
	}
	candidate := newBrowser(t, app.URL())
	public := "/api/v1/public/interviews/" + link[1]
	var pub struct {
		Title, Kind, Status, Response string
		ResponseNoteJSON              string `json:"response_note"`
	}
	if code := candidate.do("GET", public, nil, &pub); code != 200 || pub.Status != "scheduled" || pub.Kind != "first" {
		t.Fatalf("the candidate opens the link: %d %+v", code, pub)
	}
	if code := candidate.do("POST", public, map[string]string{"response": "another_time"}, &p); code != 400 || p.fields()[0] != "note" {
		t.Fatalf("another time without a note: %d %+v", code, p)
	}
	if code := candidate.do("GET", "/api/v1/public/interviews/"+link[1][:len(link[1])-2]+"xx", nil, &p); code != 403 {
		t.Fatalf("a tampered link: %d %+v", code, p)
	}
	if code := candidate.do("POST", public, map[string]string{"response": "another_time", "note": "Mornings suit me better."}, &pub); code != 200 ||
		pub.Response != "another_time" || pub.ResponseNoteJSON != "Mornings suit me better." {
		t.Fatalf("another time: %d %+v", code, pub)
	}
	if code := candidate.do("POST", public, map[string]any{"response": "confirmed", "interview_id": iv.ID, "sequence": 3}, &p); code != 409 ||
		!strings.Contains(p.Detail, "has changed") {
		t.Fatalf("an answer to a version the candidate never saw: %d %+v", code, p)
	}
	var listed struct {
		Items []struct {
			ID         int64 `json:"id"`
			Candidates []struct {
				Response     string `json:"response"`
				ResponseNote string `json:"response_note"`
			} `json:"candidates"`
		} `json:"items"`
	}
	if code := rita.do("GET", fmt.Sprintf("/api/v1/applications/%d/interviews", hana.ID), nil, &listed); code != 200 || len(listed.Items) != 1 ||
		listed.Items[0].Candidates[0].Response != "another_time" {
		t.Fatalf("the recruiter sees the answer: %d %+v", code, listed)
	}
	if code := ilir.do("GET", fmt.Sprintf("/api/v1/applications/%d/interviews", hana.ID), nil, nil); code != 403 {
		t.Fatalf("an interviewer lists the application's interviews: %d", code)
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
	if k := got.kinds(); k[len(k)-1] != "interview_cancelled:" || k[len(k)-2] != "interview_rescheduled:" || k[len(k)-3] != "interview_response:" ||
		k[len(k)-4] != "interview_scheduled:" {
		t.Fatalf("timeline %v", k)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		writeWorkflowHistory(t, app, workflows.InvitesWorkflowID(iv.ID, 0), "interview_invites_sent.json")
		writeWorkflowHistory(t, app, workflows.InvitesWorkflowID(iv.ID, 2), "interview_invites_cancelled.json")
	}
}

// TestIndependentScorecards: the two interviewers of a first interview score independently. Before the
// interview starts nobody scores; an interviewer who has not submitted sees neither the other's scorecard nor
// the combined result (asserted on the raw answer); an interviewer not on the panel is refused; a second
// submission is refused, and an edit is recorded in the audit log with what it changed.
func TestIndependentScorecards(t *testing.T) {
	app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), nil)
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
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?stage=first_interview&q=hana", openingID), nil, &board)
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
			After  map[string]any `json:"after"`
		} `json:"items"`
	}
	// The log records the ratings before and after, and that the notes changed: their words, about the
	// candidate, stay on the scorecard, where anonymisation reaches them (the log is append-only).
	admin.do("GET", fmt.Sprintf("/api/v1/audit?object_type=interview&object_id=%d&action=scorecard.edited", iv.ID), nil, &audit)
	if len(audit.Items) != 1 || audit.Items[0].Before["ratings"] == nil || audit.Items[0].After["notes_changed"] != true ||
		strings.Contains(fmt.Sprint(audit.Items[0]), ilirNotes) {
		t.Fatalf("the edit is not recorded with what it changed: %+v", audit.Items)
	}
	// The recruiter, not on the panel, sees both and the result.
	if code := rita.do("GET", path+fmt.Sprintf("?application_id=%d", hana), nil, &sc); code != 200 || len(sc.Others) != 2 || sc.Hidden || sc.Result == nil {
		t.Fatalf("recruiter: %d %+v", code, sc)
	}
}

// TestSlateRule walks the demo slate (Liridon Hoxha and Nora Berisha fully scored, Mimoza Krasniqi waiting
// for Drita Shala's scorecard, Hana Osmani not yet interviewed) from first interview through shortlist to a
// group interview, over HTTP with the real workflows on PostgreSQL: the shortlist is refused with 2 of 3 complete results
// and accepted with 3; the comparison shows the panel's means and spreads; the group interview is scored on
// the group rubric; an excused interviewer completes a result; calibration counts every scorecard.
func TestSlateRule(t *testing.T) {
	app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	rita, ilir, drita := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	drita.login("interviewer2@bullpen.demo", pw)
	openingID := demoOpening(t, rita)
	base := fmt.Sprintf("/api/v1/openings/%d", openingID)
	type round struct {
		InterviewID int64                   `json:"interview_id"`
		Kind        string                  `json:"kind"`
		Complete    bool                    `json:"complete"`
		Awaiting    []struct{ Name string } `json:"awaiting"`
		Result      models.InterviewResult  `json:"result"`
		Notes       []struct {
			Recommendation string `json:"recommendation"`
		} `json:"notes"`
	}
	var cmp struct {
		Slate struct {
			Size, Complete int
			Open           bool
		} `json:"slate"`
		Competencies []struct{ ID string } `json:"competencies"`
		Rows         []struct {
			ApplicationID int64  `json:"application_id"`
			Name          string `json:"name"`
			Stage         string `json:"stage"`
			First         *round `json:"first"`
			Second        *round `json:"second"`
		} `json:"rows"`
	}
	compare := func() map[string]int {
		t.Helper()
		if code := rita.do("GET", base+"/comparison", nil, &cmp); code != 200 {
			t.Fatalf("comparison: %d", code)
		}
		idx := map[string]int{}
		for i, r := range cmp.Rows {
			idx[r.Name] = i
		}
		return idx
	}
	idx := compare()
	liridon, nora, mimoza, hana := cmp.Rows[idx["Liridon Hoxha"]], cmp.Rows[idx["Nora Berisha"]], cmp.Rows[idx["Mimoza Krasniqi"]], cmp.Rows[idx["Hana Osmani"]]
	if cmp.Slate.Size != 3 || cmp.Slate.Complete != 2 || cmp.Slate.Open || len(cmp.Competencies) != 6 || cmp.Rows[0].Name != "Liridon Hoxha" {
		t.Fatalf("comparison slate %+v, %d competencies, first row %q", cmp.Slate, len(cmp.Competencies), cmp.Rows[0].Name)
	}
	// Liridon: Ilir 4 4 3 4 4 4 and Drita 5 4 4 4 3 5.
	if r := liridon.First; r == nil || !r.Complete || r.Result.Overall != 4 || r.Result.Competencies[0].Mean != 4.5 || r.Result.Competencies[0].Spread != 1 ||
		r.Result.Recommendations["strong_yes"] != 1 || len(r.Notes) != 2 {
		t.Fatalf("Liridon's first round %+v", r)
	}
	if nora.First == nil || nora.First.Result.Overall != 3 || mimoza.First == nil || mimoza.First.Complete || len(mimoza.First.Awaiting) != 1 ||
		mimoza.First.Awaiting[0].Name != "Drita Shala" || hana.First != nil {
		t.Fatalf("Nora %+v, Mimoza %+v, Hana %+v", nora.First, mimoza.First, hana.First)
	}
	if code := ilir.do("GET", base+"/comparison", nil, nil); code != 403 {
		t.Fatalf("an interviewer reads the comparison: %d", code)
	}

	// With 2 of 3 complete results the shortlist is refused, and nothing moves.
	var p problem
	shortlist := map[string]any{"application_ids": []int64{liridon.ApplicationID, mimoza.ApplicationID}, "reason": "Strongest role-plays", "rest": "reject",
		"reject_code": "not_shortlisted", "reject_reason": "Others negotiated better."}
	if code := rita.do("POST", base+"/shortlist", shortlist, &p); code != 409 || !strings.Contains(p.Detail, "2 of 3 candidates") {
		t.Fatalf("shortlist with 2 of 3: %d %+v", code, p)
	}
	var hanaNow appOut
	var one struct {
		Items []struct {
			ID   int64   `json:"id"`
			Owed []int64 `json:"owed"`
		} `json:"items"`
	}
	if code := drita.do("GET", "/api/v1/me/interviews", nil, &one); code != 200 || len(one.Items) != 1 || len(one.Items[0].Owed) != 1 ||
		one.Items[0].Owed[0] != mimoza.ApplicationID {
		t.Fatalf("Drita's interviews: %d %+v", code, one)
	}
	var cards struct {
		Hidden bool              `json:"hidden"`
		Others []json.RawMessage `json:"others"`
	}
	drita.do("GET", fmt.Sprintf("/api/v1/interviews/%d/scorecards?application_id=%d", mimoza.First.InterviewID, mimoza.ApplicationID), nil, &cards)
	if !cards.Hidden || len(cards.Others) != 0 {
		t.Fatalf("Drita sees Ilir's scorecard before submitting: %+v", cards)
	}
	// Drita also heads the department: as a hiring manager she reads the comparison and the candidate's
	// interviews, but still not her colleague's scorecard for Mimoza, whom she has not scored yet. (As a
	// recruiter she would not read them at all: the opening is Rita's.)
	admin := newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	var dritaMe struct {
		User struct{ ID int64 } `json:"user"`
	}
	drita.do("GET", "/api/v1/me", nil, &dritaMe)
	if code := admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", dritaMe.User.ID), map[string]any{"roles": []string{"interviewer", "department_head"}}, nil); code != 200 {
		t.Fatalf("make Drita a department head too: %d", code)
	}
	var dcmp struct {
		Rows []struct {
			Name  string `json:"name"`
			First *struct {
				Hidden bool              `json:"hidden"`
				Notes  []json.RawMessage `json:"notes"`
				Result struct {
					Scorecards int `json:"scorecards"`
				} `json:"result"`
			} `json:"first"`
		} `json:"rows"`
	}
	if code := drita.do("GET", base+"/comparison", nil, &dcmp); code != 200 {
		t.Fatalf("Drita as a department head reads the comparison: %d", code)
	}
	for _, r := range dcmp.Rows {
		switch {
		case r.Name == "Mimoza Krasniqi" && (!r.First.Hidden || len(r.First.Notes) != 0 || r.First.Result.Scorecards != 0):
			t.Fatalf("the comparison shows Drita her colleague's scorecard for Mimoza: %+v", r.First)
		case r.Name == "Liridon Hoxha" && (r.First.Hidden || len(r.First.Notes) != 2):
			t.Fatalf("Drita, who scored Liridon, cannot see his panel: %+v", r.First)
		}
	}
	var dlist struct {
		Items []struct {
			Hidden bool            `json:"hidden"`
			Result json.RawMessage `json:"result"`
		} `json:"items"`
	}
	if code := drita.do("GET", fmt.Sprintf("/api/v1/applications/%d/interviews", mimoza.ApplicationID), nil, &dlist); code != 200 ||
		len(dlist.Items) != 1 || !dlist.Items[0].Hidden || string(dlist.Items[0].Result) != "null" {
		t.Fatalf("the candidate's interviews show Drita the result before she scored: %d %+v", code, dlist)
	}

	rubric := models.DefaultRubric("en")
	ratings := func(r models.Rubric, score int) []map[string]any {
		var out []map[string]any
		for _, c := range r.Competencies {
			out = append(out, map[string]any{"competency_id": c.ID, "score": score, "evidence": "Seen in the role-play."})
		}
		return out
	}
	if code := drita.do("POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", mimoza.First.InterviewID), map[string]any{
		"application_id": mimoza.ApplicationID, "ratings": ratings(rubric, 4), "recommendation": "yes"}, nil); code != 201 {
		t.Fatalf("Drita scores Mimoza: %d", code)
	}
	// The application's workflow stores the result; the opening's opens the shortlist decision.
	eventually(t, 20*time.Second, "Mimoza's stored result", func() bool {
		var a appOut
		rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", mimoza.ApplicationID), nil, &a)
		return slices.Contains(a.kinds(), "interview_result:")
	})
	eventually(t, 20*time.Second, "the shortlist decision opened", func() bool {
		var o struct {
			Slate struct {
				OpenedAt *time.Time `json:"opened_at"`
			} `json:"slate"`
		}
		rita.do("GET", base, nil, &o)
		return o.Slate.OpenedAt != nil
	})
	if code := rita.do("POST", base+"/shortlist", map[string]any{"application_ids": []int64{hana.ApplicationID}, "reason": "x", "rest": "wait"}, &p); code != 400 ||
		p.fields()[0] != "application_ids.0" {
		t.Fatalf("shortlist Hana, not interviewed: %d %+v", code, p)
	}
	noCode := maps.Clone(shortlist)
	delete(noCode, "reject_code")
	if code := rita.do("POST", base+"/shortlist", noCode, &p); code != 400 || !slices.Contains(p.fields(), "reject_code") {
		t.Fatalf("reject the rest without a code: %d %+v", code, p)
	}
	var res struct {
		Results []struct {
			ApplicationID int64  `json:"application_id"`
			To            string `json:"to"`
			OK            bool   `json:"ok"`
		} `json:"results"`
	}
	if code := rita.do("POST", base+"/shortlist", shortlist, &res); code != 200 || len(res.Results) != 3 {
		t.Fatalf("shortlist with 3 of 3: %d %+v", code, res)
	}
	for _, r := range res.Results {
		want := map[int64]string{liridon.ApplicationID: "shortlist", mimoza.ApplicationID: "shortlist", nora.ApplicationID: "rejected"}[r.ApplicationID]
		if !r.OK || r.To != want {
			t.Fatalf("shortlist results %+v", res.Results)
		}
	}
	rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", hana.ApplicationID), nil, &hanaNow)
	if hanaNow.Stage != "first_interview" {
		t.Fatalf("Hana, not yet interviewed, moved to %s", hanaNow.Stage)
	}

	// A group interview for the shortlist: both move to the second interview, each gets an invite.
	var me struct {
		User struct{ ID int64 } `json:"user"`
	}
	ilir.do("GET", "/api/v1/me", nil, &me)
	ilirID := me.User.ID
	drita.do("GET", "/api/v1/me", nil, &me)
	dritaID := me.User.ID
	start := time.Now().Add(3 * time.Second)
	group := map[string]any{"kind": "group", "application_ids": []int64{liridon.ApplicationID, nora.ApplicationID}, "starts_at": start,
		"duration_minutes": 60, "location": "Office", "interviewer_ids": []int64{ilirID, dritaID}}
	if code := rita.do("POST", base+"/interviews", group, &p); code != 400 || p.fields()[0] != "application_ids.1" {
		t.Fatalf("a rejected candidate in a group interview: %d %+v", code, p)
	}
	group["application_ids"] = []int64{liridon.ApplicationID}
	if code := rita.do("POST", base+"/interviews", group, &p); code != 400 || p.fields()[0] != "application_ids" {
		t.Fatalf("a group of one: %d %+v", code, p)
	}
	group["application_ids"] = []int64{liridon.ApplicationID, mimoza.ApplicationID}
	var giv struct {
		ID   int64  `json:"id"`
		Kind string `json:"kind"`
	}
	if code := rita.do("POST", base+"/interviews", group, &giv); code != 201 || giv.Kind != "group" {
		t.Fatalf("group interview: %d %+v", code, giv)
	}
	for _, id := range []int64{liridon.ApplicationID, mimoza.ApplicationID} {
		var a appOut
		rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", id), nil, &a)
		if a.Stage != "second_interview" {
			t.Fatalf("application %d at %s after the group interview was scheduled", id, a.Stage)
		}
	}
	var kit struct {
		Rubric     models.Rubric `json:"rubric"`
		Candidates []struct {
			ApplicationID int64 `json:"application_id"`
		} `json:"candidates"`
	}
	if code := ilir.do("GET", fmt.Sprintf("/api/v1/interviews/%d/kit", giv.ID), nil, &kit); code != 200 || kit.Rubric.Competencies[0].ID != "listening" ||
		len(kit.Candidates) != 2 {
		t.Fatalf("group kit: %d %+v", code, kit)
	}
	time.Sleep(time.Until(start) + 100*time.Millisecond)
	groupRubric := models.GroupRubric("en")
	scorePath := fmt.Sprintf("/api/v1/interviews/%d/scorecards", giv.ID)
	if code := ilir.do("POST", scorePath, map[string]any{"application_id": mimoza.ApplicationID, "ratings": ratings(rubric, 3), "recommendation": "yes"}, &p); code != 400 {
		t.Fatalf("a group scorecard on the role-play rubric: %d %+v", code, p)
	}
	for _, id := range []int64{liridon.ApplicationID, mimoza.ApplicationID} {
		if code := ilir.do("POST", scorePath, map[string]any{"application_id": id, "ratings": ratings(groupRubric, 4), "recommendation": "yes"}, nil); code != 201 {
			t.Fatalf("Ilir scores %d in the group: %d", id, code)
		}
	}
	excuse := fmt.Sprintf("/api/v1/interviews/%d/excuse", giv.ID)
	if code := ilir.do("POST", excuse, map[string]any{"interviewer_id": dritaID, "reason": "Ill"}, nil); code != 403 {
		t.Fatalf("an interviewer excuses a colleague: %d", code)
	}
	if code := rita.do("POST", excuse, map[string]any{"interviewer_id": ilirID, "reason": "Done already"}, &p); code != 409 {
		t.Fatalf("excuse one who scored everyone: %d %+v", code, p)
	}
	if code := rita.do("POST", excuse, map[string]any{"interviewer_id": dritaID, "reason": "Called away to a client"}, nil); code != 200 {
		t.Fatalf("excuse Drita: %d", code)
	}
	idx = compare()
	if r := cmp.Rows[idx["Liridon Hoxha"]].Second; r == nil || r.Kind != "group" || !r.Complete || r.Result.Competencies[0].CompetencyID != "listening" {
		t.Fatalf("Liridon's group round %+v", r)
	}
	eventually(t, 20*time.Second, "Liridon's group result stored", func() bool {
		var a appOut
		rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", liridon.ApplicationID), nil, &a)
		n := 0
		for _, k := range a.kinds() {
			if k == "interview_result:" {
				n++
			}
		}
		return n == 2
	})

	var cal struct {
		Items []struct {
			Interviewer struct{ Name string } `json:"interviewer"`
			Scorecards  int                   `json:"scorecards"`
			Compared    int                   `json:"compared"`
		} `json:"items"`
	}
	if code := rita.do("GET", "/api/v1/calibration?opening_id="+fmt.Sprint(openingID), nil, &cal); code != 200 || len(cal.Items) != 2 ||
		cal.Items[0].Interviewer.Name != "Drita Shala" || cal.Items[0].Scorecards != 3 || cal.Items[1].Scorecards != 5 || cal.Items[1].Compared != 18 {
		t.Fatalf("calibration: %d %+v", code, cal)
	}
	if code := ilir.do("GET", "/api/v1/calibration", nil, nil); code != 403 {
		t.Fatalf("an interviewer reads calibration: %d", code)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		// Still running, as they are in production: the replayer replays what happened so far.
		writeWorkflowHistory(t, app, workflows.ApplicationWorkflowID(mimoza.ApplicationID), "application_scorecards_then_group_interview.json")
		writeWorkflowHistory(t, app, workflows.OpeningWorkflowID(openingID), "opening_shortlist_opened.json")
	}
}

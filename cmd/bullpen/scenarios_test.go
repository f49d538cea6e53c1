package main

import (
	"fmt"
	"testing"

	"github.com/bullpen-hq/bullpen/models"
)

// TestScenarioLibrary: the built-in personas are there in English and Albanian for the hiring team (not for
// sales reps); recruiters add, edit and archive scenarios, and bad ones are refused field by field.
func TestScenarioLibrary(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	rita, ilir, elira := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)

	var lib struct{ Items []models.Scenario }
	if code := ilir.do("GET", "/api/v1/scenarios", nil, &lib); code != 200 || len(lib.Items) < 6 {
		t.Fatalf("library: %d, %d scenarios", code, len(lib.Items))
	}
	for _, s := range lib.Items {
		if s.Text["en"].Name == "" || s.Text["sq"].Name == "" || len(s.Text["sq"].Rubric.Competencies) != 6 {
			t.Errorf("scenario %s is not complete in both languages", s.Slug)
		}
	}
	if code := elira.do("GET", "/api/v1/scenarios", nil, nil); code != 403 {
		t.Errorf("a sales rep reads the interviewers' briefs: %d", code)
	}
	if code := ilir.do("POST", "/api/v1/scenarios", map[string]any{}, nil); code != 403 {
		t.Errorf("an interviewer writes a scenario: %d", code)
	}

	var p problem
	bad := map[string]any{"slug": "Bad Slug", "difficulty": 3, "duration_minutes": 20, "text": map[string]any{"en": lib.Items[0].Text["en"]}}
	if code := rita.do("POST", "/api/v1/scenarios", bad, &p); code != 400 || p.fields()[0] != "slug" || p.fields()[1] != "text.sq" {
		t.Fatalf("bad scenario: %d %+v", code, p)
	}
	good := lib.Items[0]
	good.Slug, good.ID = "late-payer", 0
	en := good.Text["en"]
	en.Name = "The late payer"
	good.Text = map[string]models.ScenarioText{"en": en, "sq": good.Text["sq"]}
	body := map[string]any{"slug": good.Slug, "difficulty": 4, "duration_minutes": 15, "text": good.Text}
	var saved models.Scenario
	if code := rita.do("POST", "/api/v1/scenarios", body, &saved); code != 201 || saved.ID == 0 || saved.Text["en"].Name != "The late payer" {
		t.Fatalf("add: %d %+v", code, saved)
	}
	if code := rita.do("POST", "/api/v1/scenarios", body, &p); code != 409 {
		t.Fatalf("the same slug again: %d %+v", code, p)
	}
	body["archived"] = true
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/scenarios/%d", saved.ID), body, &saved); code != 200 || !saved.Archived {
		t.Fatalf("archive: %d %+v", code, saved)
	}
	var now struct{ Items []models.Scenario }
	rita.do("GET", "/api/v1/scenarios", nil, &now)
	if len(now.Items) != len(lib.Items) {
		t.Errorf("an archived scenario is still offered: %d of %d", len(now.Items), len(lib.Items))
	}
	rita.do("GET", "/api/v1/scenarios?archived=true", nil, &now)
	if len(now.Items) != len(lib.Items)+1 {
		t.Errorf("archived scenarios are not listed on request: %d", len(now.Items))
	}
}

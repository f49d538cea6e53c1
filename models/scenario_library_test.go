package models

import (
	"reflect"
	"slices"
	"testing"
)

// rubricIDs lists a rubric's competency IDs in order.
func rubricIDs(r Rubric) []string {
	var ids []string
	for _, c := range r.Competencies {
		ids = append(ids, c.ID)
	}
	return ids
}

func TestScenarioLibraryValidates(t *testing.T) {
	if len(ScenarioLibrary) < 6 {
		t.Fatalf("library holds %d scenarios, want at least 6", len(ScenarioLibrary))
	}
	for _, s := range ScenarioLibrary {
		if err := s.Validate(); err != nil {
			t.Errorf("scenario %q: %v", s.Slug, err)
		}
		if s.DurationMinutes < 10 || s.DurationMinutes > 30 {
			t.Errorf("scenario %q: %d minutes, want 10 to 30", s.Slug, s.DurationMinutes)
		}
		for _, loc := range Locales {
			if got := s.Text[loc].Rubric; !reflect.DeepEqual(got, DefaultRubric(loc)) {
				t.Errorf("scenario %q (%s): rubric is not DefaultRubric(%q)", s.Slug, loc, loc)
			}
		}
	}
}

func TestScenarioLibrarySlugs(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range ScenarioLibrary {
		if seen[s.Slug] {
			t.Errorf("slug %q is used twice", s.Slug)
		}
		seen[s.Slug] = true
	}
	for _, want := range []string{"price-haggler", "silent-sceptic", "aggressive-procurement",
		"friendly-time-waster", "competitor-loyalist", "undecided-committee"} {
		if !seen[want] {
			t.Errorf("persona %q is missing", want)
		}
	}
}

func TestScenarioLibraryDifficultySpread(t *testing.T) {
	levels := map[int]bool{}
	for _, s := range ScenarioLibrary {
		levels[s.Difficulty] = true
	}
	if len(levels) < 4 {
		t.Errorf("difficulties cover %d distinct values, want at least 4", len(levels))
	}
}

func TestScenarioLibraryTranslated(t *testing.T) {
	for _, s := range ScenarioLibrary {
		en, sq := s.Text["en"], s.Text["sq"]
		fields := []struct{ name, en, sq string }{
			{"name", en.Name, sq.Name}, {"behaviour", en.Behaviour, sq.Behaviour},
			{"opening_lines", en.OpeningLines, sq.OpeningLines}, {"hidden_constraints", en.HiddenConstraints, sq.HiddenConstraints},
			{"objections", en.Objections, sq.Objections}, {"buying_triggers", en.BuyingTriggers, sq.BuyingTriggers},
			{"product", en.Product, sq.Product}, {"goal", en.Goal, sq.Goal},
		}
		for _, f := range fields {
			if f.en == f.sq {
				t.Errorf("scenario %q: %s is the same in English and Albanian", s.Slug, f.name)
			}
		}
		if reflect.DeepEqual(en.Rubric, sq.Rubric) {
			t.Errorf("scenario %q: the rubric is not translated", s.Slug)
		}
	}
}

func TestScenarioDefaultRubric(t *testing.T) {
	want := []string{"rapport", "needs_discovery", "objection_handling", "value_framing", "closing", "composure"}
	en, sq := DefaultRubric("en"), DefaultRubric("sq")
	for loc, r := range map[string]Rubric{"en": en, "sq": sq} {
		if err := r.Validate(); err != nil {
			t.Errorf("DefaultRubric(%q): %v", loc, err)
		}
		if got := rubricIDs(r); !slices.Equal(got, want) {
			t.Errorf("DefaultRubric(%q) IDs = %v, want %v", loc, got, want)
		}
	}
	for i := range en.Competencies {
		e, s := en.Competencies[i], sq.Competencies[i]
		if e.Name == s.Name || e.Anchor1 == s.Anchor1 || e.Anchor3 == s.Anchor3 || e.Anchor5 == s.Anchor5 {
			t.Errorf("competency %q is not translated", e.ID)
		}
	}
}

func TestScenarioDefaultRubricFallsBackToEnglish(t *testing.T) {
	for _, loc := range []string{"de", "", "EN"} {
		if got := DefaultRubric(loc); !reflect.DeepEqual(got, DefaultRubric("en")) {
			t.Errorf("DefaultRubric(%q) is not the English rubric", loc)
		}
	}
}

func TestScenarioDefaultRubricIsACopy(t *testing.T) {
	r := DefaultRubric("en")
	r.Competencies[0].Name = "changed"
	if DefaultRubric("en").Competencies[0].Name == "changed" {
		t.Error("changing a returned rubric changed the default")
	}
}

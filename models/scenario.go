package models

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// ScenarioText is a negotiation role-play scenario in one language: the buyer persona ("a model of behaviour
// in negotiations", seed step 1), the brief of the interviewer who plays the buyer, the brief of the candidate,
// and the rubric the interview is scored on.
type ScenarioText struct {
	// Name of the persona, e.g. "The price haggler".
	Name string `json:"name"`
	// Behaviour sums up how the buyer behaves, for everyone.
	Behaviour string `json:"behaviour"`
	// For the interviewer only: how to open, what the buyer hides (budget, deadline, a rival offer), which
	// objections to raise and when, and what would make them buy.
	OpeningLines      string `json:"opening_lines"`
	HiddenConstraints string `json:"hidden_constraints"`
	Objections        string `json:"objections"`
	BuyingTriggers    string `json:"buying_triggers"`
	// For the candidate: what they sell and what they must achieve.
	Product string `json:"product"`
	Goal    string `json:"goal"`
	Rubric  Rubric `json:"rubric"`
}

// Scenario is a role-play scenario of the library, written in every locale.
type Scenario struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	// Difficulty is 1 (a gentle buyer) to 5 (the hardest), so that a slate meets comparable difficulty.
	Difficulty      int                     `json:"difficulty"`
	DurationMinutes int                     `json:"duration_minutes"`
	Text            map[string]ScenarioText `json:"text"`
	Archived        bool                    `json:"archived"`
}

// Validate checks a scenario: its slug, difficulty and time limit, a complete text in every locale, and the
// same competencies (by ID, in the same order) in every locale's rubric, so that scorecards compare.
func (s Scenario) Validate() error {
	var fields []FieldError
	bad := func(field, format string, args ...any) {
		fields = append(fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if !idPattern.MatchString(s.Slug) {
		bad("slug", "must be 1-40 lower-case letters, digits, - or _")
	}
	if s.Difficulty < 1 || s.Difficulty > 5 {
		bad("difficulty", "must be from 1 to 5")
	}
	if s.DurationMinutes < 5 || s.DurationMinutes > 120 {
		bad("duration_minutes", "must be from 5 to 120")
	}
	var ids []string
	for _, loc := range Locales {
		t, ok := s.Text[loc]
		p := "text." + loc
		if !ok {
			bad(p, "is required (every scenario is written in %s)", strings.Join(Locales, " and "))
			continue
		}
		for name, v := range map[string]string{"name": t.Name, "behaviour": t.Behaviour, "opening_lines": t.OpeningLines,
			"hidden_constraints": t.HiddenConstraints, "objections": t.Objections, "buying_triggers": t.BuyingTriggers,
			"product": t.Product, "goal": t.Goal} {
			limit := 4000
			if name == "name" {
				limit = 100
			}
			if n := utf8.RuneCountInString(strings.TrimSpace(v)); n == 0 || n > limit {
				bad(p+"."+name, "is required, at most %d characters", limit)
			}
		}
		if err := t.Rubric.Validate(); err != nil {
			fields = append(fields, Nested(err, p+".rubric.")...)
			continue
		}
		var these []string
		for _, c := range t.Rubric.Competencies {
			these = append(these, c.ID)
		}
		if ids == nil {
			ids = these
		} else if !slices.Equal(ids, these) {
			bad(p+".rubric.competencies", "must be the same competencies, in the same order, in every language (%s)", strings.Join(ids, ", "))
		}
	}
	for loc := range s.Text {
		if !slices.Contains(Locales, loc) {
			bad("text."+loc, "is not a language Bullpen speaks (%s)", strings.Join(Locales, ", "))
		}
	}
	if len(fields) > 0 {
		slices.SortFunc(fields, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
		return Invalid(fields...)
	}
	return nil
}

// In returns the scenario's text in locale, or in English when it has none there.
func (s Scenario) In(locale string) ScenarioText {
	if t, ok := s.Text[locale]; ok {
		return t
	}
	return s.Text["en"]
}

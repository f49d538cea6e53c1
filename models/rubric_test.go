package models

import (
	"strings"
	"testing"
)

func testRubric() Rubric {
	c := func(id string) Competency {
		return Competency{ID: id, Name: strings.ToUpper(id), Anchor1: "poor", Anchor3: "fair", Anchor5: "excellent"}
	}
	return Rubric{Competencies: []Competency{c("rapport"), c("closing"), c("composure")}}
}

func card(id int64, rec Recommendation, scores ...int) Scorecard {
	ids := []string{"rapport", "closing", "composure"}
	s := Scorecard{InterviewerID: id, Recommendation: rec}
	for i, v := range scores {
		s.Ratings = append(s.Ratings, Rating{CompetencyID: ids[i], Score: v, Evidence: "seen"})
	}
	return s
}

func TestAggregate(t *testing.T) {
	r := testRubric()
	got := Aggregate(r, []Scorecard{card(1, Yes, 4, 2, 5), card(2, StrongYes, 5, 3, 5), card(3, No, 3, 1, 4)})
	want := []CompetencyResult{{"rapport", 4, 2, 3}, {"closing", 2, 2, 3}, {"composure", 4.67, 1, 3}}
	for i, w := range want {
		if got.Competencies[i] != w {
			t.Errorf("competency %d = %+v; want %+v", i, got.Competencies[i], w)
		}
	}
	if got.Overall != 3.56 || got.MaxSpread != 2 || got.Scorecards != 3 || got.RecommendationMean != 2 ||
		got.Recommendations[Yes] != 1 || got.Recommendations[StrongYes] != 1 || got.Recommendations[No] != 1 {
		t.Errorf("result %+v", got)
	}
	if empty := Aggregate(r, nil); empty.Scorecards != 0 || empty.Overall != 0 || len(empty.Competencies) != 0 {
		t.Errorf("no scorecards: %+v", empty)
	}
	one := Aggregate(r, []Scorecard{card(1, StrongNo, 1, 1, 1)})
	if one.MaxSpread != 0 || one.Overall != 1 || one.RecommendationMean != 0 {
		t.Errorf("one scorecard: %+v", one)
	}
}

func TestScorecardValidate(t *testing.T) {
	r := testRubric()
	if err := card(1, Yes, 3, 3, 3).Validate(r); err != nil {
		t.Fatal(err)
	}
	bad := card(1, "maybe", 0, 6)
	bad.Ratings = append(bad.Ratings, Rating{CompetencyID: "rapport", Score: 3}, Rating{CompetencyID: "charm", Score: 3})
	err := bad.Validate(r)
	var got []string
	for _, f := range err.(*Error).Fields {
		got = append(got, f.Field+": "+f.Message)
	}
	want := []string{"ratings.0.score: must be from 1 to 5", "ratings.1.score: must be from 1 to 5",
		`ratings.2.competency_id: "rapport" is rated twice`, `ratings.3.competency_id: "charm" is not in the rubric`,
		`ratings: rate "composure" (COMPOSURE)`, "recommendation: must be strong_no, no, yes or strong_yes"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRubricValidate(t *testing.T) {
	if err := testRubric().Validate(); err != nil {
		t.Fatal(err)
	}
	r := testRubric()
	r.Competencies = append(r.Competencies, Competency{ID: "rapport", Name: "again"}, Competency{ID: "Bad ID"})
	err := r.Validate()
	var got []string
	for _, f := range err.(*Error).Fields {
		got = append(got, f.Field)
	}
	want := "competencies.3.anchor_1 competencies.3.anchor_3 competencies.3.anchor_5 competencies.3.id " +
		"competencies.4.anchor_1 competencies.4.anchor_3 competencies.4.anchor_5 competencies.4.id competencies.4.name"
	if strings.Join(got, " ") != want {
		t.Errorf("fields %v", got)
	}
	if err := (Rubric{}).Validate(); ErrorCode(err) != EINVALID {
		t.Errorf("an empty rubric: %v", err)
	}
}

package models

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Competency is one thing a rubric scores, on an anchored 1-5 scale: what a 1, a 3 and a 5 look like.
type Competency struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Anchor1 string `json:"anchor_1"`
	Anchor3 string `json:"anchor_3"`
	Anchor5 string `json:"anchor_5"`
}

// Rubric is the set of competencies an interview is scored on.
type Rubric struct {
	Competencies []Competency `json:"competencies"`
}

// Recommendation is an interviewer's overall verdict.
type Recommendation string

// The recommendations, from worst to best.
const (
	StrongNo  Recommendation = "strong_no"
	No        Recommendation = "no"
	Yes       Recommendation = "yes"
	StrongYes Recommendation = "strong_yes"
)

// Recommendations lists them in order; their position (0-3) is their weight in the combined result.
var Recommendations = []Recommendation{StrongNo, No, Yes, StrongYes}

// Limits of a rubric and a scorecard.
const (
	MaxCompetencies  = 12
	MaxEvidenceChars = 2000
)

// Validate checks a rubric and names each flaw by path ("competencies.2.anchor_3").
func (r Rubric) Validate() error {
	var fields []FieldError
	bad := func(field, format string, args ...any) {
		fields = append(fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if len(r.Competencies) == 0 || len(r.Competencies) > MaxCompetencies {
		bad("competencies", "must hold 1 to %d competencies", MaxCompetencies)
	}
	seen := map[string]bool{}
	for i, c := range r.Competencies {
		p := fmt.Sprintf("competencies.%d", i)
		switch {
		case !idPattern.MatchString(c.ID):
			bad(p+".id", "must be 1-40 lower-case letters, digits, - or _")
		case seen[c.ID]:
			bad(p+".id", "%q is used twice", c.ID)
		}
		seen[c.ID] = true
		for name, v := range map[string]string{"name": c.Name, "anchor_1": c.Anchor1, "anchor_3": c.Anchor3, "anchor_5": c.Anchor5} {
			if n := utf8.RuneCountInString(strings.TrimSpace(v)); n == 0 || n > 500 {
				bad(p+"."+name, "is required, at most 500 characters")
			}
		}
	}
	if len(fields) > 0 {
		slices.SortFunc(fields, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
		return Invalid(fields...)
	}
	return nil
}

// Rating is one competency's score on a scorecard, with the evidence for it.
type Rating struct {
	CompetencyID string `json:"competency_id"`
	Score        int    `json:"score"`
	Evidence     string `json:"evidence"`
}

// Scorecard is one interviewer's independent assessment of one candidate in one interview.
type Scorecard struct {
	InterviewerID  int64          `json:"interviewer_id"`
	Ratings        []Rating       `json:"ratings"`
	Recommendation Recommendation `json:"recommendation"`
	Notes          string         `json:"notes"`
}

// Validate checks a scorecard against the rubric it scores: every competency rated once, 1 to 5, and a
// recommendation.
func (s Scorecard) Validate(r Rubric) error {
	var fields []FieldError
	rated := map[string]bool{}
	for i, rt := range s.Ratings {
		p := fmt.Sprintf("ratings.%d", i)
		switch {
		case !slices.ContainsFunc(r.Competencies, func(c Competency) bool { return c.ID == rt.CompetencyID }):
			fields = append(fields, FieldError{Field: p + ".competency_id", Message: fmt.Sprintf("%q is not in the rubric", rt.CompetencyID)})
		case rated[rt.CompetencyID]:
			fields = append(fields, FieldError{Field: p + ".competency_id", Message: fmt.Sprintf("%q is rated twice", rt.CompetencyID)})
		}
		rated[rt.CompetencyID] = true
		if rt.Score < 1 || rt.Score > 5 {
			fields = append(fields, FieldError{Field: p + ".score", Message: "must be from 1 to 5"})
		}
		if utf8.RuneCountInString(rt.Evidence) > MaxEvidenceChars {
			fields = append(fields, FieldError{Field: p + ".evidence", Message: fmt.Sprintf("must be at most %d characters", MaxEvidenceChars)})
		}
	}
	for _, c := range r.Competencies {
		if !rated[c.ID] {
			fields = append(fields, FieldError{Field: "ratings", Message: fmt.Sprintf("rate %q (%s)", c.ID, c.Name)})
		}
	}
	if !slices.Contains(Recommendations, s.Recommendation) {
		fields = append(fields, FieldError{Field: "recommendation", Message: "must be strong_no, no, yes or strong_yes"})
	}
	if utf8.RuneCountInString(s.Notes) > 10000 {
		fields = append(fields, FieldError{Field: "notes", Message: "must be at most 10000 characters"})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// CompetencyResult is one competency across the panel: the mean score, the spread (highest minus lowest)
// and how many scored it.
type CompetencyResult struct {
	CompetencyID string  `json:"competency_id"`
	Mean         float64 `json:"mean"`
	Spread       int     `json:"spread"`
	N            int     `json:"n"`
}

// InterviewResult combines a panel's scorecards: per competency, the overall mean of the competency means,
// the largest spread (where the panel disagrees most), and the recommendations counted.
type InterviewResult struct {
	Competencies    []CompetencyResult     `json:"competencies"`
	Overall         float64                `json:"overall"`
	MaxSpread       int                    `json:"max_spread"`
	Recommendations map[Recommendation]int `json:"recommendations"`
	// RecommendationMean is the recommendations' mean on 0 (strong no) to 3 (strong yes).
	RecommendationMean float64 `json:"recommendation_mean"`
	Scorecards         int     `json:"scorecards"`
}

// Aggregate combines scorecards (already validated against r) into the interview's result. Competencies keep
// the rubric's order; means are rounded to two decimals.
func Aggregate(r Rubric, cards []Scorecard) InterviewResult {
	out := InterviewResult{Recommendations: map[Recommendation]int{}, Scorecards: len(cards), Competencies: []CompetencyResult{}}
	if len(cards) == 0 {
		return out
	}
	total := 0.0
	for _, c := range r.Competencies {
		res := CompetencyResult{CompetencyID: c.ID}
		lo, hi, sum := 6, 0, 0
		for _, card := range cards {
			for _, rt := range card.Ratings {
				if rt.CompetencyID == c.ID {
					sum += rt.Score
					res.N++
					lo, hi = min(lo, rt.Score), max(hi, rt.Score)
				}
			}
		}
		if res.N > 0 {
			res.Mean = round2(float64(sum) / float64(res.N))
			res.Spread = hi - lo
			total += res.Mean
		}
		out.MaxSpread = max(out.MaxSpread, res.Spread)
		out.Competencies = append(out.Competencies, res)
	}
	if len(r.Competencies) > 0 {
		out.Overall = round2(total / float64(len(r.Competencies)))
	}
	rec := 0
	for _, card := range cards {
		out.Recommendations[card.Recommendation]++
		rec += slices.Index(Recommendations, card.Recommendation)
	}
	out.RecommendationMean = round2(float64(rec) / float64(len(cards)))
	return out
}

// idPattern is what a competency's or a scenario's ID may look like.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

package models

import (
	"math"
	"slices"
	"testing"
)

func ptr(v float64) *float64 { return &v }

// salesQuestionnaire is a typical screening questionnaire for a sales rep.
func salesQuestionnaire() Questionnaire {
	return Questionnaire{PassMark: 60, Questions: []Question{
		{ID: "experience", Kind: NumberAnswer, Prompt: "Years in B2B sales", Required: true, Weight: 30,
			Min: ptr(0), Max: ptr(60), Target: ptr(3), KnockOutBelow: ptr(0.5)},
		{ID: "channel", Kind: SingleChoice, Prompt: "How do you prefer to find new clients?", Required: true, Weight: 30, Options: []Option{
			{ID: "cold", Label: "Cold calls", Points: 3}, {ID: "referrals", Label: "Referrals", Points: 2},
			{ID: "wait", Label: "I wait for inbound leads", Points: 0}}},
		{ID: "languages", Kind: MultipleChoice, Prompt: "Languages you sell in", Weight: 20, Options: []Option{
			{ID: "sq", Label: "Albanian", Points: 2}, {ID: "en", Label: "English", Points: 1}, {ID: "it", Label: "Italian", Points: 1}}},
		{ID: "rejection", Kind: ScaleAnswer, Prompt: "How well do you handle a 'no'?", Required: true, Weight: 20, Min: ptr(1), Max: ptr(5)},
		{ID: "weekends", Kind: SingleChoice, Prompt: "Can you attend client events on weekends?", Required: true, Weight: 0, Options: []Option{
			{ID: "yes", Label: "Yes", Points: 1}, {ID: "no", Label: "No", KnockOut: true}}},
		{ID: "why", Kind: FreeText, Prompt: "Why sales?"},
	}}
}

func TestQuestionnaireScore(t *testing.T) {
	q := salesQuestionnaire()
	if err := q.Validate(); err != nil {
		t.Fatalf("valid questionnaire refused: %v", err)
	}
	tests := []struct {
		name     string
		answers  []Answer
		percent  float64
		passed   bool
		knockOut []string
	}{
		{"the ideal candidate", []Answer{
			{QuestionID: "experience", Number: ptr(5)}, {QuestionID: "channel", OptionIDs: []string{"cold"}},
			{QuestionID: "languages", OptionIDs: []string{"sq", "en", "it"}}, {QuestionID: "rejection", Number: ptr(5)},
			{QuestionID: "weekends", OptionIDs: []string{"yes"}}, {QuestionID: "why", Text: "I like people."}},
			100, true, nil},
		{"weighted partial marks", []Answer{
			// experience 1.5/3 = 0.5 x 30 = 15; referrals 2/3 x 30 = 20; Albanian 2/4 x 20 = 10; scale 3 of 1..5 = 0.5 x 20 = 10
			{QuestionID: "experience", Number: ptr(1.5)}, {QuestionID: "channel", OptionIDs: []string{"referrals"}},
			{QuestionID: "languages", OptionIDs: []string{"sq"}}, {QuestionID: "rejection", Number: ptr(3)},
			{QuestionID: "weekends", OptionIDs: []string{"yes"}}},
			55, false, nil},
		{"an optional question left out counts as no marks", []Answer{
			{QuestionID: "experience", Number: ptr(10)}, {QuestionID: "channel", OptionIDs: []string{"cold"}},
			{QuestionID: "rejection", Number: ptr(5)}, {QuestionID: "weekends", OptionIDs: []string{"yes"}}},
			80, true, nil},
		{"a knock-out option fails a high score", []Answer{
			{QuestionID: "experience", Number: ptr(10)}, {QuestionID: "channel", OptionIDs: []string{"cold"}},
			{QuestionID: "languages", OptionIDs: []string{"sq", "en"}}, {QuestionID: "rejection", Number: ptr(5)},
			{QuestionID: "weekends", OptionIDs: []string{"no"}}},
			95, false, []string{"weekends"}},
		{"a number below the knock-out line", []Answer{
			{QuestionID: "experience", Number: ptr(0)}, {QuestionID: "channel", OptionIDs: []string{"cold"}},
			{QuestionID: "rejection", Number: ptr(5)}, {QuestionID: "weekends", OptionIDs: []string{"no"}}},
			50, false, []string{"experience", "weekends"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := q.Score(tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(s.Percent-tt.percent) > 0.05 || s.Passed != tt.passed {
				t.Errorf("percent %.1f passed %v; want %.1f %v", s.Percent, s.Passed, tt.percent, tt.passed)
			}
			if want := tt.knockOut; !slices.Equal(s.KnockOuts, append([]string{}, want...)) || s.KnockedOut != (len(want) > 0) {
				t.Errorf("knock-outs %v (%v); want %v", s.KnockOuts, s.KnockedOut, want)
			}
			if len(s.PerQuestion) != len(q.Questions) {
				t.Errorf("%d per-question scores; want %d", len(s.PerQuestion), len(q.Questions))
			}
		})
	}
}

func TestQuestionnaireScoreRefusesBadAnswers(t *testing.T) {
	q := salesQuestionnaire()
	base := func() []Answer {
		return []Answer{{QuestionID: "experience", Number: ptr(2)}, {QuestionID: "channel", OptionIDs: []string{"cold"}},
			{QuestionID: "rejection", Number: ptr(4)}, {QuestionID: "weekends", OptionIDs: []string{"yes"}}}
	}
	tests := []struct {
		name  string
		edit  func([]Answer) []Answer
		field string
	}{
		{"a required answer missing", func(a []Answer) []Answer { return a[1:] }, "answers.experience"},
		{"a required choice left blank", func(a []Answer) []Answer { a[1].OptionIDs = nil; return a }, "answers.channel"},
		{"two options for a single choice", func(a []Answer) []Answer { a[1].OptionIDs = []string{"cold", "wait"}; return a }, "answers.channel"},
		{"an option that does not exist", func(a []Answer) []Answer { a[1].OptionIDs = []string{"magic"}; return a }, "answers.channel"},
		{"the same option twice", func(a []Answer) []Answer {
			return append(a, Answer{QuestionID: "languages", OptionIDs: []string{"sq", "sq"}})
		}, "answers.languages"},
		{"a number out of range", func(a []Answer) []Answer { a[0].Number = ptr(-1); return a }, "answers.experience"},
		{"not a number", func(a []Answer) []Answer { a[0].Number = ptr(math.NaN()); return a }, "answers.experience"},
		{"a scale off the scale", func(a []Answer) []Answer { a[2].Number = ptr(6); return a }, "answers.rejection"},
		{"half a scale step", func(a []Answer) []Answer { a[2].Number = ptr(2.5); return a }, "answers.rejection"},
		{"an unknown question", func(a []Answer) []Answer { return append(a, Answer{QuestionID: "salary", Text: "a lot"}) }, "answers.4.question_id"},
		{"a question answered twice", func(a []Answer) []Answer { return append(a, a[0]) }, "answers.4.question_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := q.Score(tt.edit(base()))
			e, ok := err.(*Error)
			if !ok || e.Code != EINVALID || !slices.ContainsFunc(e.Fields, func(f FieldError) bool { return f.Field == tt.field }) {
				t.Fatalf("err = %v; want EINVALID naming %s", err, tt.field)
			}
		})
	}
}

func TestQuestionnaireValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Questionnaire)
		field string
	}{
		{"no questions", func(q *Questionnaire) { q.Questions = nil }, "questions"},
		{"pass mark above 100", func(q *Questionnaire) { q.PassMark = 101 }, "pass_mark"},
		{"duplicate ids", func(q *Questionnaire) { q.Questions[1].ID = "experience" }, "questions.1.id"},
		{"no prompt", func(q *Questionnaire) { q.Questions[0].Prompt = " " }, "questions.0.prompt"},
		{"negative weight", func(q *Questionnaire) { q.Questions[0].Weight = -1 }, "questions.0.weight"},
		{"a choice with one option", func(q *Questionnaire) { q.Questions[1].Options = q.Questions[1].Options[:1] }, "questions.1.options"},
		{"negative points", func(q *Questionnaire) { q.Questions[1].Options[0].Points = -2 }, "questions.1.options.0.points"},
		{"weighted choice worth nothing", func(q *Questionnaire) {
			for i := range q.Questions[1].Options {
				q.Questions[1].Options[i].Points = 0
			}
		}, "questions.1.options"},
		{"weighted number without target", func(q *Questionnaire) { q.Questions[0].Target = nil }, "questions.0.target"},
		{"number max below min", func(q *Questionnaire) { q.Questions[0].Max = ptr(-5) }, "questions.0.max"},
		{"scale without bounds", func(q *Questionnaire) { q.Questions[3].Max = nil }, "questions.3.max"},
		{"scale of 50 steps", func(q *Questionnaire) { q.Questions[3].Max = ptr(51) }, "questions.3.max"},
		{"scored free text", func(q *Questionnaire) { q.Questions[5].Weight = 10 }, "questions.5.weight"},
		{"unknown kind", func(q *Questionnaire) { q.Questions[5].Kind = "essay" }, "questions.5.kind"},
		{"a pass mark nobody can reach", func(q *Questionnaire) {
			for i := range q.Questions {
				q.Questions[i].Weight = 0
			}
		}, "pass_mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := salesQuestionnaire()
			tt.edit(&q)
			e, ok := q.Validate().(*Error)
			if !ok || !slices.ContainsFunc(e.Fields, func(f FieldError) bool { return f.Field == tt.field }) {
				t.Fatalf("Validate = %v; want a field error on %s", e, tt.field)
			}
		})
	}
}

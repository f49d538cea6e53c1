package models

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// QuestionKind is how a question is answered.
type QuestionKind string

// The kinds of question a questionnaire may hold.
const (
	SingleChoice   QuestionKind = "single_choice"
	MultipleChoice QuestionKind = "multiple_choice"
	NumberAnswer   QuestionKind = "number"
	FreeText       QuestionKind = "free_text"
	ScaleAnswer    QuestionKind = "scale"
)

// Option is one choice of a choice question: the points it is worth and whether choosing it knocks the
// candidate out ("I cannot work weekends" for a role that needs them).
type Option struct {
	ID       string  `json:"id"`
	Label    string  `json:"label"`
	Points   float64 `json:"points"`
	KnockOut bool    `json:"knock_out"`
}

// Question is one question with its scoring. Weight is its share of the score; free text carries no
// weight (a person reads it). A number scores its share of Target (capped at full marks) and knocks out
// below KnockOutBelow; a scale scores its position between Min and Max.
type Question struct {
	ID            string       `json:"id"`
	Kind          QuestionKind `json:"kind"`
	Prompt        string       `json:"prompt"`
	Required      bool         `json:"required"`
	Weight        float64      `json:"weight"`
	Options       []Option     `json:"options,omitempty"`
	Min           *float64     `json:"min,omitempty"`
	Max           *float64     `json:"max,omitempty"`
	Target        *float64     `json:"target,omitempty"`
	KnockOutBelow *float64     `json:"knock_out_below,omitempty"`
	// Private keeps the answer with the hiring managers (salary expectations, for example): the interview panel
	// sees neither the question nor the answer.
	Private bool `json:"private,omitempty"`
}

// Questionnaire is the set of questions of an opening, and the score (0-100) a candidate must reach.
type Questionnaire struct {
	Questions []Question `json:"questions"`
	PassMark  float64    `json:"pass_mark"`
}

// Answer is a candidate's answer to one question: the chosen options, a number, or text.
type Answer struct {
	QuestionID string   `json:"question_id"`
	OptionIDs  []string `json:"option_ids,omitempty"`
	Number     *float64 `json:"number,omitempty"`
	Text       string   `json:"text,omitempty"`
}

// QuestionScore is what one answer earned: the fraction of the question's marks and whether it knocked out.
type QuestionScore struct {
	QuestionID string  `json:"question_id"`
	Fraction   float64 `json:"fraction"`
	Weight     float64 `json:"weight"`
	KnockedOut bool    `json:"knocked_out"`
}

// Score is a questionnaire's result: a percentage of the weighted marks, whether it passed, and the
// questions whose answers knocked the candidate out (a knock-out fails whatever the percentage).
type Score struct {
	Percent     float64         `json:"percent"`
	Passed      bool            `json:"passed"`
	KnockedOut  bool            `json:"knocked_out"`
	KnockOuts   []string        `json:"knock_outs"`
	PerQuestion []QuestionScore `json:"per_question"`
}

// Limits of a questionnaire.
const (
	MaxQuestions      = 100
	MaxOptions        = 30
	MaxAnswerTextRune = 5000
)

// Validate reports every flaw of a questionnaire, by path ("questions.2.options"), so a builder can show it.
func (q Questionnaire) Validate() error {
	var errs []FieldError
	bad := func(field, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if len(q.Questions) == 0 || len(q.Questions) > MaxQuestions {
		bad("questions", "must hold 1 to %d questions", MaxQuestions)
	}
	if !finite(q.PassMark) || q.PassMark < 0 || q.PassMark > 100 {
		bad("pass_mark", "must be between 0 and 100")
	}
	seen := map[string]bool{}
	weight := 0.0
	for i, qu := range q.Questions {
		at := func(f string) string { return fmt.Sprintf("questions.%d.%s", i, f) }
		if strings.TrimSpace(qu.ID) == "" || seen[qu.ID] {
			bad(at("id"), "must be present and unique")
		}
		seen[qu.ID] = true
		if strings.TrimSpace(qu.Prompt) == "" {
			bad(at("prompt"), "is required")
		}
		if !finite(qu.Weight) || qu.Weight < 0 || qu.Weight > 100 {
			bad(at("weight"), "must be between 0 and 100")
		}
		weight += qu.Weight
		switch qu.Kind {
		case SingleChoice, MultipleChoice:
			if len(qu.Options) < 2 || len(qu.Options) > MaxOptions {
				bad(at("options"), "a choice needs 2 to %d options", MaxOptions)
			}
			ids := map[string]bool{}
			for j, o := range qu.Options {
				if strings.TrimSpace(o.ID) == "" || ids[o.ID] || strings.TrimSpace(o.Label) == "" {
					bad(fmt.Sprintf("questions.%d.options.%d", i, j), "needs a unique id and a label")
				}
				ids[o.ID] = true
				if !finite(o.Points) || o.Points < 0 {
					bad(fmt.Sprintf("questions.%d.options.%d.points", i, j), "must be 0 or more")
				}
			}
			if qu.Weight > 0 && maxPoints(qu) == 0 {
				bad(at("options"), "a weighted choice needs an option worth points")
			}
		case NumberAnswer:
			if qu.Min != nil && qu.Max != nil && *qu.Min > *qu.Max {
				bad(at("max"), "must not be below min")
			}
			if qu.Weight > 0 && (qu.Target == nil || !finite(*qu.Target) || *qu.Target <= 0) {
				bad(at("target"), "a weighted number needs a target above 0 (the answer that earns full marks)")
			}
		case ScaleAnswer:
			if qu.Min == nil || qu.Max == nil || !finite(*qu.Min) || !finite(*qu.Max) || *qu.Max-*qu.Min < 1 || *qu.Max-*qu.Min > 10 {
				bad(at("max"), "a scale needs min and max, 1 to 10 apart")
			}
		case FreeText:
			if qu.Weight != 0 {
				bad(at("weight"), "free text is read by a person, not scored: its weight must be 0")
			}
		default:
			bad(at("kind"), "must be one of single_choice, multiple_choice, number, free_text, scale")
		}
	}
	if len(errs) == 0 && weight == 0 && q.PassMark > 0 {
		bad("pass_mark", "no question carries weight, so no score can reach a pass mark above 0")
	}
	if len(errs) > 0 {
		return Invalid(errs...)
	}
	return nil
}

func maxPoints(q Question) float64 {
	best := 0.0
	for _, o := range q.Options {
		best = math.Max(best, o.Points)
	}
	return best
}

// Score checks a candidate's answers against the questionnaire and scores them. Unknown questions, missing
// required answers, options that do not exist and numbers out of range are refused field by field.
func (q Questionnaire) Score(answers []Answer) (Score, error) {
	byID := map[string]Answer{}
	var errs []FieldError
	for i, a := range answers {
		if _, dup := byID[a.QuestionID]; dup || !slices.ContainsFunc(q.Questions, func(x Question) bool { return x.ID == a.QuestionID }) {
			errs = append(errs, FieldError{Field: fmt.Sprintf("answers.%d.question_id", i), Message: "is not a question of this questionnaire, or is answered twice"})
			continue
		}
		byID[a.QuestionID] = a
	}
	s := Score{KnockOuts: []string{}}
	earned, total := 0.0, 0.0
	for _, qu := range q.Questions {
		a, answered := byID[qu.ID]
		field := "answers." + qu.ID
		if answered && isBlank(qu, a) {
			answered = false
		}
		if !answered {
			if qu.Required {
				errs = append(errs, FieldError{Field: field, Message: "is required"})
			}
			s.PerQuestion = append(s.PerQuestion, QuestionScore{QuestionID: qu.ID, Weight: qu.Weight})
			total += qu.Weight
			continue
		}
		qs, msg := scoreAnswer(qu, a)
		if msg != "" {
			errs = append(errs, FieldError{Field: field, Message: msg})
			continue
		}
		if qs.KnockedOut {
			s.KnockOuts = append(s.KnockOuts, qu.ID)
		}
		s.PerQuestion = append(s.PerQuestion, qs)
		earned += qs.Fraction * qu.Weight
		total += qu.Weight
	}
	if len(errs) > 0 {
		return Score{}, Invalid(errs...)
	}
	if total > 0 {
		s.Percent = math.Round(1000*earned/total) / 10
	}
	s.KnockedOut = len(s.KnockOuts) > 0
	s.Passed = !s.KnockedOut && s.Percent >= q.PassMark
	return s, nil
}

func isBlank(q Question, a Answer) bool {
	switch q.Kind {
	case SingleChoice, MultipleChoice:
		return len(a.OptionIDs) == 0
	case NumberAnswer, ScaleAnswer:
		return a.Number == nil
	default:
		return strings.TrimSpace(a.Text) == ""
	}
}

// scoreAnswer scores one non-blank answer, or says what is wrong with it.
func scoreAnswer(q Question, a Answer) (QuestionScore, string) {
	qs := QuestionScore{QuestionID: q.ID, Weight: q.Weight}
	switch q.Kind {
	case SingleChoice, MultipleChoice:
		if q.Kind == SingleChoice && len(a.OptionIDs) != 1 {
			return qs, "choose exactly one option"
		}
		points, chosen := 0.0, map[string]bool{}
		for _, id := range a.OptionIDs {
			i := slices.IndexFunc(q.Options, func(o Option) bool { return o.ID == id })
			if i < 0 || chosen[id] {
				return qs, fmt.Sprintf("%q is not an option of this question, or is chosen twice", id)
			}
			chosen[id] = true
			points += q.Options[i].Points
			qs.KnockedOut = qs.KnockedOut || q.Options[i].KnockOut
		}
		if best := choiceMax(q); best > 0 {
			qs.Fraction = math.Min(1, points/best)
		}
	case NumberAnswer, ScaleAnswer:
		v := *a.Number
		if !finite(v) || (q.Min != nil && v < *q.Min) || (q.Max != nil && v > *q.Max) {
			return qs, "is out of range" + rangeText(q)
		}
		if q.Kind == ScaleAnswer {
			if v != math.Trunc(v) {
				return qs, "must be a whole step of the scale"
			}
			qs.Fraction = (v - *q.Min) / (*q.Max - *q.Min)
		} else if q.Target != nil && *q.Target > 0 {
			qs.Fraction = math.Min(1, math.Max(0, v / *q.Target))
		}
		qs.KnockedOut = q.KnockOutBelow != nil && v < *q.KnockOutBelow
	case FreeText:
		if len([]rune(a.Text)) > MaxAnswerTextRune {
			return qs, fmt.Sprintf("must be at most %d characters", MaxAnswerTextRune)
		}
	}
	return qs, ""
}

// choiceMax is the most points a choice question can give: its best option, or for a multiple choice the sum
// of all its options.
func choiceMax(q Question) float64 {
	if q.Kind == SingleChoice {
		return maxPoints(q)
	}
	sum := 0.0
	for _, o := range q.Options {
		sum += o.Points
	}
	return sum
}

func rangeText(q Question) string {
	switch {
	case q.Min != nil && q.Max != nil:
		return fmt.Sprintf(" (%s to %s)", num(*q.Min), num(*q.Max))
	case q.Min != nil:
		return fmt.Sprintf(" (at least %s)", num(*q.Min))
	case q.Max != nil:
		return fmt.Sprintf(" (at most %s)", num(*q.Max))
	}
	return ""
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// ForPanel is what an interviewer reads of a questionnaire and a candidate's answers: the questions without their
// scoring key, and neither the private questions nor their answers.
func (q Questionnaire) ForPanel(answers []Answer) (Questionnaire, []Answer) {
	out := Questionnaire{Questions: []Question{}}
	private := map[string]bool{}
	for _, qu := range q.Questions {
		if qu.Private {
			private[qu.ID] = true
			continue
		}
		qu.Weight, qu.Target, qu.KnockOutBelow = 0, nil, nil
		opts := make([]Option, len(qu.Options))
		for j, op := range qu.Options {
			opts[j] = Option{ID: op.ID, Label: op.Label}
		}
		qu.Options = opts
		out.Questions = append(out.Questions, qu)
	}
	shown := []Answer{}
	for _, a := range answers {
		if !private[a.QuestionID] {
			shown = append(shown, a)
		}
	}
	return out, shown
}

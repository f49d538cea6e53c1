package models

import (
	"fmt"
	"slices"
	"strings"
)

// Stage is where an application stands in an opening's pipeline (PRODUCT.md, "2. Pipeline and questionnaire").
type Stage string

// The stages, in pipeline order, then the two ways out that any open stage can take.
const (
	StageApplied         Stage = "applied"
	StageQuestionnaire   Stage = "questionnaire"
	StageScreening       Stage = "screening"
	StageFirstInterview  Stage = "first_interview"
	StageShortlist       Stage = "shortlist"
	StageSecondInterview Stage = "second_interview"
	StageOffer           Stage = "offer"
	StageHired           Stage = "hired"
	StageRejected        Stage = "rejected"
	StageWithdrawn       Stage = "withdrawn"
)

// Pipeline lists the forward stages in order; an application moves one step at a time.
var Pipeline = []Stage{StageApplied, StageQuestionnaire, StageScreening, StageFirstInterview, StageShortlist,
	StageSecondInterview, StageOffer, StageHired}

// Valid reports whether s is a stage.
func (s Stage) Valid() bool {
	return slices.Contains(Pipeline, s) || s == StageRejected || s == StageWithdrawn
}

// Closed reports whether no move is possible from s.
func (s Stage) Closed() bool { return s == StageHired || s == StageRejected || s == StageWithdrawn }

// Words writes the stage as people read it: "first interview".
func (s Stage) Words() string { return strings.ReplaceAll(string(s), "_", " ") }

// CheckSeen refuses a move made on a stage the application has left since the person looked (seen), so that
// a stale page never moves an application that has moved on. An empty seen checks nothing.
func CheckSeen(seen, now Stage) error {
	if seen != "" && seen != now {
		return Errorf(ECONFLICT, "The application has moved to %s since you looked; reload to see it.", now.Words())
	}
	return nil
}

// MaxReasonLength bounds the free text of a move's reason.
const MaxReasonLength = 2000

// RejectionReasons is the default list a rejection picks its reason from; an organisation may configure its own.
var RejectionReasons = []string{
	"not_qualified", "knocked_out", "questionnaire_expired", "weak_role_play", "not_shortlisted",
	"salary_expectations", "no_show", "position_filled", "other",
}

// Move is a request to move an application: to a stage, with the reason every move carries, and for a
// rejection the reason code from the organisation's list.
type Move struct {
	From, To   Stage
	Reason     string
	ReasonCode string
}

// ValidateMove checks a move against the pipeline's rules: only the next stage forward, or out to rejected or
// withdrawn from any open stage; never from a closed application; never a skipped or backward stage; always
// with a reason, and a rejection with a reason code from codes (RejectionReasons when codes is nil). An
// illegal move is refused (ECONFLICT) before its reason is looked at, so that a board can ask the server
// whether a drop is legal before asking the user why.
func ValidateMove(m Move, codes []string) error {
	if !m.From.Valid() {
		return Errorf(EINVALID, "Unknown stage %q.", m.From)
	}
	if !m.To.Valid() {
		return Invalid(FieldError{Field: "to", Message: fmt.Sprintf("%q is not a stage", m.To)})
	}
	switch {
	case m.From.Closed():
		return Errorf(ECONFLICT, "The application is %s and closed; it cannot move to %s.", m.From.Words(), m.To.Words())
	case m.To == m.From:
		return Errorf(ECONFLICT, "The application is already at %s.", m.To.Words())
	case m.To != StageRejected && m.To != StageWithdrawn:
		from, to := slices.Index(Pipeline, m.From), slices.Index(Pipeline, m.To)
		switch {
		case to < from:
			return Errorf(ECONFLICT, "An application does not move back, from %s to %s.", m.From.Words(), m.To.Words())
		case to > from+1:
			return Errorf(ECONFLICT, "Cannot skip %s: the next stage after %s is %s.", Pipeline[from+1].Words(), m.From.Words(), Pipeline[from+1].Words())
		}
	}
	var fields []FieldError
	if strings.TrimSpace(m.Reason) == "" {
		fields = append(fields, FieldError{Field: "reason", Message: "every move needs a reason"})
	} else if len([]rune(m.Reason)) > MaxReasonLength {
		fields = append(fields, FieldError{Field: "reason", Message: fmt.Sprintf("must be at most %d characters", MaxReasonLength)})
	}
	if m.To == StageRejected {
		if codes == nil {
			codes = RejectionReasons
		}
		if !slices.Contains(codes, m.ReasonCode) {
			fields = append(fields, FieldError{Field: "reason_code", Message: "must be one of: " + strings.Join(codes, ", ")})
		}
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// NextStage returns the stage after s in the pipeline, or "" for a closed or last stage.
func NextStage(s Stage) Stage {
	i := slices.Index(Pipeline, s)
	if i < 0 || i+1 >= len(Pipeline) || s.Closed() {
		return ""
	}
	return Pipeline[i+1]
}

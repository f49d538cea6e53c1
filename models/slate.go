package models

import "fmt"

// CheckSlate applies the slate rule (seed step 1: "never give an answer at the first interview; evaluate
// several people first"): after the first interview, no shortlist, no rejection and no offer until at least
// slateSize candidates of the opening have complete first-round results, or the opening's slate deadline has
// opened the decision anyway (opened). A rejection for a knock-out or no-show, and a withdrawal, stay
// possible. complete is how many complete results the opening has.
func CheckSlate(m Move, complete, slateSize int, opened bool) error {
	decides := false
	switch {
	case m.From == StageFirstInterview && m.To == StageShortlist:
		decides = true
	case m.From == StageFirstInterview && m.To == StageRejected && m.ReasonCode != "knocked_out" && m.ReasonCode != "no_show":
		decides = true
	case m.To == StageOffer:
		decides = true
	}
	if !decides || opened || slateSize <= 0 || complete >= slateSize {
		return nil
	}
	return &Error{Code: ECONFLICT, Message: fmt.Sprintf("The slate is not complete: %d of %d candidates have complete first-interview results. "+
		"Decide once %d have been interviewed and scored, so that candidates are compared, not judged alone.", complete, slateSize, slateSize),
		Fields: []FieldError{{Field: "slate", Message: fmt.Sprintf("%d of %d complete", complete, slateSize)}}}
}

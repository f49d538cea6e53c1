package models

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// OfferStatus is where an offer stands.
type OfferStatus string

// An offer waits for its approvers, is rejected by one of them, or is sent to the candidate, who accepts or
// declines it before it expires; the hiring team may withdraw it until it is answered.
const (
	OfferPendingApproval OfferStatus = "pending_approval"
	OfferRejected        OfferStatus = "rejected"
	OfferSent            OfferStatus = "sent"
	OfferAccepted        OfferStatus = "accepted"
	OfferDeclined        OfferStatus = "declined"
	OfferExpired         OfferStatus = "expired"
	OfferWithdrawn       OfferStatus = "withdrawn"
)

// Revisable reports whether an offer's terms may still change: not once answered, expired or withdrawn.
func (s OfferStatus) Revisable() bool {
	return s == OfferPendingApproval || s == OfferRejected || s == OfferSent
}

// Live reports whether the offer still stands: waiting for approval or for the candidate.
func (s OfferStatus) Live() bool { return s == OfferPendingApproval || s == OfferSent }

// The seat an accepted offer got: filled, or unavailable when the opening's seats were all taken first.
const (
	SeatFilled      = "filled"
	SeatUnavailable = "unavailable"
)

// OfferDraft is the terms a recruiter proposes: a pay plan (from a template, perhaps changed), a start date
// and how many days the candidate has to answer once it is sent.
type OfferDraft struct {
	TemplateID  *int64
	Plan        PayPlan
	StartDate   time.Time
	ExpiresDays int
}

// Offer defaults and bounds.
const (
	DefaultOfferExpiresDays = 7
	MaxOfferExpiresDays     = 30
)

// Validate checks a draft at now: a valid plan, a start date ahead (within a year), a sensible expiry.
func (d OfferDraft) Validate(now time.Time) error {
	var fields []FieldError
	if err := d.Plan.Validate(); err != nil {
		fields = append(fields, Nested(err, "plan.")...)
	}
	today := now.UTC().Truncate(24 * time.Hour)
	switch {
	case d.StartDate.IsZero():
		fields = append(fields, FieldError{Field: "start_date", Message: "is required (YYYY-MM-DD)"})
	case d.StartDate.Before(today.AddDate(0, 0, 1)):
		fields = append(fields, FieldError{Field: "start_date", Message: "must be after today"})
	case d.StartDate.After(today.AddDate(1, 0, 0)):
		fields = append(fields, FieldError{Field: "start_date", Message: "must be within a year"})
	}
	if d.ExpiresDays < 1 || d.ExpiresDays > MaxOfferExpiresDays {
		fields = append(fields, FieldError{Field: "expires_days", Message: fmt.Sprintf("must be from 1 to %d", MaxOfferExpiresDays)})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// OfferApproval is one approver's decision on one version of an offer.
type OfferApproval struct {
	ApproverID int64
	Version    int
	Decision   string // "approve" or "reject"
	Comment    string
	At         time.Time
}

// Offer is an offer of a seat to a candidate: its terms, the approvals it needs and has, and the candidate's
// answer. Version rises with every change of terms; approvals count for one version only.
type Offer struct {
	ID              int64
	ApplicationID   int64
	OpeningID       int64
	Version         int
	Status          OfferStatus
	Seat            string
	StartDate       time.Time
	TemplateID      *int64
	Plan            PayPlan
	ExpiresDays     int
	ExpiresAt       *time.Time
	Breaches        []FieldError
	ApproverIDs     []int64
	ApprovalsNeeded int
	Approvals       []OfferApproval
	DeclineReason   string
	CreatedBy       int64
	CreatedAt       time.Time
	SentAt          *time.Time
	AnsweredAt      *time.Time
}

// ApprovalsFor is how many approvals an offer needs under the opening's terms: the opening's number, one more
// when its pay is outside the limits.
func ApprovalsFor(terms OfferTerms, breaches []FieldError) int {
	n := max(terms.OfferApprovals, 1)
	if len(breaches) > 0 {
		n++
	}
	return n
}

// CheckOfferDecision says whether approver may decide on version of an offer written by author, given the
// decisions already taken on that version.
func CheckOfferDecision(status OfferStatus, version, seen int, approvers []int64, author, approver int64, decided []OfferApproval, decision, comment string) error {
	switch {
	case status != OfferPendingApproval:
		return Errorf(ECONFLICT, "This offer is not waiting for approval (it is %s).", strings.ReplaceAll(string(status), "_", " "))
	case seen != 0 && seen != version:
		return Errorf(ECONFLICT, "The offer's terms changed since you opened it (now version %d); read them again before deciding.", version)
	case approver == author:
		return Errorf(EFORBIDDEN, "You drafted this offer, so another approver must decide on it.")
	case !slices.Contains(approvers, approver):
		return Errorf(EFORBIDDEN, "Only the opening's offer approvers decide on its offers.")
	case slices.ContainsFunc(decided, func(a OfferApproval) bool { return a.ApproverID == approver && a.Version == version }):
		return Errorf(ECONFLICT, "You have already decided on this version of the offer.")
	case decision != "approve" && decision != "reject":
		return Invalid(FieldError{Field: "decision", Message: "must be approve or reject"})
	case decision == "reject" && strings.TrimSpace(comment) == "":
		return Invalid(FieldError{Field: "comment", Message: "say why the offer is rejected"})
	case utf8.RuneCountInString(comment) > 2000:
		return Invalid(FieldError{Field: "comment", Message: "must be at most 2000 characters"})
	}
	return nil
}

// Tally counts a version's decisions: approved once needed approvals are in, rejected at the first rejection.
func Tally(version, needed int, decided []OfferApproval) (approved, rejected bool) {
	n := 0
	for _, a := range decided {
		if a.Version != version {
			continue
		}
		if a.Decision == "reject" {
			return false, true
		}
		n++
	}
	return n >= needed, false
}

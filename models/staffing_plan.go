package models

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// PlanStatus is where a staffing plan stands in its approval.
type PlanStatus string

// The statuses of a staffing plan. Approved and rejected are final.
const (
	PlanPendingApproval  PlanStatus = "pending_approval"
	PlanChangesRequested PlanStatus = "changes_requested"
	PlanApproved         PlanStatus = "approved"
	PlanRejected         PlanStatus = "rejected"
)

// Final reports whether no further move is possible from the status.
func (s PlanStatus) Final() bool { return s == PlanApproved || s == PlanRejected }

// Decision is what a department head answers to a staffing plan.
type Decision string

// The three answers a department head can give.
const (
	DecisionApprove        Decision = "approve"
	DecisionReject         Decision = "reject"
	DecisionRequestChanges Decision = "request_changes"
)

// Outcome is the status a decision moves a plan to.
func (d Decision) Outcome() PlanStatus {
	switch d {
	case DecisionApprove:
		return PlanApproved
	case DecisionReject:
		return PlanRejected
	default:
		return PlanChangesRequested
	}
}

// EventKind names an entry of a plan's timeline.
type EventKind string

// The entries of a staffing plan's timeline.
const (
	EventSubmitted        EventKind = "submitted"
	EventResubmitted      EventKind = "resubmitted"
	EventApproved         EventKind = "approved"
	EventRejected         EventKind = "rejected"
	EventChangesRequested EventKind = "changes_requested"
	EventReminderSent     EventKind = "reminder_sent"
	EventEscalated        EventKind = "escalated"
	EventOpeningsOpened   EventKind = "openings_opened"
)

// EventFor returns the timeline entry a decision writes.
func (d Decision) EventFor() EventKind {
	switch d {
	case DecisionApprove:
		return EventApproved
	case DecisionReject:
		return EventRejected
	default:
		return EventChangesRequested
	}
}

// MaxCommentLength bounds free-text comments on decisions.
const MaxCommentLength = 4000

// ValidateDecision checks a department head's answer against a plan in status s: the answer must be one of
// the three, a rejection or a request for changes must say why, and only a plan awaiting approval can be decided.
func ValidateDecision(s PlanStatus, d Decision, comment string) error {
	switch d {
	case DecisionApprove, DecisionReject, DecisionRequestChanges:
	default:
		return Invalid(FieldError{Field: "decision", Message: "must be one of approve, reject, request_changes"})
	}
	if d != DecisionApprove && strings.TrimSpace(comment) == "" {
		return Invalid(FieldError{Field: "comment", Message: "say why: a rejection or a request for changes needs a comment"})
	}
	if utf8.RuneCountInString(comment) > MaxCommentLength {
		return Invalid(FieldError{Field: "comment", Message: fmt.Sprintf("must be at most %d characters", MaxCommentLength)})
	}
	if s != PlanPendingApproval {
		return Errorf(ECONFLICT, "the plan is %s, not awaiting a decision", strings.ReplaceAll(string(s), "_", " "))
	}
	return nil
}

// ValidateResubmission checks that a plan in status s may be revised and sent back for approval.
func ValidateResubmission(s PlanStatus) error {
	if s != PlanChangesRequested {
		return Errorf(ECONFLICT, "only a plan sent back with requested changes can be revised; this one is %s",
			strings.ReplaceAll(string(s), "_", " "))
	}
	return nil
}

// PlanDraft is what an author writes: a title, the currency of the money figures, notes and the sizing input.
type PlanDraft struct {
	Title    string
	Currency string
	Notes    string
	Inputs   SizingInput
}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// Validate checks the draft and sizes it, returning the result or every field at fault.
// Fields of the sizing input are reported under "inputs.".
func (d *PlanDraft) Validate() (SizingResult, error) {
	d.Title = strings.TrimSpace(d.Title)
	d.Notes = strings.TrimSpace(d.Notes)
	d.Currency = strings.ToUpper(strings.TrimSpace(d.Currency))
	var errs []FieldError
	if d.Title == "" || utf8.RuneCountInString(d.Title) > 200 {
		errs = append(errs, FieldError{Field: "title", Message: "must be 1 to 200 characters"})
	}
	if !currencyCode.MatchString(d.Currency) {
		errs = append(errs, FieldError{Field: "currency", Message: "must be a three-letter ISO 4217 code such as EUR or ALL"})
	}
	if utf8.RuneCountInString(d.Notes) > 10000 {
		errs = append(errs, FieldError{Field: "notes", Message: "must be at most 10000 characters"})
	}
	result, err := Size(d.Inputs)
	if e, ok := err.(*Error); ok {
		for _, f := range e.Fields {
			errs = append(errs, FieldError{Field: "inputs." + f.Field, Message: f.Message})
		}
	}
	if len(errs) > 0 {
		return SizingResult{}, Invalid(errs...)
	}
	return result, nil
}

// StaffingPlan is a sizing put up for a department head's approval.
type StaffingPlan struct {
	ID         int64
	Title      string
	Currency   string
	Notes      string
	Status     PlanStatus
	Inputs     SizingInput
	Result     SizingResult
	Revision   int
	AuthorID   int64
	AuthorName string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// PlanEvent is one entry of a plan's timeline; ActorID is nil for what the system did.
type PlanEvent struct {
	ID        int64
	PlanID    int64
	Kind      EventKind
	ActorID   *int64
	ActorName string
	Comment   string
	At        time.Time
}

// OpeningStatus is whether an opening still has seats to fill.
type OpeningStatus string

// The statuses of an opening. An opening a recruiter adds outside a staffing plan waits for a department
// head's approval before it takes candidates.
const (
	OpeningPendingApproval OpeningStatus = "pending_approval"
	OpeningOpen            OpeningStatus = "open"
	OpeningClosed          OpeningStatus = "closed"
	OpeningRejected        OpeningStatus = "rejected"
)

// RolePlaySettings are how the opening's first interview, a negotiation role-play, is run.
type RolePlaySettings struct {
	Scenario        string `json:"scenario"`
	DurationMinutes int    `json:"duration_minutes"`
	// ScenarioIDs are the library scenarios the first interviews rotate through, so that candidates on one
	// slate meet comparable difficulty.
	ScenarioIDs []int64 `json:"scenario_ids"`
}

// Opening is a set of seats to hire for, one role each, with its hiring team and how it screens.
type Opening struct {
	ID             int64
	PlanID         *int64
	Title          string
	Description    string
	Role           Role
	Seats          int
	Status         OpeningStatus
	RecruiterID    *int64
	InterviewerIDs []int64
	Questionnaire  *Questionnaire
	// QuestionnaireDays is how long a candidate has to answer the questionnaire.
	QuestionnaireDays int
	// ConfirmKnockOuts makes a knock-out wait for the recruiter instead of rejecting at once.
	ConfirmKnockOuts bool
	SlateSize        int
	RolePlay         RolePlaySettings
	// SlateDeadline, when set, opens the shortlist decision even if fewer than SlateSize candidates have
	// complete first-round results by then.
	SlateDeadline *time.Time
	// ShortlistOpenedAt is when the opening's workflow opened the shortlist decision, with a note when the
	// deadline rather than a full slate opened it.
	ShortlistOpenedAt *time.Time
	ShortlistNote     string
	OfferTerms
	CreatedBy *int64
	CreatedAt time.Time
}

// Opening defaults.
const (
	DefaultSlateSize         = 3
	DefaultQuestionnaireDays = 7
	MaxQuestionnaireDays     = 60
)

// SlateOpenedByDeadline reports whether the opening's workflow opened the shortlist decision at the slate
// deadline, with fewer complete results than the slate size: then the slate rule no longer holds it back. A
// decision opened by a full slate stays subject to the count (the slate size may be raised later).
func (o *Opening) SlateOpenedByDeadline() bool {
	return o.ShortlistOpenedAt != nil && o.ShortlistNote != ""
}

// QuestionnaireTTL is how long a candidate of this opening has to answer its questionnaire.
func (o *Opening) QuestionnaireTTL() time.Duration {
	days := o.QuestionnaireDays
	if days <= 0 {
		days = DefaultQuestionnaireDays
	}
	return time.Duration(days) * 24 * time.Hour
}

// OpeningSettings are the parts of an opening its hiring team edits.
type OpeningSettings struct {
	Title             string
	Description       string
	Seats             int
	RecruiterID       *int64
	InterviewerIDs    []int64
	Questionnaire     *Questionnaire
	QuestionnaireDays int
	ConfirmKnockOuts  bool
	SlateSize         int
	RolePlay          RolePlaySettings
	SlateDeadline     *time.Time
	OfferTerms
}

// OfferTerms are how an opening's offers are approved: the pay limits an offer may move within, who approves
// (none named: every department head) and how many approvals it needs. An offer outside the limits needs one
// approval more.
type OfferTerms struct {
	PayLimits        PayLimits
	OfferApproverIDs []int64
	OfferApprovals   int
}

// Validate checks the offer terms.
func (t OfferTerms) Validate() error {
	var fields []FieldError
	if err := t.PayLimits.Validate(); err != nil {
		fields = append(fields, Nested(err, "pay_limits.")...)
	}
	switch {
	case len(t.OfferApproverIDs) > 10:
		fields = append(fields, FieldError{Field: "offer_approver_ids", Message: "at most 10 approvers"})
	case t.OfferApprovals < 1 || t.OfferApprovals > 5:
		fields = append(fields, FieldError{Field: "offer_approvals", Message: "must be from 1 to 5"})
	case len(t.OfferApproverIDs) > 0 && t.OfferApprovals > len(t.OfferApproverIDs):
		fields = append(fields, FieldError{Field: "offer_approvals", Message: fmt.Sprintf("cannot exceed the %d approvers named", len(t.OfferApproverIDs))})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// Validate checks the settings and names each bad field.
func (s OpeningSettings) Validate() error {
	var fields []FieldError
	if t := strings.TrimSpace(s.Title); t == "" || len([]rune(t)) > 200 {
		fields = append(fields, FieldError{Field: "title", Message: "is required, at most 200 characters"})
	}
	if len([]rune(s.Description)) > 10000 {
		fields = append(fields, FieldError{Field: "description", Message: "must be at most 10000 characters"})
	}
	if s.Seats < 1 || s.Seats > 1000 {
		fields = append(fields, FieldError{Field: "seats", Message: "must be between 1 and 1000"})
	}
	if s.SlateSize < 1 || s.SlateSize > 20 {
		fields = append(fields, FieldError{Field: "slate_size", Message: "must be between 1 and 20"})
	}
	if s.QuestionnaireDays < 1 || s.QuestionnaireDays > MaxQuestionnaireDays {
		fields = append(fields, FieldError{Field: "questionnaire_days", Message: fmt.Sprintf("must be between 1 and %d", MaxQuestionnaireDays)})
	}
	if len(s.InterviewerIDs) > 20 {
		fields = append(fields, FieldError{Field: "interviewer_ids", Message: "at most 20 interviewers"})
	}
	if s.RolePlay.DurationMinutes < 0 || s.RolePlay.DurationMinutes > 240 {
		fields = append(fields, FieldError{Field: "role_play.duration_minutes", Message: "must be between 0 and 240"})
	}
	if len(s.RolePlay.ScenarioIDs) > 10 {
		fields = append(fields, FieldError{Field: "role_play.scenario_ids", Message: "at most 10 scenarios"})
	}
	if len([]rune(s.RolePlay.Scenario)) > 10000 {
		fields = append(fields, FieldError{Field: "role_play.scenario", Message: "must be at most 10000 characters"})
	}
	if s.Questionnaire != nil {
		if err := s.Questionnaire.Validate(); err != nil {
			fields = append(fields, Nested(err, "questionnaire.")...)
		}
	}
	if err := s.OfferTerms.Validate(); err != nil {
		fields = append(fields, Nested(err, "")...)
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// OpeningsFor returns the openings an approved plan opens: the manager seats first (a team gets its manager
// first, seed step 2), then the rep seats.
func OpeningsFor(p *StaffingPlan) []Opening {
	var out []Opening
	if p.Result.ManagersNeeded > 0 {
		out = append(out, Opening{PlanID: &p.ID, Title: "Sales manager, " + p.Title, Role: RoleSalesManager,
			Seats: p.Result.ManagersNeeded, Status: OpeningOpen, SlateSize: DefaultSlateSize, QuestionnaireDays: DefaultQuestionnaireDays})
	}
	if p.Result.RepsNeeded > 0 {
		out = append(out, Opening{PlanID: &p.ID, Title: "Sales rep, " + p.Title, Role: RoleSalesRep,
			Seats: p.Result.RepsNeeded, Status: OpeningOpen, SlateSize: DefaultSlateSize, QuestionnaireDays: DefaultQuestionnaireDays})
	}
	return out
}

// Notification tells one user that something waits for them.
type Notification struct {
	ID        int64
	UserID    int64
	Kind      string
	Message   string
	Link      string
	Params    map[string]any
	CreatedAt time.Time
	ReadAt    *time.Time
}

// PlanDecision is a department head's recorded answer to one revision of a plan.
type PlanDecision struct {
	PlanID   int64
	Revision int
	Decision Decision
	ActorID  int64
	Comment  string
}

package models

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Source is where a candidate came from; source effectiveness is reported per source.
type Source string

// The sources Bullpen knows.
const (
	SourceApplyPage Source = "apply_page"
	SourceRecruiter Source = "recruiter"
	SourceImport    Source = "import"
	SourceReferral  Source = "referral"
	SourceJobBoard  Source = "job_board"
	SourceLinkedIn  Source = "linkedin"
	SourceOther     Source = "other"
)

// Sources lists every source, for validation and for the UI's filter.
var Sources = []Source{SourceApplyPage, SourceRecruiter, SourceImport, SourceReferral, SourceJobBoard, SourceLinkedIn, SourceOther}

// Candidate is a person who applied to one or more openings. One e-mail address is one candidate.
type Candidate struct {
	ID        int64
	Name      string
	Email     string
	Phone     string
	Location  string
	Locale    string
	Source    Source
	ConsentAt *time.Time
	CVFileID  *int64
	// AnonymisedAt is when the candidate's personal data was removed: after the retention period, or at
	// their request.
	AnonymisedAt *time.Time
	CreatedAt    time.Time
}

// CandidateDraft is what a form, a recruiter or a CSV row says of a candidate; Validate checks it.
type CandidateDraft struct {
	Name     string
	Email    string
	Phone    string
	Location string
	Locale   string
	Source   Source
}

// Limits of a candidate's fields.
const (
	MaxNameLength     = 200
	MaxPhoneLength    = 40
	MaxLocationLength = 200
	MaxTagLength      = 40
	MaxTags           = 20
	MaxNoteLength     = 4000
)

// Normalize trims the draft's fields and lower-cases the e-mail address, so that the same person is found
// again however they typed it.
func (d CandidateDraft) Normalize() CandidateDraft {
	d.Name = strings.Join(strings.Fields(d.Name), " ")
	d.Email = NormalizeEmail(d.Email)
	d.Phone = strings.TrimSpace(d.Phone)
	d.Location = strings.TrimSpace(d.Location)
	d.Locale = strings.TrimSpace(strings.ToLower(d.Locale))
	if d.Locale == "" {
		d.Locale = "en"
	}
	return d
}

// Validate checks a normalised draft and names each bad field.
func (d CandidateDraft) Validate() error {
	var fields []FieldError
	switch n := utf8.RuneCountInString(d.Name); {
	case n == 0:
		fields = append(fields, FieldError{Field: "name", Message: "is required"})
	case n > MaxNameLength:
		fields = append(fields, FieldError{Field: "name", Message: fmt.Sprintf("must be at most %d characters", MaxNameLength)})
	}
	if d.Email == "" {
		fields = append(fields, FieldError{Field: "email", Message: "is required"})
	} else if a, err := mail.ParseAddress(d.Email); err != nil || a.Address != d.Email || !strings.Contains(d.Email, ".") {
		fields = append(fields, FieldError{Field: "email", Message: "must be an e-mail address like name@example.com"})
	}
	if utf8.RuneCountInString(d.Phone) > MaxPhoneLength {
		fields = append(fields, FieldError{Field: "phone", Message: fmt.Sprintf("must be at most %d characters", MaxPhoneLength)})
	} else if strings.IndexFunc(d.Phone, func(r rune) bool { return !strings.ContainsRune("0123456789+-() .", r) }) >= 0 {
		fields = append(fields, FieldError{Field: "phone", Message: "may hold only digits, spaces and + - ( ) ."})
	}
	if utf8.RuneCountInString(d.Location) > MaxLocationLength {
		fields = append(fields, FieldError{Field: "location", Message: fmt.Sprintf("must be at most %d characters", MaxLocationLength)})
	}
	if d.Locale != "en" && d.Locale != "sq" {
		fields = append(fields, FieldError{Field: "locale", Message: "must be en or sq"})
	}
	if !slices.Contains(Sources, d.Source) {
		fields = append(fields, FieldError{Field: "source", Message: "must be one of " + joinSources()})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

func joinSources() string {
	s := make([]string, len(Sources))
	for i, x := range Sources {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// NormalizeTags trims, lower-cases and de-duplicates tags, and checks their number and length.
func NormalizeTags(tags []string) ([]string, error) {
	out := []string{}
	for _, t := range tags {
		t = strings.ToLower(strings.Join(strings.Fields(t), " "))
		if t == "" || slices.Contains(out, t) {
			continue
		}
		if utf8.RuneCountInString(t) > MaxTagLength {
			return nil, Invalid(FieldError{Field: "tags", Message: fmt.Sprintf("each tag must be at most %d characters", MaxTagLength)})
		}
		out = append(out, t)
	}
	if len(out) > MaxTags {
		return nil, Invalid(FieldError{Field: "tags", Message: fmt.Sprintf("at most %d tags", MaxTags)})
	}
	slices.Sort(out)
	return out, nil
}

// QuestionnaireStatus is where an application's questionnaire stands.
type QuestionnaireStatus string

// The questionnaire statuses. Expired is an outcome the recruiter sees and acts on.
const (
	QuestionnaireNone      QuestionnaireStatus = ""
	QuestionnaireSent      QuestionnaireStatus = "sent"
	QuestionnaireSubmitted QuestionnaireStatus = "submitted"
	QuestionnaireExpired   QuestionnaireStatus = "expired"
)

// Application is one candidate's application to one opening; its Application workflow owns its stage.
type Application struct {
	ID                  int64
	OpeningID           int64
	CandidateID         int64
	Stage               Stage
	Source              Source
	Tags                []string
	ScorePercent        *float64
	KnockedOut          bool
	QuestionnaireStatus QuestionnaireStatus
	QuestionnaireDue    *time.Time
	ReasonCode          string
	StageEnteredAt      time.Time
	FirstContactAt      *time.Time
	CreatedAt           time.Time
	UpdatedAt           time.Time
	Candidate           *Candidate
}

// ApplicationEventKind names one entry of an application's timeline.
type ApplicationEventKind string

// The kinds of timeline entry.
const (
	AppEventApplied               ApplicationEventKind = "applied"
	AppEventMoved                 ApplicationEventKind = "moved"
	AppEventNote                  ApplicationEventKind = "note"
	AppEventTagged                ApplicationEventKind = "tagged"
	AppEventQuestionnaireSent     ApplicationEventKind = "questionnaire_sent"
	AppEventQuestionnaireReminded ApplicationEventKind = "questionnaire_reminded"
	AppEventQuestionnaireExpired  ApplicationEventKind = "questionnaire_expired"
	AppEventQuestionnaireDone     ApplicationEventKind = "questionnaire_submitted"
	AppEventKnockOutPending       ApplicationEventKind = "knock_out_pending"
	AppEventEmailed               ApplicationEventKind = "emailed"
)

// ApplicationEvent is one entry of an application's timeline.
type ApplicationEvent struct {
	ID            int64
	ApplicationID int64
	Kind          ApplicationEventKind
	FromStage     Stage
	ToStage       Stage
	ActorID       *int64
	ActorName     string
	Reason        string
	ReasonCode    string
	Data          map[string]any
	At            time.Time
}

// ApplicationMove is a recorded move: the workflow checked it; the activity writes it.
type ApplicationMove struct {
	ApplicationID int64
	From, To      Stage
	ActorID       *int64
	Reason        string
	// ReasonID, when Reason is empty, names the reason's words as the API stored them (store.PrivateText): the
	// workflow carries the ID, not the words.
	ReasonID   int64
	ReasonCode string
	// Key makes the write idempotent: the workflow's move sequence number.
	Key string
}

// CanApplyTo reports whether the public may apply to an opening.
func (o *Opening) CanApplyTo() error {
	if o.Status != OpeningOpen {
		return Errorf(ECONFLICT, "This opening no longer takes applications.")
	}
	return nil
}

package models

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// InterviewKind is which round an interview is.
type InterviewKind string

// The interview rounds: the first (a negotiation role-play), a second individual one, or a group interview.
const (
	InterviewFirst  InterviewKind = "first"
	InterviewSecond InterviewKind = "second"
	InterviewGroup  InterviewKind = "group"
)

// InterviewStatus is where an interview stands.
type InterviewStatus string

// The statuses of an interview.
const (
	InterviewScheduled InterviewStatus = "scheduled"
	InterviewCancelled InterviewStatus = "cancelled"
)

// Interview is one scheduled interview: when and where, who interviews, which scenario is played, and the
// candidates in it (one, or several for a group interview). Sequence counts its versions for calendar
// invites: each reschedule or cancellation raises it.
type Interview struct {
	ID              int64
	OpeningID       int64
	Kind            InterviewKind
	ScenarioID      *int64
	StartsAt        time.Time
	DurationMinutes int
	Location        string
	VideoURL        string
	Status          InterviewStatus
	Sequence        int
	OrganizerID     int64
	InterviewerIDs  []int64
	ApplicationIDs  []int64
	// Excused holds the interviewers excused from scoring it, with the reason.
	Excused map[int64]string
	// Responses holds each candidate's answer to the invitation, by application.
	Responses map[int64]CandidateResponse
	// RequestKey is the Idempotency-Key of the request that scheduled it, so that the request repeated finds it.
	RequestKey string
	CreatedAt  time.Time
}

// The answers a candidate gives to an interview invitation.
const (
	ResponseConfirmed   = "confirmed"
	ResponseAnotherTime = "another_time"
)

// CandidateResponse is a candidate's answer to an interview invitation: confirmed, or another time asked for
// with a note.
type CandidateResponse struct {
	Response string
	Note     string
	At       *time.Time
}

// Owed lists the interviewers who owe a scorecard: on the panel and not excused.
func (iv Interview) Owed() []int64 {
	var out []int64
	for _, id := range iv.InterviewerIDs {
		if iv.Owes(id) {
			out = append(out, id)
		}
	}
	return out
}

// Owes reports whether an interviewer owes a scorecard: on the panel and not excused. Only their scorecards
// count towards the result; one from an interviewer since taken off the panel or excused does not.
func (iv Interview) Owes(id int64) bool {
	_, excused := iv.Excused[id]
	return slices.Contains(iv.InterviewerIDs, id) && !excused
}

// Missing lists those who owe a scorecard and are not among scoredBy.
func (iv Interview) Missing(scoredBy []int64) []int64 {
	var out []int64
	for _, id := range iv.Owed() {
		if !slices.Contains(scoredBy, id) {
			out = append(out, id)
		}
	}
	return out
}

// InterviewPlan is what a recruiter schedules or reschedules.
type InterviewPlan struct {
	StartsAt        time.Time
	DurationMinutes int
	Location        string
	VideoURL        string
	InterviewerIDs  []int64
	ScenarioID      *int64
}

// Validate checks a plan at now: a time ahead (within a year), a sensible length, a place or a video link,
// one to six interviewers.
func (p InterviewPlan) Validate(now time.Time) error {
	var fields []FieldError
	bad := func(field, format string, args ...any) {
		fields = append(fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case p.StartsAt.IsZero():
		bad("starts_at", "is required")
	case !p.StartsAt.After(now):
		bad("starts_at", "must be in the future")
	case p.StartsAt.After(now.AddDate(1, 0, 0)):
		bad("starts_at", "must be within a year")
	}
	if p.DurationMinutes < 10 || p.DurationMinutes > 240 {
		bad("duration_minutes", "must be from 10 to 240")
	}
	if strings.TrimSpace(p.Location) == "" && strings.TrimSpace(p.VideoURL) == "" {
		bad("location", "give a place or a video link")
	}
	if utf8.RuneCountInString(p.Location) > 300 {
		bad("location", "must be at most 300 characters")
	}
	if p.VideoURL != "" {
		if u, err := url.Parse(p.VideoURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(p.VideoURL) > 500 {
			bad("video_url", "must be an http or https link")
		}
	}
	ids := slices.Clone(p.InterviewerIDs)
	slices.Sort(ids)
	switch {
	case len(ids) == 0 || len(ids) > 6:
		bad("interviewer_ids", "name one to six interviewers")
	case len(slices.Compact(ids)) != len(p.InterviewerIDs):
		bad("interviewer_ids", "name each interviewer once")
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// Ends is when the interview is over.
func (iv Interview) Ends() time.Time {
	return iv.StartsAt.Add(time.Duration(iv.DurationMinutes) * time.Minute)
}

// InviteUID is the calendar UID all versions of the interview's invite share.
func (iv Interview) InviteUID() string { return fmt.Sprintf("interview-%d@bullpen", iv.ID) }

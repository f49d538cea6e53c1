package models

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Cadence is when a team's planning meeting is held (seed step 3): every working day, or one weekday, at a set
// time (UTC).
type Cadence struct {
	Kind    string `json:"kind"` // daily or weekly
	Weekday int    `json:"weekday"`
	Hour    int    `json:"hour"`
	Minute  int    `json:"minute"`
}

// Validate checks a cadence.
func (c Cadence) Validate() error {
	var fields []FieldError
	if c.Kind != "daily" && c.Kind != "weekly" {
		fields = append(fields, FieldError{Field: "cadence.kind", Message: "must be daily or weekly"})
	}
	if c.Kind == "weekly" && (c.Weekday < 1 || c.Weekday > 5) {
		fields = append(fields, FieldError{Field: "cadence.weekday", Message: "must be a working day, 1 (Monday) to 5 (Friday)"})
	}
	if c.Hour < 6 || c.Hour > 20 || c.Minute < 0 || c.Minute > 59 {
		fields = append(fields, FieldError{Field: "cadence.hour", Message: "the meeting is held between 06:00 and 20:59"})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// Next is the first meeting strictly after t: the next working day (or the next such weekday) at the time.
func (c Cadence) Next(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), c.Hour, c.Minute, 0, 0, time.UTC)
	for i := 0; i < 15; i++ {
		wd := d.Weekday()
		working := wd != time.Saturday && wd != time.Sunday
		if d.After(t) && working && (c.Kind == "daily" || int(wd) == c.Weekday) {
			return d
		}
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// MeetingReport is what a rep files before a planning meeting: done since the last one, planned until the
// next, blockers.
type MeetingReport struct {
	Done     string `json:"done"`
	Planned  string `json:"planned"`
	Blockers string `json:"blockers"`
}

// Validate checks a report: done and planned are required.
func (r MeetingReport) Validate() error {
	var fields []FieldError
	for name, v := range map[string]string{"done": r.Done, "planned": r.Planned} {
		if strings.TrimSpace(v) == "" {
			fields = append(fields, FieldError{Field: name, Message: "is required"})
		}
	}
	for name, v := range map[string]string{"done": r.Done, "planned": r.Planned, "blockers": r.Blockers} {
		if utf8.RuneCountInString(v) > 4000 {
			fields = append(fields, FieldError{Field: name, Message: "must be at most 4000 characters"})
		}
	}
	if len(fields) > 0 {
		SortFields(fields)
		return Invalid(fields...)
	}
	return nil
}

// DraftDone pre-fills a report's "done" from the activity log since the last meeting.
func DraftDone(acts []SalesActivity, accountName func(int64) string) string {
	if len(acts) == 0 {
		return ""
	}
	counts := map[ActivityKind]int{}
	var deals []string
	for _, a := range acts {
		counts[a.Kind]++
		if a.Kind == ActivityDealWon {
			deals = append(deals, fmt.Sprintf("%s (%g %s)", accountName(a.AccountID), a.Amount, a.Currency))
		}
	}
	n := func(k ActivityKind, one, many string) string {
		if counts[k] == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", counts[k], many)
	}
	out := fmt.Sprintf("%s, %s, %s won, %d lost.", n(ActivityCall, "call", "calls"), n(ActivityMeeting, "client meeting", "client meetings"),
		n(ActivityDealWon, "deal", "deals"), counts[ActivityDealLost])
	if len(deals) > 0 {
		out += " Won: " + strings.Join(deals, ", ") + "."
	}
	return out
}

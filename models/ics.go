package models

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Attendee is a person on a calendar invite.
type Attendee struct {
	Name  string
	Email string
}

// Invite is one interview as a calendar event (RFC 5545). Every update of the same interview keeps its UID
// and raises its Sequence, so that calendars replace the event instead of adding another; a cancellation is
// the same event with Method CANCEL.
type Invite struct {
	UID       string
	Sequence  int
	Cancelled bool
	Start     time.Time
	Duration  time.Duration
	Summary   string
	// Description and Location are free text; URL is the video link, if any.
	Description string
	Location    string
	URL         string
	Organizer   Attendee
	Attendees   []Attendee
	// Stamp is when this version of the invite was made.
	Stamp time.Time
}

// Method is the iTIP method of the invite: REQUEST, or CANCEL for a cancellation.
func (inv Invite) Method() string {
	if inv.Cancelled {
		return "CANCEL"
	}
	return "REQUEST"
}

// ICS writes the invite as an iCalendar object: CRLF line ends, lines folded at 75 octets, text escaped.
func (inv Invite) ICS() string {
	var b strings.Builder
	line := func(name, value string) { b.WriteString(fold(name + ":" + value)) }
	utc := func(t time.Time) string { return t.UTC().Format("20060102T150405Z") }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Bullpen//Interviews//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", inv.Method())
	line("BEGIN", "VEVENT")
	line("UID", escapeText(inv.UID))
	line("SEQUENCE", fmt.Sprint(inv.Sequence))
	line("DTSTAMP", utc(inv.Stamp))
	line("DTSTART", utc(inv.Start))
	line("DTEND", utc(inv.Start.Add(inv.Duration)))
	line("SUMMARY", escapeText(inv.Summary))
	if inv.Description != "" {
		line("DESCRIPTION", escapeText(inv.Description))
	}
	if inv.Location != "" {
		line("LOCATION", escapeText(inv.Location))
	}
	if inv.URL != "" {
		line("URL", inv.URL)
	}
	status := "CONFIRMED"
	if inv.Cancelled {
		status = "CANCELLED"
	}
	line("STATUS", status)
	line("ORGANIZER;CN="+paramValue(inv.Organizer.Name), "mailto:"+inv.Organizer.Email)
	for _, a := range inv.Attendees {
		line("ATTENDEE;CN="+paramValue(a.Name)+";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE", "mailto:"+a.Email)
	}
	line("END", "VEVENT")
	line("END", "VCALENDAR")
	return b.String()
}

// escapeText escapes a TEXT value (RFC 5545, 3.3.11).
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// paramValue quotes a parameter value, dropping what a quoted value cannot hold (RFC 5545, 3.1).
func paramValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '"' || r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return `"` + s + `"`
}

// fold splits a content line into lines of at most 75 octets, never inside a UTF-8 character, each
// continuation starting with a space, and ends it with CRLF.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s + "\r\n")
	return b.String()
}

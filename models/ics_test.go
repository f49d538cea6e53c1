package models

import (
	"strings"
	"testing"
	"time"
)

// parseICS reads an iCalendar object back the way a calendar does: it checks line ends and lengths, unfolds,
// splits names, parameters and values, and unescapes text. It returns the VEVENT's properties.
func parseICS(t *testing.T, ics string) map[string][]string {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") || strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\n") {
		t.Fatalf("lines must end in CRLF:\n%q", ics)
	}
	var lines []string
	for _, raw := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(raw) > 75 {
			t.Errorf("line of %d octets: %q", len(raw), raw)
		}
		if strings.HasPrefix(raw, " ") {
			lines[len(lines)-1] += raw[1:]
			continue
		}
		lines = append(lines, raw)
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not a calendar: %v", lines)
	}
	props := map[string][]string{}
	in := false
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no value: %q", l)
		}
		switch {
		case l == "BEGIN:VEVENT":
			in = true
			continue
		case l == "END:VEVENT":
			in = false
			continue
		case name == "METHOD":
			props["METHOD"] = []string{value}
		}
		if !in {
			continue
		}
		base, params, _ := strings.Cut(name, ";")
		if params != "" {
			value = params + "|" + value
		}
		value = strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(value)
		props[base] = append(props[base], value)
	}
	return props
}

func TestInviteICSParsesBack(t *testing.T) {
	start := time.Date(2027, 1, 12, 9, 30, 0, 0, time.FixedZone("CET", 3600))
	inv := Invite{UID: "interview-7@bullpen", Sequence: 0, Start: start, Duration: 45 * time.Minute,
		Summary:     "First interview: Vera Hoxha, Sales rep, Prishtina",
		Description: "Role-play: The price haggler; bring questions.\nSecond line, with a comma; and a \\ backslash.",
		Location:    "Rruga Nënë Tereza 12, Prishtinë", URL: "https://meet.example/abc",
		Organizer: Attendee{Name: "Rita Krasniqi", Email: "rita@example.com"},
		Attendees: []Attendee{{Name: `Vera "V" Hoxha`, Email: "vera@example.com"}, {Name: "Ilir Berisha", Email: "ilir@example.com"}},
		Stamp:     time.Date(2027, 1, 5, 8, 0, 0, 0, time.UTC)}
	p := parseICS(t, inv.ICS())
	want := map[string]string{
		"METHOD": "REQUEST", "UID": "interview-7@bullpen", "SEQUENCE": "0", "DTSTART": "20270112T083000Z",
		"DTEND": "20270112T091500Z", "DTSTAMP": "20270105T080000Z", "STATUS": "CONFIRMED", "URL": "https://meet.example/abc",
		"SUMMARY": inv.Summary, "DESCRIPTION": inv.Description, "LOCATION": inv.Location,
		"ORGANIZER": `CN="Rita Krasniqi"|mailto:rita@example.com`,
	}
	for k, v := range want {
		if len(p[k]) != 1 || p[k][0] != v {
			t.Errorf("%s = %q; want %q", k, p[k], v)
		}
	}
	if len(p["ATTENDEE"]) != 2 || !strings.HasPrefix(p["ATTENDEE"][0], `CN="Vera V Hoxha";ROLE=REQ-PARTICIPANT`) ||
		!strings.HasSuffix(p["ATTENDEE"][1], "|mailto:ilir@example.com") {
		t.Errorf("attendees %q", p["ATTENDEE"])
	}

	// Rescheduled, then cancelled: the same UID with a higher sequence each time.
	inv.Sequence, inv.Start = 1, start.Add(24*time.Hour)
	p = parseICS(t, inv.ICS())
	if p["UID"][0] != "interview-7@bullpen" || p["SEQUENCE"][0] != "1" || p["DTSTART"][0] != "20270113T083000Z" {
		t.Errorf("rescheduled: %v", p)
	}
	inv.Sequence, inv.Cancelled = 2, true
	p = parseICS(t, inv.ICS())
	if p["METHOD"][0] != "CANCEL" || p["STATUS"][0] != "CANCELLED" || p["SEQUENCE"][0] != "2" {
		t.Errorf("cancelled: %v", p)
	}
}

func TestFoldKeepsCharactersWhole(t *testing.T) {
	s := "SUMMARY:" + strings.Repeat("ë", 100) // two octets each
	folded := fold(s)
	for _, l := range strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8Valid(l) {
			t.Fatalf("bad line %q", l)
		}
	}
	if strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", "") != s {
		t.Fatal("unfolding does not give the line back")
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

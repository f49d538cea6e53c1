package activities

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
)

// TestInviteReachesTheCalendarIntact sends an interview invite over real SMTP: the text arrives, and the
// calendar part arrives byte for byte (its CRLF line ends and folding are the calendar's business), marked
// with its method so that mail clients offer to accept it.
func TestInviteReachesTheCalendarIntact(t *testing.T) {
	srv := smtptest.Start(t)
	m, err := ParseMailer(srv.URL(), "Bullpen <bullpen@example.com>")
	if err != nil {
		t.Fatal(err)
	}
	inv := models.Invite{UID: "interview-3@bullpen", Start: time.Date(2027, 1, 12, 9, 0, 0, 0, time.UTC), Duration: time.Hour,
		Summary: "First interview: " + strings.Repeat("Vera Hoxha, ", 10), Organizer: models.Attendee{Name: "Rita", Email: "rita@example.com"},
		Attendees: []models.Attendee{{Name: "Vera", Email: "vera@example.com"}}, Stamp: time.Now()}
	for _, cancelled := range []bool{false, true} {
		inv.Cancelled = cancelled
		ics := inv.ICS()
		err := m.Send(context.Background(), Mail{To: "vera@example.com", Subject: "Interview", Text: "Dear Vera,\nsee you.",
			HTML: "<p>Dear Vera,</p>", Calendar: ics, MessageID: "x@bullpen"})
		if err != nil {
			t.Fatal(err)
		}
		got := srv.Messages()[len(srv.Messages())-1]
		if got.Calendar != ics {
			t.Fatalf("calendar part changed on the way:\n%q\nwant\n%q", got.Calendar, ics)
		}
		if got.Body != "Dear Vera,\nsee you." {
			t.Fatalf("text %q", got.Body)
		}
	}
	if calendarMethod(inv.ICS()) != "CANCEL" {
		t.Fatal("a cancellation is sent as a request")
	}
}

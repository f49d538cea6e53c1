// Package activities does the I/O Bullpen's workflows need: database writes, notifications and e-mail.
// Every activity is idempotent, keyed by the plan, revision or event it serves, so a retry never writes a
// second row or sends a second message.
package activities

import (
	"errors"
	"log/slog"
	"time"

	"go.temporal.io/sdk/temporal"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows/starter"
)

// Activities holds what the activities depend on. Register a *Activities with a worker; its exported
// methods are the activities, named as in workflows/names.go.
type Activities struct {
	DB *store.DB
	// BaseURL is the public address of the web UI, for links in e-mails (notifications keep paths).
	BaseURL string
	// Mail sends e-mail; without a server configured, messages stay in the outbox.
	Mail *Mailer
	Log  *slog.Logger
	// LinkSecret signs candidate links.
	LinkSecret []byte
	// Start starts workflows (an import's applications).
	Start *starter.Starter
	// QuestionnaireReminder is how long before a questionnaire's deadline the candidate is reminded.
	QuestionnaireReminder time.Duration
	// ScorecardReminder and ScorecardEscalate are when, after an interview, late interviewers are reminded
	// and the recruiter is told.
	ScorecardReminder time.Duration
	ScorecardEscalate time.Duration
	// OfferReminder and OfferEscalate are when silent offer approvers are reminded and the admins told.
	OfferReminder time.Duration
	OfferEscalate time.Duration
	// RejectionReasons is the organisation's list of rejection codes (nil: the default list).
	RejectionReasons []string
	// Company signs the client e-cards ("Bullpen" when empty).
	Company string
	// CandidateRetention is how long a candidate's data is kept after the last of their applications was
	// rejected or withdrawn; then it is anonymised. Zero keeps it.
	CandidateRetention time.Duration
}

// refusal turns a domain refusal into a non-retryable error whose type is its code; other errors are
// returned as they are, to be retried.
func refusal(err error) error {
	var e *models.Error
	if errors.As(err, &e) && e.Code != models.EINTERNAL && e.Code != models.EUNAVAILABLE {
		return temporal.NewNonRetryableApplicationError(e.Message, e.Code, nil, e.Fields)
	}
	return err
}

// userIDs returns the IDs of users.
func userIDs(users []*models.User) []int64 {
	ids := make([]int64, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	return ids
}

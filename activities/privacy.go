package activities

import (
	"context"
	"fmt"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// CheckCandidateRetention tells a candidate's retention timer when their data is due for anonymisation, or that
// there is nothing to wait for.
func (a *Activities) CheckCandidateRetention(ctx context.Context, candidateID int64) (workflows.RetentionCheck, error) {
	st, err := a.DB.CandidateRetention(ctx, candidateID)
	if err != nil {
		return workflows.RetentionCheck{}, refusal(err)
	}
	if st.Anonymised || st.Open || st.Hired || a.CandidateRetention <= 0 {
		return workflows.RetentionCheck{Done: true}, nil
	}
	return workflows.RetentionCheck{Due: st.ClosedAt.Add(a.CandidateRetention)}, nil
}

// AnonymiseCandidate removes a candidate's personal data once the retention period is over, and writes what it
// removed to the audit log (counts, no personal data). A candidate who applied again in the meantime is left as
// they are.
func (a *Activities) AnonymiseCandidate(ctx context.Context, candidateID int64) error {
	out, ok, err := a.DB.AnonymiseCandidate(ctx, candidateID, time.Now())
	if models.ErrorCode(err) == models.ECONFLICT {
		return nil
	}
	if err != nil || !ok {
		return refusal(err)
	}
	key := fmt.Sprintf("candidate-%d-anonymised", candidateID)
	return a.DB.Audit(ctx, store.AuditEntry{Action: "candidate.anonymised", ObjectType: "candidate", ObjectID: candidateID,
		Summary: fmt.Sprintf("Candidate %d anonymised after the retention period", candidateID), After: out.Map(), DedupeKey: &key})
}

// startRetention starts the candidate's retention timer when one of their applications is rejected or withdrawn,
// unless retention is switched off.
func (a *Activities) startRetention(ctx context.Context, candidateID int64) error {
	if a.CandidateRetention <= 0 || a.Start == nil {
		return nil
	}
	return a.Start.CandidateRetention(ctx, candidateID)
}

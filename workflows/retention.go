package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/workflow"
)

// RetentionInput names the candidate whose data the retention rule watches.
type RetentionInput struct {
	CandidateID int64
}

// RetentionCheck is where a candidate stands for the retention rule: Done when there is nothing to wait for
// (an application open again, a hire, anonymised already, or retention switched off), else Due, when their data
// is anonymised.
type RetentionCheck struct {
	Done bool
	Due  time.Time
}

// CandidateRetentionWorkflowID is the workflow ID of a candidate's retention timer: one per candidate.
func CandidateRetentionWorkflowID(candidateID int64) string {
	return fmt.Sprintf("candidate-retention-%d", candidateID)
}

// CandidateRetention anonymises a candidate's data a retention period after the last of their applications was
// rejected or withdrawn. It asks the database when that is, sleeps until then, and asks again on waking: a
// candidate who applied again in the meantime keeps their data (a later rejection starts the timer anew), and
// one whose last application closed later is given the full period from then. It carries the candidate's ID
// only.
func CandidateRetention(ctx workflow.Context, in RetentionInput) error {
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	for {
		var chk RetentionCheck
		if err := workflow.ExecuteActivity(ctx, ActivityCheckCandidateRetention, in.CandidateID).Get(ctx, &chk); err != nil {
			return err
		}
		if chk.Done {
			return nil
		}
		if wait := chk.Due.Sub(workflow.Now(ctx)); wait > 0 {
			if err := workflow.Sleep(ctx, wait); err != nil {
				return err
			}
			continue
		}
		return workflow.ExecuteActivity(ctx, ActivityAnonymiseCandidate, in.CandidateID).Get(ctx, nil)
	}
}

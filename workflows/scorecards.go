package workflows

import (
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// InterviewSignal tells an application's workflow about an interview its candidate is in, each time it is
// scheduled, rescheduled, cancelled or an interviewer is excused (the "interview" signal). Owed is the panel
// not excused: who must score the candidate.
type InterviewSignal struct {
	InterviewID int64
	Kind        models.InterviewKind
	Sequence    int
	EndsAt      time.Time
	Owed        []int64
	Cancelled   bool
}

// ScorecardSignal tells an application's workflow that an interviewer scored its candidate in an interview,
// or edited that scorecard (the "scorecard" signal).
type ScorecardSignal struct {
	InterviewID   int64
	InterviewerID int64
}

// InterviewWait is what the workflow knows of one interview's scorecards for its candidate.
type InterviewWait struct {
	InterviewSignal
	Submitted []int64
	Reminded  bool
	Escalated bool
	Complete  bool
	// stale is true when a scorecard changed since the result was last stored.
	stale bool
}

// ScorecardCheck asks the activities about one candidate's scorecards in one interview version.
type ScorecardCheck struct {
	ApplicationID int64
	InterviewID   int64
	Sequence      int
}

// ScorecardStatus is what the database says: whether every interviewer not excused has scored (then the
// combined result is stored), and who has not.
type ScorecardStatus struct {
	Complete bool
	Missing  []int64
	// Gone is true when the interview no longer exists or was cancelled.
	Gone bool
	// Kind, Sequence and EndsAt are the interview as the database has it, for a wait the workflow learnt of
	// from a scorecard rather than from the interview's own signal (a lost signal, or an interview scheduled
	// before the workflow waited for scorecards).
	Kind     models.InterviewKind
	Sequence int
	EndsAt   time.Time
}

// OpeningFirstRound tells an opening's workflow that a candidate's first interview has a complete result
// (the "first_round_complete" signal).
type OpeningFirstRound struct{ ApplicationID int64 }

// Default scorecard deadlines, after an interview ends.
const (
	DefaultScorecardReminderAfter = 24 * time.Hour
	DefaultScorecardEscalateAfter = 72 * time.Hour
)

// waitForScorecards runs beside the application's main loop for its whole life: for every interview the
// candidate is in, it waits for each interviewer's scorecard, reminds late interviewers, escalates to the
// recruiter, and stores the combined result once the last scorecard is in (again after an edit). The database
// is the authority on who has scored; the signals only wake the workflow.
func (a *application) waitForScorecards(ctx workflow.Context) {
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	interviews := workflow.GetSignalChannel(ctx, SignalInterview)
	scorecards := workflow.GetSignalChannel(ctx, SignalScorecard)
	for {
		sel := workflow.NewSelector(ctx)
		sel.AddReceive(interviews, func(c workflow.ReceiveChannel, _ bool) {
			var s InterviewSignal
			c.Receive(ctx, &s)
			a.interviewChanged(s)
		})
		sel.AddReceive(scorecards, func(c workflow.ReceiveChannel, _ bool) {
			var s ScorecardSignal
			c.Receive(ctx, &s)
			a.scored(s)
		})
		timerCtx, cancel := workflow.WithCancel(ctx)
		if next, ok := a.nextScorecardDeadline(); ok {
			sel.AddFuture(workflow.NewTimer(timerCtx, max(next.Sub(workflow.Now(ctx)), time.Second)), func(workflow.Future) {})
		}
		sel.Select(ctx)
		cancel()
		for sel.HasPending() {
			sel.Select(ctx)
		}
		a.scorecardSteps(ctx)
	}
}

func (a *application) wait(id int64) *InterviewWait {
	for i := range a.state.Interviews {
		if a.state.Interviews[i].InterviewID == id {
			return &a.state.Interviews[i]
		}
	}
	return nil
}

func (a *application) interviewChanged(s InterviewSignal) {
	w := a.wait(s.InterviewID)
	if w == nil {
		a.state.Interviews = append(a.state.Interviews, InterviewWait{InterviewSignal: s, Submitted: []int64{}})
		return
	}
	if s.Sequence < w.Sequence {
		return // an older version arriving late
	}
	if s.Sequence != w.Sequence || !s.EndsAt.Equal(w.EndsAt) {
		w.Reminded, w.Escalated = false, false
	}
	w.InterviewSignal = s
	w.stale = true // the panel or the excuses may have changed what complete means
}

func (a *application) scored(s ScorecardSignal) {
	w := a.wait(s.InterviewID)
	if w == nil {
		// The interview's own signal never came: the database fills in the rest at the next step.
		a.state.Interviews = append(a.state.Interviews, InterviewWait{InterviewSignal: InterviewSignal{InterviewID: s.InterviewID},
			Submitted: []int64{}})
		w = &a.state.Interviews[len(a.state.Interviews)-1]
	}
	if !slices.Contains(w.Submitted, s.InterviewerID) {
		w.Submitted = append(w.Submitted, s.InterviewerID)
	}
	w.stale = true
}

func (a *application) reminderAfter() time.Duration {
	if a.in.ScorecardReminderAfter > 0 {
		return a.in.ScorecardReminderAfter
	}
	return DefaultScorecardReminderAfter
}

func (a *application) escalateAfter() time.Duration {
	if a.in.ScorecardEscalateAfter > a.reminderAfter() {
		return a.in.ScorecardEscalateAfter
	}
	return max(DefaultScorecardEscalateAfter, 2*a.reminderAfter())
}

// nextScorecardDeadline is the earliest reminder or escalation still to come.
func (a *application) nextScorecardDeadline() (time.Time, bool) {
	var next time.Time
	for _, w := range a.state.Interviews {
		if w.Cancelled || w.Complete || w.EndsAt.IsZero() {
			continue
		}
		for _, d := range []struct {
			done  bool
			after time.Duration
		}{{w.Reminded, a.reminderAfter()}, {w.Escalated, a.escalateAfter()}} {
			if t := w.EndsAt.Add(d.after); !d.done && (next.IsZero() || t.Before(next)) {
				next = t
			}
		}
	}
	return next, !next.IsZero()
}

// scorecardSteps does what each interview's wait calls for now: store a result whose scorecards changed,
// remind, escalate. The activities retry until they succeed; one that refuses for good (its interview is
// gone) ends that wait rather than the application's workflow.
func (a *application) scorecardSteps(ctx workflow.Context) {
	for i := range a.state.Interviews {
		w := &a.state.Interviews[i]
		if err := a.scorecardStep(ctx, w); err != nil {
			workflow.GetLogger(ctx).Error("scorecard wait ended", "application_id", a.in.ApplicationID, "interview_id", w.InterviewID, "error", err)
			w.Cancelled, w.stale = true, false
		}
	}
}

func (a *application) scorecardStep(ctx workflow.Context, w *InterviewWait) error {
	now := workflow.Now(ctx)
	if w.Cancelled {
		return nil
	}
	due := func() (remind, escalate bool) {
		if w.EndsAt.IsZero() {
			return false, false // not known yet
		}
		return !w.Complete && !w.Reminded && !now.Before(w.EndsAt.Add(a.reminderAfter())),
			!w.Complete && !w.Escalated && !now.Before(w.EndsAt.Add(a.escalateAfter()))
	}
	remind, escalate := due()
	if !w.stale && !remind && !escalate {
		return nil
	}
	check := ScorecardCheck{ApplicationID: a.in.ApplicationID, InterviewID: w.InterviewID, Sequence: w.Sequence}
	var st ScorecardStatus
	if err := workflow.ExecuteActivity(ctx, ActivityRecordInterviewResult, check).Get(ctx, &st); err != nil {
		return err
	}
	w.stale = false
	if st.Gone {
		w.Cancelled = true
		return nil
	}
	if st.Kind != "" && st.Sequence >= w.Sequence && (w.Kind == "" || st.Sequence > w.Sequence) {
		w.Kind, w.Sequence, w.EndsAt = st.Kind, st.Sequence, st.EndsAt
		remind, escalate = due()
	}
	wasComplete := w.Complete
	w.Complete = st.Complete
	if st.Complete {
		if !wasComplete && w.Kind == models.InterviewFirst {
			f := workflow.SignalExternalWorkflow(ctx, OpeningWorkflowID(a.in.OpeningID), "", SignalFirstRoundComplete,
				OpeningFirstRound{ApplicationID: a.in.ApplicationID})
			if err := f.Get(ctx, nil); err != nil {
				workflow.GetLogger(ctx).Warn("opening not told of a complete first round", "opening_id", a.in.OpeningID, "error", err)
			}
		}
		return nil
	}
	if remind {
		if err := workflow.ExecuteActivity(ctx, ActivityRemindScorecards, check).Get(ctx, nil); err != nil {
			return err
		}
		w.Reminded = true
	}
	if escalate {
		if err := workflow.ExecuteActivity(ctx, ActivityEscalateScorecards, check).Get(ctx, nil); err != nil {
			return err
		}
		w.Reminded, w.Escalated = true, true
	}
	return nil
}

package workflows

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"

	"github.com/bullpen-hq/bullpen/models"
)

// panelDouble stands in for the database in the scorecard wait's tests: who owes a scorecard, who has
// submitted, and when each activity ran (in the test's skipped time).
type panelDouble struct {
	env        *testsuite.TestWorkflowEnvironment
	start      time.Time
	owed       []int64
	submitted  []int64
	reminded   []time.Duration
	escalated  []time.Duration
	results    int
	firstRound int
}

func (p *panelDouble) missing() []int64 {
	var out []int64
	for _, id := range p.owed {
		if !slices.Contains(p.submitted, id) {
			out = append(out, id)
		}
	}
	return out
}

func newPanelEnv(t *testing.T, owed ...int64) (*testsuite.TestWorkflowEnvironment, *panelDouble) {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	Register(env)
	p := &panelDouble{env: env, start: env.Now(), owed: owed}
	env.RegisterActivityWithOptions(recordApplicationMove, activity.RegisterOptions{Name: ActivityRecordApplicationMove})
	env.RegisterActivityWithOptions(func(_ context.Context, c ScorecardCheck) (ScorecardStatus, error) {
		p.results++
		m := p.missing()
		return ScorecardStatus{Complete: len(m) == 0, Missing: m}, nil
	}, activity.RegisterOptions{Name: ActivityRecordInterviewResult})
	env.RegisterActivityWithOptions(func(_ context.Context, c ScorecardCheck) error {
		p.reminded = append(p.reminded, env.Now().Sub(p.start).Round(time.Minute))
		return nil
	}, activity.RegisterOptions{Name: ActivityRemindScorecards})
	env.RegisterActivityWithOptions(func(_ context.Context, c ScorecardCheck) error {
		p.escalated = append(p.escalated, env.Now().Sub(p.start).Round(time.Minute))
		return nil
	}, activity.RegisterOptions{Name: ActivityEscalateScorecards})
	env.OnSignalExternalWorkflow(mock.Anything, OpeningWorkflowID(5), "", SignalApplicationMoved, mock.Anything).Return(nil).Maybe()
	env.OnSignalExternalWorkflow(mock.Anything, OpeningWorkflowID(5), "", SignalFirstRoundComplete, OpeningFirstRound{ApplicationID: 11}).
		Return(func(string, string, string, string, any) error { p.firstRound++; return nil }).Maybe()
	return env, p
}

func (p *panelDouble) at(d time.Duration, f func()) { p.env.RegisterDelayedCallback(f, d) }

func (p *panelDouble) scorecard(d time.Duration, interviewer int64) {
	p.at(d, func() {
		p.submitted = append(p.submitted, interviewer)
		p.env.SignalWorkflow(SignalScorecard, ScorecardSignal{InterviewID: 7, InterviewerID: interviewer})
	})
}

func (p *panelDouble) interview(d time.Duration, seq int, ends time.Duration) {
	p.at(d, func() {
		p.env.SignalWorkflow(SignalInterview, InterviewSignal{InterviewID: 7, Kind: models.InterviewFirst, Sequence: seq,
			EndsAt: p.start.Add(ends), Owed: slices.Clone(p.owed)})
	})
}

// closeAt rejects the application, which ends its workflow.
func (p *panelDouble) closeAt(d time.Duration) {
	p.at(d, func() {
		p.env.UpdateWorkflow(UpdateMove, "", &testsuite.TestUpdateCallback{OnAccept: func() {}, OnReject: func(error) {}, OnComplete: func(any, error) {}},
			MoveRequest{To: models.StageWithdrawn, Reason: "test over", ActorID: recruiterID})
	})
}

func finalState(t *testing.T, env *testsuite.TestWorkflowEnvironment) ApplicationState {
	t.Helper()
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	var st ApplicationState
	if err := env.GetWorkflowResult(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestScorecardWaitRemindsEscalatesAndCompletes: an interview ending at 2h with a panel of two; one scores
// at once, the other is reminded at 2h+24h, the recruiter is told at 2h+72h, and the last scorecard at 80h
// completes the result and tells the opening.
func TestScorecardWaitRemindsEscalatesAndCompletes(t *testing.T) {
	env, p := newPanelEnv(t, 1, 2)
	p.interview(time.Minute, 0, 2*time.Hour)
	p.scorecard(3*time.Hour, 1)
	p.scorecard(80*time.Hour, 2)
	p.closeAt(90 * time.Hour)
	env.ExecuteWorkflow(Application, appInput)
	st := finalState(t, env)
	if !slices.Equal(p.reminded, []time.Duration{26 * time.Hour}) {
		t.Errorf("reminded at %v; want once at 26h", p.reminded)
	}
	if !slices.Equal(p.escalated, []time.Duration{74 * time.Hour}) {
		t.Errorf("escalated at %v; want once at 74h", p.escalated)
	}
	if p.firstRound != 1 {
		t.Errorf("the opening was told of the complete first round %d times; want once", p.firstRound)
	}
	if len(st.Interviews) != 1 || !st.Interviews[0].Complete || !st.Interviews[0].Reminded || !st.Interviews[0].Escalated {
		t.Errorf("state %+v", st.Interviews)
	}
}

// TestScorecardWaitWithConfiguredTimes: the reminder and escalation follow the application's settings.
func TestScorecardWaitWithConfiguredTimes(t *testing.T) {
	env, p := newPanelEnv(t, 1)
	p.interview(time.Minute, 0, time.Hour)
	p.closeAt(20 * time.Hour)
	in := appInput
	in.ScorecardReminderAfter, in.ScorecardEscalateAfter = 2*time.Hour, 6*time.Hour
	env.ExecuteWorkflow(Application, in)
	finalState(t, env)
	if !slices.Equal(p.reminded, []time.Duration{3 * time.Hour}) || !slices.Equal(p.escalated, []time.Duration{7 * time.Hour}) {
		t.Errorf("reminded at %v, escalated at %v; want 3h and 7h", p.reminded, p.escalated)
	}
}

// TestScorecardWaitExcuseCompletes: excusing the one late interviewer completes the result without any
// reminder.
func TestScorecardWaitExcuseCompletes(t *testing.T) {
	env, p := newPanelEnv(t, 1, 2)
	p.interview(time.Minute, 0, 2*time.Hour)
	p.scorecard(3*time.Hour, 1)
	p.at(5*time.Hour, func() {
		p.owed = []int64{1} // the recruiter excused interviewer 2
		env.SignalWorkflow(SignalInterview, InterviewSignal{InterviewID: 7, Kind: models.InterviewFirst, EndsAt: p.start.Add(2 * time.Hour), Owed: []int64{1}})
	})
	p.closeAt(100 * time.Hour)
	env.ExecuteWorkflow(Application, appInput)
	st := finalState(t, env)
	if len(p.reminded)+len(p.escalated) != 0 || p.firstRound != 1 || !st.Interviews[0].Complete {
		t.Errorf("reminded %v escalated %v first round %d state %+v; want no nudge and a complete result", p.reminded, p.escalated, p.firstRound, st.Interviews)
	}
}

// TestScorecardWaitRescheduleRestartsTheClock: a reschedule after the reminder moves the next reminder to
// the new end; a cancelled interview is not waited for.
func TestScorecardWaitRescheduleRestartsTheClock(t *testing.T) {
	env, p := newPanelEnv(t, 1)
	p.interview(time.Minute, 0, time.Hour)
	p.interview(30*time.Hour, 1, 40*time.Hour) // reminded at 25h, then moved to end at 40h
	p.at(70*time.Hour, func() {
		env.SignalWorkflow(SignalInterview, InterviewSignal{InterviewID: 7, Kind: models.InterviewFirst, Sequence: 2, EndsAt: p.start.Add(40 * time.Hour), Cancelled: true})
	})
	p.closeAt(200 * time.Hour)
	env.ExecuteWorkflow(Application, appInput)
	finalState(t, env)
	if !slices.Equal(p.reminded, []time.Duration{25 * time.Hour, 64 * time.Hour}) {
		t.Errorf("reminded at %v; want 25h and 64h (24h after each end)", p.reminded)
	}
	if len(p.escalated) != 0 {
		t.Errorf("escalated at %v; want none (cancelled at 70h, before 40h+72h)", p.escalated)
	}
}

// TestGroupInterviewWaitsPerApplication: in a group interview each candidate's workflow waits for its own
// scorecards; one candidate complete does not complete another.
func TestGroupInterviewWaitsPerApplication(t *testing.T) {
	scored := map[int64][]int64{} // application -> interviewers who scored it
	var ts testsuite.WorkflowTestSuite
	run := func(app int64, scoredBy []int64) ApplicationState {
		env := ts.NewTestWorkflowEnvironment()
		Register(env)
		env.RegisterActivityWithOptions(recordApplicationMove, activity.RegisterOptions{Name: ActivityRecordApplicationMove})
		env.RegisterActivityWithOptions(func(_ context.Context, c ScorecardCheck) (ScorecardStatus, error) {
			done := len(scored[c.ApplicationID]) == 2
			return ScorecardStatus{Complete: done}, nil
		}, activity.RegisterOptions{Name: ActivityRecordInterviewResult})
		env.RegisterActivityWithOptions(func(context.Context, ScorecardCheck) error { return nil }, activity.RegisterOptions{Name: ActivityRemindScorecards})
		env.RegisterActivityWithOptions(func(context.Context, ScorecardCheck) error { return nil }, activity.RegisterOptions{Name: ActivityEscalateScorecards})
		env.OnSignalExternalWorkflow(mock.Anything, mock.Anything, "", mock.Anything, mock.Anything).Return(nil).Maybe()
		start := env.Now()
		env.RegisterDelayedCallback(func() {
			env.SignalWorkflow(SignalInterview, InterviewSignal{InterviewID: 9, Kind: models.InterviewGroup, EndsAt: start.Add(time.Hour), Owed: []int64{1, 2}})
		}, time.Minute)
		for i, by := range scoredBy {
			env.RegisterDelayedCallback(func() {
				scored[app] = append(scored[app], by)
				env.SignalWorkflow(SignalScorecard, ScorecardSignal{InterviewID: 9, InterviewerID: by})
			}, time.Duration(2+i)*time.Hour)
		}
		env.RegisterDelayedCallback(func() {
			env.UpdateWorkflow(UpdateMove, "", &testsuite.TestUpdateCallback{OnAccept: func() {}, OnReject: func(error) {}, OnComplete: func(any, error) {}},
				MoveRequest{To: models.StageWithdrawn, Reason: "test over", ActorID: recruiterID})
		}, 10*time.Hour)
		in := appInput
		in.ApplicationID = app
		env.ExecuteWorkflow(Application, in)
		return finalState(t, env)
	}
	a := run(21, []int64{1, 2})
	b := run(22, []int64{1})
	if !a.Interviews[0].Complete || b.Interviews[0].Complete {
		t.Errorf("candidate 21 complete %v (want true), candidate 22 complete %v (want false)", a.Interviews[0].Complete, b.Interviews[0].Complete)
	}
}

// openingEnv runs an opening's workflow with its activities recording when the shortlist decision opened.
func openingEnv(opened *[]ShortlistOpening, at *[]time.Duration) *testsuite.TestWorkflowEnvironment {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	Register(env)
	start := env.Now()
	env.RegisterActivityWithOptions(func(context.Context, int64, []int64) error { return nil }, activity.RegisterOptions{Name: ActivityOpeningSlateReady})
	env.RegisterActivityWithOptions(func(context.Context, int64) error { return nil }, activity.RegisterOptions{Name: ActivityCloseOpening})
	env.RegisterActivityWithOptions(func(_ context.Context, o ShortlistOpening) error {
		*opened = append(*opened, o)
		*at = append(*at, env.Now().Sub(start).Round(time.Minute))
		return nil
	}, activity.RegisterOptions{Name: ActivityOpenShortlist})
	return env
}

func hireAll(env *testsuite.TestWorkflowEnvironment, at time.Duration, ids ...int64) {
	for i, id := range ids {
		env.RegisterDelayedCallback(func() {
			env.SignalWorkflow(SignalApplicationMoved, OpeningMove{ApplicationID: id, To: models.StageHired})
		}, at+time.Duration(i)*time.Minute)
	}
}

// TestOpeningSlateOpensOnCount: the shortlist decision opens when the third of a slate of three has a
// complete first round (a repeat counts once), with no note.
func TestOpeningSlateOpensOnCount(t *testing.T) {
	var opened []ShortlistOpening
	var at []time.Duration
	env := openingEnv(&opened, &at)
	for i, app := range []int64{1, 2, 2, 3} {
		env.RegisterDelayedCallback(func() { env.SignalWorkflow(SignalFirstRoundComplete, OpeningFirstRound{ApplicationID: app}) },
			time.Duration(i+1)*time.Hour)
	}
	hireAll(env, 10*time.Hour, 1)
	env.ExecuteWorkflow(Opening, OpeningInput{OpeningID: 5, Seats: 1, SlateSize: 3})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	if len(opened) != 1 || opened[0].Complete != 3 || opened[0].Needed != 3 || opened[0].Note != "" || at[0] != 4*time.Hour {
		t.Fatalf("opened %+v at %v; want once, 3 of 3, at 4h, without a note", opened, at)
	}
}

// TestOpeningSlateOpensAtDeadline: with one complete first round of three, the deadline opens the decision
// with a note; a deadline moved later by the settings replaces the first.
func TestOpeningSlateOpensAtDeadline(t *testing.T) {
	var opened []ShortlistOpening
	var at []time.Duration
	env := openingEnv(&opened, &at)
	start := env.Now()
	first := start.Add(48 * time.Hour)
	env.RegisterDelayedCallback(func() { env.SignalWorkflow(SignalFirstRoundComplete, OpeningFirstRound{ApplicationID: 1}) }, time.Hour)
	later := start.Add(72 * time.Hour)
	env.RegisterDelayedCallback(func() {
		env.SignalWorkflow(SignalOpeningSettings, OpeningSettings{Seats: 1, SlateSize: 3, SlateDeadline: &later})
	}, 2*time.Hour)
	hireAll(env, 100*time.Hour, 1)
	env.ExecuteWorkflow(Opening, OpeningInput{OpeningID: 5, Seats: 1, SlateSize: 3, SlateDeadline: &first})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	if len(opened) != 1 || at[0] != 72*time.Hour || opened[0].Complete != 1 || opened[0].Note == "" {
		t.Fatalf("opened %+v at %v; want once at 72h with 1 of 3 and a note", opened, at)
	}
}

// TestScorecardWithoutInterviewSignal: a scorecard for an interview the workflow never heard of (a lost
// signal, or an interview from before it waited) starts the wait from what the database says, and the
// reminder follows the interview's end.
func TestScorecardWithoutInterviewSignal(t *testing.T) {
	env, p := newPanelEnv(t, 1, 2)
	env.OnActivity(ActivityRecordInterviewResult, mock.Anything, mock.Anything).Return(func(_ context.Context, c ScorecardCheck) (ScorecardStatus, error) {
		p.results++
		m := p.missing()
		return ScorecardStatus{Complete: len(m) == 0, Missing: m, Kind: models.InterviewFirst, EndsAt: p.start.Add(2 * time.Hour)}, nil
	})
	p.scorecard(3*time.Hour, 1)
	p.scorecard(40*time.Hour, 2)
	p.closeAt(50 * time.Hour)
	env.ExecuteWorkflow(Application, appInput)
	st := finalState(t, env)
	if !slices.Equal(p.reminded, []time.Duration{26 * time.Hour}) || p.firstRound != 1 || !st.Interviews[0].Complete {
		t.Errorf("reminded at %v, first round told %d times, state %+v; want a reminder at 26h and a complete first round", p.reminded, p.firstRound, st.Interviews)
	}
}

// TestOpeningSlateRaisedClosesTheDecision: a decision the count opened closes when the slate size is raised
// past the count, and opens again when the count catches up.
func TestOpeningSlateRaisedClosesTheDecision(t *testing.T) {
	var opened []ShortlistOpening
	var at []time.Duration
	env := openingEnv(&opened, &at)
	for i, app := range []int64{1, 2} {
		env.RegisterDelayedCallback(func() { env.SignalWorkflow(SignalFirstRoundComplete, OpeningFirstRound{ApplicationID: app}) },
			time.Duration(i+1)*time.Hour)
	}
	env.RegisterDelayedCallback(func() { env.SignalWorkflow(SignalOpeningSettings, OpeningSettings{Seats: 1, SlateSize: 3}) }, 3*time.Hour)
	env.RegisterDelayedCallback(func() { env.SignalWorkflow(SignalFirstRoundComplete, OpeningFirstRound{ApplicationID: 3}) }, 4*time.Hour)
	hireAll(env, 10*time.Hour, 1)
	env.ExecuteWorkflow(Opening, OpeningInput{OpeningID: 5, Seats: 1, SlateSize: 2})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	if len(opened) != 2 || at[0] != 2*time.Hour || at[1] != 4*time.Hour || opened[1].Complete != 3 || opened[1].Needed != 3 {
		t.Fatalf("opened %+v at %v; want at 2h (2 of 2) and again at 4h (3 of 3)", opened, at)
	}
}

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

// offerDouble stands in for the database and the opening in the offer tests, recording what the workflow
// asked for and when (in the test's skipped time).
type offerDouble struct {
	env       *testsuite.TestWorkflowEnvironment
	start     time.Time
	outcomes  []models.OfferStatus
	reminders []time.Duration
	escalated []time.Duration
	revised   []int
	hired     int
	seat      bool
	refusals  []string
}

func newOfferEnv(t *testing.T) (*testsuite.TestWorkflowEnvironment, *offerDouble) {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	Register(env)
	d := &offerDouble{env: env, start: env.Now(), seat: true}
	at := func() time.Duration { return env.Now().Sub(d.start).Round(time.Minute) }
	for name, fn := range map[string]any{
		ActivityRecordApplicationMove: recordApplicationMove,
		ActivitySendQuestionnaire:     sendQuestionnaire, ActivityRemindQuestionnaire: remindQuestionnaire,
		ActivityExpireQuestionnaire: expireQuestionnaire,
		ActivityCreateOffer:         func(context.Context, NewOffer) (int64, error) { return 42, nil },
		ActivityOfferProposed:       func(context.Context, OfferStep) error { return nil },
		ActivityReviseOffer: func(_ context.Context, s OfferStep, _ ReviseOfferRequest) error {
			d.revised = append(d.revised, s.Version)
			return nil
		},
		ActivityRecordOfferDecision: func(context.Context, OfferDecisionRecord) error { return nil },
		ActivityOfferOutcome: func(_ context.Context, o OfferOutcome) error {
			d.outcomes = append(d.outcomes, o.Status)
			return nil
		},
		ActivityRemindOfferApprovers: func(_ context.Context, _ OfferStep, escalate bool) error {
			if escalate {
				d.escalated = append(d.escalated, at())
			} else {
				d.reminders = append(d.reminders, at())
			}
			return nil
		},
		ActivityClaimSeat: func(context.Context, int64, SeatClaim) (SeatResult, error) { return SeatResult{Filled: d.seat}, nil },
		ActivityHire:      func(context.Context, OfferStep) error { d.hired++; return nil },
	} {
		env.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	}
	env.OnSignalExternalWorkflow(mock.Anything, mock.Anything, "", mock.Anything, mock.Anything).Return(nil).Maybe()
	// Up to the second interview.
	for i, st := range []models.Stage{models.StageQuestionnaire, models.StageScreening, models.StageFirstInterview, models.StageShortlist,
		models.StageSecondInterview} {
		d.update(time.Duration(i+1)*time.Minute, UpdateMove, MoveRequest{To: st, Reason: "next", ActorID: recruiterID}, "")
	}
	return env, d
}

func (d *offerDouble) update(at time.Duration, name string, arg any, wantErr string) {
	d.env.RegisterDelayedCallback(func() {
		d.env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
			OnAccept: func() {
				if wantErr != "" {
					d.refusals = append(d.refusals, "accepted "+name+", want "+wantErr)
				}
			},
			OnReject: func(err error) {
				if got := models.ErrorCode(FromTemporal(err)); got != wantErr {
					d.refusals = append(d.refusals, name+": "+got+" "+err.Error())
				}
			},
			OnComplete: func(_ any, err error) {
				if err != nil && wantErr == "" {
					d.refusals = append(d.refusals, name+" failed: "+err.Error())
				}
			},
		}, arg)
	}, at)
}

var offerTerms = OfferTermsArg{Plan: models.PayPlan{Currency: "EUR", Base: 700, CommissionPct: 5}, StartDate: time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC),
	ExpiresDays: 7, ApproverIDs: []int64{7, 8}, Needed: 2}

func (d *offerDouble) decide(at time.Duration, approver int64, version int, decision, wantErr string) {
	d.update(at, UpdateDecideOffer, DecideOfferRequest{ActorID: approver, Version: version, Decision: decision, Comment: "because"}, wantErr)
}

func offerEnd(t *testing.T, env *testsuite.TestWorkflowEnvironment, d *offerDouble) ApplicationState {
	t.Helper()
	st := finalState(t, env)
	if len(d.refusals) > 0 {
		t.Errorf("unexpected update results: %v", d.refusals)
	}
	return st
}

// TestOfferTwoOfTwoThenAccepted: the author and a non-approver are refused; an approver once only; the
// second approval sends the offer; the candidate accepts, gets the seat and is hired.
func TestOfferTwoOfTwoThenAccepted(t *testing.T) {
	env, d := newOfferEnv(t)
	d.update(time.Hour, UpdateProposeOffer, ProposeOfferRequest{ActorID: recruiterID, Terms: offerTerms}, "")
	d.decide(2*time.Hour, recruiterID, 1, "approve", models.EFORBIDDEN)
	d.decide(3*time.Hour, 9, 1, "approve", models.EFORBIDDEN)
	d.decide(4*time.Hour, 7, 1, "approve", "")
	d.decide(5*time.Hour, 7, 1, "approve", models.ECONFLICT)
	d.update(6*time.Hour, UpdateAnswerOffer, AnswerOfferRequest{Version: 1, Decision: "accept"}, models.ECONFLICT) // not sent yet
	d.decide(7*time.Hour, 8, 1, "approve", "")
	d.update(8*time.Hour, UpdateAnswerOffer, AnswerOfferRequest{Version: 2, Decision: "accept"}, models.ECONFLICT) // a version never sent
	d.update(9*time.Hour, UpdateAnswerOffer, AnswerOfferRequest{Version: 1, Decision: "accept"}, "")
	env.ExecuteWorkflow(Application, appInput)
	st := offerEnd(t, env, d)
	if !slices.Equal(d.outcomes, []models.OfferStatus{models.OfferSent, models.OfferAccepted}) || d.hired != 1 || st.Stage != models.StageHired {
		t.Errorf("outcomes %v, hired %d, stage %s; want sent then accepted, one hire", d.outcomes, d.hired, st.Stage)
	}
}

// TestOfferRevisionVoidsApprovals: an approval of version 1 does not count for version 2; a decision on the
// version no longer current is refused.
func TestOfferRevisionVoidsApprovals(t *testing.T) {
	env, d := newOfferEnv(t)
	d.update(time.Hour, UpdateProposeOffer, ProposeOfferRequest{ActorID: recruiterID, Terms: offerTerms}, "")
	d.decide(2*time.Hour, 7, 1, "approve", "")
	d.update(3*time.Hour, UpdateReviseOffer, ReviseOfferRequest{ActorID: recruiterID, Terms: offerTerms}, "")
	d.decide(4*time.Hour, 8, 1, "approve", models.ECONFLICT)
	d.decide(5*time.Hour, 8, 2, "approve", "")
	d.decide(6*time.Hour, 7, 2, "approve", "")
	d.update(7*time.Hour, UpdateProposeOffer, ProposeOfferRequest{ActorID: recruiterID, Terms: offerTerms}, models.ECONFLICT) // one live offer
	d.update(8*time.Hour, UpdateAnswerOffer, AnswerOfferRequest{Version: 2, Decision: "decline", Reason: "another job"}, "")
	env.ExecuteWorkflow(Application, appInput)
	st := offerEnd(t, env, d)
	if !slices.Equal(d.revised, []int{2}) || !slices.Equal(d.outcomes, []models.OfferStatus{models.OfferSent, models.OfferDeclined}) ||
		st.Stage != models.StageWithdrawn {
		t.Errorf("revised %v, outcomes %v, stage %s", d.revised, d.outcomes, st.Stage)
	}
}

// TestOfferRemindersThenRejection: silent approvers are reminded at 48h and the admins told at 120h; one
// rejection rejects the offer, after which a new one may be drafted; an offer nobody answers expires.
func TestOfferRemindersRejectionExpiry(t *testing.T) {
	env, d := newOfferEnv(t)
	d.update(time.Hour, UpdateProposeOffer, ProposeOfferRequest{ActorID: recruiterID, Terms: offerTerms}, "")
	d.decide(130*time.Hour, 8, 1, "reject", "")
	one := offerTerms
	one.Needed = 1
	d.update(131*time.Hour, UpdateProposeOffer, ProposeOfferRequest{ActorID: recruiterID, Terms: one}, "")
	d.decide(132*time.Hour, 7, 1, "approve", "")
	d.update(132*time.Hour+7*24*time.Hour+time.Minute, UpdateAnswerOffer, AnswerOfferRequest{Version: 1, Decision: "accept"}, models.ECONFLICT)
	d.update(400*time.Hour, UpdateMove, MoveRequest{To: models.StageWithdrawn, Reason: "test over", ActorID: recruiterID}, "")
	env.ExecuteWorkflow(Application, appInput)
	offerEnd(t, env, d)
	if !slices.Equal(d.reminders, []time.Duration{49 * time.Hour}) || !slices.Equal(d.escalated, []time.Duration{121 * time.Hour}) {
		t.Errorf("reminded at %v, escalated at %v; want 49h and 121h", d.reminders, d.escalated)
	}
	want := []models.OfferStatus{models.OfferRejected, models.OfferSent, models.OfferExpired}
	if !slices.Equal(d.outcomes, want) {
		t.Errorf("outcomes %v, want %v", d.outcomes, want)
	}
}

// TestOfferAcceptedWithoutSeat: an acceptance that finds no seat is recorded for the recruiter, without a hire.
func TestOfferAcceptedWithoutSeat(t *testing.T) {
	env, d := newOfferEnv(t)
	d.seat = false
	one := offerTerms
	one.Needed = 1
	d.update(time.Hour, UpdateProposeOffer, ProposeOfferRequest{ActorID: recruiterID, Terms: one}, "")
	d.decide(2*time.Hour, 8, 1, "approve", "")
	d.update(3*time.Hour, UpdateAnswerOffer, AnswerOfferRequest{Version: 1, Decision: "accept"}, "")
	d.update(4*time.Hour, UpdateAnswerOffer, AnswerOfferRequest{Version: 1, Decision: "decline"}, models.ECONFLICT) // once only
	d.update(5*time.Hour, UpdateMove, MoveRequest{To: models.StageWithdrawn, Reason: "test over", ActorID: recruiterID}, "")
	env.ExecuteWorkflow(Application, appInput)
	st := offerEnd(t, env, d)
	if d.hired != 0 || st.Offer.Seat != models.SeatUnavailable || st.Offer.Status != models.OfferAccepted {
		t.Errorf("hired %d, offer %+v", d.hired, st.Offer)
	}
}

// TestLastSeatRace: two acceptances claim the opening's last seat at the same moment; exactly one gets it,
// and the filled opening closes.
func TestLastSeatRace(t *testing.T) {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	Register(env)
	env.RegisterActivityWithOptions(func(context.Context, int64, []int64) error { return nil }, activity.RegisterOptions{Name: ActivityOpeningSlateReady})
	closed := 0
	env.RegisterActivityWithOptions(func(context.Context, int64) error { closed++; return nil }, activity.RegisterOptions{Name: ActivityCloseOpening})
	env.RegisterActivityWithOptions(func(context.Context, ShortlistOpening) error { return nil }, activity.RegisterOptions{Name: ActivityOpenShortlist})
	var results []SeatResult
	for _, app := range []int64{21, 22} {
		env.RegisterDelayedCallback(func() {
			env.UpdateWorkflow(UpdateClaimSeat, "", &testsuite.TestUpdateCallback{OnAccept: func() {}, OnReject: func(err error) { t.Error(err) },
				OnComplete: func(r any, err error) {
					if err != nil {
						t.Error(err)
						return
					}
					results = append(results, r.(SeatResult))
				}}, SeatClaim{ApplicationID: app})
		}, time.Minute)
	}
	env.ExecuteWorkflow(Opening, OpeningInput{OpeningID: 5, Seats: 2, SlateSize: 3, State: &OpeningState{Seats: 2, SlateSize: 3, Hired: []int64{20},
		Slate: []int64{}}})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	filled := 0
	for _, r := range results {
		if r.Filled {
			filled++
		}
	}
	var st OpeningState
	if err := env.GetWorkflowResult(&st); err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 || filled != 1 || closed != 1 || !st.Filled || len(st.Hired) != 2 {
		t.Fatalf("results %+v, closed %d, state %+v; want one seat filled, one refused, the opening closed", results, closed, st)
	}
}

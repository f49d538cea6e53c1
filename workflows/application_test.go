package workflows

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/suite"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

type applicationSuite struct {
	suite.Suite
	testsuite.WorkflowTestSuite
	env   *testsuite.TestWorkflowEnvironment
	moves []models.ApplicationMove
}

func TestApplication(t *testing.T) { suite.Run(t, new(applicationSuite)) }

var appInput = ApplicationInput{ApplicationID: 11, OpeningID: 5, QuestionnaireTTL: 7 * 24 * time.Hour, ReminderBefore: 24 * time.Hour}

const recruiterID = 4

// The activities' doubles; the real ones run against a database in the integration tests.
func recordApplicationMove(context.Context, models.ApplicationMove) error { return nil }
func sendQuestionnaire(context.Context, QuestionnaireRound) (QuestionnaireSent, error) {
	return QuestionnaireSent{}, nil
}
func remindQuestionnaire(context.Context, QuestionnaireRound) error { return nil }
func expireQuestionnaire(context.Context, QuestionnaireRound) error { return nil }
func scoreQuestionnaire(context.Context, int64, SubmitQuestionnaireRequest) (models.Score, error) {
	return models.Score{}, nil
}
func questionnaireOutcome(context.Context, int64, models.Score) (QuestionnaireOutcome, error) {
	return QuestionnaireOutcome{}, nil
}

func (s *applicationSuite) SetupTest() {
	s.env = s.NewTestWorkflowEnvironment()
	s.moves = nil
	Register(s.env)
	for name, fn := range map[string]any{
		ActivitySendQuestionnaire: sendQuestionnaire, ActivityRemindQuestionnaire: remindQuestionnaire,
		ActivityExpireQuestionnaire: expireQuestionnaire, ActivityScoreQuestionnaire: scoreQuestionnaire,
		ActivityQuestionnaireOutcome: questionnaireOutcome,
	} {
		s.env.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	}
	s.env.RegisterActivityWithOptions(recordApplicationMove, activity.RegisterOptions{Name: ActivityRecordApplicationMove})
	s.env.OnActivity(ActivityRecordApplicationMove, mock.Anything, mock.Anything).Return(func(_ context.Context, m models.ApplicationMove) error {
		s.moves = append(s.moves, m)
		return nil
	}).Maybe()
	s.env.OnSignalExternalWorkflow(mock.Anything, OpeningWorkflowID(5), "", SignalApplicationMoved, mock.Anything).Return(nil).Maybe()
}

func (s *applicationSuite) update(name string, delay time.Duration, req any, wantErr string) {
	s.env.RegisterDelayedCallback(func() {
		s.env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
			OnAccept: func() {
				if wantErr != "" {
					s.Failf("update accepted", "%s %+v: wanted refusal %s", name, req, wantErr)
				}
			},
			OnReject: func(err error) {
				if got := models.ErrorCode(FromTemporal(err)); got != wantErr {
					s.Failf("update refused", "%s %+v: code %q (%v); want %q", name, req, got, err, wantErr)
				}
			},
			OnComplete: func(_ any, err error) {
				if err != nil && wantErr == "" {
					s.Failf("update failed", "%s %+v: %v", name, req, err)
				}
			},
		}, req)
	}, delay)
}

func (s *applicationSuite) move(delay time.Duration, to models.Stage, wantErr string) {
	req := MoveRequest{To: to, Reason: "because", ActorID: recruiterID}
	if to == models.StageRejected {
		req.ReasonCode = "not_qualified"
	}
	s.update(UpdateMove, delay, req, wantErr)
}

func (s *applicationSuite) state() ApplicationState {
	s.True(s.env.IsWorkflowCompleted())
	s.NoError(s.env.GetWorkflowError())
	var st ApplicationState
	s.NoError(s.env.GetWorkflowResult(&st))
	return st
}

// TestEveryLegalAndIllegalMove walks an application through the whole pipeline. At every stage it tries to
// skip ahead and to step back, which the validator refuses, then takes the one legal step.
func (s *applicationSuite) TestEveryLegalAndIllegalMove() {
	at := time.Hour
	for i := 0; i+1 < len(models.Pipeline); i++ {
		if i+2 < len(models.Pipeline) {
			s.move(at, models.Pipeline[i+2], models.ECONFLICT) // skip
			at += time.Minute
		}
		if i > 0 {
			s.move(at, models.Pipeline[i-1], models.ECONFLICT) // back
			at += time.Minute
		}
		s.move(at, models.Pipeline[i], models.ECONFLICT) // stay
		at += time.Minute
		s.move(at, models.Pipeline[i+1], "")
		at += time.Hour
	}
	s.env.ExecuteWorkflow(Application, appInput)
	st := s.state()
	s.Equal(models.StageHired, st.Stage)
	s.Len(s.moves, len(models.Pipeline)-1)
	for i, m := range s.moves {
		s.Equal(models.Pipeline[i], m.From)
		s.Equal(models.Pipeline[i+1], m.To)
		s.Equal(int64(recruiterID), *m.ActorID)
		s.Equal("because", m.Reason)
		s.Equal(int64(11), m.ApplicationID)
	}
	s.Equal("move-1-questionnaire", s.moves[0].Key)
}

// TestRejectionRulesAndClosedApplication: a rejection needs a reason code, a move needs a reason and an
// actor, and once rejected nothing moves (no offer to a rejected candidate).
func (s *applicationSuite) TestRejectionRulesAndClosedApplication() {
	s.update(UpdateMove, time.Hour, MoveRequest{To: models.StageRejected, Reason: "weak", ActorID: recruiterID}, models.EINVALID)
	s.update(UpdateMove, time.Hour+time.Minute, MoveRequest{To: models.StageRejected, Reason: "weak", ReasonCode: "astrology", ActorID: recruiterID}, models.EINVALID)
	s.update(UpdateMove, time.Hour+2*time.Minute, MoveRequest{To: models.StageQuestionnaire, ActorID: recruiterID}, models.EINVALID)
	s.update(UpdateMove, time.Hour+3*time.Minute, MoveRequest{To: models.StageQuestionnaire, Reason: "x"}, models.EINVALID)
	s.update(UpdateMove, time.Hour+4*time.Minute, MoveRequest{To: "limbo", Reason: "x", ActorID: recruiterID}, models.EINVALID)
	// A person who still sees the application at screening is told it has moved on.
	s.update(UpdateMove, time.Hour+5*time.Minute, MoveRequest{From: models.StageScreening, To: models.StageRejected, Reason: "x",
		ReasonCode: "other", ActorID: recruiterID}, models.ECONFLICT)
	s.move(2*time.Hour, models.StageRejected, "")
	s.env.ExecuteWorkflow(Application, appInput)
	s.Equal(models.StageRejected, s.state().Stage)
	s.Require().Len(s.moves, 1)
	s.Equal("not_qualified", s.moves[0].ReasonCode)
	// The workflow has ended: its history refuses anything more, and the API refuses from the read model
	// with models.ValidateMove (tested in models).
	err := models.ValidateMove(models.Move{From: models.StageRejected, To: models.StageOffer, Reason: "x"}, nil)
	s.Equal(models.ECONFLICT, models.ErrorCode(err))
}

// TestQuestionnaireReminderThenExpiry: sent on application, reminded a day before the deadline, expired at
// the deadline as an outcome the recruiter sees; sent again on request with a new deadline and answered.
func (s *applicationSuite) TestQuestionnaireReminderThenExpiry() {
	start := s.env.Now()
	var sentAt, remindedAt, expiredAt []time.Time
	var rounds []QuestionnaireRound
	s.env.OnActivity(ActivitySendQuestionnaire, mock.Anything, mock.Anything).Return(func(_ context.Context, r QuestionnaireRound) (QuestionnaireSent, error) {
		sentAt, rounds = append(sentAt, s.env.Now()), append(rounds, r)
		return QuestionnaireSent{}, nil
	}).Twice()
	s.env.OnActivity(ActivityRemindQuestionnaire, mock.Anything, mock.Anything).Return(func(context.Context, QuestionnaireRound) error {
		remindedAt = append(remindedAt, s.env.Now())
		return nil
	}).Once()
	s.env.OnActivity(ActivityExpireQuestionnaire, mock.Anything, mock.Anything).Return(func(context.Context, QuestionnaireRound) error {
		expiredAt = append(expiredAt, s.env.Now())
		return nil
	}).Once()
	s.env.OnActivity(ActivityScoreQuestionnaire, mock.Anything, int64(11), mock.Anything).Return(models.Score{Percent: 80, Passed: true}, nil).Once()
	s.env.OnActivity(ActivityQuestionnaireOutcome, mock.Anything, int64(11), mock.Anything).Return(QuestionnaireOutcome{Advance: true}, nil).Once()

	answers := SubmitQuestionnaireRequest{Answers: []models.Answer{{QuestionID: "q1", Text: "yes"}}, Locale: "sq"}
	s.env.RegisterDelayedCallback(func() {
		v, err := s.env.QueryWorkflow(QueryState)
		s.NoError(err)
		var st ApplicationState
		s.NoError(v.Get(&st))
		s.Equal(models.QuestionnaireExpired, st.Questionnaire)
		s.Equal(models.StageQuestionnaire, st.Stage)
	}, 8*24*time.Hour)
	// Too late: the deadline has passed.
	s.update(UpdateSubmitQuestionnaire, 8*24*time.Hour+time.Minute, answers, models.ECONFLICT)
	s.update(UpdateResendQuestionnaire, 9*24*time.Hour, ResendQuestionnaireRequest{ActorID: recruiterID}, "")
	s.update(UpdateSubmitQuestionnaire, 10*24*time.Hour, answers, "")
	// One submission only.
	s.update(UpdateSubmitQuestionnaire, 10*24*time.Hour+time.Minute, answers, models.ECONFLICT)
	s.move(11*24*time.Hour, models.StageRejected, "")

	in := appInput
	in.SendQuestionnaire = true
	s.env.ExecuteWorkflow(Application, in)
	st := s.state()
	s.Equal(models.StageRejected, st.Stage)
	s.Equal(models.QuestionnaireSubmitted, st.Questionnaire)
	s.Equal(80.0, st.Score.Percent)
	s.Require().Len(rounds, 2)
	s.Equal(2, rounds[1].Round)
	s.Equal(time.Duration(0), sentAt[0].Sub(start).Round(time.Minute))
	s.Equal(6*24*time.Hour, remindedAt[0].Sub(start).Round(time.Minute))
	s.Equal(7*24*time.Hour, expiredAt[0].Sub(start).Round(time.Minute))
	s.Equal(rounds[1].Due.Sub(sentAt[1]).Round(time.Minute), 7*24*time.Hour)
	// applied -> questionnaire (on application), questionnaire -> screening (passed), screening -> rejected.
	s.Require().Len(s.moves, 3)
	s.Nil(s.moves[0].ActorID)
	s.Equal(models.StageScreening, s.moves[1].To)
	s.Contains(s.moves[1].Reason, "80%")
}

// TestAnswerBeforeReminderSendsNone: an early answer cancels the reminder and the expiry.
func (s *applicationSuite) TestAnswerBeforeReminderSendsNone() {
	s.env.OnActivity(ActivitySendQuestionnaire, mock.Anything, mock.Anything).Return(QuestionnaireSent{}, nil).Once()
	s.env.OnActivity(ActivityRemindQuestionnaire, mock.Anything, mock.Anything).Never()
	s.env.OnActivity(ActivityExpireQuestionnaire, mock.Anything, mock.Anything).Never()
	s.env.OnActivity(ActivityScoreQuestionnaire, mock.Anything, int64(11), mock.Anything).
		Return(models.Score{Percent: 10, KnockedOut: true, KnockOuts: []string{"q1"}}, nil).Once()
	s.env.OnActivity(ActivityQuestionnaireOutcome, mock.Anything, int64(11), mock.Anything).Return(QuestionnaireOutcome{Reject: true}, nil).Once()
	s.update(UpdateSubmitQuestionnaire, time.Hour, SubmitQuestionnaireRequest{Answers: []models.Answer{{QuestionID: "q1"}}}, "")
	in := appInput
	in.SendQuestionnaire = true
	s.env.ExecuteWorkflow(Application, in)
	st := s.state()
	// A knock-out rejects at once when the opening does not ask for confirmation.
	s.Equal(models.StageRejected, st.Stage)
	s.Equal("knocked_out", s.moves[len(s.moves)-1].ReasonCode)
}

// TestAnswerWhileTheQuestionnaireIsBeingSent: the send activity has written the database (the candidate's
// link works) but the workflow has not yet taken in its result when the answer arrives. The answer is not
// refused against the state before the send: the handler waits for the send, then records it. Found by the
// journey benchmark, where the candidate answers as soon as the link works.
func (s *applicationSuite) TestAnswerWhileTheQuestionnaireIsBeingSent() {
	s.env.OnActivity(ActivitySendQuestionnaire, mock.Anything, mock.Anything).After(time.Minute).Return(QuestionnaireSent{}, nil).Once()
	s.env.OnActivity(ActivityScoreQuestionnaire, mock.Anything, int64(11), mock.Anything).Return(models.Score{Percent: 90, Passed: true}, nil).Once()
	s.env.OnActivity(ActivityQuestionnaireOutcome, mock.Anything, int64(11), mock.Anything).Return(QuestionnaireOutcome{Advance: true}, nil).Once()
	s.update(UpdateSubmitQuestionnaire, 30*time.Second, SubmitQuestionnaireRequest{Answers: []models.Answer{{QuestionID: "q1", Text: "yes"}}}, "")
	// The recruiter moves the candidate on a moment after the pass, while it is still being recorded.
	s.move(time.Minute+time.Second, models.StageFirstInterview, "")
	s.move(time.Hour, models.StageRejected, "")
	in := appInput
	in.SendQuestionnaire = true
	s.env.ExecuteWorkflow(Application, in)
	st := s.state()
	s.Equal(models.QuestionnaireSubmitted, st.Questionnaire)
	s.Equal(90.0, st.Score.Percent)
	s.Equal(models.StageRejected, st.Stage)
	s.Equal([]models.Stage{models.StageQuestionnaire, models.StageScreening, models.StageFirstInterview, models.StageRejected},
		[]models.Stage{s.moves[0].To, s.moves[1].To, s.moves[2].To, s.moves[3].To})
}

// TestKnockOutWaitsForRecruiter: when the opening asks for confirmation, a knock-out waits for the recruiter.
func (s *applicationSuite) TestKnockOutWaitsForRecruiter() {
	s.env.OnActivity(ActivitySendQuestionnaire, mock.Anything, mock.Anything).Return(QuestionnaireSent{}, nil).Once()
	s.env.OnActivity(ActivityScoreQuestionnaire, mock.Anything, int64(11), mock.Anything).Return(models.Score{KnockedOut: true}, nil).Once()
	s.env.OnActivity(ActivityQuestionnaireOutcome, mock.Anything, int64(11), mock.Anything).Return(QuestionnaireOutcome{WaitForRecruiter: true}, nil).Once()
	s.update(UpdateSubmitQuestionnaire, time.Hour, SubmitQuestionnaireRequest{Answers: []models.Answer{{QuestionID: "q1"}}}, "")
	s.env.RegisterDelayedCallback(func() {
		v, err := s.env.QueryWorkflow(QueryState)
		s.NoError(err)
		var st ApplicationState
		s.NoError(v.Get(&st))
		s.True(st.KnockOutPending)
		s.Equal(models.StageQuestionnaire, st.Stage)
	}, 2*time.Hour)
	s.move(3*time.Hour, models.StageRejected, "")
	in := appInput
	in.SendQuestionnaire = true
	s.env.ExecuteWorkflow(Application, in)
	s.Equal(models.StageRejected, s.state().Stage)
}

// TestNoQuestionnaireMovesOn: an opening without a questionnaire sends nothing and moves on to screening.
func (s *applicationSuite) TestNoQuestionnaireMovesOn() {
	s.env.OnActivity(ActivitySendQuestionnaire, mock.Anything, mock.Anything).Return(QuestionnaireSent{NoQuestionnaire: true}, nil).Once()
	s.move(time.Hour, models.StageQuestionnaire, "")
	s.move(2*time.Hour, models.StageWithdrawn, "")
	s.env.ExecuteWorkflow(Application, appInput)
	s.Equal(models.StageWithdrawn, s.state().Stage)
	s.Require().Len(s.moves, 3)
	s.Equal(models.StageScreening, s.moves[1].To)
	s.Equal("The opening has no questionnaire.", s.moves[1].Reason)
}

func (s *applicationSuite) TestRefusesInputWithoutIDs() {
	s.env.ExecuteWorkflow(Application, ApplicationInput{})
	s.Equal(models.EINVALID, models.ErrorCode(FromTemporal(s.env.GetWorkflowError())))
}

// TestOpeningContinueAsNewKeepsSlate: the opening's run hands its slate and hires to the next run.
func TestOpeningContinueAsNewKeepsSlate(t *testing.T) {
	var ts testsuite.WorkflowTestSuite
	env := ts.NewTestWorkflowEnvironment()
	Register(env)
	env.RegisterActivityWithOptions(func(context.Context, int64, []int64) error { return nil }, activity.RegisterOptions{Name: ActivityOpeningSlateReady})
	env.RegisterActivityWithOptions(func(context.Context, int64) error { return nil }, activity.RegisterOptions{Name: ActivityCloseOpening})
	signals := []struct {
		name string
		arg  any
	}{
		{SignalApplicationsAdded, 3},
		{SignalApplicationMoved, OpeningMove{ApplicationID: 1, To: models.StageShortlist}},
		{SignalApplicationMoved, OpeningMove{ApplicationID: 2, To: models.StageShortlist}},
		{SignalApplicationMoved, OpeningMove{ApplicationID: 2, To: models.StageShortlist}}, // a repeat changes nothing
		{SignalApplicationMoved, OpeningMove{ApplicationID: 3, To: models.StageShortlist}},
		{SignalApplicationMoved, OpeningMove{ApplicationID: 3, To: models.StageWithdrawn}},
	}
	for i, sig := range signals {
		env.RegisterDelayedCallback(func() { env.SignalWorkflow(sig.name, sig.arg) }, time.Duration(i+1)*time.Minute)
	}
	env.ExecuteWorkflow(Opening, OpeningInput{OpeningID: 5, Seats: 2, SlateSize: 3, ContinueAfter: len(signals)})
	var can *workflow.ContinueAsNewError
	if err := env.GetWorkflowError(); !errors.As(err, &can) {
		t.Fatalf("workflow ended with %v; want continue-as-new", err)
	}
	var next OpeningInput
	if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &next); err != nil {
		t.Fatal(err)
	}
	st := next.State
	if st == nil || st.Applications != 3 || len(st.Slate) != 2 || st.Slate[0] != 1 || st.Slate[1] != 2 || !st.SlateReady || st.Runs != 1 {
		t.Fatalf("carried state %+v; want 3 applications, slate [1 2] (3 joined then withdrew), slate once full", st)
	}

	// The next run starts from it: a hire and then a second hire fill both seats and end the workflow.
	env2 := ts.NewTestWorkflowEnvironment()
	Register(env2)
	env2.RegisterActivityWithOptions(func(context.Context, int64, []int64) error { return nil }, activity.RegisterOptions{Name: ActivityOpeningSlateReady})
	closed := 0
	env2.RegisterActivityWithOptions(func(context.Context, int64) error { closed++; return nil }, activity.RegisterOptions{Name: ActivityCloseOpening})
	env2.RegisterDelayedCallback(func() {
		env2.SignalWorkflow(SignalApplicationMoved, OpeningMove{ApplicationID: 1, To: models.StageHired})
	}, time.Minute)
	env2.RegisterDelayedCallback(func() {
		env2.SignalWorkflow(SignalApplicationMoved, OpeningMove{ApplicationID: 2, To: models.StageHired})
	}, 2*time.Minute)
	env2.ExecuteWorkflow(Opening, next)
	if err := env2.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	var final OpeningState
	if err := env2.GetWorkflowResult(&final); err != nil {
		t.Fatal(err)
	}
	if !final.Filled || len(final.Hired) != 2 || final.Runs != 2 || closed != 1 || len(final.Slate) != 2 {
		t.Fatalf("final state %+v, closed %d times", final, closed)
	}
}

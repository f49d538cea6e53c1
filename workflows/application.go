package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// ApplicationInput starts an application's workflow. It carries IDs and settings, no personal data.
type ApplicationInput struct {
	ApplicationID int64
	OpeningID     int64
	// SendQuestionnaire moves a new application to the questionnaire stage at once and sends the link.
	SendQuestionnaire bool
	// QuestionnaireTTL is how long the candidate has to answer; ReminderBefore is when, before the end, they
	// are reminded.
	QuestionnaireTTL time.Duration
	ReminderBefore   time.Duration
	// RejectionCodes are the organisation's rejection reasons; nil means models.RejectionReasons.
	RejectionCodes []string
	// ScorecardReminderAfter and ScorecardEscalateAfter are when, after an interview ends, late interviewers
	// are reminded and the recruiter is told; zero means the defaults.
	ScorecardReminderAfter time.Duration
	ScorecardEscalateAfter time.Duration
	// OfferReminderAfter and OfferEscalateAfter are when silent offer approvers are reminded and the admins
	// told; zero means the defaults.
	OfferReminderAfter time.Duration
	OfferEscalateAfter time.Duration
}

// ApplicationState is what the workflow knows; the "state" query returns it.
type ApplicationState struct {
	Stage               models.Stage
	Questionnaire       models.QuestionnaireStatus
	QuestionnaireDue    time.Time
	QuestionnaireRounds int
	Score               *models.Score
	// KnockOutPending is true when a knock-out waits for the recruiter to confirm the rejection.
	KnockOutPending bool
	Moves           int
	Busy            bool
	// Interviews are the waits for each interview's scorecards.
	Interviews []InterviewWait
	// Offer is the application's current offer, if any.
	Offer *OfferState
}

// MoveRequest asks to move an application, as the "move" update. From, when set, is the stage the person
// saw: a move on an application that has moved on since is refused.
type MoveRequest struct {
	From   models.Stage
	To     models.Stage
	Reason string
	// ReasonID names the reason's words as the API stored them, in place of Reason: the history carries the ID,
	// never what a person wrote about the candidate.
	ReasonID   int64
	ReasonCode string
	ActorID    int64
}

// SubmitQuestionnaireRequest carries a candidate's answers, as the "submit_questionnaire" update: AnswersID names
// them as the API stored them (the history carries the ID, not the candidate's words); Answers is what earlier
// versions sent.
type SubmitQuestionnaireRequest struct {
	Answers     []models.Answer
	AnswersID   int64
	Locale      string
	SubmittedAt time.Time
}

// ResendQuestionnaireRequest asks for a fresh questionnaire link with a new deadline, as "resend_questionnaire".
type ResendQuestionnaireRequest struct{ ActorID int64 }

// QuestionnaireRound names one sending of the questionnaire, for the activities that serve it.
type QuestionnaireRound struct {
	ApplicationID int64
	Round         int
	Due           time.Time
}

// OpeningMove tells an opening's workflow that one of its applications moved.
type OpeningMove struct {
	ApplicationID int64
	To            models.Stage
}

// Application takes one candidate's application through the pipeline: every move is checked by the "move"
// update's validator against models.ValidateMove, recorded with its actor and reason, and told to the
// opening. In the questionnaire stage it sends the signed link, reminds before the deadline, scores the
// answers (a knock-out rejects, or waits for the recruiter if the opening says so) and makes expiry an
// outcome the recruiter sees. It ends when the application closes.
func Application(ctx workflow.Context, in ApplicationInput) (ApplicationState, error) {
	a := &application{in: in, state: ApplicationState{Stage: models.StageApplied}}
	if err := a.setup(ctx); err != nil {
		return a.state, err
	}
	return a.run(ctx)
}

type application struct {
	in       ApplicationInput
	state    ApplicationState
	needSend bool
	// offerChanged wakes the offer's wait.
	offerChanged bool
	// signalling counts the signals to the opening not yet delivered.
	signalling int
}

// Questionnaire defaults.
const (
	DefaultQuestionnaireTTL       = 7 * 24 * time.Hour
	DefaultQuestionnaireReminder  = 24 * time.Hour
	minimumQuestionnaireRemaining = time.Hour
)

func (a *application) setup(ctx workflow.Context) error {
	if a.in.ApplicationID <= 0 || a.in.OpeningID <= 0 {
		return temporal.NewNonRetryableApplicationError("application and opening IDs are required", models.EINVALID, nil)
	}
	if a.in.QuestionnaireTTL <= 0 {
		a.in.QuestionnaireTTL = DefaultQuestionnaireTTL
	}
	if a.in.ReminderBefore <= 0 {
		a.in.ReminderBefore = DefaultQuestionnaireReminder
	}
	if a.in.ReminderBefore >= a.in.QuestionnaireTTL {
		a.in.ReminderBefore = a.in.QuestionnaireTTL / 2
	}
	if err := workflow.SetQueryHandler(ctx, QueryState, func() (ApplicationState, error) { return a.state, nil }); err != nil {
		return err
	}
	workflow.Go(ctx, a.waitForScorecards)
	if err := a.setupOffers(ctx); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, UpdateMove, a.move,
		workflow.UpdateHandlerOptions{Validator: a.validateMove}); err != nil {
		return err
	}
	if err := workflow.SetUpdateHandlerWithOptions(ctx, UpdateSubmitQuestionnaire, a.submit,
		workflow.UpdateHandlerOptions{Validator: a.validateSubmit}); err != nil {
		return err
	}
	return workflow.SetUpdateHandlerWithOptions(ctx, UpdateResendQuestionnaire, a.resend,
		workflow.UpdateHandlerOptions{Validator: a.validateResend})
}

func (a *application) run(ctx workflow.Context) (ApplicationState, error) {
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	if a.in.SendQuestionnaire {
		err := a.system(ctx, models.ApplicationMove{From: models.StageApplied, To: models.StageQuestionnaire,
			Reason: "The opening's questionnaire was sent on application."})
		if err != nil {
			return a.state, err
		}
	}
	for {
		if err := workflow.Await(ctx, func() bool { return (a.needSend && !a.state.Busy) || a.closed() }); err != nil {
			return a.state, err
		}
		if a.closed() {
			err := workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) && a.signalling == 0 })
			return a.state, err
		}
		a.needSend = false
		if err := a.questionnaire(ctx); err != nil {
			return a.state, err
		}
	}
}

func (a *application) closed() bool { return a.state.Stage.Closed() && !a.state.Busy }

// questionnaire sends one round of the questionnaire and waits for its answer, its reminder and its deadline.
func (a *application) questionnaire(ctx workflow.Context) error {
	if err := workflow.Await(ctx, func() bool { return !a.state.Busy }); err != nil {
		return err
	}
	if a.state.Stage != models.StageQuestionnaire {
		return nil // moved on before the questionnaire went out
	}
	a.state.QuestionnaireRounds++
	round := QuestionnaireRound{ApplicationID: a.in.ApplicationID, Round: a.state.QuestionnaireRounds,
		Due: workflow.Now(ctx).Add(a.in.QuestionnaireTTL).UTC().Truncate(time.Second)}
	var sent QuestionnaireSent
	err := a.guarded(ctx, func() error { return workflow.ExecuteActivity(ctx, ActivitySendQuestionnaire, round).Get(ctx, &sent) })
	if err != nil {
		return err
	}
	if sent.NoQuestionnaire {
		if a.state.Stage != models.StageQuestionnaire {
			return nil
		}
		return a.system(ctx, models.ApplicationMove{From: models.StageQuestionnaire, To: models.StageScreening,
			Reason: "The opening has no questionnaire."})
	}
	a.state.Questionnaire, a.state.QuestionnaireDue = models.QuestionnaireSent, round.Due
	over := func() bool {
		return a.state.Stage != models.StageQuestionnaire || a.state.Questionnaire != models.QuestionnaireSent || a.needSend
	}
	if ok, err := workflow.AwaitWithTimeout(ctx, a.in.QuestionnaireTTL-a.in.ReminderBefore, over); err != nil || ok {
		return err
	}
	err = a.guarded(ctx, func() error {
		if over() {
			return nil
		}
		return workflow.ExecuteActivity(ctx, ActivityRemindQuestionnaire, round).Get(ctx, nil)
	})
	if err != nil {
		return err
	}
	if ok, err := workflow.AwaitWithTimeout(ctx, round.Due.Sub(workflow.Now(ctx)), over); err != nil || ok {
		return err
	}
	// A submission or move being recorded at the deadline finishes first; it was accepted before the deadline.
	return a.guarded(ctx, func() error {
		if over() {
			return nil
		}
		if err := workflow.ExecuteActivity(ctx, ActivityExpireQuestionnaire, round).Get(ctx, nil); err != nil {
			return err
		}
		a.state.Questionnaire = models.QuestionnaireExpired
		return nil
	})
}

// guarded runs one of the workflow's own steps once no change is being recorded, holding changes off until
// it is done, so that a person's move and the step never interleave (no questionnaire sent after a
// rejection, no expiry recorded over a move).
func (a *application) guarded(ctx workflow.Context, step func() error) error {
	if err := workflow.Await(ctx, func() bool { return !a.state.Busy }); err != nil {
		return err
	}
	a.state.Busy = true
	defer func() { a.state.Busy = false }()
	return step()
}

// People's updates are checked twice: by the validator against the state as it is when they arrive (a
// refusal then leaves no trace in the history), and by the handler once any change being recorded has
// finished (it waits for that rather than refusing), against the state as it is then.

// settled runs a validator's check unless a change is being recorded. Then the state is about to move: the
// step's activity may already have written the database that the person acted on (the questionnaire sent,
// the candidate moved to screening, the offer sent) while the workflow has not yet taken in its result, and
// an update arriving in that moment would be refused against the state before it. The handler checks again
// once the change is done.
func (a *application) settled(check func() error) error {
	if a.state.Busy {
		return nil
	}
	return check()
}

func (a *application) validateMove(_ workflow.Context, req MoveRequest) error {
	return a.settled(func() error { return a.checkMove(req) })
}

// begin starts recording a person's change: it waits until no other change is being recorded, checks the
// request again against the state as it is then, and marks the change as being recorded until release.
func (a *application) begin(ctx workflow.Context, check func() error) (release func(), err error) {
	if err := a.idle(ctx); err != nil {
		return nil, err
	}
	if err := check(); err != nil {
		return nil, err
	}
	a.state.Busy = true
	return func() { a.state.Busy = false }, nil
}

// idle waits until no change is being recorded.
func (a *application) idle(ctx workflow.Context) error {
	return workflow.Await(ctx, func() bool { return !a.state.Busy })
}

func (a *application) checkMove(req MoveRequest) error {
	if req.ActorID <= 0 {
		return ToTemporal(models.Invalid(models.FieldError{Field: "actor", Message: "is required"}))
	}
	if err := models.CheckSeen(req.From, a.state.Stage); err != nil {
		return ToTemporal(err)
	}
	reason := req.Reason
	if reason == "" && req.ReasonID != 0 {
		reason = "(stored)" // the API checked the words before storing them
	}
	return ToTemporal(models.ValidateMove(models.Move{From: a.state.Stage, To: req.To, Reason: reason, ReasonCode: req.ReasonCode}, a.in.RejectionCodes))
}

func (a *application) move(ctx workflow.Context, req MoveRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkMove(req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	actor := req.ActorID
	err = a.record(ctx, models.ApplicationMove{From: a.state.Stage, To: req.To, ActorID: &actor, Reason: req.Reason, ReasonID: req.ReasonID,
		ReasonCode: req.ReasonCode})
	return a.state, err
}

// system makes a move of the workflow's own, holding off people's changes while it is recorded.
func (a *application) system(ctx workflow.Context, m models.ApplicationMove) error {
	if err := workflow.Await(ctx, func() bool { return !a.state.Busy }); err != nil {
		return err
	}
	m.From = a.state.Stage
	if err := models.ValidateMove(models.Move{From: a.state.Stage, To: m.To, Reason: m.Reason, ReasonCode: m.ReasonCode}, nil); err != nil {
		return nil // a person moved the application first
	}
	a.state.Busy = true
	defer func() { a.state.Busy = false }()
	return a.record(ctx, m)
}

// record writes a checked move, tells the opening, and starts what the new stage needs.
func (a *application) record(ctx workflow.Context, m models.ApplicationMove) error {
	m.ApplicationID = a.in.ApplicationID
	m.Key = fmt.Sprintf("move-%d-%s", a.state.Moves+1, m.To)
	if err := step(ctx, ActivityRecordApplicationMove, m).Get(ctx, nil); err != nil {
		return err
	}
	a.state.Moves++
	a.state.Stage = m.To
	a.state.KnockOutPending = false
	// An application that closes takes its live offer with it.
	if o := a.state.Offer; o != nil && o.Status.Live() && m.To.Closed() && m.To != models.StageHired {
		reason := "The application closed: " + m.Reason
		if m.Reason == "" {
			reason = "The application closed."
		}
		if err := a.offerOutcome(ctx, OfferOutcome{Status: models.OfferWithdrawn, Reason: reason}); err != nil {
			return err
		}
	}
	if m.To == models.StageQuestionnaire && a.state.Questionnaire == models.QuestionnaireNone {
		a.needSend = true
	}
	// The opening keeps its slate and seats from the moves that change them (from openingMovesChange on, only
	// those: every opening's candidates were signalling one workflow at each step, a queue that held up their
	// moves); an opening whose workflow has ended has nothing left to keep.
	if workflow.GetVersion(ctx, openingMovesChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion || openingTracks(m.To) {
		a.tellOpening(ctx, m.To)
	}
	return nil
}

// tellOpening signals the opening's workflow that the application moved to stage. From openingSignalChange on,
// the person's update does not wait for the delivery (a workflow task more, under every shortlist and hire);
// the workflow does not end before every signal it sent is delivered.
func (a *application) tellOpening(ctx workflow.Context, stage models.Stage) {
	f := workflow.SignalExternalWorkflow(ctx, OpeningWorkflowID(a.in.OpeningID), "", SignalApplicationMoved,
		OpeningMove{ApplicationID: a.in.ApplicationID, To: stage})
	delivered := func(ctx workflow.Context) {
		if err := f.Get(ctx, nil); err != nil {
			workflow.GetLogger(ctx).Warn("opening not told of a move", "opening_id", a.in.OpeningID, "error", err)
		}
	}
	if workflow.GetVersion(ctx, openingSignalChange, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		delivered(ctx)
		return
	}
	a.signalling++
	workflow.Go(ctx, func(ctx workflow.Context) {
		defer func() { a.signalling-- }()
		delivered(ctx)
	})
}

func (a *application) validateSubmit(ctx workflow.Context, req SubmitQuestionnaireRequest) error {
	return a.settled(func() error { return a.checkSubmit(ctx, req) })
}

func (a *application) checkSubmit(ctx workflow.Context, req SubmitQuestionnaireRequest) error {
	switch {
	case a.state.Questionnaire == models.QuestionnaireSubmitted:
		return ToTemporal(models.Errorf(models.ECONFLICT, "This questionnaire was already submitted; it takes one submission only."))
	case a.state.Stage != models.StageQuestionnaire:
		return ToTemporal(models.Errorf(models.ECONFLICT, "This application no longer takes a questionnaire."))
	case a.state.Questionnaire == models.QuestionnaireExpired || !workflow.Now(ctx).Before(a.state.QuestionnaireDue):
		return ToTemporal(models.Errorf(models.ECONFLICT, "The time to answer this questionnaire has run out."))
	case a.state.Questionnaire != models.QuestionnaireSent:
		return ToTemporal(models.Errorf(models.ECONFLICT, "This questionnaire is not open."))
	case len(req.Answers) == 0 && req.AnswersID == 0:
		return ToTemporal(models.Invalid(models.FieldError{Field: "answers", Message: "are required"}))
	}
	return nil
}

func (a *application) submit(ctx workflow.Context, req SubmitQuestionnaireRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkSubmit(ctx, req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	var score models.Score
	err = step(ctx, ActivityScoreQuestionnaire, a.in.ApplicationID, req).Get(ctx, &score)
	if err != nil {
		return a.state, err
	}
	a.state.Questionnaire, a.state.Score = models.QuestionnaireSubmitted, &score
	// What follows is the workflow's own doing; it must happen even if the database hiccups for a while.
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	var outcome QuestionnaireOutcome
	if err := step(ctx, ActivityQuestionnaireOutcome, a.in.ApplicationID, score).Get(ctx, &outcome); err != nil {
		return a.state, err
	}
	switch {
	case outcome.Reject:
		err = a.record(ctx, models.ApplicationMove{From: a.state.Stage, To: models.StageRejected, ReasonCode: "knocked_out",
			Reason: "A knock-out answer in the questionnaire."})
	case outcome.WaitForRecruiter:
		a.state.KnockOutPending = true
	case outcome.Advance:
		err = a.record(ctx, models.ApplicationMove{From: a.state.Stage, To: models.StageScreening,
			Reason: fmt.Sprintf("Questionnaire passed with %.0f%%.", score.Percent)})
	}
	return a.state, err
}

// QuestionnaireSent is what sending a questionnaire did: nothing, when the opening has none.
type QuestionnaireSent struct{ NoQuestionnaire bool }

// QuestionnaireOutcome is what a scored questionnaire leads to, by the opening's settings.
type QuestionnaireOutcome struct {
	// Reject at once (a knock-out, and the opening does not ask for confirmation).
	Reject bool
	// WaitForRecruiter to confirm a knock-out's rejection.
	WaitForRecruiter bool
	// Advance to screening (passed).
	Advance bool
}

func (a *application) validateResend(_ workflow.Context, req ResendQuestionnaireRequest) error {
	return a.settled(func() error { return a.checkResend(req) })
}

func (a *application) checkResend(req ResendQuestionnaireRequest) error {
	switch {
	case req.ActorID <= 0:
		return ToTemporal(models.Invalid(models.FieldError{Field: "actor", Message: "is required"}))
	case a.state.Stage != models.StageQuestionnaire:
		return ToTemporal(models.Errorf(models.ECONFLICT, "Only an application at the questionnaire stage can be sent the questionnaire."))
	case a.state.Questionnaire == models.QuestionnaireSubmitted:
		return ToTemporal(models.Errorf(models.ECONFLICT, "The candidate has already answered the questionnaire."))
	}
	return nil
}

func (a *application) resend(ctx workflow.Context, req ResendQuestionnaireRequest) (ApplicationState, error) {
	if err := a.idle(ctx); err != nil {
		return a.state, err
	}
	if err := a.checkResend(req); err != nil {
		return a.state, err
	}
	a.needSend = true
	a.state.Questionnaire = models.QuestionnaireNone
	return a.state, nil
}

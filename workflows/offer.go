package workflows

import (
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// OfferTermsArg is an offer's terms as the API checked them: the draft, the terms outside the opening's pay
// limits, who approves and how many approvals it needs.
type OfferTermsArg struct {
	TemplateID  *int64
	Plan        models.PayPlan
	StartDate   time.Time
	ExpiresDays int
	Breaches    []models.FieldError
	ApproverIDs []int64
	Needed      int
}

// ProposeOfferRequest drafts an offer, as the "propose_offer" update.
type ProposeOfferRequest struct {
	ActorID int64
	Terms   OfferTermsArg
}

// ReviseOfferRequest replaces a live offer's terms, as the "revise_offer" update: every approval is voided.
type ReviseOfferRequest struct {
	ActorID int64
	Terms   OfferTermsArg
}

// DecideOfferRequest is an approver's decision on the version they read, as the "decide_offer" update.
type DecideOfferRequest struct {
	ActorID  int64
	Version  int
	Decision string
	Comment  string
}

// WithdrawOfferRequest withdraws a live offer, as the "withdraw_offer" update.
type WithdrawOfferRequest struct {
	ActorID int64
	Reason  string
}

// AnswerOfferRequest is the candidate's answer to the version they read, as the "answer_offer" update.
type AnswerOfferRequest struct {
	Version  int
	Decision string // accept or decline
	Reason   string
}

// OfferState is what the workflow knows of the application's current offer.
type OfferState struct {
	OfferID     int64
	Version     int
	Status      models.OfferStatus
	Seat        string
	AuthorID    int64
	ApproverIDs []int64
	Needed      int
	ExpiresDays int
	Decisions   []models.OfferApproval
	ProposedAt  time.Time
	ExpiresAt   time.Time
	Reminded    bool
	Escalated   bool
}

// OfferStep names an offer's version for the activities that serve it.
type OfferStep struct {
	ApplicationID int64
	OfferID       int64
	Version       int
}

// OfferDecisionRecord asks the activities to record an approver's decision.
type OfferDecisionRecord struct {
	OfferStep
	Approval models.OfferApproval
}

// OfferOutcome asks the activities to record where an offer ended up.
type OfferOutcome struct {
	OfferStep
	Status    models.OfferStatus
	Reason    string
	ExpiresAt time.Time
	Seat      string
}

// NewOffer asks the activities to store a new offer.
type NewOffer struct {
	ApplicationID int64
	OpeningID     int64
	AuthorID      int64
	Terms         OfferTermsArg
}

// SeatClaim asks an opening's workflow for a seat for an accepted offer (the "claim_seat" update).
type SeatClaim struct{ ApplicationID int64 }

// SeatResult is the opening's answer: a seat, or none left.
type SeatResult struct{ Filled bool }

// Offer defaults: when silent approvers are reminded and the admins told.
const (
	DefaultOfferReminderAfter = 48 * time.Hour
	DefaultOfferEscalateAfter = 120 * time.Hour
)

func (a *application) setupOffers(ctx workflow.Context) error {
	for _, h := range []struct {
		name               string
		handler, validator any
	}{
		{UpdateProposeOffer, a.proposeOffer, a.validateProposeOffer},
		{UpdateReviseOffer, a.reviseOffer, a.validateReviseOffer},
		{UpdateDecideOffer, a.decideOffer, a.validateDecideOffer},
		{UpdateWithdrawOffer, a.withdrawOffer, a.validateWithdrawOffer},
		{UpdateAnswerOffer, a.answerOffer, a.validateAnswerOffer},
	} {
		if err := workflow.SetUpdateHandlerWithOptions(ctx, h.name, h.handler, workflow.UpdateHandlerOptions{Validator: h.validator}); err != nil {
			return err
		}
	}
	workflow.Go(ctx, a.waitForOffer)
	return nil
}

func (a *application) checkPropose(req ProposeOfferRequest) error {
	switch {
	case req.ActorID <= 0:
		return ToTemporal(models.Invalid(models.FieldError{Field: "actor", Message: "is required"}))
	case a.state.Stage != models.StageSecondInterview && a.state.Stage != models.StageOffer:
		return ToTemporal(models.Errorf(models.ECONFLICT, "An offer follows the second or group interview; this application is at %s.", a.state.Stage.Words()))
	case a.state.Offer != nil && a.state.Offer.Status.Live():
		return ToTemporal(models.Errorf(models.ECONFLICT, "This application already has a live offer; change its terms instead."))
	case a.state.Offer != nil && a.state.Offer.Status == models.OfferAccepted:
		return ToTemporal(models.Errorf(models.ECONFLICT, "The candidate has accepted an offer already."))
	case len(req.Terms.ApproverIDs) == 0:
		return ToTemporal(models.Errorf(models.ECONFLICT, "The opening has no one to approve its offers: name a department head."))
	}
	return nil
}

func (a *application) validateProposeOffer(_ workflow.Context, req ProposeOfferRequest) error {
	return a.settled(func() error { return a.checkPropose(req) })
}

func (a *application) proposeOffer(ctx workflow.Context, req ProposeOfferRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkPropose(req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	var id int64
	err = step(ctx, ActivityCreateOffer, NewOffer{ApplicationID: a.in.ApplicationID, OpeningID: a.in.OpeningID,
		AuthorID: req.ActorID, Terms: req.Terms}).Get(ctx, &id)
	if err != nil {
		return a.state, err
	}
	a.state.Offer = &OfferState{OfferID: id, Version: 1, Status: models.OfferPendingApproval, AuthorID: req.ActorID, ApproverIDs: req.Terms.ApproverIDs,
		Needed: req.Terms.Needed, ExpiresDays: req.Terms.ExpiresDays, ProposedAt: workflow.Now(ctx), Decisions: []models.OfferApproval{}}
	a.offerChanged = true
	// What follows is the workflow's own doing: the offer stands, so the stage and the approvers must follow.
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	if a.state.Stage == models.StageSecondInterview {
		actor := req.ActorID
		if err := a.record(ctx, models.ApplicationMove{From: a.state.Stage, To: models.StageOffer, ActorID: &actor,
			Reason: "Offer drafted; it waits for approval."}); err != nil {
			return a.state, err
		}
	}
	return a.state, step(ctx, ActivityOfferProposed, a.offerStep()).Get(ctx, nil)
}

func (a *application) offerStep() OfferStep {
	return OfferStep{ApplicationID: a.in.ApplicationID, OfferID: a.state.Offer.OfferID, Version: a.state.Offer.Version}
}

func (a *application) checkRevise(req ReviseOfferRequest) error {
	switch {
	case req.ActorID <= 0:
		return ToTemporal(models.Invalid(models.FieldError{Field: "actor", Message: "is required"}))
	case a.state.Offer == nil:
		return ToTemporal(models.Errorf(models.ENOTFOUND, "This application has no offer."))
	case !a.state.Offer.Status.Revisable():
		return ToTemporal(models.Errorf(models.ECONFLICT, "The offer is %s; its terms can no longer change.", a.state.Offer.Status))
	case len(req.Terms.ApproverIDs) == 0:
		return ToTemporal(models.Errorf(models.ECONFLICT, "The opening has no one to approve its offers: name a department head."))
	}
	return nil
}

func (a *application) validateReviseOffer(_ workflow.Context, req ReviseOfferRequest) error {
	return a.settled(func() error { return a.checkRevise(req) })
}

func (a *application) reviseOffer(ctx workflow.Context, req ReviseOfferRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkRevise(req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	o := a.state.Offer
	next := OfferStep{ApplicationID: a.in.ApplicationID, OfferID: o.OfferID, Version: o.Version + 1}
	if err := step(ctx, ActivityReviseOffer, next, req).Get(ctx, nil); err != nil {
		return a.state, err
	}
	o.Version, o.Status, o.AuthorID, o.ApproverIDs, o.Needed = next.Version, models.OfferPendingApproval, req.ActorID, req.Terms.ApproverIDs, req.Terms.Needed
	o.ExpiresDays, o.ProposedAt, o.ExpiresAt, o.Reminded, o.Escalated = req.Terms.ExpiresDays, workflow.Now(ctx), time.Time{}, false, false
	a.offerChanged = true
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	return a.state, step(ctx, ActivityOfferProposed, a.offerStep()).Get(ctx, nil)
}

func (a *application) checkDecide(req DecideOfferRequest) error {
	o := a.state.Offer
	if o == nil {
		return ToTemporal(models.Errorf(models.ENOTFOUND, "This application has no offer."))
	}
	return ToTemporal(models.CheckOfferDecision(o.Status, o.Version, req.Version, o.ApproverIDs, o.AuthorID, req.ActorID, o.Decisions, req.Decision, req.Comment))
}

func (a *application) validateDecideOffer(_ workflow.Context, req DecideOfferRequest) error {
	return a.settled(func() error { return a.checkDecide(req) })
}

func (a *application) decideOffer(ctx workflow.Context, req DecideOfferRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkDecide(req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	o := a.state.Offer
	d := models.OfferApproval{ApproverID: req.ActorID, Version: o.Version, Decision: req.Decision, Comment: req.Comment, At: workflow.Now(ctx)}
	if err := step(ctx, ActivityRecordOfferDecision, OfferDecisionRecord{OfferStep: a.offerStep(), Approval: d}).Get(ctx, nil); err != nil {
		return a.state, err
	}
	o.Decisions = append(o.Decisions, d)
	approved, rejected := models.Tally(o.Version, o.Needed, o.Decisions)
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	switch {
	case rejected:
		err := a.offerOutcome(ctx, OfferOutcome{Status: models.OfferRejected, Reason: req.Comment})
		return a.state, err
	case approved:
		expires := workflow.Now(ctx).Add(time.Duration(o.ExpiresDays) * 24 * time.Hour).UTC().Truncate(time.Second)
		if err := a.offerOutcome(ctx, OfferOutcome{Status: models.OfferSent, ExpiresAt: expires}); err != nil {
			return a.state, err
		}
		o.ExpiresAt = expires
	}
	return a.state, nil
}

// offerOutcome records where the offer stands now (the activity e-mails whoever must hear of it).
func (a *application) offerOutcome(ctx workflow.Context, out OfferOutcome) error {
	out.OfferStep = a.offerStep()
	if err := step(ctx, ActivityOfferOutcome, out).Get(ctx, nil); err != nil {
		return err
	}
	a.state.Offer.Status, a.state.Offer.Seat = out.Status, out.Seat
	a.offerChanged = true
	return nil
}

func (a *application) checkWithdraw(req WithdrawOfferRequest) error {
	switch {
	case req.ActorID <= 0:
		return ToTemporal(models.Invalid(models.FieldError{Field: "actor", Message: "is required"}))
	case a.state.Offer == nil:
		return ToTemporal(models.Errorf(models.ENOTFOUND, "This application has no offer."))
	case !a.state.Offer.Status.Revisable():
		return ToTemporal(models.Errorf(models.ECONFLICT, "The offer is %s; it can no longer be withdrawn.", a.state.Offer.Status))
	}
	return nil
}

func (a *application) validateWithdrawOffer(_ workflow.Context, req WithdrawOfferRequest) error {
	return a.settled(func() error { return a.checkWithdraw(req) })
}

func (a *application) withdrawOffer(ctx workflow.Context, req WithdrawOfferRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkWithdraw(req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	return a.state, a.offerOutcome(ctx, OfferOutcome{Status: models.OfferWithdrawn, Reason: req.Reason})
}

func (a *application) checkAnswer(ctx workflow.Context, req AnswerOfferRequest) error {
	o := a.state.Offer
	switch {
	case o == nil:
		return ToTemporal(models.Errorf(models.ENOTFOUND, "There is no offer to answer."))
	case o.Status == models.OfferAccepted || o.Status == models.OfferDeclined:
		return ToTemporal(models.Errorf(models.ECONFLICT, "You have already answered this offer. Thank you; there is nothing more to do."))
	case o.Status == models.OfferExpired || (o.Status == models.OfferSent && !workflow.Now(ctx).Before(o.ExpiresAt)):
		return ToTemporal(models.Errorf(models.ECONFLICT, "This offer has expired."))
	case o.Status != models.OfferSent:
		return ToTemporal(models.Errorf(models.ECONFLICT, "This offer is not open for an answer; the hiring team will be in touch."))
	case req.Version != o.Version:
		return ToTemporal(models.Errorf(models.ECONFLICT, "The offer has changed since you opened it; please read it again."))
	case req.Decision != "accept" && req.Decision != "decline":
		return ToTemporal(models.Invalid(models.FieldError{Field: "decision", Message: "must be accept or decline"}))
	case len(req.Reason) > 4000:
		return ToTemporal(models.Invalid(models.FieldError{Field: "reason", Message: "must be at most 4000 characters"}))
	}
	return nil
}

func (a *application) validateAnswerOffer(ctx workflow.Context, req AnswerOfferRequest) error {
	return a.settled(func() error { return a.checkAnswer(ctx, req) })
}

// answerOffer records the candidate's answer. A decline ends the application. An acceptance asks the
// opening for a seat: with one, the candidate is hired (an employee and their workflow); without, the answer
// stands and the recruiter is told to resolve it.
func (a *application) answerOffer(ctx workflow.Context, req AnswerOfferRequest) (ApplicationState, error) {
	release, err := a.begin(ctx, func() error { return a.checkAnswer(ctx, req) })
	if err != nil {
		return a.state, err
	}
	defer release()
	ctx = workflow.WithActivityOptions(ctx, handlerActivityOptions)
	if req.Decision == "decline" {
		if err := a.offerOutcome(ctx, OfferOutcome{Status: models.OfferDeclined, Reason: req.Reason}); err != nil {
			return a.state, err
		}
		ctx = workflow.WithActivityOptions(ctx, activityOptions)
		reason := "Declined the offer."
		if req.Reason != "" {
			reason = "Declined the offer: " + req.Reason
		}
		return a.state, a.record(ctx, models.ApplicationMove{From: a.state.Stage, To: models.StageWithdrawn, Reason: reason})
	}
	var seat SeatResult
	// The claim is idempotent; once asked it must be answered, or a seat could be taken without a hire.
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	if err := step(ctx, ActivityClaimSeat, a.in.OpeningID, SeatClaim{ApplicationID: a.in.ApplicationID}).Get(ctx, &seat); err != nil {
		return a.state, err
	}
	out := OfferOutcome{Status: models.OfferAccepted, Seat: models.SeatUnavailable}
	if seat.Filled {
		out.Seat = models.SeatFilled
	}
	// The seat is taken (or known to be gone): what follows must happen, however long the database is down.
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	if err := a.offerOutcome(ctx, out); err != nil {
		return a.state, err
	}
	if !seat.Filled {
		return a.state, nil
	}
	if err := step(ctx, ActivityHire, a.offerStep()).Get(ctx, nil); err != nil {
		return a.state, err
	}
	return a.state, a.record(ctx, models.ApplicationMove{From: a.state.Stage, To: models.StageHired, Reason: "Accepted the offer."})
}

func (a *application) offerReminderAfter() time.Duration {
	if a.in.OfferReminderAfter > 0 {
		return a.in.OfferReminderAfter
	}
	return DefaultOfferReminderAfter
}

func (a *application) offerEscalateAfter() time.Duration {
	if a.in.OfferEscalateAfter > a.offerReminderAfter() {
		return a.in.OfferEscalateAfter
	}
	return max(DefaultOfferEscalateAfter, 2*a.offerReminderAfter())
}

// waitForOffer runs beside the main loop: it reminds silent approvers and tells the admins when they stay
// silent, and makes an unanswered offer expire at its deadline.
func (a *application) waitForOffer(ctx workflow.Context) {
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	for {
		next, ok := a.nextOfferDeadline()
		a.offerChanged = false
		if ok {
			if _, err := workflow.AwaitWithTimeout(ctx, max(next.Sub(workflow.Now(ctx)), time.Second), func() bool { return a.offerChanged }); err != nil {
				return
			}
		} else if err := workflow.Await(ctx, func() bool { return a.offerChanged }); err != nil {
			return
		}
		err := a.guarded(ctx, func() error { return a.offerStepDue(ctx) })
		if err != nil {
			workflow.GetLogger(ctx).Error("offer wait", "application_id", a.in.ApplicationID, "error", err)
			if o := a.state.Offer; o != nil {
				o.Reminded, o.Escalated = true, true
			}
		}
	}
}

func (a *application) nextOfferDeadline() (time.Time, bool) {
	o := a.state.Offer
	if o == nil {
		return time.Time{}, false
	}
	switch {
	case o.Status == models.OfferSent:
		return o.ExpiresAt, true
	case o.Status == models.OfferPendingApproval && !o.Reminded:
		return o.ProposedAt.Add(a.offerReminderAfter()), true
	case o.Status == models.OfferPendingApproval && !o.Escalated:
		return o.ProposedAt.Add(a.offerEscalateAfter()), true
	}
	return time.Time{}, false
}

func (a *application) offerStepDue(ctx workflow.Context) error {
	o := a.state.Offer
	if o == nil {
		return nil
	}
	now := workflow.Now(ctx)
	switch {
	case o.Status == models.OfferSent && !now.Before(o.ExpiresAt):
		return a.offerOutcome(ctx, OfferOutcome{Status: models.OfferExpired})
	case o.Status == models.OfferPendingApproval && !o.Reminded && !now.Before(o.ProposedAt.Add(a.offerReminderAfter())):
		if err := workflow.ExecuteActivity(ctx, ActivityRemindOfferApprovers, a.offerStep(), false).Get(ctx, nil); err != nil {
			return err
		}
		o.Reminded = true
	case o.Status == models.OfferPendingApproval && !o.Escalated && !now.Before(o.ProposedAt.Add(a.offerEscalateAfter())):
		if err := workflow.ExecuteActivity(ctx, ActivityRemindOfferApprovers, a.offerStep(), true).Get(ctx, nil); err != nil {
			return err
		}
		o.Reminded, o.Escalated = true, true
	}
	return nil
}

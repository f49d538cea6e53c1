package activities

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Notification kinds of the pipeline; each one's params name the application or opening.
const (
	noticeQuestionnaireExpired = "questionnaire_expired"
	noticeKnockOutPending      = "knock_out_pending"
	noticeBelowPassMark        = "below_pass_mark"
	noticeSlateReady           = "slate_ready"
	noticeOpeningFilled        = "opening_filled"
	noticeImportFinished       = "import_finished"
)

func applicationLink(id int64) string { return fmt.Sprintf("/applications/%d", id) }
func openingLink(id int64) string     { return fmt.Sprintf("/openings/%d", id) }

// QuestionnaireLink is the public address of a questionnaire link's page.
func QuestionnaireLink(baseURL, token string) string {
	return strings.TrimRight(baseURL, "/") + "/q/" + token
}

// load returns an application with its candidate and opening.
func (a *Activities) load(ctx context.Context, applicationID int64) (*models.Application, *models.Opening, error) {
	app, err := a.DB.Application(ctx, applicationID)
	if err != nil {
		return nil, nil, refusal(err)
	}
	o, err := a.DB.Opening(ctx, app.OpeningID)
	if err != nil {
		return nil, nil, refusal(err)
	}
	return app, o, nil
}

// hiringTeam returns who hears of an application's turns: the opening's recruiter, or every recruiter when
// the opening has none.
func (a *Activities) hiringTeam(ctx context.Context, o *models.Opening) ([]int64, error) {
	if o.RecruiterID != nil {
		return []int64{*o.RecruiterID}, nil
	}
	rs, err := a.DB.ActiveUsersWithRole(ctx, models.RoleRecruiter)
	if err != nil {
		return nil, err
	}
	return userIDs(rs), nil
}

func appParams(app *models.Application, o *models.Opening) map[string]any {
	p := map[string]any{"application_id": app.ID, "opening_id": o.ID, "opening_title": o.Title}
	if app.Candidate != nil {
		p["candidate_name"] = app.Candidate.Name
	}
	return p
}

// RecordApplicationMove writes a move the workflow accepted, and sends a rejected candidate the respectful
// rejection e-mail in their language.
func (a *Activities) RecordApplicationMove(ctx context.Context, m models.ApplicationMove) error {
	if m.Reason == "" && m.ReasonID != 0 {
		text, err := a.DB.PrivateText(ctx, m.ApplicationID, m.ReasonID, store.TextMoveReason)
		if err != nil && models.ErrorCode(err) != models.ENOTFOUND { // not found: anonymised since, the words gone
			return err
		}
		m.Reason = text
	}
	if err := a.DB.RecordMove(ctx, m); err != nil {
		return refusal(err)
	}
	if m.To != models.StageRejected && m.To != models.StageWithdrawn {
		return nil
	}
	app, o, err := a.load(ctx, m.ApplicationID)
	if err != nil {
		return err
	}
	if err := a.startRetention(ctx, app.CandidateID); err != nil {
		return err
	}
	if m.To == models.StageWithdrawn {
		return nil
	}
	kind := mailRejection
	if m.ReasonCode == "position_filled" {
		kind = mailFilled
	}
	key := fmt.Sprintf("application-%d-rejection", app.ID)
	if err := a.emailCandidate(ctx, key, kind, app.Candidate, o, "", time.Time{}); err != nil {
		return err
	}
	return a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventEmailed,
		Data: map[string]any{"template": kind}}, "emailed-rejection")
}

// SendQuestionnaire sends one round of the opening's questionnaire: a signed link, single-purpose and
// expiring at the round's deadline. An opening without a questionnaire sends nothing and says so.
func (a *Activities) SendQuestionnaire(ctx context.Context, r workflows.QuestionnaireRound) (workflows.QuestionnaireSent, error) {
	app, o, err := a.load(ctx, r.ApplicationID)
	if err != nil {
		return workflows.QuestionnaireSent{}, err
	}
	if o.Questionnaire == nil {
		return workflows.QuestionnaireSent{NoQuestionnaire: true}, nil
	}
	token, err := models.SignLink(a.LinkSecret, models.LinkQuestionnaire, app.ID, r.Due)
	if err != nil {
		return workflows.QuestionnaireSent{}, refusal(err)
	}
	if err := a.DB.SetQuestionnaire(ctx, app.ID, models.QuestionnaireSent, &r.Due); err != nil {
		return workflows.QuestionnaireSent{}, err
	}
	key := fmt.Sprintf("application-%d-questionnaire-%d", app.ID, r.Round)
	if err := a.emailCandidate(ctx, key, mailQuestionnaire, app.Candidate, o, QuestionnaireLink(a.BaseURL, token), r.Due); err != nil {
		return workflows.QuestionnaireSent{}, err
	}
	return workflows.QuestionnaireSent{}, a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID,
		Kind: models.AppEventQuestionnaireSent, Data: map[string]any{"round": r.Round, "due": r.Due}}, fmt.Sprintf("questionnaire-sent-%d", r.Round))
}

// RemindQuestionnaire reminds the candidate before the deadline, with the same link.
func (a *Activities) RemindQuestionnaire(ctx context.Context, r workflows.QuestionnaireRound) error {
	app, o, err := a.load(ctx, r.ApplicationID)
	if err != nil {
		return err
	}
	if app.QuestionnaireStatus != models.QuestionnaireSent {
		return nil
	}
	token, err := models.SignLink(a.LinkSecret, models.LinkQuestionnaire, app.ID, r.Due)
	if err != nil {
		return refusal(err)
	}
	key := fmt.Sprintf("application-%d-questionnaire-%d-reminder", app.ID, r.Round)
	if err := a.emailCandidate(ctx, key, mailReminder, app.Candidate, o, QuestionnaireLink(a.BaseURL, token), r.Due); err != nil {
		return err
	}
	return a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventQuestionnaireReminded,
		Data: map[string]any{"round": r.Round}}, fmt.Sprintf("questionnaire-reminded-%d", r.Round))
}

// ExpireQuestionnaire records that the deadline passed unanswered and tells the recruiter, who decides what
// follows (send it again or reject).
func (a *Activities) ExpireQuestionnaire(ctx context.Context, r workflows.QuestionnaireRound) error {
	app, o, err := a.load(ctx, r.ApplicationID)
	if err != nil {
		return err
	}
	if err := a.DB.SetQuestionnaire(ctx, app.ID, models.QuestionnaireExpired, nil); err != nil {
		return err
	}
	if err := a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventQuestionnaireExpired,
		Data: map[string]any{"round": r.Round}}, fmt.Sprintf("questionnaire-expired-%d", r.Round)); err != nil {
		return err
	}
	team, err := a.hiringTeam(ctx, o)
	if err != nil {
		return err
	}
	return a.DB.Notify(ctx, team, store.Notice{Kind: noticeQuestionnaireExpired, Link: applicationLink(app.ID), Params: appParams(app, o),
		Message: fmt.Sprintf("%s did not answer the questionnaire for %q in time.", app.Candidate.Name, o.Title)},
		fmt.Sprintf("application-%d-expired-%d", app.ID, r.Round))
}

// ScoreQuestionnaire checks and scores a candidate's answers against the opening's questionnaire and stores
// them with the questionnaire as it stood. Bad answers are refused (EINVALID) and change nothing.
func (a *Activities) ScoreQuestionnaire(ctx context.Context, applicationID int64, req workflows.SubmitQuestionnaireRequest) (models.Score, error) {
	app, o, err := a.load(ctx, applicationID)
	if err != nil {
		return models.Score{}, err
	}
	if o.Questionnaire == nil {
		return models.Score{}, refusal(models.Errorf(models.ECONFLICT, "This opening has no questionnaire."))
	}
	if len(req.Answers) == 0 && req.AnswersID != 0 {
		body, err := a.DB.PrivateText(ctx, app.ID, req.AnswersID, store.TextAnswers)
		if err != nil {
			return models.Score{}, refusal(err)
		}
		if err := json.Unmarshal([]byte(body), &req.Answers); err != nil {
			return models.Score{}, refusal(models.Errorf(models.EINVALID, "The stored answers cannot be read: %v", err))
		}
	}
	score, err := o.Questionnaire.Score(req.Answers)
	if err != nil {
		return models.Score{}, refusal(err)
	}
	err = a.DB.SaveResponse(ctx, store.QuestionnaireResponse{ApplicationID: app.ID, Questionnaire: *o.Questionnaire,
		Answers: req.Answers, Score: score, Locale: req.Locale, SubmittedAt: req.SubmittedAt.UTC()})
	if err != nil {
		return models.Score{}, refusal(err)
	}
	err = a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventQuestionnaireDone,
		Data: map[string]any{"percent": score.Percent, "passed": score.Passed, "knocked_out": score.KnockedOut}}, "questionnaire-submitted")
	if err != nil {
		return models.Score{}, err
	}
	key := fmt.Sprintf("application-%d-questionnaire", app.ID)
	return score, a.DB.Audit(ctx, store.AuditEntry{Action: "application.questionnaire_submitted", ObjectType: "application",
		ObjectID: app.ID, Summary: fmt.Sprintf("Questionnaire submitted: %.0f%%", score.Percent),
		After: map[string]any{"percent": score.Percent, "passed": score.Passed, "knocked_out": score.KnockedOut}, DedupeKey: &key})
}

// QuestionnaireOutcome decides what a scored questionnaire leads to, by the opening's settings: a pass goes
// to screening, a knock-out is rejected (or waits for the recruiter's confirmation), a score below the pass
// mark waits for the recruiter to decide.
func (a *Activities) QuestionnaireOutcome(ctx context.Context, applicationID int64, score models.Score) (workflows.QuestionnaireOutcome, error) {
	app, o, err := a.load(ctx, applicationID)
	if err != nil {
		return workflows.QuestionnaireOutcome{}, err
	}
	switch {
	case score.KnockedOut && !o.ConfirmKnockOuts:
		return workflows.QuestionnaireOutcome{Reject: true}, nil
	case score.Passed:
		return workflows.QuestionnaireOutcome{Advance: true}, nil
	}
	kind, msg := noticeBelowPassMark, fmt.Sprintf("%s scored %.0f%% on the questionnaire for %q, below the pass mark; decide on the application.", app.Candidate.Name, score.Percent, o.Title)
	out := workflows.QuestionnaireOutcome{}
	if score.KnockedOut {
		kind, msg = noticeKnockOutPending, fmt.Sprintf("%s gave a knock-out answer for %q; confirm the rejection.", app.Candidate.Name, o.Title)
		out.WaitForRecruiter = true
		if err := a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventKnockOutPending,
			Data: map[string]any{"knock_outs": score.KnockOuts}}, "knock-out-pending"); err != nil {
			return out, err
		}
	}
	team, err := a.hiringTeam(ctx, o)
	if err != nil {
		return out, err
	}
	params := appParams(app, o)
	params["percent"] = score.Percent
	return out, a.DB.Notify(ctx, team, store.Notice{Kind: kind, Link: applicationLink(app.ID), Params: params, Message: msg},
		fmt.Sprintf("application-%d-%s", app.ID, kind))
}

// OpeningSlateReady tells the hiring team and the department heads that the slate is full.
func (a *Activities) OpeningSlateReady(ctx context.Context, openingID int64, slate []int64) error {
	o, err := a.DB.Opening(ctx, openingID)
	if err != nil {
		return refusal(err)
	}
	team, err := a.hiringTeam(ctx, o)
	if err != nil {
		return err
	}
	heads, err := a.DB.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
	if err != nil {
		return err
	}
	return a.DB.Notify(ctx, dedupe(append(team, userIDs(heads)...)), store.Notice{Kind: noticeSlateReady, Link: openingLink(o.ID),
		Params:  map[string]any{"opening_id": o.ID, "opening_title": o.Title, "slate": len(slate)},
		Message: fmt.Sprintf("The slate of %q is full: %d candidates are shortlisted.", o.Title, len(slate))}, fmt.Sprintf("opening-%d-slate", o.ID))
}

// CloseOpening closes an opening whose seats are all filled.
func (a *Activities) CloseOpening(ctx context.Context, openingID int64) error {
	if err := a.DB.SetOpeningStatus(ctx, openingID, models.OpeningOpen, models.OpeningClosed); err != nil {
		return refusal(err)
	}
	o, err := a.DB.Opening(ctx, openingID)
	if err != nil {
		return refusal(err)
	}
	key := fmt.Sprintf("opening-%d-filled", o.ID)
	if err := a.DB.Audit(ctx, store.AuditEntry{Action: "opening.filled", ObjectType: "opening", ObjectID: o.ID,
		Summary: fmt.Sprintf("All %d seats of %q are filled", o.Seats, o.Title), Before: map[string]any{"status": "open"},
		After: map[string]any{"status": "closed"}, DedupeKey: &key}); err != nil {
		return err
	}
	team, err := a.hiringTeam(ctx, o)
	if err != nil {
		return err
	}
	if err := a.DB.Notify(ctx, team, store.Notice{Kind: noticeOpeningFilled, Link: openingLink(o.ID),
		Params: map[string]any{"opening_id": o.ID, "opening_title": o.Title}, Message: fmt.Sprintf("%q is filled and closed.", o.Title)}, key); err != nil {
		return err
	}
	return a.closeRemaining(ctx, o, team)
}

// closeRemaining ends every application still open on a filled opening: each is rejected as "position
// filled", which sends the candidate a respectful e-mail in their language.
func (a *Activities) closeRemaining(ctx context.Context, o *models.Opening, team []int64) error {
	var actor int64
	switch {
	case o.RecruiterID != nil:
		actor = *o.RecruiterID
	case o.CreatedBy != nil:
		actor = *o.CreatedBy
	case len(team) > 0:
		actor = team[0]
	default:
		admins, err := a.DB.ActiveUsersWithRole(ctx, models.RoleAdmin)
		if err != nil || len(admins) == 0 {
			return err
		}
		actor = admins[0].ID
	}
	apps, err := a.DB.ListApplications(ctx, store.ApplicationFilter{OpeningID: o.ID, Limit: 5000})
	if err != nil {
		return err
	}
	var failed error
	for _, app := range apps {
		if app.Stage.Closed() {
			continue
		}
		if app.Stage == models.StageOffer {
			// One who accepted but found no seat is the recruiter's to resolve with them, not a form letter.
			offers, err := a.DB.ListOffers(ctx, store.OfferFilter{ApplicationID: app.ID, Limit: 1})
			if err != nil {
				return err
			}
			if len(offers) == 1 && offers[0].Status == models.OfferAccepted {
				continue
			}
		}
		in := workflows.ApplicationInput{ApplicationID: app.ID, OpeningID: o.ID, QuestionnaireTTL: o.QuestionnaireTTL(),
			ReminderBefore: a.QuestionnaireReminder, RejectionCodes: a.RejectionReasons, ScorecardReminderAfter: a.ScorecardReminder,
			ScorecardEscalateAfter: a.ScorecardEscalate, OfferReminderAfter: a.OfferReminder, OfferEscalateAfter: a.OfferEscalate}
		err := a.Start.UpdateApplication(ctx, in, workflows.UpdateMove, fmt.Sprintf("filled-%d", app.ID), workflows.MoveRequest{
			To: models.StageRejected, ReasonCode: "position_filled", Reason: "Every seat of the opening is filled.", ActorID: actor}, nil)
		switch code := models.ErrorCode(workflows.FromTemporal(err)); {
		case err == nil:
		case code == models.ECONFLICT || code == models.EINVALID || code == models.ENOTFOUND:
			// One that cannot be closed (it moved on meanwhile) does not keep the others open.
			a.Log.WarnContext(ctx, "close an application of a filled opening", "application_id", app.ID, "error", err)
		default:
			failed = err // retried: the activity runs again and skips those already closed
		}
	}
	return failed
}

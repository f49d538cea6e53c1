package activities

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Notification kinds of offers.
const (
	noticeOfferToApprove  = "offer_to_approve"
	noticeOfferReminder   = "offer_reminder"
	noticeOfferEscalated  = "offer_escalated"
	noticeOfferOutcome    = "offer_outcome"
	noticeSeatUnavailable = "seat_unavailable"
)

func offerLink(id int64) string { return fmt.Sprintf("/offers/%d", id) }

// OfferLink is the public address of a candidate's offer page.
func OfferLink(baseURL, token string) string { return strings.TrimRight(baseURL, "/") + "/o/" + token }

// CreateOffer stores a new offer waiting for approval and returns its ID. A retry finds the offer it stored
// (the application's newest one at version 1 waiting for approval with the same author) rather than adding one.
func (a *Activities) CreateOffer(ctx context.Context, n workflows.NewOffer) (int64, error) {
	existing, err := a.DB.ListOffers(ctx, store.OfferFilter{ApplicationID: n.ApplicationID, Limit: 1})
	if err != nil {
		return 0, err
	}
	if len(existing) == 1 && existing[0].Status == models.OfferPendingApproval && existing[0].Version == 1 && existing[0].CreatedBy == n.AuthorID &&
		time.Since(existing[0].CreatedAt) < 5*time.Minute && existing[0].Plan == n.Terms.Plan && existing[0].StartDate.Equal(n.Terms.StartDate.UTC()) &&
		existing[0].ExpiresDays == n.Terms.ExpiresDays {
		return existing[0].ID, nil
	}
	o := &models.Offer{ApplicationID: n.ApplicationID, OpeningID: n.OpeningID, StartDate: n.Terms.StartDate, TemplateID: n.Terms.TemplateID,
		Plan: n.Terms.Plan, ExpiresDays: n.Terms.ExpiresDays, Breaches: n.Terms.Breaches, ApproverIDs: n.Terms.ApproverIDs,
		ApprovalsNeeded: n.Terms.Needed, CreatedBy: n.AuthorID}
	if o.Breaches == nil {
		o.Breaches = []models.FieldError{}
	}
	if err := a.DB.CreateOffer(ctx, o); err != nil {
		return 0, err
	}
	return o.ID, nil
}

// ReviseOffer stores an offer's new terms under the next version.
func (a *Activities) ReviseOffer(ctx context.Context, step workflows.OfferStep, req workflows.ReviseOfferRequest) error {
	t := req.Terms
	err := a.DB.ReviseOffer(ctx, step.OfferID, step.Version, req.ActorID, models.OfferDraft{TemplateID: t.TemplateID, Plan: t.Plan, StartDate: t.StartDate,
		ExpiresDays: t.ExpiresDays}, t.Breaches, t.ApproverIDs, t.Needed)
	if err != nil {
		return refusal(err)
	}
	return a.offerAudit(ctx, &req.ActorID, "offer.revised", step, "Offer terms changed; approvals asked again", map[string]any{"plan": t.Plan,
		"start_date": t.StartDate, "breaches": t.Breaches})
}

func (a *Activities) offerAudit(ctx context.Context, actor *int64, action string, step workflows.OfferStep, summary string, after map[string]any) error {
	key := fmt.Sprintf("offer-%d-v%d-%s", step.OfferID, step.Version, action)
	return a.DB.Audit(ctx, store.AuditEntry{ActorID: actor, Action: action, ObjectType: "offer", ObjectID: step.OfferID, Summary: summary,
		After: after, DedupeKey: &key})
}

// loadOffer reads an offer with its application, candidate and opening.
func (a *Activities) loadOffer(ctx context.Context, step workflows.OfferStep) (*models.Offer, *models.Application, *models.Opening, error) {
	o, err := a.DB.OfferByID(ctx, step.OfferID)
	if err != nil {
		return nil, nil, nil, refusal(err)
	}
	app, op, err := a.load(ctx, o.ApplicationID)
	if err != nil {
		return nil, nil, nil, err
	}
	return o, app, op, nil
}

// OfferProposed asks the offer's approvers to decide on this version, by notification.
func (a *Activities) OfferProposed(ctx context.Context, step workflows.OfferStep) error {
	o, app, op, err := a.loadOffer(ctx, step)
	if err != nil {
		return err
	}
	params := appParams(app, op)
	params["offer_id"], params["version"] = o.ID, o.Version
	msg := fmt.Sprintf("An offer to %s for %q waits for your approval.", app.Candidate.Name, op.Title)
	if o.Version > 1 {
		msg = fmt.Sprintf("The offer to %s for %q changed (version %d) and waits for your approval again.", app.Candidate.Name, op.Title, o.Version)
	}
	approvers := slices.DeleteFunc(slices.Clone(o.ApproverIDs), func(id int64) bool { return id == o.CreatedBy })
	if err := a.DB.Notify(ctx, approvers, store.Notice{Kind: noticeOfferToApprove, Link: offerLink(o.ID), Params: params, Message: msg},
		fmt.Sprintf("offer-%d-v%d-proposed", o.ID, o.Version)); err != nil {
		return err
	}
	return a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: "offer_proposed", ActorID: &o.CreatedBy,
		Data: map[string]any{"offer_id": o.ID, "version": o.Version}}, fmt.Sprintf("offer-%d-v%d-proposed", o.ID, o.Version))
}

// RecordOfferDecision stores an approver's decision and records it on the timeline and in the audit log.
func (a *Activities) RecordOfferDecision(ctx context.Context, r workflows.OfferDecisionRecord) error {
	if err := a.DB.AddOfferApproval(ctx, r.OfferID, r.Approval); err != nil {
		return err
	}
	approver := r.Approval.ApproverID
	if err := a.offerAudit(ctx, &approver, "offer."+r.Approval.Decision+"d", r.OfferStep, fmt.Sprintf("Offer %sd", r.Approval.Decision),
		map[string]any{"decision": r.Approval.Decision, "comment": r.Approval.Comment, "version": r.Version}); err != nil {
		return err
	}
	return a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: r.ApplicationID, Kind: models.ApplicationEventKind("offer_" + r.Approval.Decision + "d"),
		ActorID: &approver, Data: map[string]any{"offer_id": r.OfferID, "version": r.Version, "comment": r.Approval.Comment}},
		fmt.Sprintf("offer-%d-v%d-%d", r.OfferID, r.Version, approver))
}

// OfferOutcome records where an offer now stands and tells whoever must hear: the candidate gets the offer
// (a signed link, this offer only, until it expires); the hiring team hears of a rejection, an answer, an
// expiry, a withdrawal, or that an acceptance found no seat left.
func (a *Activities) OfferOutcome(ctx context.Context, out workflows.OfferOutcome) error {
	o, app, op, err := a.loadOffer(ctx, out.OfferStep)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	cols := map[string]any{}
	switch out.Status {
	case models.OfferSent:
		if o.Status == models.OfferSent && o.Version == out.Version && o.ExpiresAt != nil {
			// The step again, after a worker died before its workflow task was saved: the workflow worked out
			// the deadline anew, but the e-mail already sent carries the first one in its link, so it stands.
			out.ExpiresAt = o.ExpiresAt.UTC()
			break
		}
		cols["sent_at"], cols["expires_at"] = now, out.ExpiresAt
	case models.OfferAccepted, models.OfferDeclined:
		cols["answered_at"], cols["seat"], cols["decline_reason"] = now, out.Seat, out.Reason
	}
	if err := a.DB.SetOfferStatus(ctx, o.ID, out.Version, out.Status, cols); err != nil {
		return err
	}
	key := fmt.Sprintf("offer-%d-v%d-%s", o.ID, out.Version, out.Status)
	if err := a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.ApplicationEventKind("offer_" + string(out.Status)),
		Data: map[string]any{"offer_id": o.ID, "version": out.Version, "reason": out.Reason, "seat": out.Seat}}, key); err != nil {
		return err
	}
	if out.Status == models.OfferSent {
		token, err := models.SignLink(a.LinkSecret, models.LinkOffer, o.ID, out.ExpiresAt)
		if err != nil {
			return err
		}
		if err := a.emailCandidate(ctx, key, mailOffer, app.Candidate, op, OfferLink(a.BaseURL, token), out.ExpiresAt); err != nil {
			return err
		}
	}
	team, err := a.hiringTeam(ctx, op)
	if err != nil {
		return err
	}
	team = dedupe(append(team, o.CreatedBy))
	params := appParams(app, op)
	params["offer_id"], params["status"], params["seat"], params["reason"] = o.ID, string(out.Status), out.Seat, out.Reason
	kind, msg := noticeOfferOutcome, fmt.Sprintf("The offer to %s for %q is %s.", app.Candidate.Name, op.Title, strings.ReplaceAll(string(out.Status), "_", " "))
	if out.Status == models.OfferAccepted && out.Seat == models.SeatUnavailable {
		kind, msg = noticeSeatUnavailable, fmt.Sprintf("%s accepted the offer for %q, but every seat was taken first: resolve it with the candidate.",
			app.Candidate.Name, op.Title)
	}
	return a.DB.Notify(ctx, team, store.Notice{Kind: kind, Link: offerLink(o.ID), Params: params, Message: msg}, key)
}

// RemindOfferApprovers reminds the approvers who have not decided on this version; escalate tells the admins.
func (a *Activities) RemindOfferApprovers(ctx context.Context, step workflows.OfferStep, escalate bool) error {
	o, app, op, err := a.loadOffer(ctx, step)
	if err != nil {
		return err
	}
	if o.Version != step.Version || o.Status != models.OfferPendingApproval {
		return nil
	}
	var silent []int64
	for _, id := range o.ApproverIDs {
		if id != o.CreatedBy && !slices.ContainsFunc(o.Approvals, func(x models.OfferApproval) bool { return x.ApproverID == id && x.Version == o.Version }) {
			silent = append(silent, id)
		}
	}
	params := appParams(app, op)
	params["offer_id"] = o.ID
	kind, to := noticeOfferReminder, silent
	msg := fmt.Sprintf("Reminder: the offer to %s for %q still waits for your approval.", app.Candidate.Name, op.Title)
	if escalate {
		admins, err := a.DB.ActiveUsersWithRole(ctx, models.RoleAdmin)
		if err != nil {
			return err
		}
		kind, to = noticeOfferEscalated, userIDs(admins)
		msg = fmt.Sprintf("Escalation: the offer to %s for %q has waited too long for its approvers.", app.Candidate.Name, op.Title)
	}
	return a.DB.Notify(ctx, to, store.Notice{Kind: kind, Link: offerLink(o.ID), Params: params, Message: msg},
		fmt.Sprintf("offer-%d-v%d-%s", o.ID, o.Version, kind))
}

// ClaimSeat asks the opening's workflow for a seat for the accepted offer.
func (a *Activities) ClaimSeat(ctx context.Context, openingID int64, claim workflows.SeatClaim) (workflows.SeatResult, error) {
	return a.Start.ClaimSeat(ctx, openingID, claim)
}

// inviteText holds the new employee's invitation per language.
var inviteText = map[string]map[string]string{
	"en": {"hello": "Dear %s,", "sub": "Welcome to the team: your Bullpen account",
		"1": "Welcome aboard as %s, starting on %s. Your Bullpen account is ready: it is where you will plan your work, log your clients and see your pay.",
		"2": "Choose your password with the link below; it works once, for 14 days.", "open": "Set your password:", "button": "Set my password",
		"footer": "Bullpen sends this because you accepted an offer."},
	"sq": {"hello": "I/E nderuar %s,", "sub": "Mirë se vini në ekip: llogaria juaj në Bullpen",
		"1": "Mirë se vini si %s, duke filluar më %s. Llogaria juaj në Bullpen është gati: aty do të planifikoni punën, do të regjistroni klientët dhe do të shihni pagën tuaj.",
		"2": "Zgjidhni fjalëkalimin me lidhjen më poshtë; funksionon një herë, për 14 ditë.", "open": "Vendosni fjalëkalimin:", "button": "Vendos fjalëkalimin",
		"footer": "Bullpen e dërgon këtë sepse pranuat një ofertë."},
}

// Hire makes an accepted offer's candidate an employee: a user account in the opening's role (invited by
// e-mail to choose a password), the employee record with the start date and the pay plan, and the
// Employee workflow. Each part is done once, however often this runs.
func (a *Activities) Hire(ctx context.Context, step workflows.OfferStep) error {
	o, app, op, err := a.loadOffer(ctx, step)
	if err != nil {
		return err
	}
	u, _, err := a.DB.UserCredentials(ctx, app.Candidate.Email)
	switch {
	case models.ErrorCode(err) == models.ENOTFOUND:
		// No password until they choose one from the invitation: a hash no password matches (it is not a
		// bcrypt hash at all, so it costs nothing to make, where hashing a random password cost a hire 60 ms
		// of CPU), random so that no two are alike.
		buf := make([]byte, 16)
		if _, err := rand.Read(buf); err != nil {
			return err
		}
		hash := models.NoPassword + hex.EncodeToString(buf)
		if u, err = a.DB.CreateUser(ctx, app.Candidate.Email, app.Candidate.Name, hash, []models.Role{op.Role}); err != nil {
			return err
		}
		locale := app.Candidate.Locale
		if _, err := a.DB.UpdateUser(ctx, u.ID, store.UserUpdate{Locale: &locale}); err != nil {
			return err
		}
	case err != nil:
		return err
	case !u.Active:
		// A former user comes back with the hiring role only, not whatever they had before.
		roles, active := []models.Role{op.Role}, true
		if u, err = a.DB.UpdateUser(ctx, u.ID, store.UserUpdate{Roles: &roles, Active: &active}); err != nil {
			return err
		}
	case !u.HasRole(op.Role):
		roles := append(slices.Clone(u.Roles), op.Role)
		if u, err = a.DB.UpdateUser(ctx, u.ID, store.UserUpdate{Roles: &roles}); err != nil {
			return err
		}
	}
	e := &store.EmployeeRecord{UserID: u.ID, ApplicationID: app.ID, OpeningID: op.ID, OfferID: o.ID, Role: string(op.Role), StartDate: o.StartDate, Plan: o.Plan}
	if err := a.DB.CreateEmployee(ctx, e); err != nil {
		return err
	}
	tasks := models.OnboardingFor(op.Role)
	if err := a.DB.CreateOnboarding(ctx, e.ID, tasks, e.StartDate); err != nil {
		return err
	}
	var due []time.Time
	for _, t := range tasks {
		if d := t.DueAt(e.StartDate); len(due) == 0 || !d.Equal(due[len(due)-1]) {
			due = append(due, d)
		}
	}
	if err := a.Start.Employee(ctx, workflows.EmployeeInput{EmployeeID: e.ID, UserID: u.ID, ApplicationID: app.ID, Role: op.Role,
		StartDate: e.StartDate, Plan: e.Plan, OnboardingDue: due}); err != nil {
		return err
	}
	token, err := models.SignLink(a.LinkSecret, models.LinkInvite, u.ID, time.Now().Add(14*24*time.Hour))
	if err != nil {
		return err
	}
	w, ok := inviteText[app.Candidate.Locale]
	if !ok {
		w = inviteText["en"]
	}
	text, html, err := mailContent{Lang: app.Candidate.Locale, Greeting: fmt.Sprintf(w["hello"], app.Candidate.Name),
		Paragraphs: []string{fmt.Sprintf(w["1"], op.Title, o.StartDate.Format("2006-01-02")), w["2"]},
		Link:       strings.TrimRight(a.BaseURL, "/") + "/welcome/" + token, Button: w["button"], LinkLabel: w["open"], Footer: w["footer"]}.render()
	if err != nil {
		return err
	}
	if err := a.email(ctx, store.OutboxMessage{DedupeKey: fmt.Sprintf("employee-%d-invite", e.ID), ToAddr: app.Candidate.Email, Subject: w["sub"],
		TextBody: text, HTMLBody: html}); err != nil {
		return err
	}
	return a.offerAudit(ctx, nil, "employee.hired", step, fmt.Sprintf("%s hired as %s", app.Candidate.Name, op.Title),
		map[string]any{"employee_id": e.ID, "user_id": u.ID, "start_date": e.StartDate})
}

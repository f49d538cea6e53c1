package activities

import (
	"context"
	"fmt"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// Notification kinds of the staffing plan; each one's params name the plan so the UI can say it in any language.
const (
	noticePlanSubmitted      = "plan_submitted"
	noticePlanDecided        = "plan_decided"
	noticePlanReminder       = "plan_reminder"
	noticePlanEscalated      = "plan_escalated"
	noticePlanReviseReminder = "plan_revise_reminder"
	noticeOpeningsOpened     = "openings_opened"
)

// awaitingDecision are the notices that lose their point once a plan is decided.
var awaitingDecision = []string{noticePlanSubmitted, noticePlanReminder, noticePlanEscalated}

func planParams(p *models.StaffingPlan) map[string]any {
	return map[string]any{"plan_id": p.ID, "plan_title": p.Title, "headcount": p.Result.Headcount, "revision": p.Revision}
}

// PlanSubmitted records that a revision of a plan was put up for approval: the first revision as
// "submitted", a later one (already stored by the API) is applied to the plan and recorded as "resubmitted".
// The department heads are told a plan waits for them.
func (a *Activities) PlanSubmitted(ctx context.Context, planID int64, revision int, actorID int64) error {
	kind := models.EventSubmitted
	if revision > 1 {
		kind = models.EventResubmitted
		if err := a.DB.ApplyPlanRevision(ctx, planID, revision); err != nil {
			return refusal(err)
		}
	}
	key := fmt.Sprintf("submit-r%d", revision)
	if err := a.DB.AddPlanEvent(ctx, planID, kind, &actorID, "", key); err != nil {
		return err
	}
	p, err := a.DB.Plan(ctx, planID)
	if err != nil {
		return refusal(err)
	}
	if err := a.audit(ctx, &actorID, "plan."+string(kind), planID, fmt.Sprintf("Revision %d of %q put up for approval", revision, p.Title),
		nil, map[string]any{"revision": revision, "headcount": p.Result.Headcount, "title": p.Title}, key); err != nil {
		return err
	}
	heads, err := a.DB.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
	if err != nil {
		return err
	}
	return a.DB.Notify(ctx, userIDs(heads), store.Notice{Kind: noticePlanSubmitted, Link: planLink(planID), Params: planParams(p),
		Message: fmt.Sprintf("Staffing plan %q (%d people) awaits your decision.", p.Title, p.Result.Headcount)},
		fmt.Sprintf("plan-%d-%s", planID, key))
}

// RecordPlanDecision writes a department head's decision on one revision, tells the author, and marks the
// "awaits your decision" notices of the plan read for everyone.
func (a *Activities) RecordPlanDecision(ctx context.Context, d models.PlanDecision) error {
	if err := a.DB.SetPlanStatus(ctx, d.PlanID, models.PlanPendingApproval, d.Decision.Outcome()); err != nil {
		return refusal(err)
	}
	key := fmt.Sprintf("decision-r%d", d.Revision)
	if err := a.DB.AddPlanEvent(ctx, d.PlanID, d.Decision.EventFor(), &d.ActorID, d.Comment, key); err != nil {
		return err
	}
	if err := a.audit(ctx, &d.ActorID, "plan."+string(d.Decision.EventFor()), d.PlanID, "Decision: "+string(d.Decision),
		map[string]any{"status": string(models.PlanPendingApproval), "revision": d.Revision},
		map[string]any{"status": string(d.Decision.Outcome()), "comment": d.Comment}, key); err != nil {
		return err
	}
	if err := a.DB.MarkDoneNotificationsRead(ctx, planLink(d.PlanID), awaitingDecision, time.Now()); err != nil {
		return err
	}
	p, err := a.DB.Plan(ctx, d.PlanID)
	if err != nil {
		return refusal(err)
	}
	msg := map[models.Decision]string{
		models.DecisionApprove:        "Your staffing plan %q was approved.",
		models.DecisionReject:         "Your staffing plan %q was rejected.",
		models.DecisionRequestChanges: "Changes were requested to your staffing plan %q.",
	}[d.Decision]
	params := planParams(p)
	params["decision"] = string(d.Decision)
	return a.DB.Notify(ctx, []int64{p.AuthorID}, store.Notice{Kind: noticePlanDecided, Link: planLink(d.PlanID), Params: params,
		Message: fmt.Sprintf(msg, p.Title)}, fmt.Sprintf("plan-%d-%s", d.PlanID, key))
}

// RemindPlanApprovers reminds the department heads that a revision of a plan still waits for a decision.
func (a *Activities) RemindPlanApprovers(ctx context.Context, planID int64, revision int) error {
	return a.nudge(ctx, planID, revision, models.RoleDepartmentHead, models.EventReminderSent, noticePlanReminder,
		"Reminder: staffing plan %q is still waiting for your decision.")
}

// EscalatePlan tells the admins that nobody has decided on a revision of a plan in time.
func (a *Activities) EscalatePlan(ctx context.Context, planID int64, revision int) error {
	return a.nudge(ctx, planID, revision, models.RoleAdmin, models.EventEscalated, noticePlanEscalated,
		"Escalation: staffing plan %q has waited too long for a department head's decision.")
}

func (a *Activities) nudge(ctx context.Context, planID int64, revision int, role models.Role, kind models.EventKind, notice, format string) error {
	p, err := a.DB.Plan(ctx, planID)
	if err != nil {
		return refusal(err)
	}
	if p.Status != models.PlanPendingApproval || p.Revision != revision {
		return nil // decided (or revised) while the timer fired: nobody waits any more
	}
	users, err := a.DB.ActiveUsersWithRole(ctx, role)
	if err != nil {
		return err
	}
	key := fmt.Sprintf("%s-r%d", kind, revision)
	message := fmt.Sprintf(format, p.Title)
	if err := a.DB.Notify(ctx, userIDs(users), store.Notice{Kind: notice, Link: planLink(planID), Params: planParams(p),
		Message: message}, fmt.Sprintf("plan-%d-%s", planID, key)); err != nil {
		return err
	}
	for _, u := range users {
		if err := a.emailNudge(ctx, fmt.Sprintf("plan-%d-%s-u%d", planID, key, u.ID), u, notice, p); err != nil {
			return err
		}
	}
	return a.DB.AddPlanEvent(ctx, planID, kind, nil, "", key)
}

// RemindPlanAuthor reminds the author that a plan sent back for changes waits for their revision.
func (a *Activities) RemindPlanAuthor(ctx context.Context, planID int64, revision int) error {
	p, err := a.DB.Plan(ctx, planID)
	if err != nil {
		return refusal(err)
	}
	return a.DB.Notify(ctx, []int64{p.AuthorID}, store.Notice{Kind: noticePlanReviseReminder, Link: planLink(planID), Params: planParams(p),
		Message: fmt.Sprintf("Reminder: staffing plan %q waits for your revision.", p.Title)},
		fmt.Sprintf("plan-%d-revise-reminder-r%d", planID, revision))
}

// OpenPlanOpenings opens the seats an approved plan calls for, once, and tells the author and the recruiters.
func (a *Activities) OpenPlanOpenings(ctx context.Context, planID int64) error {
	p, err := a.DB.Plan(ctx, planID)
	if err != nil {
		return refusal(err)
	}
	if p.Status != models.PlanApproved {
		return refusal(models.Errorf(models.ECONFLICT, "Plan %d is %s, not approved.", planID, p.Status))
	}
	openings := models.OpeningsFor(p)
	if err := a.DB.OpenPlanOpenings(ctx, planID, openings); err != nil {
		return err
	}
	seats := map[string]any{}
	for _, o := range openings {
		seats[string(o.Role)] = o.Seats
	}
	if err := a.audit(ctx, nil, "plan.openings_opened", planID, fmt.Sprintf("%d openings opened", len(openings)), nil, seats, "openings"); err != nil {
		return err
	}
	recruiters, err := a.DB.ActiveUsersWithRole(ctx, models.RoleRecruiter)
	if err != nil {
		return err
	}
	to := append(userIDs(recruiters), p.AuthorID)
	return a.DB.Notify(ctx, dedupe(to), store.Notice{Kind: noticeOpeningsOpened, Link: "/openings", Params: planParams(p),
		Message: fmt.Sprintf("Staffing plan %q is approved: %d seats are open to hire.", p.Title, p.Result.Headcount)},
		fmt.Sprintf("plan-%d-openings", planID))
}

// audit appends a staffing plan's entry to the audit log, once per key.
func (a *Activities) audit(ctx context.Context, actor *int64, action string, planID int64, summary string, before, after map[string]any, key string) error {
	k := fmt.Sprintf("plan-%d-%s", planID, key)
	return a.DB.Audit(ctx, store.AuditEntry{ActorID: actor, Action: action, ObjectType: "staffing_plan", ObjectID: planID,
		Summary: summary, Before: before, After: after, DedupeKey: &k})
}

func planLink(planID int64) string { return fmt.Sprintf("/plans/%d", planID) }

func dedupe(ids []int64) []int64 {
	seen := map[int64]bool{}
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

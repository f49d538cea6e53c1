package activities

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Notification kinds of the employee routines.
const (
	noticeRampEnded       = "ramp_ended"
	noticeStatementsReady = "statements_ready"
	noticeOnboardingDue   = "onboarding_due"
)

// DefaultMonthlyPlan is a rep's month when neither their manager nor a staffing plan says otherwise.
var DefaultMonthlyPlan = models.MonthlyPlan{Meetings: 30, Calls: 600}

// RecordRampSwitch records that an employee's pay ramp has ended and tells them their pay terms from now on.
func (a *Activities) RecordRampSwitch(ctx context.Context, step workflows.EmployeeStep) error {
	e, err := a.DB.EmployeeByID(ctx, step.EmployeeID)
	if err != nil {
		return refusal(err)
	}
	key := fmt.Sprintf("employee-%d-ramp-ended", e.ID)
	msg := fmt.Sprintf("Your ramp has ended: from now your pay is %g %s a month plus %g%% commission.", e.Plan.Base, e.Plan.Currency, e.Plan.CommissionPct)
	if err := a.DB.Audit(ctx, store.AuditEntry{Action: "employee.ramp_ended", ObjectType: "employee", ObjectID: e.ID, Summary: msg,
		Before: map[string]any{"base": e.Plan.RampBase, "commission_pct": e.Plan.RampCommissionPct},
		After:  map[string]any{"base": e.Plan.Base, "commission_pct": e.Plan.CommissionPct}, DedupeKey: &key}); err != nil {
		return err
	}
	return a.DB.Notify(ctx, []int64{e.UserID}, store.Notice{Kind: noticeRampEnded, Link: "/", Message: msg,
		Params: map[string]any{"base": e.Plan.Base, "commission_pct": e.Plan.CommissionPct, "currency": e.Plan.Currency}}, key)
}

// monthlyPlan is a rep's plan for a month: what their manager set, else the staffing plan's activity plan
// (its meetings a month and calls a day over its working days, at the ramp's productivity during the ramp),
// else DefaultMonthlyPlan.
func (a *Activities) monthlyPlan(ctx context.Context, e *store.EmployeeRecord, m workflows.EmployeeMonth) (models.MonthlyPlan, error) {
	if p, err := a.DB.MonthlyPlanOf(ctx, e.ID, m.Month); err == nil {
		return models.MonthlyPlan{Meetings: p.Meetings, Calls: p.Calls}, nil
	} else if models.ErrorCode(err) != models.ENOTFOUND {
		return models.MonthlyPlan{}, err
	}
	plan := DefaultMonthlyPlan
	o, err := a.DB.Opening(ctx, e.OpeningID)
	if err != nil {
		return plan, refusal(err)
	}
	ramp := 1.0
	if o.PlanID != nil {
		sp, err := a.DB.Plan(ctx, *o.PlanID)
		if err != nil {
			return plan, refusal(err)
		}
		in := sp.Inputs
		plan = models.MonthlyPlan{Meetings: int(in.MeetingsPerMonth), Calls: in.CallsPerDay * in.WorkingDaysPerMonth}
		if m.MonthIndex <= e.Plan.RampMonths && in.RampProductivity > 0 {
			ramp = in.RampProductivity
		}
	}
	return models.MonthlyPlan{Meetings: int(math.Round(float64(plan.Meetings) * ramp)), Calls: int(math.Round(float64(plan.Calls) * ramp))}, nil
}

// CloseMonth evaluates an employee's month once its excuse window has closed (plan against the activity
// log, an accepted excuse waiving the penalty) and writes the month's pay statement for the department
// head's approval. A month already written, or approved, is left as it is.
func (a *Activities) CloseMonth(ctx context.Context, m workflows.EmployeeMonth) error {
	e, err := a.DB.EmployeeByID(ctx, m.EmployeeID)
	if err != nil {
		return refusal(err)
	}
	plan, err := a.monthlyPlan(ctx, e, m)
	if err != nil {
		return err
	}
	actuals, won, err := a.DB.MonthActuals(ctx, e.UserID, m.Month, e.Plan.Currency)
	if err != nil {
		return err
	}
	excused, err := a.DB.MonthExcused(ctx, e.ID, m.Month)
	if err != nil {
		return err
	}
	rules := models.DefaultPlanRules
	if e.Plan.Currency == "ALL" {
		rules = rules.Scaled(100)
	}
	ev := models.EvaluateMonth(plan, actuals, rules, excused)
	st := models.Statement(e.Plan, m.MonthIndex, won, ev)
	if err := a.DB.SaveStatement(ctx, &store.StatementRecord{EmployeeID: e.ID, Month: m.Month, MonthIndex: m.MonthIndex, Currency: e.Plan.Currency,
		Evaluation: ev, Statement: st, Total: st.Total}); err != nil {
		return err
	}
	heads, err := a.DB.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
	if err != nil {
		return err
	}
	month := models.MonthStart(m.Month).Format("2006-01")
	return a.DB.Notify(ctx, userIDs(heads), store.Notice{Kind: noticeStatementsReady, Link: "/pay-statements?month=" + month,
		Params:  map[string]any{"month": month},
		Message: fmt.Sprintf("Pay statements for %s are ready for your approval.", month)}, "statements-"+month)
}

// RemindOnboarding tells whoever has an onboarding task of the employee due by due and not done: the hire,
// the sales managers, or the admins, by the task's assignee.
func (a *Activities) RemindOnboarding(ctx context.Context, step workflows.EmployeeStep, due time.Time) error {
	tasks, err := a.DB.OnboardingTasks(ctx, step.EmployeeID)
	if err != nil {
		return err
	}
	name := ""
	if u, err := a.DB.UserByID(ctx, step.UserID); err == nil {
		name = u.Name
	}
	for _, t := range tasks {
		if t.DoneAt != nil || t.DueAt.After(due) {
			continue
		}
		var to []int64
		switch t.Assignee {
		case models.AssigneeHire:
			to = []int64{step.UserID}
		case models.AssigneeManager, models.AssigneeAdmin:
			role := models.RoleSalesManager
			if t.Assignee == models.AssigneeAdmin {
				role = models.RoleAdmin
			}
			users, err := a.DB.ActiveUsersWithRole(ctx, role)
			if err != nil {
				return err
			}
			to = userIDs(users)
		}
		if err := a.DB.Notify(ctx, to, store.Notice{Kind: noticeOnboardingDue, Link: fmt.Sprintf("/team/%d", step.EmployeeID),
			Params:  map[string]any{"task": t.Title, "employee": name},
			Message: fmt.Sprintf("Onboarding of %s: “%s” is due.", name, t.Title)}, fmt.Sprintf("onboarding-%d", t.ID)); err != nil {
			return err
		}
	}
	return nil
}

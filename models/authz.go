package models

import "slices"

// Action is something a user asks to do. Authorize decides every one of them, in this one place.
type Action string

// The actions Bullpen authorises.
const (
	ActSizingPreview    Action = "sizing.preview"
	ActPlanCreate       Action = "plan.create"
	ActPlanList         Action = "plan.list"
	ActPlanView         Action = "plan.view"
	ActPlanDecide       Action = "plan.decide"
	ActPlanRevise       Action = "plan.revise"
	ActOpeningList      Action = "opening.list"
	ActUserManage       Action = "user.manage"
	ActNotificationRead Action = "notification.read"
	ActOutboxRead       Action = "outbox.read"
	ActAuditRead        Action = "audit.read"
	ActOpeningCreate    Action = "opening.create"
	ActOpeningEdit      Action = "opening.edit"
	ActOpeningDecide    Action = "opening.decide"
	ActPipelineView     Action = "pipeline.view"
	ActPipelineManage   Action = "pipeline.manage"
	ActApplicationNote  Action = "application.note"
	ActReportView       Action = "report.view"
	ActOpeningAddSeats  Action = "opening.add_seats"
	ActScenarioRead     Action = "scenario.read"
	ActScenarioEdit     Action = "scenario.edit"
	ActCalibrationView  Action = "calibration.view"
	ActPayPlanRead      Action = "payplan.read"
	ActPayPlanEdit      Action = "payplan.edit"
	ActAccountRead      Action = "account.read"
	ActAccountCreate    Action = "account.create"
	ActActivityLog      Action = "activity.log"
)

// salesStaff work with clients; sales leaders see every client and activity.
var (
	salesStaff   = []Role{RoleSalesRep, RoleSalesManager}
	salesLeaders = []Role{RoleAdmin, RoleDepartmentHead, RoleSalesManager}
)

// planAuthors may write staffing plans; planReaders may read every plan.
var (
	planAuthors    = []Role{RoleAdmin, RoleDepartmentHead, RoleRecruiter}
	planReaders    = []Role{RoleAdmin, RoleDepartmentHead, RoleRecruiter}
	openingReaders = []Role{RoleAdmin, RoleDepartmentHead, RoleRecruiter, RoleInterviewer, RoleSalesManager}
	// hiringManagers run the pipeline: they add candidates, move them, import and edit openings.
	hiringManagers = []Role{RoleAdmin, RoleDepartmentHead, RoleRecruiter}
)

// Authorize returns nil when u may do act to obj, or EFORBIDDEN saying why not. obj is the object acted on
// (*StaffingPlan, *Notification, *User, *Opening) or nil for actions on a collection.
func Authorize(u *User, act Action, obj any) error {
	if u == nil || !u.Active {
		return Errorf(EUNAUTHORIZED, "Sign in first.")
	}
	switch act {
	case ActSizingPreview:
		return nil
	case ActPlanCreate:
		return need(u, "create staffing plans", planAuthors...)
	case ActPlanList:
		return need(u, "see staffing plans", planReaders...)
	case ActPlanView:
		if p, ok := obj.(*StaffingPlan); ok && p.AuthorID == u.ID {
			return nil
		}
		return need(u, "see this staffing plan", planReaders...)
	case ActPlanDecide:
		if p, ok := obj.(*StaffingPlan); ok && p.AuthorID == u.ID {
			return Errorf(EFORBIDDEN, "You wrote this plan, so another department head must decide on it.")
		}
		return need(u, "decide on staffing plans", RoleDepartmentHead)
	case ActPlanRevise:
		p, ok := obj.(*StaffingPlan)
		if !ok || p.AuthorID != u.ID {
			return Errorf(EFORBIDDEN, "Only the plan's author can revise it.")
		}
		return need(u, "revise staffing plans", planAuthors...)
	case ActOpeningList:
		return need(u, "see openings", openingReaders...)
	case ActCalibrationView:
		return need(u, "see interviewer calibration", hiringManagers...)
	case ActAccountRead:
		return need(u, "see client accounts", append(slices.Clone(salesStaff), salesLeaders...)...)
	case ActAccountCreate:
		return need(u, "add client accounts", append(slices.Clone(salesStaff), salesLeaders...)...)
	case ActActivityLog:
		return need(u, "log sales work", salesStaff...)
	case ActPayPlanRead:
		return need(u, "see pay plans", hiringManagers...)
	case ActPayPlanEdit:
		return need(u, "edit pay plan templates", RoleAdmin)
	case ActOpeningCreate:
		return need(u, "manage openings and their candidates", hiringManagers...)
	case ActOpeningEdit, ActPipelineManage:
		if err := need(u, "manage openings and their candidates", hiringManagers...); err != nil {
			return err
		}
		return ownOpening(u, obj)
	case ActOpeningDecide:
		if o, ok := obj.(*Opening); ok && o.CreatedBy != nil && *o.CreatedBy == u.ID {
			return Errorf(EFORBIDDEN, "You added this opening, so another department head must approve it.")
		}
		return need(u, "approve openings", RoleDepartmentHead)
	case ActPipelineView, ActApplicationNote:
		// Interviewers see, and write notes on, the candidates of the openings they interview for.
		if o, ok := obj.(*Opening); ok && u.HasRole(RoleInterviewer) && slices.Contains(o.InterviewerIDs, u.ID) {
			return nil
		}
		if err := need(u, "see this opening's candidates", hiringManagers...); err != nil {
			return err
		}
		return ownOpening(u, obj)
	case ActOpeningAddSeats:
		// Seats were approved (by a plan or a department head); more of them need a department head again.
		return need(u, "add seats to an approved opening; lower them, or ask a department head", RoleAdmin, RoleDepartmentHead)
	case ActScenarioRead:
		return need(u, "read role-play scenarios", RoleAdmin, RoleDepartmentHead, RoleRecruiter, RoleInterviewer)
	case ActScenarioEdit:
		return need(u, "write role-play scenarios", RoleAdmin, RoleRecruiter)
	case ActReportView:
		return need(u, "see recruiting reports", hiringManagers...)
	case ActUserManage:
		return need(u, "manage users", RoleAdmin)
	case ActOutboxRead:
		return need(u, "read the e-mail outbox", RoleAdmin)
	case ActAuditRead:
		return need(u, "read the audit log", RoleAdmin)
	case ActNotificationRead:
		if n, ok := obj.(*Notification); ok && n.UserID == u.ID {
			return nil
		}
		return Errorf(EFORBIDDEN, "That notification is someone else's.")
	}
	return Errorf(EFORBIDDEN, "Unknown action %q.", act)
}

// ownOpening lets a recruiter work on the openings they recruit for and on those with no recruiter yet;
// another recruiter's opening is theirs, or a department head's or an admin's.
func ownOpening(u *User, obj any) error {
	o, ok := obj.(*Opening)
	if !ok || o.RecruiterID == nil || *o.RecruiterID == u.ID || u.HasAnyRole(RoleAdmin, RoleDepartmentHead) {
		return nil
	}
	return Errorf(EFORBIDDEN, "Another recruiter runs this opening; ask them or a department head.")
}

func need(u *User, what string, roles ...Role) error {
	if u.HasAnyRole(roles...) {
		return nil
	}
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = r.Plural()
	}
	return Errorf(EFORBIDDEN, "Only %s may %s.", joinOr(names), what)
}

func joinOr(s []string) string {
	switch len(s) {
	case 0:
		return "nobody"
	case 1:
		return s[0]
	}
	out := ""
	for i, x := range s {
		switch {
		case i == 0:
			out = x
		case i == len(s)-1:
			out += " or " + x
		default:
			out += ", " + x
		}
	}
	return out
}

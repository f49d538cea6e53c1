package models

import "testing"

func TestAuthorize(t *testing.T) {
	admin := &User{ID: 1, Active: true, Roles: []Role{RoleAdmin}}
	head := &User{ID: 2, Active: true, Roles: []Role{RoleDepartmentHead}}
	recruiter := &User{ID: 3, Active: true, Roles: []Role{RoleRecruiter}}
	otherRecruiter := &User{ID: 4, Active: true, Roles: []Role{RoleRecruiter}}
	rep := &User{ID: 5, Active: true, Roles: []Role{RoleSalesRep}}
	manager := &User{ID: 6, Active: true, Roles: []Role{RoleSalesManager}}
	inactiveHead := &User{ID: 7, Active: false, Roles: []Role{RoleDepartmentHead}}
	both := &User{ID: 8, Active: true, Roles: []Role{RoleRecruiter, RoleDepartmentHead}}
	plan := &StaffingPlan{ID: 10, AuthorID: recruiter.ID}
	repsPlan := &StaffingPlan{ID: 11, AuthorID: rep.ID}
	note := &Notification{ID: 20, UserID: head.ID}
	interviewer := &User{ID: 9, Active: true, Roles: []Role{RoleInterviewer}}
	otherInterviewer := &User{ID: 12, Active: true, Roles: []Role{RoleInterviewer}}
	opening := &Opening{ID: 30, InterviewerIDs: []int64{interviewer.ID}, CreatedBy: &head.ID}

	tests := []struct {
		name string
		u    *User
		act  Action
		obj  any
		want string
	}{
		{"anyone signed in previews sizing", rep, ActSizingPreview, nil, ""},
		{"nobody signed in", nil, ActSizingPreview, nil, EUNAUTHORIZED},
		{"deactivated user is refused", inactiveHead, ActPlanDecide, plan, EUNAUTHORIZED},
		{"recruiter creates plans", recruiter, ActPlanCreate, nil, ""},
		{"head creates plans", head, ActPlanCreate, nil, ""},
		{"rep does not create plans", rep, ActPlanCreate, nil, EFORBIDDEN},
		{"recruiter lists plans", recruiter, ActPlanList, nil, ""},
		{"manager does not list plans", manager, ActPlanList, nil, EFORBIDDEN},
		{"another recruiter sees the plan", otherRecruiter, ActPlanView, plan, ""},
		{"a rep does not see a plan", rep, ActPlanView, plan, EFORBIDDEN},
		{"an author always sees their own plan", rep, ActPlanView, repsPlan, ""},
		{"head decides", head, ActPlanDecide, plan, ""},
		{"recruiter does not decide", recruiter, ActPlanDecide, plan, EFORBIDDEN},
		{"admin does not decide", admin, ActPlanDecide, plan, EFORBIDDEN},
		{"a recruiter who is also head decides", both, ActPlanDecide, plan, ""},
		{"nobody decides on their own plan", both, ActPlanDecide, &StaffingPlan{ID: 12, AuthorID: both.ID}, EFORBIDDEN},
		{"author revises", recruiter, ActPlanRevise, plan, ""},
		{"another recruiter does not revise", otherRecruiter, ActPlanRevise, plan, EFORBIDDEN},
		{"head does not revise another's plan", head, ActPlanRevise, plan, EFORBIDDEN},
		{"an author who lost the role does not revise", rep, ActPlanRevise, repsPlan, EFORBIDDEN},
		{"manager sees openings", manager, ActOpeningList, nil, ""},
		{"rep does not see openings", rep, ActOpeningList, nil, EFORBIDDEN},
		{"admin manages users", admin, ActUserManage, nil, ""},
		{"head does not manage users", head, ActUserManage, nil, EFORBIDDEN},
		{"admin reads the outbox", admin, ActOutboxRead, nil, ""},
		{"admin reads the audit log", admin, ActAuditRead, nil, ""},
		{"head does not read the whole audit log", head, ActAuditRead, nil, EFORBIDDEN},
		{"recruiter does not read the outbox", recruiter, ActOutboxRead, nil, EFORBIDDEN},
		{"own notification", head, ActNotificationRead, note, ""},
		{"someone else's notification", recruiter, ActNotificationRead, note, EFORBIDDEN},
		{"unknown action", admin, Action("plan.delete"), nil, EFORBIDDEN},
		{"recruiter runs the pipeline", recruiter, ActPipelineManage, opening, ""},
		{"interviewer on the team sees the candidates", interviewer, ActPipelineView, opening, ""},
		{"interviewer on the team writes notes", interviewer, ActApplicationNote, opening, ""},
		{"interviewer does not move candidates", interviewer, ActPipelineManage, opening, EFORBIDDEN},
		{"interviewer of another opening sees nothing", otherInterviewer, ActPipelineView, opening, EFORBIDDEN},
		{"rep sees no candidates", rep, ActPipelineView, opening, EFORBIDDEN},
		{"head approves another's opening", both, ActOpeningDecide, opening, ""},
		{"head does not approve their own opening", head, ActOpeningDecide, opening, EFORBIDDEN},
		{"recruiter does not approve openings", recruiter, ActOpeningDecide, opening, EFORBIDDEN},
		{"recruiter does not add approved seats", recruiter, ActOpeningAddSeats, opening, EFORBIDDEN},
		{"head adds seats", head, ActOpeningAddSeats, opening, ""},
		{"recruiter reads reports", recruiter, ActReportView, nil, ""},
		{"interviewer does not read reports", interviewer, ActReportView, nil, EFORBIDDEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Authorize(tt.u, tt.act, tt.obj)
			if got := ErrorCode(err); got != tt.want {
				t.Errorf("Authorize = %v (code %q); want code %q", err, got, tt.want)
			}
			if err != nil && ErrorMessage(err) == "" {
				t.Error("refusal has no message")
			}
		})
	}
}

func TestValidateDecision(t *testing.T) {
	tests := []struct {
		name    string
		status  PlanStatus
		d       Decision
		comment string
		want    string
	}{
		{"approve without comment", PlanPendingApproval, DecisionApprove, "", ""},
		{"reject with reason", PlanPendingApproval, DecisionReject, "Budget frozen", ""},
		{"reject without reason", PlanPendingApproval, DecisionReject, "  ", EINVALID},
		{"request changes without reason", PlanPendingApproval, DecisionRequestChanges, "", EINVALID},
		{"unknown decision", PlanPendingApproval, Decision("maybe"), "", EINVALID},
		{"already approved", PlanApproved, DecisionApprove, "", ECONFLICT},
		{"already rejected", PlanRejected, DecisionRequestChanges, "again", ECONFLICT},
		{"waiting for the author", PlanChangesRequested, DecisionApprove, "", ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorCode(ValidateDecision(tt.status, tt.d, tt.comment)); got != tt.want {
				t.Errorf("code %q; want %q", got, tt.want)
			}
		})
	}
	if ErrorCode(ValidateResubmission(PlanChangesRequested)) != "" || ErrorCode(ValidateResubmission(PlanApproved)) != ECONFLICT {
		t.Error("resubmission rule wrong")
	}
}

func TestPlanDraftValidate(t *testing.T) {
	d := PlanDraft{Title: "  Tirana 2027 ", Currency: "eur", Inputs: example()}
	r, err := d.Validate()
	if err != nil || r.RepsNeeded != 4 || d.Title != "Tirana 2027" || d.Currency != "EUR" {
		t.Fatalf("valid draft: %v %+v %+v", err, r, d)
	}
	bad := PlanDraft{Title: "", Currency: "euro", Inputs: example()}
	bad.Inputs.WinRate = 3
	_, err = bad.Validate()
	e, ok := err.(*Error)
	if !ok || len(e.Fields) != 3 || e.Fields[2].Field != "inputs.win_rate" {
		t.Fatalf("invalid draft: %v", err)
	}
}

func TestOpeningsFor(t *testing.T) {
	p := &StaffingPlan{ID: 3, Title: "North", Result: SizingResult{RepsNeeded: 4, ManagersNeeded: 1}}
	o := OpeningsFor(p)
	if len(o) != 2 || o[0].Role != RoleSalesManager || o[0].Seats != 1 || o[1].Role != RoleSalesRep || o[1].Seats != 4 {
		t.Fatalf("openings = %+v", o)
	}
	solo := OpeningsFor(&StaffingPlan{ID: 4, Result: SizingResult{RepsNeeded: 1}})
	if len(solo) != 1 || solo[0].Role != RoleSalesRep {
		t.Fatalf("solo openings = %+v", solo)
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/activities"
	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

// TestPayPlans: the built-in templates are there for every role and currency; only admins change them, with
// every flaw named; the preview shows what the ramp means month by month; an opening's offer terms (pay
// limits, approvers) are checked.
func TestPayPlans(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	rita, admin, ilir := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	admin.login("admin@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)

	var list struct{ Items []models.PayPlanTemplate }
	if code := rita.do("GET", "/api/v1/pay-plans", nil, &list); code != 200 || len(list.Items) != 4 {
		t.Fatalf("templates: %d %+v", code, list)
	}
	if code := ilir.do("GET", "/api/v1/pay-plans", nil, nil); code != 403 {
		t.Fatalf("an interviewer reads pay plans: %d", code)
	}
	tpl := map[string]any{"slug": "rep-prishtina", "name": "Rep, Prishtina", "role": "sales_rep", "plan": map[string]any{
		"currency": "EUR", "ramp_months": 2, "ramp_base": 800, "ramp_commission_pct": 3, "base": 650, "commission_pct": 6}}
	if code := rita.do("POST", "/api/v1/pay-plans", tpl, nil); code != 403 {
		t.Fatalf("a recruiter adds a template: %d", code)
	}
	var p problem
	bad := map[string]any{"slug": "Bad Slug", "name": "", "role": "admin", "plan": map[string]any{"currency": "USD", "ramp_months": 2,
		"ramp_base": 500, "base": 650, "commission_pct": 6}}
	if code := admin.do("POST", "/api/v1/pay-plans", bad, &p); code != 400 {
		t.Fatalf("a bad template: %d %+v", code, p)
	}
	if got := fmt.Sprint(p.fields()); got != "[slug name role plan.currency plan.ramp_base]" {
		t.Fatalf("bad template fields %v", got)
	}
	var saved models.PayPlanTemplate
	if code := admin.do("POST", "/api/v1/pay-plans", tpl, &saved); code != 201 || saved.ID == 0 {
		t.Fatalf("add a template: %d %+v", code, saved)
	}
	if code := admin.do("POST", "/api/v1/pay-plans", tpl, &p); code != 409 {
		t.Fatalf("the same slug twice: %d %+v", code, p)
	}
	var table models.PayTable
	if code := rita.do("POST", "/api/v1/pay-plans/preview", map[string]any{"plan": saved.Plan, "months": 6,
		"scenarios": []map[string]any{{"name": "target", "sales": 10000}}}, &table); code != 200 || len(table.Rows) != 6 {
		t.Fatalf("preview: %d %+v", code, table)
	}
	// Two ramp months at 800 + 3% of 10,000, then four at 650 + 6%.
	if table.Rows[1].Pay[0].Total != 1100 || table.Rows[2].Pay[0].Total != 1250 || table.Totals[0] != 2*1100+4*1250 {
		t.Fatalf("preview figures %+v totals %v", table.Rows, table.Totals)
	}
	if code := rita.do("POST", "/api/v1/pay-plans/preview", map[string]any{"plan": map[string]any{"currency": "EUR"}}, &p); code != 400 ||
		p.fields()[0] != "plan.base" {
		t.Fatalf("preview of an empty plan: %d %+v", code, p)
	}

	// The opening's offer terms.
	openingID := demoOpening(t, rita)
	var op map[string]any
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d", openingID), nil, &op)
	settings := map[string]any{}
	for _, k := range []string{"title", "description", "seats", "recruiter_id", "interviewer_ids", "questionnaire", "questionnaire_days",
		"confirm_knock_outs", "slate_size", "role_play"} {
		settings[k] = op[k]
	}
	var me struct {
		User struct{ ID int64 } `json:"user"`
	}
	rita.do("GET", "/api/v1/me", nil, &me)
	settings["pay_limits"] = map[string]any{"min_base": 900, "max_base": 600}
	settings["offer_approver_ids"] = []int64{me.User.ID}
	settings["offer_approvals"] = 2
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, &p); code != 400 {
		t.Fatalf("bad offer terms: %d %+v", code, p)
	}
	if got := fmt.Sprint(p.fields()); got != "[pay_limits.min_base offer_approvals]" && got != "[pay_limits.min_base offer_approvals offer_approver_ids.0]" {
		t.Fatalf("bad offer terms fields %v", got)
	}
	head := newBrowser(t, app.URL())
	head.login("head@bullpen.demo", pw)
	head.do("GET", "/api/v1/me", nil, &me)
	settings["pay_limits"] = map[string]any{"min_base": 600, "max_base": 1000, "max_commission_pct": 8}
	settings["offer_approver_ids"] = []int64{me.User.ID}
	settings["offer_approvals"] = 1
	var after struct {
		PayLimits        models.PayLimits `json:"pay_limits"`
		OfferApproverIDs []int64          `json:"offer_approver_ids"`
		OfferApprovals   int              `json:"offer_approvals"`
	}
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, &after); code != 200 || after.PayLimits.MaxBase != 1000 ||
		len(after.OfferApproverIDs) != 1 || after.OfferApprovals != 1 {
		t.Fatalf("offer terms: %d %+v", code, after)
	}
}

// demoShortlist takes the demo slate to the second interview through the API: Drita scores Mimoza, Liridon
// and Mimoza are shortlisted (Nora rejected), and both are invited to a group interview an hour from now.
// It returns the applications of Liridon, Mimoza and Hana (still at the first interview).
func demoShortlist(t *testing.T, rita, drita *browser, openingID int64) (liridon, mimoza, hana int64) {
	t.Helper()
	base := fmt.Sprintf("/api/v1/openings/%d", openingID)
	var cmp struct {
		Rows []struct {
			ApplicationID int64  `json:"application_id"`
			Name          string `json:"name"`
			First         *struct {
				InterviewID int64 `json:"interview_id"`
			} `json:"first"`
		} `json:"rows"`
	}
	rita.do("GET", base+"/comparison", nil, &cmp)
	var mimozaIV int64
	for _, r := range cmp.Rows {
		switch r.Name {
		case "Liridon Hoxha":
			liridon = r.ApplicationID
		case "Mimoza Krasniqi":
			mimoza, mimozaIV = r.ApplicationID, r.First.InterviewID
		case "Hana Osmani":
			hana = r.ApplicationID
		}
	}
	var ratings []map[string]any
	for _, c := range models.DefaultRubric("en").Competencies {
		ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": 4})
	}
	if code := drita.do("POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", mimozaIV), map[string]any{"application_id": mimoza,
		"ratings": ratings, "recommendation": "yes"}, nil); code != 201 {
		t.Fatalf("Drita scores Mimoza: %d", code)
	}
	var p problem
	if code := rita.do("POST", base+"/shortlist", map[string]any{"application_ids": []int64{liridon, mimoza}, "reason": "Best role-plays",
		"rest": "reject", "reject_code": "not_shortlisted", "reject_reason": "Others negotiated better."}, &p); code != 200 {
		t.Fatalf("shortlist: %d %+v", code, p)
	}
	var team struct {
		Items []struct {
			ID    int64    `json:"id"`
			Roles []string `json:"roles"`
		} `json:"items"`
	}
	rita.do("GET", "/api/v1/team", nil, &team)
	var panel []int64
	for _, m := range team.Items {
		if len(m.Roles) == 1 && m.Roles[0] == "interviewer" {
			panel = append(panel, m.ID)
		}
	}
	if code := rita.do("POST", base+"/interviews", map[string]any{"kind": "group", "application_ids": []int64{liridon, mimoza},
		"starts_at": time.Now().Add(time.Hour), "duration_minutes": 60, "location": "Office", "interviewer_ids": panel}, nil); code != 201 {
		t.Fatalf("group interview: %d", code)
	}
	return liridon, mimoza, hana
}

type offerOut struct {
	ID              int64                `json:"id"`
	Version         int                  `json:"version"`
	Status          string               `json:"status"`
	Seat            string               `json:"seat"`
	ApprovalsNeeded int                  `json:"approvals_needed"`
	Breaches        []models.FieldError  `json:"breaches"`
	Approvers       []struct{ ID int64 } `json:"approvers"`
}

// TestOfferToHire takes two shortlisted candidates from offer to hire over HTTP on PostgreSQL with a real SMTP
// server: the opening has one seat left and two department heads; an offer within the pay limits needs one
// approval, one outside them two; a recruiter cannot approve; both candidates accept from their e-mailed
// links at the same moment and exactly one is hired (an employee, their invitation, their Employee workflow),
// the other told there is no seat; a used link is refused; the filled opening closes and its other
// candidates are told.
func TestOfferToHire(t *testing.T) {
	mail := smtptest.Start(t)
	app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), func(c *Config) { c.SMTPURL = mail.URL() })
	defer app.Close()
	rita, drita, head, admin := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	drita.login("interviewer2@bullpen.demo", pw)
	head.login("head@bullpen.demo", pw)
	admin.login("admin@bullpen.demo", pw)
	openingID := demoOpening(t, rita)
	liridon, mimoza, hana := demoShortlist(t, rita, drita, openingID)

	// A second department head; one seat; pay limits.
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "head2@bullpen.demo", "name": "Vjosa Leka", "password": "head-two-password",
		"roles": []string{"department_head"}}, nil); code != 201 {
		t.Fatalf("second head: %d", code)
	}
	head2 := newBrowser(t, app.URL())
	head2.login("head2@bullpen.demo", "head-two-password")
	var op map[string]any
	rita.do("GET", fmt.Sprintf("/api/v1/openings/%d", openingID), nil, &op)
	settings := map[string]any{}
	for _, k := range []string{"title", "description", "recruiter_id", "interviewer_ids", "questionnaire", "questionnaire_days",
		"confirm_knock_outs", "slate_size", "role_play"} {
		settings[k] = op[k]
	}
	settings["seats"] = 1
	settings["pay_limits"] = map[string]any{"max_base": 800, "max_commission_pct": 6}
	if code := rita.do("PUT", fmt.Sprintf("/api/v1/openings/%d", openingID), settings, nil); code != 200 {
		t.Fatalf("one seat and pay limits: %d", code)
	}
	var plans struct{ Items []models.PayPlanTemplate }
	rita.do("GET", "/api/v1/pay-plans", nil, &plans)
	var rep, manager models.PayPlanTemplate
	for _, p := range plans.Items {
		switch p.Slug {
		case "sales-rep-eur":
			rep = p
		case "sales-manager-eur":
			manager = p
		}
	}
	start := time.Now().AddDate(0, 0, 30).Format(time.DateOnly)
	var p problem
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/offers", liridon), map[string]any{"template_id": manager.ID, "plan": manager.Plan,
		"start_date": "2020-01-01"}, &p); code != 400 || fmt.Sprint(p.fields()) != "[start_date template_id]" {
		t.Fatalf("a bad offer: %d %+v", code, p)
	}
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/offers", hana), map[string]any{"template_id": rep.ID, "plan": rep.Plan,
		"start_date": start}, &p); code != 409 {
		t.Fatalf("an offer at the first interview: %d %+v", code, p)
	}
	// Within the limits (base 700 after a 900 ramp: the ramp's base is above the 800 limit, so lower it).
	within := rep.Plan
	within.RampBase = 800
	var lo offerOut
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/offers", liridon), map[string]any{"template_id": rep.ID, "plan": within,
		"start_date": start}, &lo); code != 201 || lo.Status != "pending_approval" || lo.ApprovalsNeeded != 1 || len(lo.Approvers) != 2 {
		t.Fatalf("Liridon's offer: %d %+v", code, lo)
	}
	offerPath := func(id int64, tail string) string { return fmt.Sprintf("/api/v1/offers/%d%s", id, tail) }
	if code := rita.do("POST", offerPath(lo.ID, "/decision"), map[string]any{"decision": "approve"}, &p); code != 403 {
		t.Fatalf("a recruiter approves: %d %+v", code, p)
	}
	if code := head.do("POST", offerPath(lo.ID, "/decision"), map[string]any{"decision": "reject"}, &p); code != 400 || p.fields()[0] != "comment" {
		t.Fatalf("a rejection without a comment: %d %+v", code, p)
	}
	var inbox struct{ Items []offerOut }
	if code := head.do("GET", "/api/v1/offers?awaiting=me", nil, &inbox); code != 200 || len(inbox.Items) != 1 || inbox.Items[0].ID != lo.ID {
		t.Fatalf("the head's inbox: %d %+v", code, inbox)
	}
	if code := head.do("POST", offerPath(lo.ID, "/decision"), map[string]any{"decision": "approve", "version": 1}, &lo); code != 200 || lo.Status != "sent" {
		t.Fatalf("the head approves: %d %+v", code, lo)
	}
	if code := head2.do("POST", offerPath(lo.ID, "/decision"), map[string]any{"decision": "approve"}, &p); code != 409 {
		t.Fatalf("an approval after the offer went out: %d %+v", code, p)
	}

	// Outside the limits (the template's 900 ramp base): two approvals, one from each head.
	var mo offerOut
	if code := rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/offers", mimoza), map[string]any{"template_id": rep.ID, "plan": rep.Plan,
		"start_date": start}, &mo); code != 201 || mo.ApprovalsNeeded != 2 || len(mo.Breaches) != 1 || mo.Breaches[0].Field != "ramp_base" {
		t.Fatalf("Mimoza's offer: %d %+v", code, mo)
	}
	if code := head.do("POST", offerPath(mo.ID, "/decision"), map[string]any{"decision": "approve"}, &mo); code != 200 || mo.Status != "pending_approval" {
		t.Fatalf("the first of two approvals: %d %+v", code, mo)
	}
	if code := head.do("POST", offerPath(mo.ID, "/decision"), map[string]any{"decision": "approve"}, &p); code != 409 {
		t.Fatalf("the same head twice: %d %+v", code, p)
	}
	if code := head2.do("POST", offerPath(mo.ID, "/decision"), map[string]any{"decision": "approve"}, &mo); code != 200 || mo.Status != "sent" {
		t.Fatalf("the second approval: %d %+v", code, mo)
	}

	// A revision after sending voids the approvals and the link already sent.
	offerLinks := func() map[string]string {
		got := map[string]string{}
		for _, m := range mail.Messages() {
			if l := regexp.MustCompile(`/o/([A-Za-z0-9_.-]+)`).FindStringSubmatch(m.Body); l != nil {
				got[m.To[0]] = l[1] // the latest one wins
			}
		}
		return got
	}
	eventually(t, 20*time.Second, "Mimoza's first offer e-mail", func() bool { return offerLinks()["mimoza.krasniqi@example.com"] != "" })
	oldLink := offerLinks()["mimoza.krasniqi@example.com"]
	if code := rita.do("PUT", offerPath(mo.ID, ""), map[string]any{"template_id": rep.ID, "plan": rep.Plan, "start_date": start, "expires_days": 5}, &mo); code != 200 ||
		mo.Version != 2 || mo.Status != "pending_approval" {
		t.Fatalf("revise Mimoza's offer: %d %+v", code, mo)
	}
	if code := head.do("POST", offerPath(mo.ID, "/decision"), map[string]any{"decision": "approve", "version": 1}, &p); code != 409 {
		t.Fatalf("a decision on the old version: %d %+v", code, p)
	}
	for _, h := range []*browser{head, head2} {
		if code := h.do("POST", offerPath(mo.ID, "/decision"), map[string]any{"decision": "approve", "version": 2}, &mo); code != 200 {
			t.Fatalf("approve version 2: %d", code)
		}
	}
	if mo.Status != "sent" {
		t.Fatalf("version 2 after two approvals: %+v", mo)
	}
	eventually(t, 20*time.Second, "Mimoza's second offer e-mail", func() bool { return offerLinks()["mimoza.krasniqi@example.com"] != oldLink })
	if code := newBrowser(t, app.URL()).do("GET", "/api/v1/public/offers/"+oldLink, nil, &p); code != 409 || !strings.Contains(p.Detail, "changed") {
		t.Fatalf("the link sent before the revision: %d %+v", code, p)
	}

	// Both candidates get their link and accept at the same moment: one seat, one hire.
	links := map[string]string{}
	eventually(t, 20*time.Second, "both offer e-mails", func() bool {
		for _, m := range mail.Messages() {
			if l := regexp.MustCompile(`/o/([A-Za-z0-9_.-]+)`).FindStringSubmatch(m.Body); l != nil {
				links[m.To[0]] = l[1]
			}
		}
		return len(links) == 2
	})
	type pubOffer struct {
		Version int    `json:"version"`
		Status  string `json:"status"`
		Seat    string `json:"seat"`
		Plan    models.PayPlan
	}
	results := make(chan pubOffer, 2)
	for _, email := range []string{"liridon.hoxha@example.com", "mimoza.krasniqi@example.com"} {
		go func() {
			c := newBrowser(t, app.URL())
			var got pubOffer
			c.do("GET", "/api/v1/public/offers/"+links[email], nil, &got)
			c.do("POST", "/api/v1/public/offers/"+links[email], map[string]any{"decision": "accept", "version": got.Version}, &got)
			results <- got
		}()
	}
	seats := map[string]int{}
	for range 2 {
		r := <-results
		if r.Status != "accepted" {
			t.Fatalf("an acceptance: %+v", r)
		}
		seats[r.Seat]++
	}
	if seats["filled"] != 1 || seats["unavailable"] != 1 {
		t.Fatalf("seats after two acceptances of the last one: %v", seats)
	}
	if code := newBrowser(t, app.URL()).do("POST", "/api/v1/public/offers/"+links["liridon.hoxha@example.com"], map[string]any{"decision": "decline",
		"version": 1}, &p); code != 409 {
		t.Fatalf("a used offer link: %d %+v", code, p)
	}
	var hired, other int64 = liridon, mimoza
	if a, _ := app.DB.Application(context.Background(), liridon); a.Stage != "hired" {
		hired, other = mimoza, liridon
	}
	eventually(t, 20*time.Second, "the hire", func() bool {
		a, err := app.DB.Application(context.Background(), hired)
		return err == nil && a.Stage == "hired"
	})
	e, err := app.DB.EmployeeOfApplication(context.Background(), hired)
	if err != nil || e.Role != "sales_rep" {
		t.Fatalf("employee: %+v %v", e, err)
	}
	d, err := app.Temporal.DescribeWorkflowExecution(context.Background(), workflows.EmployeeWorkflowID(e.ID), "")
	if err != nil || d.WorkflowExecutionInfo.CloseTime != nil {
		t.Fatalf("the Employee workflow is not running: %v", err)
	}
	if a, _ := app.DB.Application(context.Background(), other); a.Stage != "offer" {
		t.Fatalf("the candidate without a seat is at %s; want offer, for the recruiter to resolve", a.Stage)
	}

	// The hire chooses a password from the invitation, once, and signs in.
	var invite string
	eventually(t, 20*time.Second, "the invitation", func() bool {
		for _, m := range mail.Messages() {
			if l := regexp.MustCompile(`/welcome/([A-Za-z0-9_.-]+)`).FindStringSubmatch(m.Body); l != nil {
				invite = l[1]
			}
		}
		return invite != ""
	})
	newcomer := newBrowser(t, app.URL())
	if code := newcomer.do("POST", "/api/v1/public/invites/"+invite, map[string]string{"password": "my-new-sales-life"}, nil); code != 200 {
		t.Fatalf("choose a password: %d", code)
	}
	if code := newcomer.do("POST", "/api/v1/public/invites/"+invite, map[string]string{"password": "another-password-1"}, &p); code != 409 {
		t.Fatalf("the invitation twice: %d %+v", code, p)
	}
	u, _ := app.DB.UserByID(context.Background(), e.UserID)
	newcomer.login(u.Email, "my-new-sales-life")
	monthRoutines(t, app, newcomer, head, rita, e)

	// The filled opening closes and tells its other candidates.
	eventually(t, 30*time.Second, "Hana told the opening is filled", func() bool {
		a, err := app.DB.Application(context.Background(), hana)
		return err == nil && a.Stage == "rejected" && a.ReasonCode == "position_filled"
	})
	if o, _ := app.DB.Opening(context.Background(), openingID); o.Status != models.OpeningClosed {
		t.Fatalf("opening %s; want closed", o.Status)
	}
	if os.Getenv("BULLPEN_WRITE_HISTORY") != "" {
		eventually(t, 20*time.Second, "the hire's workflow to end", func() bool {
			d, err := app.Temporal.DescribeWorkflowExecution(context.Background(), workflows.ApplicationWorkflowID(hired), "")
			return err == nil && d.WorkflowExecutionInfo.CloseTime != nil
		})
		writeWorkflowHistory(t, app, workflows.ApplicationWorkflowID(hired), "application_offer_approved_accepted_hired.json")
		// The hire, then their leaving (a running one replays the same way, up to where it is).
		writeWorkflowHistory(t, app, workflows.EmployeeWorkflowID(e.ID), "employee_hired_then_left.json")
		writeWorkflowHistory(t, app, workflows.ApplicationWorkflowID(other), "application_offer_two_approvals_no_seat.json")
		writeWorkflowHistory(t, app, workflows.OpeningWorkflowID(openingID), "opening_last_seat_filled.json")
	}
	eventually(t, 20*time.Second, "Hana's e-mail", func() bool {
		for _, m := range mail.Messages() {
			if m.To[0] == "hana.osmani@example.com" && strings.Contains(m.Body, "Every seat of this opening has now been filled") {
				return true
			}
		}
		return false
	})
}

// monthRoutines follows the new rep's first month: they win a client and a deal, the head sets the month's
// plan, the rep excuses a short month and the head accepts; closing the month (the Employee workflow's
// activity, run here at once rather than after the excuse window) writes a statement that matches the activity
// log and the ramp; the head approves it in bulk, after which it stays as it is; the CSV has its lines.
func monthRoutines(t *testing.T, app *App, rep, head, rita *browser, e *store.EmployeeRecord) {
	t.Helper()
	var acc struct{ ID int64 }
	if code := rep.do("POST", "/api/v1/accounts", map[string]string{"name": "Kafe Dukagjini", "city": "Pejë"}, &acc); code != 201 {
		t.Fatalf("the rep adds a client: %d", code)
	}
	for _, a := range []map[string]any{{"kind": "call"}, {"kind": "deal_won", "amount": 5000, "currency": "EUR"}} {
		a["account_id"] = acc.ID
		if code := rep.do("POST", "/api/v1/activities", a, nil); code != 201 {
			t.Fatalf("the rep logs %v: %d", a["kind"], code)
		}
	}
	month := time.Now().UTC().Format("2006-01")
	path := fmt.Sprintf("/api/v1/employees/%d", e.ID)
	var p problem
	// The onboarding checklist: the hire ticks their own tasks, not the admin's.
	var tasks struct {
		Items []struct {
			ID  int64  `json:"id"`
			Key string `json:"key"`
		} `json:"items"`
	}
	if code := rep.do("GET", path+"/onboarding", nil, &tasks); code != 200 || len(tasks.Items) != len(models.OnboardingFor(models.RoleSalesRep)) ||
		tasks.Items[0].Key != "account" {
		t.Fatalf("the checklist: %d %+v", code, tasks)
	}
	// The new hire finds their own record as "me", before any month has closed.
	var self struct{ ID int64 }
	if code := rep.do("GET", "/api/v1/employees/me", nil, &self); code != 200 || self.ID != e.ID {
		t.Fatalf("the hire's own record: %d %+v", code, self)
	}
	if code := head.do("GET", "/api/v1/employees/me", nil, &p); code != 404 {
		t.Fatalf("a department head's own record: %d", code)
	}
	taskID := map[string]int64{}
	for _, tk := range tasks.Items {
		taskID[tk.Key] = tk.ID
	}
	if code := rep.do("POST", fmt.Sprintf("/api/v1/onboarding-tasks/%d/done", taskID["product"]), nil, nil); code != 200 {
		t.Fatalf("the hire ticks product training: %d", code)
	}
	if code := rep.do("POST", fmt.Sprintf("/api/v1/onboarding-tasks/%d/done", taskID["account"]), nil, &p); code != 403 {
		t.Fatalf("the hire ticks the admin's task: %d", code)
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/onboarding-tasks/%d/done", taskID["product"]), nil, &p); code != 409 {
		t.Fatalf("a task ticked twice: %d", code)
	}
	if code := rep.do("PUT", path+"/plans/"+month, map[string]int{"meetings": 2, "calls": 1}, &p); code != 403 {
		t.Fatalf("a rep sets their own plan: %d", code)
	}
	var emp struct {
		Month struct {
			Plan    *models.MonthlyPlan   `json:"plan"`
			Actuals models.MonthlyActuals `json:"actuals"`
		} `json:"month"`
	}
	if code := head.do("PUT", path+"/plans/"+month, map[string]int{"meetings": 2, "calls": 1}, &emp); code != 200 || emp.Month.Plan.Meetings != 2 ||
		emp.Month.Actuals.Calls != 1 {
		t.Fatalf("the head sets the plan: %d %+v", code, emp)
	}
	if code := rita.do("GET", path, nil, &p); code != 403 {
		t.Fatalf("a recruiter reads a rep's month: %d", code)
	}
	var x store.ExcuseRecord
	if code := rep.do("POST", path+"/excuses", map[string]string{"month": month, "reason": "Two days of illness"}, &x); code != 201 {
		t.Fatalf("the rep files an excuse: %d", code)
	}
	old := time.Now().UTC().AddDate(0, -2, 0).Format("2006-01")
	if code := rep.do("POST", path+"/excuses", map[string]string{"month": old, "reason": "late"}, &p); code != 409 {
		t.Fatalf("an excuse after the window: %d %+v", code, p)
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/excuses/%d/decision", x.ID), map[string]string{"decision": "accept"}, &x); code != 200 || x.Status != "accepted" {
		t.Fatalf("the head accepts: %d %+v", code, x)
	}
	acts := &activities.Activities{DB: app.DB, Log: app.Log}
	m := workflows.EmployeeMonth{EmployeeID: e.ID, UserID: e.UserID, Month: models.MonthStart(time.Now()), MonthIndex: 1}
	for range 2 { // a retry writes nothing more
		if err := acts.CloseMonth(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	var sts struct {
		Items []struct {
			ID         int64               `json:"id"`
			Total      float64             `json:"total"`
			Status     string              `json:"status"`
			Evaluation models.Evaluation   `json:"evaluation"`
			Statement  models.PayStatement `json:"statement"`
		} `json:"items"`
	}
	if code := head.do("GET", "/api/v1/pay-statements?month="+month, nil, &sts); code != 200 || len(sts.Items) != 1 {
		t.Fatalf("statements: %d %+v", code, sts)
	}
	st := sts.Items[0]
	// Ramp month 1: the offer's ramp base (800 or 900: whichever candidate won the seat) and 2% of the 5,000
	// won; 0 of 2 meetings, excused: no penalty.
	if st.Total != e.Plan.RampBase+100 || !st.Evaluation.Excused || st.Evaluation.Penalty != 0 || st.Statement.Lines[1].Amount != 100 || st.Status != "draft" {
		t.Fatalf("the month's statement: %+v", st)
	}
	if code := rep.do("POST", "/api/v1/pay-statements/approve", map[string]any{"ids": []int64{st.ID}}, &p); code != 403 {
		t.Fatalf("a rep approves a statement: %d", code)
	}
	var approved struct{ Approved int64 }
	if code := head.do("POST", "/api/v1/pay-statements/approve", map[string]any{"ids": []int64{st.ID}}, &approved); code != 200 || approved.Approved != 1 {
		t.Fatalf("approve: %d %+v", code, approved)
	}
	if code := head.do("POST", "/api/v1/pay-statements/approve", map[string]any{"ids": []int64{st.ID}}, &approved); code != 200 || approved.Approved != 0 {
		t.Fatalf("approve twice: %d %+v", code, approved)
	}
	var mine struct{ Items []struct{ Status string } }
	if code := rep.do("GET", "/api/v1/pay-statements", nil, &mine); code != 200 || len(mine.Items) != 1 || mine.Items[0].Status != "approved" {
		t.Fatalf("the rep's own statements: %d %+v", code, mine)
	}
	res, err := head.http.Get(app.URL() + "/api/v1/pay-statements.csv?month=" + month)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "commission,Commission: 2% of 5000 won,100.00,EUR") {
		t.Fatalf("CSV:\n%s", body)
	}

	// The rep leaves: their client is proposed to the rep who stays (a repeated request gives the same
	// proposal), their workflow ends, they can no longer sign in; approved, the client moves with its history.
	leave := fmt.Sprintf("/api/v1/employees/%d/leave", e.ID)
	if code := rep.do("POST", leave, map[string]string{"reason": "x"}, &p); code != 403 {
		t.Fatalf("a rep records their own leaving: %d", code)
	}
	var h struct {
		ID          int64 `json:"id"`
		Assignments []struct {
			AccountID int64 `json:"account_id"`
			ToUserID  int64 `json:"to_user_id"`
		} `json:"assignments"`
	}
	if code := head.do("POST", leave, map[string]string{"reason": "Moves abroad"}, &h); code != 201 || len(h.Assignments) != 1 || h.Assignments[0].AccountID != acc.ID {
		t.Fatalf("leave: %d %+v", code, h)
	}
	first := h.ID
	if code := head.do("POST", leave, map[string]string{"reason": "Moves abroad"}, &h); code != 201 || h.ID != first {
		t.Fatalf("leave again: %d %+v", code, h)
	}
	if code := head.do("POST", "/api/v1/handovers", map[string]any{"from_user_id": e.UserID, "reason": "again"}, &p); code != 409 || p.fields()[0] != "from_user_id" {
		t.Fatalf("a second proposal: %d %+v", code, p)
	}
	if code := rep.do("GET", "/api/v1/me", nil, nil); code != 401 {
		t.Fatalf("the leaver still signed in: %d", code)
	}
	eventually(t, 10*time.Second, "the Employee workflow to end", func() bool {
		d, err := app.Temporal.DescribeWorkflowExecution(context.Background(), workflows.EmployeeWorkflowID(e.ID), "")
		return err == nil && d.WorkflowExecutionInfo.CloseTime != nil
	})
	if code := head.do("POST", fmt.Sprintf("/api/v1/handovers/%d/approve", h.ID), nil, nil); code != 200 {
		t.Fatalf("approve the handover: %d", code)
	}
	if code := head.do("PUT", fmt.Sprintf("/api/v1/handovers/%d", h.ID), map[string]any{"assignments": []any{}}, &p); code != 409 {
		t.Fatalf("change an approved handover: %d", code)
	}
	var moved struct {
		Owner      struct{ ID int64 } `json:"owner"`
		Activities []struct{ Kind string }
	}
	head.do("GET", fmt.Sprintf("/api/v1/accounts/%d", acc.ID), nil, &moved)
	if moved.Owner.ID != h.Assignments[0].ToUserID || moved.Owner.ID == e.UserID || len(moved.Activities) == 0 {
		t.Fatalf("the client after the handover: %+v", moved)
	}
}

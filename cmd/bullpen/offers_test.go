package main

import (
	"fmt"
	"testing"

	"github.com/bullpen-hq/bullpen/models"
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

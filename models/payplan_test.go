package models

import (
	"slices"
	"strings"
	"testing"
)

// repPlan is a rep's plan in euro: three ramp months at 900 + 2%, then 700 + 5%; 8% above 20,000 a month; the
// commission capped at 2,500.
var repPlan = PayPlan{Currency: "EUR", RampMonths: 3, RampBase: 900, RampCommissionPct: 2, Base: 700, CommissionPct: 5,
	MonthlyTarget: 20000, AcceleratorPct: 8, CommissionCap: 2500}

func TestPayDueAcrossTheRamp(t *testing.T) {
	tests := []struct {
		month  int
		sales  float64
		want   Pay
		reason string
	}{
		{1, 10000, Pay{Month: 1, Ramp: true, Sales: 10000, Base: 900, Commission: 200, Total: 1100}, "first ramp month: 900 + 2%"},
		{3, 10000, Pay{Month: 3, Ramp: true, Sales: 10000, Base: 900, Commission: 200, Total: 1100}, "last ramp month"},
		{4, 10000, Pay{Month: 4, Sales: 10000, Base: 700, Commission: 500, Total: 1200}, "first month after: 700 + 5%"},
		{4, 0, Pay{Month: 4, Base: 700, Total: 700}, "no sales: the base"},
		{4, -50, Pay{Month: 4, Sales: -50, Base: 700, Total: 700}, "a negative figure (a refund) pays no negative commission"},
		{6, 30000, Pay{Month: 6, Sales: 30000, Base: 700, Commission: 1800, Total: 2500}, "above target: 5% of 20,000 + 8% of 10,000"},
		{2, 30000, Pay{Month: 2, Ramp: true, Sales: 30000, Base: 900, Commission: 1200, Total: 2100}, "ramp above target: 2% of 20,000 + 8% of 10,000"},
		{7, 50000, Pay{Month: 7, Sales: 50000, Base: 700, Commission: 2500, Capped: true, Total: 3200}, "capped: 1,000 + 2,400 > 2,500"},
	}
	for _, tt := range tests {
		if got := repPlan.PayDue(tt.month, tt.sales); got != tt.want {
			t.Errorf("%s: PayDue(%d, %g) = %+v, want %+v", tt.reason, tt.month, tt.sales, got, tt.want)
		}
	}
	noRamp := repPlan
	noRamp.RampMonths = 0
	if got := noRamp.PayDue(1, 10000); got.Ramp || got.Total != 1200 {
		t.Errorf("without a ramp the first month pays the later terms: %+v", got)
	}
}

func TestPayTable(t *testing.T) {
	tab := repPlan.Table(12, nil)
	if len(tab.Scenarios) != 3 || tab.Scenarios[1].Sales != 20000 || len(tab.Rows) != 12 {
		t.Fatalf("table: %d scenarios (target %v), %d rows", len(tab.Scenarios), tab.Scenarios, len(tab.Rows))
	}
	if !tab.Rows[2].Ramp || tab.Rows[3].Ramp {
		t.Errorf("ramp flags: month 3 %v, month 4 %v", tab.Rows[2].Ramp, tab.Rows[3].Ramp)
	}
	// At target: 3 x (900 + 400) + 9 x (700 + 1,000).
	if tab.Totals[1] != 3*1300+9*1700 {
		t.Errorf("year at target = %v, want %v", tab.Totals[1], 3*1300+9*1700)
	}
	custom := repPlan.Table(3, []PayScenario{{"flat", 0}})
	if len(custom.Rows) != 3 || custom.Totals[0] != 2700 {
		t.Errorf("custom table %+v", custom)
	}
}

func TestPayPlanValidate(t *testing.T) {
	if err := repPlan.Validate(); err != nil {
		t.Fatalf("rep plan: %v", err)
	}
	bad := PayPlan{Currency: "USD", RampMonths: 13, RampBase: 500, RampCommissionPct: 9, Base: 700, CommissionPct: 5, AcceleratorPct: 3, CommissionCap: -1}
	err := bad.Validate()
	var fields []string
	for _, f := range Nested(err, "") {
		fields = append(fields, f.Field)
	}
	slices.Sort(fields)
	want := []string{"accelerator_pct", "commission_cap", "currency", "monthly_target", "ramp_base", "ramp_commission_pct", "ramp_months"}
	if !slices.Equal(fields, want) {
		t.Errorf("fields %v, want %v (%v)", fields, want, err)
	}
	// A ramp pays a higher base and a lower commission than what follows.
	inverted := repPlan
	inverted.RampBase, inverted.RampCommissionPct = 600, 6
	fields = nil
	for _, f := range Nested(inverted.Validate(), "") {
		fields = append(fields, f.Field)
	}
	if !slices.Equal(fields, []string{"ramp_base", "ramp_commission_pct"}) {
		t.Errorf("inverted ramp: %v", fields)
	}
	if err := (PayPlan{Currency: "ALL"}).Validate(); err == nil || !strings.Contains(Nested(err, "")[0].Message, "base or a commission") {
		t.Errorf("an empty plan: %v", err)
	}
}

func TestPayLimits(t *testing.T) {
	l := PayLimits{MinBase: 600, MaxBase: 1000, MinCommissionPct: 3, MaxCommissionPct: 6, MaxRampMonths: 3}
	if err := l.Validate(); err != nil {
		t.Fatal(err)
	}
	if b := l.Breaches(repPlan); len(b) != 0 {
		t.Errorf("the rep plan is within the limits: %v", b)
	}
	rich := repPlan
	rich.Base, rich.RampBase, rich.CommissionPct, rich.RampMonths = 1200, 1300, 7, 4
	var fields []string
	for _, f := range l.Breaches(rich) {
		fields = append(fields, f.Field)
	}
	if !slices.Equal(fields, []string{"base", "commission_pct", "ramp_base", "ramp_months"}) {
		t.Errorf("breaches %v", l.Breaches(rich))
	}
	if err := (PayLimits{MinBase: 10, MaxBase: 5, MaxRampMonths: 20}).Validate(); len(Nested(err, "")) != 2 {
		t.Errorf("incoherent limits: %v", err)
	}
}

func TestPayPlanLibrary(t *testing.T) {
	seen := map[string]bool{}
	for _, tpl := range PayPlanLibrary {
		if err := tpl.Validate(); err != nil {
			t.Errorf("%s: %v", tpl.Slug, err)
		}
		seen[string(tpl.Role)+"/"+tpl.Plan.Currency] = true
	}
	for _, k := range []string{"sales_rep/EUR", "sales_rep/ALL", "sales_manager/EUR", "sales_manager/ALL"} {
		if !seen[k] {
			t.Errorf("no template for %s", k)
		}
	}
	if err := (PayPlanTemplate{Slug: "x", Name: " ", Role: RoleAdmin, Plan: repPlan}).Validate(); len(Nested(err, "")) != 2 {
		t.Errorf("a nameless admin template: %v", err)
	}
}

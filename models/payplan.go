package models

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Currencies a pay plan may be in: Albanian lek and euro (Kosovo and Albania).
var Currencies = []string{"ALL", "EUR"}

// PayPlan is how a salesperson is paid: a monthly base salary plus a commission on won deals, with a ramp
// (seed step 2): for the first RampMonths months a higher base and a lower commission, then a lower base and a
// higher commission. Above the monthly target, the excess earns the accelerator rate instead; the month's
// commission may be capped. Amounts are per month in the plan's currency; rates are percentages.
type PayPlan struct {
	Currency          string  `json:"currency"`
	RampMonths        int     `json:"ramp_months"`
	RampBase          float64 `json:"ramp_base"`
	RampCommissionPct float64 `json:"ramp_commission_pct"`
	Base              float64 `json:"base"`
	CommissionPct     float64 `json:"commission_pct"`
	// MonthlyTarget is the month's sales plan; with AcceleratorPct above zero, sales above it earn that rate.
	MonthlyTarget  float64 `json:"monthly_target"`
	AcceleratorPct float64 `json:"accelerator_pct"`
	// CommissionCap bounds a month's commission (accelerator included); zero means no cap.
	CommissionCap float64 `json:"commission_cap"`
}

// DefaultRampMonths is the ramp's length when a plan does not say (the seed says two to three months).
const DefaultRampMonths = 3

// Validate checks a pay plan and names each bad field. The ramp is what the seed describes: its base is at
// least the later base, its commission at most the later one.
func (p PayPlan) Validate() error {
	var fields []FieldError
	bad := func(field, format string, args ...any) {
		fields = append(fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	if !slices.Contains(Currencies, p.Currency) {
		bad("currency", "must be ALL or EUR")
	}
	if p.RampMonths < 0 || p.RampMonths > 12 {
		bad("ramp_months", "must be from 0 to 12")
	}
	money := func(field string, v float64) bool {
		if math.IsNaN(v) || v < 0 || v > 1e9 {
			bad(field, "must be from 0 to 1,000,000,000")
			return false
		}
		return true
	}
	pct := func(field string, v float64) bool {
		if math.IsNaN(v) || v < 0 || v > 100 {
			bad(field, "must be a percentage from 0 to 100")
			return false
		}
		return true
	}
	base, rampBase := money("base", p.Base), money("ramp_base", p.RampBase)
	comm, rampComm := pct("commission_pct", p.CommissionPct), pct("ramp_commission_pct", p.RampCommissionPct)
	money("monthly_target", p.MonthlyTarget)
	money("commission_cap", p.CommissionCap)
	if pct("accelerator_pct", p.AcceleratorPct) && p.AcceleratorPct > 0 {
		if p.MonthlyTarget <= 0 {
			bad("monthly_target", "is required with an accelerator: the excess above it earns the accelerator rate")
		}
		if comm && p.AcceleratorPct < p.CommissionPct {
			bad("accelerator_pct", "must be at least the commission (%g%%)", p.CommissionPct)
		}
	}
	if p.RampMonths > 0 {
		if base && rampBase && p.RampBase < p.Base {
			bad("ramp_base", "must be at least the base after the ramp (%g): the ramp pays a higher base", p.Base)
		}
		if comm && rampComm && p.RampCommissionPct > p.CommissionPct {
			bad("ramp_commission_pct", "must be at most the commission after the ramp (%g%%): the ramp pays a lower commission", p.CommissionPct)
		}
	}
	if base && p.Base == 0 && p.CommissionPct == 0 {
		bad("base", "a plan needs a base or a commission")
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// Pay is what a pay plan pays in one month of employment for one month's sales.
type Pay struct {
	Month      int     `json:"month"`
	Ramp       bool    `json:"ramp"`
	Sales      float64 `json:"sales"`
	Base       float64 `json:"base"`
	Commission float64 `json:"commission"`
	Capped     bool    `json:"capped"`
	Total      float64 `json:"total"`
}

// PayDue computes the pay for month (1 is the first month of employment) and that month's won sales: the
// ramp's base and rate while month <= RampMonths, the later ones after; the accelerator rate on sales above the
// target; the cap on the commission. Amounts are rounded to cents.
func (p PayPlan) PayDue(month int, sales float64) Pay {
	out := Pay{Month: month, Sales: sales, Ramp: month >= 1 && month <= p.RampMonths}
	base, rate := p.Base, p.CommissionPct
	if out.Ramp {
		base, rate = p.RampBase, p.RampCommissionPct
	}
	sales = max(sales, 0)
	commission := sales * rate / 100
	if p.AcceleratorPct > 0 && p.MonthlyTarget > 0 && sales > p.MonthlyTarget {
		commission = p.MonthlyTarget*rate/100 + (sales-p.MonthlyTarget)*max(p.AcceleratorPct, rate)/100
	}
	if p.CommissionCap > 0 && commission > p.CommissionCap {
		commission, out.Capped = p.CommissionCap, true
	}
	out.Base, out.Commission = round2(base), round2(commission)
	out.Total = round2(base + commission)
	return out
}

// PayScenario is one monthly sales figure to project pay over.
type PayScenario struct {
	Name  string  `json:"name"`
	Sales float64 `json:"sales"`
}

// PayRow is one month of a pay table: the pay under each scenario, in the scenarios' order.
type PayRow struct {
	Month int   `json:"month"`
	Ramp  bool  `json:"ramp"`
	Pay   []Pay `json:"pay"`
}

// PayTable projects a plan's pay over the first months of employment for a few monthly sales figures, so a
// candidate and a department head see what the ramp means. Totals holds each scenario's sum.
type PayTable struct {
	Scenarios []PayScenario `json:"scenarios"`
	Rows      []PayRow      `json:"rows"`
	Totals    []float64     `json:"totals"`
}

// Table projects the plan over months months (12 when zero) for the scenarios; without scenarios it uses
// half the target, the target and one and a half times it (or, without a target, 0 and the amounts that
// would pay the base again in commission).
func (p PayPlan) Table(months int, scenarios []PayScenario) PayTable {
	if months <= 0 {
		months = 12
	}
	if len(scenarios) == 0 {
		scenarios = p.DefaultScenarios()
	}
	t := PayTable{Scenarios: scenarios, Totals: make([]float64, len(scenarios))}
	for m := 1; m <= months; m++ {
		row := PayRow{Month: m, Ramp: m <= p.RampMonths}
		for i, s := range scenarios {
			pay := p.PayDue(m, s.Sales)
			row.Pay = append(row.Pay, pay)
			t.Totals[i] = round2(t.Totals[i] + pay.Total)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// DefaultScenarios are the sales figures a pay table shows when none are given.
func (p PayPlan) DefaultScenarios() []PayScenario {
	target := p.MonthlyTarget
	if target <= 0 {
		if p.CommissionPct > 0 {
			target = math.Round(p.Base / (p.CommissionPct / 100))
		} else {
			target = 0
		}
	}
	return []PayScenario{{"low", round2(target / 2)}, {"target", round2(target)}, {"high", round2(target * 1.5)}}
}

// PayLimits bound how far an opening's offers may deviate from the pay plan template; an offer outside them
// needs one more approver. Zero fields are no bound.
type PayLimits struct {
	MinBase          float64 `json:"min_base"`
	MaxBase          float64 `json:"max_base"`
	MinCommissionPct float64 `json:"min_commission_pct"`
	MaxCommissionPct float64 `json:"max_commission_pct"`
	MaxRampMonths    int     `json:"max_ramp_months"`
}

// Validate checks the limits are coherent.
func (l PayLimits) Validate() error {
	var fields []FieldError
	for name, v := range map[string]float64{"min_base": l.MinBase, "max_base": l.MaxBase, "min_commission_pct": l.MinCommissionPct,
		"max_commission_pct": l.MaxCommissionPct} {
		if math.IsNaN(v) || v < 0 || (v > 100 && (name == "min_commission_pct" || name == "max_commission_pct")) || v > 1e9 {
			fields = append(fields, FieldError{Field: name, Message: "is out of range"})
		}
	}
	if l.MaxBase > 0 && l.MinBase > l.MaxBase {
		fields = append(fields, FieldError{Field: "min_base", Message: "must be at most max_base"})
	}
	if l.MaxCommissionPct > 0 && l.MinCommissionPct > l.MaxCommissionPct {
		fields = append(fields, FieldError{Field: "min_commission_pct", Message: "must be at most max_commission_pct"})
	}
	if l.MaxRampMonths < 0 || l.MaxRampMonths > 12 {
		fields = append(fields, FieldError{Field: "max_ramp_months", Message: "must be from 0 to 12"})
	}
	if len(fields) > 0 {
		slices.SortFunc(fields, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
		return Invalid(fields...)
	}
	return nil
}

// Breaches lists how a plan goes beyond the limits, field by field; none means it is within them. Both the
// ramp's and the later base and commission are checked.
func (l PayLimits) Breaches(p PayPlan) []FieldError {
	var out []FieldError
	check := func(field string, v, lo, hi float64, unit string) {
		switch {
		case lo > 0 && v < lo:
			out = append(out, FieldError{Field: field, Message: fmt.Sprintf("%g%s is below the opening's minimum of %g%s", v, unit, lo, unit)})
		case hi > 0 && v > hi:
			out = append(out, FieldError{Field: field, Message: fmt.Sprintf("%g%s is above the opening's maximum of %g%s", v, unit, hi, unit)})
		}
	}
	check("base", p.Base, l.MinBase, l.MaxBase, "")
	check("commission_pct", p.CommissionPct, l.MinCommissionPct, l.MaxCommissionPct, "%")
	if p.RampMonths > 0 {
		check("ramp_base", p.RampBase, l.MinBase, l.MaxBase, "")
		check("ramp_commission_pct", p.RampCommissionPct, 0, l.MaxCommissionPct, "%")
	}
	if l.MaxRampMonths > 0 && p.RampMonths > l.MaxRampMonths {
		out = append(out, FieldError{Field: "ramp_months", Message: fmt.Sprintf("%d months is longer than the opening's maximum of %d", p.RampMonths, l.MaxRampMonths)})
	}
	return out
}

// PayPlanTemplate is a named pay plan an admin keeps for a role and currency; an offer starts from one.
type PayPlanTemplate struct {
	ID       int64   `json:"id"`
	Slug     string  `json:"slug"`
	Name     string  `json:"name"`
	Role     Role    `json:"role"`
	Plan     PayPlan `json:"plan"`
	Archived bool    `json:"archived"`
}

// Validate checks a template: a name, a hiring role, a valid plan.
func (t PayPlanTemplate) Validate() error {
	var fields []FieldError
	if !idPattern.MatchString(t.Slug) {
		fields = append(fields, FieldError{Field: "slug", Message: "must be 1-40 lower-case letters, digits, - or _"})
	}
	if n := len([]rune(strings.TrimSpace(t.Name))); n == 0 || n > 120 {
		fields = append(fields, FieldError{Field: "name", Message: "is required, at most 120 characters"})
	}
	if t.Role != RoleSalesRep && t.Role != RoleSalesManager {
		fields = append(fields, FieldError{Field: "role", Message: "must be sales_rep or sales_manager"})
	}
	if err := t.Plan.Validate(); err != nil {
		fields = append(fields, Nested(err, "plan.")...)
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// PayPlanLibrary holds the templates Bullpen starts with: a rep and a manager, in euro and in lek. The lek
// figures follow the euro ones at about 100 lek to the euro, rounded.
var PayPlanLibrary = []PayPlanTemplate{
	{Slug: "sales-rep-eur", Name: "Sales rep (EUR)", Role: RoleSalesRep, Plan: PayPlan{Currency: "EUR", RampMonths: 3, RampBase: 900,
		RampCommissionPct: 2, Base: 700, CommissionPct: 5, MonthlyTarget: 20000, AcceleratorPct: 8, CommissionCap: 3000}},
	{Slug: "sales-rep-all", Name: "Sales rep (ALL)", Role: RoleSalesRep, Plan: PayPlan{Currency: "ALL", RampMonths: 3, RampBase: 90000,
		RampCommissionPct: 2, Base: 70000, CommissionPct: 5, MonthlyTarget: 2000000, AcceleratorPct: 8, CommissionCap: 300000}},
	{Slug: "sales-manager-eur", Name: "Sales manager (EUR)", Role: RoleSalesManager, Plan: PayPlan{Currency: "EUR", RampMonths: 3,
		RampBase: 1600, RampCommissionPct: 0.5, Base: 1300, CommissionPct: 1.5, MonthlyTarget: 120000, AcceleratorPct: 2.5, CommissionCap: 4000}},
	{Slug: "sales-manager-all", Name: "Sales manager (ALL)", Role: RoleSalesManager, Plan: PayPlan{Currency: "ALL", RampMonths: 3,
		RampBase: 160000, RampCommissionPct: 0.5, Base: 130000, CommissionPct: 1.5, MonthlyTarget: 12000000, AcceleratorPct: 2.5, CommissionCap: 400000}},
}

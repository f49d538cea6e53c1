package models

import (
	"fmt"
	"math"
	"time"
)

// MonthlyPlan is a rep's plan for a month (seed step 4): direct client meetings and cold calls.
type MonthlyPlan struct {
	Meetings int `json:"meetings"`
	Calls    int `json:"calls"`
}

// MonthlyActuals is what the rep did in the month, from the activity log.
type MonthlyActuals struct {
	Meetings int `json:"meetings"`
	Calls    int `json:"calls"`
}

// PlanRules turn a month's result into a bonus or a penalty (seed step 4: a bonus above plan, a penalty below
// it unless excused). Amounts are in the rep's pay plan currency.
type PlanRules struct {
	// BonusPerMeeting and BonusPerCall are paid for each unit above plan; BonusCap bounds the month's bonus.
	BonusPerMeeting float64 `json:"bonus_per_meeting"`
	BonusPerCall    float64 `json:"bonus_per_call"`
	BonusCap        float64 `json:"bonus_cap"`
	// PenaltyPerMeeting and PenaltyPerCall are charged for each unit below plan beyond the tolerance;
	// PenaltyCap bounds the month's penalty.
	PenaltyPerMeeting float64 `json:"penalty_per_meeting"`
	PenaltyPerCall    float64 `json:"penalty_per_call"`
	PenaltyCap        float64 `json:"penalty_cap"`
	// TolerancePct is how far below plan (in percent) carries no penalty.
	TolerancePct float64 `json:"tolerance_pct"`
}

// Scaled multiplies the rules' amounts by f (the euro defaults in lek: 100).
func (r PlanRules) Scaled(f float64) PlanRules {
	r.BonusPerMeeting, r.BonusPerCall, r.BonusCap = r.BonusPerMeeting*f, r.BonusPerCall*f, r.BonusCap*f
	r.PenaltyPerMeeting, r.PenaltyPerCall, r.PenaltyCap = r.PenaltyPerMeeting*f, r.PenaltyPerCall*f, r.PenaltyCap*f
	return r
}

// DefaultPlanRules are the rules a department starts with (in euro; scaled for lek by the caller).
var DefaultPlanRules = PlanRules{BonusPerMeeting: 25, BonusPerCall: 1, BonusCap: 500, PenaltyPerMeeting: 10, PenaltyPerCall: 0.5,
	PenaltyCap: 150, TolerancePct: 10}

// Evaluation is a month's outcome with its working, step by step.
type Evaluation struct {
	Plan     MonthlyPlan    `json:"plan"`
	Actuals  MonthlyActuals `json:"actuals"`
	Bonus    float64        `json:"bonus"`
	Penalty  float64        `json:"penalty"`
	Excused  bool           `json:"excused"`
	Capped   bool           `json:"capped"`
	Working  []string       `json:"working"`
	Meetings float64        `json:"meetings_attainment"`
	Calls    float64        `json:"calls_attainment"`
}

// EvaluateMonth applies the rules to a month: each unit above plan earns its bonus; each unit below plan
// beyond the tolerance costs its penalty, unless the month is excused (an excuse the manager accepted). Bonus
// and penalty are capped. Meetings and calls count separately, so a month can earn both.
func EvaluateMonth(p MonthlyPlan, a MonthlyActuals, r PlanRules, excused bool) Evaluation {
	e := Evaluation{Plan: p, Actuals: a, Excused: excused, Working: []string{}, Meetings: attainment(a.Meetings, p.Meetings),
		Calls: attainment(a.Calls, p.Calls)}
	for _, x := range []struct {
		what           string
		planned, done  int
		bonus, penalty float64
	}{{"meetings", p.Meetings, a.Meetings, r.BonusPerMeeting, r.PenaltyPerMeeting}, {"calls", p.Calls, a.Calls, r.BonusPerCall, r.PenaltyPerCall}} {
		switch {
		case x.done > x.planned:
			over := x.done - x.planned
			e.Bonus += float64(over) * x.bonus
			e.Working = append(e.Working, fmt.Sprintf("%s: %d of %d planned, %d above plan × %g = %g bonus", x.what, x.done, x.planned, over, x.bonus,
				round2(float64(over)*x.bonus)))
		case x.done < x.planned:
			short := x.planned - x.done
			allowed := int(math.Floor(float64(x.planned) * r.TolerancePct / 100))
			counted := max(short-allowed, 0)
			switch {
			case counted == 0:
				e.Working = append(e.Working, fmt.Sprintf("%s: %d of %d planned, %d short, within the %g%% tolerance: no penalty", x.what, x.done,
					x.planned, short, r.TolerancePct))
			case excused:
				e.Working = append(e.Working, fmt.Sprintf("%s: %d of %d planned, %d short: excused, no penalty", x.what, x.done, x.planned, short))
			default:
				e.Penalty += float64(counted) * x.penalty
				e.Working = append(e.Working, fmt.Sprintf("%s: %d of %d planned, %d short (%d tolerated) × %g = %g penalty", x.what, x.done, x.planned,
					short, allowed, x.penalty, round2(float64(counted)*x.penalty)))
			}
		default:
			e.Working = append(e.Working, fmt.Sprintf("%s: %d of %d planned, on plan", x.what, x.done, x.planned))
		}
	}
	if r.BonusCap > 0 && e.Bonus > r.BonusCap {
		e.Working = append(e.Working, fmt.Sprintf("bonus %g capped at %g", round2(e.Bonus), r.BonusCap))
		e.Bonus, e.Capped = r.BonusCap, true
	}
	if r.PenaltyCap > 0 && e.Penalty > r.PenaltyCap {
		e.Working = append(e.Working, fmt.Sprintf("penalty %g capped at %g", round2(e.Penalty), r.PenaltyCap))
		e.Penalty, e.Capped = r.PenaltyCap, true
	}
	e.Bonus, e.Penalty = round2(e.Bonus), round2(e.Penalty)
	return e
}

func attainment(done, planned int) float64 {
	if planned <= 0 {
		return 0
	}
	return round2(float64(done) / float64(planned))
}

// StatementLine is one line of a pay statement.
type StatementLine struct {
	Kind   string  `json:"kind"` // base, commission, bonus, penalty
	Label  string  `json:"label"`
	Amount float64 `json:"amount"`
}

// PayStatement is a month's pay: base by ramp month, commission on won deals at that month's rate, bonus,
// penalty, and the total, in the plan's currency.
type PayStatement struct {
	Month    int             `json:"month"`
	Ramp     bool            `json:"ramp"`
	Currency string          `json:"currency"`
	Lines    []StatementLine `json:"lines"`
	Total    float64         `json:"total"`
}

// Statement writes a month's pay statement: month is the month of employment (1 is the first), wonSales the
// month's deals won, e the month's evaluation.
func Statement(p PayPlan, month int, wonSales float64, e Evaluation) PayStatement {
	pay := p.PayDue(month, wonSales)
	phase := "after the ramp"
	rate := p.CommissionPct
	if pay.Ramp {
		phase, rate = fmt.Sprintf("ramp month %d of %d", month, p.RampMonths), p.RampCommissionPct
	}
	s := PayStatement{Month: month, Ramp: pay.Ramp, Currency: p.Currency, Lines: []StatementLine{
		{Kind: "base", Label: "Base salary (" + phase + ")", Amount: pay.Base},
		{Kind: "commission", Label: fmt.Sprintf("Commission: %g%% of %g won", rate, round2(max(wonSales, 0))), Amount: pay.Commission},
	}}
	if pay.Capped {
		s.Lines[1].Label += fmt.Sprintf(" (capped at %g)", p.CommissionCap)
	}
	if e.Bonus > 0 {
		s.Lines = append(s.Lines, StatementLine{Kind: "bonus", Label: "Bonus above plan", Amount: e.Bonus})
	}
	if e.Penalty > 0 {
		s.Lines = append(s.Lines, StatementLine{Kind: "penalty", Label: "Penalty below plan", Amount: -e.Penalty})
	}
	total := 0.0
	for _, l := range s.Lines {
		total += l.Amount
	}
	s.Total = round2(total)
	return s
}

// MonthStart is the first instant (UTC) of t's calendar month.
func MonthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// DefaultExcuseWorkingDays is how many working days after a month's end an excuse may still be filed and
// accepted.
const DefaultExcuseWorkingDays = 3

// ExcuseDeadline is when the excuse window of the month starting at month closes: workingDays working days
// (Monday to Friday) after the month's end.
func ExcuseDeadline(month time.Time, workingDays int) time.Time {
	t := MonthStart(month).AddDate(0, 1, 0)
	for n := 0; n < workingDays; {
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
		t = t.AddDate(0, 0, 1)
	}
	return t
}

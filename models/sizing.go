package models

import (
	"fmt"
	"math"
)

// SizingInput is what a department knows before it hires: how much it wants to sell, how selling works for
// it, and what one rep can do in a month. Seed step 1: "Decide how many employees you need."
type SizingInput struct {
	// MonthlyRevenueTarget is the planned sales volume per month, in the plan's currency.
	MonthlyRevenueTarget float64 `json:"monthly_revenue_target"`
	// AverageDealSize is the revenue of one won deal, in the same currency.
	AverageDealSize float64 `json:"average_deal_size"`
	// WinRate is the share of qualified meetings that end in a won deal (0 < x <= 1).
	WinRate float64 `json:"win_rate"`
	// CallsPerMeeting is how many cold calls it takes to book one meeting (>= 1).
	CallsPerMeeting float64 `json:"calls_per_meeting"`
	// WorkingDaysPerMonth is a rep's working days in a month.
	WorkingDaysPerMonth int `json:"working_days_per_month"`
	// CallsPerDay is how many cold calls a rep makes on a working day.
	CallsPerDay int `json:"calls_per_day"`
	// MeetingsPerMonth is how many client meetings one rep can hold in a month.
	MeetingsPerMonth int `json:"meetings_per_month"`
	// RampMonths is how long a new hire takes to reach full productivity (0 for none).
	RampMonths int `json:"ramp_months"`
	// RampProductivity is the share of full output a new hire reaches during the ramp (0 < x <= 1).
	RampProductivity float64 `json:"ramp_productivity"`
	// SpanOfControl is how many reps one sales manager can lead.
	SpanOfControl int `json:"span_of_control"`
}

// Limits on sizing inputs: beyond them the input is a typo, not a plan.
const (
	MaxRevenueTarget  = 1e12
	MaxRepsSized      = 1000
	MaxRampMonths     = 24
	MaxSpanOfControl  = 50
	MaxCallsPerDay    = 500
	MaxMeetingsPerRep = 500
	// The smallest shares and sizes that still describe a business; below them the arithmetic only overflows.
	MinDealSize         = 0.01
	MinWinRate          = 0.001
	MinRampProductivity = 0.01
)

// Binding names the limit that caps what one rep can do: the meetings they can hold, or the calls they can make.
type Binding string

// The two limits on a rep's monthly meetings.
const (
	BindingMeetings Binding = "meetings"
	BindingCalls    Binding = "calls"
)

// Activity is a month of sales work: deals won, meetings held, cold calls made.
type Activity struct {
	Deals     int `json:"deals"`
	Meetings  int `json:"meetings"`
	ColdCalls int `json:"cold_calls"`
}

// RepCapacity is what one fully productive rep does in a month.
type RepCapacity struct {
	ColdCalls         int     `json:"cold_calls"`
	Meetings          int     `json:"meetings"`
	MeetingsFromCalls int     `json:"meetings_from_calls"`
	Deals             float64 `json:"deals"`
	Revenue           float64 `json:"revenue"`
	Binding           Binding `json:"binding"`
}

// RampEffect is what the ramp of new hires does to the first months.
type RampEffect struct {
	Months       int     `json:"months"`
	Productivity float64 `json:"productivity"`
	// AttainmentDuringRamp is the share of the target the sized team reaches while everyone ramps.
	AttainmentDuringRamp float64 `json:"attainment_during_ramp"`
	// RepsToHitTargetDuringRamp is how many ramping reps it would take to reach the target from month one.
	RepsToHitTargetDuringRamp int `json:"reps_to_hit_target_during_ramp"`
}

// WorkingStep is one step of the calculation in plain words. Code and Values let a UI say it in any language;
// Text says it in English.
type WorkingStep struct {
	Code   string         `json:"code"`
	Values map[string]any `json:"values"`
	Text   string         `json:"text"`
}

// SizingResult is the team a sizing input calls for, with the working that leads to it.
type SizingResult struct {
	RepsNeeded     int           `json:"reps_needed"`
	ManagerNeeded  bool          `json:"manager_needed"`
	ManagersNeeded int           `json:"managers_needed"`
	Headcount      int           `json:"headcount"`
	Activity       Activity      `json:"activity"`
	RepCapacity    RepCapacity   `json:"rep_capacity"`
	Ramp           RampEffect    `json:"ramp"`
	Working        []WorkingStep `json:"working"`
}

// Validate reports every impossible value in the input, by JSON field name.
func (in SizingInput) Validate() error {
	var errs []FieldError
	bad := func(field, msg string) { errs = append(errs, FieldError{Field: field, Message: msg}) }
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

	if !finite(in.MonthlyRevenueTarget) || in.MonthlyRevenueTarget <= 0 {
		bad("monthly_revenue_target", "must be greater than 0")
	} else if in.MonthlyRevenueTarget > MaxRevenueTarget {
		bad("monthly_revenue_target", fmt.Sprintf("must be at most %.0f", MaxRevenueTarget))
	}
	if !finite(in.AverageDealSize) || in.AverageDealSize < MinDealSize {
		bad("average_deal_size", "must be at least 0.01")
	}
	if !finite(in.WinRate) || in.WinRate < MinWinRate || in.WinRate > 1 {
		bad("win_rate", "must be between 0.001 and 1 (a share: 0.25 means 1 deal in 4 meetings)")
	}
	if !finite(in.CallsPerMeeting) || in.CallsPerMeeting < 1 || in.CallsPerMeeting > 10000 {
		bad("calls_per_meeting", "must be between 1 and 10000")
	}
	if in.WorkingDaysPerMonth < 1 || in.WorkingDaysPerMonth > 31 {
		bad("working_days_per_month", "must be between 1 and 31")
	}
	if in.CallsPerDay < 1 || in.CallsPerDay > MaxCallsPerDay {
		bad("calls_per_day", fmt.Sprintf("must be between 1 and %d", MaxCallsPerDay))
	}
	if in.MeetingsPerMonth < 1 || in.MeetingsPerMonth > MaxMeetingsPerRep {
		bad("meetings_per_month", fmt.Sprintf("must be between 1 and %d", MaxMeetingsPerRep))
	}
	if in.RampMonths < 0 || in.RampMonths > MaxRampMonths {
		bad("ramp_months", fmt.Sprintf("must be between 0 and %d", MaxRampMonths))
	}
	if !finite(in.RampProductivity) || in.RampProductivity < MinRampProductivity || in.RampProductivity > 1 {
		bad("ramp_productivity", "must be between 0.01 and 1 (a share: 0.5 means half of full output)")
	}
	if in.SpanOfControl < 1 || in.SpanOfControl > MaxSpanOfControl {
		bad("span_of_control", fmt.Sprintf("must be between 1 and %d", MaxSpanOfControl))
	}
	if len(errs) > 0 {
		return Invalid(errs...)
	}
	if in.CallsPerMeeting > float64(in.WorkingDaysPerMonth*in.CallsPerDay) {
		return Invalid(FieldError{Field: "calls_per_day",
			Message: "a rep's calls in a month cannot book even one meeting; raise calls per day or lower calls per meeting"})
	}
	return nil
}

// ceil rounds up, forgiving the float noise of a division that should be exact (60000/2500 = 24, not 25).
func ceil(x float64) int { return int(math.Ceil(x - 1e-9)) }

// Size turns planned sales volume into headcount. The rules, in order:
//
//  1. Deals a month = target / deal size, rounded up.
//  2. Meetings a month = deals / win rate, rounded up.
//  3. Cold calls a month = meetings x calls per meeting, rounded up.
//  4. One rep's meetings a month = the lesser of the meetings they can hold and the meetings their calls
//     (working days x calls per day) can book. That lesser limit is the binding one.
//  5. Reps = meetings / one rep's meetings, rounded up.
//  6. One person is enough for a small volume; a team of two or more gets a manager first (seed step 2),
//     one manager per span of control.
//  7. During the ramp every new rep works at ramp productivity: the result says what share of the target the
//     sized team reaches then, and how many ramping reps it would take to reach it from month one. The team is
//     sized for steady state; the ramp is a cost the department head sees before approving.
//
// It returns EINVALID with the fields at fault for impossible inputs.
func Size(in SizingInput) (SizingResult, error) {
	if err := in.Validate(); err != nil {
		return SizingResult{}, err
	}
	var r SizingResult
	// However large the target, a team of MaxRepsSized holds at most this many meetings: check the quotients
	// as floats first, so that no rounding to int can overflow.
	maxMeetings := float64(MaxRepsSized * MaxMeetingsPerRep)
	if in.MonthlyRevenueTarget/in.AverageDealSize/in.WinRate > maxMeetings {
		return SizingResult{}, tooLarge()
	}
	deals := ceil(in.MonthlyRevenueTarget / in.AverageDealSize)
	meetings := ceil(float64(deals) / in.WinRate)
	calls := ceil(float64(meetings) * in.CallsPerMeeting)
	r.Activity = Activity{Deals: deals, Meetings: meetings, ColdCalls: calls}

	repCalls := in.WorkingDaysPerMonth * in.CallsPerDay
	fromCalls := int(math.Floor(float64(repCalls)/in.CallsPerMeeting + 1e-9))
	repMeetings, binding := in.MeetingsPerMonth, BindingMeetings
	if fromCalls < in.MeetingsPerMonth {
		repMeetings, binding = fromCalls, BindingCalls
	}
	r.RepCapacity = RepCapacity{
		ColdCalls:         repCalls,
		Meetings:          repMeetings,
		MeetingsFromCalls: fromCalls,
		Deals:             round2(float64(repMeetings) * in.WinRate),
		Revenue:           round2(float64(repMeetings) * in.WinRate * in.AverageDealSize),
		Binding:           binding,
	}

	r.RepsNeeded = ceil(float64(meetings) / float64(repMeetings))
	if r.RepsNeeded > MaxRepsSized {
		return SizingResult{}, tooLarge()
	}
	if r.RepsNeeded > 1 {
		r.ManagerNeeded = true
		r.ManagersNeeded = ceil(float64(r.RepsNeeded) / float64(in.SpanOfControl))
	}
	r.Headcount = r.RepsNeeded + r.ManagersNeeded

	r.Ramp = RampEffect{Months: in.RampMonths, Productivity: in.RampProductivity, AttainmentDuringRamp: 1, RepsToHitTargetDuringRamp: r.RepsNeeded}
	if in.RampMonths > 0 {
		r.Ramp.AttainmentDuringRamp = round2(math.Min(1, float64(r.RepsNeeded*repMeetings)*in.RampProductivity/float64(meetings)))
		r.Ramp.RepsToHitTargetDuringRamp = ceil(float64(meetings) / (float64(repMeetings) * in.RampProductivity))
	}
	r.Working = working(in, r)
	return r, nil
}

func tooLarge() error {
	return Invalid(FieldError{Field: "monthly_revenue_target",
		Message: fmt.Sprintf("calls for more than %d reps; Bullpen sizes teams of up to %d, so split the target across departments", MaxRepsSized, MaxRepsSized)})
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// working explains a result step by step, in the order Size computes it.
func working(in SizingInput, r SizingResult) []WorkingStep {
	c := r.RepCapacity
	a := r.Activity
	steps := []WorkingStep{
		{Code: "deals", Values: map[string]any{"target": in.MonthlyRevenueTarget, "deal_size": in.AverageDealSize, "deals": a.Deals},
			Text: fmt.Sprintf("A monthly target of %s at %s a deal takes %s a month.", num(in.MonthlyRevenueTarget), num(in.AverageDealSize), count(a.Deals, "deal"))},
		{Code: "meetings", Values: map[string]any{"deals": a.Deals, "win_rate": in.WinRate, "meetings": a.Meetings},
			Text: fmt.Sprintf("Winning %s of qualified meetings, %s %s %s.", pct(in.WinRate), count(a.Deals, "deal"), verb(a.Deals, "takes", "take"), count(a.Meetings, "meeting"))},
		{Code: "cold_calls", Values: map[string]any{"meetings": a.Meetings, "calls_per_meeting": in.CallsPerMeeting, "cold_calls": a.ColdCalls},
			Text: fmt.Sprintf("At %s cold calls per meeting booked, %s %s %s.", num(in.CallsPerMeeting), count(a.Meetings, "meeting"), verb(a.Meetings, "takes", "take"), count(a.ColdCalls, "cold call"))},
	}
	limit := "meetings are the limit"
	if c.Binding == BindingCalls {
		limit = "calls are the limit"
	}
	steps = append(steps,
		WorkingStep{Code: "rep_capacity", Values: map[string]any{"working_days": in.WorkingDaysPerMonth, "calls_per_day": in.CallsPerDay,
			"rep_calls": c.ColdCalls, "meetings_from_calls": c.MeetingsFromCalls, "meetings_per_month": in.MeetingsPerMonth,
			"rep_meetings": c.Meetings, "binding": string(c.Binding)},
			Text: fmt.Sprintf("One rep makes %d x %d = %s a month, enough to book %s, and can hold %d; so one rep does %s a month (%s).",
				in.WorkingDaysPerMonth, in.CallsPerDay, count(c.ColdCalls, "call"), count(c.MeetingsFromCalls, "meeting"), in.MeetingsPerMonth,
				count(c.Meetings, "meeting"), limit)},
		WorkingStep{Code: "reps", Values: map[string]any{"meetings": a.Meetings, "rep_meetings": c.Meetings, "reps": r.RepsNeeded},
			Text: fmt.Sprintf("%s at %d per rep %s %s.", count(a.Meetings, "meeting"), c.Meetings, verb(a.Meetings, "needs", "need"), count(r.RepsNeeded, "rep"))},
	)
	if r.ManagerNeeded {
		steps = append(steps, WorkingStep{Code: "manager", Values: map[string]any{"reps": r.RepsNeeded, "span": in.SpanOfControl, "managers": r.ManagersNeeded},
			Text: fmt.Sprintf("A team of %d reps gets a sales manager first; at %s per manager that is %s.",
				r.RepsNeeded, count(in.SpanOfControl, "rep"), count(r.ManagersNeeded, "manager"))})
	} else {
		steps = append(steps, WorkingStep{Code: "one_person", Values: map[string]any{"reps": r.RepsNeeded},
			Text: "The volume is small: one person is enough, with no manager. Grow the team later."})
	}
	if in.RampMonths > 0 {
		steps = append(steps, WorkingStep{Code: "ramp", Values: map[string]any{"ramp_months": in.RampMonths, "productivity": in.RampProductivity,
			"attainment": r.Ramp.AttainmentDuringRamp, "reps_during_ramp": r.Ramp.RepsToHitTargetDuringRamp},
			Text: fmt.Sprintf("For the first %s new reps work at %s, so the team reaches %s of the target; reaching all of it from month one would take %s.",
				monthsText(in.RampMonths), pct(in.RampProductivity), pct(r.Ramp.AttainmentDuringRamp), count(r.Ramp.RepsToHitTargetDuringRamp, "rep"))})
	} else {
		steps = append(steps, WorkingStep{Code: "no_ramp", Values: map[string]any{}, Text: "New hires are fully productive from the first month."})
	}
	return steps
}

// count says "1 deal" or "24 deals".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// verb agrees a verb with a count: 1 deal takes, 2 deals take.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func monthsText(n int) string {
	if n == 1 {
		return "month"
	}
	return count(n, "month")
}

func num(x float64) string {
	if x == math.Trunc(x) {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

func pct(x float64) string { return fmt.Sprintf("%s%%", num(math.Round(x*1000)/10)) }

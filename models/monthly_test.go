package models

import (
	"strings"
	"testing"
	"time"
)

func TestEvaluateMonth(t *testing.T) {
	plan := MonthlyPlan{Meetings: 30, Calls: 600}
	r := DefaultPlanRules
	tests := []struct {
		name           string
		a              MonthlyActuals
		excused        bool
		bonus, penalty float64
		capped         bool
	}{
		{"on plan", MonthlyActuals{30, 600}, false, 0, 0, false},
		{"above plan", MonthlyActuals{34, 650}, false, 4*25 + 50*1, 0, false},
		{"above plan, capped", MonthlyActuals{60, 800}, false, 500, 0, true},
		{"within the tolerance", MonthlyActuals{27, 540}, false, 0, 0, false},
		{"below plan", MonthlyActuals{20, 500}, false, 0, (10-3)*10 + (100-60)*0.5, false},
		{"below plan, excused", MonthlyActuals{20, 500}, true, 0, 0, false},
		{"far below, capped", MonthlyActuals{0, 0}, false, 0, 150, true},
		{"more meetings, fewer calls", MonthlyActuals{32, 400}, false, 50, (200 - 60) * 0.5, false},
	}
	for _, tt := range tests {
		e := EvaluateMonth(plan, tt.a, r, tt.excused)
		if e.Bonus != tt.bonus || e.Penalty != tt.penalty || e.Capped != tt.capped {
			t.Errorf("%s: bonus %v penalty %v capped %v, want %v %v %v\n%s", tt.name, e.Bonus, e.Penalty, e.Capped, tt.bonus, tt.penalty, tt.capped,
				strings.Join(e.Working, "\n"))
		}
		if len(e.Working) < 2 {
			t.Errorf("%s: no working shown: %v", tt.name, e.Working)
		}
	}
	if e := EvaluateMonth(plan, MonthlyActuals{20, 500}, r, true); !strings.Contains(strings.Join(e.Working, " "), "excused") {
		t.Errorf("an excused month says so: %v", e.Working)
	}
}

func TestStatementAcrossTheRamp(t *testing.T) {
	p := PayPlan{Currency: "EUR", RampMonths: 3, RampBase: 900, RampCommissionPct: 2, Base: 700, CommissionPct: 5}
	e := EvaluateMonth(MonthlyPlan{Meetings: 30, Calls: 600}, MonthlyActuals{Meetings: 32, Calls: 600}, DefaultPlanRules, false)
	third := Statement(p, 3, 10000, e)
	fourth := Statement(p, 4, 10000, Evaluation{Penalty: 40})
	if !third.Ramp || third.Total != 900+200+50 || third.Lines[0].Amount != 900 || !strings.Contains(third.Lines[0].Label, "ramp month 3 of 3") {
		t.Errorf("month 3: %+v", third)
	}
	if fourth.Ramp || fourth.Total != 700+500-40 || fourth.Lines[2].Kind != "penalty" || fourth.Lines[2].Amount != -40 {
		t.Errorf("month 4: %+v", fourth)
	}
}

func TestExcuseDeadline(t *testing.T) {
	// November 2026 ends on a Monday: Tue 1, Wed 2, Thu 3 December are the three working days; the window
	// closes at the start of Friday 4 December.
	nov := time.Date(2026, 11, 15, 9, 0, 0, 0, time.UTC)
	if got := ExcuseDeadline(nov, 3); !got.Equal(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("November's window closes %v", got)
	}
	// January 2027 ends on a Sunday: Mon 1, Tue 2, Wed 3 February.
	if got := ExcuseDeadline(time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC), 3); !got.Equal(time.Date(2027, 2, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("January's window closes %v", got)
	}
	if MonthStart(nov) != time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) {
		t.Error("MonthStart")
	}
}

func TestOnboarding(t *testing.T) {
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC) // a Monday
	tasks := OnboardingFor(RoleSalesRep)
	if tasks[0].Key != "account" || !tasks[0].DueAt(start).Equal(time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("first task %+v due %v", tasks[0], tasks[0].DueAt(start))
	}
	for _, tk := range tasks {
		if tk.Key == "product" && !tk.DueAt(start).Equal(time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC)) {
			t.Errorf("day 1 is the start date: %v", tk.DueAt(start))
		}
	}
	if len(OnboardingFor("admin")) != len(tasks) {
		t.Error("an unknown role gets the rep's checklist")
	}
}

func TestCadenceNext(t *testing.T) {
	fri := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) // a Friday, after the 09:00 meeting
	daily := Cadence{Kind: "daily", Hour: 9}
	if got := daily.Next(fri); !got.Equal(time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("daily after Friday 10:00 = %v, want Monday 09:00", got)
	}
	if got := daily.Next(fri.Add(-2 * time.Hour)); !got.Equal(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("daily before Friday 09:00 = %v, want that day", got)
	}
	weekly := Cadence{Kind: "weekly", Weekday: 1, Hour: 8, Minute: 30}
	if got := weekly.Next(fri); !got.Equal(time.Date(2026, 11, 30, 8, 30, 0, 0, time.UTC)) {
		t.Errorf("weekly Monday = %v", got)
	}
	if err := (Cadence{Kind: "weekly", Weekday: 6, Hour: 3}).Validate(); len(Nested(err, "")) != 2 {
		t.Errorf("a Saturday meeting at 3am: %v", err)
	}
	if d := DraftDone([]SalesActivity{{Kind: ActivityCall}, {Kind: ActivityCall}, {Kind: ActivityDealWon, AccountID: 1, Amount: 500, Currency: "EUR"}},
		func(int64) string { return "Alba" }); d != "2 calls, 0 client meetings, 1 deal won, 0 lost. Won: Alba (500 EUR)." {
		t.Errorf("draft %q", d)
	}
}

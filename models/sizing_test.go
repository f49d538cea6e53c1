package models

import (
	"math"
	"strings"
	"testing"
)

// example is the input of the API contract's example: 60 000 a month at 2 500 a deal.
func example() SizingInput {
	return SizingInput{
		MonthlyRevenueTarget: 60000, AverageDealSize: 2500, WinRate: 0.25, CallsPerMeeting: 12,
		WorkingDaysPerMonth: 21, CallsPerDay: 40, MeetingsPerMonth: 30,
		RampMonths: 3, RampProductivity: 0.5, SpanOfControl: 8,
	}
}

func TestSize(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*SizingInput)
		reps   int
		mgrs   int
		act    Activity
		bind   Binding
		attain float64
		during int
	}{
		{name: "contract example", edit: func(*SizingInput) {},
			reps: 4, mgrs: 1, act: Activity{Deals: 24, Meetings: 96, ColdCalls: 1152}, bind: BindingMeetings, attain: 0.63, during: 7},
		{name: "tiny volume is one person without a manager", edit: func(in *SizingInput) { in.MonthlyRevenueTarget = 5000 },
			reps: 1, mgrs: 0, act: Activity{Deals: 2, Meetings: 8, ColdCalls: 96}, bind: BindingMeetings, attain: 1, during: 1},
		{name: "exact division does not round up", edit: func(in *SizingInput) { in.MonthlyRevenueTarget = 0.3 * 3; in.AverageDealSize = 0.3 },
			reps: 1, mgrs: 0, act: Activity{Deals: 3, Meetings: 12, ColdCalls: 144}, bind: BindingMeetings, attain: 1, during: 1},
		{name: "one meeting over capacity adds a rep", edit: func(in *SizingInput) { in.MonthlyRevenueTarget = 2500 * 15.25 * 4 / 2 },
			// 76 250 / 2 500 = 30.5 -> 31 deals -> 124 meetings -> 5 reps (4 x 30 = 120 is short by 4)
			reps: 5, mgrs: 1, act: Activity{Deals: 31, Meetings: 124, ColdCalls: 1488}, bind: BindingMeetings, attain: 0.6, during: 9},
		{name: "calls bind when reps cannot book enough meetings", edit: func(in *SizingInput) { in.CallsPerDay = 10 },
			// 21 x 10 = 210 calls -> 17 meetings from calls < 30 -> 96 / 17 = 5.6 -> 6 reps
			reps: 6, mgrs: 1, act: Activity{Deals: 24, Meetings: 96, ColdCalls: 1152}, bind: BindingCalls, attain: 0.53, during: 12},
		{name: "span of control splits managers", edit: func(in *SizingInput) { in.MonthlyRevenueTarget = 600000 },
			// 240 deals -> 960 meetings -> 32 reps -> 4 managers at 8 each
			reps: 32, mgrs: 4, act: Activity{Deals: 240, Meetings: 960, ColdCalls: 11520}, bind: BindingMeetings, attain: 0.5, during: 64},
		{name: "no ramp means full output from month one", edit: func(in *SizingInput) { in.RampMonths = 0 },
			reps: 4, mgrs: 1, act: Activity{Deals: 24, Meetings: 96, ColdCalls: 1152}, bind: BindingMeetings, attain: 1, during: 4},
		{name: "a gentler ramp needs fewer extra reps", edit: func(in *SizingInput) { in.RampProductivity = 0.8 },
			// 96 / (30 x 0.8) = 4 exactly; the 4 reps reach 4 x 24 / 96 = 100%
			reps: 4, mgrs: 1, act: Activity{Deals: 24, Meetings: 96, ColdCalls: 1152}, bind: BindingMeetings, attain: 1, during: 4},
		{name: "win rate of 1 means a meeting per deal", edit: func(in *SizingInput) { in.WinRate = 1 },
			// one rep at half output holds 15 of the 24 meetings while ramping
			reps: 1, mgrs: 0, act: Activity{Deals: 24, Meetings: 24, ColdCalls: 288}, bind: BindingMeetings, attain: 0.63, during: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := example()
			tt.edit(&in)
			r, err := Size(in)
			if err != nil {
				t.Fatalf("Size: %v", err)
			}
			if r.RepsNeeded != tt.reps || r.ManagersNeeded != tt.mgrs {
				t.Errorf("reps, managers = %d, %d; want %d, %d", r.RepsNeeded, r.ManagersNeeded, tt.reps, tt.mgrs)
			}
			if r.ManagerNeeded != (tt.mgrs > 0) || r.Headcount != tt.reps+tt.mgrs {
				t.Errorf("manager needed %v, headcount %d; want %v, %d", r.ManagerNeeded, r.Headcount, tt.mgrs > 0, tt.reps+tt.mgrs)
			}
			if r.Activity != tt.act {
				t.Errorf("activity = %+v; want %+v", r.Activity, tt.act)
			}
			if r.RepCapacity.Binding != tt.bind {
				t.Errorf("binding = %s; want %s", r.RepCapacity.Binding, tt.bind)
			}
			if math.Abs(r.Ramp.AttainmentDuringRamp-tt.attain) > 0.005 || r.Ramp.RepsToHitTargetDuringRamp != tt.during {
				t.Errorf("ramp = %+v; want attainment %.2f, %d reps during ramp", r.Ramp, tt.attain, tt.during)
			}
			if len(r.Working) != 7 {
				t.Errorf("working has %d steps; want 7", len(r.Working))
			}
		})
	}
}

func TestSizeExplainsItsWorking(t *testing.T) {
	r, err := Size(example())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ code, text string }{
		{"deals", "A monthly target of 60000 at 2500 a deal takes 24 deals a month."},
		{"meetings", "Winning 25% of qualified meetings, 24 deals take 96 meetings."},
		{"cold_calls", "At 12 cold calls per meeting booked, 96 meetings take 1152 cold calls."},
		{"rep_capacity", "One rep makes 21 x 40 = 840 calls a month, enough to book 70 meetings, and can hold 30; so one rep does 30 meetings a month (meetings are the limit)."},
		{"reps", "96 meetings at 30 per rep need 4 reps."},
		{"manager", "A team of 4 reps gets a sales manager first; at 8 reps per manager that is 1 manager."},
		{"ramp", "For the first 3 months new reps work at 50%, so the team reaches 63% of the target; reaching all of it from month one would take 7 reps."},
	}
	for i, w := range want {
		if r.Working[i].Code != w.code || r.Working[i].Text != w.text {
			t.Errorf("step %d = %s %q\nwant      %s %q", i, r.Working[i].Code, r.Working[i].Text, w.code, w.text)
		}
	}
	if r.Working[4].Values["reps"] != 4 {
		t.Errorf("reps step values = %v; want reps 4", r.Working[4].Values)
	}
}

func TestSizeSmallVolumeSaysOnePersonIsEnough(t *testing.T) {
	in := example()
	in.MonthlyRevenueTarget = 2500
	in.RampMonths = 0
	r, err := Size(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Working[5].Code; got != "one_person" {
		t.Errorf("step 6 = %s; want one_person", got)
	}
	if got := r.Working[6].Code; got != "no_ramp" {
		t.Errorf("step 7 = %s; want no_ramp", got)
	}
}

func TestSizeRejectsImpossibleInputs(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*SizingInput)
		fields []string
	}{
		{"negative target", func(in *SizingInput) { in.MonthlyRevenueTarget = -1 }, []string{"monthly_revenue_target"}},
		{"zero target", func(in *SizingInput) { in.MonthlyRevenueTarget = 0 }, []string{"monthly_revenue_target"}},
		{"absurd target", func(in *SizingInput) { in.MonthlyRevenueTarget = 2e12 }, []string{"monthly_revenue_target"}},
		{"not a number", func(in *SizingInput) { in.AverageDealSize = math.NaN() }, []string{"average_deal_size"}},
		{"infinite deal", func(in *SizingInput) { in.AverageDealSize = math.Inf(1) }, []string{"average_deal_size"}},
		{"win rate above 1", func(in *SizingInput) { in.WinRate = 1.5 }, []string{"win_rate"}},
		{"win rate of 0", func(in *SizingInput) { in.WinRate = 0 }, []string{"win_rate"}},
		{"less than a call a meeting", func(in *SizingInput) { in.CallsPerMeeting = 0.5 }, []string{"calls_per_meeting"}},
		{"32 working days", func(in *SizingInput) { in.WorkingDaysPerMonth = 32 }, []string{"working_days_per_month"}},
		{"no calls", func(in *SizingInput) { in.CallsPerDay = 0 }, []string{"calls_per_day"}},
		{"no meetings", func(in *SizingInput) { in.MeetingsPerMonth = 0 }, []string{"meetings_per_month"}},
		{"negative ramp", func(in *SizingInput) { in.RampMonths = -1 }, []string{"ramp_months"}},
		{"ramp productivity 0", func(in *SizingInput) { in.RampProductivity = 0 }, []string{"ramp_productivity"}},
		{"no span", func(in *SizingInput) { in.SpanOfControl = 0 }, []string{"span_of_control"}},
		{"calls cannot book a meeting", func(in *SizingInput) { in.CallsPerMeeting = 900 }, []string{"calls_per_day"}},
		{"team too large", func(in *SizingInput) { in.MonthlyRevenueTarget = 1e11 }, []string{"monthly_revenue_target"}},
		{"a deal of a fraction of a cent", func(in *SizingInput) { in.AverageDealSize = 1e-7 }, []string{"average_deal_size"}},
		{"a vanishing win rate", func(in *SizingInput) { in.WinRate = 1e-300 }, []string{"win_rate"}},
		{"a vanishing ramp", func(in *SizingInput) { in.RampProductivity = 1e-300 }, []string{"ramp_productivity"}},
		{"tiny deals on a huge target overflow nothing", func(in *SizingInput) { in.MonthlyRevenueTarget = 1e12; in.AverageDealSize = 0.01; in.WinRate = 0.001 },
			[]string{"monthly_revenue_target"}},
		{"several at once", func(in *SizingInput) { in.WinRate = 2; in.SpanOfControl = -3; in.MonthlyRevenueTarget = -5 },
			[]string{"monthly_revenue_target", "win_rate", "span_of_control"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := example()
			tt.edit(&in)
			_, err := Size(in)
			if ErrorCode(err) != EINVALID {
				t.Fatalf("err = %v; want %s", err, EINVALID)
			}
			var got []string
			for _, f := range err.(*Error).Fields {
				got = append(got, f.Field)
				if f.Message == "" {
					t.Errorf("field %s has no message", f.Field)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.fields, ",") {
				t.Errorf("fields = %v; want %v", got, tt.fields)
			}
		})
	}
}

func FuzzSize(f *testing.F) {
	f.Add(60000.0, 2500.0, 0.25, 12.0, 21, 40, 30, 3, 0.5, 8)
	f.Fuzz(func(t *testing.T, target, deal, win, cpm float64, days, cpd, mpm, ramp int, prod float64, span int) {
		in := SizingInput{target, deal, win, cpm, days, cpd, mpm, ramp, prod, span}
		r, err := Size(in)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if r.RepsNeeded < 1 || r.RepsNeeded > MaxRepsSized || r.Headcount < r.RepsNeeded {
			t.Fatalf("bad result %+v for %+v", r, in)
		}
		if r.Ramp.RepsToHitTargetDuringRamp < r.RepsNeeded || r.Activity.ColdCalls < r.Activity.Meetings {
			t.Fatalf("inconsistent result %+v for %+v", r, in)
		}
		if r.RepsNeeded*r.RepCapacity.Meetings < r.Activity.Meetings {
			t.Fatalf("team of %d cannot hold %d meetings", r.RepsNeeded, r.Activity.Meetings)
		}
	})
}

func BenchmarkSize(b *testing.B) {
	in := example()
	for b.Loop() {
		if _, err := Size(in); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWorkingSaysOneInTheSingular(t *testing.T) {
	in := example()
	in.MonthlyRevenueTarget, in.WinRate, in.RampMonths, in.CallsPerMeeting, in.SpanOfControl = 2500, 1, 1, 1, 1
	r, err := Size(in)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, s := range r.Working {
		all = append(all, s.Text)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"takes 1 deal a month.", "1 deal takes 1 meeting.", "1 meeting takes 1 cold call.",
		"1 meeting at 30 per rep needs 1 rep.", "For the first month new reps", "would take 1 rep."} {
		if !strings.Contains(text, want) {
			t.Errorf("working lacks %q:\n%s", want, text)
		}
	}
	for _, wrong := range []string{"1 deals", "1 meetings", "1 reps", "1 months"} {
		if strings.Contains(text, wrong) {
			t.Errorf("working says %q:\n%s", wrong, text)
		}
	}
}

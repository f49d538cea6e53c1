package models

import (
	"testing"
	"time"
)

// TestWorkingHours: only 08:00-17:00 on working days count; weekends and Albania's public holidays do not.
func TestWorkingHours(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		from, to string
		want     float64
	}{
		{"2026-11-23 10:00", "2026-11-23 12:30", 2.5}, // a Monday morning
		{"2026-11-23 16:00", "2026-11-24 09:00", 2},   // an evening and a night count nothing
		{"2026-11-20 16:00", "2026-11-23 09:00", 2},   // Friday 16:00 to Monday 09:00: the weekend counts nothing
		{"2026-11-27 10:00", "2026-12-01 10:00", 18},  // Friday 7, the weekend (Independence and Liberation Days) 0, Monday 9, Tuesday 2
		{"2026-11-23 07:00", "2026-11-23 07:30", 0},   // before the day starts
		{"2026-12-24 12:00", "2026-12-28 08:00", 5},   // Christmas Day (Friday) is a holiday
		{"2026-11-23 12:00", "2026-11-23 11:00", 0},   // backwards
	} {
		if got := WorkingHoursBetween(at(tc.from), at(tc.to), "AL"); got != tc.want {
			t.Errorf("%s to %s: %v; want %v", tc.from, tc.to, got, tc.want)
		}
	}
	// Idle after 16 working hours: a rep who last logged on Thursday at 15:00 is idle on Monday at 14:00
	// (Thu 2 + Fri 9 + Mon 6 = 17), not at 12:00 (15).
	last := at("2026-11-19 15:00")
	if idle, h := Idle(last, time.Time{}, at("2026-11-23 14:00"), 16, "AL"); !idle || h != 17 {
		t.Errorf("Monday 14:00: %v %v", idle, h)
	}
	if idle, _ := Idle(last, time.Time{}, at("2026-11-23 12:00"), 16, "AL"); idle {
		t.Error("Monday 12:00 is not yet idle")
	}
	// Never logged: counted from their start.
	if idle, h := Idle(time.Time{}, at("2026-11-23 08:00"), at("2026-11-23 17:00"), 16, "AL"); idle || h != 9 {
		t.Errorf("a new rep: %v %v", idle, h)
	}
}

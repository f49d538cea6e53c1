package models

import (
	"math"
	"testing"
	"time"
)

// TestTallyActivity: every day of the period appears; activity counts per day, per ISO week (from Monday), per
// rep; reps outside the selection and days outside the period are left out.
func TestTallyActivity(t *testing.T) {
	at := func(d string, h int) time.Time {
		v, _ := time.Parse(time.DateOnly, d)
		return v.Add(time.Duration(h) * time.Hour)
	}
	acts := []SalesActivity{
		{RepID: 1, Kind: ActivityCall, At: at("2026-11-20", 9)}, // Friday
		{RepID: 1, Kind: ActivityCall, At: at("2026-11-23", 9)}, // Monday
		{RepID: 1, Kind: ActivityMeeting, At: at("2026-11-23", 11)},
		{RepID: 2, Kind: ActivityDealWon, At: at("2026-11-24", 15), Amount: 900, Currency: "EUR"},
		{RepID: 3, Kind: ActivityCall, At: at("2026-11-24", 10)}, // not selected
		{RepID: 1, Kind: ActivityCall, At: at("2026-11-26", 10)}, // after the period
	}
	got := TallyActivity(acts, []int64{1, 2}, at("2026-11-20", 0), at("2026-11-25", 18))
	if len(got.Days) != 6 || got.Days[3].Date != "2026-11-23" || got.Days[3].Calls != 1 || got.Days[3].Meetings != 1 || got.Days[1].Calls != 0 {
		t.Fatalf("days %+v", got.Days)
	}
	if len(got.Weeks) != 2 || got.Weeks[0].Date != "2026-11-16" || got.Weeks[0].Calls != 1 || got.Weeks[1].Date != "2026-11-23" ||
		got.Weeks[1].DealsWon != 1 || got.Weeks[1].Won["EUR"] != 900 {
		t.Fatalf("weeks %+v", got.Weeks)
	}
	if got.PerRep[1].Calls != 2 || got.PerRep[2].DealsWon != 1 || len(got.RepDay[2]) != 6 || got.RepDay[2][4].DealsWon != 1 {
		t.Fatalf("per rep %+v", got.PerRep)
	}
	if _, ok := got.PerRep[3]; ok {
		t.Fatal("a rep outside the selection")
	}
	top := Top(got.PerRep, 5)
	if len(top) != 2 || top[0].UserID != 2 || top[0].Score != 10 || top[1].Score != 5 {
		t.Fatalf("top %+v", top)
	}
	if len(Top(map[int64]Counts{7: {}}, 5)) != 0 {
		t.Fatal("a rep with nothing logged is ranked")
	}
}

func TestPearson(t *testing.T) {
	if r, ok := Pearson([]float64{1, 2, 3, 4}, []float64{2, 4, 6, 8}); !ok || math.Abs(r-1) > 1e-9 {
		t.Errorf("perfect: %v %v", r, ok)
	}
	if r, ok := Pearson([]float64{1, 2, 3}, []float64{3, 2, 1}); !ok || math.Abs(r+1) > 1e-9 {
		t.Errorf("inverse: %v %v", r, ok)
	}
	if _, ok := Pearson([]float64{1, 2}, []float64{1, 2}); ok {
		t.Error("two pairs")
	}
	if _, ok := Pearson([]float64{3, 3, 3}, []float64{1, 2, 3}); ok {
		t.Error("no spread")
	}
}

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestDashboardReadsInSQL checks, on each dialect, what the dashboard and the rep home now ask the database
// for instead of reading every activity: the tallies per rep, day, kind and currency, the last work on each
// client, and each rep's latest work in the idle window.
func TestDashboardReadsInSQL(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db := storetest.Open(t, url)
		rep, err := db.CreateUser(ctx, storetest.Name("rep")+"@example.com", "Rep", "x", []models.Role{models.RoleSalesRep})
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateUser(ctx, storetest.Name("rep")+"@example.com", "Other", "x", []models.Role{models.RoleSalesRep})
		if err != nil {
			t.Fatal(err)
		}
		a1, err := db.CreateAccount(ctx, models.AccountDraft{Name: storetest.Name("Client one")}, rep.ID)
		if err != nil {
			t.Fatal(err)
		}
		a2, err := db.CreateAccount(ctx, models.AccountDraft{Name: storetest.Name("Client two")}, rep.ID)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC().Truncate(time.Second)
		day1 := models.DayOf(now).AddDate(0, 0, -3)
		day2 := day1.AddDate(0, 0, 1)
		acts := []models.SalesActivity{
			{AccountID: a1.ID, RepID: rep.ID, Kind: models.ActivityCall, At: day1.Add(9 * time.Hour)},
			{AccountID: a1.ID, RepID: rep.ID, Kind: models.ActivityCall, At: day1.Add(23*time.Hour + 59*time.Minute)},
			{AccountID: a1.ID, RepID: rep.ID, Kind: models.ActivityDealWon, At: day1.Add(10 * time.Hour), Amount: 1500, Currency: "EUR"},
			{AccountID: a1.ID, RepID: rep.ID, Kind: models.ActivityDealWon, At: day1.Add(11 * time.Hour), Amount: 500, Currency: "EUR"},
			{AccountID: a2.ID, RepID: rep.ID, Kind: models.ActivityMeeting, At: day2.Add(8 * time.Hour)},
			{AccountID: a1.ID, RepID: rep.ID, Kind: models.ActivityCall, At: day1.AddDate(0, 0, -60)}, // before the window
			{AccountID: a2.ID, RepID: other.ID, Kind: models.ActivityCall, At: day2.Add(12 * time.Hour)},
		}
		if err := db.SeedActivities(ctx, acts); err != nil {
			t.Fatal(err)
		}

		tallies, err := db.ActivityTallies(ctx, []int64{rep.ID}, day1, day2.AddDate(0, 0, 1))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		var won float64
		for _, tl := range tallies {
			if tl.RepID != rep.ID {
				t.Errorf("tally of rep %d, asked for %d", tl.RepID, rep.ID)
			}
			got[tl.Day+" "+string(tl.Kind)] += tl.N
			if tl.Kind == models.ActivityDealWon {
				won += tl.Amount
			}
		}
		d1, d2 := day1.Format(time.DateOnly), day2.Format(time.DateOnly)
		want := map[string]int{d1 + " call": 2, d1 + " deal_won": 2, d2 + " meeting": 1}
		if len(got) != len(want) || got[d1+" call"] != 2 || got[d1+" deal_won"] != 2 || got[d2+" meeting"] != 1 || won != 2000 {
			t.Errorf("tallies %v (won %v), want %v (won 2000)", got, won, want)
		}

		last, err := db.LastWorkOn(ctx, rep.ID, []int64{a1.ID, a2.ID})
		if err != nil {
			t.Fatal(err)
		}
		if !last[a1.ID].Equal(day1.Add(23*time.Hour+59*time.Minute)) || !last[a2.ID].Equal(day2.Add(8*time.Hour)) || len(last) != 2 {
			t.Errorf("last work %v", last)
		}
		if last, err := db.LastWorkOn(ctx, other.ID, []int64{a1.ID}); err != nil || len(last) != 0 {
			t.Errorf("other rep's last work on client one: %v, %v; want none", last, err)
		}

		activity, err := db.RepActivityOf(ctx, []*models.User{rep, other}, now, 16)
		if err != nil {
			t.Fatal(err)
		}
		lastOf := map[int64]time.Time{}
		for _, a := range activity {
			if a.LastWork != nil {
				lastOf[a.UserID] = *a.LastWork
			}
		}
		if !lastOf[rep.ID].Equal(day2.Add(8*time.Hour)) || !lastOf[other.ID].Equal(day2.Add(12*time.Hour)) {
			t.Errorf("latest work %v", lastOf)
		}
	})
}

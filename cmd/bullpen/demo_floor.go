package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/bullpen-hq/bullpen/api"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// demoFloor is the rest of the demo's sales floor, for a lively dashboard: four reps hired one to five months
// ago, each working at their own pace (Dren has logged nothing for a week: the dashboard flags him idle).
var demoFloor = []struct {
	email, name  string
	monthsAgo    int
	callsPerDay  int
	meetingEvery int // working days between client meetings
	idleDays     int // working days since the last logged work
	clients      []string
}{
	{"arber@bullpen.demo", "Arbër Kastrati", 5, 9, 2, 0, []string{"Vila Gold", "Agro Dardania", "Farmacia Iliria"}},
	{"vesa@bullpen.demo", "Vesa Krasniqi", 4, 12, 1, 0, []string{"Teuta Tekstil", "Hotel Sharri", "Kompjuter Plus"}},
	{"dren@bullpen.demo", "Dren Hoxha", 2, 6, 3, 6, []string{"Auto Kosova", "Mobileri Rugova"}},
	{"nora@bullpen.demo", "Nora Bytyqi", 1, 7, 2, 0, []string{"Pekara Dukagjini", "Kafe Prizreni", "Dyqani Besa"}},
}

// loadDemoFloor hires the demo floor into a "Tirana sales" team under Gentian Leka: their clients with contacts
// and six weeks of calls, meetings and deals, this month's plans, their Employee workflows (closing their past
// months), two weeks of held planning meetings with a few reports missed, and a kudos from the head.
func loadDemoFloor(ctx context.Context, db *store.DB, srv *api.Server, ids map[string]int64) error {
	hash, err := api.HashPassword(DemoPassword)
	if err != nil {
		return err
	}
	head, manager := ids["head@bullpen.demo"], ids["manager@bullpen.demo"]
	o, err := demoClosedOpening(ctx, db, "Sales reps, Tirana", len(demoFloor), head)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	today := models.DayOf(now)
	rnd := rand.New(rand.NewPCG(7, 11))
	st := srv.Starter()
	var members []int64
	for i, r := range demoFloor {
		u, err := db.CreateUser(ctx, r.email, r.name, hash, []models.Role{models.RoleSalesRep})
		if err != nil {
			return err
		}
		ids[r.email] = u.ID
		members = append(members, u.ID)
		start := models.MonthStart(now).AddDate(0, -r.monthsAgo, 0)
		e, app, err := demoHire(ctx, db, ids, o, r.name, r.email, start)
		if err != nil {
			return err
		}
		// This month's plan: the rep's pace over the month's working days, a little above what they manage.
		if err := db.SetMonthlyPlan(ctx, store.MonthlyPlanRecord{EmployeeID: e.ID, Month: models.MonthStart(now), Meetings: 22 / r.meetingEvery,
			Calls: r.callsPerDay*21 + 20, SetBy: manager}); err != nil {
			return err
		}
		var acts []models.SalesActivity
		for j, name := range r.clients {
			acc, err := db.CreateAccount(ctx, models.AccountDraft{Name: name, City: []string{"Tiranë", "Prishtinë", "Prizren", "Pejë"}[(i+j)%4]}, u.ID)
			if err != nil {
				return err
			}
			if _, err := db.SetAccountOwner(ctx, acc.ID, u.ID); err != nil {
				return err
			}
			founded := time.Date(now.Year()-3-i-j, now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 9*j+i)
			if err := db.SetAccountCare(ctx, acc.ID, "AL", &founded, false); err != nil {
				return err
			}
			if err := db.AddContact(ctx, &store.ContactRecord{AccountID: acc.ID, Name: "Contact at " + name, Title: "Manager",
				Email: fmt.Sprintf("info%d@client%d.example", j+1, i+1), Locale: []string{"sq", "en"}[j%2]}); err != nil {
				return err
			}
		}
		accounts, err := db.AccountsOwnedBy(ctx, u.ID)
		if err != nil {
			return err
		}
		// Six weeks of work on working days, up to today (none in the last idleDays working days).
		workday := 0
		for d := today; d.After(today.AddDate(0, 0, -42)) && !d.Before(start); d = d.AddDate(0, 0, -1) {
			if !models.IsWorkingDay(d, "AL") {
				continue
			}
			workday++
			if workday <= r.idleDays {
				continue
			}
			at := func(h int) time.Time {
				return d.Add(time.Duration(h)*time.Hour + time.Duration(rnd.IntN(50))*time.Minute)
			}
			pick := func() int64 { return accounts[rnd.IntN(len(accounts))] }
			for range r.callsPerDay - 2 + rnd.IntN(5) {
				acts = append(acts, models.SalesActivity{AccountID: pick(), RepID: u.ID, Kind: models.ActivityCall, At: at(8 + rnd.IntN(8))})
			}
			if workday%r.meetingEvery == 0 {
				acts = append(acts, models.SalesActivity{AccountID: pick(), RepID: u.ID, Kind: models.ActivityMeeting, At: at(11)})
			}
			if rnd.IntN(9) == 0 {
				acts = append(acts, models.SalesActivity{AccountID: pick(), RepID: u.ID, Kind: models.ActivityDealWon, At: at(15),
					Amount: float64(800 + 100*rnd.IntN(30)), Currency: "EUR"})
			} else if rnd.IntN(12) == 0 {
				acts = append(acts, models.SalesActivity{AccountID: pick(), RepID: u.ID, Kind: models.ActivityDealLost, At: at(15)})
			}
		}
		var done []models.SalesActivity // up to now: none later today
		for _, a := range acts {
			if !a.At.After(now) {
				done = append(done, a)
			}
		}
		if err := db.SeedActivities(ctx, done); err != nil {
			return err
		}
		if err := db.CreateOnboarding(ctx, e.ID, models.OnboardingFor(models.RoleSalesRep), start); err != nil {
			return err
		}
		if err := st.Employee(ctx, workflows.EmployeeInput{EmployeeID: e.ID, UserID: u.ID, ApplicationID: app.ID, Role: models.RoleSalesRep,
			StartDate: start, Plan: e.Plan}); err != nil {
			return fmt.Errorf("start %s's workflow: %w", r.name, err)
		}
	}
	team := &store.TeamRecord{Name: "Tirana sales", ManagerID: manager, Cadence: models.Cadence{Kind: "daily", Hour: 8, Minute: 30}}
	if err := db.CreateTeam(ctx, team, members); err != nil {
		return err
	}
	// Two weeks of held meetings: most reports filed, Dren's often missing.
	for d := today.AddDate(0, 0, -14); d.Before(today); d = d.AddDate(0, 0, 1) {
		if !models.IsWorkingDay(d, "AL") {
			continue
		}
		m, err := db.OpenMeeting(ctx, team.ID, d.Add(8*time.Hour+30*time.Minute))
		if err != nil {
			return err
		}
		var missed []int64
		for i, u := range members {
			if (i == 2 && rnd.IntN(2) == 0) || rnd.IntN(10) == 0 {
				missed = append(missed, u)
				continue
			}
			if err := db.FileReport(ctx, store.ReportRecord{MeetingID: m.ID, UserID: u, Done: "Calls and visits as logged.",
				Planned: "Follow up the open offers.", Blockers: ""}); err != nil {
				return err
			}
		}
		if err := db.HoldMeeting(ctx, m.ID, missed); err != nil {
			return err
		}
	}
	if err := st.TeamMeetings(ctx, team.ID, team.Cadence); err != nil {
		return err
	}
	return db.GiveKudos(ctx, &store.Kudos{FromID: head, ToID: members[1], Message: "Best month of calls on the floor. Keep it up!"})
}

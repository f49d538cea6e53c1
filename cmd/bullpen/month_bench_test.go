package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/activities"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

// BenchmarkMonthClose1000 closes a month for 1,000 reps, each with a client and a month of calls, meetings and
// a deal in the activity log: the Employee workflows' CloseMonth activity (plan, actuals, excuse, evaluation,
// statement) for every rep, eight at a time as the worker runs them, on bullpen dev's embedded stack.
// BULLPEN_BENCH_DB=postgres runs it on PostgreSQL instead of SQLite.
//
//	go test ./cmd/bullpen -run '^$' -bench MonthClose1000 -benchtime 1x
func BenchmarkMonthClose1000(b *testing.B) {
	dbURL := ""
	if os.Getenv("BULLPEN_BENCH_DB") == "postgres" {
		dbURL = storetest.PostgresURL(b)
	}
	app := startApp(b, dbURL, b.TempDir(), freeAddr(b), nil)
	defer app.Close()
	ctx := context.Background()
	db := app.DB
	admin, _, err := db.UserCredentials(ctx, "admin@bullpen.demo")
	if err != nil {
		b.Fatal(err)
	}
	o, err := db.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: "Reps, benchmark", Seats: 1000, SlateSize: 3,
		QuestionnaireDays: 7, OfferTerms: models.OfferTerms{OfferApprovals: 1}}, admin.ID)
	if err != nil {
		b.Fatal(err)
	}
	plan := models.PayPlanLibrary[0].Plan
	month := models.MonthStart(time.Now())
	const reps = 1000
	var months []workflows.EmployeeMonth
	for i := range reps {
		u, err := db.CreateUser(ctx, fmt.Sprintf("bench%d@bullpen.demo", i), fmt.Sprintf("Rep %d", i), "x", []models.Role{models.RoleSalesRep})
		if err != nil {
			b.Fatal(err)
		}
		d := models.CandidateDraft{Name: fmt.Sprintf("Rep %d", i), Email: fmt.Sprintf("bench%d@example.com", i), Locale: "en"}.Normalize()
		app1, _, err := db.CreateApplication(ctx, store.NewApplication{OpeningID: o.ID, Candidate: d, ActorID: &admin.ID})
		if err != nil {
			b.Fatal(err)
		}
		off := &models.Offer{ApplicationID: app1.ID, OpeningID: o.ID, StartDate: month, Plan: plan, ExpiresDays: 7, ApproverIDs: []int64{},
			Breaches: []models.FieldError{}, ApprovalsNeeded: 1, CreatedBy: admin.ID}
		if err := db.CreateOffer(ctx, off); err != nil {
			b.Fatal(err)
		}
		e := &store.EmployeeRecord{UserID: u.ID, ApplicationID: app1.ID, OpeningID: o.ID, OfferID: off.ID, Role: string(models.RoleSalesRep),
			StartDate: month, Plan: plan}
		if err := db.CreateEmployee(ctx, e); err != nil {
			b.Fatal(err)
		}
		acc, err := db.CreateAccount(ctx, models.AccountDraft{Name: fmt.Sprintf("Client of rep %d", i)}, u.ID)
		if err != nil {
			b.Fatal(err)
		}
		at := month.Add(time.Hour)
		for k, kind := range []models.ActivityKind{models.ActivityCall, models.ActivityCall, models.ActivityCall, models.ActivityMeeting,
			models.ActivityMeeting, models.ActivityDealWon} {
			a := &models.SalesActivity{AccountID: acc.ID, RepID: u.ID, Kind: kind, At: at.Add(time.Duration(k) * time.Minute)}
			if kind == models.ActivityDealWon {
				a.Amount, a.Currency = 4000, "EUR"
			}
			if _, err := db.LogActivity(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
		months = append(months, workflows.EmployeeMonth{EmployeeID: e.ID, UserID: u.ID, Month: month, MonthIndex: 1})
	}
	acts := &activities.Activities{DB: db, Log: app.Log}
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		var next atomic.Int64
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for range 8 {
			wg.Go(func() {
				for {
					i := int(next.Add(1)) - 1
					if i >= len(months) {
						return
					}
					if err := acts.CloseMonth(ctx, months[i]); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/close")
	}
	b.StopTimer()
	sts, err := db.Statements(ctx, month, 0)
	if err != nil || len(sts) != reps {
		b.Fatalf("%d statements, %v; want %d", len(sts), err, reps)
	}
}

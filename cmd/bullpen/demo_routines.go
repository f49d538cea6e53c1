package main

import (
	"context"
	"fmt"
	"time"

	"github.com/bullpen-hq/bullpen/api"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// demoClients are Elira's clients, with what she did with each last month and this month.
var demoClients = []struct {
	name, city     string
	calls          int
	meetings       int
	deal           float64
	contact, email string
}{
	{"Alba Trade", "Tiranë", 6, 2, 3200, "Arben Shehu", "arben@albatrade.example"},
	{"Hotel Drini", "Pejë", 4, 1, 0, "Teuta Morina", "teuta@hoteldrini.example"},
	{"Kafe Rugova", "Prishtinë", 3, 1, 1500, "Blerim Rugova", "blerim@kaferugova.example"},
}

// loadDemoRoutines makes Elira Dervishi (rep1) a rep hired three months ago into "Sales rep, Tirana": an
// employee with her pay plan and her Employee workflow (which closes her past months, writing their pay
// statements for the head's approval), three clients she owns with their activity, a pending excuse for this
// month, and the "Prishtina sales" team (Gentian Leka's) with its daily planning meeting and the next one
// open for reports.
func loadDemoRoutines(ctx context.Context, db *store.DB, srv *api.Server, ids map[string]int64) error {
	elira, head, manager := ids["rep1@bullpen.demo"], ids["head@bullpen.demo"], ids["manager@bullpen.demo"]
	o, err := demoClosedOpening(ctx, db, "Sales rep, Tirana", 1, head)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	start := models.MonthStart(now).AddDate(0, -2, 0)
	e, app, err := demoHire(ctx, db, ids, o, "Elira Dervishi", "rep1@bullpen.demo", start)
	if err != nil {
		return err
	}
	plan := e.Plan
	tasks := models.OnboardingFor(models.RoleSalesRep)
	if err := db.CreateOnboarding(ctx, e.ID, tasks, start); err != nil {
		return err
	}
	// Her work, last month and this month so far (no earlier than the start of this month, nor ahead of now).
	for i, c := range demoClients {
		acc, err := db.CreateAccount(ctx, models.AccountDraft{Name: c.name, City: c.city}, elira)
		if err != nil {
			return err
		}
		// Client care: each client founded some years ago, the first one two days from now, so its greeting is
		// planned at once; a contact to send its e-card to, in Albanian or English.
		founded := time.Date(now.Year()-12+i, now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2+i*40)
		if err := db.SetAccountCare(ctx, acc.ID, "AL", &founded, false); err != nil {
			return err
		}
		locale := []string{"sq", "en", "sq"}[i%3]
		ct := &store.ContactRecord{AccountID: acc.ID, Name: c.contact, Title: "Owner", Email: c.email, Locale: locale}
		if i == 1 { // Hotel Drini's owner has her birthday today: a greeting call due today, its card sent
			birthday := time.Date(now.Year()-40, now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
			ct.Birthday = &birthday
		}
		if err := db.AddContact(ctx, ct); err != nil {
			return err
		}
		for _, month := range []time.Time{models.MonthStart(now).AddDate(0, -1, 0), models.MonthStart(now)} {
			at := month.Add(time.Duration(9+i) * time.Hour)
			log := func(kind models.ActivityKind, n int, amount float64) error {
				for k := range n {
					a := &models.SalesActivity{AccountID: acc.ID, RepID: elira, Kind: kind, At: at.Add(time.Duration(k*26) * time.Hour)}
					if a.At.After(now) {
						return nil
					}
					if amount > 0 {
						a.Amount, a.Currency = amount, "EUR"
					}
					if _, err := db.LogActivity(ctx, a); err != nil {
						return err
					}
				}
				return nil
			}
			if err := log(models.ActivityCall, c.calls, 0); err != nil {
				return err
			}
			if err := log(models.ActivityMeeting, c.meetings, 0); err != nil {
				return err
			}
			if c.deal > 0 {
				if err := log(models.ActivityDealWon, 1, c.deal); err != nil {
					return err
				}
			}
		}
	}
	if err := db.FileExcuse(ctx, &store.ExcuseRecord{EmployeeID: e.ID, Month: now, Reason: "Three days of sick leave in the second week."}); err != nil {
		return err
	}
	var due []time.Time
	for _, t := range tasks {
		if at := t.DueAt(start); at.After(now) {
			due = append(due, at)
		}
	}
	st := srv.Starter()
	if err := st.Employee(ctx, workflows.EmployeeInput{EmployeeID: e.ID, UserID: elira, ApplicationID: app.ID, Role: models.RoleSalesRep,
		StartDate: start, Plan: plan, OnboardingDue: due}); err != nil {
		return fmt.Errorf("start Elira's workflow: %w", err)
	}
	team := &store.TeamRecord{Name: "Prishtina sales", ManagerID: manager, Cadence: models.Cadence{Kind: "daily", Hour: 9}}
	if err := db.CreateTeam(ctx, team, []int64{elira}); err != nil {
		return err
	}
	if _, err := db.OpenMeeting(ctx, team.ID, team.Cadence.Next(now)); err != nil {
		return err
	}
	return st.TeamMeetings(ctx, team.ID, team.Cadence)
}

// demoClosedOpening is an opening of sales reps whose seats the demo fills by hand.
func demoClosedOpening(ctx context.Context, db *store.DB, title string, seats int, head int64) (*models.Opening, error) {
	o, err := db.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: title, Seats: seats, SlateSize: models.DefaultSlateSize,
		QuestionnaireDays: models.DefaultQuestionnaireDays, OfferTerms: models.OfferTerms{OfferApprovals: 1}}, head)
	if err != nil {
		return nil, err
	}
	return o, db.SetOpeningStatus(ctx, o.ID, models.OpeningPendingApproval, models.OpeningClosed)
}

// demoHire records a rep (a user already) hired into the opening before Bullpen ran the pipeline: the
// application, the accepted offer on the library's first pay plan, the employee starting on start.
func demoHire(ctx context.Context, db *store.DB, ids map[string]int64, o *models.Opening, name, email string, start time.Time) (*store.EmployeeRecord, *models.Application, error) {
	head := ids["head@bullpen.demo"]
	d := models.CandidateDraft{Name: name, Email: email, Source: models.SourceReferral, Locale: "en"}.Normalize()
	app, _, err := db.CreateApplication(ctx, store.NewApplication{OpeningID: o.ID, Candidate: d, ActorID: &head})
	if err != nil {
		return nil, nil, err
	}
	if err := db.RecordMove(ctx, models.ApplicationMove{ApplicationID: app.ID, From: models.StageApplied, To: models.StageHired, ActorID: &head,
		Reason: "Demo: hired before Bullpen took over the pipeline.", Key: "demo-hired"}); err != nil {
		return nil, nil, err
	}
	plan := models.PayPlanLibrary[0].Plan
	off := &models.Offer{ApplicationID: app.ID, OpeningID: o.ID, StartDate: start, Plan: plan, ExpiresDays: 7, ApproverIDs: []int64{head},
		Breaches: []models.FieldError{}, ApprovalsNeeded: 1, CreatedBy: ids["recruiter@bullpen.demo"]}
	if err := db.CreateOffer(ctx, off); err != nil {
		return nil, nil, err
	}
	if err := db.SetOfferStatus(ctx, off.ID, 1, models.OfferAccepted, map[string]any{"seat": models.SeatFilled, "answered_at": start.AddDate(0, 0, -10)}); err != nil {
		return nil, nil, err
	}
	e := &store.EmployeeRecord{UserID: ids[email], ApplicationID: app.ID, OpeningID: o.ID, OfferID: off.ID, Role: string(models.RoleSalesRep), StartDate: start, Plan: plan}
	return e, app, db.CreateEmployee(ctx, e)
}

package main

import (
	"context"
	"log/slog"
	"slices"

	"github.com/bullpen-hq/bullpen/api"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// DemoPassword is the password of every demo account.
const DemoPassword = "bullpen-demo"

// demoUsers is the demo organisation of `bullpen dev --demo`.
var demoUsers = []struct {
	email, name string
	roles       []models.Role
}{
	{"admin@bullpen.demo", "Arta Admin", []models.Role{models.RoleAdmin}},
	{"head@bullpen.demo", "Besnik Hoxha", []models.Role{models.RoleDepartmentHead}},
	{"recruiter@bullpen.demo", "Rita Krasniqi", []models.Role{models.RoleRecruiter}},
	{"interviewer1@bullpen.demo", "Ilir Berisha", []models.Role{models.RoleInterviewer}},
	{"interviewer2@bullpen.demo", "Drita Shala", []models.Role{models.RoleInterviewer}},
	{"manager@bullpen.demo", "Gentian Leka", []models.Role{models.RoleSalesManager}},
	{"rep1@bullpen.demo", "Elira Dervishi", []models.Role{models.RoleSalesRep}},
}

// loadDemo creates the demo accounts and one staffing plan awaiting approval. Running it again changes nothing.
func loadDemo(ctx context.Context, db *store.DB, srv *api.Server, log *slog.Logger) error {
	var recruiterID int64
	ids := map[string]int64{}
	for _, du := range demoUsers {
		u, _, err := db.UserCredentials(ctx, du.email)
		if models.ErrorCode(err) == models.ENOTFOUND {
			hash, herr := api.HashPassword(DemoPassword)
			if herr != nil {
				return herr
			}
			u, err = db.CreateUser(ctx, du.email, du.name, hash, du.roles)
		}
		if err != nil {
			return err
		}
		ids[du.email] = u.ID
		if du.email == "recruiter@bullpen.demo" {
			recruiterID = u.ID
		}
	}
	plans, err := db.ListPlans(ctx, store.PlanFilter{AuthorID: recruiterID})
	if err != nil || len(plans) > 0 {
		return err
	}
	d := models.PlanDraft{Title: "Tirana sales team 2027", Currency: "EUR",
		Notes: "Open the Tirana office's direct sales: one manager first, then the reps.",
		Inputs: models.SizingInput{MonthlyRevenueTarget: 60000, AverageDealSize: 2500, WinRate: 0.25, CallsPerMeeting: 12,
			WorkingDaysPerMonth: 21, CallsPerDay: 40, MeetingsPerMonth: 30, RampMonths: 3, RampProductivity: 0.5, SpanOfControl: 8}}
	result, err := d.Validate()
	if err != nil {
		return err
	}
	if _, err := srv.SubmitPlan(ctx, d, result, recruiterID); err != nil {
		return err
	}
	if err := loadDemoPipeline(ctx, db, srv, ids); err != nil {
		return err
	}
	log.Info("demo organisation loaded", "users", len(demoUsers), "password", DemoPassword)
	return nil
}

func ptr[T any](v T) *T { return &v }

// demoQuestionnaire is the screening questionnaire of the demo opening.
var demoQuestionnaire = models.Questionnaire{PassMark: 60, Questions: []models.Question{
	{ID: "experience", Kind: models.SingleChoice, Prompt: "How much experience in sales do you have?", Required: true, Weight: 3,
		Options: []models.Option{{ID: "none", Label: "None, and I do not want to make calls", KnockOut: true},
			{ID: "some", Label: "Less than a year", Points: 1}, {ID: "years", Label: "One to three years", Points: 2},
			{ID: "many", Label: "More than three years", Points: 3}}},
	{ID: "calls", Kind: models.NumberAnswer, Prompt: "How many phone calls to new clients can you make in a day?", Required: true, Weight: 2,
		Min: ptr(0.0), Max: ptr(200.0), Target: ptr(40.0), KnockOutBelow: ptr(10.0)},
	{ID: "negotiation", Kind: models.ScaleAnswer, Prompt: "How comfortable are you negotiating price with a client? (1-5)", Required: true, Weight: 2,
		Min: ptr(1.0), Max: ptr(5.0)},
	{ID: "sold", Kind: models.MultipleChoice, Prompt: "What have you sold before?", Weight: 1,
		Options: []models.Option{{ID: "b2b", Label: "Business services", Points: 1}, {ID: "retail", Label: "Retail goods", Points: 0.5},
			{ID: "phone", Label: "By phone", Points: 1}}},
	{ID: "why", Kind: models.FreeText, Prompt: "Why do you want to work in sales?"},
}}

// demoCandidates stand at different stages of the demo opening's pipeline.
var demoCandidates = []struct {
	name, email string
	source      models.Source
	stage       models.Stage
	tags        []string
}{
	{"Arben Gashi", "arben.gashi@example.com", models.SourceApplyPage, models.StageApplied, []string{"tirana"}},
	{"Blerta Morina", "blerta.morina@example.com", models.SourceReferral, models.StageApplied, []string{"referral"}},
	{"Dardan Kelmendi", "dardan.kelmendi@example.com", models.SourceLinkedIn, models.StageQuestionnaire, nil},
	{"Fjolla Rexhepi", "fjolla.rexhepi@example.com", models.SourceJobBoard, models.StageScreening, []string{"b2b"}},
	{"Genta Bytyqi", "genta.bytyqi@example.com", models.SourceApplyPage, models.StageScreening, nil},
	{"Hana Osmani", "hana.osmani@example.com", models.SourceReferral, models.StageFirstInterview, []string{"b2b", "senior"}},
	{"Kushtrim Aliu", "kushtrim.aliu@example.com", models.SourceJobBoard, models.StageRejected, nil},
}

// loadDemoPipeline opens a demo opening with its hiring team and questionnaire, and puts candidates on its
// board at different stages, through the same workflows as real ones.
func loadDemoPipeline(ctx context.Context, db *store.DB, srv *api.Server, ids map[string]int64) error {
	rita, head := ids["recruiter@bullpen.demo"], ids["head@bullpen.demo"]
	o, err := db.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: "Sales rep, Prishtina",
		Description: "Sell our business services by phone and in person to companies in Prishtina. Full training, a fixed salary and a monthly bonus.",
		Seats:       2, RecruiterID: &rita, InterviewerIDs: []int64{ids["interviewer1@bullpen.demo"], ids["interviewer2@bullpen.demo"]},
		Questionnaire: &demoQuestionnaire, QuestionnaireDays: models.DefaultQuestionnaireDays, SlateSize: models.DefaultSlateSize,
		RolePlay: models.RolePlaySettings{Scenario: "Sell a one-year service contract to a sceptical office manager who has a cheaper offer.", DurationMinutes: 20},
	}, rita)
	if err != nil {
		return err
	}
	if err := db.SetOpeningStatus(ctx, o.ID, models.OpeningPendingApproval, models.OpeningOpen); err != nil {
		return err
	}
	o.Status = models.OpeningOpen
	for _, dc := range demoCandidates {
		d := models.CandidateDraft{Name: dc.name, Email: dc.email, Source: dc.source, Locale: "en"}.Normalize()
		app, _, err := srv.Apply(ctx, o, store.NewApplication{OpeningID: o.ID, Candidate: d, ActorID: &rita, Tags: dc.tags}, false)
		if err != nil {
			return err
		}
		for _, st := range models.Pipeline[1:] {
			if slices.Index(models.Pipeline, st) > slices.Index(models.Pipeline, dc.stage) {
				break
			}
			if err := srv.Move(ctx, app.ID, models.ApplicationMove{To: st, Reason: "Demo: moved on.", ActorID: &head}); err != nil {
				return err
			}
		}
		if dc.stage == models.StageRejected {
			if err := srv.Move(ctx, app.ID, models.ApplicationMove{To: models.StageRejected, ReasonCode: "not_qualified",
				Reason: "Demo: no sales experience.", ActorID: &head}); err != nil {
				return err
			}
		}
	}
	return nil
}

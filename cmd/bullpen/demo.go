package main

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/api"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
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
func loadDemo(ctx context.Context, db *store.DB, srv *api.Server, log *slog.Logger, floor bool) error {
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
	if err := loadDemoRoutines(ctx, db, srv, ids); err != nil {
		return err
	}
	if floor {
		if err := loadDemoFloor(ctx, db, srv, ids); err != nil {
			return err
		}
	}
	// Run the morning's client care now, so the demo has its greetings planned (without a worker here, the
	// schedule's next morning does it).
	_ = srv.Starter().Client.ScheduleClient().GetHandle(ctx, workflows.CareScheduleID).Trigger(ctx, client.ScheduleTriggerOptions{})
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
	{ID: "salary", Kind: models.NumberAnswer, Prompt: "What gross monthly salary do you expect, in euros?", Min: ptr(0.0), Max: ptr(100000.0),
		Private: true},
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
	{"Liridon Hoxha", "liridon.hoxha@example.com", models.SourceLinkedIn, models.StageFirstInterview, []string{"b2b"}},
	{"Mimoza Krasniqi", "mimoza.krasniqi@example.com", models.SourceApplyPage, models.StageFirstInterview, nil},
	{"Nora Berisha", "nora.berisha@example.com", models.SourceReferral, models.StageFirstInterview, []string{"referral"}},
}

// demoScorecards are the first-interview scorecards the demo's interviewers gave two days ago, in the order
// of the standard rubric (rapport, needs discovery, objection handling, value framing, closing, composure).
// Mimoza Krasniqi still waits for Drita Shala's.
var demoScorecards = map[string]map[string]struct {
	scores []int
	rec    models.Recommendation
	notes  string
}{
	"Liridon Hoxha": {
		"interviewer1@bullpen.demo": {[]int{4, 4, 3, 4, 4, 4}, models.Yes, "Found the budget and the deadline early; traded the discount for a six-month term."},
		"interviewer2@bullpen.demo": {[]int{5, 4, 4, 4, 3, 5}, models.StrongYes, "Calm under the price pressure; could have asked for the signature sooner."},
	},
	"Nora Berisha": {
		"interviewer1@bullpen.demo": {[]int{4, 3, 3, 3, 3, 4}, models.Yes, "Warm and steady; value framing stayed general."},
		"interviewer2@bullpen.demo": {[]int{3, 3, 2, 3, 2, 3}, models.No, "Gave 10% at the first push and left without a next step."},
	},
	"Mimoza Krasniqi": {
		"interviewer1@bullpen.demo": {[]int{3, 4, 4, 3, 4, 3}, models.Yes, "Good questions; a little rushed when the buyer went quiet."},
	},
}

// loadDemoPipeline opens a demo opening with its hiring team and questionnaire, and puts candidates on its
// board at different stages, through the same workflows as real ones.
func loadDemoPipeline(ctx context.Context, db *store.DB, srv *api.Server, ids map[string]int64) error {
	rita, head := ids["recruiter@bullpen.demo"], ids["head@bullpen.demo"]
	o, err := db.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: "Sales rep, Prishtina",
		Description: "Sell our business services by phone and in person to companies in Prishtina. Full training, a fixed salary and a monthly bonus.",
		Seats:       2, RecruiterID: &rita, InterviewerIDs: []int64{ids["interviewer1@bullpen.demo"], ids["interviewer2@bullpen.demo"]},
		Questionnaire: &demoQuestionnaire, QuestionnaireDays: models.DefaultQuestionnaireDays, SlateSize: models.DefaultSlateSize,
		RolePlay: models.RolePlaySettings{Scenario: "Sell a one-year service contract to a sceptical office manager who has a cheaper offer.", DurationMinutes: 20,
			ScenarioIDs: demoRotation(ctx, db)},
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
		if cards, ok := demoScorecards[dc.name]; ok {
			if err := demoInterview(ctx, db, srv, o, app.ID, ids, cards); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoRotation is the demo opening's role-play scenarios: the price haggler and the silent sceptic.
func demoRotation(ctx context.Context, db *store.DB) []int64 {
	out := []int64{}
	list, err := db.ListScenarios(ctx, false)
	if err != nil {
		return out
	}
	for _, sc := range list {
		if sc.Slug == "price-haggler" || sc.Slug == "silent-sceptic" {
			out = append(out, sc.ID)
		}
	}
	return out
}

// demoInterview records a first interview held two days ago with the demo's scorecards, and tells the
// application's workflow, which stores the result (or reminds the late interviewer) as it would for a real one.
func demoInterview(ctx context.Context, db *store.DB, srv *api.Server, o *models.Opening, appID int64, ids map[string]int64,
	cards map[string]struct {
		scores []int
		rec    models.Recommendation
		notes  string
	}) error {
	panel := []int64{ids["interviewer1@bullpen.demo"], ids["interviewer2@bullpen.demo"]}
	iv := &models.Interview{OpeningID: o.ID, Kind: models.InterviewFirst, StartsAt: time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Hour),
		DurationMinutes: 30, Location: "Bullpen office, Rr. Agim Ramadani 15, Prishtina", OrganizerID: ids["recruiter@bullpen.demo"],
		InterviewerIDs: panel, ApplicationIDs: []int64{appID}}
	if len(o.RolePlay.ScenarioIDs) > 0 {
		iv.ScenarioID = &o.RolePlay.ScenarioIDs[int(appID)%len(o.RolePlay.ScenarioIDs)]
	}
	if err := db.CreateInterview(ctx, iv); err != nil {
		return err
	}
	if err := db.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: appID, Kind: "interview_scheduled", ActorID: &iv.OrganizerID,
		Data: map[string]any{"interview_id": iv.ID, "starts_at": iv.StartsAt, "kind": string(iv.Kind), "sequence": 0}},
		fmt.Sprintf("interview-%d-v0", iv.ID)); err != nil {
		return err
	}
	rubric := models.DefaultRubric("en")
	for email, c := range cards {
		card := models.Scorecard{InterviewerID: ids[email], Recommendation: c.rec, Notes: c.notes}
		for i, cp := range rubric.Competencies {
			card.Ratings = append(card.Ratings, models.Rating{CompetencyID: cp.ID, Score: c.scores[i]})
		}
		if _, err := db.SubmitScorecard(ctx, iv.ID, appID, card); err != nil {
			return err
		}
		by := ids[email]
		if err := db.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: appID, Kind: "scorecard_submitted", ActorID: &by,
			Data: map[string]any{"interview_id": iv.ID}}, fmt.Sprintf("scorecard-%d-%d", iv.ID, by)); err != nil {
			return err
		}
	}
	srv.AnnounceInterview(ctx, iv)
	return nil
}

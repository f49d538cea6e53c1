package main

import (
	"context"
	"log/slog"

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
	log.Info("demo organisation loaded", "users", len(demoUsers), "password", DemoPassword)
	return nil
}

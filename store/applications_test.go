package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestApplicationsAreAllOrNothingAndIdempotent covers what the pipeline's activities rely on: one candidate
// per e-mail, one application per person and opening, a move recorded once per key and refused from a stage
// the application has left, one questionnaire submission, and an import batch whose bad row takes nothing
// else down and whose retry advances the progress once.
func TestApplicationsAreAllOrNothingAndIdempotent(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db := storetest.Open(t, url)
		rita, err := db.CreateUser(ctx, "rita@example.com", "Rita", "h", []models.Role{models.RoleRecruiter})
		if err != nil {
			t.Fatal(err)
		}
		o, err := db.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: "Reps", Seats: 2, SlateSize: 3, QuestionnaireDays: 7}, rita.ID)
		if err != nil || o.Status != models.OpeningPendingApproval {
			t.Fatalf("opening %+v, %v", o, err)
		}
		d := models.CandidateDraft{Name: "Vera Hoxha", Email: "Vera@Example.com", Source: models.SourceApplyPage}.Normalize()
		now := time.Now().UTC()
		app, created, err := db.CreateApplication(ctx, store.NewApplication{OpeningID: o.ID, Candidate: d, Consent: &now,
			CV: store.NewFile("cv.pdf", "application/pdf", []byte("%PDF-1.4"))})
		if err != nil || !created || app.Candidate.Email != "vera@example.com" || app.Candidate.CVFileID == nil {
			t.Fatalf("apply: %+v %v %v", app, created, err)
		}
		again, created, err := db.CreateApplication(ctx, store.NewApplication{OpeningID: o.ID, Candidate: d})
		if err != nil || created || again.ID != app.ID {
			t.Fatalf("apply twice: %+v %v %v", again, created, err)
		}

		move := models.ApplicationMove{ApplicationID: app.ID, From: models.StageApplied, To: models.StageQuestionnaire, ActorID: &rita.ID,
			Reason: "promising", Key: "move-1"}
		for range 2 { // a retried activity
			if err := db.RecordMove(ctx, move); err != nil {
				t.Fatal(err)
			}
		}
		stale := move
		stale.To, stale.Key = models.StageRejected, "move-2"
		if err := db.RecordMove(ctx, stale); models.ErrorCode(err) != models.ECONFLICT {
			t.Fatalf("a move from a stage the application has left: %v", err)
		}
		events, err := db.ApplicationEvents(ctx, app.ID)
		if err != nil || len(events) != 2 || events[1].ToStage != models.StageQuestionnaire || events[1].ActorName != "Rita" {
			t.Fatalf("timeline %+v, %v", events, err)
		}
		got, _ := db.Application(ctx, app.ID)
		if got.Stage != models.StageQuestionnaire || got.FirstContactAt == nil {
			t.Fatalf("after move: %+v", got)
		}

		resp := store.QuestionnaireResponse{ApplicationID: app.ID, Answers: []models.Answer{{QuestionID: "q"}},
			Score: models.Score{Percent: 75, Passed: true}, Locale: "en", SubmittedAt: now}
		for range 2 {
			if err := db.SaveResponse(ctx, resp); err != nil {
				t.Fatal(err)
			}
		}
		resp.SubmittedAt = now.Add(time.Minute)
		if err := db.SaveResponse(ctx, resp); models.ErrorCode(err) != models.ECONFLICT {
			t.Fatalf("second submission: %v", err)
		}
		got, _ = db.Application(ctx, app.ID)
		if got.ScorePercent == nil || *got.ScorePercent != 75 || got.QuestionnaireStatus != models.QuestionnaireSubmitted {
			t.Fatalf("after submission: %+v", got)
		}

		// A batch: a good row, a duplicate of Vera, a row the database refuses (no such opening) and a good row.
		rows := []store.NewApplication{
			{OpeningID: o.ID, Candidate: models.CandidateDraft{Name: "Luan", Email: "luan@example.com", Source: models.SourceImport, Locale: "en"}},
			{OpeningID: o.ID, Candidate: d},
			{OpeningID: 999999, Candidate: models.CandidateDraft{Name: "Nowhere", Email: "nowhere@example.com", Source: models.SourceImport, Locale: "en"}},
			{OpeningID: o.ID, Candidate: models.CandidateDraft{Name: "Mimoza", Email: "mimoza@example.com", Source: models.SourceImport, Locale: "en"}},
		}
		res, err := db.CreateApplicationsBatch(ctx, rows)
		if err != nil {
			t.Fatal(err)
		}
		if !res[0].Created || res[1].Created || res[1].App.ID != app.ID || res[2].Err == nil || !res[3].Created {
			t.Fatalf("batch: %+v", res)
		}
		// The refused row left no candidate behind.
		var orphans int64
		if err := db.Gorm().Table("candidates").Where("email = ?", "nowhere@example.com").Count(&orphans).Error; err != nil || orphans != 0 {
			t.Fatalf("half an import row: %d candidates, %v", orphans, err)
		}
		if _, err := db.SetTags(ctx, app.ID, []string{"b2b", "c_sharp"}); err != nil {
			t.Fatal(err)
		}
		for tag, want := range map[string]int{"b2b": 1, "c_sharp": 1, "b2": 0, "c%": 0} {
			if got, err := db.ListApplications(ctx, store.ApplicationFilter{OpeningID: o.ID, Tag: tag}); err != nil || len(got) != want {
				t.Errorf("tag %q: %d applications, %v; want %d", tag, len(got), err, want)
			}
		}
		for q, want := range map[string]int{"vera": 1, "HOXHA": 1, "%": 0, "_": 0, "mimoza@": 1} {
			if got, err := db.ListApplications(ctx, store.ApplicationFilter{OpeningID: o.ID, Query: q}); err != nil || len(got) != want {
				t.Errorf("search %q: %d applications, %v; want %d", q, len(got), err, want)
			}
		}
		counts, _ := db.StageCounts(ctx, []int64{o.ID})
		if counts[o.ID][models.StageApplied] != 2 || counts[o.ID][models.StageQuestionnaire] != 1 {
			t.Fatalf("counts %v", counts)
		}

		im := &store.Import{OpeningID: o.ID, CreatedBy: rita.ID, Mapping: map[string]string{"email": "E-mail"}}
		if err := db.CreateImport(ctx, store.NewFile("c.csv", "text/csv", []byte("E-mail\n")), im); err != nil {
			t.Fatal(err)
		}
		batch := store.ImportBatch{Done: 4, Created: 2, Duplicates: 1, Failed: 1, Errors: []store.RowError{{Line: 4, Message: "no"}}}
		for range 2 { // the second is a retry of the same batch
			if err := db.AdvanceImport(ctx, im.ID, 0, batch); err != nil {
				t.Fatal(err)
			}
		}
		got2, _ := db.ImportByID(ctx, im.ID)
		if got2.DoneRows != 4 || got2.CreatedRows != 2 || got2.FailedRows != 1 || len(got2.Errors) != 1 {
			t.Fatalf("import progress %+v", got2)
		}

		r, err := db.Report(ctx, o.ID)
		if err != nil || r.Total != 3 || r.Stages[0].Reached != 3 || r.Stages[1].Reached != 1 || *r.Stages[0].PassThrough < 33 {
			t.Fatalf("report %+v, %v", r, err)
		}
	})
}

package activities

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.temporal.io/sdk/activity"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// importFile reads an import's stored CSV file.
func (a *Activities) importFile(ctx context.Context, importID int64) (*store.Import, *models.CSVFile, error) {
	im, err := a.DB.ImportByID(ctx, importID)
	if err != nil {
		return nil, nil, refusal(err)
	}
	f, err := a.DB.FileByID(ctx, im.FileID)
	if err != nil {
		return nil, nil, refusal(err)
	}
	csvf, err := models.ParseCSV(f.Data)
	if err != nil {
		return nil, nil, refusal(err)
	}
	return im, csvf, nil
}

// CountImportRows counts the file's data rows and records the total, for the progress bar.
func (a *Activities) CountImportRows(ctx context.Context, importID int64) (int, error) {
	im, f, err := a.importFile(ctx, importID)
	if err != nil {
		return 0, err
	}
	if err := f.ValidateMapping(im.Mapping); err != nil {
		return 0, refusal(err)
	}
	_, total, err := f.Rows(im.Mapping, 0, 0)
	if err != nil {
		return 0, refusal(err)
	}
	return total, a.DB.StartImport(ctx, importID, total)
}

// ImportBatch imports one batch of rows: each row all-or-nothing, a bad row reported with its line, a row
// whose person already applied to the opening counted as a duplicate. Every application stored gets its
// workflow, and the opening's workflow hears how many arrived. Run again on the same rows, it stores nothing
// twice and advances the progress once.
func (a *Activities) ImportBatch(ctx context.Context, req workflows.ImportBatchRequest) error {
	im, f, err := a.importFile(ctx, req.ImportID)
	if err != nil {
		return err
	}
	o, err := a.DB.Opening(ctx, im.OpeningID)
	if err != nil {
		return refusal(err)
	}
	rows, _, err := f.Rows(im.Mapping, req.Start, req.Count)
	if err != nil {
		return refusal(err)
	}
	var (
		batch store.ImportBatch
		news  []store.NewApplication
		lines []int
	)
	actor := im.CreatedBy
	seen := map[string]int{}
	for _, r := range rows {
		batch.Done++
		if r.Err == nil {
			if first, dup := seen[r.Candidate.Email]; dup {
				r.Err = models.Errorf(models.EINVALID, "repeats the e-mail address of line %d", first)
			}
		}
		if r.Err != nil {
			batch.Failed++
			batch.Errors = append(batch.Errors, rowErrors(r.Line, r.Err)...)
			continue
		}
		seen[r.Candidate.Email] = r.Line
		news = append(news, store.NewApplication{OpeningID: o.ID, Candidate: r.Candidate, ActorID: &actor, Tags: r.Tags, Note: r.Note,
			ImportID: im.ID, ImportLine: r.Line})
		lines = append(lines, r.Line)
	}
	began := time.Now()
	results, err := a.DB.CreateApplicationsBatch(ctx, news)
	if err != nil {
		return err
	}
	stored := time.Since(began)
	var found []int64
	for _, r := range results {
		if r.Err == nil && !r.Created {
			found = append(found, r.App.ID)
		}
	}
	// On a retried batch, the rows this import stored before are its own, not duplicates.
	ours, err := a.DB.ImportedBy(ctx, im.ID, found)
	if err != nil {
		return err
	}
	var started []*models.Application
	for i, r := range results {
		switch {
		case r.Err != nil:
			batch.Failed++
			batch.Errors = append(batch.Errors, store.RowError{Line: lines[i], Message: models.ErrorMessage(r.Err)})
		case r.Created || ours[r.App.ID] == lines[i]:
			batch.Created++
			started = append(started, r.App)
		default:
			batch.Duplicates++
			// Found again: on a retried batch its workflow may not have started yet. Starting is idempotent.
			if !r.App.Stage.Closed() {
				started = append(started, r.App)
			}
		}
	}
	if err := a.startApplications(ctx, o, started); err != nil {
		return err
	}
	a.Log.InfoContext(ctx, "import batch", "import_id", im.ID, "start", req.Start, "rows", len(rows),
		"store_ms", stored.Milliseconds(), "workflows_ms", (time.Since(began) - stored).Milliseconds())
	if batch.Created > 0 {
		if err := a.Start.OpeningAdded(ctx, o, batch.Created); err != nil {
			return err
		}
	}
	return a.DB.AdvanceImport(ctx, im.ID, req.Start, batch)
}

func rowErrors(line int, err error) []store.RowError {
	var e *models.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		out := make([]store.RowError, len(e.Fields))
		for i, f := range e.Fields {
			out[i] = store.RowError{Line: line, Field: f.Field, Message: f.Message}
		}
		return out
	}
	return []store.RowError{{Line: line, Message: models.ErrorMessage(err)}}
}

// startApplications starts the workflows of imported applications, a few at a time, heartbeating so that a
// stuck batch is noticed.
func (a *Activities) startApplications(ctx context.Context, o *models.Opening, apps []*models.Application) error {
	const workers = 8
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		next  = make(chan *models.Application)
	)
	for range workers {
		wg.Go(func() {
			for app := range next {
				err := a.Start.Application(ctx, workflows.ApplicationInput{ApplicationID: app.ID, OpeningID: app.OpeningID,
					QuestionnaireTTL: o.QuestionnaireTTL(), ReminderBefore: a.QuestionnaireReminder, RejectionCodes: a.RejectionReasons,
					ScorecardReminderAfter: a.ScorecardReminder, ScorecardEscalateAfter: a.ScorecardEscalate,
					OfferReminderAfter: a.OfferReminder, OfferEscalateAfter: a.OfferEscalate})
				if err != nil {
					mu.Lock()
					if first == nil {
						first = fmt.Errorf("start workflow of application %d: %w", app.ID, err)
					}
					mu.Unlock()
				}
			}
		})
	}
	for i, app := range apps {
		if i%50 == 0 && activity.IsActivity(ctx) {
			activity.RecordHeartbeat(ctx, i)
		}
		next <- app
	}
	close(next)
	wg.Wait()
	return first
}

// FinishImport records the end of an import and tells the person who started it.
func (a *Activities) FinishImport(ctx context.Context, importID int64, failure string) error {
	status := store.ImportFinished
	if failure != "" {
		status = store.ImportFailed
	}
	if err := a.DB.FinishImport(ctx, importID, status, failure); err != nil {
		return err
	}
	im, err := a.DB.ImportByID(ctx, importID)
	if err != nil {
		return refusal(err)
	}
	o, err := a.DB.Opening(ctx, im.OpeningID)
	if err != nil {
		return refusal(err)
	}
	key := fmt.Sprintf("import-%d-finished", im.ID)
	if err := a.DB.Audit(ctx, store.AuditEntry{ActorID: &im.CreatedBy, Action: "import." + status, ObjectType: "opening", ObjectID: o.ID,
		Summary: fmt.Sprintf("Import %d: %d created, %d duplicates, %d refused of %d rows", im.ID, im.CreatedRows, im.DuplicateRows, im.FailedRows, im.TotalRows),
		After: map[string]any{"import_id": im.ID, "created": im.CreatedRows, "duplicates": im.DuplicateRows, "failed": im.FailedRows,
			"total": im.TotalRows, "status": status}, DedupeKey: &key}); err != nil {
		return err
	}
	return a.DB.Notify(ctx, []int64{im.CreatedBy}, store.Notice{Kind: noticeImportFinished, Link: openingLink(o.ID),
		Params: map[string]any{"opening_id": o.ID, "opening_title": o.Title, "created": im.CreatedRows, "failed": im.FailedRows,
			"duplicates": im.DuplicateRows, "import_id": im.ID},
		Message: fmt.Sprintf("Import into %q finished: %d added, %d duplicates, %d refused.", o.Title, im.CreatedRows, im.DuplicateRows, im.FailedRows)}, key)
}

package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// ImportInput starts the import of a stored CSV file into an opening.
type ImportInput struct {
	ImportID  int64
	BatchSize int
}

// ImportBatchRequest asks the activity to import rows [Start, Start+Count) of the file.
type ImportBatchRequest struct {
	ImportID int64
	Start    int
	Count    int
}

// DefaultImportBatch is how many rows one activity imports; each row is its own all-or-nothing unit.
const DefaultImportBatch = 250

// CandidateImport imports a CSV file of candidates batch by batch, so that 10,000 rows neither time out a
// request nor grow one transaction without end; the import row in the database shows the progress, and a
// worker restart resumes at the batch it was in (rows already stored are found again, not doubled).
func CandidateImport(ctx workflow.Context, in ImportInput) (int, error) {
	if in.ImportID <= 0 {
		return 0, temporal.NewNonRetryableApplicationError("import ID is required", models.EINVALID, nil)
	}
	if in.BatchSize <= 0 {
		in.BatchSize = DefaultImportBatch
	}
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	var total int
	if err := workflow.ExecuteActivity(ctx, ActivityCountImportRows, in.ImportID).Get(ctx, &total); err != nil {
		return 0, finishImport(ctx, in.ImportID, err)
	}
	batchCtx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 5 * time.Minute, HeartbeatTimeout: time.Minute, RetryPolicy: activityOptions.RetryPolicy})
	for start := 0; start < total; start += in.BatchSize {
		req := ImportBatchRequest{ImportID: in.ImportID, Start: start, Count: min(in.BatchSize, total-start)}
		if err := workflow.ExecuteActivity(batchCtx, ActivityImportBatch, req).Get(ctx, nil); err != nil {
			return start, finishImport(ctx, in.ImportID, err)
		}
	}
	return total, finishImport(ctx, in.ImportID, nil)
}

// finishImport records the end of the import: finished, or failed with the refusal's message.
func finishImport(ctx workflow.Context, importID int64, cause error) error {
	msg := ""
	if cause != nil {
		msg = FromTemporal(cause).Error()
		if e, ok := FromTemporal(cause).(*models.Error); ok {
			msg = e.Message
		}
	}
	if err := workflow.ExecuteActivity(ctx, ActivityFinishImport, importID, msg).Get(ctx, nil); err != nil {
		return err
	}
	return cause
}

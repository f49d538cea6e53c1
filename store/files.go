package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

// File is an uploaded file kept in the database: a candidate's CV or an import's CSV. Keeping it there means
// one backup holds everything and every API process can serve it.
type File struct {
	ID          int64 `gorm:"primaryKey"`
	Name        string
	ContentType string
	Size        int64
	SHA256      string `gorm:"column:sha256"`
	Data        []byte
	CreatedAt   time.Time
}

// TableName names the table.
func (File) TableName() string { return "files" }

// NewFile prepares a file for storing.
func NewFile(name, contentType string, data []byte) *File {
	sum := sha256.Sum256(data)
	return &File{Name: name, ContentType: contentType, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]), Data: data,
		CreatedAt: time.Now().UTC()}
}

// SaveFile stores a file.
func (db *DB) SaveFile(ctx context.Context, f *File) error { return db.with(ctx).Create(f).Error }

// FileByID returns a stored file with its content.
func (db *DB) FileByID(ctx context.Context, id int64) (*File, error) {
	var f File
	if err := db.with(ctx).First(&f, id).Error; err != nil {
		return nil, notFound(err, "file")
	}
	return &f, nil
}

// Import statuses.
const (
	ImportRunning  = "running"
	ImportFinished = "finished"
	ImportFailed   = "failed"
)

// RowError is one refused row of an import: its line in the file and what was wrong with it.
type RowError struct {
	Line    int    `json:"line"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// Import is one CSV file being imported into an opening, with its progress.
type Import struct {
	ID            int64 `gorm:"primaryKey"`
	OpeningID     int64
	FileID        int64
	CreatedBy     int64
	Mapping       map[string]string `gorm:"serializer:json"`
	Status        string
	TotalRows     int
	DoneRows      int
	CreatedRows   int
	DuplicateRows int
	FailedRows    int
	Errors        []RowError `gorm:"serializer:json"`
	Message       string
	CreatedAt     time.Time
	FinishedAt    *time.Time
}

// TableName names the table.
func (Import) TableName() string { return "imports" }

// CreateImport stores the file and the import that will read it.
func (db *DB) CreateImport(ctx context.Context, f *File, im *Import) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(f).Error; err != nil {
			return err
		}
		im.FileID, im.Status, im.CreatedAt = f.ID, ImportRunning, time.Now().UTC()
		if im.Errors == nil {
			im.Errors = []RowError{}
		}
		return tx.Create(im).Error
	})
}

// DeleteImport takes back an import whose workflow could not be started.
func (db *DB) DeleteImport(ctx context.Context, id int64) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var im Import
		if err := tx.First(&im, id).Error; err != nil {
			return notFound(err, "import")
		}
		if err := tx.Delete(&im).Error; err != nil {
			return err
		}
		return tx.Delete(&File{}, im.FileID).Error
	})
}

// ImportByID returns one import.
func (db *DB) ImportByID(ctx context.Context, id int64) (*Import, error) {
	var im Import
	if err := db.with(ctx).First(&im, id).Error; err != nil {
		return nil, notFound(err, "import")
	}
	return &im, nil
}

// ListImports returns a page of an opening's imports, newest first, and how many there are.
func (db *DB) ListImports(ctx context.Context, openingID int64, p Page) ([]Import, int64, error) {
	var out []Import
	total, err := findPage(db.with(ctx).Where("opening_id = ?", openingID), "id DESC", p, &out)
	return out, total, err
}

// MaxImportErrors bounds the row errors an import keeps; the counts stay exact.
const MaxImportErrors = 1000

// ImportBatch is the outcome of one batch of rows.
type ImportBatch struct {
	Done, Created, Duplicates, Failed int
	Errors                            []RowError
}

// AdvanceImport adds a batch's outcome to an import, unless the import has already passed doneRows
// (a retried batch).
func (db *DB) AdvanceImport(ctx context.Context, id int64, doneBefore int, b ImportBatch) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var im Import
		if err := tx.First(&im, id).Error; err != nil {
			return notFound(err, "import")
		}
		if im.DoneRows != doneBefore {
			return nil
		}
		errs := append(im.Errors, b.Errors...)
		if len(errs) > MaxImportErrors {
			errs = errs[:MaxImportErrors]
		}
		return tx.Model(&im).Select("done_rows", "created_rows", "duplicate_rows", "failed_rows", "errors").Updates(&Import{
			DoneRows: im.DoneRows + b.Done, CreatedRows: im.CreatedRows + b.Created, DuplicateRows: im.DuplicateRows + b.Duplicates,
			FailedRows: im.FailedRows + b.Failed, Errors: errs}).Error
	})
}

// StartImport records how many rows the file holds.
func (db *DB) StartImport(ctx context.Context, id int64, total int) error {
	return db.with(ctx).Model(&Import{}).Where("id = ?", id).Update("total_rows", total).Error
}

// FinishImport records the end of an import, with a message when it failed as a whole.
func (db *DB) FinishImport(ctx context.Context, id int64, status, message string) error {
	return db.with(ctx).Model(&Import{}).Where("id = ?", id).Updates(map[string]any{
		"status": status, "message": message, "finished_at": time.Now().UTC()}).Error
}

// BatchRow is the outcome of one row of a batch: its application (new or found again) or its error.
type BatchRow struct {
	App     *models.Application
	Created bool
	Err     error
}

// CreateApplicationsBatch stores a batch of import rows, each all-or-nothing in its own savepoint, so that a
// bad row never leaves half a candidate and never takes its neighbours down.
func (db *DB) CreateApplicationsBatch(ctx context.Context, rows []NewApplication) ([]BatchRow, error) {
	out := make([]BatchRow, len(rows))
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		for i, r := range rows {
			err := tx.Transaction(func(sp *gorm.DB) error {
				app, created, err := createApplication(sp, r)
				out[i] = BatchRow{App: app, Created: created}
				return err
			})
			if err != nil {
				out[i] = BatchRow{Err: err}
			}
		}
		return nil
	})
	return out, err
}

// ImportedBy returns, for those of the applications the import created, the line of the file each came from
// (their "applied" entry names it), so that a retried batch counts its own rows as created, not duplicates.
func (db *DB) ImportedBy(ctx context.Context, importID int64, applicationIDs []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(applicationIDs) == 0 {
		return out, nil
	}
	var evs []applicationEventRecord
	err := db.with(ctx).Select("application_id, data").Where("kind = ? AND application_id IN ?", string(models.AppEventApplied), applicationIDs).
		Find(&evs).Error
	if err != nil {
		return nil, err
	}
	for _, e := range evs {
		id, _ := e.Data["import_id"].(float64)
		line, _ := e.Data["import_line"].(float64)
		if int64(id) == importID {
			out[e.ApplicationID] = int(line)
		}
	}
	return out, nil
}

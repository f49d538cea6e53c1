package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// importForm documents the multipart form of an import: the CSV file and, to start it, the mapping of
// candidate fields to the file's columns as a JSON object.
type importForm struct {
	File    string `json:"file"`
	Mapping string `json:"mapping"`
}

// importPreviewJSON is what a recruiter sees before importing: the columns, a suggested mapping, the first
// rows as read through it, and how many rows the file holds.
type importPreviewJSON struct {
	Header  []string          `json:"header"`
	Mapping map[string]string `json:"mapping"`
	Fields  []string          `json:"fields"`
	Rows    int               `json:"rows"`
	Sample  []previewRowJSON  `json:"sample"`
}

type previewRowJSON struct {
	Line   int                 `json:"line"`
	Name   string              `json:"name"`
	Email  string              `json:"email"`
	Errors []models.FieldError `json:"errors"`
}

// importJSON is an import and its progress.
type importJSON struct {
	ID         int64            `json:"id"`
	OpeningID  int64            `json:"opening_id"`
	Status     string           `json:"status"`
	Total      int              `json:"total"`
	Done       int              `json:"done"`
	Created    int              `json:"created"`
	Duplicates int              `json:"duplicates"`
	Failed     int              `json:"failed"`
	Errors     []store.RowError `json:"errors"`
	Message    string           `json:"message"`
	CreatedAt  time.Time        `json:"created_at"`
	FinishedAt *time.Time       `json:"finished_at"`
}

func toImportJSON(im store.Import) importJSON {
	errs := im.Errors
	if errs == nil {
		errs = []store.RowError{}
	}
	return importJSON{ID: im.ID, OpeningID: im.OpeningID, Status: im.Status, Total: im.TotalRows, Done: im.DoneRows,
		Created: im.CreatedRows, Duplicates: im.DuplicateRows, Failed: im.FailedRows, Errors: errs, Message: im.Message,
		CreatedAt: im.CreatedAt, FinishedAt: im.FinishedAt}
}

// readImportFile reads the uploaded CSV of an import form.
func (s *Server) readImportFile(c *gin.Context) ([]byte, *models.CSVFile, string, bool) {
	if !s.parseMultipart(c, models.MaxImportBytes+64<<10) {
		return nil, nil, "", false
	}
	fh, err := c.FormFile("file")
	if err != nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "file", Message: "attach the CSV file"}))
		return nil, nil, "", false
	}
	f, err := fh.Open()
	if err != nil {
		s.fail(c, err)
		return nil, nil, "", false
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		s.fail(c, err)
		return nil, nil, "", false
	}
	csvf, err := models.ParseCSV(data)
	if err != nil {
		s.fail(c, err)
		return nil, nil, "", false
	}
	return data, csvf, safeFileName(fh.Filename), true
}

func (s *Server) previewImport(c *gin.Context) {
	if _, ok := s.loadOpening(c, models.ActPipelineManage); !ok {
		return
	}
	_, f, _, ok := s.readImportFile(c)
	if !ok {
		return
	}
	defer func() { _ = c.Request.MultipartForm.RemoveAll() }()
	mapping := f.GuessMapping()
	if raw := c.Request.FormValue("mapping"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &mapping); err != nil {
			s.fail(c, models.Invalid(models.FieldError{Field: "mapping", Message: "must be a JSON object of field to column"}))
			return
		}
	}
	rows, total, err := f.Rows(mapping, 0, 5)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := importPreviewJSON{Header: f.Header, Mapping: mapping, Fields: models.ImportFields, Rows: total, Sample: []previewRowJSON{}}
	for _, r := range rows {
		pr := previewRowJSON{Line: r.Line, Name: r.Candidate.Name, Email: r.Candidate.Email, Errors: []models.FieldError{}}
		if r.Err != nil {
			pr.Errors = rowErrorsOf(r.Err)
		}
		out.Sample = append(out.Sample, pr)
	}
	c.JSON(http.StatusOK, out)
}

func rowErrorsOf(err error) []models.FieldError {
	if e, ok := err.(*models.Error); ok && len(e.Fields) > 0 {
		return e.Fields
	}
	return []models.FieldError{{Field: "row", Message: models.ErrorMessage(err)}}
}

func (s *Server) startImport(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineManage)
	if !ok {
		return
	}
	data, f, name, ok := s.readImportFile(c)
	if !ok {
		return
	}
	defer func() { _ = c.Request.MultipartForm.RemoveAll() }()
	var mapping map[string]string
	if err := json.Unmarshal([]byte(c.Request.FormValue("mapping")), &mapping); err != nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "mapping", Message: "must be a JSON object of field to column, e.g. {\"name\":\"Full name\",\"email\":\"E-mail\"}"}))
		return
	}
	if err := f.ValidateMapping(mapping); err != nil {
		s.fail(c, err)
		return
	}
	if err := o.CanApplyTo(); err != nil {
		s.fail(c, err)
		return
	}
	im := &store.Import{OpeningID: o.ID, CreatedBy: currentUser(c).ID, Mapping: mapping}
	if err := s.db.CreateImport(c, store.NewFile(name, "text/csv", data), im); err != nil {
		s.fail(c, err)
		return
	}
	startCtx, cancel := context.WithTimeout(context.WithoutCancel(c), updateTimeout)
	defer cancel()
	if err := s.start.Import(startCtx, im.ID); err != nil {
		s.log.ErrorContext(c, "start import workflow", "import_id", im.ID, "error", err)
		if derr := s.db.DeleteImport(startCtx, im.ID); derr != nil {
			s.log.ErrorContext(c, "take back import", "import_id", im.ID, "error", derr)
		}
		s.fail(c, models.Errorf(models.EUNAVAILABLE, "The workflow engine did not take the import; nothing was imported. Try again."))
		return
	}
	s.audit(c, "import.started", "opening", o.ID, fmt.Sprintf("Import %d of %s started", im.ID, name), nil,
		map[string]any{"import_id": im.ID, "file": name, "mapping": mapping})
	c.JSON(http.StatusAccepted, toImportJSON(*im))
}

func (s *Server) listImports(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineManage)
	if !ok {
		return
	}
	p, ok := s.page(c)
	if !ok {
		return
	}
	ims, total, err := s.db.ListImports(c, o.ID, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(ims, toImportJSON, p, total))
}

func (s *Server) getImport(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	im, err := s.db.ImportByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	o, err := s.db.Opening(c, im.OpeningID)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.allow(c, models.ActPipelineManage, o) {
		return
	}
	c.JSON(http.StatusOK, toImportJSON(*im))
}

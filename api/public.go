package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// publicOpeningJSON is what the public apply page shows of an opening.
type publicOpeningJSON struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Role        string `json:"role"`
	Open        bool   `json:"open"`
}

// throttlePublic bounds requests from one address to the public pages.
func (s *Server) throttlePublic(c *gin.Context) bool {
	ok, wait := s.publicIP.allow(c.ClientIP(), s.now())
	if !ok {
		e := models.Errorf(models.ETHROTTLED, "Too many requests from your address; try again in a minute.")
		e.RetryAfterSeconds = int(wait.Seconds()) + 1
		s.fail(c, e)
	}
	return ok
}

// publicOpening reads the opening named in the path for the public; an opening not yet approved is not there.
func (s *Server) publicOpening(c *gin.Context) (*models.Opening, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, false
	}
	o, err := s.db.Opening(c, id)
	if err == nil && (o.Status == models.OpeningPendingApproval || o.Status == models.OpeningRejected) {
		err = models.Errorf(models.ENOTFOUND, "No such opening.")
	}
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	return o, true
}

func (s *Server) getPublicOpening(c *gin.Context) {
	if o, ok := s.publicOpening(c); ok {
		c.JSON(http.StatusOK, publicOpeningJSON{ID: o.ID, Title: o.Title, Description: o.Description, Role: string(o.Role),
			Open: o.Status == models.OpeningOpen})
	}
}

// applyForm documents the multipart form of the public apply page.
type applyForm struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	Phone    string `json:"phone"`
	Location string `json:"location"`
	Locale   string `json:"locale"`
	Consent  string `json:"consent"`
	CV       string `json:"cv" format:"binary"`
}

type applyResponse struct {
	Message string `json:"message"`
}

// cvTypes are the CV formats accepted, by extension, with the bytes their files start with.
var cvTypes = map[string]struct {
	contentType string
	magic       []byte
}{
	".pdf":  {"application/pdf", []byte("%PDF-")},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", []byte("PK\x03\x04")},
	".odt":  {"application/vnd.oasis.opendocument.text", []byte("PK\x03\x04")},
	".doc":  {"application/msword", []byte{0xD0, 0xCF, 0x11, 0xE0}},
}

// readCV checks an uploaded CV's size and type (by its name and its first bytes).
func (s *Server) readCV(fh *multipart.FileHeader) (*store.File, error) {
	bad := func(msg string) error { return models.Invalid(models.FieldError{Field: "cv", Message: msg}) }
	if fh.Size > s.cfg.MaxUploadBytes {
		return nil, bad(fmt.Sprintf("must be at most %d MB", s.cfg.MaxUploadBytes>>20))
	}
	ext := strings.ToLower(filepath.Ext(fh.Filename))
	t, ok := cvTypes[ext]
	if !ok {
		return nil, bad("must be a PDF, Word (.doc, .docx) or OpenDocument (.odt) file")
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxUploadBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > s.cfg.MaxUploadBytes {
		return nil, bad(fmt.Sprintf("must be at most %d MB", s.cfg.MaxUploadBytes>>20))
	}
	if len(data) == 0 {
		return nil, bad("is empty")
	}
	if !bytes.HasPrefix(data, t.magic) {
		return nil, bad(fmt.Sprintf("is not really a %s file", strings.TrimPrefix(ext, ".")))
	}
	return store.NewFile(safeFileName(fh.Filename), t.contentType, data), nil
}

// safeFileName keeps a file name printable and short, for storing and for Content-Disposition.
func safeFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) || r == '"' || r == '/' {
			return '_'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 120 {
		name = string(r[len(r)-120:])
	}
	if name == "" || name == "." {
		name = "file"
	}
	return name
}

// parseMultipart reads a multipart form of at most limit bytes; it writes the problem and returns false.
func (s *Server) parseMultipart(c *gin.Context, limit int64) bool {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	if err := c.Request.ParseMultipartForm(limit); err != nil {
		var maxErr *http.MaxBytesError
		switch {
		case errors.As(err, &maxErr):
			s.problem(c, http.StatusRequestEntityTooLarge, "Request too large", fmt.Sprintf("The form must be at most %d MB.", limit>>20))
		case errors.Is(err, http.ErrNotMultipart), errors.Is(err, http.ErrMissingBoundary):
			s.problem(c, http.StatusUnsupportedMediaType, "Unsupported media type", "Send the form as multipart/form-data.")
		default:
			s.fail(c, models.Invalid(models.FieldError{Field: "", Message: "the form could not be read"}))
		}
		return false
	}
	return true
}

func (s *Server) applyPublic(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	o, ok := s.publicOpening(c)
	if !ok {
		return
	}
	if !s.parseMultipart(c, s.cfg.MaxUploadBytes+64<<10) {
		return
	}
	defer func() { _ = c.Request.MultipartForm.RemoveAll() }()
	form := func(k string) string { return c.Request.FormValue(k) }
	d := models.CandidateDraft{Name: form("name"), Email: form("email"), Phone: form("phone"), Location: form("location"),
		Locale: form("locale"), Source: models.SourceApplyPage}.Normalize()
	var fields []models.FieldError
	if err := d.Validate(); err != nil {
		var e *models.Error
		if errors.As(err, &e) {
			fields = append(fields, e.Fields...)
		}
	}
	if consent, _ := strconv.ParseBool(form("consent")); !consent && form("consent") != "on" {
		fields = append(fields, models.FieldError{Field: "consent", Message: "agree to the processing of your data to apply"})
	}
	var cv *store.File
	if fh, err := c.FormFile("cv"); err == nil {
		if cv, err = s.readCV(fh); err != nil {
			var e *models.Error
			if !errors.As(err, &e) {
				s.fail(c, err)
				return
			}
			fields = append(fields, e.Fields...)
		}
	} else if !errors.Is(err, http.ErrMissingFile) {
		fields = append(fields, models.FieldError{Field: "cv", Message: "could not be read"})
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	if err := o.CanApplyTo(); err != nil {
		s.fail(c, err)
		return
	}
	now := s.now().UTC()
	_, created, err := s.Apply(c, o, store.NewApplication{OpeningID: o.ID, Candidate: d, Consent: &now, CV: cv}, true)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !created {
		s.log.InfoContext(c, "repeated application left as it was", "opening_id", o.ID)
	}
	// The same answer whether or not this address had applied: a stranger learns nothing from it.
	c.JSON(http.StatusCreated, applyResponse{Message: "Thank you for applying. We will write to you by e-mail about the next step."})
}

// publicQuestion is a question as the candidate sees it: no points, no knock-outs.
type publicQuestion struct {
	ID       string              `json:"id"`
	Kind     models.QuestionKind `json:"kind"`
	Prompt   string              `json:"prompt"`
	Required bool                `json:"required"`
	Options  []publicOption      `json:"options,omitempty"`
	Min      *float64            `json:"min,omitempty"`
	Max      *float64            `json:"max,omitempty"`
}

type publicOption struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type publicQuestionnaireJSON struct {
	OpeningTitle  string           `json:"opening_title"`
	CandidateName string           `json:"candidate_name"`
	Locale        string           `json:"locale"`
	Due           *time.Time       `json:"due"`
	Questions     []publicQuestion `json:"questions"`
}

type submitQuestionnaireRequest struct {
	Answers []models.Answer `json:"answers" validate:"required,max=100"`
	Locale  string          `json:"locale" validate:"omitempty,oneof=en sq"`
}

type submitQuestionnaireResponse struct {
	Message string `json:"message"`
}

// questionnaireByToken checks a questionnaire link and returns its open application and opening.
func (s *Server) questionnaireByToken(c *gin.Context) (*models.Application, *models.Opening, bool) {
	id, err := models.VerifyLink(s.cfg.LinkSecret, c.Param("token"), models.LinkQuestionnaire, s.now())
	if err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			err = models.Errorf(models.ECONFLICT, "This questionnaire link has expired. If you still want to take part, reply to the e-mail it came in.")
		}
		s.fail(c, err)
		return nil, nil, false
	}
	app, err := s.db.Application(c, id)
	if err != nil {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This questionnaire link is not valid."))
		return nil, nil, false
	}
	o, err := s.db.Opening(c, app.OpeningID)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	switch {
	case app.QuestionnaireStatus == models.QuestionnaireSubmitted:
		err = models.Errorf(models.ECONFLICT, "You have already answered this questionnaire. Thank you; there is nothing more to do.")
	case app.QuestionnaireStatus == models.QuestionnaireExpired:
		err = models.Errorf(models.ECONFLICT, "The time to answer this questionnaire has run out.")
	case app.Stage != models.StageQuestionnaire || app.QuestionnaireStatus != models.QuestionnaireSent || o.Questionnaire == nil:
		err = models.Errorf(models.ECONFLICT, "This questionnaire is no longer open.")
	}
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	return app, o, true
}

func (s *Server) getPublicQuestionnaire(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	app, o, ok := s.questionnaireByToken(c)
	if !ok {
		return
	}
	out := publicQuestionnaireJSON{OpeningTitle: o.Title, CandidateName: app.Candidate.Name, Locale: app.Candidate.Locale,
		Due: app.QuestionnaireDue, Questions: []publicQuestion{}}
	for _, q := range o.Questionnaire.Questions {
		pq := publicQuestion{ID: q.ID, Kind: q.Kind, Prompt: q.Prompt, Required: q.Required, Min: q.Min, Max: q.Max}
		for _, op := range q.Options {
			pq.Options = append(pq.Options, publicOption{ID: op.ID, Label: op.Label})
		}
		out.Questions = append(out.Questions, pq)
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}

func (s *Server) submitPublicQuestionnaire(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	app, o, ok := s.questionnaireByToken(c)
	if !ok {
		return
	}
	var req submitQuestionnaireRequest
	if !s.bind(c, &req) {
		return
	}
	// Answers that do not fit the questions are refused here, before they reach the workflow.
	if _, err := o.Questionnaire.Score(req.Answers); err != nil {
		s.fail(c, err)
		return
	}
	locale := req.Locale
	if locale == "" {
		locale = app.Candidate.Locale
	}
	// The answers stay in the database, where anonymisation reaches them; the workflow carries their ID.
	body, err := json.Marshal(req.Answers)
	if err != nil {
		s.fail(c, err)
		return
	}
	answersID, err := s.db.SavePrivateText(c, app.ID, store.TextAnswers, string(body))
	if err != nil {
		s.fail(c, err)
		return
	}
	err = s.updateWorkflow(c, workflows.ApplicationWorkflowID(app.ID), workflows.UpdateSubmitQuestionnaire, updateID(c),
		workflows.SubmitQuestionnaireRequest{AnswersID: answersID, Locale: locale, SubmittedAt: s.now().UTC()}, nil)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, submitQuestionnaireResponse{Message: "Thank you. Your answers are in; we will be in touch."})
}

package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// openingRequest creates an opening or replaces its settings.
type openingRequest struct {
	Title             string                  `json:"title" validate:"required,max=200"`
	Description       string                  `json:"description" validate:"max=10000"`
	Role              string                  `json:"role,omitempty" validate:"omitempty,oneof=sales_manager sales_rep"`
	Seats             int                     `json:"seats" validate:"min=1,max=1000"`
	RecruiterID       *int64                  `json:"recruiter_id"`
	InterviewerIDs    []int64                 `json:"interviewer_ids" validate:"max=20"`
	Questionnaire     *models.Questionnaire   `json:"questionnaire"`
	QuestionnaireDays int                     `json:"questionnaire_days" validate:"omitempty,min=1,max=60"`
	ConfirmKnockOuts  bool                    `json:"confirm_knock_outs"`
	SlateSize         int                     `json:"slate_size" validate:"omitempty,min=1,max=20"`
	RolePlay          models.RolePlaySettings `json:"role_play"`
	// SlateDeadline opens the shortlist decision at that time even with fewer complete results.
	SlateDeadline *time.Time `json:"slate_deadline"`
	// PayLimits bound offers; OfferApproverIDs (none: every department head) approve them, OfferApprovals of
	// them (default 1).
	PayLimits        models.PayLimits `json:"pay_limits"`
	OfferApproverIDs []int64          `json:"offer_approver_ids" validate:"max=10"`
	OfferApprovals   int              `json:"offer_approvals" validate:"omitempty,min=1,max=5"`
}

// settings checks the request, and that the hiring team it names are active users in the right roles.
func (s *Server) settings(c *gin.Context, req openingRequest, current *models.Opening) (models.OpeningSettings, bool) {
	st := models.OpeningSettings{Title: req.Title, Description: req.Description, Seats: req.Seats, RecruiterID: req.RecruiterID,
		InterviewerIDs: req.InterviewerIDs, Questionnaire: req.Questionnaire, QuestionnaireDays: req.QuestionnaireDays,
		ConfirmKnockOuts: req.ConfirmKnockOuts, SlateSize: req.SlateSize, RolePlay: req.RolePlay, SlateDeadline: req.SlateDeadline,
		OfferTerms: models.OfferTerms{PayLimits: req.PayLimits, OfferApproverIDs: req.OfferApproverIDs, OfferApprovals: max(req.OfferApprovals, 1)}}
	if st.OfferApproverIDs == nil {
		st.OfferApproverIDs = []int64{}
	}
	if st.QuestionnaireDays == 0 {
		st.QuestionnaireDays = models.DefaultQuestionnaireDays
	}
	if st.SlateSize == 0 {
		st.SlateSize = models.DefaultSlateSize
	}
	if st.InterviewerIDs == nil {
		st.InterviewerIDs = []int64{}
	}
	slices.Sort(st.InterviewerIDs)
	st.InterviewerIDs = slices.Compact(st.InterviewerIDs)
	if err := st.Validate(); err != nil {
		s.fail(c, err)
		return st, false
	}
	var fields []models.FieldError
	if st.RecruiterID != nil {
		if u, err := s.db.UserByID(c, *st.RecruiterID); err != nil || !u.Active || !u.HasAnyRole(models.RoleRecruiter, models.RoleDepartmentHead) {
			fields = append(fields, models.FieldError{Field: "recruiter_id", Message: "must be an active recruiter or department head"})
		}
	}
	for i, id := range st.InterviewerIDs {
		if u, err := s.db.UserByID(c, id); err != nil || !u.Active || !u.HasRole(models.RoleInterviewer) {
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("interviewer_ids.%d", i), Message: "must be an active interviewer"})
		}
	}
	fields = append(fields, s.checkRotation(c, st.RolePlay.ScenarioIDs)...)
	for i, id := range st.OfferApproverIDs {
		if u, err := s.db.UserByID(c, id); err != nil || !u.Active || !u.HasRole(models.RoleDepartmentHead) {
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("offer_approver_ids.%d", i), Message: "must be an active department head"})
		} else if slices.Index(st.OfferApproverIDs, id) != i {
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("offer_approver_ids.%d", i), Message: "is listed twice"})
		}
	}
	if d := st.SlateDeadline; d != nil && (current == nil || !sameTime(d, current.SlateDeadline)) && !d.After(s.now()) {
		fields = append(fields, models.FieldError{Field: "slate_deadline", Message: "must be in the future"})
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return st, false
	}
	return st, true
}

// checkRotation checks an opening's role-play scenarios: each in the library and in use, each once, and of
// comparable difficulty (at most one apart), so that candidates on one slate face similar buyers.
func (s *Server) checkRotation(c *gin.Context, ids []int64) []models.FieldError {
	var fields []models.FieldError
	lo, hi := 6, 0
	for i, id := range ids {
		sc, err := s.db.ScenarioByID(c, id)
		switch {
		case err != nil || sc.Archived:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("role_play.scenario_ids.%d", i), Message: "must be a scenario of the library, not archived"})
		case slices.Index(ids, id) != i:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("role_play.scenario_ids.%d", i), Message: "is listed twice"})
		default:
			lo, hi = min(lo, sc.Difficulty), max(hi, sc.Difficulty)
		}
	}
	if hi-lo > 1 {
		fields = append(fields, models.FieldError{Field: "role_play.scenario_ids",
			Message: fmt.Sprintf("difficulties range from %d to %d; keep them at most one apart so candidates on one slate meet comparable buyers", lo, hi)})
	}
	return fields
}

func openingSummary(o *models.Opening) map[string]any {
	return map[string]any{"title": o.Title, "seats": o.Seats, "status": string(o.Status), "slate_size": o.SlateSize,
		"questionnaire": o.Questionnaire != nil, "questionnaire_days": o.QuestionnaireDays, "recruiter_id": o.RecruiterID,
		"interviewer_ids": o.InterviewerIDs, "confirm_knock_outs": o.ConfirmKnockOuts}
}

func (s *Server) createOpening(c *gin.Context) {
	if !s.allow(c, models.ActOpeningCreate, nil) {
		return
	}
	var req openingRequest
	if !s.bind(c, &req) {
		return
	}
	if req.Role == "" {
		s.fail(c, models.Invalid(models.FieldError{Field: "role", Message: "is required: sales_manager or sales_rep"}))
		return
	}
	st, ok := s.settings(c, req, nil)
	if !ok {
		return
	}
	me := currentUser(c)
	o, err := s.db.CreateOpening(c, models.Role(req.Role), st, me.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "opening.created", "opening", o.ID, fmt.Sprintf("Opening %q added, awaiting a department head's approval", o.Title), nil, openingSummary(o))
	heads, err := s.db.ActiveUsersWithRole(c, models.RoleDepartmentHead)
	if err == nil {
		var ids []int64
		for _, h := range heads {
			if h.ID != me.ID {
				ids = append(ids, h.ID)
			}
		}
		err = s.db.Notify(c, ids, store.Notice{Kind: "opening_pending", Link: fmt.Sprintf("/openings/%d", o.ID),
			Params:  map[string]any{"opening_id": o.ID, "opening_title": o.Title, "seats": o.Seats},
			Message: fmt.Sprintf("Opening %q (%d seats) awaits your approval.", o.Title, o.Seats)}, fmt.Sprintf("opening-%d-pending", o.ID))
	}
	if err != nil {
		s.log.ErrorContext(c, "notify department heads of an opening", "opening_id", o.ID, "error", err)
	}
	s.respondOpening(c, http.StatusCreated, o.ID)
}

func (s *Server) respondOpening(c *gin.Context, status int, id int64) {
	o, err := s.db.Opening(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.writeOpening(c, status, o)
}

// writeOpening answers with one opening, its applications counted per stage and its slate.
func (s *Server) writeOpening(c *gin.Context, status int, o *models.Opening) {
	out, err := s.withCounts(c, []models.Opening{*o})
	if err != nil {
		s.fail(c, err)
		return
	}
	slate, err := s.slateOf(c, o)
	if err != nil {
		s.fail(c, err)
		return
	}
	j := out.Items[0]
	j.Slate = &slate
	c.JSON(status, j)
}

// loadOpening reads the opening named in the path and checks that the caller may do act to it.
func (s *Server) loadOpening(c *gin.Context, act models.Action) (*models.Opening, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, false
	}
	o, err := s.db.Opening(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	return o, s.allow(c, act, o)
}

func (s *Server) updateOpening(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActOpeningEdit)
	if !ok {
		return
	}
	var req openingRequest
	if !s.bind(c, &req) {
		return
	}
	if req.Role != "" && req.Role != string(o.Role) {
		s.fail(c, models.Invalid(models.FieldError{Field: "role", Message: "cannot change; add a new opening for another role"}))
		return
	}
	st, ok := s.settings(c, req, o)
	if !ok {
		return
	}
	if o.Status == models.OpeningClosed || o.Status == models.OpeningRejected {
		s.fail(c, models.Errorf(models.ECONFLICT, "The opening is %s; its settings can no longer change.", o.Status))
		return
	}
	if st.Seats > o.Seats && o.Status != models.OpeningPendingApproval && !s.allow(c, models.ActOpeningAddSeats, o) {
		return
	}
	before, after, err := s.db.UpdateOpening(c, o.ID, st)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "opening.updated", "opening", o.ID, fmt.Sprintf("Settings of %q changed", after.Title), openingSummary(before), openingSummary(after))
	if before.Seats != after.Seats || before.SlateSize != after.SlateSize || !sameTime(before.SlateDeadline, after.SlateDeadline) {
		err := s.temporal.SignalWorkflow(c, workflows.OpeningWorkflowID(o.ID), "", workflows.SignalOpeningSettings,
			workflows.OpeningSettings{Seats: after.Seats, SlateSize: after.SlateSize, SlateDeadline: after.SlateDeadline})
		if err != nil && !isNotFound(err) {
			s.log.WarnContext(c, "tell the opening workflow of new settings", "opening_id", o.ID, "error", err)
		}
	}
	s.respondOpening(c, http.StatusOK, o.ID)
}

type openingDecisionRequest struct {
	Decision string `json:"decision" validate:"required,oneof=approve reject"`
	Comment  string `json:"comment" validate:"max=4000"`
}

func (s *Server) decideOpening(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActOpeningDecide)
	if !ok {
		return
	}
	var req openingDecisionRequest
	if !s.bind(c, &req) {
		return
	}
	if req.Decision == "reject" && req.Comment == "" {
		s.fail(c, models.Invalid(models.FieldError{Field: "comment", Message: "say why the opening is rejected"}))
		return
	}
	to := models.OpeningOpen
	if req.Decision == "reject" {
		to = models.OpeningRejected
	}
	if err := s.db.SetOpeningStatus(c, o.ID, models.OpeningPendingApproval, to); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "opening."+req.Decision+"d", "opening", o.ID, fmt.Sprintf("Opening %q %sd", o.Title, req.Decision),
		map[string]any{"status": string(o.Status)}, map[string]any{"status": string(to), "comment": req.Comment})
	if o.CreatedBy != nil {
		_ = s.db.Notify(c, []int64{*o.CreatedBy}, store.Notice{Kind: "opening_decided", Link: fmt.Sprintf("/openings/%d", o.ID),
			Params:  map[string]any{"opening_id": o.ID, "opening_title": o.Title, "decision": req.Decision},
			Message: fmt.Sprintf("Opening %q was %sd.", o.Title, req.Decision)}, fmt.Sprintf("opening-%d-decided", o.ID))
	}
	s.respondOpening(c, http.StatusOK, o.ID)
}

// applicationJSON is an application as the board and the candidate page show it.
type applicationJSON struct {
	ID                  int64          `json:"id"`
	OpeningID           int64          `json:"opening_id"`
	Candidate           candidateJSON  `json:"candidate"`
	Stage               string         `json:"stage"`
	Source              string         `json:"source"`
	Tags                []string       `json:"tags"`
	ScorePercent        *float64       `json:"score_percent"`
	KnockedOut          bool           `json:"knocked_out"`
	QuestionnaireStatus string         `json:"questionnaire_status"`
	QuestionnaireDue    *time.Time     `json:"questionnaire_due"`
	ReasonCode          string         `json:"reason_code"`
	StageEnteredAt      time.Time      `json:"stage_entered_at"`
	FirstContactAt      *time.Time     `json:"first_contact_at"`
	CreatedAt           time.Time      `json:"created_at"`
	AllowedMoves        []string       `json:"allowed_moves"`
	Duplicate           bool           `json:"duplicate,omitempty"`
	Opening             *openingJSON   `json:"opening,omitempty"`
	Timeline            []timelineJSON `json:"timeline,omitempty"`
	Questionnaire       *responseJSON  `json:"questionnaire,omitempty"`
	Workflow            *workflowJSON  `json:"workflow,omitempty"`
	Other               []otherAppJSON `json:"other_applications,omitempty"`
}

type candidateJSON struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	Phone     string     `json:"phone"`
	Location  string     `json:"location"`
	Locale    string     `json:"locale"`
	Source    string     `json:"source"`
	ConsentAt *time.Time `json:"consent_at"`
	HasCV     bool       `json:"has_cv"`
	CreatedAt time.Time  `json:"created_at"`
}

type timelineJSON struct {
	ID         int64          `json:"id"`
	At         time.Time      `json:"at"`
	Kind       string         `json:"kind"`
	From       string         `json:"from,omitempty"`
	To         string         `json:"to,omitempty"`
	Actor      *personJSON    `json:"actor"`
	Reason     string         `json:"reason,omitempty"`
	ReasonCode string         `json:"reason_code,omitempty"`
	Data       map[string]any `json:"data"`
}

type responseJSON struct {
	Questionnaire models.Questionnaire `json:"questionnaire"`
	Answers       []models.Answer      `json:"answers"`
	Score         models.Score         `json:"score"`
	Locale        string               `json:"locale"`
	SubmittedAt   time.Time            `json:"submitted_at"`
}

// workflowJSON is what the application's workflow says of itself, when it still runs.
type workflowJSON struct {
	ID               string     `json:"id"`
	Running          bool       `json:"running"`
	KnockOutPending  bool       `json:"knock_out_pending"`
	QuestionnaireDue *time.Time `json:"questionnaire_due"`
}

type otherAppJSON struct {
	ID           int64  `json:"id"`
	OpeningID    int64  `json:"opening_id"`
	OpeningTitle string `json:"opening_title"`
	Stage        string `json:"stage"`
}

// allowedMoves lists the stages an application may move to now, for the UI to offer.
func allowedMoves(st models.Stage) []string {
	out := []string{}
	if next := models.NextStage(st); next != "" {
		out = append(out, string(next))
	}
	if !st.Closed() {
		out = append(out, string(models.StageRejected), string(models.StageWithdrawn))
	}
	return out
}

func toApplicationJSON(a *models.Application) applicationJSON {
	out := applicationJSON{ID: a.ID, OpeningID: a.OpeningID, Stage: string(a.Stage), Source: string(a.Source), Tags: a.Tags,
		ScorePercent: a.ScorePercent, KnockedOut: a.KnockedOut, QuestionnaireStatus: string(a.QuestionnaireStatus),
		QuestionnaireDue: a.QuestionnaireDue, ReasonCode: a.ReasonCode, StageEnteredAt: a.StageEnteredAt,
		FirstContactAt: a.FirstContactAt, CreatedAt: a.CreatedAt, AllowedMoves: allowedMoves(a.Stage)}
	if c := a.Candidate; c != nil {
		out.Candidate = candidateJSON{ID: c.ID, Name: c.Name, Email: c.Email, Phone: c.Phone, Location: c.Location, Locale: c.Locale,
			Source: string(c.Source), ConsentAt: c.ConsentAt, HasCV: c.CVFileID != nil, CreatedAt: c.CreatedAt}
	}
	return out
}

func (s *Server) listApplications(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineView)
	if !ok {
		return
	}
	f := store.ApplicationFilter{OpeningID: o.ID, Tag: c.Query("tag"), Query: c.Query("q")}
	var fields []models.FieldError
	if v := c.Query("stage"); v != "" {
		if f.Stage = models.Stage(v); !f.Stage.Valid() {
			fields = append(fields, models.FieldError{Field: "stage", Message: fmt.Sprintf("%q is not a stage", v)})
		}
	}
	if v := c.Query("source"); v != "" {
		if f.Source = models.Source(v); !slices.Contains(models.Sources, f.Source) {
			fields = append(fields, models.FieldError{Field: "source", Message: fmt.Sprintf("%q is not a source", v)})
		}
	}
	if v := c.Query("min_score"); v != "" {
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 || n > 100 {
			fields = append(fields, models.FieldError{Field: "min_score", Message: "must be a number from 0 to 100"})
		}
		f.MinScore = &n
	}
	// The board shows a whole opening at once, so its pages are larger than other lists'.
	p, pageFields := pageQuery(c, 1000, 5000)
	f.Limit, f.Offset = p.Limit, p.Offset
	if fields = append(fields, pageFields...); len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	var (
		apps  []*models.Application
		total int64
	)
	err := s.db.Snapshot(c, func(db *store.DB) (err error) {
		if apps, err = db.ListApplications(c, f); err != nil {
			return err
		}
		total, err = db.CountApplications(c, f)
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, applicationList{Items: listOf(apps, toApplicationJSON).Items, Total: total, NextOffset: p.Next(len(apps), total)})
}

// applicationList is a page of the board: the applications, longest in their stage first, how many match in
// all (more than the page when the board is large; filters narrow it) and where the next page starts.
type applicationList struct {
	Items      []applicationJSON `json:"items"`
	Total      int64             `json:"total"`
	NextOffset *int              `json:"next_offset,omitempty"`
}

// addCandidateRequest is a recruiter adding a candidate by hand.
type addCandidateRequest struct {
	Name     string   `json:"name" validate:"required,max=200"`
	Email    string   `json:"email" validate:"required,max=254"`
	Phone    string   `json:"phone" validate:"max=40"`
	Location string   `json:"location" validate:"max=200"`
	Locale   string   `json:"locale" validate:"omitempty,oneof=en sq"`
	Source   string   `json:"source" validate:"omitempty"`
	Tags     []string `json:"tags" validate:"max=20"`
	Note     string   `json:"note" validate:"max=4000"`
	// SendQuestionnaire sends the opening's questionnaire at once (default: when the opening has one).
	SendQuestionnaire *bool `json:"send_questionnaire"`
}

func (s *Server) addApplication(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req addCandidateRequest
	if !s.bind(c, &req) {
		return
	}
	src := models.Source(req.Source)
	if src == "" {
		src = models.SourceRecruiter
	}
	d := models.CandidateDraft{Name: req.Name, Email: req.Email, Phone: req.Phone, Location: req.Location, Locale: req.Locale, Source: src}.Normalize()
	if err := d.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	tags, err := models.NormalizeTags(req.Tags)
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := o.CanApplyTo(); err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c).ID
	send := o.Questionnaire != nil
	if req.SendQuestionnaire != nil {
		send = *req.SendQuestionnaire
	}
	app, created, err := s.Apply(c, o, store.NewApplication{OpeningID: o.ID, Candidate: d, ActorID: &me, Tags: tags, Note: req.Note}, send)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := toApplicationJSON(app)
	if !created {
		out.Duplicate = true
		c.JSON(http.StatusOK, out)
		return
	}
	c.JSON(http.StatusCreated, out)
}

// Apply stores an application and starts its workflow, telling the opening's workflow of it. The same person
// applying again to the same opening gets their application back with created false. If the workflow
// cannot be started, the application is taken back and EUNAVAILABLE returned.
func (s *Server) Apply(ctx context.Context, o *models.Opening, n store.NewApplication, sendQuestionnaire bool) (*models.Application, bool, error) {
	app, created, err := s.db.CreateApplication(ctx, n)
	if err != nil {
		return app, created, err
	}
	startCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), updateTimeout)
	defer cancel()
	if !created {
		// The same candidate again: perhaps this very request, repeated after the process that stored it died
		// before it started the workflow. An application has one workflow, ever: it is started if it never was.
		// (A closed application's workflow may be gone too, purged by the namespace's retention: that one stays
		// closed.)
		if app.Stage != models.StageApplied {
			return app, false, nil
		}
		var missing *serviceerror.NotFound
		if _, derr := s.temporal.DescribeWorkflowExecution(startCtx, workflows.ApplicationWorkflowID(app.ID), ""); !errors.As(derr, &missing) {
			return app, false, nil
		}
		s.log.WarnContext(ctx, "an application without its workflow: starting it", "application_id", app.ID)
	}
	in := s.applicationInput(app.ID, o)
	in.SendQuestionnaire = sendQuestionnaire && o.Questionnaire != nil
	if err := s.start.Application(startCtx, in); err != nil {
		s.log.ErrorContext(ctx, "start application workflow", "application_id", app.ID, "error", err)
		if _, derr := s.temporal.DescribeWorkflowExecution(startCtx, workflows.ApplicationWorkflowID(app.ID), ""); derr == nil {
			return app, created, nil
		}
		if !created {
			return nil, false, models.Errorf(models.EUNAVAILABLE, "The workflow engine did not take the application. Try again.")
		}
		if derr := s.db.DeleteApplication(startCtx, app.ID); derr != nil {
			s.log.ErrorContext(ctx, "take back application after failed start", "application_id", app.ID, "error", derr)
		}
		return nil, false, models.Errorf(models.EUNAVAILABLE, "The workflow engine did not take the application; nothing was saved. Try again.")
	}
	if err := s.start.OpeningAdded(startCtx, o, 1); err != nil {
		s.log.WarnContext(ctx, "tell the opening workflow of an application", "opening_id", o.ID, "error", err)
	}
	return app, created, nil
}

// idempotencyKey is the request header a client may send so that a retried request joins the change it
// repeats instead of making it twice.
const idempotencyKey = "Idempotency-Key"

// requestKey is the client's Idempotency-Key, or "" when it sent none (or one too long to be a key).
func requestKey(c *gin.Context) string {
	if k := strings.TrimSpace(c.GetHeader(idempotencyKey)); len(k) <= 200 {
		return k
	}
	return ""
}

// updateID names a workflow update: the client's idempotency key when it sent one (scoped to the caller),
// otherwise a fresh ID, so that a request that failed can be made again (Temporal keeps an update's outcome,
// failures included, under its ID). The workflows' validators refuse a change that no longer applies.
func updateID(ctx context.Context) string {
	if c, ok := ctx.(*gin.Context); ok {
		if k := strings.TrimSpace(c.GetHeader(idempotencyKey)); k != "" && len(k) <= 200 {
			if u := currentUser(c); u != nil {
				return fmt.Sprintf("u%d-%s", u.ID, k)
			}
			return "public-" + k
		}
	}
	return randomToken()
}

// applicationInput is how an application's workflow starts.
func (s *Server) applicationInput(applicationID int64, o *models.Opening) workflows.ApplicationInput {
	return workflows.ApplicationInput{ApplicationID: applicationID, OpeningID: o.ID, QuestionnaireTTL: o.QuestionnaireTTL(),
		ReminderBefore: s.cfg.QuestionnaireReminder, RejectionCodes: s.cfg.RejectionReasons,
		ScorecardReminderAfter: s.cfg.ScorecardReminder, ScorecardEscalateAfter: s.cfg.ScorecardEscalate,
		OfferReminderAfter: s.cfg.OfferReminder, OfferEscalateAfter: s.cfg.OfferEscalate}
}

// updateApplication sends an update to an application's workflow (starting it if it has not started yet)
// and waits until the workflow has recorded it.
func (s *Server) updateApplication(ctx context.Context, applicationID int64, name, updateID string, arg any) error {
	app, err := s.db.Application(ctx, applicationID)
	if err != nil {
		return err
	}
	o, err := s.db.Opening(ctx, app.OpeningID)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, updateTimeout)
	defer cancel()
	return s.start.UpdateApplication(ctx, s.applicationInput(app.ID, o), name, updateID, arg, nil)
}

// loadApplication reads the application named in the path, and its opening, and checks that the caller may
// do act to the opening's candidates.
func (s *Server) loadApplication(c *gin.Context, act models.Action) (*models.Application, *models.Opening, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, nil, false
	}
	app, err := s.db.Application(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	o, err := s.db.Opening(c, app.OpeningID)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	return app, o, s.allow(c, act, o)
}

func (s *Server) getApplication(c *gin.Context) {
	app, _, ok := s.loadApplication(c, models.ActPipelineView)
	if ok {
		s.writeApplication(c, http.StatusOK, app.ID)
	}
}

// writeApplication answers with the application as it now stands: candidate, opening, timeline,
// questionnaire answers, the workflow's view and the candidate's other applications.
func (s *Server) writeApplication(c *gin.Context, status int, id int64) {
	var (
		app    *models.Application
		o      *models.Opening
		events []models.ApplicationEvent
		resp   *store.QuestionnaireResponse
		others []*models.Application
	)
	err := s.db.Snapshot(c, func(db *store.DB) (err error) {
		if app, err = db.Application(c, id); err != nil {
			return err
		}
		if o, err = db.Opening(c, app.OpeningID); err != nil {
			return err
		}
		if events, err = db.ApplicationEvents(c, id); err != nil {
			return err
		}
		if resp, err = db.Response(c, id); err != nil && models.ErrorCode(err) != models.ENOTFOUND {
			return err
		}
		others, err = db.ListApplications(c, store.ApplicationFilter{CandidateID: app.CandidateID})
		return err
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	out := toApplicationJSON(app)
	oj := toOpeningJSON(*o)
	editor := models.Authorize(currentUser(c), models.ActOpeningEdit, o) == nil
	if !editor {
		oj.Questionnaire = nil // the scoring key stays with the hiring managers
	}
	out.Opening = &oj
	out.Timeline = make([]timelineJSON, len(events))
	for i, e := range events {
		out.Timeline[i] = timelineJSON{ID: e.ID, At: e.At, Kind: string(e.Kind), From: string(e.FromStage), To: string(e.ToStage),
			Reason: e.Reason, ReasonCode: e.ReasonCode, Data: e.Data}
		if e.ActorID != nil {
			out.Timeline[i].Actor = &personJSON{ID: *e.ActorID, Name: e.ActorName}
		}
	}
	if resp != nil {
		q, answers, score := resp.Questionnaire, resp.Answers, resp.Score
		if !editor {
			// The panel reads the total, not the per-question scores (a private question's among them).
			q, answers = q.ForPanel(answers)
			score = models.Score{Percent: score.Percent, Passed: score.Passed, KnockedOut: score.KnockedOut}
		}
		out.Questionnaire = &responseJSON{Questionnaire: q, Answers: answers, Score: score, Locale: resp.Locale,
			SubmittedAt: resp.SubmittedAt}
	}
	for _, other := range others {
		if other.ID == app.ID {
			continue
		}
		// Only the applications to openings the caller may see (an interviewer sees their own openings').
		oo, err := s.db.Opening(c, other.OpeningID)
		if err != nil || models.Authorize(currentUser(c), models.ActPipelineView, oo) != nil {
			continue
		}
		out.Other = append(out.Other, otherAppJSON{ID: other.ID, OpeningID: other.OpeningID, OpeningTitle: oo.Title, Stage: string(other.Stage)})
	}
	out.Workflow = s.applicationWorkflow(c, app)
	c.JSON(status, out)
}

// applicationWorkflow asks a running application workflow for its state; a closed application's has ended.
func (s *Server) applicationWorkflow(c *gin.Context, app *models.Application) *workflowJSON {
	w := &workflowJSON{ID: workflows.ApplicationWorkflowID(app.ID)}
	// A closed application's workflow has ended. A new one's has not taken its first step: the server holds a
	// query until that step is done (seconds when many candidates apply at once, as the journey benchmark
	// showed), and there is nothing to show yet.
	if app.Stage.Closed() || app.Stage == models.StageApplied {
		return w
	}
	ctx, cancel := context.WithTimeout(c, 3*time.Second)
	defer cancel()
	v, err := s.temporal.QueryWorkflow(ctx, w.ID, "", workflows.QueryState)
	if err != nil {
		return w
	}
	var st workflows.ApplicationState
	if v.Get(&st) != nil {
		return w
	}
	w.Running, w.KnockOutPending = true, st.KnockOutPending
	if !st.QuestionnaireDue.IsZero() {
		w.QuestionnaireDue = &st.QuestionnaireDue
	}
	return w
}

type moveRequest struct {
	// From is the stage the person saw; when given, a move on an application that has moved on is refused.
	From       string `json:"from,omitempty"`
	To         string `json:"to" validate:"required"`
	Reason     string `json:"reason" validate:"max=2000"`
	ReasonCode string `json:"reason_code" validate:"max=64"`
}

func (s *Server) moveApplication(c *gin.Context) {
	app, o, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req moveRequest
	if !s.bind(c, &req) {
		return
	}
	if err := models.CheckSeen(models.Stage(req.From), app.Stage); err != nil {
		s.fail(c, err)
		return
	}
	m := models.Move{From: app.Stage, To: models.Stage(req.To), Reason: req.Reason, ReasonCode: req.ReasonCode}
	// The read model answers the common refusals at once (and for a closed application, whose workflow has
	// ended); the workflow's validator is the authority.
	if err := models.ValidateMove(m, s.cfg.RejectionReasons); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.checkSlate(c, o, m); err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c).ID
	if err := s.Move(c, app.ID, models.ApplicationMove{From: app.Stage, To: m.To, Reason: req.Reason, ReasonCode: req.ReasonCode, ActorID: &me}); err != nil {
		s.fail(c, err)
		return
	}
	s.writeApplication(c, http.StatusOK, app.ID)
}

// checkSlate applies the slate rule to a move: a decision after the first interview waits until the opening
// has a full slate of complete first-round results.
func (s *Server) checkSlate(c *gin.Context, o *models.Opening, m models.Move) error {
	if models.CheckSlate(m, 0, o.SlateSize, o.SlateOpenedByDeadline()) == nil {
		return nil // not a decision the rule holds back, or the deadline opened it
	}
	complete, err := s.db.CompleteFirstRounds(c, o.ID)
	if err != nil {
		return err
	}
	return models.CheckSlate(m, len(complete), o.SlateSize, false)
}

// Move asks an application's workflow to make a move on a person's behalf and waits until it is recorded.
// m.From is the stage the person saw; a retried request joins the move it repeats.
func (s *Server) Move(ctx context.Context, applicationID int64, m models.ApplicationMove) error {
	if m.ActorID == nil {
		return models.Invalid(models.FieldError{Field: "actor", Message: "is required"})
	}
	if m.From == "" {
		app, err := s.db.Application(ctx, applicationID)
		if err != nil {
			return err
		}
		m.From = app.Stage
	}
	req := workflows.MoveRequest{From: m.From, To: m.To, ReasonCode: m.ReasonCode, ActorID: *m.ActorID}
	if m.Reason != "" {
		// The words stay in the database, where anonymisation reaches them; the workflow carries their ID.
		id, err := s.db.SavePrivateText(ctx, applicationID, store.TextMoveReason, m.Reason)
		if err != nil {
			return err
		}
		req.ReasonID = id
	}
	return s.updateApplication(ctx, applicationID, workflows.UpdateMove, updateID(ctx), req)
}

func (s *Server) resendQuestionnaire(c *gin.Context) {
	app, o, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	if o.Questionnaire == nil {
		s.fail(c, models.Errorf(models.ECONFLICT, "This opening has no questionnaire; add one in the opening's settings first."))
		return
	}
	me := currentUser(c)
	err := s.updateApplication(c, app.ID, workflows.UpdateResendQuestionnaire, updateID(c), workflows.ResendQuestionnaireRequest{ActorID: me.ID})
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "application.questionnaire_resent", "application", app.ID, "Questionnaire sent again with a new deadline", nil, nil)
	s.writeApplication(c, http.StatusOK, app.ID)
}

type noteRequest struct {
	Text string `json:"text" validate:"required,max=4000"`
}

func (s *Server) addNote(c *gin.Context) {
	app, _, ok := s.loadApplication(c, models.ActApplicationNote)
	if !ok {
		return
	}
	var req noteRequest
	if !s.bind(c, &req) {
		return
	}
	me := currentUser(c).ID
	now := s.now().UTC()
	if err := s.db.AddApplicationEvent(c, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventNote, ActorID: &me,
		Reason: req.Text, At: now}, fmt.Sprintf("note-%d-%d", me, now.UnixNano())); err != nil {
		s.fail(c, err)
		return
	}
	// The note's words stay on the timeline, where anonymisation can reach them; the append-only log keeps that
	// one was written.
	s.audit(c, "application.note_added", "application", app.ID, "Note added", nil, nil)
	s.writeApplication(c, http.StatusCreated, app.ID)
}

type tagsRequest struct {
	Tags []string `json:"tags" validate:"max=20"`
}

func (s *Server) setTags(c *gin.Context) {
	app, _, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req tagsRequest
	if !s.bind(c, &req) {
		return
	}
	tags, err := models.NormalizeTags(req.Tags)
	if err != nil {
		s.fail(c, err)
		return
	}
	before, err := s.db.SetTags(c, app.ID, tags)
	if err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c).ID
	if err := s.db.AddApplicationEvent(c, models.ApplicationEvent{ApplicationID: app.ID, Kind: models.AppEventTagged, ActorID: &me,
		Data: map[string]any{"before": before, "after": tags}}, fmt.Sprintf("tags-%d", s.now().UnixNano())); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "application.tagged", "application", app.ID, "Tags changed", map[string]any{"tags": before}, map[string]any{"tags": tags})
	s.writeApplication(c, http.StatusOK, app.ID)
}

func (s *Server) downloadCV(c *gin.Context) {
	app, _, ok := s.loadApplication(c, models.ActPipelineView)
	if !ok {
		return
	}
	if app.Candidate.CVFileID == nil {
		s.fail(c, models.Errorf(models.ENOTFOUND, "This candidate sent no CV."))
		return
	}
	f, err := s.db.FileByID(c, *app.Candidate.CVFileID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf("attachment; filename=%q", safeFileName(f.Name)))
	c.Header("Cache-Control", "private, no-store")
	c.Data(http.StatusOK, f.ContentType, f.Data)
}

// updateWorkflow sends an update to a workflow and waits until the workflow has recorded it, decoding its
// result into out when out is not nil. updateID makes a retried request join the update it repeats.
func (s *Server) updateWorkflow(c context.Context, workflowID, name, updateID string, arg, out any) error {
	ctx, cancel := context.WithTimeout(c, updateTimeout)
	defer cancel()
	h, err := s.temporal.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		WorkflowID: workflowID, UpdateName: name, UpdateID: updateID, Args: []any{arg},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	if err != nil {
		return err
	}
	return h.Get(ctx, out)
}

func (s *Server) rejectionReasons(c *gin.Context) {
	if !s.allow(c, models.ActOpeningList, nil) {
		return
	}
	codes := s.cfg.RejectionReasons
	if codes == nil {
		codes = models.RejectionReasons
	}
	c.JSON(http.StatusOK, list[string]{Items: codes})
}

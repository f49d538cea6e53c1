package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
	"github.com/bullpen-hq/bullpen/workflows/starter"
)

// interviewRequest schedules an interview or reschedules one.
type interviewRequest struct {
	// Kind is first or second; by default the round the application stands at.
	Kind            string    `json:"kind,omitempty" validate:"omitempty,oneof=first second group"`
	StartsAt        time.Time `json:"starts_at"`
	DurationMinutes int       `json:"duration_minutes"`
	Location        string    `json:"location" validate:"max=300"`
	VideoURL        string    `json:"video_url" validate:"max=500"`
	InterviewerIDs  []int64   `json:"interviewer_ids" validate:"max=20"`
	ScenarioID      *int64    `json:"scenario_id"`
}

// interviewJSON is an interview as the API shows it.
type interviewJSON struct {
	ID              int64             `json:"id"`
	OpeningID       int64             `json:"opening_id"`
	Kind            string            `json:"kind"`
	ScenarioID      *int64            `json:"scenario_id"`
	StartsAt        time.Time         `json:"starts_at"`
	EndsAt          time.Time         `json:"ends_at"`
	DurationMinutes int               `json:"duration_minutes"`
	Location        string            `json:"location"`
	VideoURL        string            `json:"video_url"`
	Status          string            `json:"status"`
	Sequence        int               `json:"sequence"`
	Interviewers    []interviewerJSON `json:"interviewers"`
	Candidates      []invitedJSON     `json:"candidates"`
	ApplicationIDs  []int64           `json:"application_ids"`
}

// interviewerJSON is one of an interview's panel; an excused one owes no scorecard.
type interviewerJSON struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Excused      bool   `json:"excused"`
	ExcuseReason string `json:"excuse_reason"`
}

// invitedJSON is one of an interview's candidates (ID is the application's) with their answer to the
// invitation: "", "confirmed" or "another_time".
type invitedJSON struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	Response     string     `json:"response"`
	ResponseNote string     `json:"response_note"`
	RespondedAt  *time.Time `json:"responded_at"`
}

func (s *Server) toInterviewJSON(ctx context.Context, iv *models.Interview) interviewJSON {
	out := interviewJSON{ID: iv.ID, OpeningID: iv.OpeningID, Kind: string(iv.Kind), ScenarioID: iv.ScenarioID, StartsAt: iv.StartsAt,
		EndsAt: iv.Ends(), DurationMinutes: iv.DurationMinutes, Location: iv.Location, VideoURL: iv.VideoURL, Status: string(iv.Status),
		Sequence: iv.Sequence, Interviewers: []interviewerJSON{}, Candidates: []invitedJSON{}, ApplicationIDs: iv.ApplicationIDs}
	for _, id := range iv.InterviewerIDs {
		name := ""
		if c, ok := ctx.(*gin.Context); ok { // a request reads each name once, however many interviews name them
			name = s.userName(c, id)
		} else if u, err := s.db.UserByID(ctx, id); err == nil {
			name = u.Name
		}
		reason, excused := iv.Excused[id]
		out.Interviewers = append(out.Interviewers, interviewerJSON{ID: id, Name: name, Excused: excused, ExcuseReason: reason})
	}
	for _, id := range iv.ApplicationIDs {
		if app, err := s.db.Application(ctx, id); err == nil {
			r := iv.Responses[id]
			out.Candidates = append(out.Candidates, invitedJSON{ID: app.ID, Name: app.Candidate.Name, Response: r.Response,
				ResponseNote: r.Note, RespondedAt: r.At})
		}
	}
	return out
}

// plan checks an interview request: the plan itself, that the interviewers are active interviewers, and that
// the scenario exists and is in use.
func (s *Server) plan(c *gin.Context, req interviewRequest) (models.InterviewPlan, bool) {
	p := models.InterviewPlan{StartsAt: req.StartsAt, DurationMinutes: req.DurationMinutes, Location: req.Location, VideoURL: req.VideoURL,
		InterviewerIDs: req.InterviewerIDs, ScenarioID: req.ScenarioID}
	if err := p.Validate(s.now()); err != nil {
		s.fail(c, err)
		return p, false
	}
	var fields []models.FieldError
	for i, id := range p.InterviewerIDs {
		if u, err := s.db.UserByID(c, id); err != nil || !u.Active || !u.HasRole(models.RoleInterviewer) {
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("interviewer_ids.%d", i), Message: "must be an active interviewer"})
		}
	}
	if p.ScenarioID != nil {
		if sc, err := s.db.ScenarioByID(c, *p.ScenarioID); err != nil || sc.Archived {
			fields = append(fields, models.FieldError{Field: "scenario_id", Message: "must be a scenario of the library, not archived"})
		}
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return p, false
	}
	return p, true
}

func (s *Server) scheduleInterview(c *gin.Context) {
	app, o, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req interviewRequest
	if !s.bind(c, &req) {
		return
	}
	kind := models.InterviewKind(req.Kind)
	want := map[models.InterviewKind]models.Stage{models.InterviewFirst: models.StageFirstInterview, models.InterviewSecond: models.StageSecondInterview}
	if kind == "" {
		for k, st := range want {
			if st == app.Stage {
				kind = k
			}
		}
	}
	if st, ok := want[kind]; !ok || st != app.Stage {
		s.fail(c, models.Errorf(models.ECONFLICT, "The application is at %s; an interview is scheduled at the first or second interview stage.",
			app.Stage.Words()))
		return
	}
	p, ok := s.plan(c, req)
	if !ok {
		return
	}
	if kind == models.InterviewFirst && p.ScenarioID == nil {
		p.ScenarioID, _ = s.suggestScenario(c, o)
	}
	if kind == models.InterviewFirst && p.ScenarioID == nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "scenario_id", Message: "the first interview is a role-play: pick its scenario"}))
		return
	}
	me := currentUser(c).ID
	if s.scheduledAgain(c, []int64{app.ID}, kind, p.StartsAt) {
		return
	}
	iv := &models.Interview{OpeningID: o.ID, Kind: kind, ScenarioID: p.ScenarioID, StartsAt: p.StartsAt, DurationMinutes: p.DurationMinutes,
		Location: p.Location, VideoURL: p.VideoURL, OrganizerID: me, InterviewerIDs: p.InterviewerIDs, ApplicationIDs: []int64{app.ID},
		RequestKey: requestKey(c)}
	if err := s.db.CreateInterview(c, iv); err != nil {
		s.fail(c, err)
		return
	}
	s.interviewChanged(c, iv, app.ID, "interview_scheduled", "Interview scheduled")
	s.respondInterview(c, http.StatusCreated, iv.ID)
}

// scheduledAgain answers a request for an interview already scheduled (the same Idempotency-Key, or the same
// kind, start and candidates: a request repeated after its answer was lost) with that interview, making sure of its invites and records
// rather than doubling them. It reports whether it answered.
func (s *Server) scheduledAgain(c *gin.Context, applicationIDs []int64, kind models.InterviewKind, startsAt time.Time) bool {
	if key := requestKey(c); key != "" {
		iv, err := s.db.InterviewByRequestKey(c, currentUser(c).ID, key)
		if err == nil {
			s.interviewChanged(c, iv, 0, "interview_scheduled", "Interview scheduled")
			s.respondInterview(c, http.StatusCreated, iv.ID)
			return true
		}
		if models.ErrorCode(err) != models.ENOTFOUND {
			s.fail(c, err)
			return true
		}
	}
	existing, err := s.db.InterviewsOf(c, applicationIDs[0])
	if err != nil {
		s.fail(c, err)
		return true
	}
	for _, iv := range existing {
		same := slices.Clone(iv.ApplicationIDs)
		slices.Sort(same)
		want := slices.Clone(applicationIDs)
		slices.Sort(want)
		if iv.Kind == kind && iv.Status == models.InterviewScheduled && iv.StartsAt.Equal(startsAt) && slices.Equal(same, want) {
			s.interviewChanged(c, iv, 0, "interview_scheduled", "Interview scheduled")
			s.respondInterview(c, http.StatusCreated, iv.ID)
			return true
		}
	}
	return false
}

// interviewChanged records a change of an interview on its candidates' timelines and in the audit log, and
// sends the invites of its new version.
func (s *Server) interviewChanged(c *gin.Context, iv *models.Interview, applicationID int64, kind, summary string) {
	me := currentUser(c).ID
	data := map[string]any{"interview_id": iv.ID, "starts_at": iv.StartsAt, "kind": string(iv.Kind), "sequence": iv.Sequence}
	ids := iv.ApplicationIDs
	if applicationID != 0 && !slices.Contains(ids, applicationID) {
		ids = append(ids, applicationID)
	}
	for _, id := range ids {
		if err := s.db.AddApplicationEvent(c, models.ApplicationEvent{ApplicationID: id, Kind: models.ApplicationEventKind(kind),
			ActorID: &me, Data: data}, fmt.Sprintf("interview-%d-v%d", iv.ID, iv.Sequence)); err != nil {
			s.log.ErrorContext(c, "interview timeline entry", "interview_id", iv.ID, "error", err)
		}
	}
	s.auditOnce(c, fmt.Sprintf("interview-%d-v%d-%s", iv.ID, iv.Sequence, kind), "interview."+kind[len("interview_"):], "interview", iv.ID,
		summary, nil, data)
	startCtx, cancel := context.WithTimeout(context.WithoutCancel(c), updateTimeout)
	defer cancel()
	s.signalInterview(startCtx, iv)
	if err := s.start.InterviewInvites(startCtx, workflows.InterviewVersion{InterviewID: iv.ID, Sequence: iv.Sequence}); err != nil {
		// The interview stands; the invites are what failed, and saving it again sends them.
		s.log.ErrorContext(c, "start interview invites", "interview_id", iv.ID, "error", err)
	}
}

func (s *Server) respondInterview(c *gin.Context, status int, id int64) {
	iv, err := s.db.InterviewByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(status, s.toInterviewJSON(c, iv))
}

// loadInterview reads the interview named in the path; hiring managers of its opening and its own
// interviewers may read it, only hiring managers change it.
func (s *Server) loadInterview(c *gin.Context, manage bool) (*models.Interview, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, false
	}
	iv, err := s.db.InterviewByID(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	o, err := s.db.Opening(c, iv.OpeningID)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	me := currentUser(c)
	if !manage && slices.Contains(iv.InterviewerIDs, me.ID) {
		return iv, true
	}
	return iv, s.allow(c, models.ActPipelineManage, o)
}

func (s *Server) getInterview(c *gin.Context) {
	if iv, ok := s.loadInterview(c, false); ok {
		c.JSON(http.StatusOK, s.toInterviewJSON(c, iv))
	}
}

func (s *Server) rescheduleInterview(c *gin.Context) {
	iv, ok := s.loadInterview(c, true)
	if !ok {
		return
	}
	var req interviewRequest
	if !s.bind(c, &req) {
		return
	}
	p, ok := s.plan(c, req)
	if !ok {
		return
	}
	if iv.Kind == models.InterviewFirst && p.ScenarioID == nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "scenario_id", Message: "the first interview is a role-play: pick its scenario"}))
		return
	}
	if err := s.db.RescheduleInterview(c, iv.ID, p); err != nil {
		s.fail(c, err)
		return
	}
	iv, err := s.db.InterviewByID(c, iv.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.interviewChanged(c, iv, 0, "interview_rescheduled", "Interview rescheduled")
	s.respondInterview(c, http.StatusOK, iv.ID)
}

func (s *Server) cancelInterview(c *gin.Context) {
	iv, ok := s.loadInterview(c, true)
	if !ok {
		return
	}
	if err := s.db.CancelInterview(c, iv.ID); err != nil {
		s.fail(c, err)
		return
	}
	iv, err := s.db.InterviewByID(c, iv.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.interviewChanged(c, iv, 0, "interview_cancelled", "Interview cancelled")
	s.respondInterview(c, http.StatusOK, iv.ID)
}

// kitJSON is an interviewer's kit for one interview: the persona they play (with its hidden brief), the
// rubric, and each candidate's questionnaire answers (without the scoring key).
type kitJSON struct {
	Interview  interviewJSON        `json:"interview"`
	Locale     string               `json:"locale"`
	Scenario   *models.ScenarioText `json:"scenario"`
	Difficulty int                  `json:"difficulty"`
	Rubric     models.Rubric        `json:"rubric"`
	Candidates []kitCandidateJSON   `json:"candidates"`
}

type kitCandidateJSON struct {
	ApplicationID int64         `json:"application_id"`
	Name          string        `json:"name"`
	Stage         string        `json:"stage"`
	Questionnaire *responseJSON `json:"questionnaire"`
}

// getKit answers with the interview kit, in the language asked for (?lang=en|sq) or the caller's.
func (s *Server) getKit(c *gin.Context) {
	iv, ok := s.loadInterview(c, false)
	if !ok {
		return
	}
	lang := c.Query("lang")
	if lang == "" {
		lang = currentUser(c).Locale
	}
	if !slices.Contains(models.Locales, lang) {
		s.fail(c, models.Invalid(models.FieldError{Field: "lang", Message: "must be en or sq"}))
		return
	}
	out := kitJSON{Interview: s.toInterviewJSON(c, iv), Locale: lang, Rubric: models.DefaultRubric(lang), Candidates: []kitCandidateJSON{}}
	if iv.ScenarioID != nil {
		sc, err := s.db.ScenarioByID(c, *iv.ScenarioID)
		if err != nil {
			s.fail(c, err)
			return
		}
		t := sc.In(lang)
		out.Scenario, out.Difficulty, out.Rubric = &t, sc.Difficulty, t.Rubric
	}
	if iv.Kind == models.InterviewGroup {
		out.Rubric = models.GroupRubric(lang)
	}
	for _, id := range iv.ApplicationIDs {
		app, err := s.db.Application(c, id)
		if err != nil {
			s.fail(c, err)
			return
		}
		k := kitCandidateJSON{ApplicationID: app.ID, Name: app.Candidate.Name, Stage: string(app.Stage)}
		if resp, err := s.db.Response(c, id); err == nil {
			q, answers := resp.Questionnaire.ForPanel(resp.Answers)
			k.Questionnaire = &responseJSON{Questionnaire: q, Answers: answers,
				Score:  models.Score{Percent: resp.Score.Percent, Passed: resp.Score.Passed, KnockedOut: resp.Score.KnockedOut},
				Locale: resp.Locale, SubmittedAt: resp.SubmittedAt}
		}
		out.Candidates = append(out.Candidates, k)
	}
	c.JSON(http.StatusOK, out)
}

// signalInterview tells each candidate's workflow about the interview's new version, so that it waits for
// the right scorecards at the right time. A closed application's workflow has ended and needs no telling.
func (s *Server) signalInterview(ctx context.Context, iv *models.Interview) {
	sig := workflows.InterviewSignal{InterviewID: iv.ID, Kind: iv.Kind, Sequence: iv.Sequence, EndsAt: iv.Ends(), Owed: iv.Owed(),
		Cancelled: iv.Status == models.InterviewCancelled}
	for _, id := range iv.ApplicationIDs {
		err := s.temporal.SignalWorkflow(ctx, workflows.ApplicationWorkflowID(id), "", workflows.SignalInterview, sig)
		if err != nil && !isNotFound(err) {
			s.log.WarnContext(ctx, "tell the application's workflow of an interview", "application_id", id, "interview_id", iv.ID, "error", err)
		}
	}
}

// suggestScenario is the opening's rotation's next first-interview scenario: of its role-play scenarios
// still in the library, the one its first interviews used least (the first listed on a tie).
func (s *Server) suggestScenario(c *gin.Context, o *models.Opening) (*int64, error) {
	use, err := s.db.ScenarioUse(c, o.ID)
	if err != nil {
		return nil, err
	}
	var best *int64
	for _, id := range o.RolePlay.ScenarioIDs {
		if sc, err := s.db.ScenarioByID(c, id); err != nil || sc.Archived {
			continue
		}
		if best == nil || use[id] < use[*best] {
			best = &id
		}
	}
	return best, nil
}

// interviewItemJSON is one of an application's interviews: who has scored the candidate, whether the result
// is complete, and the result.
type interviewItemJSON struct {
	interviewJSON
	Submitted []int64 `json:"submitted"`
	Complete  bool    `json:"complete"`
	// Hidden is true when the reader sits on the panel and has not submitted their scorecard: no result yet.
	Hidden bool                    `json:"hidden"`
	Result *models.InterviewResult `json:"result"`
}

type applicationInterviewsJSON struct {
	Items               []interviewItemJSON `json:"items"`
	SuggestedScenarioID *int64              `json:"suggested_scenario_id"`
}

func (s *Server) listApplicationInterviews(c *gin.Context) {
	app, o, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	ivs, err := s.db.InterviewsOf(c, app.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := applicationInterviewsJSON{Items: []interviewItemJSON{}}
	if out.SuggestedScenarioID, err = s.suggestScenario(c, o); err != nil {
		s.fail(c, err)
		return
	}
	ids := make([]int64, len(ivs))
	for i, iv := range ivs {
		ids[i] = iv.ID
	}
	all, err := s.db.ScorecardsOfInterviews(c, ids) // in one query, by interview and interviewer
	if err != nil {
		s.fail(c, err)
		return
	}
	cards := map[int64][]store.ScorecardRecord{}
	for _, r := range all {
		if r.ApplicationID == app.ID {
			cards[r.InterviewID] = append(cards[r.InterviewID], r)
		}
	}
	for _, iv := range ivs {
		recs := cards[iv.ID]
		item := interviewItemJSON{interviewJSON: s.toInterviewJSON(c, iv), Submitted: []int64{}}
		for _, r := range recs {
			item.Submitted = append(item.Submitted, r.InterviewerID)
		}
		pv := panelOf(iv, recs, currentUser(c).ID)
		item.Complete, item.Hidden = pv.complete, pv.hidden
		if len(pv.cards) > 0 && !pv.hidden {
			r := models.Aggregate(s.rubricOf(c, iv), pv.cards)
			item.Result = &r
		}
		out.Items = append(out.Items, item)
	}
	c.JSON(http.StatusOK, out)
}

// openingInterviewRequest schedules a second or group interview for several of an opening's candidates.
type openingInterviewRequest struct {
	interviewRequest
	ApplicationIDs []int64 `json:"application_ids" validate:"required,min=1,max=12"`
}

// scheduleOpeningInterview schedules a second interview or a group interview: shortlisted candidates move to
// the second interview stage, and everyone gets their own invite.
func (s *Server) scheduleOpeningInterview(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req openingInterviewRequest
	if !s.bind(c, &req) {
		return
	}
	kind := models.InterviewKind(req.Kind)
	var fields []models.FieldError
	switch {
	case kind != models.InterviewGroup && kind != models.InterviewSecond:
		fields = append(fields, models.FieldError{Field: "kind", Message: "must be group or second"})
	case kind == models.InterviewGroup && len(req.ApplicationIDs) < 2:
		fields = append(fields, models.FieldError{Field: "application_ids", Message: "a group interview has 2 to 12 candidates"})
	case kind == models.InterviewSecond && len(req.ApplicationIDs) != 1:
		fields = append(fields, models.FieldError{Field: "application_ids", Message: "a second interview has one candidate; schedule a group interview for several"})
	}
	apps := make([]*models.Application, 0, len(req.ApplicationIDs))
	for i, id := range req.ApplicationIDs {
		app, err := s.db.Application(c, id)
		switch {
		case err != nil || app.OpeningID != o.ID:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i), Message: "is not an application of this opening"})
		case slices.Index(req.ApplicationIDs, id) != i:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i), Message: "is listed twice"})
		case app.Stage != models.StageShortlist && app.Stage != models.StageSecondInterview:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i),
				Message: fmt.Sprintf("%s is at %s; only shortlisted candidates are invited to a second or group interview", app.Candidate.Name, app.Stage.Words())})
		default:
			apps = append(apps, app)
		}
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	p, ok := s.plan(c, req.interviewRequest)
	if !ok {
		return
	}
	me := currentUser(c).ID
	reason := map[models.InterviewKind]string{models.InterviewGroup: "Invited to a group interview.", models.InterviewSecond: "Invited to a second interview."}[kind]
	for _, app := range apps {
		if app.Stage == models.StageShortlist {
			if err := s.Move(c, app.ID, models.ApplicationMove{From: app.Stage, To: models.StageSecondInterview, Reason: reason, ActorID: &me}); err != nil {
				s.fail(c, err)
				return
			}
		}
	}
	if s.scheduledAgain(c, req.ApplicationIDs, kind, p.StartsAt) {
		return
	}
	iv := &models.Interview{OpeningID: o.ID, Kind: kind, ScenarioID: p.ScenarioID, StartsAt: p.StartsAt, DurationMinutes: p.DurationMinutes,
		Location: p.Location, VideoURL: p.VideoURL, OrganizerID: me, InterviewerIDs: p.InterviewerIDs, ApplicationIDs: req.ApplicationIDs,
		RequestKey: requestKey(c)}
	if err := s.db.CreateInterview(c, iv); err != nil {
		s.fail(c, err)
		return
	}
	s.interviewChanged(c, iv, 0, "interview_scheduled", "Interview scheduled")
	s.respondInterview(c, http.StatusCreated, iv.ID)
}

type excuseRequest struct {
	InterviewerID int64  `json:"interviewer_id" validate:"required"`
	Reason        string `json:"reason" validate:"required,max=1000"`
}

// excuseInterviewer lets the hiring team excuse an interviewer from scoring an interview: the candidates'
// results are complete without them.
func (s *Server) excuseInterviewer(c *gin.Context) {
	iv, ok := s.loadInterview(c, true)
	if !ok {
		return
	}
	var req excuseRequest
	if !s.bind(c, &req) {
		return
	}
	if !slices.Contains(iv.InterviewerIDs, req.InterviewerID) {
		s.fail(c, models.Invalid(models.FieldError{Field: "interviewer_id", Message: "is not on this interview's panel"}))
		return
	}
	owes := false
	for _, a := range iv.ApplicationIDs {
		recs, err := s.db.Scorecards(c, iv.ID, a)
		if err != nil {
			s.fail(c, err)
			return
		}
		owes = owes || !slices.ContainsFunc(recs, func(r store.ScorecardRecord) bool { return r.InterviewerID == req.InterviewerID })
	}
	if !owes {
		s.fail(c, models.Errorf(models.ECONFLICT, "%s has already scored every candidate of this interview.", s.userName(c, req.InterviewerID)))
		return
	}
	me := currentUser(c).ID
	if err := s.db.ExcuseInterviewer(c, iv.ID, req.InterviewerID, me, strings.TrimSpace(req.Reason)); err != nil {
		s.fail(c, err)
		return
	}
	iv, err := s.db.InterviewByID(c, iv.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "interview.interviewer_excused", "interview", iv.ID, fmt.Sprintf("%s excused from scoring", s.userName(c, req.InterviewerID)), nil,
		map[string]any{"interviewer_id": req.InterviewerID, "reason": req.Reason})
	for _, a := range iv.ApplicationIDs {
		if err := s.db.AddApplicationEvent(c, models.ApplicationEvent{ApplicationID: a, Kind: "interviewer_excused", ActorID: &me,
			Data: map[string]any{"interview_id": iv.ID, "interviewer": s.userName(c, req.InterviewerID), "reason": req.Reason}},
			fmt.Sprintf("interview-%d-excused-%d", iv.ID, req.InterviewerID)); err != nil {
			s.log.ErrorContext(c, "excuse timeline entry", "interview_id", iv.ID, "error", err)
		}
	}
	s.signalInterview(c, iv)
	s.respondInterview(c, http.StatusOK, iv.ID)
}

// AnnounceInterview tells the workflows of an interview's candidates about it, as scheduling does; the demo
// data uses it for interviews it records directly.
func (s *Server) AnnounceInterview(ctx context.Context, iv *models.Interview) {
	s.signalInterview(ctx, iv)
}

// Starter gives the demo loader the workflow starter the server uses.
func (s *Server) Starter() *starter.Starter { return s.start }

package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/workflows"
)

// interviewRequest schedules an interview or reschedules one.
type interviewRequest struct {
	// Kind is first or second; by default the round the application stands at.
	Kind            string    `json:"kind,omitempty" validate:"omitempty,oneof=first second"`
	StartsAt        time.Time `json:"starts_at"`
	DurationMinutes int       `json:"duration_minutes"`
	Location        string    `json:"location" validate:"max=300"`
	VideoURL        string    `json:"video_url" validate:"max=500"`
	InterviewerIDs  []int64   `json:"interviewer_ids" validate:"max=20"`
	ScenarioID      *int64    `json:"scenario_id"`
}

// interviewJSON is an interview as the API shows it.
type interviewJSON struct {
	ID              int64        `json:"id"`
	OpeningID       int64        `json:"opening_id"`
	Kind            string       `json:"kind"`
	ScenarioID      *int64       `json:"scenario_id"`
	StartsAt        time.Time    `json:"starts_at"`
	EndsAt          time.Time    `json:"ends_at"`
	DurationMinutes int          `json:"duration_minutes"`
	Location        string       `json:"location"`
	VideoURL        string       `json:"video_url"`
	Status          string       `json:"status"`
	Sequence        int          `json:"sequence"`
	Interviewers    []personJSON `json:"interviewers"`
	Candidates      []personJSON `json:"candidates"`
	ApplicationIDs  []int64      `json:"application_ids"`
}

func (s *Server) toInterviewJSON(ctx context.Context, iv *models.Interview) interviewJSON {
	out := interviewJSON{ID: iv.ID, OpeningID: iv.OpeningID, Kind: string(iv.Kind), ScenarioID: iv.ScenarioID, StartsAt: iv.StartsAt,
		EndsAt: iv.Ends(), DurationMinutes: iv.DurationMinutes, Location: iv.Location, VideoURL: iv.VideoURL, Status: string(iv.Status),
		Sequence: iv.Sequence, Interviewers: []personJSON{}, Candidates: []personJSON{}, ApplicationIDs: iv.ApplicationIDs}
	for _, id := range iv.InterviewerIDs {
		name := ""
		if u, err := s.db.UserByID(ctx, id); err == nil {
			name = u.Name
		}
		out.Interviewers = append(out.Interviewers, personJSON{ID: id, Name: name})
	}
	for _, id := range iv.ApplicationIDs {
		if app, err := s.db.Application(ctx, id); err == nil {
			out.Candidates = append(out.Candidates, personJSON{ID: app.ID, Name: app.Candidate.Name})
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
		s.fail(c, models.Invalid(models.FieldError{Field: "scenario_id", Message: "the first interview is a role-play: pick its scenario"}))
		return
	}
	me := currentUser(c).ID
	iv := &models.Interview{OpeningID: o.ID, Kind: kind, ScenarioID: p.ScenarioID, StartsAt: p.StartsAt, DurationMinutes: p.DurationMinutes,
		Location: p.Location, VideoURL: p.VideoURL, OrganizerID: me, InterviewerIDs: p.InterviewerIDs, ApplicationIDs: []int64{app.ID}}
	if err := s.db.CreateInterview(c, iv); err != nil {
		s.fail(c, err)
		return
	}
	s.interviewChanged(c, iv, app.ID, "interview_scheduled", "Interview scheduled")
	s.respondInterview(c, http.StatusCreated, iv.ID)
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
	s.audit(c, "interview."+kind[len("interview_"):], "interview", iv.ID, summary, nil, data)
	startCtx, cancel := context.WithTimeout(context.WithoutCancel(c), updateTimeout)
	defer cancel()
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
	for _, id := range iv.ApplicationIDs {
		app, err := s.db.Application(c, id)
		if err != nil {
			s.fail(c, err)
			return
		}
		k := kitCandidateJSON{ApplicationID: app.ID, Name: app.Candidate.Name, Stage: string(app.Stage)}
		if resp, err := s.db.Response(c, id); err == nil {
			k.Questionnaire = &responseJSON{Questionnaire: withoutScoringKey(resp.Questionnaire), Answers: resp.Answers,
				Score:  models.Score{Percent: resp.Score.Percent, Passed: resp.Score.Passed, KnockedOut: resp.Score.KnockedOut},
				Locale: resp.Locale, SubmittedAt: resp.SubmittedAt}
		}
		out.Candidates = append(out.Candidates, k)
	}
	c.JSON(http.StatusOK, out)
}

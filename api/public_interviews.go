package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// publicInterviewJSON is the interview a candidate's signed link opens.
type publicInterviewJSON struct {
	InterviewID     int64     `json:"interview_id"`
	Sequence        int       `json:"sequence"`
	CandidateName   string    `json:"candidate_name"`
	Locale          string    `json:"locale"`
	Title           string    `json:"title"`
	Kind            string    `json:"kind"`
	StartsAt        time.Time `json:"starts_at"`
	EndsAt          time.Time `json:"ends_at"`
	DurationMinutes int       `json:"duration_minutes"`
	Location        string    `json:"location"`
	VideoURL        string    `json:"video_url"`
	Status          string    `json:"status"`
	Response        string    `json:"response"`
	ResponseNote    string    `json:"response_note"`
}

type interviewResponseRequest struct {
	Response string `json:"response" validate:"required,oneof=confirmed another_time"`
	Note     string `json:"note" validate:"max=4000"`
	// InterviewID and Sequence are the version of the interview the candidate saw; an answer to a version
	// since rescheduled is refused.
	InterviewID int64 `json:"interview_id"`
	Sequence    *int  `json:"sequence"`
}

// interviewByToken reads the application a candidate's interview link names, and its next interview.
func (s *Server) interviewByToken(c *gin.Context) (*models.Application, *models.Interview, bool) {
	id, err := models.VerifyLink(s.cfg.LinkSecret, c.Param("token"), models.LinkInterviewTimes, s.now())
	if err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			err = models.Errorf(models.ECONFLICT, "This interview link has expired: the interview has begun or passed. Reply to the e-mail it came in if you need anything.")
		}
		s.fail(c, err)
		return nil, nil, false
	}
	app, err := s.db.Application(c, id)
	if err != nil {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This interview link is not valid."))
		return nil, nil, false
	}
	iv, err := s.db.NextInterviewOf(c, app.ID, s.now())
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	return app, iv, true
}

func (s *Server) writePublicInterview(c *gin.Context, app *models.Application, iv *models.Interview) {
	o, err := s.db.Opening(c, iv.OpeningID)
	if err != nil {
		s.fail(c, err)
		return
	}
	r := iv.Responses[app.ID]
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, publicInterviewJSON{InterviewID: iv.ID, Sequence: iv.Sequence, CandidateName: app.Candidate.Name, Locale: app.Candidate.Locale, Title: o.Title, Kind: string(iv.Kind),
		StartsAt: iv.StartsAt, EndsAt: iv.Ends(), DurationMinutes: iv.DurationMinutes, Location: iv.Location, VideoURL: iv.VideoURL,
		Status: string(iv.Status), Response: r.Response, ResponseNote: r.Note})
}

func (s *Server) getPublicInterview(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	if app, iv, ok := s.interviewByToken(c); ok {
		s.writePublicInterview(c, app, iv)
	}
}

// respondToInterview records a candidate's confirmation or request for another time, and tells the
// interview's organiser and the opening's recruiter.
func (s *Server) respondToInterview(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	app, iv, ok := s.interviewByToken(c)
	if !ok {
		return
	}
	var req interviewResponseRequest
	if !s.bind(c, &req) {
		return
	}
	note := strings.TrimSpace(req.Note)
	switch {
	case req.Response == models.ResponseAnotherTime && note == "":
		s.fail(c, models.Invalid(models.FieldError{Field: "note", Message: "say which times suit you better"}))
		return
	case utf8.RuneCountInString(note) > 1000:
		s.fail(c, models.Invalid(models.FieldError{Field: "note", Message: "must be at most 1000 characters"}))
		return
	case iv.Status != models.InterviewScheduled:
		s.fail(c, models.Errorf(models.ECONFLICT, "This interview was cancelled; the hiring team will be in touch."))
		return
	case (req.InterviewID != 0 && req.InterviewID != iv.ID) || (req.Sequence != nil && *req.Sequence != iv.Sequence):
		s.fail(c, models.Errorf(models.ECONFLICT, "The interview has changed since you opened this page: it is now on %s UTC. Please answer again.",
			iv.StartsAt.UTC().Format("2 Jan 2006 15:04")))
		return
	}
	if err := s.db.RespondToInterview(c, iv.ID, app.ID, req.Response, note); err != nil {
		s.fail(c, err)
		return
	}
	o, err := s.db.Opening(c, iv.OpeningID)
	if err != nil {
		s.fail(c, err)
		return
	}
	key := fmt.Sprintf("interview-%d-v%d-response-%d-%s", iv.ID, iv.Sequence, app.ID, req.Response)
	data := map[string]any{"interview_id": iv.ID, "response": req.Response, "note": note}
	if err := s.db.AddApplicationEvent(c, models.ApplicationEvent{ApplicationID: app.ID, Kind: "interview_response", Data: data}, key); err != nil {
		s.log.ErrorContext(c, "interview response timeline entry", "interview_id", iv.ID, "error", err)
	}
	to := []int64{iv.OrganizerID}
	if o.RecruiterID != nil && *o.RecruiterID != iv.OrganizerID {
		to = append(to, *o.RecruiterID)
	}
	msg := fmt.Sprintf("%s confirmed the interview for %q.", app.Candidate.Name, o.Title)
	if req.Response == models.ResponseAnotherTime {
		msg = fmt.Sprintf("%s asks for another time for the interview for %q: %s", app.Candidate.Name, o.Title, note)
	}
	if err := s.db.Notify(c, to, store.Notice{Kind: "interview_response", Link: fmt.Sprintf("/applications/%d", app.ID), Message: msg,
		Params: map[string]any{"candidate_name": app.Candidate.Name, "opening_title": o.Title, "response": req.Response, "note": note}}, key); err != nil {
		s.log.ErrorContext(c, "interview response notification", "interview_id", iv.ID, "error", err)
	}
	iv, err = s.db.InterviewByID(c, iv.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.writePublicInterview(c, app, iv)
}

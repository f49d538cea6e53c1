package api

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// scorecardRequest is an interviewer's scorecard for one candidate of the interview.
type scorecardRequest struct {
	ApplicationID  int64           `json:"application_id" validate:"required"`
	Ratings        []models.Rating `json:"ratings" validate:"max=12"`
	Recommendation string          `json:"recommendation"`
	Notes          string          `json:"notes" validate:"max=10000"`
}

type scorecardJSON struct {
	Interviewer    personJSON      `json:"interviewer"`
	Ratings        []models.Rating `json:"ratings"`
	Recommendation string          `json:"recommendation"`
	Notes          string          `json:"notes"`
	Edits          int             `json:"edits"`
	SubmittedAt    time.Time       `json:"submitted_at"`
	UpdatedAt      time.Time       `json:"updated_at"`
}

// scorecardsJSON is what a person may see of a candidate's scorecards in one interview. An interviewer of the
// panel sees the others' scorecards and the combined result only once their own is in (Hidden says so).
type scorecardsJSON struct {
	Mine     *scorecardJSON          `json:"mine"`
	Others   []scorecardJSON         `json:"others"`
	Hidden   bool                    `json:"hidden"`
	Awaiting []personJSON            `json:"awaiting"`
	Result   *models.InterviewResult `json:"result"`
}

// rubricOf is the rubric an interview is scored on.
func (s *Server) rubricOf(c *gin.Context, iv *models.Interview) models.Rubric {
	r, err := s.db.InterviewRubric(c, iv, "en")
	if err != nil {
		s.log.ErrorContext(c, "interview rubric", "interview_id", iv.ID, "error", err)
		return models.DefaultRubric("en")
	}
	return r
}

func (s *Server) toScorecardJSON(c *gin.Context, r store.ScorecardRecord) scorecardJSON {
	return scorecardJSON{Interviewer: personJSON{ID: r.InterviewerID, Name: s.userName(c, r.InterviewerID)}, Ratings: r.Ratings, Recommendation: r.Recommendation,
		Notes: r.Notes, Edits: r.Edits, SubmittedAt: r.SubmittedAt, UpdatedAt: r.UpdatedAt}
}

// bindScorecard checks who submits what: an interviewer of this interview, for one of its candidates, once it
// has begun, with a scorecard complete against the rubric.
func (s *Server) bindScorecard(c *gin.Context) (*models.Interview, scorecardRequest, models.Scorecard, bool) {
	var req scorecardRequest
	iv, ok := s.loadInterview(c, false)
	if !ok {
		return nil, req, models.Scorecard{}, false
	}
	me := currentUser(c)
	if !slices.Contains(iv.InterviewerIDs, me.ID) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only the interviewers assigned to this interview score it."))
		return nil, req, models.Scorecard{}, false
	}
	if !iv.Owes(me.ID) {
		s.fail(c, models.Errorf(models.ECONFLICT, "You were excused from scoring this interview; ask the recruiter if you should score it after all."))
		return nil, req, models.Scorecard{}, false
	}
	if !s.bind(c, &req) {
		return nil, req, models.Scorecard{}, false
	}
	switch {
	case iv.Status != models.InterviewScheduled:
		s.fail(c, models.Errorf(models.ECONFLICT, "This interview was cancelled."))
		return nil, req, models.Scorecard{}, false
	case s.now().Before(iv.StartsAt):
		s.fail(c, models.Errorf(models.ECONFLICT, "The interview has not started yet; score it from %s UTC.", iv.StartsAt.UTC().Format("2006-01-02 15:04")))
		return nil, req, models.Scorecard{}, false
	case !slices.Contains(iv.ApplicationIDs, req.ApplicationID):
		s.fail(c, models.Invalid(models.FieldError{Field: "application_id", Message: "is not a candidate of this interview"}))
		return nil, req, models.Scorecard{}, false
	}
	card := models.Scorecard{InterviewerID: me.ID, Ratings: req.Ratings, Recommendation: models.Recommendation(req.Recommendation), Notes: req.Notes}
	if err := card.Validate(s.rubricOf(c, iv)); err != nil {
		s.fail(c, err)
		return nil, req, models.Scorecard{}, false
	}
	return iv, req, card, true
}

func (s *Server) submitScorecard(c *gin.Context) {
	iv, req, card, ok := s.bindScorecard(c)
	if !ok {
		return
	}
	if _, err := s.db.SubmitScorecard(c, iv.ID, req.ApplicationID, card); err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			// Submitted already: perhaps by this very request sent again, after the process that stored it
			// died before the rest. The rest is done again (each step once), so the workflow hears of it.
			s.scorecardSubmitted(c, iv.ID, req.ApplicationID, req.Recommendation)
		}
		s.fail(c, err)
		return
	}
	s.scorecardSubmitted(c, iv.ID, req.ApplicationID, req.Recommendation)
	s.writeScorecards(c, http.StatusCreated, iv, req.ApplicationID)
}

// scorecardSubmitted records a stored scorecard on the timeline and in the audit log, once each, and tells the
// application's workflow.
func (s *Server) scorecardSubmitted(c *gin.Context, interviewID, applicationID int64, rec string) {
	me := currentUser(c).ID
	key := fmt.Sprintf("scorecard-%d-%d", interviewID, me)
	if err := s.db.AddApplicationEvent(c, models.ApplicationEvent{ApplicationID: applicationID, Kind: "scorecard_submitted", ActorID: &me,
		Data: map[string]any{"interview_id": interviewID}}, key); err != nil {
		s.log.ErrorContext(c, "scorecard timeline entry", "interview_id", interviewID, "error", err)
	}
	s.auditOnce(c, fmt.Sprintf("scorecard-%d-%d-%d-submitted", interviewID, applicationID, me), "scorecard.submitted", "interview", interviewID,
		"Scorecard submitted", nil, map[string]any{"application_id": applicationID, "recommendation": rec})
	s.signalScorecard(c, interviewID, applicationID)
}

func (s *Server) editScorecard(c *gin.Context) {
	iv, req, card, ok := s.bindScorecard(c)
	if !ok {
		return
	}
	before, after, err := s.db.EditScorecard(c, iv.ID, req.ApplicationID, card)
	if err != nil {
		s.fail(c, err)
		return
	}
	// An edit after submission is recorded with what it changed.
	s.audit(c, "scorecard.edited", "interview", iv.ID, fmt.Sprintf("Scorecard edited after submission (edit %d)", after.Edits),
		map[string]any{"application_id": req.ApplicationID, "ratings": before.Ratings, "recommendation": before.Recommendation},
		map[string]any{"application_id": req.ApplicationID, "ratings": after.Ratings, "recommendation": after.Recommendation,
			"notes_changed": before.Notes != after.Notes}) // the notes' words stay on the scorecard, where anonymisation reaches them
	s.signalScorecard(c, iv.ID, req.ApplicationID)
	s.writeScorecards(c, http.StatusOK, iv, req.ApplicationID)
}

func (s *Server) listScorecards(c *gin.Context) {
	iv, ok := s.loadInterview(c, false)
	if !ok {
		return
	}
	appID, err := strconv.ParseInt(c.Query("application_id"), 10, 64)
	if err != nil || !slices.Contains(iv.ApplicationIDs, appID) {
		s.fail(c, models.Invalid(models.FieldError{Field: "application_id", Message: "must be a candidate of this interview"}))
		return
	}
	s.writeScorecards(c, http.StatusOK, iv, appID)
}

// writeScorecards answers with what the caller may see of a candidate's scorecards: an interviewer of the
// panel who has not submitted sees only that others exist, never their content.
func (s *Server) writeScorecards(c *gin.Context, status int, iv *models.Interview, applicationID int64) {
	recs, err := s.db.Scorecards(c, iv.ID, applicationID)
	if err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c).ID
	pv := panelOf(iv, recs, me)
	out := scorecardsJSON{Others: []scorecardJSON{}, Awaiting: []personJSON{}, Hidden: pv.hidden}
	for _, r := range recs {
		if r.InterviewerID == me {
			j := s.toScorecardJSON(c, r)
			out.Mine = &j
		} else if !pv.hidden {
			out.Others = append(out.Others, s.toScorecardJSON(c, r))
		}
	}
	for _, id := range pv.missing {
		out.Awaiting = append(out.Awaiting, personJSON{ID: id, Name: s.userName(c, id)})
	}
	if !pv.hidden {
		r := models.Aggregate(s.rubricOf(c, iv), pv.cards)
		out.Result = &r
	}
	c.JSON(status, out)
}

// panelView is one candidate's scorecards in one interview as a given reader may use them.
type panelView struct {
	// cards are the scorecards that count: from interviewers who owe one (on the panel, not excused).
	cards []models.Scorecard
	// missing are those who owe a scorecard and have not submitted it.
	missing []int64
	// complete is true once every scorecard owed is in.
	complete bool
	// hidden is true when the reader owes a scorecard they have not submitted: scoring is independent, so
	// they see neither the others' scorecards nor the result, wherever they look.
	hidden bool
}

func panelOf(iv *models.Interview, recs []store.ScorecardRecord, reader int64) panelView {
	var pv panelView
	var scoredBy []int64
	for _, r := range recs {
		scoredBy = append(scoredBy, r.InterviewerID)
		if iv.Owes(r.InterviewerID) {
			pv.cards = append(pv.cards, r.Card())
		}
	}
	pv.missing = iv.Missing(scoredBy)
	pv.complete = len(pv.missing) == 0 && len(pv.cards) > 0
	pv.hidden = slices.Contains(pv.missing, reader)
	return pv
}

// signalScorecard wakes the candidate's workflow, which stores the combined result once the last scorecard
// is in (and again after an edit).
func (s *Server) signalScorecard(c *gin.Context, interviewID, applicationID int64) {
	err := s.temporal.SignalWorkflow(c, workflows.ApplicationWorkflowID(applicationID), "", workflows.SignalScorecard,
		workflows.ScorecardSignal{InterviewID: interviewID, InterviewerID: currentUser(c).ID})
	if err != nil && !isNotFound(err) {
		s.log.WarnContext(c, "tell the application's workflow of a scorecard", "application_id", applicationID, "error", err)
	}
}

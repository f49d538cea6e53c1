package api

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// slateJSON is where an opening stands on the slate rule.
type slateJSON struct {
	Size     int        `json:"size"`
	Complete int        `json:"complete"`
	Open     bool       `json:"open"`
	OpenedAt *time.Time `json:"opened_at"`
	Note     string     `json:"note"`
	Deadline *time.Time `json:"deadline"`
}

func (s *Server) slateOf(c *gin.Context, o *models.Opening) (slateJSON, error) {
	complete, err := s.db.CompleteFirstRounds(c, o.ID)
	if err != nil {
		return slateJSON{}, err
	}
	return slateFrom(o, complete), nil
}

// slateFrom is where the opening stands on the slate rule, given its complete first rounds.
func slateFrom(o *models.Opening, complete map[int64]bool) slateJSON {
	out := slateJSON{Size: o.SlateSize, Complete: len(complete), Open: o.SlateOpenedByDeadline() || len(complete) >= o.SlateSize,
		Note: o.ShortlistNote, Deadline: o.SlateDeadline}
	if out.Open {
		out.OpenedAt = o.ShortlistOpenedAt
	}
	return out
}

type competencyJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type scenarioRefJSON struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Difficulty int    `json:"difficulty"`
}

type roundNoteJSON struct {
	Interviewer    personJSON `json:"interviewer"`
	Recommendation string     `json:"recommendation"`
	Notes          string     `json:"notes"`
}

// roundJSON is one candidate's result in one interview, for the comparison.
type roundJSON struct {
	InterviewID int64            `json:"interview_id"`
	Kind        string           `json:"kind"`
	StartsAt    time.Time        `json:"starts_at"`
	Scenario    *scenarioRefJSON `json:"scenario"`
	Complete    bool             `json:"complete"`
	// Hidden is true when the reader sits on this panel and has not submitted their own scorecard: the
	// result and the notes are left out until they have.
	Hidden   bool                   `json:"hidden"`
	Awaiting []personJSON           `json:"awaiting"`
	Result   models.InterviewResult `json:"result"`
	Notes    []roundNoteJSON        `json:"notes"`
}

type questionnaireScoreJSON struct {
	Percent    float64 `json:"percent"`
	Passed     bool    `json:"passed"`
	KnockedOut bool    `json:"knocked_out"`
}

type comparisonRowJSON struct {
	ApplicationID int64                   `json:"application_id"`
	Name          string                  `json:"name"`
	Stage         string                  `json:"stage"`
	Questionnaire *questionnaireScoreJSON `json:"questionnaire"`
	First         *roundJSON              `json:"first"`
	Second        *roundJSON              `json:"second"`
}

// comparisonJSON is the slate side by side: per candidate, the first and the latest later round.
type comparisonJSON struct {
	OpeningID         int64               `json:"opening_id"`
	Title             string              `json:"title"`
	Slate             slateJSON           `json:"slate"`
	Competencies      []competencyJSON    `json:"competencies"`
	GroupCompetencies []competencyJSON    `json:"group_competencies"`
	Rows              []comparisonRowJSON `json:"rows"`
}

// interviewStages are the stages whose candidates the comparison shows even before an interview.
var interviewStages = []models.Stage{models.StageFirstInterview, models.StageShortlist, models.StageSecondInterview, models.StageOffer, models.StageHired}

func (s *Server) lang(c *gin.Context) (string, bool) {
	lang := c.Query("lang")
	if lang == "" {
		lang = currentUser(c).Locale
	}
	if !slices.Contains(models.Locales, lang) {
		s.fail(c, models.Invalid(models.FieldError{Field: "lang", Message: "must be en or sq"}))
		return "", false
	}
	return lang, true
}

// userName is a user's name, read once per request however many rows of a list name the same person (the
// comparison's notes, an offer's approvers, calibration).
func (s *Server) userName(c *gin.Context, id int64) string {
	names, ok := c.Value(ctxNames).(map[int64]string)
	if !ok {
		names = map[int64]string{}
		c.Set(ctxNames, names)
	}
	if n, ok := names[id]; ok {
		return n
	}
	n := ""
	if u, err := s.db.UserByID(c, id); err == nil {
		n = u.Name
	}
	names[id] = n
	return n
}

// rememberName puts a user's name, read with something else, in the request's names for userName.
func (s *Server) rememberName(c *gin.Context, id int64, name string) {
	names, ok := c.Value(ctxNames).(map[int64]string)
	if !ok {
		names = map[int64]string{}
		c.Set(ctxNames, names)
	}
	names[id] = name
}

func (s *Server) getComparison(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineManage)
	if !ok {
		return
	}
	lang, ok := s.lang(c)
	if !ok {
		return
	}
	out, err := s.comparison(c, o, lang)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// comparison reads the opening's interviews, their scorecards and the candidates in a fixed number of queries,
// however many candidates the slate has.
func (s *Server) comparison(c *gin.Context, o *models.Opening, lang string) (*comparisonJSON, error) {
	ivs, err := s.db.InterviewsOfOpening(c, o.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(ivs))
	for _, iv := range ivs {
		if iv.Status == models.InterviewScheduled {
			ids = append(ids, iv.ID)
		}
	}
	recs, err := s.db.ScorecardsOfInterviews(c, ids)
	if err != nil {
		return nil, err
	}
	cards := map[store.ResultKey][]store.ScorecardRecord{}
	for _, r := range recs {
		k := store.ResultKey{InterviewID: r.InterviewID, ApplicationID: r.ApplicationID}
		cards[k] = append(cards[k], r)
	}
	// The complete first rounds, as store.CompleteFirstRounds counts them, from what is read already.
	complete := map[int64]bool{}
	for _, iv := range ivs {
		if iv.Status != models.InterviewScheduled || iv.Kind != models.InterviewFirst {
			continue
		}
		for _, a := range iv.ApplicationIDs {
			if s.firstComplete(cards, iv, a) {
				complete[a] = true
			}
		}
	}
	out := &comparisonJSON{OpeningID: o.ID, Title: o.Title, Slate: slateFrom(o, complete), Competencies: []competencyJSON{},
		GroupCompetencies: []competencyJSON{}, Rows: []comparisonRowJSON{}}
	for _, cp := range models.GroupRubric(lang).Competencies {
		out.GroupCompetencies = append(out.GroupCompetencies, competencyJSON{cp.ID, cp.Name})
	}
	me := currentUser(c).ID
	scenarios := map[int64]*models.Scenario{}
	seenCompetency := map[string]bool{}
	round := func(iv *models.Interview, appID int64) (*roundJSON, error) {
		r := &roundJSON{InterviewID: iv.ID, Kind: string(iv.Kind), StartsAt: iv.StartsAt, Awaiting: []personJSON{}, Notes: []roundNoteJSON{}}
		rubric := models.GroupRubric("en")
		if iv.Kind != models.InterviewGroup && iv.ScenarioID != nil {
			sc, ok := scenarios[*iv.ScenarioID]
			if !ok {
				if sc, err = s.db.ScenarioByID(c, *iv.ScenarioID); err != nil {
					return nil, err
				}
				scenarios[*iv.ScenarioID] = sc
			}
			t := sc.In(lang)
			r.Scenario = &scenarioRefJSON{ID: sc.ID, Name: t.Name, Difficulty: sc.Difficulty}
			rubric = t.Rubric
		} else if iv.Kind != models.InterviewGroup {
			rubric = models.DefaultRubric(lang)
		}
		if iv.Kind == models.InterviewFirst {
			for _, cp := range rubric.Competencies {
				if !seenCompetency[cp.ID] {
					seenCompetency[cp.ID] = true
					out.Competencies = append(out.Competencies, competencyJSON{cp.ID, cp.Name})
				}
			}
		}
		recs := cards[store.ResultKey{InterviewID: iv.ID, ApplicationID: appID}]
		pv := panelOf(iv, recs, me)
		for _, id := range pv.missing {
			r.Awaiting = append(r.Awaiting, personJSON{ID: id, Name: s.userName(c, id)})
		}
		r.Complete, r.Hidden = pv.complete, pv.hidden
		if pv.hidden {
			r.Result = models.Aggregate(rubric, nil)
			return r, nil
		}
		for _, rec := range recs {
			if iv.Owes(rec.InterviewerID) {
				r.Notes = append(r.Notes, roundNoteJSON{Interviewer: personJSON{ID: rec.InterviewerID, Name: s.userName(c, rec.InterviewerID)},
					Recommendation: rec.Recommendation, Notes: rec.Notes})
			}
		}
		r.Result = models.Aggregate(rubric, pv.cards)
		return r, nil
	}
	// Each candidate's first round is their latest first interview with a complete result, else their latest
	// first interview; their second round is the latest second or group interview.
	firsts, seconds := map[int64]*models.Interview{}, map[int64]*models.Interview{}
	appIDs := []int64{}
	for _, iv := range ivs { // newest first
		if iv.Status != models.InterviewScheduled {
			continue
		}
		for _, a := range iv.ApplicationIDs {
			if !slices.Contains(appIDs, a) {
				appIDs = append(appIDs, a)
			}
			if iv.Kind == models.InterviewFirst {
				if firsts[a] == nil || (complete[a] && !s.firstComplete(cards, firsts[a], a) && s.firstComplete(cards, iv, a)) {
					firsts[a] = iv
				}
			} else if seconds[a] == nil {
				seconds[a] = iv
			}
		}
	}
	// The candidates at an interview stage, stage by stage, then those interviewed who moved on (rejected):
	// still part of the comparison.
	found, err := s.db.SlateApplications(c, o.ID, interviewStages, appIDs)
	if err != nil {
		return nil, err
	}
	var apps []*models.Application
	byID := map[int64]*models.Application{}
	for _, st := range interviewStages {
		for _, a := range found {
			if a.OpeningID == o.ID && a.Stage == st {
				apps = append(apps, a)
				byID[a.ID] = nil
			}
		}
	}
	for _, a := range found {
		if _, staged := byID[a.ID]; !staged {
			byID[a.ID] = a
		}
	}
	for _, id := range appIDs {
		a, ok := byID[id]
		if !ok {
			return nil, models.Errorf(models.ENOTFOUND, "No such application.")
		}
		if a != nil && a.Stage != models.StageWithdrawn {
			apps = append(apps, a)
		}
	}
	for _, a := range apps {
		row := comparisonRowJSON{ApplicationID: a.ID, Name: a.Candidate.Name, Stage: string(a.Stage)}
		if a.ScorePercent != nil {
			row.Questionnaire = &questionnaireScoreJSON{Percent: *a.ScorePercent, Passed: a.QuestionnaireStatus == models.QuestionnaireSubmitted && !a.KnockedOut,
				KnockedOut: a.KnockedOut}
		}
		if iv := firsts[a.ID]; iv != nil {
			if row.First, err = round(iv, a.ID); err != nil {
				return nil, err
			}
		}
		if iv := seconds[a.ID]; iv != nil {
			if row.Second, err = round(iv, a.ID); err != nil {
				return nil, err
			}
		}
		out.Rows = append(out.Rows, row)
	}
	if len(out.Competencies) == 0 {
		for _, cp := range models.DefaultRubric(lang).Competencies {
			out.Competencies = append(out.Competencies, competencyJSON{cp.ID, cp.Name})
		}
	}
	slices.SortStableFunc(out.Rows, func(x, y comparisonRowJSON) int {
		return cmp.Compare(overall(y.First), overall(x.First))
	})
	return out, nil
}

func overall(r *roundJSON) float64 {
	if r == nil {
		return -1
	}
	return r.Result.Overall
}

// firstComplete reports whether every interviewer who owes a scorecard for iv has scored the candidate.
func (s *Server) firstComplete(cards map[store.ResultKey][]store.ScorecardRecord, iv *models.Interview, appID int64) bool {
	return panelOf(iv, cards[store.ResultKey{InterviewID: iv.ID, ApplicationID: appID}], 0).complete
}

// shortlistRequest shortlists several candidates of the slate, and says what happens to the rest.
type shortlistRequest struct {
	ApplicationIDs []int64 `json:"application_ids" validate:"required,min=1,max=50"`
	Reason         string  `json:"reason" validate:"required,max=2000"`
	// Rest is "wait" (the others stay at the first interview) or "reject" (with RejectCode and RejectReason).
	Rest         string `json:"rest" validate:"required,oneof=wait reject"`
	RejectCode   string `json:"reject_code" validate:"max=64"`
	RejectReason string `json:"reject_reason" validate:"max=2000"`
}

type shortlistResultJSON struct {
	ApplicationID int64    `json:"application_id"`
	To            string   `json:"to"`
	OK            bool     `json:"ok"`
	Problem       *Problem `json:"problem"`
}

type shortlistResponse struct {
	Results []shortlistResultJSON `json:"results"`
}

func (s *Server) shortlist(c *gin.Context) {
	o, ok := s.loadOpening(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req shortlistRequest
	if !s.bind(c, &req) {
		return
	}
	complete, err := s.db.CompleteFirstRounds(c, o.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	// The slate rule first: no move at all while the decision is closed.
	if err := models.CheckSlate(models.Move{From: models.StageFirstInterview, To: models.StageShortlist}, len(complete), o.SlateSize,
		o.SlateOpenedByDeadline()); err != nil {
		s.fail(c, err)
		return
	}
	var fields []models.FieldError
	if req.Rest == "reject" {
		if err := models.ValidateMove(models.Move{From: models.StageFirstInterview, To: models.StageRejected, Reason: req.RejectReason,
			ReasonCode: req.RejectCode}, s.cfg.RejectionReasons); err != nil {
			for _, f := range models.Nested(err, "") {
				fields = append(fields, models.FieldError{Field: map[string]string{"reason": "reject_reason", "reason_code": "reject_code"}[f.Field], Message: f.Message})
			}
			if len(fields) == 0 {
				fields = append(fields, models.FieldError{Field: "reject_code", Message: models.ErrorMessage(err)})
			}
		}
	}
	apps := map[int64]*models.Application{}
	for i, id := range req.ApplicationIDs {
		app, err := s.db.Application(c, id)
		switch {
		case err != nil || app.OpeningID != o.ID:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i), Message: "is not an application of this opening"})
		case apps[id] != nil:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i), Message: "is listed twice"})
		case app.Stage != models.StageFirstInterview:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i),
				Message: fmt.Sprintf("%s is at %s, not at the first interview", app.Candidate.Name, app.Stage.Words())})
		case !complete[id]:
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("application_ids.%d", i),
				Message: fmt.Sprintf("%s's first interview is not fully scored yet", app.Candidate.Name)})
		default:
			apps[id] = app
		}
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	me := currentUser(c).ID
	out := shortlistResponse{Results: []shortlistResultJSON{}}
	move := func(id int64, m models.ApplicationMove) {
		m.ActorID, m.From = &me, models.StageFirstInterview
		r := shortlistResultJSON{ApplicationID: id, To: string(m.To), OK: true}
		if err := s.Move(c, id, m); err != nil {
			p := s.problemOf(c, err)
			r.OK, r.Problem = false, &p
		}
		out.Results = append(out.Results, r)
	}
	for _, id := range req.ApplicationIDs {
		move(id, models.ApplicationMove{To: models.StageShortlist, Reason: req.Reason})
	}
	if req.Rest == "reject" {
		rest, err := s.db.ListApplications(c, store.ApplicationFilter{OpeningID: o.ID, Stage: models.StageFirstInterview, Limit: 5000})
		if err != nil {
			s.fail(c, err)
			return
		}
		for _, a := range rest {
			if apps[a.ID] == nil && complete[a.ID] {
				move(a.ID, models.ApplicationMove{To: models.StageRejected, Reason: req.RejectReason, ReasonCode: req.RejectCode})
			}
		}
	}
	s.audit(c, "opening.shortlisted", "opening", o.ID, fmt.Sprintf("%d shortlisted for %q", len(req.ApplicationIDs), o.Title), nil,
		map[string]any{"application_ids": req.ApplicationIDs, "rest": req.Rest, "reason": req.Reason})
	c.JSON(http.StatusOK, out)
}

type calibrationItemJSON struct {
	Interviewer personJSON `json:"interviewer"`
	models.InterviewerCalibration
}

func (s *Server) getCalibration(c *gin.Context) {
	if !s.allow(c, models.ActCalibrationView, nil) {
		return
	}
	var openingID int64
	if v := c.Query("opening_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.fail(c, models.Invalid(models.FieldError{Field: "opening_id", Message: "must be an opening's ID"}))
			return
		}
		if _, err := s.db.Opening(c, id); err != nil {
			s.fail(c, err)
			return
		}
		openingID = id
	}
	cards, pending, err := s.db.CalibrationData(c, openingID, s.now())
	if err != nil {
		s.fail(c, err)
		return
	}
	late := s.cfg.ScorecardReminder
	if late <= 0 {
		late = 24 * time.Hour
	}
	out := list[calibrationItemJSON]{Items: []calibrationItemJSON{}}
	for _, m := range models.Calibrate(cards, pending, late) {
		out.Items = append(out.Items, calibrationItemJSON{Interviewer: personJSON{ID: m.InterviewerID, Name: s.userName(c, m.InterviewerID)},
			InterviewerCalibration: m})
	}
	slices.SortStableFunc(out.Items, func(x, y calibrationItemJSON) int { return cmp.Compare(x.Interviewer.Name, y.Interviewer.Name) })
	c.JSON(http.StatusOK, out)
}

// myInterviewJSON is an interview on the caller's panel, with the candidates they still have to score.
type myInterviewJSON struct {
	interviewJSON
	Owed []int64 `json:"owed"`
}

func (s *Server) myInterviews(c *gin.Context) {
	me := currentUser(c)
	ivs, err := s.db.InterviewsOfInterviewer(c, me.ID, s.now().AddDate(0, 0, -60))
	if err != nil {
		s.fail(c, err)
		return
	}
	ids := make([]int64, len(ivs))
	for i, iv := range ivs {
		ids[i] = iv.ID
	}
	recs, err := s.db.ScorecardsOfInterviews(c, ids)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := list[myInterviewJSON]{Items: []myInterviewJSON{}}
	for _, iv := range ivs {
		item := myInterviewJSON{interviewJSON: s.toInterviewJSON(c, iv), Owed: []int64{}}
		if _, excused := iv.Excused[me.ID]; !excused {
			for _, a := range iv.ApplicationIDs {
				if !slices.ContainsFunc(recs, func(r store.ScorecardRecord) bool {
					return r.InterviewID == iv.ID && r.ApplicationID == a && r.InterviewerID == me.ID
				}) {
					item.Owed = append(item.Owed, a)
				}
			}
		}
		// Past interviews stay only while they are owed a scorecard.
		if iv.Ends().Before(s.now()) && len(item.Owed) == 0 {
			continue
		}
		out.Items = append(out.Items, item)
	}
	c.JSON(http.StatusOK, out)
}

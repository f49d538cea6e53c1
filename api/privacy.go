package api

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// privacyJSON is what Bullpen holds about a candidate, as the link in their e-mails shows it and downloads it:
// what they gave us and what became of their applications.
type privacyJSON struct {
	Company    string             `json:"company"`
	Name       string             `json:"name"`
	Email      string             `json:"email"`
	Phone      string             `json:"phone"`
	Location   string             `json:"location"`
	Locale     string             `json:"locale"`
	Source     string             `json:"source"`
	ConsentAt  *time.Time         `json:"consent_at,omitempty"`
	CV         string             `json:"cv,omitempty"` // the file's name
	CreatedAt  time.Time          `json:"created_at"`
	Anonymised *time.Time         `json:"anonymised_at,omitempty"`
	Retention  int                `json:"retention_days"` // days after the last rejection or withdrawal; 0: kept
	Apps       []privacyAppJSON   `json:"applications"`
	Deletable  bool               `json:"deletable"`
	Blocked    string             `json:"blocked,omitempty"` // why it cannot be deleted now: application_open or hired
	Exported   time.Time          `json:"exported_at"`
	Interviews []privacyInterview `json:"interviews"`
}

type privacyAppJSON struct {
	Opening     string          `json:"opening"`
	Stage       string          `json:"stage"`
	Source      string          `json:"source"`
	AppliedAt   time.Time       `json:"applied_at"`
	StageSince  time.Time       `json:"stage_since"`
	Questions   []privacyAnswer `json:"answers"`
	SubmittedAt *time.Time      `json:"questionnaire_submitted_at,omitempty"`
	Offers      []privacyOffer  `json:"offers"`
}

type privacyAnswer struct {
	Question string   `json:"question"`
	Options  []string `json:"options,omitempty"`
	Number   *float64 `json:"number,omitempty"`
	Text     string   `json:"text,omitempty"`
}

type privacyOffer struct {
	Status    string    `json:"status"`
	StartDate time.Time `json:"start_date"`
}

type privacyInterview struct {
	Opening  string    `json:"opening"`
	Kind     string    `json:"kind"`
	StartsAt time.Time `json:"starts_at"`
	Status   string    `json:"status"`
}

type privacyRequest struct {
	// Delete must be true: the candidate confirms that their data is to be deleted.
	Delete bool `json:"delete"`
}

// candidateByPrivacyToken reads the candidate a privacy link names, or fails the request.
func (s *Server) candidateByPrivacyToken(c *gin.Context) (*models.Candidate, bool) {
	id, err := models.VerifyLink(s.cfg.LinkSecret, c.Param("token"), models.LinkPrivacy, s.now())
	if err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			err = models.Errorf(models.ECONFLICT, "This link has expired; reply to any of our e-mails and we will send a new one.")
		}
		s.fail(c, err)
		return nil, false
	}
	cand, err := s.db.Candidate(c, id)
	if err != nil {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This link is not valid."))
		return nil, false
	}
	return cand, true
}

// getPrivacy shows a candidate the data Bullpen holds about them; ?download=1 sends it as a JSON file.
func (s *Server) getPrivacy(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	cand, ok := s.candidateByPrivacyToken(c)
	if !ok {
		return
	}
	s.writePrivacy(c, cand, c.Query("download") != "")
}

// writePrivacy answers with the candidate's data, never cached; download sends it as a file.
func (s *Server) writePrivacy(c *gin.Context, cand *models.Candidate, download bool) {
	out, err := s.privacyOf(c, cand)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	if download {
		c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="my-data-%s.json"`, out.Exported.Format("2006-01-02")))
	}
	c.JSON(http.StatusOK, out)
}

// deletePrivacy deletes a candidate's data at their request: anonymised at once, as the retention period would
// (the statistics stay). A candidate whose application is still in progress, or who was hired, is told why not.
func (s *Server) deletePrivacy(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	cand, ok := s.candidateByPrivacyToken(c)
	if !ok {
		return
	}
	var req privacyRequest
	if !s.bind(c, &req) {
		return
	}
	if !req.Delete {
		s.fail(c, models.Invalid(models.FieldError{Field: "delete", Message: "must be true to delete your data"}))
		return
	}
	removed, done, err := s.db.AnonymiseCandidate(c, cand.ID, s.now())
	if err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			err = models.Errorf(models.ECONFLICT, "%s", blockedMessage[s.deletionBlocked(c, cand.ID)])
		}
		s.fail(c, err)
		return
	}
	if done {
		s.audit(c, "candidate.anonymised", "candidate", cand.ID, fmt.Sprintf("Candidate %d anonymised at their request", cand.ID), nil, removed.Map())
	}
	if cand, err = s.db.Candidate(c, cand.ID); err != nil {
		s.fail(c, err)
		return
	}
	s.writePrivacy(c, cand, false)
}

// deletionBlocked says why a candidate's data cannot be deleted now (application_open or hired), or "" when it
// can.
func (s *Server) deletionBlocked(c *gin.Context, candidateID int64) string {
	st, err := s.db.CandidateRetention(c, candidateID)
	switch {
	case err != nil:
		return "unknown"
	case st.Hired:
		return "hired"
	case st.Open:
		return "application_open"
	}
	return ""
}

var blockedMessage = map[string]string{
	"unknown":          "We could not read your applications; please try again.",
	"hired":            "You were hired: your data is kept with your employment. Ask your manager or HR.",
	"application_open": "An application of yours is still in progress. Withdraw it first (reply to any of our e-mails), then delete your data here.",
}

func (s *Server) privacyOf(c *gin.Context, cand *models.Candidate) (privacyJSON, error) {
	out := privacyJSON{Company: s.cfg.CompanyName, Name: cand.Name, Email: cand.Email, Phone: cand.Phone, Location: cand.Location,
		Locale: cand.Locale, Source: string(cand.Source), ConsentAt: cand.ConsentAt, CreatedAt: cand.CreatedAt, Anonymised: cand.AnonymisedAt,
		Retention: int(s.cfg.CandidateRetention / (24 * time.Hour)), Apps: []privacyAppJSON{}, Interviews: []privacyInterview{}, Exported: s.now().UTC()}
	if cand.CVFileID != nil {
		if f, err := s.db.FileByID(c, *cand.CVFileID); err == nil {
			out.CV = f.Name
		}
	}
	apps, err := s.db.ListApplications(c, store.ApplicationFilter{CandidateID: cand.ID})
	if err != nil {
		return out, err
	}
	titles := map[int64]string{}
	title := func(openingID int64) string {
		if t, ok := titles[openingID]; ok {
			return t
		}
		if o, err := s.db.Opening(c, openingID); err == nil {
			titles[openingID] = o.Title
		}
		return titles[openingID]
	}
	for _, a := range apps {
		pa := privacyAppJSON{Opening: title(a.OpeningID), Stage: string(a.Stage), Source: string(a.Source), AppliedAt: a.CreatedAt,
			StageSince: a.StageEnteredAt, Questions: []privacyAnswer{}, Offers: []privacyOffer{}}
		if resp, err := s.db.Response(c, a.ID); err == nil {
			pa.SubmittedAt = &resp.SubmittedAt
			pa.Questions = answersOf(resp)
		}
		offers, err := s.db.ListOffers(c, store.OfferFilter{ApplicationID: a.ID})
		if err != nil {
			return out, err
		}
		for _, o := range offers {
			if o.Status == models.OfferSent || o.Status == models.OfferAccepted || o.Status == models.OfferDeclined || o.Status == models.OfferExpired {
				pa.Offers = append(pa.Offers, privacyOffer{Status: string(o.Status), StartDate: o.StartDate})
			}
		}
		ivs, err := s.db.InterviewsOf(c, a.ID)
		if err != nil {
			return out, err
		}
		for _, iv := range ivs {
			out.Interviews = append(out.Interviews, privacyInterview{Opening: pa.Opening, Kind: string(iv.Kind), StartsAt: iv.StartsAt, Status: string(iv.Status)})
		}
		out.Apps = append(out.Apps, pa)
	}
	if cand.AnonymisedAt == nil {
		out.Blocked = s.deletionBlocked(c, cand.ID)
		out.Deletable = out.Blocked == ""
	}
	return out, nil
}

// answersOf writes a questionnaire's answers with their questions' words, as the candidate gave them.
func answersOf(resp *store.QuestionnaireResponse) []privacyAnswer {
	out := []privacyAnswer{}
	for _, a := range resp.Answers {
		pa := privacyAnswer{Question: a.QuestionID, Number: a.Number, Text: a.Text}
		for _, q := range resp.Questionnaire.Questions {
			if q.ID != a.QuestionID {
				continue
			}
			pa.Question = q.Prompt
			for _, id := range a.OptionIDs {
				for _, op := range q.Options {
					if op.ID == id {
						pa.Options = append(pa.Options, op.Label)
					}
				}
			}
		}
		out = append(out, pa)
	}
	return out
}

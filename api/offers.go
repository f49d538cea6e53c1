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
)

// offerRequest drafts an offer or replaces its terms.
type offerRequest struct {
	TemplateID  *int64         `json:"template_id"`
	Plan        models.PayPlan `json:"plan"`
	StartDate   string         `json:"start_date" validate:"max=10"`
	ExpiresDays int            `json:"expires_days" validate:"omitempty,min=1,max=30"`
}

type offerApprovalJSON struct {
	Approver personJSON `json:"approver"`
	Decision string     `json:"decision"`
	Comment  string     `json:"comment"`
	At       time.Time  `json:"at"`
}

// offerJSON is an offer as the API shows it to the hiring team and its approvers.
type offerJSON struct {
	ID              int64               `json:"id"`
	ApplicationID   int64               `json:"application_id"`
	OpeningID       int64               `json:"opening_id"`
	OpeningTitle    string              `json:"opening_title"`
	Candidate       personJSON          `json:"candidate"`
	Version         int                 `json:"version"`
	Status          string              `json:"status"`
	Seat            string              `json:"seat"`
	StartDate       string              `json:"start_date"`
	TemplateID      *int64              `json:"template_id"`
	Plan            models.PayPlan      `json:"plan"`
	ExpiresDays     int                 `json:"expires_days"`
	ExpiresAt       *time.Time          `json:"expires_at"`
	Breaches        []models.FieldError `json:"breaches"`
	ApprovalsNeeded int                 `json:"approvals_needed"`
	Approvers       []personJSON        `json:"approvers"`
	Approvals       []offerApprovalJSON `json:"approvals"`
	DeclineReason   string              `json:"decline_reason"`
	CreatedBy       personJSON          `json:"created_by"`
	CreatedAt       time.Time           `json:"created_at"`
	SentAt          *time.Time          `json:"sent_at"`
	AnsweredAt      *time.Time          `json:"answered_at"`
	PayTable        models.PayTable     `json:"pay_table"`
}

func (s *Server) toOfferJSON(c *gin.Context, o *models.Offer) offerJSON {
	out := offerJSON{ID: o.ID, ApplicationID: o.ApplicationID, OpeningID: o.OpeningID, Version: o.Version, Status: string(o.Status), Seat: o.Seat,
		StartDate: o.StartDate.Format(time.DateOnly), TemplateID: o.TemplateID, Plan: o.Plan, ExpiresDays: o.ExpiresDays, ExpiresAt: o.ExpiresAt,
		Breaches: o.Breaches, ApprovalsNeeded: o.ApprovalsNeeded, Approvers: []personJSON{}, Approvals: []offerApprovalJSON{},
		DeclineReason: o.DeclineReason, CreatedBy: personJSON{ID: o.CreatedBy, Name: s.userName(c, o.CreatedBy)}, CreatedAt: o.CreatedAt,
		SentAt: o.SentAt, AnsweredAt: o.AnsweredAt, PayTable: o.Plan.Table(12, nil)}
	if op, err := s.db.Opening(c, o.OpeningID); err == nil {
		out.OpeningTitle = op.Title
	}
	if app, err := s.db.Application(c, o.ApplicationID); err == nil {
		out.Candidate = personJSON{ID: app.ID, Name: app.Candidate.Name}
	}
	for _, id := range o.ApproverIDs {
		out.Approvers = append(out.Approvers, personJSON{ID: id, Name: s.userName(c, id)})
	}
	for _, a := range o.Approvals {
		if a.Version == o.Version {
			out.Approvals = append(out.Approvals, offerApprovalJSON{Approver: personJSON{ID: a.ApproverID, Name: s.userName(c, a.ApproverID)},
				Decision: a.Decision, Comment: a.Comment, At: a.At})
		}
	}
	return out
}

// offerTerms checks a draft against the opening: a valid plan and dates, a template of the opening's role,
// the terms outside its pay limits, its approvers (every department head when it names none, never the
// author) and how many approvals the offer needs.
func (s *Server) offerTerms(c *gin.Context, o *models.Opening, req offerRequest) (workflows.OfferTermsArg, bool) {
	var fields []models.FieldError
	start, err := time.Parse(time.DateOnly, req.StartDate)
	if err != nil && req.StartDate != "" {
		fields = append(fields, models.FieldError{Field: "start_date", Message: "must be a date, YYYY-MM-DD"})
	}
	if req.ExpiresDays == 0 {
		req.ExpiresDays = models.DefaultOfferExpiresDays
	}
	d := models.OfferDraft{TemplateID: req.TemplateID, Plan: req.Plan, StartDate: start, ExpiresDays: req.ExpiresDays}
	if err := d.Validate(s.now()); err != nil {
		for _, f := range models.Nested(err, "") {
			if f.Field != "start_date" || len(fields) == 0 {
				fields = append(fields, f)
			}
		}
	}
	if req.TemplateID != nil {
		if t, err := s.db.PayPlanByID(c, *req.TemplateID); err != nil || t.Archived || t.Role != o.Role {
			fields = append(fields, models.FieldError{Field: "template_id", Message: "must be a pay plan template for this opening's role, not archived"})
		}
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return workflows.OfferTermsArg{}, false
	}
	approvers := slices.Clone(o.OfferApproverIDs)
	if len(approvers) == 0 {
		heads, err := s.db.ActiveUsersWithRole(c, models.RoleDepartmentHead)
		if err != nil {
			s.fail(c, err)
			return workflows.OfferTermsArg{}, false
		}
		for _, h := range heads {
			approvers = append(approvers, h.ID)
		}
	}
	me := currentUser(c).ID
	approvers = slices.DeleteFunc(approvers, func(id int64) bool { return id == me })
	breaches := o.PayLimits.Breaches(req.Plan)
	if breaches == nil {
		breaches = []models.FieldError{}
	}
	needed := models.ApprovalsFor(o.OfferTerms, breaches)
	if len(approvers) < needed {
		// Too few approvers besides the author (or for the extra approval pay outside the limits needs): the
		// admins join them; the number needed never drops.
		admins, err := s.db.ActiveUsersWithRole(c, models.RoleAdmin)
		if err != nil {
			s.fail(c, err)
			return workflows.OfferTermsArg{}, false
		}
		for _, a := range admins {
			if a.ID != me && !slices.Contains(approvers, a.ID) {
				approvers = append(approvers, a.ID)
			}
		}
	}
	if len(approvers) < needed {
		s.fail(c, models.Errorf(models.ECONFLICT, "This offer needs %d approvals but only %d people besides you may approve it; name more approvers in the opening's settings.",
			needed, len(approvers)))
		return workflows.OfferTermsArg{}, false
	}
	return workflows.OfferTermsArg{TemplateID: req.TemplateID, Plan: req.Plan, StartDate: start, ExpiresDays: req.ExpiresDays, Breaches: breaches,
		ApproverIDs: approvers, Needed: needed}, true
}

// applicationUpdate sends an update to an application's workflow and returns the workflow's state after it.
func (s *Server) applicationUpdate(c *gin.Context, applicationID int64, o *models.Opening, name string, arg any) (*workflows.ApplicationState, error) {
	ctx, cancel := context.WithTimeout(c, updateTimeout)
	defer cancel()
	var st workflows.ApplicationState
	err := s.start.UpdateApplication(ctx, s.applicationInput(applicationID, o), name, updateID(c), arg, &st)
	return &st, err
}

func (s *Server) createOffer(c *gin.Context) {
	app, o, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	var req offerRequest
	if !s.bind(c, &req) {
		return
	}
	if app.Stage != models.StageSecondInterview && app.Stage != models.StageOffer {
		s.fail(c, models.Errorf(models.ECONFLICT, "An offer follows the second or group interview; this application is at %s.", app.Stage.Words()))
		return
	}
	if app.Stage == models.StageSecondInterview {
		if err := s.checkSlate(c, o, models.Move{From: app.Stage, To: models.StageOffer, Reason: "offer"}); err != nil {
			s.fail(c, err)
			return
		}
	}
	terms, ok := s.offerTerms(c, o, req)
	if !ok {
		return
	}
	st, err := s.applicationUpdate(c, app.ID, o, workflows.UpdateProposeOffer, workflows.ProposeOfferRequest{ActorID: currentUser(c).ID, Terms: terms})
	if err != nil {
		s.fail(c, err)
		return
	}
	s.writeOffer(c, http.StatusCreated, st.Offer.OfferID)
}

func (s *Server) writeOffer(c *gin.Context, status int, id int64) {
	off, err := s.db.OfferByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(status, s.toOfferJSON(c, off))
}

// loadOffer reads the offer in the path: hiring managers of its opening may read and manage it; its approvers
// may read it (and decide, which the workflow checks).
func (s *Server) loadOffer(c *gin.Context, manage bool) (*models.Offer, *models.Opening, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, nil, false
	}
	off, err := s.db.OfferByID(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	o, err := s.db.Opening(c, off.OpeningID)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	if !manage && slices.Contains(off.ApproverIDs, currentUser(c).ID) {
		return off, o, true
	}
	return off, o, s.allow(c, models.ActPipelineManage, o)
}

func (s *Server) getOffer(c *gin.Context) {
	if off, _, ok := s.loadOffer(c, false); ok {
		c.JSON(http.StatusOK, s.toOfferJSON(c, off))
	}
}

func (s *Server) reviseOffer(c *gin.Context) {
	off, o, ok := s.loadOffer(c, true)
	if !ok {
		return
	}
	var req offerRequest
	if !s.bind(c, &req) {
		return
	}
	terms, ok := s.offerTerms(c, o, req)
	if !ok {
		return
	}
	if _, err := s.applicationUpdate(c, off.ApplicationID, o, workflows.UpdateReviseOffer,
		workflows.ReviseOfferRequest{ActorID: currentUser(c).ID, Terms: terms}); err != nil {
		s.fail(c, err)
		return
	}
	s.writeOffer(c, http.StatusOK, off.ID)
}

type offerDecisionRequest struct {
	Decision string `json:"decision" validate:"required,oneof=approve reject"`
	Comment  string `json:"comment" validate:"max=2000"`
	// Version is the version the approver read; a decision on terms changed since is refused.
	Version int `json:"version"`
}

func (s *Server) decideOffer(c *gin.Context) {
	off, o, ok := s.loadOffer(c, false)
	if !ok {
		return
	}
	var req offerDecisionRequest
	if !s.bind(c, &req) {
		return
	}
	me := currentUser(c).ID
	// The read model answers at once; the workflow's validator is the authority.
	if err := models.CheckOfferDecision(off.Status, off.Version, req.Version, off.ApproverIDs, off.CreatedBy, me, off.Approvals, req.Decision,
		req.Comment); err != nil {
		s.fail(c, err)
		return
	}
	if _, err := s.applicationUpdate(c, off.ApplicationID, o, workflows.UpdateDecideOffer, workflows.DecideOfferRequest{ActorID: me,
		Version: off.Version, Decision: req.Decision, Comment: strings.TrimSpace(req.Comment)}); err != nil {
		s.fail(c, err)
		return
	}
	s.writeOffer(c, http.StatusOK, off.ID)
}

type withdrawOfferRequest struct {
	Reason string `json:"reason" validate:"required,max=2000"`
}

func (s *Server) withdrawOffer(c *gin.Context) {
	off, o, ok := s.loadOffer(c, true)
	if !ok {
		return
	}
	var req withdrawOfferRequest
	if !s.bind(c, &req) {
		return
	}
	if _, err := s.applicationUpdate(c, off.ApplicationID, o, workflows.UpdateWithdrawOffer,
		workflows.WithdrawOfferRequest{ActorID: currentUser(c).ID, Reason: strings.TrimSpace(req.Reason)}); err != nil {
		s.fail(c, err)
		return
	}
	s.writeOffer(c, http.StatusOK, off.ID)
}

// listOffers answers with the offers waiting for the caller's decision (?awaiting=me), or the offers the
// caller may see: every offer for hiring managers, those they approve for others.
func (s *Server) listOffers(c *gin.Context) {
	me := currentUser(c)
	p, ok := s.page(c)
	if !ok {
		return
	}
	// Who may see which offer is part of the query, so that the page is cut from what the caller may see.
	f := store.OfferFilter{Status: models.OfferStatus(c.Query("status"))}
	switch {
	case c.Query("awaiting") == "me":
		f.Status, f.AwaitingID = "", me.ID
	case models.Authorize(me, models.ActPipelineManage, nil) != nil:
		f.ApproverID = me.ID
	case !me.HasAnyRole(models.RoleAdmin, models.RoleDepartmentHead):
		f.RecruiterID = me.ID // another recruiter's offers are theirs
	}
	list, total, err := s.db.OffersPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(list, func(off *models.Offer) offerJSON { return s.toOfferJSON(c, off) }, p, total))
}

func (s *Server) listApplicationOffers(c *gin.Context) {
	app, _, ok := s.loadApplication(c, models.ActPipelineManage)
	if !ok {
		return
	}
	p, ok := s.page(c)
	if !ok {
		return
	}
	list, total, err := s.db.OffersPage(c, store.OfferFilter{ApplicationID: app.ID}, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(list, func(off *models.Offer) offerJSON { return s.toOfferJSON(c, off) }, p, total))
}

func list0[T any]() list[T] { return list[T]{Items: []T{}} }

// publicOfferJSON is an offer as its candidate reads it: the terms, not who approved them.
type publicOfferJSON struct {
	OfferID       int64           `json:"offer_id"`
	Version       int             `json:"version"`
	CandidateName string          `json:"candidate_name"`
	Locale        string          `json:"locale"`
	Title         string          `json:"title"`
	Role          string          `json:"role"`
	StartDate     string          `json:"start_date"`
	Plan          models.PayPlan  `json:"plan"`
	PayTable      models.PayTable `json:"pay_table"`
	ExpiresAt     *time.Time      `json:"expires_at"`
	Status        string          `json:"status"`
	Seat          string          `json:"seat"`
}

type offerAnswerRequest struct {
	Decision string `json:"decision" validate:"required,oneof=accept decline"`
	Reason   string `json:"reason" validate:"max=2000"`
	Version  int    `json:"version" validate:"required"`
}

// offerByToken reads the offer a candidate's link names.
func (s *Server) offerByToken(c *gin.Context) (*models.Offer, *models.Application, *models.Opening, bool) {
	id, exp, err := models.VerifyLinkExpiry(s.cfg.LinkSecret, c.Param("token"), models.LinkOffer, s.now())
	if err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			err = models.Errorf(models.ECONFLICT, "This offer has expired. Reply to the e-mail it came in if you would still like to talk.")
		}
		s.fail(c, err)
		return nil, nil, nil, false
	}
	off, err := s.db.OfferByID(c, id)
	if err != nil {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This offer link is not valid."))
		return nil, nil, nil, false
	}
	app, err := s.db.Application(c, off.ApplicationID)
	if err != nil {
		s.fail(c, err)
		return nil, nil, nil, false
	}
	o, err := s.db.Opening(c, off.OpeningID)
	if err != nil {
		s.fail(c, err)
		return nil, nil, nil, false
	}
	switch off.Status {
	case models.OfferPendingApproval, models.OfferRejected:
		s.fail(c, models.Errorf(models.ECONFLICT, "This offer is being revised; you will receive the new one by e-mail."))
		return nil, nil, nil, false
	case models.OfferWithdrawn:
		s.fail(c, models.Errorf(models.ECONFLICT, "This offer was withdrawn; the hiring team will be in touch."))
		return nil, nil, nil, false
	}
	// A link names the offer and its deadline: one sent before a revision no longer matches.
	if off.ExpiresAt == nil || off.ExpiresAt.Unix() != exp.Unix() {
		s.fail(c, models.Errorf(models.ECONFLICT, "This offer has changed since this link was sent; the new offer is in a later e-mail."))
		return nil, nil, nil, false
	}
	return off, app, o, true
}

func (s *Server) writePublicOffer(c *gin.Context, off *models.Offer, app *models.Application, o *models.Opening) {
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, publicOfferJSON{OfferID: off.ID, Version: off.Version, CandidateName: app.Candidate.Name, Locale: app.Candidate.Locale,
		Title: o.Title, Role: string(o.Role), StartDate: off.StartDate.Format(time.DateOnly), Plan: off.Plan, PayTable: off.Plan.Table(12, nil),
		ExpiresAt: off.ExpiresAt, Status: string(off.Status), Seat: off.Seat})
}

func (s *Server) getPublicOffer(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	if off, app, o, ok := s.offerByToken(c); ok {
		s.writePublicOffer(c, off, app, o)
	}
}

func (s *Server) answerPublicOffer(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	off, app, o, ok := s.offerByToken(c)
	if !ok {
		return
	}
	var req offerAnswerRequest
	if !s.bind(c, &req) {
		return
	}
	err := s.updateWorkflow(c, workflows.ApplicationWorkflowID(app.ID), workflows.UpdateAnswerOffer, updateID(c),
		workflows.AnswerOfferRequest{Version: req.Version, Decision: req.Decision, Reason: strings.TrimSpace(req.Reason)}, nil)
	if err != nil {
		s.fail(c, err)
		return
	}
	if off, err = s.db.OfferByID(c, off.ID); err != nil {
		s.fail(c, err)
		return
	}
	s.writePublicOffer(c, off, app, o)
}

// publicInviteJSON greets a new employee on their invitation page.
type publicInviteJSON struct {
	Name   string `json:"name"`
	Email  string `json:"email"`
	Locale string `json:"locale"`
}

type acceptInviteRequest struct {
	Password string `json:"password" validate:"required,min=10,max=200"`
}

func (s *Server) inviteByToken(c *gin.Context) (*models.User, bool) {
	id, err := models.VerifyLink(s.cfg.LinkSecret, c.Param("token"), models.LinkInvite, s.now())
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	u, err := s.db.UserByID(c, id)
	if err != nil || !u.Active {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This invitation is not valid."))
		return nil, false
	}
	return u, true
}

func (s *Server) getInvite(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	if u, ok := s.inviteByToken(c); ok {
		c.Header("Cache-Control", "no-store")
		c.JSON(http.StatusOK, publicInviteJSON{Name: u.Name, Email: u.Email, Locale: u.Locale})
	}
}

// acceptInvite lets a new employee choose their password, once; then they sign in as anyone does.
func (s *Server) acceptInvite(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	u, ok := s.inviteByToken(c)
	if !ok {
		return
	}
	var req acceptInviteRequest
	if !s.bind(c, &req) {
		return
	}
	hash, err := HashPassword(req.Password)
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := s.db.AcceptInvite(c, u.ID, hash); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "user.invite_accepted", "user", u.ID, fmt.Sprintf("%s chose their password", u.Name), nil, nil)
	c.JSON(http.StatusOK, publicInviteJSON{Name: u.Name, Email: u.Email, Locale: u.Locale})
}

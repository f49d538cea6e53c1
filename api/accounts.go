package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

type accountRequest struct {
	Name     string `json:"name" validate:"max=200"`
	City     string `json:"city" validate:"max=100"`
	Industry string `json:"industry" validate:"max=100"`
}

// accountJSON is a client account; Owner is who logged its first call (null until then).
type accountJSON struct {
	ID         int64                 `json:"id"`
	Name       string                `json:"name"`
	City       string                `json:"city"`
	Industry   string                `json:"industry"`
	Owner      *personJSON           `json:"owner"`
	OwnerSince *time.Time            `json:"owner_since"`
	CreatedAt  time.Time             `json:"created_at"`
	Contacts   []store.ContactRecord `json:"contacts,omitempty"`
	Activities []activityJSON        `json:"activities,omitempty"`
	// Client care.
	Country         string         `json:"country"`
	FoundedOn       *string        `json:"founded_on"`
	GreetingsOptOut bool           `json:"greetings_opt_out"`
	Greetings       []greetingJSON `json:"greetings,omitempty"`
}

type activityJSON struct {
	ID        int64      `json:"id"`
	AccountID int64      `json:"account_id"`
	Account   string     `json:"account"`
	Rep       personJSON `json:"rep"`
	Kind      string     `json:"kind"`
	At        time.Time  `json:"at"`
	Amount    float64    `json:"amount"`
	Currency  string     `json:"currency"`
	Notes     string     `json:"notes"`
}

func (s *Server) toAccountJSON(c *gin.Context, a *models.Account) accountJSON {
	out := accountJSON{ID: a.ID, Name: a.Name, City: a.City, Industry: a.Industry, OwnerSince: a.OwnerSince, CreatedAt: a.CreatedAt,
		Country: a.Country, FoundedOn: dayString(a.FoundedOn), GreetingsOptOut: a.GreetingsOptOut}
	if a.OwnerID != nil {
		out.Owner = &personJSON{ID: *a.OwnerID, Name: s.userName(c, *a.OwnerID)}
	}
	return out
}

func (s *Server) toActivityJSON(c *gin.Context, a models.SalesActivity, names map[int64]string) activityJSON {
	if _, ok := names[a.AccountID]; !ok {
		if acc, err := s.db.AccountByID(c, a.AccountID); err == nil {
			names[a.AccountID] = acc.Name
		}
	}
	return activityJSON{ID: a.ID, AccountID: a.AccountID, Account: names[a.AccountID], Rep: personJSON{ID: a.RepID, Name: s.userName(c, a.RepID)},
		Kind: string(a.Kind), At: a.At, Amount: a.Amount, Currency: a.Currency, Notes: a.Notes}
}

// listAccounts answers with client accounts: ?q= part of the name, ?owner=me|none|{id}.
func (s *Server) listAccounts(c *gin.Context) {
	if !s.allow(c, models.ActAccountRead, nil) {
		return
	}
	f := store.AccountFilter{Query: c.Query("q")}
	p, fields := pageQuery(c, defaultPageLimit, maxPageLimit)
	switch o := c.Query("owner"); o {
	case "":
	case "me":
		f.OwnerID = currentUser(c).ID
	case "none":
		f.Unowned = true
	default:
		id, err := strconv.ParseInt(o, 10, 64)
		if err != nil || id <= 0 {
			fields = append([]models.FieldError{{Field: "owner", Message: "must be me, none or a user's ID"}}, fields...)
		}
		f.OwnerID = id
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	list, total, err := s.db.AccountsPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(list, func(a *models.Account) accountJSON { return s.toAccountJSON(c, a) }, p, total))
}

func (s *Server) createAccount(c *gin.Context) {
	if !s.allow(c, models.ActAccountCreate, nil) {
		return
	}
	var req accountRequest
	if !s.bind(c, &req) {
		return
	}
	d := models.AccountDraft{Name: req.Name, City: req.City, Industry: req.Industry}
	if err := d.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.db.CreateAccount(c, d, currentUser(c).ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "account.created", "account", a.ID, "Client “"+a.Name+"” added", nil, map[string]any{"name": a.Name, "city": a.City})
	c.JSON(http.StatusCreated, s.toAccountJSON(c, a))
}

// ownsOrFree lets a rep into a client's contacts and history when the client is theirs or nobody's yet (their
// first call makes it theirs); sales leaders into every client's. Another rep's client shows in the list, with
// its owner, and no further. It fails the request when not.
func (s *Server) ownsOrFree(c *gin.Context, a *models.Account) bool {
	me := currentUser(c)
	if a.OwnerID == nil || *a.OwnerID == me.ID || isSalesLeader(me) {
		return true
	}
	s.fail(c, models.Errorf(models.EFORBIDDEN, "%s is %s's client.", a.Name, s.userName(c, *a.OwnerID)))
	return false
}

// getAccount answers with an account, its contacts and its latest activity.
func (s *Server) getAccount(c *gin.Context) {
	if !s.allow(c, models.ActAccountRead, nil) {
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	a, err := s.db.AccountByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.ownsOrFree(c, a) {
		return
	}
	out := s.toAccountJSON(c, a)
	if out.Contacts, err = s.db.Contacts(c, a.ID); err != nil {
		s.fail(c, err)
		return
	}
	acts, err := s.db.ListActivities(c, store.ActivityFilter{AccountID: a.ID, Limit: 200})
	if err != nil {
		s.fail(c, err)
		return
	}
	names := map[int64]string{a.ID: a.Name}
	out.Activities = []activityJSON{}
	for _, x := range acts {
		out.Activities = append(out.Activities, s.toActivityJSON(c, x, names))
	}
	greetings, err := s.db.Greetings(c, store.GreetingFilter{AccountID: a.ID, Limit: 100, Newest: true})
	if err != nil {
		s.fail(c, err)
		return
	}
	out.Greetings = []greetingJSON{}
	for _, g := range greetings {
		out.Greetings = append(out.Greetings, s.toGreetingJSON(c, g, names))
	}
	c.JSON(http.StatusOK, out)
}

type contactRequest struct {
	Name  string `json:"name" validate:"required,max=200"`
	Title string `json:"title" validate:"max=200"`
	Email string `json:"email" validate:"omitempty,email,max=254"`
	Phone string `json:"phone" validate:"max=40"`
}

func (s *Server) addContact(c *gin.Context) {
	if !s.allow(c, models.ActAccountCreate, nil) {
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	a, err := s.db.AccountByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.ownsOrFree(c, a) {
		return
	}
	var req contactRequest
	if !s.bind(c, &req) {
		return
	}
	if strings.TrimSpace(req.Name) == "" {
		s.fail(c, models.Invalid(models.FieldError{Field: "name", Message: "is required"}))
		return
	}
	ct := &store.ContactRecord{AccountID: a.ID, Name: strings.TrimSpace(req.Name), Title: strings.TrimSpace(req.Title),
		Email: models.NormalizeEmail(req.Email), Phone: strings.TrimSpace(req.Phone)}
	if err := s.db.AddContact(c, ct); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, ct)
}

type activityRequest struct {
	AccountID int64      `json:"account_id" validate:"required"`
	Kind      string     `json:"kind" validate:"required,max=20"`
	At        *time.Time `json:"at"`
	Amount    float64    `json:"amount"`
	Currency  string     `json:"currency" validate:"max=3"`
	Notes     string     `json:"notes" validate:"max=2000"`
}

// logActivity records a rep's call, meeting or deal. The first call with a client nobody owns makes the rep
// its owner; work on another rep's client is refused (403), whoever asks.
func (s *Server) logActivity(c *gin.Context) {
	if !s.allow(c, models.ActActivityLog, nil) {
		return
	}
	var req activityRequest
	if !s.bind(c, &req) {
		return
	}
	at := s.now()
	if req.At != nil {
		at = *req.At
	}
	a := models.SalesActivity{AccountID: req.AccountID, RepID: currentUser(c).ID, Kind: models.ActivityKind(req.Kind), At: at, Amount: req.Amount,
		Currency: req.Currency, Notes: strings.TrimSpace(req.Notes)}
	if err := a.Validate(s.now()); err != nil {
		s.fail(c, err)
		return
	}
	acc, err := s.db.AccountByID(c, a.AccountID)
	if err != nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "account_id", Message: "is not a client account"}))
		return
	}
	claimed := acc.OwnerID == nil
	if _, err := s.db.LogActivity(c, &a); err != nil {
		s.fail(c, err)
		return
	}
	if claimed && a.Kind == models.ActivityCall {
		s.audit(c, "account.owner_claimed", "account", acc.ID, "First call: "+currentUser(c).Name+" owns “"+acc.Name+"”", nil,
			map[string]any{"owner_id": a.RepID})
	}
	c.JSON(http.StatusCreated, s.toActivityJSON(c, a, map[int64]string{acc.ID: acc.Name}))
}

// listActivities answers with logged work: a rep sees their own; sales leaders anyone's (?rep={id}); ?from=
// and ?to= (RFC 3339 or YYYY-MM-DD) bound it.
func (s *Server) listActivities(c *gin.Context) {
	me := currentUser(c)
	if !s.allow(c, models.ActAccountRead, nil) {
		return
	}
	f := store.ActivityFilter{RepID: me.ID}
	p, ok := s.page(c)
	if !ok {
		return
	}
	if r := c.Query("rep"); r != "" && r != "me" {
		id, err := strconv.ParseInt(r, 10, 64)
		if err != nil || id <= 0 {
			s.fail(c, models.Invalid(models.FieldError{Field: "rep", Message: "must be me or a user's ID"}))
			return
		}
		if id != me.ID && !me.HasAnyRole(models.RoleAdmin, models.RoleDepartmentHead, models.RoleSalesManager) {
			s.fail(c, models.Errorf(models.EFORBIDDEN, "You may see only your own activity."))
			return
		}
		if id != me.ID && !s.leads(c, id) {
			return
		}
		f.RepID = id
	}
	for name, dst := range map[string]*time.Time{"from": &f.From, "to": &f.To} {
		if v := c.Query(name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				t, err = time.Parse(time.DateOnly, v)
			}
			if err != nil {
				s.fail(c, models.Invalid(models.FieldError{Field: name, Message: "must be RFC 3339 or YYYY-MM-DD"}))
				return
			}
			*dst = t
		}
	}
	list, total, err := s.db.ActivitiesPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	names := map[int64]string{}
	c.JSON(http.StatusOK, pageOf(list, func(a models.SalesActivity) activityJSON { return s.toActivityJSON(c, a, names) }, p, total))
}

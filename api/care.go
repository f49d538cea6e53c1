package api

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/activities"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// Client care (seed step 6): the occasions calendar, each client's dates and opt-out, the greetings (a call for
// the owner, e-cards to the contacts) and the contacts' unsubscribe link.

// parseDay reads an optional YYYY-MM-DD; "" is nil.
func parseDay(field, v string) (*time.Time, *models.FieldError) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	d, err := time.Parse(time.DateOnly, v)
	if err != nil || d.Year() < 1900 || d.Year() > 2200 {
		return nil, &models.FieldError{Field: field, Message: "must be a date, YYYY-MM-DD"}
	}
	return &d, nil
}

// queryDays reads the optional YYYY-MM-DD query parameters named in dst into it, leaving absent ones as they
// are, and returns the malformed ones, by name.
func queryDays(c *gin.Context, dst map[string]*time.Time) []models.FieldError {
	var fields []models.FieldError
	for name, d := range dst {
		if v, err := parseDay(name, c.Query(name)); err != nil {
			fields = append(fields, *err)
		} else if v != nil {
			*d = *v
		}
	}
	models.SortFields(fields)
	return fields
}

func dayString(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}

// mayCare says whether the caller looks after a client's care: its owner or a sales leader.
func (s *Server) mayCare(c *gin.Context, a *models.Account) bool {
	me := currentUser(c)
	if (a.OwnerID != nil && *a.OwnerID == me.ID) || me.HasAnyRole(models.RoleSalesManager, models.RoleDepartmentHead, models.RoleAdmin) {
		return true
	}
	s.fail(c, models.Errorf(models.EFORBIDDEN, "Only the client's owner and the sales leaders change its greetings."))
	return false
}

type accountCareRequest struct {
	Country         string `json:"country" validate:"max=8"`
	FoundedOn       string `json:"founded_on" validate:"max=10"`
	GreetingsOptOut bool   `json:"greetings_opt_out"`
}

// setAccountCare saves a client's country (whose holidays it is greeted on), founding day and opt-out.
func (s *Server) setAccountCare(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	a, err := s.db.AccountByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.mayCare(c, a) {
		return
	}
	var req accountCareRequest
	if !s.bind(c, &req) {
		return
	}
	var fields []models.FieldError
	country := strings.ToUpper(strings.TrimSpace(req.Country))
	if !slices.Contains(models.HolidayCountries, country) || country == "INTL" {
		fields = append(fields, models.FieldError{Field: "country", Message: "must be AL (Albania) or XK (Kosovo)"})
	}
	founded, ferr := parseDay("founded_on", req.FoundedOn)
	if ferr != nil {
		fields = append(fields, *ferr)
	} else if founded != nil && founded.After(time.Now()) {
		fields = append(fields, models.FieldError{Field: "founded_on", Message: "cannot be in the future"})
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	if err := s.db.SetAccountCare(c, a.ID, country, founded, req.GreetingsOptOut); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "account.care_changed", "account", a.ID, "Greetings settings of “"+a.Name+"” changed",
		map[string]any{"country": a.Country, "founded_on": dayString(a.FoundedOn), "greetings_opt_out": a.GreetingsOptOut},
		map[string]any{"country": country, "founded_on": dayString(founded), "greetings_opt_out": req.GreetingsOptOut})
	s.getAccount(c)
}

type contactUpdateRequest struct {
	Name     string `json:"name" validate:"required,max=200"`
	Title    string `json:"title" validate:"max=200"`
	Email    string `json:"email" validate:"omitempty,email,max=254"`
	Phone    string `json:"phone" validate:"max=40"`
	Locale   string `json:"locale" validate:"omitempty,oneof=sq en"`
	Birthday string `json:"birthday" validate:"max=10"`
	NameDay  string `json:"name_day" validate:"max=10"`
}

// updateContact saves a contact's details: their language for greetings, birthday and name day.
func (s *Server) updateContact(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	ct, err := s.db.ContactByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.db.AccountByID(c, ct.AccountID)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.mayCare(c, a) {
		return
	}
	var req contactUpdateRequest
	if !s.bind(c, &req) {
		return
	}
	var fields []models.FieldError
	if strings.TrimSpace(req.Name) == "" {
		fields = append(fields, models.FieldError{Field: "name", Message: "is required"})
	}
	birthday, berr := parseDay("birthday", req.Birthday)
	if berr != nil {
		fields = append(fields, *berr)
	} else if birthday != nil && birthday.After(time.Now()) {
		fields = append(fields, models.FieldError{Field: "birthday", Message: "cannot be in the future"})
	}
	nameDay, nerr := parseDay("name_day", req.NameDay)
	if nerr != nil {
		fields = append(fields, *nerr)
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	if req.Locale == "" {
		req.Locale = ct.Locale
	}
	next := &store.ContactRecord{ID: ct.ID, Name: strings.TrimSpace(req.Name), Title: strings.TrimSpace(req.Title), Email: models.NormalizeEmail(req.Email),
		Phone: strings.TrimSpace(req.Phone), Locale: req.Locale, Birthday: birthday, NameDay: nameDay}
	if err := s.db.UpdateContact(c, next); err != nil {
		s.fail(c, err)
		return
	}
	ct, err = s.db.ContactByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, ct)
}

// occasionJSON is an occasion in the calendar.
type occasionJSON struct {
	models.Occasion
	Date string `json:"date"`
	// ID is a company occasion's, for deleting it.
	ID *int64 `json:"id,omitempty"`
}

// listOccasions is the calendar: the public holidays of a country (AL by default) and the international set,
// with the company's occasions, between from and to (this year by default; 400 days at most).
func (s *Server) listOccasions(c *gin.Context) {
	if !s.allow(c, models.ActAccountRead, nil) {
		return
	}
	now := s.now().UTC()
	from, to := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(now.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	fields := queryDays(c, map[string]*time.Time{"from": &from, "to": &to})
	country := strings.ToUpper(c.DefaultQuery("country", "AL"))
	if !slices.Contains(models.HolidayCountries, country) {
		fields = append(fields, models.FieldError{Field: "country", Message: "must be AL, XK or INTL"})
	}
	if len(fields) == 0 && (to.Before(from) || to.Sub(from) > 400*24*time.Hour) {
		fields = append(fields, models.FieldError{Field: "to", Message: "must be after from, at most 400 days on"})
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	company, err := s.db.CompanyOccasions(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := []occasionJSON{}
	for y := from.Year(); y <= to.Year(); y++ {
		all := models.Holidays(country, y)
		if country != "INTL" {
			all = append(all, models.Holidays("INTL", y)...)
		}
		seen := map[string]bool{} // one per day and theme, as greeted: New Year in both calendars is one
		for _, o := range all {
			k := o.Date.Format(time.DateOnly) + o.Theme
			if !seen[k] && !o.Date.Before(from) && !o.Date.After(to) {
				seen[k] = true
				out = append(out, occasionJSON{Occasion: o, Date: o.Date.Format(time.DateOnly)})
			}
		}
		for _, co := range company {
			if o, ok := co.On(y); ok && !o.Date.Before(from) && !o.Date.After(to) {
				id := co.ID
				out = append(out, occasionJSON{Occasion: o, Date: o.Date.Format(time.DateOnly), ID: &id})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b occasionJSON) int { return strings.Compare(a.Date, b.Date) })
	c.JSON(http.StatusOK, list[occasionJSON]{Items: out})
}

type occasionRequest struct {
	Name   string `json:"name" validate:"required,max=120"`
	NameSq string `json:"name_sq" validate:"required,max=120"`
	Date   string `json:"date" validate:"required,max=10"`
	// Yearly repeats it every year on the day; otherwise it is once.
	Yearly bool   `json:"yearly"`
	Theme  string `json:"theme" validate:"omitempty,oneof=new_year christmas easter bajram national spring women anniversary general"`
}

// addOccasion adds a company-wide occasion (admins).
func (s *Server) addOccasion(c *gin.Context) {
	if !currentUser(c).HasRole(models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Admins add company occasions."))
		return
	}
	var req occasionRequest
	if !s.bind(c, &req) {
		return
	}
	d, ferr := parseDay("date", req.Date)
	if ferr != nil || d == nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "date", Message: "must be a date, YYYY-MM-DD"}))
		return
	}
	if req.Theme == "" {
		req.Theme = "general"
	}
	o := &store.CompanyOccasion{Name: strings.TrimSpace(req.Name), NameSq: strings.TrimSpace(req.NameSq), Month: int(d.Month()), Day: d.Day(),
		Theme: req.Theme, CreatedBy: currentUser(c).ID}
	if !req.Yearly {
		y := d.Year()
		o.Year = &y
	}
	if err := s.db.AddCompanyOccasion(c, o); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "occasion.added", "occasion", o.ID, "Company occasion “"+o.Name+"” added", nil, map[string]any{"name": o.Name, "month": o.Month, "day": o.Day, "year": o.Year})
	c.JSON(http.StatusCreated, o)
}

// deleteOccasion removes a company occasion (admins); greetings already planned for it stay.
func (s *Server) deleteOccasion(c *gin.Context) {
	if !currentUser(c).HasRole(models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Admins remove company occasions."))
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	if err := s.db.DeleteCompanyOccasion(c, id); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "occasion.removed", "occasion", id, "Company occasion removed", nil, nil)
	c.Status(http.StatusNoContent)
}

// greetingJSON is a greeting with its client's name, its cards and whether its call is late.
type greetingJSON struct {
	store.Greeting
	Day     string               `json:"day"`
	Account string               `json:"account"`
	Owner   personJSON           `json:"owner"`
	Cards   []store.GreetingCard `json:"cards,omitempty"`
	Overdue bool                 `json:"overdue"`
}

func (s *Server) toGreetingJSON(c *gin.Context, g store.Greeting, names map[int64]string) greetingJSON {
	if _, ok := names[g.AccountID]; !ok {
		if a, err := s.db.AccountByID(c, g.AccountID); err == nil {
			names[g.AccountID] = a.Name
		}
	}
	today := s.now().UTC().Truncate(24 * time.Hour)
	return greetingJSON{Greeting: g, Day: g.Day.Format(time.DateOnly), Account: names[g.AccountID], Owner: personJSON{ID: g.OwnerID, Name: s.userName(c, g.OwnerID)},
		Overdue: g.CallDoneAt == nil && g.Day.Before(today)}
}

// listGreetings lists greetings by day: ?owner=me (default for reps) or a rep's ID (sales leaders), ?account=,
// ?from=&to= (YYYY-MM-DD), ?open=true for calls not yet made.
func (s *Server) listGreetings(c *gin.Context) {
	if !s.allow(c, models.ActAccountRead, nil) {
		return
	}
	me := currentUser(c)
	leader := me.HasAnyRole(models.RoleSalesManager, models.RoleDepartmentHead, models.RoleAdmin)
	f := store.GreetingFilter{Open: c.Query("open") == "true"}
	switch owner := c.Query("owner"); {
	case owner == "me" || (owner == "" && !leader):
		f.OwnerID = me.ID
	case owner != "":
		id, err := strconv.ParseInt(owner, 10, 64)
		if err != nil || id <= 0 {
			s.fail(c, models.Invalid(models.FieldError{Field: "owner", Message: "must be me or a user ID"}))
			return
		}
		if id != me.ID && !leader {
			s.fail(c, models.Errorf(models.EFORBIDDEN, "Only sales leaders see other reps' greetings."))
			return
		}
		if id != me.ID && !s.leads(c, id) {
			return
		}
		f.OwnerID = id
	}
	if v := c.Query("account"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			s.fail(c, models.Invalid(models.FieldError{Field: "account", Message: "must be an account ID"}))
			return
		}
		f.AccountID = id
	}
	p, pageFields := pageQuery(c, defaultPageLimit, maxPageLimit)
	if fields := append(queryDays(c, map[string]*time.Time{"from": &f.From, "to": &f.To}), pageFields...); len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	// A rep's filter is always their own (other owners are refused above), so the page needs no sifting.
	gs, total, err := s.db.GreetingsPage(c, f, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	names := map[int64]string{}
	c.JSON(http.StatusOK, pageOf(gs, func(g store.Greeting) greetingJSON { return s.toGreetingJSON(c, g, names) }, p, total))
}

// loadGreeting reads the greeting in the path for its owner or a sales leader.
func (s *Server) loadGreeting(c *gin.Context) (*store.Greeting, bool) {
	id, ok := s.pathID(c)
	if !ok {
		return nil, false
	}
	g, err := s.db.GreetingByID(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	me := currentUser(c)
	if g.OwnerID != me.ID && !me.HasAnyRole(models.RoleSalesManager, models.RoleDepartmentHead, models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only the client's owner and the sales leaders see its greetings."))
		return nil, false
	}
	return g, true
}

// loadOwnGreeting is loadGreeting for what only the client's owner does; refused says why to the others.
func (s *Server) loadOwnGreeting(c *gin.Context, refused string) (*store.Greeting, bool) {
	g, ok := s.loadGreeting(c)
	if ok && g.OwnerID != currentUser(c).ID {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "%s", refused))
		return nil, false
	}
	return g, ok
}

func (s *Server) writeGreeting(c *gin.Context, g *store.Greeting) {
	out := s.toGreetingJSON(c, *g, map[int64]string{})
	var err error
	if out.Cards, err = s.db.GreetingCards(c, g.ID); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) getGreeting(c *gin.Context) {
	if g, ok := s.loadGreeting(c); ok {
		s.writeGreeting(c, g)
	}
}

// previewGreeting renders the greeting's e-card as the contact will see it (?locale=sq|en, ?design=).
func (s *Server) previewGreeting(c *gin.Context) {
	g, ok := s.loadGreeting(c)
	if !ok {
		return
	}
	locale := c.DefaultQuery("locale", "sq")
	design := c.DefaultQuery("design", g.Design)
	if (locale != "sq" && locale != "en") || !slices.Contains(activities.CardDesigns, design) {
		s.fail(c, models.Invalid(models.FieldError{Field: "locale", Message: "locale must be sq or en, design one of " + strings.Join(activities.CardDesigns, ", ")}))
		return
	}
	name, contact := g.OccasionName, "Client"
	if locale == "sq" {
		name, contact = g.OccasionNameSq, "Klient"
	}
	if cards, err := s.db.GreetingCards(c, g.ID); err == nil {
		for _, card := range cards {
			if ct, err := s.db.ContactByID(c, card.ContactID); err == nil && card.Locale == locale {
				contact = ct.Name
				break
			}
		}
	}
	_, _, html, err := activities.Card{Locale: locale, Theme: g.Theme, Design: design, OccasionName: name, ContactName: contact, PersonalLine: g.PersonalLine,
		SenderName: s.userName(c, g.OwnerID), Company: s.cfg.CompanyName, UnsubscribeURL: "#"}.Render()
	if err != nil {
		s.fail(c, err)
		return
	}
	// Shown in an iframe of our own pages: framing by this origin only (the app's default is DENY).
	c.Header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
	c.Header("X-Frame-Options", "SAMEORIGIN")
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte(html))
}

type greetingEditRequest struct {
	Design       string `json:"design" validate:"required,max=20"`
	PersonalLine string `json:"personal_line" validate:"max=300"`
}

// editGreeting sets the card's design and the owner's personal line until the cards have gone (the owner).
func (s *Server) editGreeting(c *gin.Context) {
	g, ok := s.loadOwnGreeting(c, "Only the client's owner writes its greeting.")
	if !ok {
		return
	}
	var req greetingEditRequest
	if !s.bind(c, &req) {
		return
	}
	if !slices.Contains(activities.CardDesigns, req.Design) {
		s.fail(c, models.Invalid(models.FieldError{Field: "design", Message: "must be one of " + strings.Join(activities.CardDesigns, ", ")}))
		return
	}
	g, err := s.db.EditGreeting(c, g.ID, req.Design, strings.TrimSpace(req.PersonalLine))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.writeGreeting(c, g)
}

type greetingCallRequest struct {
	Note string `json:"note" validate:"max=1000"`
}

// completeGreetingCall records the owner's greeting call, once, from the day before the occasion on.
func (s *Server) completeGreetingCall(c *gin.Context) {
	g, ok := s.loadOwnGreeting(c, "Only the client's owner makes its greeting call.")
	if !ok {
		return
	}
	var req greetingCallRequest
	if !s.bind(c, &req) {
		return
	}
	if s.now().UTC().Before(g.Day.AddDate(0, 0, -1)) {
		s.fail(c, models.Errorf(models.ECONFLICT, "The greeting call is due on %s; make it then.", g.Day.Format("2 January")))
		return
	}
	g, err := s.db.CompleteGreetingCall(c, g.ID, strings.TrimSpace(req.Note))
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "greeting.called", "greeting", g.ID, fmt.Sprintf("Greeting call for %s made", g.OccasionName), nil, map[string]any{"note": g.CallNote})
	s.writeGreeting(c, g)
}

// contactByUnsubscribeToken reads the contact a signed unsubscribe link names.
func (s *Server) contactByUnsubscribeToken(c *gin.Context) (*store.ContactRecord, *models.Account, bool) {
	id, err := models.VerifyLink(s.cfg.LinkSecret, c.Param("token"), models.LinkUnsubscribe, s.now())
	if err != nil {
		if models.ErrorCode(err) == models.ECONFLICT {
			err = models.Errorf(models.ECONFLICT, "This unsubscribe link has expired; reply to the card and we will stop.")
		}
		s.fail(c, err)
		return nil, nil, false
	}
	ct, err := s.db.ContactByID(c, id)
	if err != nil {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This unsubscribe link is not valid."))
		return nil, nil, false
	}
	a, err := s.db.AccountByID(c, ct.AccountID)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	return ct, a, true
}

type unsubscribeJSON struct {
	Name         string `json:"name"`
	Company      string `json:"company"`
	Locale       string `json:"locale"`
	Unsubscribed bool   `json:"unsubscribed"`
}

func (s *Server) getUnsubscribe(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	if ct, _, ok := s.contactByUnsubscribeToken(c); ok {
		c.JSON(http.StatusOK, unsubscribeJSON{Name: ct.Name, Company: s.cfg.CompanyName, Locale: ct.Locale, Unsubscribed: ct.UnsubscribedAt != nil})
	}
}

// unsubscribe stops greeting cards to the contact (the page's button, or a mail client's one-click POST).
func (s *Server) unsubscribe(c *gin.Context) {
	if !s.throttlePublic(c) {
		return
	}
	ct, a, ok := s.contactByUnsubscribeToken(c)
	if !ok {
		return
	}
	ct, err := s.db.Unsubscribe(c, ct.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "contact.unsubscribed", "account", a.ID, ct.Name+" unsubscribed from greeting cards", nil, map[string]any{"contact_id": ct.ID})
	c.JSON(http.StatusOK, unsubscribeJSON{Name: ct.Name, Company: s.cfg.CompanyName, Locale: ct.Locale, Unsubscribed: true})
}

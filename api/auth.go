package api

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

const (
	sessionCookie = "bullpen_session"
	csrfHeader    = "X-CSRF-Token"
	ctxSession    = "bullpen.session"
	ctxToken      = "bullpen.token"
	ctxNames      = "bullpen.names"
	// bcryptCost is OWASP's recommendation for bcrypt as of this writing.
	bcryptCost = 12
)

// HashPassword hashes a password with bcrypt for storage.
func HashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcryptCost)
	return string(h), err
}

// dummyHash is compared against when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong
// password and sign-in does not reveal which e-mails have accounts.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("not a real password"), bcryptCost)

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(t string) string {
	h := sha256.Sum256([]byte(t))
	return hex.EncodeToString(h[:])
}

// tokenRoutes are what an integration token may do: read clients, add one, log and read activity.
var tokenRoutes = map[string]bool{
	"GET /api/v1/me": true, "GET /api/v1/accounts": true, "GET /api/v1/accounts/:id": true, "POST /api/v1/accounts": true,
	"POST /api/v1/activities": true, "GET /api/v1/activities": true,
}

// tokenPrefix starts every integration token, so one pasted in the wrong place is recognisable.
const tokenPrefix = "bpt_"

// authenticate loads the session named by the cookie, or the integration token in the Authorization header,
// if any, for the handlers after it. A token opens only tokenRoutes.
func (s *Server) authenticate() gin.HandlerFunc {
	return func(c *gin.Context) {
		if bearer, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer "); ok {
			if !strings.HasPrefix(bearer, tokenPrefix) || len(bearer) > 200 {
				s.fail(c, models.Errorf(models.EUNAUTHORIZED, "This is not a Bullpen integration token."))
				return
			}
			sess, err := s.db.SessionByToken(c, hashToken(bearer))
			switch {
			case models.ErrorCode(err) == models.ENOTFOUND:
				s.fail(c, models.Errorf(models.EUNAUTHORIZED, "This integration token is not valid (revoked, or its user is inactive)."))
				return
			case err != nil:
				s.fail(c, err)
				return
			case !tokenRoutes[c.Request.Method+" "+c.FullPath()]:
				s.fail(c, models.Errorf(models.EFORBIDDEN, "An integration token may only read clients and log activity."))
				return
			}
			c.Set(ctxSession, sess)
			c.Next()
			return
		}
		tok, err := c.Cookie(sessionCookie)
		if err == nil && tok != "" && len(tok) < 200 {
			sess, err := s.db.SessionByHash(c, hashToken(tok), s.now())
			switch models.ErrorCode(err) {
			case "":
				c.Set(ctxSession, sess)
				c.Set(ctxToken, tok)
			case models.ENOTFOUND:
			default:
				s.fail(c, err)
				return
			}
		}
		c.Next()
	}
}

// session returns the request's session, or nil.
func session(c *gin.Context) *store.Session {
	v, ok := c.Get(ctxSession)
	if !ok {
		return nil
	}
	return v.(*store.Session)
}

// currentUser returns the signed-in user, or nil.
func currentUser(c *gin.Context) *models.User {
	if s := session(c); s != nil {
		return s.User
	}
	return nil
}

// requireUser refuses requests without a live session.
func requireUser() gin.HandlerFunc {
	return func(c *gin.Context) {
		if session(c) == nil {
			c.Header("Content-Type", "application/problem+json")
			c.AbortWithStatusJSON(http.StatusUnauthorized, Problem{Type: problemTypeURI(models.EUNAUTHORIZED),
				Title: "Not signed in", Status: http.StatusUnauthorized, Detail: "Sign in first."})
			return
		}
		c.Next()
	}
}

// requireCSRF refuses cookie-authenticated writes that do not carry the session's CSRF token.
func (s *Server) requireCSRF() gin.HandlerFunc {
	return func(c *gin.Context) {
		switch c.Request.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			c.Next()
			return
		}
		sess := session(c)
		if sess != nil && sess.TokenID != 0 {
			c.Next() // a bearer token is never sent by a browser on its own: no cross-site request to fear
			return
		}
		got := c.GetHeader(csrfHeader)
		if sess == nil || got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(sess.CSRFToken)) != 1 {
			s.fail(c, models.Errorf(models.EFORBIDDEN, "Missing or wrong %s header; take the token from GET /api/v1/me.", csrfHeader))
			return
		}
		c.Next()
	}
}

func (s *Server) secure(c *gin.Context) bool {
	switch s.cfg.CookieSecure {
	case "always":
		return true
	case "never":
		return false
	}
	return c.Request.TLS != nil || strings.EqualFold(c.GetHeader("X-Forwarded-Proto"), "https")
}

func (s *Server) setSessionCookie(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure(c), SameSite: http.SameSiteLaxMode})
}

type loginRequest struct {
	Email    string `json:"email" validate:"required,email,max=254"`
	Password string `json:"password" validate:"required,max=200"`
}

type sessionResponse struct {
	User      userJSON `json:"user"`
	CSRFToken string   `json:"csrf_token"`
}

// login signs a user in, throttling an e-mail after repeated failures.
func (s *Server) login(c *gin.Context) {
	now := s.now()
	if ok, wait := s.loginIP.allow(c.ClientIP(), now); !ok {
		secs := max(int(math.Ceil(wait.Seconds())), 1)
		e := models.Errorf(models.ETHROTTLED, "Too many sign-in attempts from your address; try again in %d seconds.", secs)
		e.RetryAfterSeconds = secs
		s.fail(c, e)
		return
	}
	var req loginRequest
	if !s.bind(c, &req) {
		return
	}
	// A locked e-mail is refused before anything is written. Otherwise the attempt is counted before the
	// password is checked, so that guesses sent in parallel count too; a successful sign-in clears the count.
	if s.throttled(c, req.Email, now, false) {
		return
	}
	if err := s.db.RecordLoginFailure(c, req.Email, now); err != nil {
		s.fail(c, err)
		return
	}
	if s.throttled(c, req.Email, now, true) {
		return
	}
	u, hash, err := s.db.UserCredentials(c, req.Email)
	if err != nil && models.ErrorCode(err) != models.ENOTFOUND {
		s.fail(c, err)
		return
	}
	// Every refusal costs one bcrypt comparison, so that timing tells nothing about which accounts exist.
	if u == nil {
		hash = string(dummyHash)
	}
	if !s.checkPassword(c, hash, req.Password) || u == nil || !u.Active {
		s.fail(c, models.Errorf(models.EUNAUTHORIZED, "Wrong e-mail or password."))
		return
	}
	tok, csrf := randomToken(), randomToken()
	if err := s.db.CreateSession(c, hashToken(tok), u.ID, csrf, now.Add(s.cfg.SessionTTL)); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.db.ClearLoginFailures(c, req.Email); err != nil {
		s.log.WarnContext(c, "clear login failures", "error", err)
	}
	if err := s.db.DeleteExpiredSessions(c, now, now.Add(-s.cfg.LoginWindow)); err != nil {
		s.log.WarnContext(c, "delete expired sessions", "error", err)
	}
	s.setSessionCookie(c, tok, int(s.cfg.SessionTTL.Seconds()))
	s.log.InfoContext(c, "signed in", "user_id", u.ID)
	c.JSON(http.StatusOK, sessionResponse{User: toUserJSON(u), CSRFToken: csrf})
}

// checkPassword compares a password with its hash, at most len(s.bcrypt) at a time.
func (s *Server) checkPassword(c *gin.Context, hash, password string) bool {
	select {
	case s.bcrypt <- struct{}{}:
	case <-c.Done():
		return false
	}
	defer func() { <-s.bcrypt }()
	if strings.HasPrefix(hash, models.NoPassword) {
		// No password chosen yet: take as long as a wrong password would, and refuse.
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return false
	}
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

// throttled writes 429 and returns true when the e-mail has too many recent failed sign-ins; counted says
// whether the current attempt is already among them.
func (s *Server) throttled(c *gin.Context, email string, now time.Time, counted bool) bool {
	n, oldest, err := s.db.LoginFailures(c, email, now.Add(-s.cfg.LoginWindow))
	if err != nil {
		s.fail(c, err)
		return true
	}
	limit := s.cfg.LoginMaxFailures
	if counted {
		limit++
	}
	if n < limit {
		return false
	}
	wait := max(int(math.Ceil(oldest.Add(s.cfg.LoginWindow).Sub(now).Seconds())), 1)
	e := models.Errorf(models.ETHROTTLED, "Too many failed sign-ins for this e-mail; try again in %d seconds.", wait)
	e.RetryAfterSeconds = wait
	s.fail(c, e)
	return true
}

// logout ends the session on the server and clears the cookie.
func (s *Server) logout(c *gin.Context) {
	tok, _ := c.Get(ctxToken)
	if err := s.db.DeleteSession(c, hashToken(tok.(string))); err != nil {
		s.fail(c, err)
		return
	}
	s.setSessionCookie(c, "", -1)
	c.Status(http.StatusNoContent)
}

// me returns the signed-in user and the CSRF token their writes must carry.
func (s *Server) me(c *gin.Context) {
	sess := session(c)
	c.JSON(http.StatusOK, sessionResponse{User: toUserJSON(sess.User), CSRFToken: sess.CSRFToken})
}

type passwordRequest struct {
	CurrentPassword string `json:"current_password" validate:"required,max=200"`
	NewPassword     string `json:"new_password" validate:"required,min=10,max=200"`
}

// changePassword lets the signed-in user replace their password; their other sessions end.
func (s *Server) changePassword(c *gin.Context) {
	var req passwordRequest
	if !s.bind(c, &req) {
		return
	}
	me := currentUser(c)
	_, hash, err := s.db.UserCredentials(c, me.Email)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.checkPassword(c, hash, req.CurrentPassword) {
		s.fail(c, models.Invalid(models.FieldError{Field: "current_password", Message: "is not your current password"}))
		return
	}
	newHash, err := HashPassword(req.NewPassword)
	if err != nil {
		s.fail(c, err)
		return
	}
	tok, _ := c.Get(ctxToken)
	if err := s.db.ChangePassword(c, me.ID, newHash, hashToken(tok.(string))); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "user.password_changed", "user", me.ID, "Changed their own password", nil, nil)
	s.log.InfoContext(c, "password changed", "user_id", me.ID)
	c.Status(http.StatusNoContent)
}

type meRequest struct {
	Locale string `json:"locale" validate:"required,oneof=en sq"`
}

// updateMe sets the signed-in user's own preferences: the language of their e-mail.
func (s *Server) updateMe(c *gin.Context) {
	var req meRequest
	if !s.bind(c, &req) {
		return
	}
	me := currentUser(c)
	u, err := s.db.UpdateUser(c, me.ID, store.UserUpdate{Locale: &req.Locale})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sessionResponse{User: toUserJSON(u), CSRFToken: session(c).CSRFToken})
}

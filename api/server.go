// Package api is Bullpen's HTTP interface: gin handlers under /api/v1, sessions and CSRF, the one place
// that maps domain errors to RFC 9457 problems, the OpenAPI document, and the embedded web UI.
package api

import (
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/gin-gonic/gin"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows/starter"
)

// Config holds the API's settings; cmd/bullpen fills it from the environment.
type Config struct {
	// CookieSecure is "auto" (Secure when the request came over TLS or X-Forwarded-Proto is https),
	// "always" or "never".
	CookieSecure string
	// SessionTTL is how long a session lives after sign-in.
	SessionTTL time.Duration
	// LoginMaxFailures failed sign-ins within LoginWindow lock an e-mail out until the oldest ages out.
	LoginMaxFailures int
	LoginWindow      time.Duration
	// LoginPerIP sign-in attempts per minute are allowed from one client address (per process).
	LoginPerIP int
	// TrustedProxies are the addresses (IPs or CIDRs) whose X-Forwarded-For names the client; by default none,
	// so the client is the connection's peer.
	TrustedProxies []string
	// PlanReminderAfter and PlanEscalateAfter are the human deadlines of a staffing plan's approval.
	PlanReminderAfter time.Duration
	PlanEscalateAfter time.Duration
	// MaxBodyBytes bounds request bodies.
	MaxBodyBytes int64
	// TaskQueue is the Temporal task queue workflows are started on.
	TaskQueue string
	// LinkSecret signs and checks candidate links.
	LinkSecret []byte
	// RejectionReasons is the organisation's list of rejection reason codes; nil means the default list.
	RejectionReasons []string
	// QuestionnaireReminder is how long before a questionnaire's deadline the candidate is reminded.
	QuestionnaireReminder time.Duration
	// ScorecardReminder and ScorecardEscalate are when, after an interview, late interviewers are reminded
	// and the recruiter is told; a scorecard after the reminder counts as late in calibration.
	ScorecardReminder time.Duration
	ScorecardEscalate time.Duration
	// OfferReminder and OfferEscalate are when silent offer approvers are reminded and the admins told.
	OfferReminder time.Duration
	OfferEscalate time.Duration
	// CompanyName signs the client e-cards.
	CompanyName string
	// IdleHours is how many working hours without logged work make a rep idle on the dashboard.
	IdleHours float64
	// DashboardTTL is how long a dashboard's answer is kept for the same caller and period (0: never).
	DashboardTTL time.Duration
	// OpeningContinueAfter is how many signals an opening's workflow run takes before continuing as new.
	OpeningContinueAfter int
	// MaxUploadBytes bounds a CV; imports have their own, larger bound.
	MaxUploadBytes int64
	// PublicPerIP bounds public requests (apply, questionnaire) per minute from one address.
	PublicPerIP int
	// CandidateRetention is how long a rejected or withdrawn candidate's data is kept (shown on their page of
	// their data); 0 keeps it.
	CandidateRetention time.Duration
}

// Server serves the API and the web UI.
type Server struct {
	db       *store.DB
	temporal client.Client
	log      *slog.Logger
	cfg      Config
	ui       fs.FS
	routes   []route
	now      func() time.Time
	loginIP  *ipLimiter
	publicIP *ipLimiter
	start    *starter.Starter
	// bcrypt bounds concurrent password checks, so that a burst of sign-ins cannot take every core.
	bcrypt chan struct{}
	// views keeps the dashboards' answers for DashboardTTL.
	views *viewCache
}

// New returns a server over the database and Temporal client. ui holds the built web UI (index.html at its
// root); it may be nil.
func New(db *store.DB, tc client.Client, log *slog.Logger, cfg Config, ui fs.FS) *Server {
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.LoginMaxFailures <= 0 {
		cfg.LoginMaxFailures = 5
	}
	if cfg.LoginWindow <= 0 {
		cfg.LoginWindow = 15 * time.Minute
	}
	if cfg.LoginPerIP <= 0 {
		cfg.LoginPerIP = 30
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = 10 << 20
	}
	if cfg.PublicPerIP <= 0 {
		cfg.PublicPerIP = 30
	}
	if cfg.CookieSecure == "" {
		cfg.CookieSecure = "auto"
	}
	s := &Server{db: db, temporal: tc, log: log, cfg: cfg, ui: ui, now: time.Now,
		loginIP: newIPLimiter(cfg.LoginPerIP, time.Minute), publicIP: newIPLimiter(cfg.PublicPerIP, time.Minute),
		bcrypt: make(chan struct{}, max(2, runtime.NumCPU())), views: newViewCache(cfg.DashboardTTL),
		start: &starter.Starter{Client: tc, TaskQueue: cfg.TaskQueue, OpeningContinueAfter: cfg.OpeningContinueAfter}}
	s.routes = s.routeTable()
	return s
}

// Handler returns the HTTP handler of the whole product: API, health checks and web UI.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	if err := e.SetTrustedProxies(s.cfg.TrustedProxies); err != nil {
		s.log.Error("BULLPEN_TRUSTED_PROXIES is malformed; trusting no proxy", "error", err)
		_ = e.SetTrustedProxies(nil)
	}
	e.ContextWithFallback = true
	e.HandleMethodNotAllowed = true
	e.Use(s.recoverer(), s.logRequests(), securityHeaders())
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	v1 := e.Group("/api/v1", s.authenticate())
	for _, r := range s.routes {
		handlers := []gin.HandlerFunc{}
		if r.auth {
			handlers = append(handlers, requireUser(), s.requireCSRF())
		}
		v1.Handle(r.method, r.path, append(handlers, r.handler)...)
	}
	e.NoMethod(func(c *gin.Context) {
		s.problem(c, http.StatusMethodNotAllowed, "Method not allowed", "This address does not accept "+c.Request.Method+".")
	})
	e.NoRoute(s.serveUI)
	return e
}

// contentSecurityPolicy lets pages run only the UI's own scripts and talk only to this origin; styles may be
// inline (Mantine sets style attributes); no page may be framed (the greeting card preview, framed by our own
// pages, sets its own policy).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries, pages and API alike.
func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		c.Next()
	}
}

package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the binary, read from the environment. README.md's configuration table lists
// the same variables; keep them in step.
type Config struct {
	Addr                string        // BULLPEN_ADDR: where the API and web UI listen
	DataDir             string        // BULLPEN_DATA_DIR: bullpen dev's SQLite files
	DatabaseURL         string        // DATABASE_URL: postgres://... or sqlite:PATH
	TemporalAddress     string        // TEMPORAL_ADDRESS: the Temporal frontend (bullpen dev serves it there)
	TemporalNamespace   string        // TEMPORAL_NAMESPACE
	TemporalUIAddr      string        // BULLPEN_TEMPORAL_UI_ADDR: bullpen dev's Temporal web UI, or "off"
	TaskQueue           string        // TEMPORAL_TASK_QUEUE
	BaseURL             string        // BULLPEN_BASE_URL: public address of the web UI, for links
	CookieSecure        string        // BULLPEN_COOKIE_SECURE: auto, always or never
	SessionTTL          time.Duration // BULLPEN_SESSION_TTL
	LoginMaxFailures    int           // BULLPEN_LOGIN_MAX_FAILURES
	LoginWindow         time.Duration // BULLPEN_LOGIN_WINDOW
	LoginPerIP          int           // BULLPEN_LOGIN_PER_IP: sign-in attempts per minute from one address
	TrustedProxies      []string      // BULLPEN_TRUSTED_PROXIES: comma-separated IPs or CIDRs of reverse proxies
	PlanReminderAfter   time.Duration // BULLPEN_PLAN_REMINDER_AFTER
	PlanEscalateAfter   time.Duration // BULLPEN_PLAN_ESCALATE_AFTER
	LinkSecret          string        // BULLPEN_LINK_SECRET: signs candidate links; bullpen dev makes one in the data folder
	RejectionReasons    []string      // BULLPEN_REJECTION_REASONS: comma-separated rejection reason codes
	QuestionnaireRemind time.Duration // BULLPEN_QUESTIONNAIRE_REMINDER_BEFORE: how long before the deadline candidates are reminded
	ScorecardRemind     time.Duration // BULLPEN_SCORECARD_REMINDER_AFTER: how long after an interview late interviewers are reminded
	ScorecardEscalate   time.Duration // BULLPEN_SCORECARD_ESCALATE_AFTER: how long after an interview the recruiter is told of missing scorecards
	OfferRemind         time.Duration // BULLPEN_OFFER_REMINDER_AFTER: silent offer approvers are reminded after this
	OfferEscalate       time.Duration // BULLPEN_OFFER_ESCALATE_AFTER: and the admins told after this
	GreetingLeadDays    int           // BULLPEN_GREETING_LEAD_DAYS: how many days before an occasion its greeting is planned
	IdleHours           int           // BULLPEN_IDLE_HOURS: working hours without logged work that make a rep idle
	CandidateRetention  time.Duration // BULLPEN_CANDIDATE_RETENTION_DAYS: days a rejected or withdrawn candidate's data is kept before it is anonymised (0 keeps it)
	DashboardTTL        time.Duration // BULLPEN_DASHBOARD_TTL: how long a dashboard's figures are kept for the same viewer (0 computes each time)
	CompanyName         string        // BULLPEN_COMPANY_NAME: signs the client e-cards
	SMTPURL             string        // SMTP_URL: smtp://user:pass@host:587 or smtps://...; empty keeps mail in the outbox
	SMTPFrom            string        // SMTP_FROM: the sender address
	LogLevel            string        // BULLPEN_LOG_LEVEL: debug, info, warn, error
	LogFormat           string        // BULLPEN_LOG_FORMAT: text or json
}

// LoadConfig reads the configuration from getenv, applying defaults and refusing malformed values.
func LoadConfig(getenv func(string) string) (Config, error) {
	var errs []string
	str := func(key, def string) string {
		if v := strings.TrimSpace(getenv(key)); v != "" {
			return v
		}
		return def
	}
	dur := func(key string, def time.Duration) time.Duration {
		v := getenv(key)
		if v == "" {
			return def
		}
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a positive duration such as 48h or 15m", key, v))
			return def
		}
		return d
	}
	num := func(key string, def int) int {
		v := getenv(key)
		if v == "" {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a positive whole number", key, v))
			return def
		}
		return n
	}
	c := Config{
		Addr:                str("BULLPEN_ADDR", ":8080"),
		DataDir:             str("BULLPEN_DATA_DIR", "bullpen-data"),
		DatabaseURL:         str("DATABASE_URL", ""),
		TemporalAddress:     str("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
		TemporalNamespace:   str("TEMPORAL_NAMESPACE", "default"),
		TemporalUIAddr:      str("BULLPEN_TEMPORAL_UI_ADDR", "127.0.0.1:8233"),
		TaskQueue:           str("TEMPORAL_TASK_QUEUE", "bullpen"),
		BaseURL:             strings.TrimRight(str("BULLPEN_BASE_URL", ""), "/"),
		CookieSecure:        str("BULLPEN_COOKIE_SECURE", "auto"),
		SessionTTL:          dur("BULLPEN_SESSION_TTL", 12*time.Hour),
		LoginMaxFailures:    num("BULLPEN_LOGIN_MAX_FAILURES", 5),
		LoginWindow:         dur("BULLPEN_LOGIN_WINDOW", 15*time.Minute),
		LoginPerIP:          num("BULLPEN_LOGIN_PER_IP", 30),
		TrustedProxies:      list(getenv("BULLPEN_TRUSTED_PROXIES")),
		PlanReminderAfter:   dur("BULLPEN_PLAN_REMINDER_AFTER", 48*time.Hour),
		PlanEscalateAfter:   dur("BULLPEN_PLAN_ESCALATE_AFTER", 120*time.Hour),
		LinkSecret:          strings.TrimSpace(getenv("BULLPEN_LINK_SECRET")),
		RejectionReasons:    list(getenv("BULLPEN_REJECTION_REASONS")),
		QuestionnaireRemind: dur("BULLPEN_QUESTIONNAIRE_REMINDER_BEFORE", 24*time.Hour),
		ScorecardRemind:     dur("BULLPEN_SCORECARD_REMINDER_AFTER", 24*time.Hour),
		ScorecardEscalate:   dur("BULLPEN_SCORECARD_ESCALATE_AFTER", 72*time.Hour),
		OfferRemind:         dur("BULLPEN_OFFER_REMINDER_AFTER", 48*time.Hour),
		OfferEscalate:       dur("BULLPEN_OFFER_ESCALATE_AFTER", 120*time.Hour),
		GreetingLeadDays:    num("BULLPEN_GREETING_LEAD_DAYS", 3),
		IdleHours:           num("BULLPEN_IDLE_HOURS", 16),
		CandidateRetention:  180 * 24 * time.Hour,
		DashboardTTL:        30 * time.Second,
		CompanyName:         str("BULLPEN_COMPANY_NAME", "Bullpen"),
		SMTPURL:             str("SMTP_URL", ""),
		SMTPFrom:            str("SMTP_FROM", "Bullpen <bullpen@localhost>"),
		LogLevel:            str("BULLPEN_LOG_LEVEL", "info"),
		LogFormat:           str("BULLPEN_LOG_FORMAT", "text"),
	}
	switch c.CookieSecure {
	case "auto", "always", "never":
	default:
		errs = append(errs, fmt.Sprintf("BULLPEN_COOKIE_SECURE=%q must be auto, always or never", c.CookieSecure))
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Sprintf("BULLPEN_LOG_FORMAT=%q must be text or json", c.LogFormat))
	}
	if c.GreetingLeadDays < 1 || c.GreetingLeadDays > 30 {
		errs = append(errs, fmt.Sprintf("BULLPEN_GREETING_LEAD_DAYS=%d must be between 1 and 30", c.GreetingLeadDays))
	}
	if v := getenv("BULLPEN_DASHBOARD_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if v == "0" {
			d, err = 0, nil
		}
		if err != nil || d < 0 || d > 10*time.Minute {
			errs = append(errs, fmt.Sprintf("BULLPEN_DASHBOARD_TTL=%q must be a duration from 0 (no keeping) to 10m, such as 30s", v))
		} else {
			c.DashboardTTL = d
		}
	}
	if v := getenv("BULLPEN_CANDIDATE_RETENTION_DAYS"); v != "" {
		days, err := strconv.Atoi(v)
		if err != nil || days < 0 || days > 3650 {
			errs = append(errs, fmt.Sprintf("BULLPEN_CANDIDATE_RETENTION_DAYS=%q must be a whole number of days between 0 (keep the data) and 3650", v))
		}
		c.CandidateRetention = time.Duration(days) * 24 * time.Hour
	}
	if c.IdleHours < 1 || c.IdleHours > 200 {
		errs = append(errs, fmt.Sprintf("BULLPEN_IDLE_HOURS=%d must be between 1 and 200", c.IdleHours))
	}
	if c.PlanEscalateAfter <= c.PlanReminderAfter {
		errs = append(errs, "BULLPEN_PLAN_ESCALATE_AFTER must be longer than BULLPEN_PLAN_REMINDER_AFTER")
	}
	if c.LinkSecret != "" && len(c.LinkSecret) < 32 {
		errs = append(errs, "BULLPEN_LINK_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)")
	}
	for _, code := range c.RejectionReasons {
		if !reasonCode.MatchString(code) {
			errs = append(errs, fmt.Sprintf("BULLPEN_REJECTION_REASONS: %q must be lower-case letters, digits and _", code))
		}
	}
	if c.BaseURL == "" {
		c.BaseURL = defaultBaseURL(c.Addr)
	}
	if c.TemporalUIAddr == "off" {
		c.TemporalUIAddr = ""
	}
	if len(errs) > 0 {
		return c, fmt.Errorf("configuration: %s", strings.Join(errs, "; "))
	}
	return c, nil
}

// defaultBaseURL is where the web UI is reached on this machine when BULLPEN_BASE_URL does not say.
func defaultBaseURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://localhost:8080"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

var reasonCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// linkSecret returns the secret that signs candidate links: BULLPEN_LINK_SECRET, or for bullpen dev one made
// once and kept in the data folder, so that links survive a restart.
func (c Config) linkSecret(dev bool) ([]byte, error) {
	if c.LinkSecret != "" {
		return []byte(c.LinkSecret), nil
	}
	if !dev {
		return nil, fmt.Errorf("BULLPEN_LINK_SECRET is required: at least 32 random characters (openssl rand -hex 32), the same on every serve and worker process")
	}
	path := filepath.Join(c.DataDir, "link-secret")
	if b, err := os.ReadFile(path); err == nil && len(bytes.TrimSpace(b)) >= 32 {
		return bytes.TrimSpace(b), nil
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return nil, err
	}
	secret := []byte(hex.EncodeToString(buf))
	if err := os.WriteFile(path, secret, 0o600); err != nil {
		return nil, fmt.Errorf("keep the link secret: %w", err)
	}
	return secret, nil
}

// list splits a comma-separated setting, dropping blanks.
func list(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// devDatabaseURL is the SQLite file bullpen dev keeps the app's data in, unless DATABASE_URL says otherwise.
func (c Config) devDatabaseURL() string {
	if c.DatabaseURL != "" {
		return c.DatabaseURL
	}
	return "sqlite:" + filepath.Join(c.DataDir, "bullpen.db")
}

// requireDatabaseURL is for the production commands, which never guess where the data lives.
func (c Config) requireDatabaseURL() (string, error) {
	if c.DatabaseURL == "" {
		return "", fmt.Errorf("DATABASE_URL is required (postgres://user:pass@host:5432/bullpen?sslmode=disable); for a single machine use `bullpen dev`")
	}
	return c.DatabaseURL, nil
}

// ensureDir makes the data folder.
func ensureDir(dir string) error { return os.MkdirAll(dir, 0o750) }

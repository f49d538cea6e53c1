package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"time"

	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"

	"github.com/bullpen-hq/bullpen/activities"
	"github.com/bullpen-hq/bullpen/api"
	"github.com/bullpen-hq/bullpen/devtemporal"
	"github.com/bullpen-hq/bullpen/frontend"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
	"github.com/bullpen-hq/bullpen/workflows/starter"
)

// App is one running Bullpen process: whichever of the embedded Temporal server, database, worker and
// HTTP server its mode asks for. The end-to-end tests run it the same way the binary does.
type App struct {
	Config Config
	Log    *slog.Logger

	// EmbeddedTemporal runs a Temporal server in this process (bullpen dev).
	EmbeddedTemporal bool
	// Migrate brings the schema up to date at start (bullpen dev); otherwise an old schema is refused.
	Migrate bool
	// Worker and HTTP choose what the process serves.
	Worker, HTTP bool
	// Demo loads the demo organisation after start; DemoFloor adds the rest of its sales floor (more reps with
	// weeks of work, for a lively dashboard), left out of most tests to keep their organisation small.
	Demo      bool
	DemoFloor bool
	// OpeningContinueAfter overrides how many signals an opening's workflow run takes (tests make it small).
	OpeningContinueAfter int

	DB       *store.DB
	Temporal client.Client
	API      *api.Server

	dev      *devtemporal.Server
	worker   worker.Worker
	server   *http.Server
	listener net.Listener
	served   chan error
}

// Open starts every part of the app; on error it closes what it had started.
func (a *App) Open(ctx context.Context) (err error) {
	defer func() {
		if err != nil {
			_ = a.Close()
		}
	}()
	dbURL := a.Config.devDatabaseURL()
	if a.EmbeddedTemporal {
		if err := ensureDir(a.Config.DataDir); err != nil {
			return err
		}
		host, port, err := splitHostPort(a.Config.TemporalAddress)
		if err != nil {
			return err
		}
		start := time.Now()
		a.dev, err = devtemporal.Start(devtemporal.Options{DatabaseFile: filepath.Join(a.Config.DataDir, "temporal.db"),
			IP: host, Port: port, Namespace: a.Config.TemporalNamespace, UIAddr: a.Config.TemporalUIAddr, Log: a.Log})
		if err != nil {
			return err
		}
		a.Log.Info("embedded temporal server up", "address", a.dev.Address(), "namespace", a.Config.TemporalNamespace,
			"web_ui", uiURL(a.Config.TemporalUIAddr), "took_ms", time.Since(start).Milliseconds())
	} else if dbURL, err = a.Config.requireDatabaseURL(); err != nil {
		return err
	}

	if a.DB, err = store.Open(ctx, dbURL, a.Log); err != nil {
		return err
	}
	if err := a.checkSchema(ctx); err != nil {
		return err
	}
	if a.Temporal, err = dialTemporal(ctx, a.Config, a.Log); err != nil {
		return err
	}
	secret, err := a.Config.linkSecret(a.EmbeddedTemporal)
	if err != nil {
		return err
	}
	start := &starter.Starter{Client: a.Temporal, TaskQueue: a.Config.TaskQueue, OpeningContinueAfter: a.OpeningContinueAfter}
	if a.Worker {
		mailer, err := activities.ParseMailer(a.Config.SMTPURL, a.Config.SMTPFrom)
		if err != nil {
			return err
		}
		if !mailer.Enabled() {
			a.Log.Info("no SMTP_URL: e-mail is kept in the outbox (admins read it under Outbox)")
		}
		acts := &activities.Activities{DB: a.DB, BaseURL: a.Config.BaseURL, Mail: mailer, Log: a.Log, LinkSecret: secret,
			Start: start, QuestionnaireReminder: a.Config.QuestionnaireRemind, RejectionReasons: a.Config.RejectionReasons,
			ScorecardReminder: a.Config.ScorecardRemind, ScorecardEscalate: a.Config.ScorecardEscalate,
			OfferReminder: a.Config.OfferRemind, OfferEscalate: a.Config.OfferEscalate, Company: a.Config.CompanyName,
			CandidateRetention: a.Config.CandidateRetention}
		if a.worker, err = newWorker(a.Temporal, a.Config.TaskQueue, acts); err != nil {
			return err
		}
		if err := a.worker.Start(); err != nil {
			return fmt.Errorf("start worker: %w", err)
		}
		a.Log.Info("worker polling", "task_queue", a.Config.TaskQueue)
		// The morning client-care run: greetings planned and sent, late calls escalated, the idle digest.
		if err := start.CareSchedule(ctx, workflows.CareRun{LeadDays: a.Config.GreetingLeadDays, IdleHours: float64(a.Config.IdleHours)}); err != nil {
			return fmt.Errorf("client care schedule: %w", err)
		}
	}
	a.API = api.New(a.DB, a.Temporal, a.Log, api.Config{
		CookieSecure: a.Config.CookieSecure, SessionTTL: a.Config.SessionTTL,
		LoginMaxFailures: a.Config.LoginMaxFailures, LoginWindow: a.Config.LoginWindow,
		LoginPerIP: a.Config.LoginPerIP, TrustedProxies: a.Config.TrustedProxies,
		PlanReminderAfter: a.Config.PlanReminderAfter, PlanEscalateAfter: a.Config.PlanEscalateAfter,
		TaskQueue: a.Config.TaskQueue, LinkSecret: secret, RejectionReasons: a.Config.RejectionReasons,
		QuestionnaireReminder: a.Config.QuestionnaireRemind, OpeningContinueAfter: a.OpeningContinueAfter,
		ScorecardReminder: a.Config.ScorecardRemind, ScorecardEscalate: a.Config.ScorecardEscalate,
		OfferReminder: a.Config.OfferRemind, OfferEscalate: a.Config.OfferEscalate, CompanyName: a.Config.CompanyName,
		IdleHours: float64(a.Config.IdleHours), DashboardTTL: a.Config.DashboardTTL, CandidateRetention: a.Config.CandidateRetention,
	}, frontend.Dist())
	if a.Demo {
		if err := loadDemo(ctx, a.DB, a.API, a.Log, a.DemoFloor); err != nil {
			return fmt.Errorf("load demo data: %w", err)
		}
	}
	if a.HTTP {
		if a.listener, err = net.Listen("tcp", a.Config.Addr); err != nil {
			return fmt.Errorf("listen on %s (set BULLPEN_ADDR to use another address): %w", a.Config.Addr, err)
		}
		a.server = &http.Server{Handler: a.API.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
			WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute}
		a.served = make(chan error, 1)
		go func() { a.served <- a.server.Serve(a.listener) }()
		a.Log.Info("serving", "url", a.URL())
	}
	return nil
}

func (a *App) checkSchema(ctx context.Context) error {
	if a.Migrate {
		return a.DB.Migrate(ctx)
	}
	v, err := a.DB.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	switch {
	case v < store.LatestVersion():
		return fmt.Errorf("the database schema is at version %d, this binary needs %d: run `bullpen migrate` first", v, store.LatestVersion())
	case v > store.LatestVersion():
		// A rolling deploy: a newer binary has migrated already. Migrations only add, so this one still works.
		a.Log.Warn("database schema is newer than this binary", "schema_version", v, "binary_version", store.LatestVersion())
	}
	return nil
}

// URL is the address the HTTP server listens on.
func (a *App) URL() string {
	if a.listener == nil {
		return ""
	}
	addr := a.listener.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s", net.JoinHostPort(host, fmt.Sprint(addr.Port)))
}

// Wait blocks until ctx ends or the HTTP server fails.
func (a *App) Wait(ctx context.Context) error {
	if a.served == nil {
		<-ctx.Done()
		return nil
	}
	select {
	case <-ctx.Done():
		return nil
	case err := <-a.served:
		return err
	}
}

// Close stops everything that Open started, in reverse order.
func (a *App) Close() error {
	var errs []error
	if a.server != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		errs = append(errs, a.server.Shutdown(ctx))
		cancel()
	}
	if a.worker != nil {
		a.worker.Stop()
	}
	if a.Temporal != nil {
		a.Temporal.Close()
	}
	if a.dev != nil {
		errs = append(errs, a.dev.Stop())
	}
	if a.DB != nil {
		errs = append(errs, a.DB.Close())
	}
	return errors.Join(errs...)
}

func uiURL(addr string) string {
	if addr == "" {
		return "off"
	}
	return "http://" + addr
}

func splitHostPort(addr string) (string, int, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("TEMPORAL_ADDRESS=%q: %w", addr, err)
	}
	var p int
	if _, err := fmt.Sscan(port, &p); err != nil || p <= 0 || p > 65535 {
		return "", 0, fmt.Errorf("TEMPORAL_ADDRESS=%q has no valid port", addr)
	}
	return host, p, nil
}

// dialTemporal connects to Temporal, retrying for a while: in docker-compose the server may still be starting.
func dialTemporal(ctx context.Context, cfg Config, log *slog.Logger) (client.Client, error) {
	deadline := time.Now().Add(60 * time.Second)
	for {
		c, err := client.DialContext(ctx, client.Options{HostPort: cfg.TemporalAddress, Namespace: cfg.TemporalNamespace,
			Logger: sdklog.NewStructuredLogger(log.With("component", "temporal-client"))})
		if err == nil {
			return c, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, fmt.Errorf("connect to Temporal at %s (TEMPORAL_ADDRESS): %w", cfg.TemporalAddress, err)
		}
		log.Warn("temporal not reachable yet; retrying", "address", cfg.TemporalAddress, "error", err)
		time.Sleep(2 * time.Second)
	}
}

// workerOptions are the worker's: eight pollers of each kind rather than the SDK's two, so that workflow and
// activity tasks do not wait for a free poller when many candidates move at once (the journey benchmark's
// questionnaire e-mails went out after seconds with two; docs/benchmarks.md).
var workerOptions = worker.Options{MaxConcurrentActivityTaskPollers: 8, MaxConcurrentWorkflowTaskPollers: 8}

// newWorker registers every workflow and activity on the task queue, and refuses to start if a workflow
// calls an activity the worker does not have.
func newWorker(c client.Client, queue string, acts *activities.Activities) (worker.Worker, error) {
	t := reflect.TypeOf(acts)
	for _, name := range workflows.ActivityNames {
		if _, ok := t.MethodByName(name); !ok {
			return nil, fmt.Errorf("worker: activity %s is called by a workflow but the worker has no such method", name)
		}
	}
	w := worker.New(c, queue, workerOptions)
	workflows.Register(w)
	w.RegisterActivity(acts)
	return w, nil
}

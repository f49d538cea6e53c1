//go:build unix

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/server/temporaltest"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestCrashSurvival runs candidate journeys through the API of the built binary while SIGKILL takes down its
// processes at random moments, and restarts them:
//
//   - serve_worker: `bullpen serve` and `bullpen worker` as two processes on PostgreSQL, the Temporal server in
//     the test process (it outlives them, as a cluster would); either process is killed.
//   - dev: `bullpen dev` (SQLite and the embedded Temporal server in one data folder) killed whole and started
//     again on the same folder.
//
// The candidates and staff retry a request that finds the API down or answers 502, 503 or 504, as a person in
// a browser would, with the same Idempotency-Key. At the end every journey must have ended in a hire with a
// running Employee workflow; every candidate must have exactly one application, each interview kind, offer,
// scorecard and employee once; every application the same timeline and audit trail as every other (nothing
// written twice); no e-mail twice in the outbox nor received twice by the SMTP server (save a resend with the
// same Message-ID by a worker killed between the SMTP server's acceptance and the outbox update, which the
// outbox's design allows); and every write the API acknowledged with a 2xx present in the database.
//
// It runs in `make soak` only, until the failures it still finds are fixed (docs/reliability.md, section 1):
// BULLPEN_CRASH=1 runs a short one, BULLPEN_SOAK=1 the long one; BULLPEN_SOAK_JOURNEYS=n sets the journeys of
// each variant, BULLPEN_SOAK_SEED=n repeats a run's kill moments (the seed is logged), BULLPEN_SOAK_BIN uses a
// binary already built instead of building one.
func TestCrashSurvival(t *testing.T) {
	if testing.Short() || (os.Getenv("BULLPEN_CRASH") == "" && os.Getenv("BULLPEN_SOAK") == "") {
		t.Skip("builds and kills the binary: BULLPEN_CRASH=1 for a short run, BULLPEN_SOAK=1 for the long one (make soak)")
	}
	sz := crashSizeFromEnv()
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("BULLPEN_SOAK_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (BULLPEN_SOAK_SEED=%d repeats the kill moments)", seed, seed)
	bin := bullpenBinary(t)
	t.Run("serve_worker", func(t *testing.T) { crashServeAndWorker(t, bin, sz, seed) })
	t.Run("dev", func(t *testing.T) { crashDev(t, bin, sz, seed+1) })
}

// crashSize is how long a run is: journeys per variant (at least; more start until the kills reach minKills),
// how many at once, and the pause between kills.
type crashSize struct {
	journeys, devJourneys, users, minKills int
	gapMin, gapMax                         time.Duration
}

func crashSizeFromEnv() crashSize {
	sz := crashSize{journeys: 12, devJourneys: 8, users: 4, minKills: 4, gapMin: time.Second, gapMax: 4 * time.Second}
	if os.Getenv("BULLPEN_SOAK") != "" {
		sz = crashSize{journeys: 300, devJourneys: 150, users: 8, minKills: 60, gapMin: time.Second, gapMax: 8 * time.Second}
	}
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_SOAK_JOURNEYS")); err == nil && n > 0 {
		sz.journeys, sz.devJourneys = n, n
	}
	return sz
}

// bullpenBinary builds the binary once for the test (the UI embedded if frontend/dist holds a build; the API
// is what the test drives either way), or takes BULLPEN_SOAK_BIN.
func bullpenBinary(t *testing.T) string {
	if bin := os.Getenv("BULLPEN_SOAK_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "bullpen")
	start := time.Now()
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("built %s in %.1f s", bin, time.Since(start).Seconds())
	return bin
}

// childEnv is the environment of a child process: this one's, less any Bullpen setting of the developer's,
// plus set.
func childEnv(set map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "BULLPEN_") || strings.HasPrefix(k, "TEMPORAL_") || strings.HasPrefix(k, "SMTP_") || k == "DATABASE_URL" {
			continue
		}
		env = append(env, kv)
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return env
}

// child is one Bullpen process the test starts, kills and starts again.
type child struct {
	t       testing.TB
	kind    string // api, worker or dev
	bin     string
	args    []string
	env     []string
	url     string // the API's base URL, "" for the worker
	logPath string

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

func newChild(t testing.TB, kind, bin string, args []string, env map[string]string, url string) *child {
	c := &child{t: t, kind: kind, bin: bin, args: args, env: childEnv(env), url: url, logPath: filepath.Join(t.TempDir(), kind+".log")}
	t.Cleanup(c.stop)
	return c
}

// start runs the process and waits until it serves: /readyz answers 200, or for the worker until it says it
// polls.
func (c *child) start() error {
	f, err := os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "----- start %s\n", time.Now().Format(time.RFC3339Nano))
	before, _ := os.ReadFile(c.logPath)
	cmd := exec.Command(c.bin, c.args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = c.env, f, f
	if err := cmd.Start(); err != nil {
		f.Close()
		return err
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		f.Close()
		close(done)
	}()
	c.mu.Lock()
	c.cmd, c.done = cmd, done
	c.mu.Unlock()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return fmt.Errorf("%s exited while starting: %s", c.kind, c.tail())
		case <-time.After(100 * time.Millisecond):
		}
		if c.url == "" {
			log, _ := os.ReadFile(c.logPath)
			if strings.Contains(string(log[len(before):]), "worker polling") {
				return nil
			}
			continue
		}
		if res, err := http.Get(c.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return nil
			}
		}
	}
	return fmt.Errorf("%s not ready after 3 minutes: %s", c.kind, c.tail())
}

// alive reports whether the process still runs (a process that died on its own is a failure).
func (c *child) alive() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		return false
	}
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

// kill sends SIGKILL and waits until the process is gone.
func (c *child) kill() {
	c.mu.Lock()
	cmd, done := c.cmd, c.done
	c.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Kill()
	<-done
}

// stop ends the process gracefully, or kills it after half a minute.
func (c *child) stop() {
	c.mu.Lock()
	cmd, done := c.cmd, c.done
	c.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		c.kill()
	}
}

// tail is the end of the process's log, for a failure message.
func (c *child) tail() string {
	data, _ := os.ReadFile(c.logPath)
	if len(data) > 3000 {
		data = data[len(data)-3000:]
	}
	return string(data)
}

// killer kills one of its targets at random moments and starts it again, until stopped.
type killer struct {
	t       testing.TB
	rng     *rand.Rand
	targets []*child
	sz      crashSize

	mu    sync.Mutex
	kills map[string]int
	// workerKills are the moments a process that runs activities (worker or dev) was killed.
	workerKills []time.Time
	downtime    time.Duration
}

func newKiller(t testing.TB, seed uint64, sz crashSize, targets ...*child) *killer {
	return &killer{t: t, rng: rand.New(rand.NewPCG(seed, seed^0x5eed)), targets: targets, sz: sz, kills: map[string]int{}}
}

func (k *killer) between(lo, hi time.Duration) time.Duration {
	return lo + time.Duration(k.rng.Int64N(int64(hi-lo)+1))
}

// run kills and restarts until ctx ends; a target that cannot start again fails the test.
func (k *killer) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(k.between(k.sz.gapMin, k.sz.gapMax)):
		}
		c := k.targets[k.rng.IntN(len(k.targets))]
		for _, o := range k.targets {
			if !o.alive() {
				k.t.Errorf("%s died on its own: %s", o.kind, o.tail())
				return
			}
		}
		down := k.between(0, 1500*time.Millisecond)
		start := time.Now()
		c.kill()
		k.mu.Lock()
		k.kills[c.kind]++
		if c.kind != "api" {
			k.workerKills = append(k.workerKills, start)
		}
		k.mu.Unlock()
		time.Sleep(down)
		if err := c.start(); err != nil {
			k.t.Errorf("restart %s: %v", c.kind, err)
			return
		}
		k.mu.Lock()
		k.downtime += time.Since(start)
		k.mu.Unlock()
	}
}

// total is how many kills there have been.
func (k *killer) total() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := 0
	for _, v := range k.kills {
		n += v
	}
	return n
}

// nearKill reports whether a process that runs activities was killed within a second of at.
func (k *killer) nearKill(at time.Time) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, w := range k.workerKills {
		if d := at.Sub(w); d > -time.Second && d < time.Second {
			return true
		}
	}
	return false
}

const crashLinkSecret = "crash-test-link-secret-0123456789abcdef0123"

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// crashServeAndWorker is the production layout: serve and worker processes on PostgreSQL, Temporal apart.
func crashServeAndWorker(t *testing.T, bin string, sz crashSize, seed uint64) {
	ts := temporaltest.NewServer(temporaltest.WithT(t))
	mail := smtptest.Start(t)
	apiAddr := freeAddr(t)
	env := map[string]string{
		"DATABASE_URL": storetest.PostgresURL(t), "TEMPORAL_ADDRESS": ts.GetFrontendHostPort(), "TEMPORAL_NAMESPACE": ts.GetDefaultNamespace(),
		"BULLPEN_ADDR": apiAddr, "BULLPEN_LINK_SECRET": crashLinkSecret, "SMTP_URL": mail.URL(), "BULLPEN_BASE_URL": "https://jobs.example",
		"BULLPEN_TRUSTED_PROXIES": "127.0.0.1",
	}
	getenv := func(k string) string { return env[k] }
	ctx := context.Background()
	if err := run(ctx, []string{"migrate"}, getenv, nil, io.Discard, io.Discard); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	worker := newChild(t, "worker", bin, []string{"worker"}, env, "")
	if err := worker.start(); err != nil {
		t.Fatal(err)
	}
	// The demo organisation (its staff, pay plans and scenarios), loaded from the test process, which keeps
	// its database handle and Temporal client for the checks.
	cfg, err := LoadConfig(getenv)
	if err != nil {
		t.Fatal(err)
	}
	setup := &App{Config: cfg, Log: quietLog(), Demo: true}
	if err := setup.Open(ctx); err != nil {
		t.Fatalf("load the demo organisation: %v", err)
	}
	defer setup.Close()
	api := newChild(t, "api", bin, []string{"serve"}, env, "http://"+apiAddr)
	if err := api.start(); err != nil {
		t.Fatal(err)
	}
	r := newCrashRig(t, api.url, setup.DB, setup.Temporal, mail)
	r.soak(sz.journeys, sz.users, sz.minKills, newKiller(t, seed, sz, api, worker))
}

// crashDev is bullpen dev, the whole of it in one process, killed and started again on its data folder.
func crashDev(t *testing.T, bin string, sz crashSize, seed uint64) {
	mail := smtptest.Start(t)
	dir, apiAddr, temporalAddr := t.TempDir(), freeAddr(t), freeAddr(t)
	env := map[string]string{
		"BULLPEN_DATA_DIR": dir, "BULLPEN_ADDR": apiAddr, "TEMPORAL_ADDRESS": temporalAddr, "BULLPEN_TEMPORAL_UI_ADDR": "off",
		"SMTP_URL": mail.URL(), "BULLPEN_BASE_URL": "https://jobs.example", "BULLPEN_TRUSTED_PROXIES": "127.0.0.1",
	}
	dev := newChild(t, "dev", bin, []string{"dev", "--demo"}, env, "http://"+apiAddr)
	if err := dev.start(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// The test reads and sets up through the same SQLite file (WAL lets two processes share it) and the
	// embedded server's frontend.
	db, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "bullpen.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tc, err := client.Dial(client.Options{HostPort: temporalAddr, Namespace: "default", Logger: nopLogger{}})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	r := newCrashRig(t, dev.url, db, tc, mail)
	r.soak(sz.devJourneys, sz.users, sz.minKills, newKiller(t, seed, sz, dev))
}

// nopLogger keeps the Temporal client quiet while the server it talks to is being killed.
type nopLogger struct{}

func (nopLogger) Debug(string, ...any) {}
func (nopLogger) Info(string, ...any)  {}
func (nopLogger) Warn(string, ...any)  {}
func (nopLogger) Error(string, ...any) {}

var errGaveUp = errors.New("gave up")

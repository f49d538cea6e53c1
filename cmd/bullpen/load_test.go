package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/worker"
	"golang.org/x/crypto/bcrypt"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// loadSettings is how many users TestLoad200Users signs in, for how long, and how long they think between
// screens.
type loadSettings struct {
	users            int
	warmup, duration time.Duration
	think            time.Duration // mean pause between screens; each pause is between half and one and a half of it
}

// loadSettingsFromEnv reads the load's size: BULLPEN_SOAK=1 is the long run (200 users for five minutes after a
// 30-second warm-up); BULLPEN_LOAD_USERS, BULLPEN_LOAD_SECONDS and BULLPEN_LOAD_THINK_MS set it exactly.
// Without any of them the test is skipped: the load needs the machine to itself for its figures to mean
// anything, which `make test` does not give it.
func loadSettingsFromEnv() (loadSettings, bool) {
	s := loadSettings{users: 200, warmup: 30 * time.Second, duration: 5 * time.Minute, think: 3 * time.Second}
	asked := os.Getenv("BULLPEN_SOAK") == "1"
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_LOAD_USERS")); err == nil && n > 0 {
		s.users, asked = n, true
	}
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_LOAD_SECONDS")); err == nil && n > 0 {
		s.duration, asked = time.Duration(n)*time.Second, true
		s.warmup = min(s.warmup, max(s.duration/4, 10*time.Second))
	}
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_LOAD_THINK_MS")); err == nil && n > 0 {
		s.think = time.Duration(n) * time.Millisecond
	}
	return s, asked
}

// The limits of growth after the load, measured against the footprint after the warm-up: the goroutines a
// running process may have started or ended for its own reasons (pollers, pools), and the live heap the caches
// that fill as the data grows may take (the load adds thousands of applications, events and activities: the
// dashboards' kept tallies and Temporal's caches grow with them). The heap in use (HeapInuse: spans with any
// live object) also counts the fragmentation the load leaves, which the runtime returns over time; it is held
// to a looser bound.
const (
	loadGoroutineMargin = 25
	loadLiveMargin      = 1.25 // times the live heap after the warm-up, plus loadLiveSlack
	loadLiveSlack       = 16 << 20
	loadInuseMargin     = 2.0 // times the heap in use after the warm-up
)

// TestLoad200Users is the load test of docs/reliability.md: Bullpen in this process on PostgreSQL (with its
// embedded Temporal server and worker) and 200 signed-in users of mixed roles working at a human pace for
// five minutes: recruiters on the pipeline board moving candidates with reasons through their workflows,
// adding candidates, notes and tags, scheduling first interviews; interviewers reading their interviews and
// kits and submitting scorecards; department heads and sales managers on the dashboards, teams and reports;
// reps on their home page, their clients and their greetings, logging calls and meetings. It fails on any
// 5xx, any transport error, any answer a user could not have caused (other 4xx), any move neither made nor
// refused with 409/422, any workflow task that failed, and on goroutines or heap that grew after the load
// beyond the margins above, measured after a warm-up with the same users and again after the load, each
// time with the connections closed, the worker's workflow cache emptied and the garbage collected.
//
//	BULLPEN_SOAK=1 go test ./cmd/bullpen -run TestLoad200Users -count=1 -v -timeout 30m
//	BULLPEN_LOAD_USERS=50 BULLPEN_LOAD_SECONDS=30 go test ./cmd/bullpen -run TestLoad200Users -count=1 -v
func TestLoad200Users(t *testing.T) {
	set, asked := loadSettingsFromEnv()
	if !asked {
		t.Skip("the load test runs with BULLPEN_SOAK=1 (make soak), or BULLPEN_LOAD_USERS / BULLPEN_LOAD_SECONDS")
	}
	app := startAppWith(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), func(c *Config) { c.LoginPerIP = 1_000_000 },
		func(a *App) { a.DemoFloor = true })
	defer app.Close()
	l := newLoadRig(t, app, set)
	defer l.tr.CloseIdleConnections()

	// Warm-up: everyone signs in and works as in the load, so that pools, caches and sessions are there.
	warm := newLoadStats()
	l.run(warm, set.warmup)
	if bad := warm.failures(); len(bad) > 0 {
		t.Fatalf("during the warm-up: %v", bad)
	}
	before := l.footprint(0, 0)
	workflowsBefore := l.countWorkflows()

	stats := newLoadStats()
	began := time.Now()
	l.run(stats, set.duration)
	took := time.Since(began)
	after := l.footprint(before.goroutines+loadGoroutineMargin, 60*time.Second)
	workflowsAfter := l.countWorkflows()
	taskFailures := l.workflowTaskFailures()

	fmt.Printf("\nload: %d users (%s) on PostgreSQL for %s after a %s warm-up, pausing %s-%s between screens\n",
		set.users, l.roleCounts(), took.Round(time.Second), set.warmup, set.think/2, set.think*3/2)
	stats.print()
	total := stats.total()
	fmt.Printf("%d requests (%.1f/s): %d 2xx, %d refused moves (409/422), %d other 4xx, %d 5xx, %d transport errors\n",
		total.calls, float64(total.calls)/took.Seconds(), total.ok, total.refused, total.clientErr, total.serverErr, total.transport)
	fmt.Printf("workflows: %d before the load, %d after; workflow tasks failed or timed out: %d\n", workflowsBefore, workflowsAfter, taskFailures)
	fmt.Printf("goroutines: %d after the warm-up, %d after the load (limit %d)\n", before.goroutines, after.goroutines, before.goroutines+loadGoroutineMargin)
	liveLimit, inuseLimit := uint64(float64(before.live)*loadLiveMargin)+loadLiveSlack, uint64(float64(before.heap)*loadInuseMargin)
	fmt.Printf("live heap: %.1f MiB after the warm-up, %.1f MiB after the load (limit %.1f MiB)\n", mib(before.live), mib(after.live), mib(liveLimit))
	fmt.Printf("heap in use: %.1f MiB after the warm-up, %.1f MiB after the load (limit %.1f MiB); process RSS %.1f MiB, then %.1f MiB\n",
		mib(before.heap), mib(after.heap), mib(inuseLimit), mib(before.rss), mib(after.rss))

	for _, f := range stats.failures() {
		t.Error(f)
	}
	for _, name := range []string{"move", "add candidate", "scorecard", "log activity"} {
		if c := stats.calls[name]; c == nil || c.ok == 0 {
			t.Errorf("no %s succeeded during the load: the load does not exercise it", name)
		}
	}
	if taskFailures > 0 {
		t.Errorf("%d workflow tasks failed or timed out during the test", taskFailures)
	}
	if after.goroutines > before.goroutines+loadGoroutineMargin {
		path := filepath.Join(t.TempDir(), "goroutines.txt")
		if f, err := os.Create(path); err == nil {
			_ = pprof.Lookup("goroutine").WriteTo(f, 1)
			_ = f.Close()
			data, _ := os.ReadFile(path)
			t.Logf("goroutines after the load:\n%s", data)
		}
		t.Errorf("goroutines grew from %d to %d after the load (margin %d)", before.goroutines, after.goroutines, loadGoroutineMargin)
	}
	if after.live > liveLimit {
		t.Errorf("the live heap grew from %.1f MiB to %.1f MiB after the load (limit %.1f MiB)", mib(before.live), mib(after.live), mib(liveLimit))
	}
	if after.heap > inuseLimit {
		t.Errorf("heap in use grew from %.1f MiB to %.1f MiB after the load (limit %.1f MiB)", mib(before.heap), mib(after.heap), mib(inuseLimit))
	}
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// loadRig is the organisation the load works in and its signed-in users.
type loadRig struct {
	t        *testing.T
	app      *App
	set      loadSettings
	tr       *http.Transport
	users    []*loadUser
	profiles int
}

// loadOpening is an opening the recruiters work on, with its interview panel.
type loadOpening struct {
	id    int64
	panel []int64
}

// newLoadRig adds the load's users (a fifth recruiters, a tenth interviewers, a twentieth department heads and
// as many sales managers, the rest reps), an opening per five recruiters with a panel of three interviewers and
// ten candidates each (started through their workflows), signs everyone in and gives each rep two clients.
func newLoadRig(t *testing.T, app *App, set loadSettings) *loadRig {
	ctx := context.Background()
	l := &loadRig{t: t, app: app, set: set, tr: &http.Transport{MaxIdleConns: 1000, MaxIdleConnsPerHost: 1000, IdleConnTimeout: time.Minute}}
	// A cheap hash of the password: signing hundreds of users in should not take minutes.
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	n := set.users
	roles := map[string]int{"interviewer": max(3, n/10), "head": max(1, n/20), "manager": max(1, n/20)}
	roles["recruiter"] = max(1, n/5)
	roles["rep"] = max(1, n-roles["recruiter"]-roles["interviewer"]-roles["head"]-roles["manager"])
	modelRole := map[string]models.Role{"recruiter": models.RoleRecruiter, "interviewer": models.RoleInterviewer, "head": models.RoleDepartmentHead,
		"manager": models.RoleSalesManager, "rep": models.RoleSalesRep}
	ids := map[string][]int64{}
	for _, role := range []string{"recruiter", "interviewer", "head", "manager", "rep"} {
		for i := range roles[role] {
			u, err := app.DB.CreateUser(ctx, fmt.Sprintf("load-%s-%d@bullpen.test", role, i), fmt.Sprintf("Load %s %d", role, i), string(hash),
				[]models.Role{modelRole[role]})
			if err != nil {
				t.Fatal(err)
			}
			ids[role] = append(ids[role], u.ID)
			l.users = append(l.users, &loadUser{l: l, role: role, id: u.ID, email: u.Email, n: len(l.users)})
		}
	}
	var openings []*loadOpening
	for k := range max(1, roles["recruiter"]/5) {
		rec := ids["recruiter"][k*5%len(ids["recruiter"])]
		var panel []int64
		for j := range 3 {
			panel = append(panel, ids["interviewer"][(3*k+j)%len(ids["interviewer"])])
		}
		o, err := app.DB.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: fmt.Sprintf("Sales reps %d, load", k+1),
			Description: "Candidates of the load test.", Seats: 1000, RecruiterID: &rec, InterviewerIDs: panel, SlateSize: 1,
			RolePlay: models.RolePlaySettings{Scenario: "Sell a one-year service contract.", DurationMinutes: 20, ScenarioIDs: demoRotation(ctx, app.DB)},
		}, rec)
		if err != nil {
			t.Fatal(err)
		}
		if err := app.DB.SetOpeningStatus(ctx, o.ID, models.OpeningPendingApproval, models.OpeningOpen); err != nil {
			t.Fatal(err)
		}
		o.Status = models.OpeningOpen
		for i := range 10 {
			d := models.CandidateDraft{Name: fmt.Sprintf("Seeded Candidate %d-%d", k, i), Email: fmt.Sprintf("seed%d.%d@example.com", k, i),
				Source: models.SourceReferral, Locale: "en"}.Normalize()
			if _, _, err := app.API.Apply(ctx, o, store.NewApplication{OpeningID: o.ID, Candidate: d, ActorID: &rec}, false); err != nil {
				t.Fatal(err)
			}
		}
		openings = append(openings, &loadOpening{id: o.ID, panel: panel})
	}
	reps := ids["rep"]
	var wg sync.WaitGroup
	errs := make(chan error, len(l.users))
	for i, u := range l.users {
		u.r = rand.New(rand.NewPCG(uint64(i), 42))
		u.opening = openings[i%len(openings)]
		u.watch = reps[i%len(reps)]
		wg.Go(func() { errs <- u.signIn() })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return l
}

func (l *loadRig) roleCounts() string {
	n := map[string]int{}
	for _, u := range l.users {
		n[u.role]++
	}
	return fmt.Sprintf("%d recruiters, %d interviewers, %d department heads, %d sales managers, %d reps",
		n["recruiter"], n["interviewer"], n["head"], n["manager"], n["rep"])
}

// run lets every user work until the time is up, the users starting out of step.
func (l *loadRig) run(stats *loadStats, d time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var wg sync.WaitGroup
	for _, u := range l.users {
		u.stats = stats
		wg.Go(func() {
			if !u.pause(ctx, time.Duration(u.r.Int64N(int64(l.set.think)))) {
				return
			}
			for ctx.Err() == nil {
				u.visit(ctx)
				u.pause(ctx, l.set.think/2+time.Duration(u.r.Int64N(int64(l.set.think))))
			}
		})
	}
	wg.Wait()
}

// footprint is what the process holds: goroutines, the live heap and the heap in use after a collection, and
// its resident memory.
type footprint struct {
	goroutines      int
	live, heap, rss uint64
}

// footprint measures the process at rest: the users' idle connections closed, the worker's cache of running
// workflows emptied (each cached workflow keeps goroutines until it ends or is evicted; a running one is not a
// leak), and the garbage collected. It waits a few seconds first, and up to wait more while there are more
// goroutines than limit.
func (l *loadRig) footprint(limit int, wait time.Duration) footprint {
	l.tr.CloseIdleConnections()
	deadline := time.Now().Add(wait)
	time.Sleep(5 * time.Second)
	for {
		worker.PurgeStickyWorkflowCache()
		time.Sleep(time.Second)
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		f := footprint{goroutines: runtime.NumGoroutine(), live: m.HeapAlloc, heap: m.HeapInuse, rss: readRSS()}
		if f.goroutines <= limit || limit == 0 || time.Now().After(deadline) {
			l.writeHeapProfile()
			return f
		}
		time.Sleep(2 * time.Second)
	}
}

// writeHeapProfile saves the heap's profile in BULLPEN_LOAD_PROFILES (heap-1.pprof after the warm-up, heap-2.pprof
// after the load), to see what grew: go tool pprof -top -base heap-1.pprof heap-2.pprof.
func (l *loadRig) writeHeapProfile() {
	dir := os.Getenv("BULLPEN_LOAD_PROFILES")
	if dir == "" {
		return
	}
	l.profiles++
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", l.profiles)))
	if err != nil {
		l.t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		l.t.Fatal(err)
	}
}

// readRSS is the process's resident memory from /proc, or 0 where there is none.
func readRSS() uint64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, rss uint64
	if _, err := fmt.Sscan(string(data), &size, &rss); err != nil {
		return 0
	}
	return rss * uint64(os.Getpagesize())
}

func (l *loadRig) countWorkflows() int64 {
	n, err := l.app.Temporal.CountWorkflow(context.Background(), &workflowservice.CountWorkflowExecutionsRequest{Namespace: l.app.Config.TemporalNamespace})
	if err != nil {
		l.t.Fatal(err)
	}
	return n.Count
}

// workflowTaskFailures counts the failed and timed-out workflow tasks in every history on the server: a
// workflow whose code panicked or could not replay under the load, or a worker too slow to take its tasks.
func (l *loadRig) workflowTaskFailures() int {
	failed := 0
	eachHistoryEvent(l.t, l.app.Temporal, l.app.Config.TemporalNamespace, nil, func(e *workflowpb.WorkflowExecutionInfo, ev *historypb.HistoryEvent) {
		switch ev.EventType {
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_FAILED, enumspb.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
			failed++
			if failed <= 5 {
				l.t.Logf("%s %s: %s %v", e.Type.GetName(), e.Execution.GetWorkflowId(), ev.EventType, ev.GetWorkflowTaskFailedEventAttributes().GetFailure())
			}
		}
	})
	return failed
}

// loadUser is one signed-in person of the load, with their own session and connection.
type loadUser struct {
	l       *loadRig
	role    string
	id      int64
	email   string
	n       int
	r       *rand.Rand
	http    *http.Client
	csrf    string
	stats   *loadStats
	visits  int
	opening *loadOpening // a recruiter's
	watch   int64        // the rep a manager looks at
	clients []int64      // a rep's
	added   int
}

func (u *loadUser) signIn() error {
	jar, _ := cookiejar.New(nil)
	u.http = &http.Client{Jar: jar, Transport: u.l.tr, Timeout: 60 * time.Second}
	u.stats = newLoadStats()
	var out struct {
		CSRF string `json:"csrf_token"`
	}
	if code := u.call("sign in", "POST", "/api/v1/session", map[string]string{"email": u.email, "password": pw}, &out, false); code != 200 {
		return fmt.Errorf("sign in %s: %d", u.email, code)
	}
	u.csrf = out.CSRF
	if u.role == "rep" {
		for k := range 2 {
			var acc struct{ ID int64 }
			if code := u.call("add client", "POST", "/api/v1/accounts", map[string]string{"name": fmt.Sprintf("Load client %d-%d", u.n, k),
				"city": "Tirana", "industry": "retail"}, &acc, false); code != 201 {
				return fmt.Errorf("%s adds a client: %d", u.email, code)
			}
			// The first call with a new client makes the rep its owner; meetings and deals come after.
			if code := u.call("log activity", "POST", "/api/v1/activities", map[string]any{"account_id": acc.ID, "kind": "call",
				"notes": "First call."}, nil, false); code != 201 {
				return fmt.Errorf("%s calls their new client: %d", u.email, code)
			}
			u.clients = append(u.clients, acc.ID)
		}
	}
	return nil
}

// pause waits d, or less if the load ends first; it says whether the load goes on.
func (u *loadUser) pause(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// think is a shorter pause within a visit: reading the screen before acting on it.
func (u *loadUser) think(ctx context.Context) bool {
	return u.pause(ctx, u.l.set.think/4+time.Duration(u.r.Int64N(int64(u.l.set.think/2))))
}

// visit is one screen of the user's day, with what they do on it.
func (u *loadUser) visit(ctx context.Context) {
	u.visits++
	switch u.role {
	case "recruiter":
		u.recruit(ctx)
	case "interviewer":
		u.interview(ctx)
	case "head":
		u.read([]string{"/api/v1/dashboard", "/api/v1/dashboard/hiring", "/api/v1/openings", "/api/v1/offers", "/api/v1/staffing-plans",
			"/api/v1/reports/pipeline", "/api/v1/notifications", "/api/v1/employees", "/api/v1/pay-statements"})
	case "manager":
		u.read([]string{"/api/v1/dashboard", "/api/v1/teams", "/api/v1/sales-people", "/api/v1/home",
			fmt.Sprintf("/api/v1/activities?rep=%d", u.watch), fmt.Sprintf("/api/v1/greetings?owner=%d", u.watch), "/api/v1/employees"})
		if u.visits%10 == 0 {
			u.call("kudos", "POST", "/api/v1/kudos", map[string]any{"to_user_id": u.watch, "message": "Good calls this week."}, nil, false)
		}
	default:
		u.sell(ctx)
	}
}

// read loads the role's screens in turn, as a person going round their pages.
func (u *loadUser) read(paths []string) {
	p := paths[u.visits%len(paths)]
	name := p
	if i := slices.Index([]byte(p), '?'); i >= 0 {
		name = p[:i]
	}
	u.call("GET "+name[len("/api/v1"):], "GET", p, nil, nil, false)
}

// boardItem is an application as the pipeline board shows it.
type boardItem struct {
	ID    int64  `json:"id"`
	Stage string `json:"stage"`
}

// recruit is a recruiter's visit to their board: a candidate added when few are open, else a candidate's
// page opened and, mostly, moved on (scheduling their first interview when that is next), or a note or tags.
func (u *loadUser) recruit(ctx context.Context) {
	var board struct{ Items []boardItem }
	if u.call("board", "GET", fmt.Sprintf("/api/v1/openings/%d/applications?limit=300", u.opening.id), nil, &board, false) != 200 {
		return
	}
	var open []boardItem
	for _, it := range board.Items {
		if !models.Stage(it.Stage).Closed() && it.Stage != string(models.StageHired) {
			open = append(open, it)
		}
	}
	if len(open) < 15 || u.r.IntN(8) == 0 {
		u.added++
		u.call("add candidate", "POST", fmt.Sprintf("/api/v1/openings/%d/applications", u.opening.id), map[string]any{
			"name": fmt.Sprintf("Load Candidate %d-%d", u.n, u.added), "email": fmt.Sprintf("load%d.%d.%d@example.com", u.n, u.added, time.Now().UnixNano()%1e6),
			"phone": "+355 69 123 4567", "source": "referral", "tags": []string{"load"}}, nil, false)
		return
	}
	if !u.think(ctx) {
		return
	}
	path := fmt.Sprintf("/api/v1/applications/%d", open[u.r.IntN(len(open))].ID)
	var app struct {
		Stage        string   `json:"stage"`
		AllowedMoves []string `json:"allowed_moves"`
	}
	if u.call("candidate", "GET", path, nil, &app, false) != 200 {
		return
	}
	var ivs struct {
		Items []struct {
			Kind     string `json:"kind"`
			Complete bool   `json:"complete"`
		} `json:"items"`
	}
	u.call("candidate interviews", "GET", path+"/interviews", nil, &ivs, false)
	u.call("candidate offers", "GET", path+"/offers", nil, nil, false)
	if !u.think(ctx) {
		return
	}
	move := func(to, code, reason string) {
		u.call("move", "POST", path+"/moves", map[string]string{"from": app.Stage, "to": to, "reason": reason, "reason_code": code}, nil, true)
	}
	switch roll := u.r.IntN(100); {
	case roll < 15:
		u.call("note", "POST", path+"/notes", map[string]string{"text": "Called back; keen, available from next month."}, nil, false)
	case roll < 25:
		u.call("tags", "PUT", path+"/tags", map[string]any{"tags": []string{"load", []string{"b2b", "retail", "senior", "tirana"}[u.r.IntN(4)]}}, nil, false)
	case roll < 30:
		u.call("comparison", "GET", fmt.Sprintf("/api/v1/openings/%d/comparison", u.opening.id), nil, nil, false)
	default:
		switch models.Stage(app.Stage) {
		case models.StageApplied, models.StageQuestionnaire, models.StageScreening:
			move(string(models.NextStage(models.Stage(app.Stage))), "", "Good phone screen.")
		case models.StageFirstInterview:
			var first, complete bool
			for _, iv := range ivs.Items {
				first = first || iv.Kind == string(models.InterviewFirst)
				complete = complete || (iv.Kind == string(models.InterviewFirst) && iv.Complete)
			}
			switch {
			case !first:
				u.call("schedule interview", "POST", path+"/interviews", map[string]any{"kind": "first", "starts_at": time.Now().Add(10 * time.Second),
					"duration_minutes": 30, "video_url": "https://meet.example/load", "interviewer_ids": u.opening.panel}, nil, true)
			case !complete:
				u.call("note", "POST", path+"/notes", map[string]string{"text": "Waiting for the panel's scorecards."}, nil, false)
			case u.r.IntN(2) == 0:
				move(string(models.StageShortlist), "", "Strong role-play.")
			default:
				move(string(models.StageRejected), "weak_role_play", "Gave the discount away at once.")
			}
		case models.StageShortlist:
			move(string(models.StageSecondInterview), "", "Meet the head.")
		default:
			move(string(models.StageRejected), "position_filled", "The seats went to others.")
		}
	}
}

// interview is an interviewer's visit to their interviews: a scorecard owed for one that has started is
// written from its kit, else they read their notifications.
func (u *loadUser) interview(ctx context.Context) {
	var mine struct {
		Items []struct {
			ID       int64     `json:"id"`
			StartsAt time.Time `json:"starts_at"`
			Owed     []int64   `json:"owed"`
		} `json:"items"`
	}
	if u.call("my interviews", "GET", "/api/v1/me/interviews", nil, &mine, false) != 200 {
		return
	}
	for _, iv := range mine.Items {
		if len(iv.Owed) == 0 || iv.StartsAt.After(time.Now()) {
			continue
		}
		var kit struct {
			Rubric models.Rubric `json:"rubric"`
		}
		if u.call("kit", "GET", fmt.Sprintf("/api/v1/interviews/%d/kit", iv.ID), nil, &kit, false) != 200 || !u.think(ctx) {
			return
		}
		var ratings []map[string]any
		for _, c := range kit.Rubric.Competencies {
			ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": 2 + u.r.IntN(4), "evidence": "Held the price twice."})
		}
		u.call("scorecard", "POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", iv.ID), map[string]any{"application_id": iv.Owed[0],
			"ratings": ratings, "recommendation": []string{"yes", "strong_yes", "no"}[u.r.IntN(3)], "notes": "Calm under pressure."}, nil, true)
		return
	}
	u.call("GET /notifications", "GET", "/api/v1/notifications", nil, nil, false)
}

// sell is a rep's visit: their home, a client's page with a call or meeting logged, their greetings.
func (u *loadUser) sell(ctx context.Context) {
	switch u.visits % 4 {
	case 0:
		u.call("GET /home", "GET", "/api/v1/home", nil, nil, false)
	case 1:
		acc := u.clients[u.r.IntN(len(u.clients))]
		if u.call("GET /accounts/:id", "GET", fmt.Sprintf("/api/v1/accounts/%d", acc), nil, nil, false) != 200 || !u.think(ctx) {
			return
		}
		kind := []string{"call", "call", "call", "meeting"}[u.r.IntN(4)]
		u.call("log activity", "POST", "/api/v1/activities", map[string]any{"account_id": acc, "kind": kind, "notes": "Asked about the spring order."}, nil, false)
	case 2:
		u.call("GET /accounts", "GET", "/api/v1/accounts", nil, nil, false)
	default:
		u.call("GET /greetings", "GET", "/api/v1/greetings", nil, nil, false)
	}
}

// call sends a JSON request with the user's session and records it under name; a refusal the user could
// meet in the UI (409 or 422: the candidate moved on meanwhile, the slate is not complete) is counted apart
// where refusable. It returns the status, 0 for a transport error.
func (u *loadUser) call(name, method, path string, body, out any, refusable bool) int {
	req, err := jsonRequest(method, u.l.app.URL()+path, body)
	if err != nil {
		u.stats.add(name, 0, 0, refusable, err.Error())
		return 0
	}
	if u.csrf != "" {
		req.Header.Set("X-CSRF-Token", u.csrf)
	}
	start := time.Now()
	res, err := u.http.Do(req)
	if err != nil {
		u.stats.add(name, time.Since(start), 0, refusable, fmt.Sprintf("%s %s: %v", method, path, err))
		return 0
	}
	data, err := io.ReadAll(res.Body)
	res.Body.Close()
	took := time.Since(start)
	if err != nil {
		u.stats.add(name, took, 0, refusable, fmt.Sprintf("%s %s: reading the answer: %v", method, path, err))
		return 0
	}
	u.stats.add(name, took, res.StatusCode, refusable, fmt.Sprintf("%s %s (%s): %d %.300s", method, path, u.role, res.StatusCode, data))
	if res.StatusCode < 300 && out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			u.stats.add(name+" (decode)", 0, 0, false, fmt.Sprintf("%s %s: %v", method, path, err))
		}
	}
	return res.StatusCode
}

// loadStats is each named call's latency and outcomes.
type loadStats struct {
	mu    sync.Mutex
	calls map[string]*loadCall
	order []string
}

type loadCall struct {
	took                                                []time.Duration
	calls, ok, refused, clientErr, serverErr, transport int
	firstBad                                            string
}

func newLoadStats() *loadStats { return &loadStats{calls: map[string]*loadCall{}} }

func (s *loadStats) add(name string, took time.Duration, status int, refusable bool, detail string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.calls[name]
	if c == nil {
		c = &loadCall{}
		s.calls[name] = c
		s.order = append(s.order, name)
	}
	c.calls++
	if took > 0 {
		c.took = append(c.took, took)
	}
	bad := false
	switch {
	case status == 0:
		c.transport++
		bad = true
	case status < 400:
		c.ok++
	case refusable && (status == http.StatusConflict || status == http.StatusUnprocessableEntity):
		c.refused++
	case status < 500:
		c.clientErr++
		bad = true
	default:
		c.serverErr++
		bad = true
	}
	if bad && c.firstBad == "" {
		c.firstBad = detail
	}
}

// failures says what went wrong, a line per call that had any 5xx, transport error or unexpected 4xx.
func (s *loadStats) failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, name := range s.order {
		if c := s.calls[name]; c.serverErr+c.transport+c.clientErr > 0 {
			out = append(out, fmt.Sprintf("%s: %d 5xx, %d transport errors, %d unexpected 4xx of %d; first: %s",
				name, c.serverErr, c.transport, c.clientErr, c.calls, c.firstBad))
		}
	}
	return out
}

func (s *loadStats) total() loadCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	var t loadCall
	for _, c := range s.calls {
		t.calls, t.ok, t.refused, t.clientErr, t.serverErr, t.transport = t.calls+c.calls, t.ok+c.ok, t.refused+c.refused,
			t.clientErr+c.clientErr, t.serverErr+c.serverErr, t.transport+c.transport
	}
	return t
}

func (s *loadStats) print() {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := slices.Clone(s.order)
	slices.Sort(names)
	fmt.Printf("| %-26s | %7s | %8s | %8s | %7s | %7s | %5s | %5s |\n", "call", "calls", "p50 ms", "p99 ms", "2xx", "refused", "4xx", "5xx")
	for _, name := range names {
		c := s.calls[name]
		ts := slices.Clone(c.took)
		slices.Sort(ts)
		fmt.Printf("| %-26s | %7d | %8.1f | %8.1f | %7d | %7d | %5d | %5d |\n", name, c.calls, ms(percentile(ts, 0.5)), ms(percentile(ts, 0.99)),
			c.ok, c.refused, c.clientErr, c.serverErr+c.transport)
	}
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

// BenchmarkJourneys drives complete candidate journeys through the real API, many at once, on bullpen dev's
// embedded stack (BULLPEN_BENCH_DB=postgres puts the app database on PostgreSQL): the candidate applies on
// the public page and answers the questionnaire from their signed link; the recruiter moves them to the first
// interview and schedules the role-play; three interviewers score it; the recruiter shortlists the candidate
// (a slate of one), moves them to the second interview and schedules it; the panel scores it; the recruiter
// drafts an offer, the department head approves it, the candidate accepts it from their link, and the hire
// becomes an employee with their Employee workflow. It reports journeys per second and each call's p50 and
// p99, then runs the floor (BenchmarkJourneys's no-op twin, see runFloor) on the same Temporal server with the
// same number of workflow starts, signals, updates, activities and timers per journey, driven the same way,
// and reports the ratio of the two.
//
//	go test ./cmd/bullpen -run '^$' -bench Journeys -benchtime 1x
//
// BULLPEN_BENCH_SCALE=full runs 320 journeys instead of 64; BULLPEN_BENCH_JOURNEYS=n and
// BULLPEN_BENCH_USERS=n (concurrent journeys, default 64) set them exactly. BULLPEN_BENCH_TASK_WAITS=1 also
// prints how long the journeys' workflow and activity tasks waited for a worker (printTaskWaits).
func BenchmarkJourneys(b *testing.B) {
	journeys, users := 64, 64
	if os.Getenv("BULLPEN_BENCH_SCALE") == "full" {
		journeys = 320
	}
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_BENCH_JOURNEYS")); err == nil && n > 0 {
		journeys = n
	}
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_BENCH_USERS")); err == nil && n > 0 {
		users = n
	}
	dbURL, where := "", "bullpen dev (SQLite)"
	if os.Getenv("BULLPEN_BENCH_DB") == "postgres" {
		dbURL, where = storetest.PostgresURL(b), "app database on PostgreSQL"
	}
	// Candidates come from many addresses through a reverse proxy, as they would in production: the public
	// pages' per-address limit holds for each of them, not for all of them together.
	// The candidates read their e-mail: a real SMTP server receives what Bullpen sends, and each candidate
	// follows the link in their own message.
	mail := smtptest.Start(b)
	app := startApp(b, dbURL, b.TempDir(), freeAddr(b), func(c *Config) {
		c.TrustedProxies = []string{"127.0.0.1"}
		c.SMTPURL, c.BaseURL = mail.URL(), "https://jobs.example"
	})
	defer app.Close()
	j := newJourneyRig(b, app)
	j.mail = mail

	for range b.N {
		b.StopTimer()
		j.stats = newCallStats()
		b.StartTimer()
		start := time.Now()
		failed := j.run(journeys, users, j.journey)
		elapsed := time.Since(start)
		b.StopTimer()
		if failed > 0 {
			b.Fatalf("%d of %d journeys failed; first: %v", failed, journeys, j.firstErr.Load())
		}
		ops := j.countOps(start, time.Now(), journeys)
		j.checkHires(journeys)
		if os.Getenv("BULLPEN_BENCH_TASK_WAITS") != "" {
			printTaskWaits(b, app)
		}
		rate := float64(journeys) / elapsed.Seconds()

		floorStats, floorRate, floorOps := runFloor(b, app, ops, journeys, users)
		b.ReportMetric(rate, "journeys/s")
		b.ReportMetric(floorRate, "floor-journeys/s")
		b.ReportMetric(rate/floorRate, "ratio")
		fmt.Printf("\n%s: %d journeys, %d at once, in %.1f s: %.2f journeys/s; floor %.2f journeys/s; ratio %.2f\n",
			where, journeys, users, elapsed.Seconds(), rate, floorRate, rate/floorRate)
		fmt.Printf("Temporal work per journey: %s\nfloor per journey:          %s\n", ops, floorOps)
		fmt.Println("journey calls:")
		j.stats.print()
		fmt.Println("floor calls:")
		floorStats.print()
	}
}

// journeyRig is the staff's signed-in sessions and the opening the journeys go through.
type journeyRig struct {
	b          testing.TB
	app        *App
	base       string
	mail       *smtptest.Server
	rita, head *client0
	panel      []*client0
	panelIDs   []int64
	openingIDs []int64
	templateID int64
	plan       models.PayPlan
	stats      *callStats
	firstErr   atomic.Value
	seq        atomic.Int64
	emails     sync.Map // application ID → candidate e-mail
}

func newJourneyRig(b testing.TB, app *App) *journeyRig {
	ctx := context.Background()
	j := &journeyRig{b: b, app: app, base: app.URL(), stats: newCallStats()}
	admin := newBrowser(b, app.URL())
	admin.login("admin@bullpen.demo", pw)
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "agim@bullpen.demo", "name": "Agim Rama",
		"password": "correct-horse-battery", "roles": []string{"interviewer"}}, nil); code != 201 {
		b.Fatalf("a third interviewer: %d", code)
	}
	login := func(email, password string) *client0 {
		c := newClient0(j)
		if code, err := c.call("login", "POST", "/api/v1/session", map[string]string{"email": email, "password": password}, nil); code != 200 || err != nil {
			b.Fatalf("sign in %s: %d %v", email, code, err)
		}
		var me struct {
			CSRF string `json:"csrf_token"`
			User struct{ ID int64 }
		}
		if code, err := c.call("me", "GET", "/api/v1/me", nil, &me); code != 200 || err != nil {
			b.Fatalf("me: %d %v", code, err)
		}
		c.csrf, c.userID = me.CSRF, me.User.ID
		return c
	}
	j.rita, j.head = login("recruiter@bullpen.demo", pw), login("head@bullpen.demo", pw)
	for _, email := range []string{"interviewer1@bullpen.demo", "interviewer2@bullpen.demo"} {
		j.panel = append(j.panel, login(email, pw))
	}
	j.panel = append(j.panel, login("agim@bullpen.demo", "correct-horse-battery"))
	for _, c := range j.panel {
		j.panelIDs = append(j.panelIDs, c.userID)
	}
	// The journeys' openings (BULLPEN_BENCH_OPENINGS, 8 by default: a department hiring for several teams at
	// once; the candidates take them in turn): seats for all of them, a slate of one so that each candidate is
	// decided on their own, the department head their offers' approver.
	openings := 8
	if n, err := strconv.Atoi(os.Getenv("BULLPEN_BENCH_OPENINGS")); err == nil && n > 0 {
		openings = n
	}
	for i := range openings {
		o, err := app.DB.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: fmt.Sprintf("Sales reps %d, benchmark", i+1),
			Description: "Journeys of the throughput benchmark.", Seats: 1000, RecruiterID: &j.rita.userID, InterviewerIDs: j.panelIDs,
			Questionnaire: &demoQuestionnaire, QuestionnaireDays: models.DefaultQuestionnaireDays, SlateSize: 1,
			RolePlay:   models.RolePlaySettings{Scenario: "Sell a one-year service contract.", DurationMinutes: 20, ScenarioIDs: demoRotation(ctx, app.DB)},
			OfferTerms: models.OfferTerms{OfferApproverIDs: []int64{j.head.userID}, OfferApprovals: 1},
		}, j.rita.userID)
		if err != nil {
			b.Fatal(err)
		}
		if err := app.DB.SetOpeningStatus(ctx, o.ID, models.OpeningPendingApproval, models.OpeningOpen); err != nil {
			b.Fatal(err)
		}
		j.openingIDs = append(j.openingIDs, o.ID)
	}
	var plans struct{ Items []models.PayPlanTemplate }
	j.rita.call("pay plans", "GET", "/api/v1/pay-plans", nil, &plans)
	for _, p := range plans.Items {
		if p.Slug == "sales-rep-eur" {
			j.templateID, j.plan = p.ID, p.Plan
		}
	}
	if j.templateID == 0 {
		b.Fatalf("no sales-rep-eur pay plan in %+v", plans.Items)
	}
	return j
}

// run drives n journeys, users at a time, and returns how many failed.
func (j *journeyRig) run(n, users int, journey func(i int) error) int {
	var failed atomic.Int64
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range users {
		wg.Go(func() {
			for {
				i := int(next.Add(1))
				if i > n {
					return
				}
				if err := journey(i); err != nil {
					failed.Add(1)
					j.firstErr.CompareAndSwap(nil, err)
				}
			}
		})
	}
	wg.Wait()
	return int(failed.Load())
}

// journey is one candidate's way from the apply page to their first day.
func (j *journeyRig) journey(int) error {
	n := j.seq.Add(1)
	openingID := j.openingIDs[int(n)%len(j.openingIDs)]
	email := fmt.Sprintf("journey%d.%d@example.com", n, time.Now().UnixNano()%1e6)
	cand := newClient0(j)
	cand.forwardedFor = fmt.Sprintf("10.%d.%d.%d", n/65536%256, n/256%256, n%256)
	code, err := cand.form("apply", fmt.Sprintf("/api/v1/public/openings/%d/applications", openingID), map[string]string{
		"name": fmt.Sprintf("Candidate %d", n), "email": email, "phone": "+383 44 123 456", "consent": "true", "locale": "en"},
		map[string][2]string{"cv": {"cv.pdf", "%PDF-1.4\n% a CV\n"}})
	if err := want(code, err, 201, "apply"); err != nil {
		return err
	}
	var board struct{ Items []struct{ ID int64 } }
	code, err = j.rita.call("board search", "GET", fmt.Sprintf("/api/v1/openings/%d/applications?q=%s&limit=5", openingID, email), nil, &board)
	if err := want(code, err, 200, "board search"); err != nil {
		return err
	}
	if len(board.Items) != 1 {
		return fmt.Errorf("board search for %s: %d applications", email, len(board.Items))
	}
	appID := board.Items[0].ID
	appPath := fmt.Sprintf("/api/v1/applications/%d", appID)

	// The questionnaire e-mail goes out with a link that names the application and the deadline; the
	// candidate opens it.
	link, err := j.awaitLink("questionnaire e-mail", email, linkRE)
	if err != nil {
		return err
	}
	qPath := "/api/v1/public/questionnaires/" + link
	code, err = cand.call("questionnaire open", "GET", qPath, nil, nil)
	if err := want(code, err, 200, "questionnaire open"); err != nil {
		return err
	}
	code, err = cand.call("questionnaire answer", "POST", qPath, map[string]any{"locale": "en", "answers": []map[string]any{
		{"question_id": "experience", "option_ids": []string{"years"}}, {"question_id": "calls", "number": 40},
		{"question_id": "negotiation", "number": 5}, {"question_id": "sold", "option_ids": []string{"b2b", "phone"}},
		{"question_id": "why", "text": "I like talking to people."}}}, nil)
	if err := want(code, err, 200, "questionnaire answer"); err != nil {
		return err
	}
	if err := j.rita.pollStage(appPath, "screening"); err != nil {
		return err
	}
	move := func(to, reason string) error {
		code, err := j.rita.call("move", "POST", appPath+"/moves", map[string]string{"to": to, "reason": reason}, nil)
		return want(code, err, 200, "move to "+to)
	}
	if err := move("first_interview", "Good questionnaire"); err != nil {
		return err
	}
	if err := j.interview(appPath, appID, "first"); err != nil {
		return err
	}
	code, err = j.rita.call("shortlist", "POST", fmt.Sprintf("/api/v1/openings/%d/shortlist", openingID), map[string]any{
		"application_ids": []int64{appID}, "reason": "Negotiated well", "rest": "wait"}, nil)
	if err := want(code, err, 200, "shortlist"); err != nil {
		return err
	}
	if err := move("second_interview", "Meet the head"); err != nil {
		return err
	}
	if err := j.interview(appPath, appID, "second"); err != nil {
		return err
	}
	var off struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	code, err = j.rita.call("offer draft", "POST", appPath+"/offers", map[string]any{"template_id": j.templateID, "plan": j.plan,
		"start_date": time.Now().AddDate(0, 0, 14).Format(time.DateOnly)}, &off)
	if err := want(code, err, 201, "offer draft"); err != nil {
		return err
	}
	code, err = j.head.call("offer approve", "POST", fmt.Sprintf("/api/v1/offers/%d/decision", off.ID), map[string]any{"decision": "approve"}, &off)
	if err := want(code, err, 200, "offer approve"); err != nil {
		return err
	}
	if off.Status != "sent" {
		return fmt.Errorf("offer %d after approval: %s", off.ID, off.Status)
	}
	// The offer e-mail goes out with a link that names the offer and its deadline.
	token, err := j.awaitLink("offer e-mail", email, offerLinkRE)
	if err != nil {
		return err
	}
	var pub struct {
		Version int `json:"version"`
	}
	code, err = cand.call("offer open", "GET", "/api/v1/public/offers/"+token, nil, &pub)
	if err := want(code, err, 200, "offer open"); err != nil {
		return err
	}
	code, err = cand.call("offer accept", "POST", "/api/v1/public/offers/"+token, map[string]any{"decision": "accept", "version": pub.Version}, nil)
	if err := want(code, err, 200, "offer accept"); err != nil {
		return err
	}
	j.emails.Store(appID, email)
	return j.rita.pollStage(appPath, "hired")
}

// interview schedules the application's first or second interview a second from now with the panel of three,
// waits for it to start, and has each of them score it.
func (j *journeyRig) interview(appPath string, appID int64, kind string) error {
	starts := time.Now().Add(time.Second)
	var iv struct{ ID int64 }
	code, err := j.rita.call("interview schedule", "POST", appPath+"/interviews", map[string]any{"kind": kind, "starts_at": starts,
		"duration_minutes": 30, "video_url": "https://meet.example/bench", "interviewer_ids": j.panelIDs}, &iv)
	if err := want(code, err, 201, kind+" interview"); err != nil {
		return err
	}
	time.Sleep(time.Until(starts) + 50*time.Millisecond)
	var ratings []map[string]any
	for _, c := range models.DefaultRubric("en").Competencies {
		ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": 4, "evidence": "Held the price."})
	}
	for _, c := range j.panel {
		code, err := c.call("scorecard", "POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", iv.ID), map[string]any{"application_id": appID,
			"ratings": ratings, "recommendation": "yes", "notes": "Calm under pressure."}, nil)
		if err := want(code, err, 201, kind+" interview scorecard"); err != nil {
			return err
		}
	}
	return nil
}

// checkHires checks that every journey ended with an employee whose workflow runs.
func (j *journeyRig) checkHires(n int) {
	ctx := context.Background()
	hired := 0
	j.emails.Range(func(k, _ any) bool {
		e, err := j.app.DB.EmployeeOfApplication(ctx, k.(int64))
		if err != nil {
			j.b.Errorf("application %d: no employee: %v", k, err)
			return true
		}
		d, err := j.app.Temporal.DescribeWorkflowExecution(ctx, workflows.EmployeeWorkflowID(e.ID), "")
		if err != nil || d.WorkflowExecutionInfo.Status != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
			j.b.Errorf("employee %d: workflow not running: %v", e.ID, err)
		}
		hired++
		return true
	})
	if hired != n {
		j.b.Errorf("%d hires for %d journeys", hired, n)
	}
}

// temporalOps is the Temporal work of a journey: what the floor repeats.
type temporalOps struct {
	Starts, Signals, Updates, Activities, LocalActivities, Timers, WorkflowTasks float64
}

func (o temporalOps) String() string {
	return fmt.Sprintf("%.1f workflow starts, %.1f signals, %.1f updates, %.1f activities, %.1f local activities, %.1f timers, %.1f workflow tasks",
		o.Starts, o.Signals, o.Updates, o.Activities, o.LocalActivities, o.Timers, o.WorkflowTasks)
}

// countOps reads every workflow history on the server and counts, per journey, the events between from and to.
func (j *journeyRig) countOps(from, to time.Time, journeys int) temporalOps {
	return countHistoryOps(j.b, j.app.Temporal, j.app.Config.TemporalNamespace, from, to, journeys, "")
}

func countHistoryOps(b testing.TB, c client.Client, namespace string, from, to time.Time, journeys int, workflowType string) temporalOps {
	ctx := context.Background()
	// Visibility is written after the fact: wait until the list of workflows stops growing.
	for last := int64(-1); ; time.Sleep(time.Second) {
		n, err := c.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{Namespace: namespace})
		if err != nil {
			b.Fatal(err)
		}
		if n.Count == last {
			break
		}
		last = n.Count
	}
	var ops temporalOps
	keep := func(e *workflowpb.WorkflowExecutionInfo) bool {
		return (workflowType == "" || e.Type.GetName() == workflowType) && (e.CloseTime == nil || !e.CloseTime.AsTime().Before(from))
	}
	eachHistoryEvent(b, c, namespace, keep, func(_ *workflowpb.WorkflowExecutionInfo, ev *historypb.HistoryEvent) {
		if t := ev.EventTime.AsTime(); t.Before(from) || t.After(to) {
			return
		}
		switch ev.EventType {
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
			ops.Starts++
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
			ops.Signals++
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
			ops.Updates++
		case enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
			ops.Activities++
		case enumspb.EVENT_TYPE_MARKER_RECORDED:
			if ev.GetMarkerRecordedEventAttributes().GetMarkerName() == "LocalActivity" {
				ops.LocalActivities++
			}
		case enumspb.EVENT_TYPE_TIMER_STARTED:
			ops.Timers++
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
			ops.WorkflowTasks++
		}
	})
	n := float64(journeys)
	return temporalOps{ops.Starts / n, ops.Signals / n, ops.Updates / n, ops.Activities / n, ops.LocalActivities / n, ops.Timers / n, ops.WorkflowTasks / n}
}

// client0 is one simulated user's HTTP session, safe for concurrent use, timing every call by name.
type client0 struct {
	j            *journeyRig
	http         *http.Client
	csrf         string
	userID       int64
	forwardedFor string
}

func newClient0(j *journeyRig) *client0 {
	jar, _ := cookiejar.New(nil)
	return &client0{j: j, http: &http.Client{Jar: jar, Timeout: 60 * time.Second}}
}

func (c *client0) send(name string, req *http.Request, out any) (int, error) {
	if c.csrf != "" {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	if c.forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", c.forwardedFor)
	}
	start := time.Now()
	res, err := c.http.Do(req)
	if err != nil {
		c.j.stats.add(name, time.Since(start), true)
		return 0, err
	}
	data, err := io.ReadAll(res.Body)
	res.Body.Close()
	c.j.stats.add(name, time.Since(start), err != nil || res.StatusCode >= 500)
	if err != nil {
		return res.StatusCode, err
	}
	if res.StatusCode >= 300 {
		return res.StatusCode, fmt.Errorf("%s %s: %d %s", req.Method, req.URL.Path, res.StatusCode, data)
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return res.StatusCode, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
		}
	}
	return res.StatusCode, nil
}

func (c *client0) call(name, method, path string, body, out any) (int, error) {
	req, err := jsonRequest(method, c.j.base+path, body)
	if err != nil {
		return 0, err
	}
	return c.send(name, req, out)
}

func (c *client0) form(name, path string, fields map[string]string, files map[string][2]string) (int, error) {
	req, err := formRequest(c.j.base+path, fields, files)
	if err != nil {
		return 0, err
	}
	return c.send(name, req, nil)
}

// offerLinkRE finds the offer link in an e-mail (linkRE finds the questionnaire's).
var offerLinkRE = regexp.MustCompile(`https://jobs\.example/o/([A-Za-z0-9._-]+)`)

// awaitLink waits, as a candidate waits for their mail, for the message to email that carries a link
// matching re, and returns the link's token. The wait is reported beside the calls as "name (wait)".
func (j *journeyRig) awaitLink(name, email string, re *regexp.Regexp) (string, error) {
	start := time.Now()
	var token string
	_, ok := j.mail.Await(time.Minute, func(m smtptest.Message) bool {
		if !slices.Contains(m.To, email) {
			return false
		}
		if sub := re.FindStringSubmatch(m.Body); sub != nil {
			token = sub[1]
			return true
		}
		return false
	})
	j.stats.add(name+" (wait)", time.Since(start), !ok)
	if !ok {
		return "", fmt.Errorf("%s: nothing for %s after a minute", name, email)
	}
	return token, nil
}

// pollStage reads the candidate page until the application is at stage.
func (c *client0) pollStage(appPath, stage string) error {
	var a struct {
		Stage string `json:"stage"`
	}
	return c.pollUntil("candidate page", appPath, &a, func() bool { return a.Stage == stage })
}

// pollEvery is how often a simulated person looks again at a step a workflow takes on its own: faster than
// the UI's one second, slower than a loop that would measure its own load.
const pollEvery = 100 * time.Millisecond

// pollUntil reads path into out until done says so, for up to a minute: a workflow's step still to be taken.
func (c *client0) pollUntil(name, path string, out any, done func() bool) error {
	deadline := time.Now().Add(time.Minute)
	for {
		code, err := c.call(name, "GET", path, nil, out)
		if err != nil || code != 200 {
			return fmt.Errorf("%s: %d %v", name, code, err)
		}
		if done() {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: %s not there after a minute", name, path)
		}
		time.Sleep(pollEvery)
	}
}

func want(code int, err error, status int, what string) error {
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if code != status {
		return fmt.Errorf("%s: %d, want %d", what, code, status)
	}
	return nil
}

// callStats is the latency of each named call.
type callStats struct {
	mu     sync.Mutex
	times  map[string][]time.Duration
	errors map[string]int
	order  []string
}

func newCallStats() *callStats {
	return &callStats{times: map[string][]time.Duration{}, errors: map[string]int{}}
}

func (s *callStats) add(name string, d time.Duration, failed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.times[name]; !ok {
		s.order = append(s.order, name)
	}
	s.times[name] = append(s.times[name], d)
	if failed {
		s.errors[name]++
	}
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func (s *callStats) print() {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Printf("| %-28s | %7s | %8s | %8s | %6s |\n", "call", "calls", "p50 ms", "p99 ms", "5xx")
	for _, name := range s.order {
		ts := slices.Clone(s.times[name])
		if len(ts) == 0 {
			continue
		}
		slices.Sort(ts)
		fmt.Printf("| %-28s | %7d | %8.1f | %8.1f | %6d |\n", name, len(ts), ms(percentile(ts, 0.5)), ms(percentile(ts, 0.99)), s.errors[name])
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/devtemporal"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store/storetest"
	"github.com/bullpen-hq/bullpen/workflows"
)

// upgradeFrom is the release the upgrade test starts its workflows on: the parent of 1428c46, the last commit
// before the workflows' first versioned changes (workflow.GetVersion). Since then: the application's people's
// updates record their step as a local activity and the opening hears only the moves it keeps (1428c46),
// an update no longer waits for its signal to the opening to be delivered (0b8005f), a department head's
// decision waits for the plan's submission to be recorded (707a6d1); the staffing plan's steps are local
// activities too. Its binary is built from the git history, so the test needs a full clone.
const upgradeFrom = "89873820317fab1de497297b25ad0a99fc4f0320"

// TestWorkerUpgrade upgrades a running Bullpen with workflows in flight, as a deployment replaces its binary:
// the release upgradeFrom, built from git, migrates a PostgreSQL database and runs as `bullpen serve` and
// `bullpen worker` against a Temporal server that outlives it (an embedded one in this test process, standing
// in for the cluster). Through its API a recruiter submits a staffing plan, opens an opening with a
// questionnaire and takes four candidates to different steps: one waits for her questionnaire, one is at
// screening, one has an offer waiting for the department head's approval, one is hired and has her Employee
// workflow running. Both old processes stop; the current code (worker and API in this process, migrating the
// schema first) takes over on the same address, Temporal server and database, and everything is finished:
// the plan approved and its openings opened, the questionnaire answered, candidates moved and rejected, the
// offer approved and accepted into a hire, the employee leaving. Every workflow the old code started must end
// as it should, and no history may hold a failed workflow task (a non-determinism error among them).
func TestWorkerUpgrade(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	old := buildRelease(t, root, upgradeFrom)
	built := time.Since(began)

	// The Temporal server that both releases use, on a file of its own.
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	temporalAddr := freeAddr(t)
	host, port, err := splitHostPort(temporalAddr)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := devtemporal.Start(devtemporal.Options{DatabaseFile: filepath.Join(t.TempDir(), "temporal.db"), IP: host, Port: port,
		Namespace: "default", Log: log})
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Stop()
	mail := smtptest.Start(t)
	dbURL, addr := storetest.PostgresURL(t), freeAddr(t)
	const secret = "upgrade-test-link-secret-0123456789abcdef"
	env := []string{"DATABASE_URL=" + dbURL, "TEMPORAL_ADDRESS=" + dev.Address(), "BULLPEN_ADDR=" + addr, "BULLPEN_LINK_SECRET=" + secret,
		"SMTP_URL=" + mail.URL(), "BULLPEN_BASE_URL=https://jobs.example", "BULLPEN_LOG_LEVEL=warn", "BULLPEN_DATA_DIR=" + t.TempDir(),
		"BULLPEN_TEMPORAL_UI_ADDR=", "BULLPEN_USER_PASSWORD=" + upgradePassword}

	// The old release: its schema, its users, its API and worker.
	old.run(t, env, "migrate")
	for _, u := range [][2]string{{"admin@upgrade.test", "admin"}, {"head@upgrade.test", "department_head"},
		{"rita@upgrade.test", "recruiter"}, {"ilir@upgrade.test", "interviewer"}} {
		old.run(t, env, "user", "create", "--email", u[0], "--role", u[1])
	}
	worker, serve := old.start(t, env, "worker"), old.start(t, env, "serve")
	base := "http://" + addr
	eventually(t, 60*time.Second, "the old release's API", func() bool {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
		}
		return err == nil && res.StatusCode == 200
	})
	tc, err := dialTemporal(context.Background(), Config{TemporalAddress: dev.Address(), TemporalNamespace: "default"}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	u := newUpgradeRig(t, base, mail, tc)
	u.before()
	oldMarkers := versionMarkers(t, tc)
	worker.stop(t)
	serve.stop(t)
	switched := time.Now()

	// The current code on the same address, Temporal server and database.
	app := startAppWith(t, dbURL, t.TempDir(), dev.Address(), func(c *Config) {
		c.Addr, c.LinkSecret, c.SMTPURL, c.BaseURL = addr, secret, mail.URL(), "https://jobs.example"
	}, func(a *App) { a.EmbeddedTemporal, a.Demo = false, false })
	defer app.Close()
	u.after()
	newMarkers := versionMarkers(t, tc)

	// Every history: no workflow task failed (a non-determinism error fails one, and the workflow waits
	// forever for a worker that can replay it); the old release recorded no version markers, the new one did.
	failed := 0
	eachHistoryEvent(t, app.Temporal, app.Config.TemporalNamespace, nil, func(e *workflowpb.WorkflowExecutionInfo, ev *historypb.HistoryEvent) {
		if ev.EventType == enumspb.EVENT_TYPE_WORKFLOW_TASK_FAILED {
			failed++
			a := ev.GetWorkflowTaskFailedEventAttributes()
			t.Errorf("%s %s: workflow task failed (%s): %s", e.Type.GetName(), e.Execution.GetWorkflowId(), a.GetCause(), a.GetFailure().GetMessage())
		}
	})
	if len(oldMarkers) != 0 {
		t.Errorf("the old release recorded version markers %v: it is not the release before the versioned changes", oldMarkers)
	}
	for _, change := range []string{"plan-decide-after-submitted"} {
		if !slices.Contains(newMarkers, change) {
			t.Errorf("no %s version marker after the upgrade (markers: %v): the new code did not take the old workflows' steps", change, newMarkers)
		}
	}
	fmt.Printf("\nupgrade from %s: old release built in %.1f s; workflows started on it and finished on the current code: %s; "+
		"the current code's part took %.1f s; version markers recorded after the upgrade: %v; failed workflow tasks: %d\n",
		upgradeFrom[:7], built.Seconds(), strings.Join(u.finished, ", "), time.Since(switched).Seconds(), newMarkers, failed)
}

const upgradePassword = "upgrade-password-123"

// release is a bullpen binary built from an earlier commit.
type release struct{ bin string }

// buildRelease builds the bullpen binary of commit from the repository at root (git archive into a temporary
// folder, then go build; the build cache makes it quick after the first time). A clone without the commit
// fails the test: it must not pass for want of the history it tests.
func buildRelease(t *testing.T, root, commit string) release {
	t.Helper()
	git := func(args ...string) ([]byte, error) {
		return exec.Command("git", append([]string{"-C", root}, args...)...).Output()
	}
	if _, err := git("cat-file", "-e", commit+"^{commit}"); err != nil {
		why := "not a git checkout"
		if shallow, serr := git("rev-parse", "--is-shallow-repository"); serr == nil {
			why = "a shallow clone: " + strings.TrimSpace(string(shallow))
		}
		t.Fatalf("the upgrade test builds the release %s from the git history, which %s lacks (%s; %v): "+
			"clone the repository in full, or run git fetch --unshallow", commit, root, why, err)
	}
	dir := t.TempDir()
	archive := exec.Command("git", "-C", root, "archive", "--format=tar", commit)
	extract := exec.Command("tar", "-x", "-C", dir)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	extract.Stdin = pipe
	var stderr strings.Builder
	archive.Stderr = &stderr
	if err := extract.Start(); err != nil {
		t.Fatal(err)
	}
	if err := archive.Run(); err != nil {
		t.Fatalf("git archive %s: %v %s", commit, err, stderr.String())
	}
	if err := extract.Wait(); err != nil {
		t.Fatalf("extract %s: %v", commit, err)
	}
	// frontend/dist holds only .gitkeep in git; the binary embeds it and shows a page asking for a UI build.
	bin := filepath.Join(dir, "bullpen-"+commit[:7])
	build := exec.Command("go", "build", "-o", bin, "./cmd/bullpen")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", commit, err, out)
	}
	return release{bin: bin}
}

// run runs one command of the release to its end.
func (r release) run(t *testing.T, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command(r.bin, args...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("old bullpen %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// process is a running command of a release.
type process struct {
	name string
	cmd  *exec.Cmd
	out  *os.File
	done chan error
}

// start starts a long-running command of the release (serve, worker); the test stops it, or its end does.
func (r release) start(t *testing.T, env []string, args ...string) *process {
	t.Helper()
	out, err := os.Create(filepath.Join(t.TempDir(), "output.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(r.bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{name: "old bullpen " + strings.Join(args, " "), cmd: cmd, out: out, done: make(chan error, 1)}
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			data, _ := os.ReadFile(out.Name())
			t.Logf("%s said:\n%s", p.name, data)
		}
		_ = out.Close()
	})
	return p
}

// stop ends the process as a deployment does, with SIGTERM, and waits for it to finish its work.
func (p *process) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("stop %s: %v", p.name, err)
	}
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("%s ended with %v", p.name, err)
		}
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
		t.Errorf("%s did not stop within 30 s of SIGTERM", p.name)
	}
}

// versionMarkers lists the change IDs of every version marker (workflow.GetVersion) in the server's histories.
func versionMarkers(t *testing.T, c client.Client) []string {
	t.Helper()
	var out []string
	eachHistoryEvent(t, c, "default", nil, func(_ *workflowpb.WorkflowExecutionInfo, ev *historypb.HistoryEvent) {
		m := ev.GetMarkerRecordedEventAttributes()
		if ev.EventType != enumspb.EVENT_TYPE_MARKER_RECORDED || m.GetMarkerName() != "Version" {
			return
		}
		var id string
		if p := m.GetDetails()["change-id"]; p != nil && len(p.Payloads) > 0 {
			id = strings.Trim(string(p.Payloads[0].Data), `"`)
		}
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	})
	slices.Sort(out)
	return out
}

// upgradeRig is the people of the upgrade test and what the old release left for the new one to finish.
type upgradeRig struct {
	t                   *testing.T
	base                string
	temporal            client.Client
	mail                *smtptest.Server
	rita, head, ilir    *browser
	ritaID, headID      int64
	ilirID              int64
	planID, openingID   int64
	waiting, screened   int64 // applications: waiting for the questionnaire, at screening
	offered, hired      int64 // with an offer awaiting approval; hired
	offerID, employeeID int64
	questionnaireLinks  map[string]string // by candidate e-mail
	finished            []string
	templateID          int64
	templatePlan        models.PayPlan
}

func newUpgradeRig(t *testing.T, base string, mail *smtptest.Server, c client.Client) *upgradeRig {
	u := &upgradeRig{t: t, base: base, mail: mail, temporal: c, questionnaireLinks: map[string]string{}}
	u.rita, u.head, u.ilir = newBrowser(t, base), newBrowser(t, base), newBrowser(t, base)
	u.ritaID = u.signIn(u.rita, "rita@upgrade.test")
	u.headID = u.signIn(u.head, "head@upgrade.test")
	u.ilirID = u.signIn(u.ilir, "ilir@upgrade.test")
	return u
}

func (u *upgradeRig) signIn(b *browser, email string) int64 {
	b.login(email, upgradePassword)
	var me struct {
		User struct{ ID int64 } `json:"user"`
	}
	if code := b.do("GET", "/api/v1/me", nil, &me); code != 200 {
		u.t.Fatalf("me: %d", code)
	}
	return me.User.ID
}

// before is the old release's part: a plan awaiting its decision, and an opening with four candidates at
// different steps.
func (u *upgradeRig) before() {
	t := u.t
	var plan planOut
	if code := u.rita.do("POST", "/api/v1/staffing-plans", planBody("Upgrade team", 60000), &plan); code != 201 {
		t.Fatalf("submit a plan on the old release: %d", code)
	}
	u.planID = plan.ID
	eventually(t, 20*time.Second, "the plan's submission recorded", func() bool {
		u.rita.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", plan.ID), nil, &plan)
		return len(plan.Timeline) == 1
	})

	var scenarios struct {
		Items []struct {
			ID   int64  `json:"id"`
			Slug string `json:"slug"`
		} `json:"items"`
	}
	u.rita.do("GET", "/api/v1/scenarios", nil, &scenarios)
	var rotation []int64
	for _, s := range scenarios.Items {
		rotation = append(rotation, s.ID)
	}
	if len(rotation) == 0 {
		t.Fatal("the old release has no role-play scenarios")
	}
	var o struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	// The old release knows no private questions (the expected salary, asked of the panel's eyes only).
	questionnaire := demoQuestionnaire
	questionnaire.Questions = slices.DeleteFunc(slices.Clone(questionnaire.Questions), func(q models.Question) bool { return q.Private })
	if code := u.rita.do("POST", "/api/v1/openings", map[string]any{"title": "Sales reps, upgrade", "description": "Hired across an upgrade.",
		"role": "sales_rep", "seats": 5, "recruiter_id": u.ritaID, "interviewer_ids": []int64{u.ilirID}, "questionnaire": questionnaire,
		"slate_size": 1, "role_play": map[string]any{"scenario": "Sell a one-year contract.", "duration_minutes": 20, "scenario_ids": rotation[:1]},
		"offer_approver_ids": []int64{u.headID}}, &o); code != 201 {
		t.Fatalf("add an opening on the old release: %d", code)
	}
	if code := u.head.do("POST", fmt.Sprintf("/api/v1/openings/%d/decision", o.ID), map[string]string{"decision": "approve"}, &o); code != 200 ||
		o.Status != "open" {
		t.Fatalf("approve the opening on the old release: %d %+v", code, o)
	}
	u.openingID = o.ID
	var plans struct{ Items []models.PayPlanTemplate }
	u.rita.do("GET", "/api/v1/pay-plans", nil, &plans)
	for _, p := range plans.Items {
		if p.Slug == "sales-rep-eur" {
			u.templateID, u.templatePlan = p.ID, p.Plan
		}
	}

	u.waiting = u.apply("Ana Pritja", "ana@example.com")
	u.screened = u.apply("Besa Kontrolli", "besa@example.com")
	u.offered = u.apply("Cara Oferta", "cara@example.com")
	u.hired = u.apply("Dea Punësuar", "dea@example.com")
	for _, id := range []int64{u.screened, u.offered, u.hired} {
		u.answer(id)
	}
	for _, id := range []int64{u.offered, u.hired} {
		u.toSecondInterview(id)
	}
	u.offerID = u.draftOffer(u.offered)
	hiredOffer := u.draftOffer(u.hired)
	u.approveAndAccept(hiredOffer, "dea@example.com", u.hired)
	var employees struct {
		Items []struct {
			ID   int64 `json:"id"`
			User struct {
				Name string `json:"name"`
			} `json:"user"`
		} `json:"items"`
	}
	eventually(t, 30*time.Second, "Dea's employee record", func() bool {
		u.head.do("GET", "/api/v1/employees", nil, &employees)
		for _, e := range employees.Items {
			if e.User.Name == "Dea Punësuar" {
				u.employeeID = e.ID
			}
		}
		return u.employeeID != 0
	})
	u.awaitStatus(workflows.EmployeeWorkflowID(u.employeeID), enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING)
}

// after is the current code's part: every workflow the old release left waiting is taken to its end.
func (u *upgradeRig) after() {
	t := u.t

	// The plan: the head approves it; its openings open and the workflow ends.
	var plan planOut
	if code := u.head.do("POST", fmt.Sprintf("/api/v1/staffing-plans/%d/decision", u.planID), map[string]string{"decision": "approve"}, &plan); code != 200 ||
		plan.Status != "approved" {
		t.Fatalf("approve the plan after the upgrade: %d %+v", code, plan)
	}
	eventually(t, 30*time.Second, "the plan's openings", func() bool {
		u.head.do("GET", fmt.Sprintf("/api/v1/staffing-plans/%d", u.planID), nil, &plan)
		return len(plan.Openings) == 2
	})
	if got := strings.Join(plan.kinds(), ","); got != "submitted,approved,openings_opened" {
		t.Errorf("the plan's timeline after the upgrade: %s", got)
	}
	u.awaitStatus(workflows.StaffingPlanWorkflowID(u.planID), enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED)
	u.finished = append(u.finished, "StaffingPlan (awaiting its decision)")

	// Ana answers the questionnaire the old release sent her; she reaches screening and is then turned down.
	u.answer(u.waiting)
	u.move(u.waiting, "rejected", "salary_expectations", "Asks for twice the budget.")
	u.awaitStatus(workflows.ApplicationWorkflowID(u.waiting), enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED)
	u.finished = append(u.finished, "Application (awaiting the questionnaire)")

	// Besa, at screening, goes on to the first interview and withdraws.
	u.move(u.screened, "first_interview", "", "Good questionnaire.")
	u.move(u.screened, "withdrawn", "", "Took another job.")
	u.awaitStatus(workflows.ApplicationWorkflowID(u.screened), enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED)
	u.finished = append(u.finished, "Application (at screening)")

	// Cara's offer, drafted before the upgrade, is approved and accepted: she is hired and her Employee
	// workflow starts on the new code.
	u.approveAndAccept(u.offerID, "cara@example.com", u.offered)
	u.awaitStatus(workflows.ApplicationWorkflowID(u.offered), enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED)
	u.finished = append(u.finished, "Application (offer awaiting approval, then hired)")

	// Dea, hired before the upgrade, leaves: her Employee workflow ends.
	if code := u.head.do("POST", fmt.Sprintf("/api/v1/employees/%d/leave", u.employeeID), map[string]string{"reason": "Moved abroad."}, nil); code != 200 {
		t.Fatalf("Dea leaves after the upgrade: %d", code)
	}
	u.awaitStatus(workflows.EmployeeWorkflowID(u.employeeID), enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED)
	u.finished = append(u.finished, "Employee (running, then leaving)")

	// The opening, started on the old release, heard every move and runs on.
	u.awaitStatus(workflows.OpeningWorkflowID(u.openingID), enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING)
	var opening struct {
		Counts map[string]int `json:"counts"`
	}
	eventually(t, 30*time.Second, "the opening's counts", func() bool {
		u.rita.do("GET", fmt.Sprintf("/api/v1/openings/%d", u.openingID), nil, &opening)
		return opening.Counts["hired"] == 2 && opening.Counts["rejected"] == 1 && opening.Counts["withdrawn"] == 1
	})
	u.finished = append(u.finished, "Opening (running on)")
}

// apply adds a candidate by hand with the questionnaire sent, and returns the application.
func (u *upgradeRig) apply(name, email string) int64 {
	var a struct{ ID int64 }
	if code := u.rita.do("POST", fmt.Sprintf("/api/v1/openings/%d/applications", u.openingID), map[string]any{"name": name, "email": email,
		"send_questionnaire": true}, &a); code != 201 {
		u.t.Fatalf("add %s: %d", name, code)
	}
	msg, ok := u.mail.Await(30*time.Second, func(m smtptest.Message) bool { return slices.Contains(m.To, email) && linkRE.MatchString(m.Body) })
	if !ok {
		u.t.Fatalf("no questionnaire e-mail to %s", email)
	}
	u.questionnaireLinks[email] = linkRE.FindStringSubmatch(msg.Body)[1]
	return a.ID
}

// answer has the candidate answer her questionnaire (passing it) and waits for her to reach screening.
func (u *upgradeRig) answer(appID int64) {
	var a struct {
		Candidate struct {
			Email string `json:"email"`
		} `json:"candidate"`
	}
	u.rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", appID), nil, &a)
	cand := newBrowser(u.t, u.base)
	if code := cand.do("POST", "/api/v1/public/questionnaires/"+u.questionnaireLinks[a.Candidate.Email], map[string]any{"locale": "en",
		"answers": []map[string]any{{"question_id": "experience", "option_ids": []string{"years"}}, {"question_id": "calls", "number": 40},
			{"question_id": "negotiation", "number": 5}, {"question_id": "sold", "option_ids": []string{"b2b", "phone"}},
			{"question_id": "why", "text": "I like talking to people."}}}, nil); code != 200 {
		u.t.Fatalf("%s answers the questionnaire: %d", a.Candidate.Email, code)
	}
	u.awaitStage(appID, "screening")
}

func (u *upgradeRig) move(appID int64, to, code, reason string) {
	u.t.Helper()
	var p problem
	if c := u.rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/moves", appID), map[string]string{"to": to, "reason_code": code, "reason": reason},
		&p); c != 200 {
		u.t.Fatalf("move application %d to %s: %d %+v", appID, to, c, p)
	}
}

func (u *upgradeRig) awaitStage(appID int64, stage string) {
	u.t.Helper()
	var a struct {
		Stage string `json:"stage"`
	}
	eventually(u.t, 30*time.Second, fmt.Sprintf("application %d at %s", appID, stage), func() bool {
		u.rita.do("GET", fmt.Sprintf("/api/v1/applications/%d", appID), nil, &a)
		return a.Stage == stage
	})
}

// toSecondInterview takes a screened candidate through a scored first interview and the shortlist to the
// second interview.
func (u *upgradeRig) toSecondInterview(appID int64) {
	t := u.t
	u.move(appID, "first_interview", "", "Good questionnaire.")
	starts := time.Now().Add(time.Second)
	var iv struct{ ID int64 }
	if code := u.rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/interviews", appID), map[string]any{"kind": "first", "starts_at": starts,
		"duration_minutes": 30, "video_url": "https://meet.example/upgrade", "interviewer_ids": []int64{u.ilirID}}, &iv); code != 201 {
		t.Fatalf("schedule the first interview of %d: %d", appID, code)
	}
	time.Sleep(time.Until(starts) + 100*time.Millisecond)
	var kit struct {
		Rubric models.Rubric `json:"rubric"`
	}
	if code := u.ilir.do("GET", fmt.Sprintf("/api/v1/interviews/%d/kit", iv.ID), nil, &kit); code != 200 {
		t.Fatalf("the kit of interview %d: %d", iv.ID, code)
	}
	var ratings []map[string]any
	for _, c := range kit.Rubric.Competencies {
		ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": 4, "evidence": "Held the price."})
	}
	if code := u.ilir.do("POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", iv.ID), map[string]any{"application_id": appID, "ratings": ratings,
		"recommendation": "yes", "notes": "Calm under pressure."}, nil); code != 201 {
		t.Fatalf("score interview %d: %d", iv.ID, code)
	}
	var ivs struct {
		Items []struct {
			Complete bool `json:"complete"`
		} `json:"items"`
	}
	eventually(t, 30*time.Second, fmt.Sprintf("the first interview of %d complete", appID), func() bool {
		u.rita.do("GET", fmt.Sprintf("/api/v1/applications/%d/interviews", appID), nil, &ivs)
		return len(ivs.Items) == 1 && ivs.Items[0].Complete
	})
	u.move(appID, "shortlist", "", "Strong role-play.")
	u.move(appID, "second_interview", "", "Meet the head.")
}

func (u *upgradeRig) draftOffer(appID int64) int64 {
	var o offerOut
	if code := u.rita.do("POST", fmt.Sprintf("/api/v1/applications/%d/offers", appID), map[string]any{"template_id": u.templateID,
		"plan": u.templatePlan, "start_date": time.Now().AddDate(0, 0, 14).Format(time.DateOnly)}, &o); code != 201 || o.Status != "pending_approval" {
		u.t.Fatalf("draft an offer for %d: %d %+v", appID, code, o)
	}
	return o.ID
}

var upgradeOfferLinkRE = regexp.MustCompile(`https://jobs\.example/o/([A-Za-z0-9._-]+)`)

// approveAndAccept has the head approve the offer and the candidate accept it from her e-mail; she is hired.
func (u *upgradeRig) approveAndAccept(offerID int64, email string, appID int64) {
	t := u.t
	var o offerOut
	if code := u.head.do("POST", fmt.Sprintf("/api/v1/offers/%d/decision", offerID), map[string]any{"decision": "approve"}, &o); code != 200 ||
		o.Status != "sent" {
		t.Fatalf("approve offer %d: %d %+v", offerID, code, o)
	}
	msg, ok := u.mail.Await(30*time.Second, func(m smtptest.Message) bool {
		return slices.Contains(m.To, email) && upgradeOfferLinkRE.MatchString(m.Body)
	})
	if !ok {
		t.Fatalf("no offer e-mail to %s", email)
	}
	token := upgradeOfferLinkRE.FindStringSubmatch(msg.Body)[1]
	cand := newBrowser(t, u.base)
	var pub struct {
		Version int `json:"version"`
	}
	if code := cand.do("GET", "/api/v1/public/offers/"+token, nil, &pub); code != 200 {
		t.Fatalf("%s opens her offer: %d", email, code)
	}
	if code := cand.do("POST", "/api/v1/public/offers/"+token, map[string]any{"decision": "accept", "version": pub.Version}, nil); code != 200 {
		t.Fatalf("%s accepts her offer: %d", email, code)
	}
	u.awaitStage(appID, "hired")
}

// awaitStatus waits for a workflow to reach status.
func (u *upgradeRig) awaitStatus(workflowID string, status enumspb.WorkflowExecutionStatus) {
	u.t.Helper()
	var got enumspb.WorkflowExecutionStatus
	eventually(u.t, 30*time.Second, fmt.Sprintf("workflow %s %s", workflowID, status), func() bool {
		d, err := u.temporal.DescribeWorkflowExecution(context.Background(), workflowID, "")
		if err != nil {
			return false
		}
		got = d.WorkflowExecutionInfo.Status
		return got == status
	})
}

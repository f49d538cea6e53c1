//go:build unix

package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptrace"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// patience is how long a person in the crash test waits for anything (a page, an e-mail, a step the workflow
// takes on its own) before the journey fails: long enough for a worker's activity to be retried after its
// start-to-close timeout.
const patience = 5 * time.Minute

// crashRig is the staff's sessions, the openings and the record of a crash run: what the API acknowledged,
// how often people had to retry, what the mailbox received and when.
type crashRig struct {
	t          testing.TB
	base       string
	db         *store.DB
	temporal   client.Client
	mail       *smtptest.Server
	tag        string // in every candidate's address, to tell this run's candidates
	rita, head *soakClient
	panel      []*soakClient
	panelIDs   []int64
	openingIDs []int64
	templateID int64
	plan       models.PayPlan
	seq        atomic.Int64

	mu    sync.Mutex
	acks  []ackedWrite
	apps  map[string]int64 // candidate e-mail → application ID, of journeys that got that far
	seen  []time.Time      // when each message in the mailbox was first seen
	stats soakStats
}

// ackedWrite is a write the API answered with a 2xx, and how to find it in the database.
type ackedWrite struct {
	what   string
	verify func(ctx context.Context) error
}

// soakStats counts what the people of a crash run went through.
type soakStats struct {
	requests, connErrors, unavailable, throttled, ambiguous, conflictsAfterRetry int
}

func newCrashRig(t testing.TB, base string, db *store.DB, tc client.Client, mail *smtptest.Server) *crashRig {
	ctx := context.Background()
	buf := make([]byte, 4)
	_, _ = rand.Read(buf)
	r := &crashRig{t: t, base: base, db: db, temporal: tc, mail: mail, tag: hex.EncodeToString(buf), apps: map[string]int64{}}
	admin := r.login("admin@bullpen.demo", pw)
	if _, err := admin.write("add interviewer", "POST", "/api/v1/users", map[string]any{"email": "agim@bullpen.demo", "name": "Agim Rama",
		"password": "correct-horse-battery", "roles": []string{"interviewer"}}, nil, 201); err != nil {
		t.Fatal(err)
	}
	r.rita, r.head = r.login("recruiter@bullpen.demo", pw), r.login("head@bullpen.demo", pw)
	for _, email := range []string{"interviewer1@bullpen.demo", "interviewer2@bullpen.demo"} {
		r.panel = append(r.panel, r.login(email, pw))
	}
	r.panel = append(r.panel, r.login("agim@bullpen.demo", "correct-horse-battery"))
	for _, c := range r.panel {
		r.panelIDs = append(r.panelIDs, c.userID)
	}
	for i := range 4 {
		o, err := db.CreateOpening(ctx, models.RoleSalesRep, models.OpeningSettings{Title: fmt.Sprintf("Sales reps %d, crash test", i+1),
			Description: "Journeys of the crash test.", Seats: 10000, RecruiterID: &r.rita.userID, InterviewerIDs: r.panelIDs,
			Questionnaire: &demoQuestionnaire, QuestionnaireDays: models.DefaultQuestionnaireDays, SlateSize: 1,
			RolePlay:   models.RolePlaySettings{Scenario: "Sell a one-year service contract.", DurationMinutes: 20, ScenarioIDs: demoRotation(ctx, db)},
			OfferTerms: models.OfferTerms{OfferApproverIDs: []int64{r.head.userID}, OfferApprovals: 1},
		}, r.rita.userID)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetOpeningStatus(ctx, o.ID, models.OpeningPendingApproval, models.OpeningOpen); err != nil {
			t.Fatal(err)
		}
		r.openingIDs = append(r.openingIDs, o.ID)
	}
	var plans struct{ Items []models.PayPlanTemplate }
	if _, err := r.rita.read("pay plans", "/api/v1/pay-plans", &plans); err != nil {
		t.Fatal(err)
	}
	for _, p := range plans.Items {
		if p.Slug == "sales-rep-eur" {
			r.templateID, r.plan = p.ID, p.Plan
		}
	}
	if r.templateID == 0 {
		t.Fatalf("no sales-rep-eur pay plan in %+v", plans.Items)
	}
	go r.watchMail()
	return r
}

func (r *crashRig) login(email, password string) *soakClient {
	c := r.newClient("")
	if _, err := c.write("sign in", "POST", "/api/v1/session", map[string]string{"email": email, "password": password}, nil, 200); err != nil {
		r.t.Fatalf("sign in %s: %v", email, err)
	}
	var me struct {
		CSRF string `json:"csrf_token"`
		User struct{ ID int64 }
	}
	if _, err := c.read("me", "/api/v1/me", &me); err != nil {
		r.t.Fatal(err)
	}
	c.csrf, c.userID = me.CSRF, me.User.ID
	return c
}

// watchMail notes when each message reaches the mailbox, so that a resend can be matched with a kill.
func (r *crashRig) watchMail() {
	for {
		n := len(r.mail.Messages())
		r.mu.Lock()
		for len(r.seen) < n {
			r.seen = append(r.seen, time.Now())
		}
		r.mu.Unlock()
		r.mail.Await(time.Second, func(smtptest.Message) bool { return false })
	}
}

func (r *crashRig) ack(what string, verify func(ctx context.Context) error) {
	r.mu.Lock()
	r.acks = append(r.acks, ackedWrite{what, verify})
	r.mu.Unlock()
}

func (r *crashRig) count(f func(*soakStats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// soakClient is one person's browser session that, like the person, tries again when the page does not load.
type soakClient struct {
	r            *crashRig
	http         *http.Client
	csrf         string
	userID       int64
	forwardedFor string
}

func (r *crashRig) newClient(forwardedFor string) *soakClient {
	jar, _ := cookiejar.New(nil)
	return &soakClient{r: r, http: &http.Client{Jar: jar, Timeout: 90 * time.Second}, forwardedFor: forwardedFor}
}

// outcome is the answer to a request after any retries; ambiguous says that an earlier attempt of a write
// may have been applied without its answer reaching the client (the connection broke, or the API answered 503
// because the workflow had not confirmed in time).
type outcome struct {
	code      int
	ambiguous bool
}

// send makes a request until it gets an answer other than a broken connection, 502, 503, 504 or 429, for up
// to patience. A write carries one Idempotency-Key over all its attempts.
func (c *soakClient) send(name, method string, build func() (*http.Request, error), out any) (outcome, error) {
	key := ""
	if method != "GET" {
		buf := make([]byte, 12)
		_, _ = rand.Read(buf)
		key = hex.EncodeToString(buf)
	}
	var res outcome
	deadline := time.Now().Add(patience)
	for {
		req, err := build()
		if err != nil {
			return res, err
		}
		if c.csrf != "" {
			req.Header.Set("X-CSRF-Token", c.csrf)
		}
		if c.forwardedFor != "" {
			req.Header.Set("X-Forwarded-For", c.forwardedFor)
		}
		if key != "" {
			req.Header.Set("Idempotency-Key", key)
		}
		c.r.count(func(s *soakStats) { s.requests++ })
		// net/http replays a request with an Idempotency-Key on a fresh connection when the one it was sent on
		// breaks; the first may have been applied, so a second connection makes the outcome ambiguous too.
		conns := 0
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { conns++ }}))
		resp, err := c.http.Do(req)
		// A write is sure not to have been applied only when no connection was had at all (the API was down);
		// sent on a connection that broke, or replayed on a second one, it may have been.
		if key != "" && !res.ambiguous && (conns > 1 || (err != nil && conns > 0)) {
			res.ambiguous = true
			c.r.count(func(s *soakStats) { s.ambiguous++ })
		}
		var data []byte
		if err == nil {
			data, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		wait := 250 * time.Millisecond
		switch {
		case err != nil:
			c.r.count(func(s *soakStats) { s.connErrors++ })
			if time.Now().After(deadline) {
				return res, fmt.Errorf("%s %s: %w after %s: %v", method, req.URL.Path, errGaveUp, patience, err)
			}
		case resp.StatusCode == 502 || resp.StatusCode == 503 || resp.StatusCode == 504:
			c.r.count(func(s *soakStats) { s.unavailable++ })
			if key != "" && !res.ambiguous {
				res.ambiguous = true
				c.r.count(func(s *soakStats) { s.ambiguous++ })
			}
			if time.Now().After(deadline) {
				return res, fmt.Errorf("%s %s: %w after %s: %d %s", method, req.URL.Path, errGaveUp, patience, resp.StatusCode, data)
			}
			wait = time.Second
		case resp.StatusCode == 429:
			c.r.count(func(s *soakStats) { s.throttled++ })
			if n, _ := strconv.Atoi(resp.Header.Get("Retry-After")); n > 0 {
				wait = time.Duration(min(n, 10)) * time.Second
			}
		default:
			res.code = resp.StatusCode
			if res.code >= 300 {
				return res, fmt.Errorf("%s (%s %s): %d %s", name, method, req.URL.Path, res.code, data)
			}
			if out != nil && len(data) > 0 {
				if err := json.Unmarshal(data, out); err != nil {
					return res, fmt.Errorf("%s (%s %s): %w", name, method, req.URL.Path, err)
				}
			}
			return res, nil
		}
		time.Sleep(wait)
	}
}

// read GETs path into out and wants 200.
func (c *soakClient) read(name, path string, out any) (outcome, error) {
	res, err := c.send(name, "GET", func() (*http.Request, error) { return jsonRequest("GET", c.r.base+path, nil) }, out)
	if err == nil && res.code != 200 {
		err = fmt.Errorf("%s: %d, want 200", name, res.code)
	}
	return res, err
}

// write sends a JSON write and wants status; a 409 or 400 to a write whose earlier attempt may have been
// applied is the person learning that it was (the journey goes on from the state it was in, and the checks
// find the write's rows).
func (c *soakClient) write(name, method, path string, body, out any, status int) (outcome, error) {
	return c.writeFresh(name, method, path, func() any { return body }, out, status)
}

// writeFresh is write with a body made again for each attempt, as a person fills in a form again.
func (c *soakClient) writeFresh(name, method, path string, body func() any, out any, status int) (outcome, error) {
	res, err := c.send(name, method, func() (*http.Request, error) { return jsonRequest(method, c.r.base+path, body()) }, out)
	return res, c.r.judge(name, res, err, status)
}

func (r *crashRig) judge(name string, res outcome, err error, status int) error {
	if res.ambiguous && (res.code == http.StatusConflict || res.code == http.StatusBadRequest) {
		r.count(func(s *soakStats) { s.conflictsAfterRetry++ })
		r.t.Logf("%s: %d after an attempt whose answer was lost: %v", name, res.code, err)
		return nil
	}
	if err != nil {
		return err
	}
	if res.code != status {
		return fmt.Errorf("%s: %d, want %d", name, res.code, status)
	}
	return nil
}

// pollUntil reads path into out until done says so, for up to patience.
func (c *soakClient) pollUntil(name, path string, out any, done func() bool) error {
	deadline := time.Now().Add(patience)
	for {
		if _, err := c.read(name, path, out); err != nil {
			return err
		}
		if done() {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: %s not there after %s", name, path, patience)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (c *soakClient) pollStage(appPath, stage string) error {
	var a struct {
		Stage string `json:"stage"`
	}
	return c.pollUntil("candidate page", appPath, &a, func() bool { return a.Stage == stage })
}

// awaitLink waits for the message to email whose body holds a link matching re, and returns its token.
func (r *crashRig) awaitLink(name, email string, re *regexp.Regexp) (string, error) {
	var token string
	_, ok := r.mail.Await(patience, func(m smtptest.Message) bool {
		if sub := re.FindStringSubmatch(m.Body); sub != nil && slices.Contains(m.To, email) {
			token = sub[1]
			return true
		}
		return false
	})
	if !ok {
		return "", fmt.Errorf("%s: nothing for %s after %s", name, email, patience)
	}
	return token, nil
}

// exactlyOne is an acknowledged write's check: query counts its rows, and there must be one.
func (r *crashRig) exactlyOne(query string, args ...any) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		var n int64
		if err := r.db.Gorm().WithContext(ctx).Raw(query, args...).Scan(&n).Error; err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("%d rows for %s %v", n, query, args)
		}
		return nil
	}
}

// journey is one candidate's way from the apply page to their first day, as BenchmarkJourneys drives it,
// every write recorded with the rows it must leave.
func (r *crashRig) journey() error {
	n := r.seq.Add(1)
	openingID := r.openingIDs[int(n)%len(r.openingIDs)]
	email := fmt.Sprintf("crash-%s-%d@example.com", r.tag, n)
	cand := r.newClient(fmt.Sprintf("10.%d.%d.%d", n/65536%256, n/256%256, n%256))
	res, err := cand.send("apply", "POST", func() (*http.Request, error) {
		return formRequest(r.base+fmt.Sprintf("/api/v1/public/openings/%d/applications", openingID), map[string]string{
			"name": fmt.Sprintf("Candidate %d", n), "email": email, "phone": "+383 44 123 456", "consent": "true", "locale": "en"},
			map[string][2]string{"cv": {"cv.pdf", "%PDF-1.4\n% a CV\n"}})
	}, nil)
	if err := r.judge("apply", res, err, 201); err != nil {
		return err
	}
	r.ack("application of "+email, r.exactlyOne(
		"SELECT COUNT(*) FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.email = ? AND a.opening_id = ?", email, openingID))
	var board struct{ Items []struct{ ID int64 } }
	if _, err := r.rita.read("board search", fmt.Sprintf("/api/v1/openings/%d/applications?q=%s&limit=5", openingID, email), &board); err != nil {
		return err
	}
	if len(board.Items) != 1 {
		return fmt.Errorf("board search for %s: %d applications", email, len(board.Items))
	}
	appID := board.Items[0].ID
	appPath := fmt.Sprintf("/api/v1/applications/%d", appID)
	r.mu.Lock()
	r.apps[email] = appID
	r.mu.Unlock()

	link, err := r.awaitLink("questionnaire e-mail", email, linkRE)
	if err != nil {
		return err
	}
	qPath := "/api/v1/public/questionnaires/" + link
	if _, err := cand.read("questionnaire open", qPath, nil); err != nil {
		return err
	}
	if _, err := cand.write("questionnaire answer", "POST", qPath, map[string]any{"locale": "en", "answers": []map[string]any{
		{"question_id": "experience", "option_ids": []string{"years"}}, {"question_id": "calls", "number": 40},
		{"question_id": "negotiation", "number": 5}, {"question_id": "sold", "option_ids": []string{"b2b", "phone"}},
		{"question_id": "why", "text": "I like talking to people."}}}, nil, 200); err != nil {
		return err
	}
	r.ack("questionnaire answers", r.exactlyOne("SELECT COUNT(*) FROM questionnaire_responses WHERE application_id = ?", appID))
	if err := r.rita.pollStage(appPath, "screening"); err != nil {
		return err
	}
	move := func(to, reason string) error {
		if _, err := r.rita.write("move to "+to, "POST", appPath+"/moves", map[string]string{"to": to, "reason": reason}, nil, 200); err != nil {
			return err
		}
		r.ack("move to "+to, r.exactlyOne("SELECT COUNT(*) FROM application_events WHERE application_id = ? AND kind = ? AND to_stage = ?",
			appID, string(models.AppEventMoved), to))
		return nil
	}
	if err := move("first_interview", "Good questionnaire"); err != nil {
		return err
	}
	if err := r.interview(appPath, appID, "first"); err != nil {
		return err
	}
	if _, err := r.rita.write("shortlist", "POST", fmt.Sprintf("/api/v1/openings/%d/shortlist", openingID), map[string]any{
		"application_ids": []int64{appID}, "reason": "Negotiated well", "rest": "wait"}, nil, 200); err != nil {
		return err
	}
	if err := move("second_interview", "Meet the head"); err != nil {
		return err
	}
	if err := r.interview(appPath, appID, "second"); err != nil {
		return err
	}
	var off struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	_, err = r.rita.write("offer draft", "POST", appPath+"/offers", map[string]any{"template_id": r.templateID, "plan": r.plan,
		"start_date": time.Now().AddDate(0, 0, 14).Format(time.DateOnly)}, &off, 201)
	if err != nil {
		return err
	}
	if off.ID == 0 { // drafted by the attempt whose answer was lost
		if err := r.db.Gorm().Raw("SELECT id FROM offers WHERE application_id = ?", appID).Scan(&off.ID).Error; err != nil || off.ID == 0 {
			return fmt.Errorf("offer draft: none found after a conflict: %v", err)
		}
	}
	r.ack("offer draft", r.exactlyOne("SELECT COUNT(*) FROM offers WHERE id = ? AND application_id = ?", off.ID, appID))
	res, err = r.head.write("offer approve", "POST", fmt.Sprintf("/api/v1/offers/%d/decision", off.ID), map[string]any{"decision": "approve"}, &off, 200)
	if err != nil {
		return err
	}
	if res.code == 200 {
		if off.Status != "sent" {
			return fmt.Errorf("offer %d after approval: %s", off.ID, off.Status)
		}
		r.ack("offer approval", r.exactlyOne("SELECT COUNT(*) FROM offer_approvals WHERE offer_id = ? AND approver_id = ? AND decision = 'approve'",
			off.ID, r.head.userID))
	}
	token, err := r.awaitLink("offer e-mail", email, offerLinkRE)
	if err != nil {
		return err
	}
	var pub struct {
		Version int `json:"version"`
	}
	if _, err := cand.read("offer open", "/api/v1/public/offers/"+token, &pub); err != nil {
		return err
	}
	if _, err := cand.write("offer accept", "POST", "/api/v1/public/offers/"+token, map[string]any{"decision": "accept", "version": pub.Version}, nil, 200); err != nil {
		return err
	}
	r.ack("offer acceptance", r.exactlyOne("SELECT COUNT(*) FROM offers WHERE id = ? AND status IN ('accepted', 'hired')", off.ID))
	return r.rita.pollStage(appPath, "hired")
}

// interview schedules the first or second interview a second from now with the panel of three, waits for it
// to start, and has each of them score it.
func (r *crashRig) interview(appPath string, appID int64, kind string) error {
	var iv struct {
		ID       int64
		StartsAt time.Time `json:"starts_at"`
	}
	// Two seconds ahead, from the moment the form is sent (again, after a failure).
	if _, err := r.rita.writeFresh(kind+" interview", "POST", appPath+"/interviews", func() any {
		return map[string]any{"kind": kind, "starts_at": time.Now().Add(2 * time.Second), "duration_minutes": 30,
			"video_url": "https://meet.example/crash", "interviewer_ids": r.panelIDs}
	}, &iv, 201); err != nil {
		return err
	}
	if iv.ID == 0 {
		return fmt.Errorf("%s interview: a conflict after a lost answer leaves no interview to score", kind)
	}
	r.ack(kind+" interview", r.exactlyOne("SELECT COUNT(*) FROM interview_candidates WHERE interview_id = ? AND application_id = ?", iv.ID, appID))
	time.Sleep(time.Until(iv.StartsAt) + 50*time.Millisecond)
	var ratings []map[string]any
	for _, c := range models.DefaultRubric("en").Competencies {
		ratings = append(ratings, map[string]any{"competency_id": c.ID, "score": 4, "evidence": "Held the price."})
	}
	for _, c := range r.panel {
		if _, err := c.write(kind+" interview scorecard", "POST", fmt.Sprintf("/api/v1/interviews/%d/scorecards", iv.ID), map[string]any{
			"application_id": appID, "ratings": ratings, "recommendation": "yes", "notes": "Calm under pressure."}, nil, 201); err != nil {
			return err
		}
		r.ack("scorecard", r.exactlyOne("SELECT COUNT(*) FROM scorecards WHERE interview_id = ? AND application_id = ? AND interviewer_id = ?",
			iv.ID, appID, c.userID))
	}
	return nil
}

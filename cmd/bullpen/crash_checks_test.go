//go:build unix

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	enumspb "go.temporal.io/api/enums/v1"

	"github.com/bullpen-hq/bullpen/workflows"
)

// soak runs journeys, users at a time, while k kills, and more journeys until k has killed minKills times;
// then stops the killing, lets the last e-mails go and checks what the run left.
func (r *crashRig) soak(journeys, users, minKills int, k *killer) {
	t := r.t
	start := time.Now()
	mailBefore := len(r.mail.Messages())
	ctx, stop := context.WithCancel(context.Background())
	killed := make(chan struct{})
	go func() {
		k.run(ctx)
		close(killed)
	}()
	var (
		wg      sync.WaitGroup
		next    atomic.Int64
		failed  atomic.Int64
		started atomic.Int64
		errMu   sync.Mutex
		errs    []error
	)
	for range users {
		wg.Go(func() {
			for {
				if i := next.Add(1); (i > int64(journeys) && k.total() >= minKills) || i > int64(20*journeys) {
					return
				}
				started.Add(1)
				if err := r.journey(); err != nil {
					failed.Add(1)
					errMu.Lock()
					errs = append(errs, err)
					errMu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	stop()
	<-killed
	elapsed := time.Since(start)
	journeys = int(started.Load())
	for _, c := range k.targets {
		if !c.alive() {
			t.Fatalf("%s is not running at the end: %s", c.kind, c.tail())
		}
	}
	if failed.Load() > 0 {
		for _, c := range k.targets {
			t.Logf("%s log, last lines:\n%s", c.kind, c.tail())
		}
		t.Fatalf("%d of %d journeys failed: %v", failed.Load(), journeys, errs)
	}
	counts := r.check(start, mailBefore, k)
	k.mu.Lock()
	defer k.mu.Unlock()
	kills := 0
	var perKind []string
	for _, kind := range slices.Sorted(maps.Keys(k.kills)) {
		kills += k.kills[kind]
		perKind = append(perKind, fmt.Sprintf("%s %d", kind, k.kills[kind]))
	}
	s := r.stats
	t.Logf("crash survival: %d journeys completed in %.0f s under %d kills (%s; %.0f s down in all); "+
		"%d requests, %d refused or broken connections, %d answers 502/503/504, %d throttled, %d writes retried after a lost answer (%d of them answered 400 or 409: already done); %s",
		journeys, elapsed.Seconds(), kills, strings.Join(perKind, ", "), k.downtime.Seconds(),
		s.requests, s.connErrors, s.unavailable, s.throttled, s.ambiguous, s.conflictsAfterRetry, counts)
	if kills < minKills {
		t.Errorf("%d kills; want at least %d", kills, minKills)
	}
}

// check verifies what the journeys left and returns the figures checked.
func (r *crashRig) check(start time.Time, mailBefore int, k *killer) string {
	t := r.t
	ctx := context.Background()
	g := r.db.Gorm().WithContext(ctx)
	raw := func(out any, q string, args ...any) {
		t.Helper()
		if err := g.Raw(q, args...).Scan(out).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// The last e-mails of the journeys (the new employee's invitation) may still be on their way.
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(500 * time.Millisecond) {
		var pending int64
		raw(&pending, "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND created_at >= ?", start.UTC())
		if pending == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d e-mails still pending two minutes after the journeys", pending)
		}
	}

	// Applications: one per candidate, hired, with one employee whose workflow runs.
	var apps []struct {
		Email string
		ID    int64
		Stage string
	}
	raw(&apps, "SELECT c.email, a.id, a.stage FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.email LIKE ?",
		"crash-"+r.tag+"-%")
	var ids []int64
	perEmail := map[string]int{}
	for _, a := range apps {
		perEmail[a.Email]++
		ids = append(ids, a.ID)
		if a.Stage != "hired" {
			t.Errorf("application %d of %s is at %s", a.ID, a.Email, a.Stage)
		}
		if want := r.apps[a.Email]; want != a.ID {
			t.Errorf("%s: application %d in the database, %d on the board", a.Email, a.ID, want)
		}
	}
	for email, n := range perEmail {
		if n != 1 {
			t.Errorf("%s has %d applications", email, n)
		}
	}
	if len(perEmail) != len(r.apps) || len(apps) != len(r.apps) {
		t.Errorf("%d applications of %d candidates in the database for %d journeys", len(apps), len(perEmail), len(r.apps))
	}
	var candidates int64
	raw(&candidates, "SELECT COUNT(*) FROM candidates WHERE email LIKE ?", "crash-"+r.tag+"-%")
	if int(candidates) != len(r.apps) {
		t.Errorf("%d candidate records for %d candidates", candidates, len(r.apps))
	}
	var emps []struct{ ID, ApplicationID int64 }
	raw(&emps, "SELECT id, application_id FROM employees WHERE application_id IN ?", ids)
	if len(emps) != len(ids) {
		t.Errorf("%d employees for %d hires", len(emps), len(ids))
	}
	for _, e := range emps {
		r.awaitRunning(workflows.EmployeeWorkflowID(e.ID))
	}

	// Each interview kind, offer and scorecard once per application.
	var perApp []struct {
		ApplicationID int64
		What          string
		N             int
	}
	raw(&perApp, `SELECT ic.application_id, i.kind AS what, COUNT(*) AS n FROM interview_candidates ic JOIN interviews i ON i.id = ic.interview_id
		WHERE ic.application_id IN ? GROUP BY ic.application_id, i.kind`, ids)
	var offers []struct {
		ApplicationID int64
		What          string
		N             int
	}
	raw(&offers, "SELECT application_id, 'offer' AS what, COUNT(*) AS n FROM offers WHERE application_id IN ? GROUP BY application_id", ids)
	perApp = append(perApp, offers...)
	got := map[int64]map[string]int{}
	for _, p := range perApp {
		if got[p.ApplicationID] == nil {
			got[p.ApplicationID] = map[string]int{}
		}
		got[p.ApplicationID][p.What] = p.N
	}
	for _, id := range ids {
		if m := got[id]; m["first"] != 1 || m["second"] != 1 || m["offer"] != 1 {
			t.Errorf("application %d: interviews and offers %v; want one of each", id, m)
		}
	}
	var cards []struct {
		ApplicationID, InterviewID, InterviewerID int64
		N                                         int
	}
	raw(&cards, `SELECT application_id, interview_id, interviewer_id, COUNT(*) AS n FROM scorecards WHERE application_id IN ?
		GROUP BY application_id, interview_id, interviewer_id`, ids)
	scorecards := 0
	for _, c := range cards {
		scorecards += c.N
		if c.N != 1 {
			t.Errorf("application %d, interview %d: %d scorecards of interviewer %d", c.ApplicationID, c.InterviewID, c.N, c.InterviewerID)
		}
	}
	if scorecards != 6*len(ids) {
		t.Errorf("%d scorecards for %d journeys; want 6 each", scorecards, len(ids))
	}
	// The application's workflow heard of every scorecard (the API signals it after storing one) and stored
	// each interview's complete result.
	var results int64
	raw(&results, "SELECT COUNT(*) FROM interview_results WHERE application_id IN ? AND complete = ?", ids, true)
	if int(results) != 2*len(ids) {
		t.Errorf("%d complete interview results for %d journeys; want 2 each", results, len(ids))
	}

	// Timeline and audit trail: every journey took the same steps, so every application has the same rows;
	// a row written twice shows as an application with more.
	var events []struct {
		ApplicationID int64
		Kind          string
		DedupeKey     string
	}
	raw(&events, "SELECT application_id, kind, COALESCE(dedupe_key, '') AS dedupe_key FROM application_events WHERE application_id IN ?", ids)
	timeline := map[int64][]string{}
	keys := map[string]int{}
	for _, e := range events {
		timeline[e.ApplicationID] = append(timeline[e.ApplicationID], e.Kind)
		if e.DedupeKey != "" {
			keys[fmt.Sprint(e.ApplicationID, "/", e.DedupeKey)]++
		}
	}
	for k, n := range keys {
		if n > 1 {
			t.Errorf("timeline row %s written %d times", k, n)
		}
	}
	r.sameForAll("timeline", ids, timeline)
	var audit []struct {
		ObjectType string
		ObjectID   int64
		Action     string
		Owner      int64
	}
	raw(&audit, `SELECT object_type, object_id, action, object_id AS owner FROM audit_log WHERE object_type = 'application' AND object_id IN ?
		UNION ALL SELECT l.object_type, l.object_id, l.action, o.application_id AS owner FROM audit_log l JOIN offers o ON o.id = l.object_id
		WHERE l.object_type = 'offer' AND o.application_id IN ?
		UNION ALL SELECT l.object_type, l.object_id, l.action, ic.application_id AS owner FROM audit_log l JOIN interview_candidates ic ON ic.interview_id = l.object_id
		WHERE l.object_type = 'interview' AND ic.application_id IN ?`, ids, ids, ids)
	trail := map[int64][]string{}
	for _, a := range audit {
		trail[a.Owner] = append(trail[a.Owner], a.ObjectType+"."+a.Action)
	}
	r.sameForAll("audit trail", ids, trail)

	// E-mail: no message twice in the outbox, the same number for every candidate, and none received twice
	// but a resend of the same message by a process killed as it sent it.
	var outbox []struct {
		ToAddr, Subject, TextBody, DedupeKey, Status string
	}
	raw(&outbox, "SELECT to_addr, subject, text_body, dedupe_key, status FROM outbox WHERE created_at >= ?", start.UTC())
	same := map[string]int{}
	perCandidate := map[string][]string{}
	wantIDs := map[string]bool{}
	for _, m := range outbox {
		same[m.ToAddr+"\x00"+m.Subject+"\x00"+m.TextBody]++
		if strings.HasPrefix(m.ToAddr, "crash-"+r.tag+"-") {
			perCandidate[m.ToAddr] = append(perCandidate[m.ToAddr], digits.ReplaceAllString(m.Subject, "#"))
		}
		if m.Status == "sent" {
			sum := sha256.Sum256([]byte(m.DedupeKey))
			wantIDs["<"+hex.EncodeToString(sum[:12])+"@bullpen>"] = true
		}
	}
	for k, n := range same {
		if n > 1 {
			to, subject, _ := strings.Cut(k, "\x00")
			subject, _, _ = strings.Cut(subject, "\x00")
			t.Errorf("e-mail to %s %q is %d times in the outbox", to, subject, n)
		}
	}
	byEmail := map[int64][]string{}
	for email, id := range r.apps {
		byEmail[id] = perCandidate[email]
	}
	r.sameForAll("e-mails to the candidate", ids, byEmail)
	msgs := r.mail.Messages()[mailBefore:]
	r.mu.Lock()
	seen := r.seen[mailBefore:]
	r.mu.Unlock()
	received := map[string]int{}
	resent, excused := 0, 0
	for i, m := range msgs {
		id := m.Header.Get("Message-ID")
		received[id]++
		if received[id] == 1 {
			continue
		}
		resent++
		at := time.Now()
		for j := range i {
			if msgs[j].Header.Get("Message-ID") == id && j < len(seen) {
				at = seen[j]
				break
			}
		}
		if k.nearKill(at) {
			excused++
			continue
		}
		t.Errorf("e-mail %s to %v %q received again with no kill of its sender near it", id, m.To, m.Subject)
	}
	for id := range wantIDs {
		if received[id] == 0 {
			t.Errorf("outbox message %s is marked sent but never arrived", id)
		}
	}

	// Every acknowledged write is there.
	r.mu.Lock()
	acks := slices.Clone(r.acks)
	r.mu.Unlock()
	for _, a := range acks {
		if err := a.verify(ctx); err != nil {
			t.Errorf("acknowledged %s: %v", a.what, err)
		}
	}
	return fmt.Sprintf("checked %d applications (one per candidate), %d employees with running workflows, %d interviews, %d offers, "+
		"%d scorecards (%d complete interview results), %d timeline rows, %d audit rows, %d outbox e-mails (%d received by SMTP, %d resent with the same Message-ID after a kill), "+
		"%d acknowledged writes found",
		len(apps), len(emps), 2*len(ids), len(ids), scorecards, results, len(events), len(audit), len(outbox), len(msgs), resent, len(acks))
}

// digits are what differs between two journeys' e-mail subjects: the opening's number, the interview's time.
var digits = regexp.MustCompile(`[0-9]+`)

// sameForAll checks that every application has the same rows (by kind) as the first one.
func (r *crashRig) sameForAll(what string, ids []int64, rows map[int64][]string) {
	if len(ids) == 0 {
		return
	}
	norm := func(id int64) string {
		s := slices.Clone(rows[id])
		slices.Sort(s)
		return strings.Join(s, ", ")
	}
	// The most common set is the journey's; any other is a row missing or written twice.
	sets := map[string]int{}
	for _, id := range ids {
		sets[norm(id)]++
	}
	var want string
	for s, n := range sets {
		if n > sets[want] || (n == sets[want] && s < want) {
			want = s
		}
	}
	for _, id := range ids {
		if got := norm(id); got != want {
			r.t.Errorf("%s of application %d:\n  %s\nmost applications have:\n  %s", what, id, got, want)
		}
	}
}

// awaitRunning waits for a workflow to be running (the test's Temporal client may be reconnecting to a
// server that was killed a moment ago).
func (r *crashRig) awaitRunning(workflowID string) {
	deadline := time.Now().Add(time.Minute)
	for {
		d, err := r.temporal.DescribeWorkflowExecution(context.Background(), workflowID, "")
		if err == nil && d.WorkflowExecutionInfo.Status == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
			return
		}
		if time.Now().After(deadline) {
			r.t.Errorf("%s is not running: %v", workflowID, err)
			return
		}
		time.Sleep(time.Second)
	}
}

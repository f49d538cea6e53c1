package main

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/bullpen-hq/bullpen/store/storetest"
)

// TestOneOwnerPerClient: two reps race to claim the same new clients by logging the first call at the same
// moment, on PostgreSQL; every client ends with exactly one owner, and the other rep is refused. Work on
// another rep's client is refused; a duplicate client is refused naming the existing one; bad activities are
// named.
func TestOneOwnerPerClient(t *testing.T) {
	app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	admin, elira, manager, ilir := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	elira.login("rep1@bullpen.demo", pw)
	manager.login("manager@bullpen.demo", pw)
	ilir.login("interviewer1@bullpen.demo", pw)
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "rep2@bullpen.demo", "name": "Luan Gashi", "password": "rep-two-password",
		"roles": []string{"sales_rep"}}, nil); code != 201 {
		t.Fatalf("second rep: %d", code)
	}
	luan := newBrowser(t, app.URL())
	luan.login("rep2@bullpen.demo", "rep-two-password")

	var p problem
	if code := ilir.do("GET", "/api/v1/accounts", nil, nil); code != 403 {
		t.Fatalf("an interviewer reads clients: %d", code)
	}
	type account struct {
		ID    int64 `json:"id"`
		Owner *struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"owner"`
	}
	var alba account
	if code := elira.do("POST", "/api/v1/accounts", map[string]string{"name": "Besa Trade Sh.p.k.", "city": "Tiranë"}, &alba); code != 201 || alba.Owner != nil {
		t.Fatalf("add a client: %d %+v", code, alba)
	}
	if code := luan.do("POST", "/api/v1/accounts", map[string]string{"name": "BESA TRADE"}, &p); code != 409 || p.fields()[0] != "name" {
		t.Fatalf("the same client again: %d %+v", code, p)
	}
	if code := elira.do("POST", "/api/v1/activities", map[string]any{"account_id": alba.ID, "kind": "meeting"}, &p); code != 409 {
		t.Fatalf("a meeting with a client nobody owns yet: %d %+v", code, p)
	}

	// The race: ten new clients, both reps call each at the same moment.
	var ids []int64
	for i := range 10 {
		var a account
		if code := admin.do("POST", "/api/v1/accounts", map[string]string{"name": fmt.Sprintf("Client %d", i)}, &a); code != 201 {
			t.Fatalf("client %d: %d", i, code)
		}
		ids = append(ids, a.ID)
	}
	type claim struct {
		account int64
		rep     string
		code    int
	}
	results := make(chan claim, 20)
	var wg sync.WaitGroup
	for _, id := range ids {
		for name, b := range map[string]*browser{"elira": elira, "luan": luan} {
			wg.Go(func() {
				results <- claim{id, name, b.do("POST", "/api/v1/activities", map[string]any{"account_id": id, "kind": "call", "notes": "first call"}, nil)}
			})
		}
	}
	wg.Wait()
	close(results)
	won := map[int64][]string{}
	for r := range results {
		switch r.code {
		case 201:
			won[r.account] = append(won[r.account], r.rep)
		case 403:
		default:
			t.Fatalf("a racing call: %+v", r)
		}
	}
	for _, id := range ids {
		var a account
		manager.do("GET", fmt.Sprintf("/api/v1/accounts/%d", id), nil, &a)
		if len(won[id]) != 1 || a.Owner == nil {
			t.Fatalf("client %d: won by %v, owner %+v; want exactly one", id, won[id], a.Owner)
		}
	}

	// The owner logs a meeting and a deal; the other rep may not, even a call.
	owner, other := elira, luan
	if won[ids[0]][0] == "luan" {
		owner, other = luan, elira
	}
	path := "/api/v1/activities"
	if code := owner.do("POST", path, map[string]any{"account_id": ids[0], "kind": "meeting"}, nil); code != 201 {
		t.Fatalf("the owner's meeting: %d", code)
	}
	if code := other.do("POST", path, map[string]any{"account_id": ids[0], "kind": "call"}, &p); code != 403 {
		t.Fatalf("a call on another rep's client: %d %+v", code, p)
	}
	if code := owner.do("POST", path, map[string]any{"account_id": ids[0], "kind": "deal_won", "currency": "EUR"}, &p); code != 400 || p.fields()[0] != "amount" {
		t.Fatalf("a deal without its amount: %d %+v", code, p)
	}
	if code := owner.do("POST", path, map[string]any{"account_id": ids[0], "kind": "deal_won", "amount": 4800, "currency": "EUR"}, nil); code != 201 {
		t.Fatalf("the owner's deal: %d", code)
	}
	if code := manager.do("POST", path, map[string]any{"account_id": ids[1], "kind": "call"}, &p); code != 403 {
		t.Fatalf("a manager logs on a rep's client: %d %+v", code, p)
	}
	var mine struct {
		Items []struct {
			Kind string `json:"kind"`
		} `json:"items"`
	}
	if code := owner.do("GET", path, nil, &mine); code != 200 || len(mine.Items) < 3 || mine.Items[0].Kind != "deal_won" {
		t.Fatalf("the owner's activity: %d %+v", code, mine)
	}
	var me struct {
		User struct{ ID int64 } `json:"user"`
	}
	owner.do("GET", "/api/v1/me", nil, &me)
	if code := other.do("GET", fmt.Sprintf("%s?rep=%d", path, me.User.ID), nil, &p); code != 403 {
		t.Fatalf("a rep reads another rep's activity: %d", code)
	}
	if code := manager.do("GET", fmt.Sprintf("%s?rep=%d", path, me.User.ID), nil, &mine); code != 200 || len(mine.Items) < 3 {
		t.Fatalf("the manager reads the rep's activity: %d %+v", code, mine)
	}

	// A phone system posts the rep's calls with an integration token: no session, no CSRF token; nothing else.
	var tok struct {
		ID    int64  `json:"id"`
		Token string `json:"token"`
	}
	if code := owner.do("POST", "/api/v1/me/tokens", map[string]string{"name": "Office phone system"}, &tok); code != 201 || !strings.HasPrefix(tok.Token, "bpt_") {
		t.Fatalf("make a token: %d %+v", code, tok)
	}
	bearer := func(method, path, body string) int {
		req, _ := http.NewRequest(method, app.URL()+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok.Token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if code := bearer("POST", "/api/v1/activities", fmt.Sprintf(`{"account_id": %d, "kind": "call", "notes": "from the phone system"}`, ids[0])); code != 201 {
		t.Fatalf("a call posted with the token: %d", code)
	}
	if code := bearer("GET", "/api/v1/audit", ""); code != 403 {
		t.Fatalf("the token reads the audit log: %d", code)
	}
	if code := bearer("POST", "/api/v1/me/tokens", `{"name": "another"}`); code != 403 {
		t.Fatalf("a token makes a token: %d", code)
	}
	if code := owner.do("DELETE", fmt.Sprintf("/api/v1/me/tokens/%d", tok.ID), nil, nil); code != 204 {
		t.Fatalf("revoke: %d", code)
	}
	if code := bearer("GET", "/api/v1/activities", ""); code != 401 {
		t.Fatalf("a revoked token: %d", code)
	}

	// The owner leaves: the head proposes a handover by load, it is checked, approved, and every client moves
	// to exactly one new owner with its history kept.
	head := newBrowser(t, app.URL())
	head.login("head@bullpen.demo", pw)
	if code := owner.do("POST", "/api/v1/handovers", map[string]any{"from_user_id": me.User.ID, "reason": "x"}, &p); code != 403 {
		t.Fatalf("a rep proposes a handover: %d", code)
	}
	var h struct {
		ID          int64 `json:"id"`
		Status      string
		Assignments []struct {
			AccountID int64 `json:"account_id"`
			ToUserID  int64 `json:"to_user_id"`
		} `json:"assignments"`
	}
	var owned struct{ Items []account }
	manager.do("GET", fmt.Sprintf("/api/v1/accounts?owner=%d", me.User.ID), nil, &owned)
	if code := head.do("POST", "/api/v1/handovers", map[string]any{"from_user_id": me.User.ID, "reason": "Moves to the Tirana office"}, &h); code != 201 ||
		len(h.Assignments) != len(owned.Items) || len(owned.Items) < len(won)-countWon(won, won[ids[0]][0] == "luan") {
		t.Fatalf("proposal: %d %+v", code, h)
	}
	twice := []map[string]int64{{"account_id": h.Assignments[0].AccountID, "to_user_id": h.Assignments[0].ToUserID},
		{"account_id": h.Assignments[0].AccountID, "to_user_id": h.Assignments[0].ToUserID}}
	if code := head.do("PUT", fmt.Sprintf("/api/v1/handovers/%d", h.ID), map[string]any{"assignments": twice}, &p); code != 400 {
		t.Fatalf("one client to two owners: %d %+v", code, p)
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/handovers/%d/approve", h.ID), nil, &h); code != 200 || h.Status != "approved" {
		t.Fatalf("approve: %d %+v", code, h)
	}
	if code := head.do("POST", fmt.Sprintf("/api/v1/handovers/%d/approve", h.ID), nil, &p); code != 409 {
		t.Fatalf("approve twice: %d", code)
	}
	var listed struct {
		Items []struct {
			ID      int64 `json:"id"`
			Status  string
			Clients int
		}
	}
	if code := head.do("GET", "/api/v1/handovers?status=approved", nil, &listed); code != 200 || len(listed.Items) != 1 || listed.Items[0].ID != h.ID ||
		listed.Items[0].Clients != len(h.Assignments) {
		t.Fatalf("the approved handovers: %d %+v", code, listed)
	}
	if code := head.do("GET", "/api/v1/handovers?status=proposed", nil, &listed); code != 200 || len(listed.Items) != 0 {
		t.Fatalf("the proposed handovers: %d %+v", code, listed)
	}
	if code := head.do("GET", "/api/v1/handovers?status=later", nil, &p); code != 400 || p.fields()[0] != "status" {
		t.Fatalf("a bad status: %d %+v", code, p)
	}
	if code := owner.do("GET", "/api/v1/handovers", nil, &p); code != 403 {
		t.Fatalf("a rep lists handovers: %d", code)
	}
	if code := owner.do("POST", path, map[string]any{"account_id": ids[0], "kind": "meeting"}, &p); code != 403 {
		t.Fatalf("the former owner logs: %d", code)
	}
	if code := other.do("POST", path, map[string]any{"account_id": ids[0], "kind": "meeting"}, nil); code != 201 {
		t.Fatalf("the new owner logs: %d", code)
	}
	var acc struct {
		Owner      struct{ ID int64 } `json:"owner"`
		Activities []struct {
			Rep struct{ ID int64 } `json:"rep"`
		} `json:"activities"`
	}
	manager.do("GET", fmt.Sprintf("/api/v1/accounts/%d", ids[0]), nil, &acc)
	kept := false
	for _, a := range acc.Activities {
		kept = kept || a.Rep.ID == me.User.ID
	}
	if acc.Owner.ID == me.User.ID || !kept {
		t.Fatalf("after the handover: owner %d, the former owner's history kept %v", acc.Owner.ID, kept)
	}

	// An import: a new client with its owner, an existing one given its first owner, one whose owner differs
	// (a conflict, not applied), and two refused rows.
	formerEmail := "rep1@bullpen.demo"
	if won[ids[0]][0] == "luan" {
		formerEmail = "rep2@bullpen.demo"
	}
	csv := "name,city,industry,owner_email\nHotel Iliria,Pejë,Hospitality,rep2@bullpen.demo\nBESA TRADE,,,rep1@bullpen.demo\n" +
		"Client 0,,," + formerEmail + "\n,Tirana,,\nKafe Rugova,,,interviewer1@bullpen.demo\n"
	if code := owner.form("/api/v1/accounts/import", nil, map[string][2]string{"file": {"clients.csv", csv}}, &p); code != 403 {
		t.Fatalf("a rep imports clients: %d", code)
	}
	var report struct {
		Created, Existing int
		Conflicts         []struct{ Line int }
		Errors            []struct {
			Line  int
			Field string
		}
	}
	if code := head.form("/api/v1/accounts/import", nil, map[string][2]string{"file": {"clients.csv", csv}}, &report); code != 200 ||
		report.Created != 1 || report.Existing != 2 || len(report.Conflicts) != 1 || report.Conflicts[0].Line != 4 || len(report.Errors) != 2 ||
		report.Errors[0].Field != "name" || report.Errors[1].Field != "owner_email" {
		t.Fatalf("import: %d %+v", code, report)
	}
	var albaNow account
	manager.do("GET", fmt.Sprintf("/api/v1/accounts/%d", alba.ID), nil, &albaNow)
	if albaNow.Owner == nil || albaNow.Owner.Name != "Elira Dervishi" {
		t.Fatalf("Alba after the import: %+v", albaNow.Owner)
	}
}

// countWon counts the clients the other rep won in the race.
func countWon(won map[int64][]string, ownerIsLuan bool) int {
	n := 0
	for _, w := range won {
		if (w[0] == "luan") != ownerIsLuan {
			n++
		}
	}
	return n
}

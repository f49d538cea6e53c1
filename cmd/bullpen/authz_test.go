package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEveryRouteRefusesAnonymousAndDeactivated is the first two rows of the authorisation matrix, over every
// operation of the OpenAPI document: without a session, and with the session of a user who held every role and
// was then deactivated, every operation that needs a session is refused with 401 and problem JSON, and none
// does anything. The candidates' public operations answer without a session (whatever they then say of the
// link or the body: a link that is not signed is refused with 403).
func TestEveryRouteRefusesAnonymousAndDeactivated(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	admin := newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	var gone struct{ ID int64 }
	if code := admin.do("POST", "/api/v1/users", map[string]any{"email": "gone@bullpen.demo", "name": "Gone Away", "password": "gone-away-password",
		"roles": []string{"admin", "department_head", "recruiter", "interviewer", "sales_manager", "sales_rep"}}, &gone); code != 201 {
		t.Fatalf("user: %d", code)
	}
	deactivated := newBrowser(t, app.URL())
	deactivated.login("gone@bullpen.demo", "gone-away-password")
	if code := admin.do("PATCH", fmt.Sprintf("/api/v1/users/%d", gone.ID), map[string]any{"active": false}, nil); code != 200 {
		t.Fatalf("deactivate: %d", code)
	}

	var guarded, public []string
	for _, op := range apiOperations(t, admin) {
		e := op.method + " " + op.path
		if op.session {
			guarded = append(guarded, e)
		} else {
			public = append(public, e)
		}
	}
	slices.Sort(guarded)
	slices.Sort(public)
	if len(guarded) < 100 || len(public) < 5 {
		t.Fatalf("%d operations need a session and %d do not", len(guarded), len(public))
	}
	auditBefore := auditCount(t, app)
	send := func(b *browser, e string) (int, string) {
		method, path, _ := strings.Cut(e, " ")
		code, p := sendEmpty(t, app.URL(), b, method, path)
		return code, p.Title
	}
	for _, e := range guarded {
		for who, b := range map[string]*browser{"anonymous": nil, "a deactivated user": deactivated} {
			if code, title := send(b, e); code != http.StatusUnauthorized || title == "" {
				t.Errorf("%s as %s: %d %q; want 401 with a problem", e, who, code, title)
			}
		}
	}
	for _, e := range public {
		if code, _ := send(nil, e); code == http.StatusUnauthorized || code >= 500 { // a bad link is theirs to refuse (403)
			t.Errorf("%s without a session: %d", e, code)
		}
	}
	if after := auditCount(t, app); after != auditBefore {
		t.Errorf("the refused requests wrote %d audit entries", after-auditBefore)
	}
	t.Logf("%d operations refused to anonymous and deactivated users; %d public ones answered", len(guarded), len(public))
}

// sendEmpty sends one operation with an empty JSON object as its body (none for GET and DELETE), as b, or
// without a session when b is nil, and returns the status and the problem the answer holds, if any.
func sendEmpty(tb testing.TB, base string, b *browser, method, path string) (int, problemOut) {
	tb.Helper()
	var body io.Reader
	if method != "GET" && method != "DELETE" {
		body = strings.NewReader("{}")
	}
	req, err := http.NewRequest(method, base+path, body)
	if err != nil {
		tb.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	client := http.DefaultClient
	if b != nil {
		client = b.http
		req.Header.Set("X-CSRF-Token", b.csrf)
	}
	res, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	var p problemOut
	_ = json.Unmarshal(data, &p)
	return res.StatusCode, p
}

// problemOut is the part of an RFC 9457 problem the tests read.
type problemOut struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// auditCount is the number of entries in the audit log, which every change writes to.
func auditCount(tb testing.TB, app *App) (n int64) {
	tb.Helper()
	if err := app.DB.Gorm().Table("audit_log").Count(&n).Error; err != nil {
		tb.Fatal(err)
	}
	return n
}

// apiOperation is one operation of the OpenAPI document, its path parameters set to 1 (the demo's first
// objects).
type apiOperation struct {
	method, path string
	template     string // the path as the document writes it, without /api/v1: /openings/{id}
	session      bool   // it needs a signed-in session
	jsonBody     bool   // it takes a JSON body
}

// apiOperations reads every operation from the OpenAPI document the server publishes, sorted by path and method.
func apiOperations(tb testing.TB, b *browser) []apiOperation {
	tb.Helper()
	var doc struct {
		Paths map[string]map[string]struct {
			Security    []map[string]any `json:"security"`
			RequestBody struct {
				Content map[string]any `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
	}
	if code := b.do("GET", "/api/v1/openapi.json", nil, &doc); code != 200 {
		tb.Fatalf("openapi: %d", code)
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	var out []apiOperation
	for path, ops := range doc.Paths {
		for method, op := range ops {
			_, isJSON := op.RequestBody.Content["application/json"]
			out = append(out, apiOperation{method: strings.ToUpper(method), path: param.ReplaceAllString(path, "1"),
				template: strings.TrimPrefix(path, "/api/v1"),
				session:  len(op.Security) > 0, jsonBody: isJSON})
		}
	}
	slices.SortFunc(out, func(a, b apiOperation) int { return strings.Compare(a.path+" "+a.method, b.path+" "+b.method) })
	return out
}

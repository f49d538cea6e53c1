package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// FuzzJSONBodies sends any bytes as the JSON body of every endpoint that takes one (from the OpenAPI
// document, path parameters set to the demo's first objects), as a signed-in admin: no answer is a 5xx, and a
// refusal changes nothing (the audit log, which every change writes to, does not grow). `make test` runs the
// seeds; CI fuzzes it for a bounded time and `make soak` for longer.
func FuzzJSONBodies(f *testing.F) {
	for _, seed := range []string{
		`{}`, `null`, `[]`, `""`, `{"name":"` + strings.Repeat("x", 5000) + `"}`, `{"id":-1,"seats":1e308,"month":"2026-13"}`,
		`{"title":"\u0000","email":"a@b","to":"hired","from":"applied","answers":[{"question_id":null}]}`,
		`{"items":[{}],"tags":[1,2],"locale":"zz","date":"yesterday","amount":"NaN"}`, `{"a":{"a":{"a":{"a":[[[[{}]]]]}}}}`,
		`{"email":"head@bullpen.demo","password":""}`, "{\"x\":1", "\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	// Requests come from many addresses through a trusted proxy, so that the public pages' and sign-in's
	// per-address limits do not turn the fuzzer's later inputs into 429s.
	app := startApp(f, "", f.TempDir(), freeAddr(f), func(c *Config) { c.TrustedProxies = []string{"127.0.0.1"} })
	f.Cleanup(func() { _ = app.Close() })
	admin := newBrowser(f, app.URL())
	admin.login("admin@bullpen.demo", pw)
	var endpoints []apiOperation
	for _, op := range apiOperations(f, admin) {
		if op.jsonBody && op.path != "/api/v1/session" { // signing in is fuzzed as the public would, below
			endpoints = append(endpoints, op)
		}
	}
	endpoints = append(endpoints, apiOperation{method: "POST", path: "/api/v1/session", jsonBody: true})
	if len(endpoints) < 40 {
		f.Fatalf("only %d endpoints with a JSON body in the OpenAPI document", len(endpoints))
	}
	sent := 0
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, e := range endpoints {
			before := auditCount(t, app)
			req, err := http.NewRequest(e.method, app.URL()+e.path, strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-CSRF-Token", admin.csrf)
			sent++
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", sent/65536%256, sent/256%256, sent%256))
			res, err := admin.http.Do(req)
			if err != nil {
				t.Fatalf("%s %s: %v", e.method, e.path, err)
			}
			answer, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode >= 500 {
				t.Fatalf("%s %s with %q: %d %s", e.method, e.path, body, res.StatusCode, answer)
			}
			if res.StatusCode >= 400 {
				var p struct {
					Title  string `json:"title"`
					Detail string `json:"detail"`
				}
				if json.Unmarshal(answer, &p) != nil || p.Title == "" {
					t.Fatalf("%s %s with %q: %d without a problem: %s", e.method, e.path, body, res.StatusCode, answer)
				}
				if strings.HasPrefix(p.Detail, "No API endpoint at") {
					t.Fatalf("%s %s is not an endpoint: the test sends its bodies nowhere", e.method, e.path)
				}
				if after := auditCount(t, app); after != before {
					t.Fatalf("%s %s with %q: refused (%d) but the audit log grew by %d", e.method, e.path, body, res.StatusCode, after-before)
				}
			}
		}
	})
}

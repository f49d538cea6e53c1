package main

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestSecurityHeadersOnEveryResponse: pages, assets, API answers and refusals all carry the security headers,
// whatever the method, status or sign-in.
func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	app := startApp(t, "", t.TempDir(), freeAddr(t), nil)
	defer app.Close()
	get := func(method, path, body string) *http.Response {
		t.Helper()
		req, err := http.NewRequest(method, app.URL()+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	index := get("GET", "/", "")
	page, _ := io.ReadAll(index.Body)
	index.Body.Close()
	paths := [][3]string{
		{"GET", "/", ""}, {"GET", "/login", ""}, {"GET", "/q/some.signed-token", ""}, {"GET", "/favicon.ico", ""},
		{"GET", "/readyz", ""}, {"GET", "/api/v1/openapi.json", ""}, {"GET", "/api/v1/me", ""},
		{"GET", "/api/v1/no-such-thing", ""}, {"DELETE", "/", ""}, {"POST", "/api/v1/session", "{not json"},
		{"POST", "/api/v1/session", `{"email":"head@bullpen.demo","password":"wrong"}`},
	}
	// The UI's own script, when the binary has the UI.
	if m := regexp.MustCompile(`src="(/assets/[^"]+\.js)"`).FindSubmatch(page); m != nil {
		paths = append(paths, [3]string{"GET", string(m[1]), ""})
	}
	for _, p := range paths {
		res := get(p[0], p[1], p[2])
		res.Body.Close()
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s %s (%d): Content-Security-Policy %q lacks %q", p[0], p[1], res.StatusCode, csp, want)
			}
		}
		for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
			"Referrer-Policy": "same-origin", "Cross-Origin-Opener-Policy": "same-origin"} {
			if got := h.Get(name); got != want {
				t.Errorf("%s %s (%d): %s %q, want %q", p[0], p[1], res.StatusCode, name, got, want)
			}
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"testing"
	"time"
)

// browser is a signed-in (or not) API user with its own cookie jar, as a web UI session would be.
type browser struct {
	t    testing.TB
	base string
	http *http.Client
	csrf string
}

func newBrowser(t testing.TB, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// do sends a JSON request (body may be a string of raw JSON) and decodes the JSON answer into out.
func (b *browser) do(method, path string, body any, out any) int {
	b.t.Helper()
	req, err := jsonRequest(method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if b.csrf != "" {
		req.Header.Set("X-CSRF-Token", b.csrf)
	}
	res, err := b.http.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			b.t.Fatalf("%s %s: %d %s: %v", method, path, res.StatusCode, data, err)
		}
	}
	return res.StatusCode
}

func (b *browser) login(email, password string) {
	b.t.Helper()
	var out struct {
		CSRFToken string `json:"csrf_token"`
	}
	if code := b.do("POST", "/api/v1/session", map[string]string{"email": email, "password": password}, &out); code != 200 {
		b.t.Fatalf("login %s: %d", email, code)
	}
	b.csrf = out.CSRFToken
}

type problem struct {
	Status int    `json:"status"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Errors []struct {
		Field   string `json:"field"`
		Message string `json:"message"`
	} `json:"errors"`
}

func (p problem) fields() []string {
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Field)
	}
	return out
}

type planOut struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Revision int    `json:"revision"`
	Result   struct {
		RepsNeeded     int `json:"reps_needed"`
		ManagersNeeded int `json:"managers_needed"`
	} `json:"result"`
	Timeline []struct {
		Kind  string `json:"kind"`
		Actor *struct {
			Name string `json:"name"`
		} `json:"actor"`
		Comment string `json:"comment"`
	} `json:"timeline"`
	Openings []struct {
		ID    int64  `json:"id"`
		Role  string `json:"role"`
		Seats int    `json:"seats"`
	} `json:"openings"`
	Staffing *struct {
		Planned  int `json:"planned"`
		Filled   int `json:"filled"`
		Openings []struct {
			Seats  int `json:"seats"`
			Filled int `json:"filled"`
		} `json:"openings"`
	} `json:"staffing"`
}

func (p planOut) kinds() []string {
	var out []string
	for _, e := range p.Timeline {
		out = append(out, e.Kind)
	}
	return out
}

func planBody(title string, target float64) map[string]any {
	return map[string]any{"title": title, "currency": "EUR", "notes": "integration test", "inputs": map[string]any{
		"monthly_revenue_target": target, "average_deal_size": 2500, "win_rate": 0.25, "calls_per_meeting": 12,
		"working_days_per_month": 21, "calls_per_day": 40, "meetings_per_month": 30, "ramp_months": 3,
		"ramp_productivity": 0.5, "span_of_control": 8}}
}

// eventually polls f until it is true or the limit passes.
func eventually(t testing.TB, limit time.Duration, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !f() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s after %s", what, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// jsonRequest builds a request with body as JSON (a string is sent as it is), or with none when body is nil.
func jsonRequest(method, url string, body any) (*http.Request, error) {
	var r io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		r = bytes.NewBufferString(v)
	default:
		data, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		r = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, url, r)
	if err == nil && body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, err
}

// formRequest builds a multipart POST of fields and files (by field: the file's name and its contents).
func formRequest(url string, fields map[string]string, files map[string][2]string) (*http.Request, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for k, f := range files {
		fw, err := w.CreateFormFile(k, f[0])
		if err != nil {
			return nil, err
		}
		_, _ = io.WriteString(fw, f[1])
	}
	_ = w.Close()
	req, err := http.NewRequest("POST", url, &buf)
	if err == nil {
		req.Header.Set("Content-Type", w.FormDataContentType())
	}
	return req, err
}

package api

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestIPLimiter(t *testing.T) {
	l := newIPLimiter(3, time.Minute)
	t0 := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if ok, _ := l.allow("10.0.0.1", t0.Add(time.Duration(i)*time.Second)); !ok {
			t.Fatalf("attempt %d refused", i+1)
		}
	}
	ok, wait := l.allow("10.0.0.1", t0.Add(10*time.Second))
	if ok || wait != 50*time.Second {
		t.Fatalf("4th attempt: allowed %v, wait %s; want refused for 50s", ok, wait)
	}
	if ok, _ := l.allow("10.0.0.2", t0.Add(10*time.Second)); !ok {
		t.Fatal("another address was refused")
	}
	if ok, _ := l.allow("10.0.0.1", t0.Add(61*time.Second)); !ok {
		t.Fatal("the window did not slide")
	}
	l.allow("10.0.0.3", t0)
	l.allow("10.0.0.4", t0.Add(5*time.Minute)) // sweeps the idle addresses
	if _, ok := l.seen["10.0.0.3"]; ok {
		t.Fatal("idle address kept")
	}
}

// TestSignInLimitPerAddress: the limit holds before anything else is read, and a forged X-Forwarded-For does
// not get round it when no proxy is trusted.
func TestSignInLimitPerAddress(t *testing.T) {
	s := testServer()
	s.loginIP = newIPLimiter(2, time.Minute)
	h := s.Handler()
	for i, want := range []int{400, 400, 429, 429} {
		req := httptest.NewRequest("POST", "/api/v1/session", strings.NewReader("{"))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("203.0.113.%d", i))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Fatalf("attempt %d: %d; want %d", i+1, rec.Code, want)
		}
		if want == 429 && rec.Header().Get("Retry-After") == "" {
			t.Fatal("429 without Retry-After")
		}
	}
}

package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func testServer() *Server {
	return New(nil, nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{}, nil)
}

// TestOpenAPIDescribesEveryRoute fails when gin serves an /api/v1 route the OpenAPI document does not describe.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s := testServer()
	doc := s.OpenAPI()
	paths := doc["paths"].(map[string]map[string]any)
	n := 0
	for _, r := range s.Handler().(*gin.Engine).Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/") {
			continue
		}
		n++
		p := pathParam.ReplaceAllString(r.Path, "{$1}")
		if _, ok := paths[p][strings.ToLower(r.Method)]; !ok {
			t.Errorf("%s %s is served but not in the OpenAPI document", r.Method, r.Path)
		}
	}
	if n < 15 {
		t.Fatalf("only %d API routes found", n)
	}
}

func TestOpenAPIDocument(t *testing.T) {
	s := testServer()
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	if rec.Code != 200 {
		t.Fatalf("GET openapi.json: %d", rec.Code)
	}
	var doc struct {
		OpenAPI    string `json:"openapi"`
		Components struct {
			Schemas map[string]struct {
				Required   []string                  `json:"required"`
				Properties map[string]map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	dec, ok := doc.Components.Schemas["DecisionRequest"]
	if !ok {
		t.Fatalf("no DecisionRequest schema among %v", keys(doc.Components.Schemas))
	}
	if enum := dec.Properties["decision"]["enum"]; len(enum.([]any)) != 3 {
		t.Errorf("decision enum = %v", enum)
	}
	roles := doc.Components.Schemas["CreateUserRequest"].Properties["roles"]["items"].(map[string]any)["enum"]
	if len(roles.([]any)) != 6 {
		t.Errorf("roles enum = %v", roles)
	}
	if _, ok := doc.Components.Schemas["Problem"]; !ok {
		t.Error("no Problem schema")
	}
	sizing := doc.Components.Schemas["SizingRequest"]
	if len(sizing.Required) != 10 {
		t.Errorf("sizing request requires %v; want all 10 inputs", sizing.Required)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestBodiesAreRefusedBeforeAnyWork checks the strict decoder on the public sign-in endpoint, which needs no
// database to refuse a malformed body.
func TestBodiesAreRefusedBeforeAnyWork(t *testing.T) {
	s := testServer()
	s.cfg.MaxBodyBytes = 64
	h := s.Handler()
	tests := []struct {
		name, ctype, body string
		status            int
		field             string
	}{
		{"not JSON", "application/json", "{", 400, ""},
		{"empty", "application/json", "", 400, ""},
		{"two objects", "application/json", `{"email":"a@b.cd","password":"x"} {}`, 400, ""},
		{"unknown field", "application/json", `{"email":"a@b.cd","password":"x","admin":true}`, 400, "admin"},
		{"wrong type", "application/json", `{"email":5,"password":"x"}`, 400, "email"},
		{"bad e-mail", "application/json", `{"email":"nobody","password":"x"}`, 400, "email"},
		{"missing password", "application/json", `{"email":"a@b.cd"}`, 400, "password"},
		{"too large", "application/json", `{"email":"` + strings.Repeat("a", 100) + `@b.cd","password":"x"}`, 413, ""},
		{"form post", "application/x-www-form-urlencoded", "email=a", 415, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/v1/session", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.ctype)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("status %d; want %d (%s)", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("content type %q", ct)
			}
			var p Problem
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != tt.status || p.Title == "" {
				t.Fatalf("problem = %+v, %v", p, err)
			}
			if tt.field != "" && (len(p.Errors) != 1 || p.Errors[0].Field != tt.field || p.Errors[0].Message == "") {
				t.Errorf("errors = %+v; want one naming %s", p.Errors, tt.field)
			}
		})
	}
}

func TestUnknownFieldsAreNamedByPath(t *testing.T) {
	var raw any
	_ = json.Unmarshal([]byte(`{"title":"x","inputs":{"win_rate":1,"reps":2},"extra":{"a":1}}`), &raw)
	got := unknownFields(raw, reflectTypeOf(planRequest{}), "")
	if strings.Join(got, ",") != "extra,inputs.reps" {
		t.Fatalf("unknown fields = %v", got)
	}
}

func TestProtectedRoutesNeedASession(t *testing.T) {
	s := testServer()
	h := s.Handler()
	for _, r := range s.routes {
		if !r.auth {
			continue
		}
		req := httptest.NewRequest(r.method, "/api/v1"+strings.ReplaceAll(r.path, ":id", "1"), strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("%s %s without a session: %d", r.method, r.path, rec.Code)
		}
	}
}

func reflectTypeOf(v any) reflect.Type { return reflect.TypeOf(v) }

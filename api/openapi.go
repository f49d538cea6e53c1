package api

import (
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// OpenAPI builds the OpenAPI 3.1 document of every route in the table, with schemas derived from the Go
// request and response types (JSON names, validator tags for required fields, ranges and enums).
func (s *Server) OpenAPI() map[string]any {
	g := &schemaGen{components: map[string]any{}}
	paths := map[string]map[string]any{}
	for _, r := range s.routes {
		p := "/api/v1" + pathParam.ReplaceAllString(r.path, "{$1}")
		op := map[string]any{
			"summary":     r.summary,
			"tags":        []string{r.tag},
			"operationId": strings.ToLower(r.method) + strings.NewReplacer("/", "_", ":", "", "-", "_", ".", "_").Replace(r.path),
		}
		var params []any
		for _, m := range pathParam.FindAllStringSubmatch(r.path, -1) {
			schema := map[string]any{"type": "integer", "minimum": 1}
			if m[1] != "id" {
				schema = map[string]any{"type": "string"}
			}
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": schema})
		}
		for _, q := range r.query {
			params = append(params, map[string]any{"name": q.name, "in": "query", "description": q.description,
				"schema": map[string]any{"type": "string"}})
		}
		if params != nil {
			op["parameters"] = params
		}
		if r.request != nil {
			g.responses = false
			media := "application/json"
			if r.form {
				media = "multipart/form-data"
			}
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				media: map[string]any{"schema": g.schema(reflect.TypeOf(r.request))}}}
		}
		ok := map[string]any{"description": http.StatusText(r.status)}
		if r.response != nil {
			g.responses = true
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schema(reflect.TypeOf(r.response))}}
		}
		if r.path == "/openapi.json" {
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}
		}
		responses := map[string]any{strconv.Itoa(r.status): ok}
		problemRef := map[string]any{"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}}}
		codes := []int{http.StatusBadRequest, http.StatusInternalServerError}
		if r.auth {
			codes = append(codes, http.StatusUnauthorized, http.StatusForbidden)
		}
		if strings.Contains(r.path, ":id") {
			codes = append(codes, http.StatusNotFound)
		}
		if r.method == "POST" && r.path == "/session" {
			codes = append(codes, http.StatusUnauthorized, http.StatusTooManyRequests)
		}
		if r.public {
			codes = append(codes, http.StatusTooManyRequests)
		}
		if (r.tag == "staffing plans" || r.tag == "openings" || r.tag == "applications" || r.tag == "imports" || r.public) && r.method != "GET" {
			codes = append(codes, http.StatusConflict, http.StatusServiceUnavailable)
		}
		if r.tag == "users" && r.method != "GET" {
			codes = append(codes, http.StatusConflict)
		}
		if r.request != nil {
			codes = append(codes, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType)
		}
		for _, code := range codes {
			responses[strconv.Itoa(code)] = map[string]any{"description": http.StatusText(code), "content": problemRef}
		}
		op["responses"] = responses
		if r.auth {
			op["security"] = []any{map[string]any{"session": []string{}}}
		}
		if paths[p] == nil {
			paths[p] = map[string]any{}
		}
		paths[p][strings.ToLower(r.method)] = op
	}
	g.schema(reflect.TypeOf(Problem{}))
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "Bullpen API", "version": "1",
			"description": "Bullpen builds and runs a sales department. Writes made with the session cookie must send the " +
				csrfHeader + " header with the token from POST /api/v1/session or GET /api/v1/me. Errors are RFC 9457 problems."},
		"paths": paths,
		"components": map[string]any{
			"schemas":         g.components,
			"securitySchemes": map[string]any{"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie}},
		},
	}
}

var pathParam = regexp.MustCompile(`:([a-z_]+)`)

var (
	openapiOnce sync.Once
	openapiDoc  map[string]any
)

func (s *Server) openapi(c *gin.Context) {
	openapiOnce.Do(func() { openapiDoc = s.OpenAPI() })
	c.JSON(http.StatusOK, openapiDoc)
}

// schemaGen derives JSON schemas; responses says whether nil pointers mean null (responses) or absence
// (requests, where a pointer only lets "required" tell 0 from missing).
type schemaGen struct {
	components map[string]any
	responses  bool
}

var timeType = reflect.TypeOf(time.Time{})

// schema returns the JSON schema of t, registering named structs as components.
func (g *schemaGen) schema(t reflect.Type) map[string]any {
	nullable := false
	for t.Kind() == reflect.Pointer {
		t, nullable = t.Elem(), true
	}
	var s map[string]any
	switch {
	case t == timeType:
		s = map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() == reflect.Struct:
		name := componentName(t)
		if _, done := g.components[name]; !done {
			g.components[name] = map[string]any{} // an entry first, so a type that contains itself terminates
			g.components[name] = g.object(t)
		}
		s = map[string]any{"$ref": "#/components/schemas/" + name}
	case t.Kind() == reflect.Slice:
		s = map[string]any{"type": "array", "items": g.schema(t.Elem())}
	case t.Kind() == reflect.Map:
		s = map[string]any{"type": "object"}
	case t.Kind() == reflect.String:
		s = map[string]any{"type": "string"}
	case t.Kind() == reflect.Bool:
		s = map[string]any{"type": "boolean"}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		s = map[string]any{"type": "integer"}
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		s = map[string]any{"type": "number"}
	default:
		s = map[string]any{}
	}
	if nullable && g.responses {
		if s["$ref"] != nil {
			return map[string]any{"oneOf": []any{s, map[string]any{"type": "null"}}}
		}
		if s["type"] != nil {
			s["type"] = []any{s["type"], "null"}
		}
	}
	return s
}

func componentName(t reflect.Type) string {
	n := t.Name()
	if i := strings.IndexByte(n, '['); i >= 0 { // list[api.userJSON] -> userJSONList
		inner := n[i+1 : len(n)-1]
		inner = inner[strings.LastIndexByte(inner, '.')+1:]
		n = inner + "List"
	}
	n = strings.TrimSuffix(strings.TrimSuffix(n, "JSON"), "Request")
	if strings.HasSuffix(t.Name(), "Request") {
		n += "Request"
	}
	return strings.ToUpper(n[:1]) + n[1:]
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := g.schema(f.Type)
		rules := strings.Split(f.Tag.Get("validate"), ",")
		target, dived := p, false
		for _, rule := range rules {
			k, v, _ := strings.Cut(rule, "=")
			if dived {
				if k == "oneof" {
					if items, ok := target["items"].(map[string]any); ok {
						items["enum"] = strings.Fields(v)
					}
				}
				continue
			}
			switch k {
			case "required":
				required = append(required, name)
			case "oneof":
				if f.Type.Kind() == reflect.String {
					p["enum"] = strings.Fields(v)
				}
			case "email":
				p["format"] = "email"
			case "min", "max", "len":
				applyBound(p, f.Type, k, v)
			}
			dived = k == "dive"
		}
		if !strings.Contains(opts, "omitempty") && f.Tag.Get("validate") == "" && t.Name() != "" && !strings.HasSuffix(t.Name(), "Request") {
			required = append(required, name) // responses always carry their non-omitempty fields
		}
		props[name] = p
	}
	o := map[string]any{"type": "object", "properties": props}
	if strings.HasSuffix(t.Name(), "Request") {
		o["additionalProperties"] = false
	}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func applyBound(p map[string]any, t reflect.Type, k, v string) {
	n, err := strconv.Atoi(v)
	if err != nil || p["$ref"] != nil {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var lo, hi string
	switch t.Kind() {
	case reflect.String:
		lo, hi = "minLength", "maxLength"
	case reflect.Slice:
		lo, hi = "minItems", "maxItems"
	default:
		lo, hi = "minimum", "maximum"
	}
	switch k {
	case "min":
		p[lo] = n
	case "max":
		p[hi] = n
	case "len":
		p[lo], p[hi] = n, n
	}
}

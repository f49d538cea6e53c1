package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"github.com/bullpen-hq/bullpen/models"
)

// newValidator returns a validator that names fields by their JSON names.
func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	return v
}

var validate = newValidator()

// errBodyTooLarge marks a body over the limit; it becomes 413.
var errBodyTooLarge = errors.New("body too large")

// bind decodes the JSON body into dst strictly (one JSON value, no unknown fields, within the size limit)
// and validates it. It writes the problem and returns false when the body is refused.
func (s *Server) bind(c *gin.Context, dst any) bool {
	if err := s.decode(c, dst); err != nil {
		switch {
		case errors.Is(err, errBodyTooLarge):
			s.problem(c, http.StatusRequestEntityTooLarge, "Request too large",
				fmt.Sprintf("The body must be at most %d bytes.", s.cfg.MaxBodyBytes))
		case errors.Is(err, errNotJSON):
			s.problem(c, http.StatusUnsupportedMediaType, "Unsupported media type", "Send the body as application/json.")
		default:
			s.fail(c, err)
		}
		return false
	}
	if err := validate.Struct(dst); err != nil {
		s.fail(c, validationError(err))
		return false
	}
	return true
}

var errNotJSON = errors.New("not json")

func (s *Server) decode(c *gin.Context, dst any) error {
	if mt, _, err := mime.ParseMediaType(c.GetHeader("Content-Type")); err != nil || mt != "application/json" {
		return errNotJSON
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBodyBytes))
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) {
		return errBodyTooLarge
	} else if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err = dec.Decode(dst)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return models.Invalid(models.FieldError{Field: "", Message: "the body must hold exactly one JSON object"})
		}
		return nil
	}
	var (
		syntaxErr *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
	)
	switch {
	case errors.Is(err, io.EOF):
		return models.Invalid(models.FieldError{Field: "", Message: "the body is empty; send a JSON object"})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return models.Invalid(models.FieldError{Field: "", Message: "the body is not valid JSON"})
	case errors.As(err, &typeErr):
		field := typeErr.Field
		return models.Invalid(models.FieldError{Field: field, Message: "must be " + jsonKind(typeErr.Type)})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		var raw any
		_ = json.Unmarshal(body, &raw)
		var fields []models.FieldError
		for _, f := range unknownFields(raw, reflect.TypeOf(dst), "") {
			fields = append(fields, models.FieldError{Field: f, Message: "is not a known field"})
		}
		if len(fields) == 0 {
			name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
			fields = append(fields, models.FieldError{Field: name, Message: "is not a known field"})
		}
		return models.Invalid(fields...)
	default:
		return models.Invalid(models.FieldError{Field: "", Message: "the body could not be read as JSON"})
	}
}

// unknownFields lists, by JSON path, every key of v that the Go type t has no field for.
func unknownFields(v any, t reflect.Type, prefix string) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	switch val := v.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct {
			return nil
		}
		known := map[string]reflect.Type{}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			known[strings.ToLower(name)] = f.Type
		}
		keys := make([]string, 0, len(val))
		for k := range val {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			ft, ok := known[strings.ToLower(k)]
			if !ok {
				out = append(out, prefix+k)
				continue
			}
			out = append(out, unknownFields(val[k], ft, prefix+k+".")...)
		}
	case []any:
		if t.Kind() != reflect.Slice {
			return nil
		}
		for i, item := range val {
			out = append(out, unknownFields(item, t.Elem(), fmt.Sprintf("%s%d.", prefix, i))...)
		}
	}
	return out
}

func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	default:
		return "an object"
	}
}

// validationError turns validator's errors into a domain EINVALID with one readable message per field.
func validationError(err error) error {
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return models.Invalid(models.FieldError{Message: err.Error()})
	}
	fields := make([]models.FieldError, 0, len(verrs))
	for _, fe := range verrs {
		ns := fe.Namespace()
		if _, rest, ok := strings.Cut(ns, "."); ok {
			ns = rest
		}
		fields = append(fields, models.FieldError{Field: ns, Message: tagMessage(fe)})
	}
	return models.Invalid(fields...)
}

func tagMessage(fe validator.FieldError) string {
	isString := fe.Kind() == reflect.String
	switch fe.Tag() {
	case "required":
		return "is required"
	case "email":
		return "must be an e-mail address"
	case "oneof":
		return "must be one of: " + strings.ReplaceAll(fe.Param(), " ", ", ")
	case "len":
		if isString {
			return "must be exactly " + fe.Param() + " characters"
		}
		return "must have exactly " + fe.Param() + " items"
	case "min", "gte":
		if isString {
			return "must be at least " + fe.Param() + " characters"
		}
		if fe.Kind() == reflect.Slice {
			return "must have at least " + fe.Param() + " items"
		}
		return "must be at least " + fe.Param()
	case "max", "lte":
		if isString {
			return "must be at most " + fe.Param() + " characters"
		}
		if fe.Kind() == reflect.Slice {
			return "must have at most " + fe.Param() + " items"
		}
		return "must be at most " + fe.Param()
	case "gt":
		return "must be greater than " + fe.Param()
	case "lt":
		return "must be less than " + fe.Param()
	case "unique":
		return "must not repeat a value"
	}
	return "is invalid (" + fe.Tag() + ")"
}

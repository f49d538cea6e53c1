// Package models holds Bullpen's domain types and the pure rules of the seed article: sizing a team,
// the staffing plan's legal moves, and who may do what. Nothing here does I/O.
package models

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Error codes shared by every layer. The API maps each code to one HTTP status in one place.
const (
	ECONFLICT     = "conflict"     // the object is not in a state that allows the action (409)
	EFORBIDDEN    = "forbidden"    // the caller may not do this to this object (403)
	EINTERNAL     = "internal"     // a fault of ours; details are logged, never returned (500)
	EINVALID      = "invalid"      // the input breaks a rule (400)
	ENOTFOUND     = "not_found"    // no such object, or none the caller may see (404)
	ETHROTTLED    = "throttled"    // too many attempts; try again later (429)
	EUNAUTHORIZED = "unauthorized" // not signed in, or wrong credentials (401)
	EUNAVAILABLE  = "unavailable"  // a dependency (database, Temporal) is unreachable (503)
)

// FieldError names one invalid input field (by its JSON path, e.g. "inputs.win_rate") and what is wrong.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is a domain error with a code, a message safe to show a user, and for EINVALID the fields at fault.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
	// RetryAfterSeconds is set with ETHROTTLED.
	RetryAfterSeconds int
}

// Error implements the error interface.
func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns a domain error with the given code and a formatted, user-safe message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error listing the fields at fault.
func Invalid(fields ...FieldError) *Error {
	msg := "1 field is invalid"
	if len(fields) != 1 {
		msg = fmt.Sprintf("%d fields are invalid", len(fields))
	}
	return &Error{Code: EINVALID, Message: msg, Fields: fields}
}

// ErrorCode returns the code of a domain error, or EINTERNAL for any other error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the user-safe message of a domain error, or a generic one for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// Nested returns the field errors of a nested object's validation named from the enclosing object's root
// (prefix + field, e.g. "questionnaire.questions.1.options"); an error without fields becomes one naming the
// nested object itself.
func Nested(err error, prefix string) []FieldError {
	var e *Error
	if !errors.As(err, &e) {
		return nil
	}
	if len(e.Fields) == 0 {
		return []FieldError{{Field: strings.TrimSuffix(prefix, "."), Message: e.Message}}
	}
	out := make([]FieldError, len(e.Fields))
	for i, f := range e.Fields {
		out[i] = FieldError{Field: prefix + f.Field, Message: f.Message}
	}
	return out
}

// WithPrefix returns a validation error with its fields named from the enclosing object's root, keeping its
// code and message; other errors are returned as they are.
func WithPrefix(err error, prefix string) error {
	var e *Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	out := *e
	out.Fields = Nested(err, prefix)
	return &out
}

// SortFields orders field errors by field, so one answer reads the same every time.
func SortFields(fields []FieldError) {
	slices.SortFunc(fields, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
}

package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Problem is an RFC 9457 problem document. Errors lists the fields at fault in a validation failure.
type Problem struct {
	Type   string              `json:"type"`
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Detail string              `json:"detail,omitempty"`
	Errors []models.FieldError `json:"errors,omitempty"`
}

// problemTypes maps each domain error code to its HTTP status and title. This is the one error mapper.
var problemTypes = map[string]struct {
	status int
	title  string
}{
	models.EINVALID:      {http.StatusBadRequest, "Invalid request"},
	models.EUNAUTHORIZED: {http.StatusUnauthorized, "Not signed in"},
	models.EFORBIDDEN:    {http.StatusForbidden, "Not allowed"},
	models.ENOTFOUND:     {http.StatusNotFound, "Not found"},
	models.ECONFLICT:     {http.StatusConflict, "Conflict"},
	models.ETHROTTLED:    {http.StatusTooManyRequests, "Too many attempts"},
	models.EUNAVAILABLE:  {http.StatusServiceUnavailable, "Service unavailable"},
	models.EINTERNAL:     {http.StatusInternalServerError, "Internal error"},
}

// problemTypeURI names a problem type; the URIs identify, they are not fetched.
func problemTypeURI(code string) string { return "https://bullpen.dev/problems/" + code }

// fail writes err as a problem: domain errors with their code, anything else as a logged 500.
func (s *Server) fail(c *gin.Context, err error) {
	p := s.problemOf(c, err)
	var e *models.Error
	if errors.As(fromTemporal(err), &e) && e.RetryAfterSeconds > 0 {
		c.Header("Retry-After", strconv.Itoa(e.RetryAfterSeconds))
	}
	c.Header("Content-Type", "application/problem+json")
	c.AbortWithStatusJSON(p.Status, p)
}

// problemOf describes err as problem JSON, for fail and for the per-item results of batch requests.
func (s *Server) problemOf(c *gin.Context, err error) Problem {
	err = fromTemporal(err)
	code := models.ErrorCode(err)
	if code == models.EINTERNAL {
		s.log.ErrorContext(c, "request failed", "method", c.Request.Method, "path", c.FullPath(), "error", err)
	}
	t := problemTypes[code]
	p := Problem{Type: problemTypeURI(code), Title: t.title, Status: t.status, Detail: models.ErrorMessage(err)}
	var e *models.Error
	if errors.As(err, &e) {
		p.Errors = e.Fields
	}
	return p
}

// fromTemporal turns what the Temporal client returns into domain errors: a refusal by a workflow's validator
// into its own code, an unreachable or slow server into EUNAVAILABLE, a workflow that has already ended into
// ECONFLICT. Other errors pass unchanged.
func fromTemporal(err error) error {
	err = workflows.FromTemporal(err)
	var (
		unavailable *serviceerror.Unavailable
		timeout     *client.WorkflowUpdateServiceTimeoutOrCanceledError
	)
	switch {
	case models.ErrorCode(err) != models.EINTERNAL:
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout):
		return models.Errorf(models.EUNAVAILABLE, "The workflow engine did not confirm in time; reload to see whether the change was recorded.")
	case errors.As(err, &unavailable):
		return models.Errorf(models.EUNAVAILABLE, "The workflow engine is unreachable; try again shortly.")
	case isNotFound(err):
		return models.Errorf(models.ECONFLICT, "This process has already ended; reload to see where it stands.")
	}
	return err
}

func isNotFound(err error) bool {
	var nf *serviceerror.NotFound
	return errors.As(err, &nf)
}

// problem writes a problem that has no domain error behind it (unknown route, wrong method, body too large).
func (s *Server) problem(c *gin.Context, status int, title, detail string) {
	c.Header("Content-Type", "application/problem+json")
	c.AbortWithStatusJSON(status, Problem{Type: "about:blank", Title: title, Status: status, Detail: detail})
}

package workflows

import (
	"errors"

	"go.temporal.io/sdk/temporal"

	"github.com/bullpen-hq/bullpen/models"
)

// domainCodes are the models error codes that travel through Temporal as application error types.
var domainCodes = map[string]bool{
	models.ECONFLICT: true, models.EFORBIDDEN: true, models.EINVALID: true, models.ENOTFOUND: true,
}

// ToTemporal turns a domain error into a non-retryable Temporal application error whose type is the
// domain code and whose details are the invalid fields, so that it survives the trip through the server.
// Other errors pass unchanged.
func ToTemporal(err error) error {
	var e *models.Error
	if errors.As(err, &e) && domainCodes[e.Code] {
		return temporal.NewNonRetryableApplicationError(e.Message, e.Code, nil, e.Fields)
	}
	return err
}

// FromTemporal turns an error that came back from a workflow, update or activity into the domain error it
// started as, or returns it unchanged.
func FromTemporal(err error) error {
	var app *temporal.ApplicationError
	if !errors.As(err, &app) || !domainCodes[app.Type()] {
		return err
	}
	e := &models.Error{Code: app.Type(), Message: app.Message()}
	if app.HasDetails() {
		_ = app.Details(&e.Fields)
	}
	return e
}

package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// route is one endpoint: what gin serves and what the OpenAPI document says of it.
type route struct {
	method, path string
	summary      string
	tag          string
	auth         bool
	request      any // zero value of the body type, or nil
	response     any // zero value of the success body type, or nil for no body
	status       int
	query        []queryParam
	handler      gin.HandlerFunc
}

type queryParam struct{ name, description string }

// routeTable lists every endpoint under /api/v1. Handler registers these and openapi.go describes them.
func (s *Server) routeTable() []route {
	return []route{
		{method: "POST", path: "/session", summary: "Sign in with e-mail and password", tag: "session",
			request: loginRequest{}, response: sessionResponse{}, status: http.StatusOK, handler: s.login},
		{method: "DELETE", path: "/session", summary: "Sign out, ending the session", tag: "session", auth: true,
			status: http.StatusNoContent, handler: s.logout},
		{method: "GET", path: "/me", summary: "The signed-in user and their CSRF token", tag: "session", auth: true,
			response: sessionResponse{}, status: http.StatusOK, handler: s.me},
		{method: "PATCH", path: "/me", summary: "Set one's own language for e-mail", tag: "session", auth: true,
			request: meRequest{}, response: sessionResponse{}, status: http.StatusOK, handler: s.updateMe},
		{method: "POST", path: "/me/password", summary: "Change one's own password (other sessions end)", tag: "session", auth: true,
			request: passwordRequest{}, status: http.StatusNoContent, handler: s.changePassword},
		{method: "GET", path: "/openapi.json", summary: "This document", tag: "meta",
			status: http.StatusOK, handler: s.openapi},

		{method: "GET", path: "/users", summary: "List users (admins)", tag: "users", auth: true,
			response: list[userJSON]{}, status: http.StatusOK, handler: s.listUsers},
		{method: "POST", path: "/users", summary: "Add a user (admins)", tag: "users", auth: true,
			request: createUserRequest{}, response: userJSON{}, status: http.StatusCreated, handler: s.createUser},
		{method: "PATCH", path: "/users/:id", summary: "Change a user's name, roles, password or active flag (admins)", tag: "users", auth: true,
			request: updateUserRequest{}, response: userJSON{}, status: http.StatusOK, handler: s.updateUser},

		{method: "POST", path: "/sizing/preview", summary: "Size a team from planned sales volume, with the working", tag: "sizing", auth: true,
			request: sizingRequest{}, response: sizingResultJSON{}, status: http.StatusOK, handler: s.previewSizing},

		{method: "GET", path: "/staffing-plans", summary: "List staffing plans", tag: "staffing plans", auth: true,
			query:    []queryParam{{"status", "pending_approval, changes_requested, approved or rejected"}, {"mine", "true for the caller's own plans"}},
			response: list[planJSON]{}, status: http.StatusOK, handler: s.listPlans},
		{method: "POST", path: "/staffing-plans", summary: "Submit a staffing plan for approval", tag: "staffing plans", auth: true,
			request: planRequest{}, response: planJSON{}, status: http.StatusCreated, handler: s.createPlan},
		{method: "GET", path: "/staffing-plans/:id", summary: "A staffing plan with its timeline and openings", tag: "staffing plans", auth: true,
			response: planJSON{}, status: http.StatusOK, handler: s.getPlan},
		{method: "PUT", path: "/staffing-plans/:id", summary: "Revise a plan sent back for changes and resubmit it (its author)", tag: "staffing plans", auth: true,
			request: planRequest{}, response: planJSON{}, status: http.StatusOK, handler: s.revisePlan},
		{method: "POST", path: "/staffing-plans/:id/decision", summary: "Approve, reject or request changes (department heads)", tag: "staffing plans", auth: true,
			request: decisionRequest{}, response: planJSON{}, status: http.StatusOK, handler: s.decidePlan},

		{method: "GET", path: "/openings", summary: "List openings", tag: "openings", auth: true,
			query:    []queryParam{{"plan_id", "only the openings of this staffing plan"}, {"status", "open or closed"}},
			response: list[openingJSON]{}, status: http.StatusOK, handler: s.listOpenings},
		{method: "GET", path: "/openings/:id", summary: "One opening", tag: "openings", auth: true,
			response: openingJSON{}, status: http.StatusOK, handler: s.getOpening},

		{method: "GET", path: "/notifications", summary: "The caller's notifications, newest first", tag: "notifications", auth: true,
			response: list[notificationJSON]{}, status: http.StatusOK, handler: s.listNotifications},
		{method: "GET", path: "/outbox", summary: "The latest e-mails, sent or kept (admins)", tag: "e-mail", auth: true,
			response: list[outboxJSON]{}, status: http.StatusOK, handler: s.listOutbox},
		{method: "GET", path: "/audit", summary: "The audit log, newest first (admins)", tag: "audit", auth: true,
			query: []queryParam{{"object_type", "e.g. staffing_plan or user"}, {"object_id", "one object"}, {"actor_id", "who acted"},
				{"action", "e.g. plan.approved"}, {"before_id", "the page before this entry"}},
			response: list[auditJSON]{}, status: http.StatusOK, handler: s.listAudit},
		{method: "POST", path: "/notifications/:id/read", summary: "Mark a notification read", tag: "notifications", auth: true,
			status: http.StatusNoContent, handler: s.readNotification},
	}
}

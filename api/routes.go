package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
)

// route is one endpoint: what gin serves and what the OpenAPI document says of it.
type route struct {
	method, path string
	summary      string
	tag          string
	auth         bool
	// public routes are for candidates: no session, throttled per address.
	public bool
	// form bodies are multipart/form-data (uploads) rather than JSON.
	form     bool
	request  any // zero value of the body type, or nil
	response any // zero value of the success body type, or nil for no body
	status   int
	query    []queryParam
	handler  gin.HandlerFunc
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
		{method: "POST", path: "/openings", summary: "Add an opening outside a staffing plan; it waits for a department head's approval", tag: "openings", auth: true,
			request: openingRequest{}, response: openingJSON{}, status: http.StatusCreated, handler: s.createOpening},
		{method: "GET", path: "/openings/:id", summary: "One opening, with its applications counted per stage", tag: "openings", auth: true,
			response: openingJSON{}, status: http.StatusOK, handler: s.getOpening},
		{method: "PUT", path: "/openings/:id", summary: "Replace an opening's settings: hiring team, questionnaire, slate size, role-play", tag: "openings", auth: true,
			request: openingRequest{}, response: openingJSON{}, status: http.StatusOK, handler: s.updateOpening},
		{method: "POST", path: "/openings/:id/decision", summary: "Approve or reject an opening a recruiter added (department heads)", tag: "openings", auth: true,
			request: openingDecisionRequest{}, response: openingJSON{}, status: http.StatusOK, handler: s.decideOpening},
		{method: "GET", path: "/openings/:id/applications", summary: "The opening's applications, for the pipeline board", tag: "applications", auth: true,
			query: []queryParam{{"stage", "one stage"}, {"source", "one source"}, {"tag", "one tag"}, {"min_score", "questionnaire score at least this (0-100)"},
				{"q", "part of the candidate's name or e-mail"}, {"limit", "at most this many (1-5000, default 1000); total says how many match"}},
			response: applicationList{}, status: http.StatusOK, handler: s.listApplications},
		{method: "POST", path: "/openings/:id/applications", summary: "Add a candidate to the opening by hand (the same e-mail again returns the existing application)", tag: "applications", auth: true,
			request: addCandidateRequest{}, response: applicationJSON{}, status: http.StatusCreated, handler: s.addApplication},
		{method: "POST", path: "/openings/:id/imports/preview", summary: "Read a CSV file's columns and first rows, with a suggested mapping", tag: "imports", auth: true, form: true,
			request: importForm{}, response: importPreviewJSON{}, status: http.StatusOK, handler: s.previewImport},
		{method: "POST", path: "/openings/:id/imports", summary: "Import candidates from a CSV file, as a workflow; poll the import for progress", tag: "imports", auth: true, form: true,
			request: importForm{}, response: importJSON{}, status: http.StatusAccepted, handler: s.startImport},
		{method: "GET", path: "/openings/:id/imports", summary: "The opening's imports, newest first", tag: "imports", auth: true,
			response: list[importJSON]{}, status: http.StatusOK, handler: s.listImports},
		{method: "GET", path: "/imports/:id", summary: "An import's progress and refused rows", tag: "imports", auth: true,
			response: importJSON{}, status: http.StatusOK, handler: s.getImport},

		{method: "GET", path: "/applications/:id", summary: "An application: candidate, timeline, questionnaire answers and score", tag: "applications", auth: true,
			response: applicationJSON{}, status: http.StatusOK, handler: s.getApplication},
		{method: "POST", path: "/applications/:id/moves", summary: "Move an application to another stage (legal moves only; every move needs a reason)", tag: "applications", auth: true,
			request: moveRequest{}, response: applicationJSON{}, status: http.StatusOK, handler: s.moveApplication},
		{method: "POST", path: "/applications/:id/questionnaire/resend", summary: "Send the questionnaire again with a new deadline", tag: "applications", auth: true,
			response: applicationJSON{}, status: http.StatusOK, handler: s.resendQuestionnaire},
		{method: "POST", path: "/applications/:id/notes", summary: "Add a note to the application's timeline", tag: "applications", auth: true,
			request: noteRequest{}, response: applicationJSON{}, status: http.StatusCreated, handler: s.addNote},
		{method: "PUT", path: "/applications/:id/tags", summary: "Replace the application's tags", tag: "applications", auth: true,
			request: tagsRequest{}, response: applicationJSON{}, status: http.StatusOK, handler: s.setTags},
		{method: "GET", path: "/applications/:id/cv", summary: "Download the candidate's CV", tag: "applications", auth: true,
			status: http.StatusOK, handler: s.downloadCV},
		{method: "GET", path: "/team", summary: "Active recruiters, department heads and interviewers (names only), for hiring teams", tag: "openings", auth: true,
			response: list[teamMemberJSON]{}, status: http.StatusOK, handler: s.listTeam},
		{method: "GET", path: "/rejection-reasons", summary: "The rejection reason codes a rejection picks from", tag: "applications", auth: true,
			response: list[string]{}, status: http.StatusOK, handler: s.rejectionReasons},
		{method: "GET", path: "/questionnaire-templates", summary: "Reusable questionnaires", tag: "openings", auth: true,
			response: list[templateJSON]{}, status: http.StatusOK, handler: s.listTemplates},
		{method: "POST", path: "/questionnaire-templates", summary: "Save a reusable questionnaire", tag: "openings", auth: true,
			request: templateRequest{}, response: templateJSON{}, status: http.StatusCreated, handler: s.saveTemplate},
		{method: "PUT", path: "/questionnaire-templates/:id", summary: "Replace a reusable questionnaire", tag: "openings", auth: true,
			request: templateRequest{}, response: templateJSON{}, status: http.StatusOK, handler: s.saveTemplate},
		{method: "GET", path: "/scenarios", summary: "The negotiation role-play scenarios (buyer personas), in English and Albanian", tag: "interviews", auth: true,
			query:    []queryParam{{"archived", "true to include archived scenarios"}},
			response: list[models.Scenario]{}, status: http.StatusOK, handler: s.listScenarios},
		{method: "GET", path: "/scenarios/:id", summary: "One role-play scenario, with the interviewer's and the candidate's briefs and the rubric", tag: "interviews", auth: true,
			response: models.Scenario{}, status: http.StatusOK, handler: s.getScenario},
		{method: "POST", path: "/scenarios", summary: "Add a role-play scenario (admins and recruiters)", tag: "interviews", auth: true,
			request: scenarioRequest{}, response: models.Scenario{}, status: http.StatusCreated, handler: s.saveScenario},
		{method: "PUT", path: "/scenarios/:id", summary: "Replace a role-play scenario, or archive it (admins and recruiters)", tag: "interviews", auth: true,
			request: scenarioRequest{}, response: models.Scenario{}, status: http.StatusOK, handler: s.saveScenario},
		{method: "POST", path: "/applications/:id/interviews", summary: "Schedule the application's first or second interview; everyone gets a calendar invite", tag: "interviews", auth: true,
			request: interviewRequest{}, response: interviewJSON{}, status: http.StatusCreated, handler: s.scheduleInterview},
		{method: "GET", path: "/applications/:id/interviews", summary: "The application's interviews with who has scored and the result, and the rotation's next scenario", tag: "interviews", auth: true,
			response: applicationInterviewsJSON{}, status: http.StatusOK, handler: s.listApplicationInterviews},
		{method: "POST", path: "/openings/:id/interviews", summary: "Schedule a second interview or a group interview for shortlisted candidates; each gets their own invite", tag: "interviews", auth: true,
			request: openingInterviewRequest{}, response: interviewJSON{}, status: http.StatusCreated, handler: s.scheduleOpeningInterview},
		{method: "POST", path: "/interviews/:id/excuse", summary: "Excuse an interviewer from scoring an interview (hiring managers)", tag: "interviews", auth: true,
			request: excuseRequest{}, response: interviewJSON{}, status: http.StatusOK, handler: s.excuseInterviewer},
		{method: "GET", path: "/me/interviews", summary: "The caller's interviews: upcoming, and past ones still owed a scorecard", tag: "interviews", auth: true,
			response: list[myInterviewJSON]{}, status: http.StatusOK, handler: s.myInterviews},
		{method: "GET", path: "/openings/:id/comparison", summary: "The slate side by side: per candidate, the panel's scores per competency, spread, questionnaire score, notes", tag: "interviews", auth: true,
			query:    []queryParam{{"lang", "en or sq; the caller's language by default"}},
			response: comparisonJSON{}, status: http.StatusOK, handler: s.getComparison},
		{method: "POST", path: "/openings/:id/shortlist", summary: "Shortlist several candidates of the slate; the rest wait or are rejected with a reason (slate rule applies)", tag: "interviews", auth: true,
			request: shortlistRequest{}, response: shortlistResponse{}, status: http.StatusOK, handler: s.shortlist},
		{method: "GET", path: "/calibration", summary: "Interviewer calibration: scorecards, average score, deviation from the panel, lateness", tag: "interviews", auth: true,
			query:    []queryParam{{"opening_id", "one opening; all openings when absent"}},
			response: list[calibrationItemJSON]{}, status: http.StatusOK, handler: s.getCalibration},
		{method: "GET", path: "/interviews/:id", summary: "An interview (its hiring managers and its interviewers)", tag: "interviews", auth: true,
			response: interviewJSON{}, status: http.StatusOK, handler: s.getInterview},
		{method: "PUT", path: "/interviews/:id", summary: "Reschedule an interview; everyone gets the updated invite", tag: "interviews", auth: true,
			request: interviewRequest{}, response: interviewJSON{}, status: http.StatusOK, handler: s.rescheduleInterview},
		{method: "POST", path: "/interviews/:id/cancel", summary: "Cancel an interview; everyone's calendar drops it", tag: "interviews", auth: true,
			response: interviewJSON{}, status: http.StatusOK, handler: s.cancelInterview},
		{method: "GET", path: "/interviews/:id/kit", summary: "The interview kit: the persona and its hidden brief, the rubric, the candidates' answers", tag: "interviews", auth: true,
			query:    []queryParam{{"lang", "en or sq; the caller's language by default"}},
			response: kitJSON{}, status: http.StatusOK, handler: s.getKit},
		{method: "GET", path: "/interviews/:id/scorecards", summary: "A candidate's scorecards in an interview (a panel member sees the others' only after submitting)", tag: "interviews", auth: true,
			query:    []queryParam{{"application_id", "the candidate's application"}},
			response: scorecardsJSON{}, status: http.StatusOK, handler: s.listScorecards},
		{method: "POST", path: "/interviews/:id/scorecards", summary: "Submit one's scorecard for a candidate (assigned interviewers, once, after the start)", tag: "interviews", auth: true,
			request: scorecardRequest{}, response: scorecardsJSON{}, status: http.StatusCreated, handler: s.submitScorecard},
		{method: "PUT", path: "/interviews/:id/scorecards", summary: "Edit one's submitted scorecard (the edit is recorded in the audit log)", tag: "interviews", auth: true,
			request: scorecardRequest{}, response: scorecardsJSON{}, status: http.StatusOK, handler: s.editScorecard},
		{method: "GET", path: "/pay-plans", summary: "Pay plan templates per role and currency (hiring managers)", tag: "offers", auth: true,
			query:    []queryParam{{"archived", "true to include archived templates"}},
			response: list[models.PayPlanTemplate]{}, status: http.StatusOK, handler: s.listPayPlans},
		{method: "POST", path: "/pay-plans", summary: "Add a pay plan template (admins)", tag: "offers", auth: true,
			request: payPlanRequest{}, response: models.PayPlanTemplate{}, status: http.StatusCreated, handler: s.savePayPlan},
		{method: "PUT", path: "/pay-plans/:id", summary: "Replace a pay plan template, or archive it (admins)", tag: "offers", auth: true,
			request: payPlanRequest{}, response: models.PayPlanTemplate{}, status: http.StatusOK, handler: s.savePayPlan},
		{method: "POST", path: "/pay-plans/preview", summary: "What a pay plan pays each month for a few monthly sales figures, the ramp marked", tag: "offers", auth: true,
			request: payPreviewRequest{}, response: models.PayTable{}, status: http.StatusOK, handler: s.previewPay},
		{method: "GET", path: "/reports/pipeline", summary: "Recruiting report: per stage, pass-through, time in stage, first contact, sources", tag: "reports", auth: true,
			query:    []queryParam{{"opening_id", "one opening; all openings when absent"}},
			response: reportJSON{}, status: http.StatusOK, handler: s.getReport},
		{method: "GET", path: "/reports/pipeline.csv", summary: "The recruiting report as CSV", tag: "reports", auth: true,
			query:  []queryParam{{"opening_id", "one opening; all openings when absent"}},
			status: http.StatusOK, handler: s.getReportCSV},

		{method: "GET", path: "/public/interviews/:token", summary: "The interview a candidate's signed link opens", tag: "public", public: true,
			response: publicInterviewJSON{}, status: http.StatusOK, handler: s.getPublicInterview},
		{method: "POST", path: "/public/interviews/:token", summary: "Confirm the interview or ask for another time", tag: "public", public: true,
			request: interviewResponseRequest{}, response: publicInterviewJSON{}, status: http.StatusOK, handler: s.respondToInterview},
		{method: "GET", path: "/public/openings/:id", summary: "An opening as its public apply page shows it", tag: "public", public: true,
			response: publicOpeningJSON{}, status: http.StatusOK, handler: s.getPublicOpening},
		{method: "POST", path: "/public/openings/:id/applications", summary: "Apply to an opening (multipart: name, email, phone, location, locale, consent, cv)", tag: "public", public: true, form: true,
			request: applyForm{}, response: applyResponse{}, status: http.StatusCreated, handler: s.applyPublic},
		{method: "GET", path: "/public/questionnaires/:token", summary: "The questionnaire a signed link opens", tag: "public", public: true,
			response: publicQuestionnaireJSON{}, status: http.StatusOK, handler: s.getPublicQuestionnaire},
		{method: "POST", path: "/public/questionnaires/:token", summary: "Submit the questionnaire's answers (once)", tag: "public", public: true,
			request: submitQuestionnaireRequest{}, response: submitQuestionnaireResponse{}, status: http.StatusOK, handler: s.submitPublicQuestionnaire},

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

// Package workflows holds Bullpen's durable processes: deterministic Temporal workflow code only. Every name
// the API and the worker share (workflow types, task queue, updates, queries, activities, IDs) is here.
package workflows

import (
	"fmt"
	"go.temporal.io/sdk/workflow"
	"time"
)

// TaskQueue is the queue Bullpen's worker polls.
const TaskQueue = "bullpen"

// Workflow types.
const (
	StaffingPlanWorkflow    = "StaffingPlan"
	ApplicationWorkflow     = "Application"
	OpeningWorkflow         = "Opening"
	ImportWorkflow          = "CandidateImport"
	InvitesWorkflow         = "InterviewInvites"
	EmployeeWorkflow        = "Employee"
	PlanningMeetingWorkflow = "PlanningMeeting"
	DailyCareWorkflow       = "DailyCare"
	RetentionWorkflow       = "CandidateRetention"
)

// Updates, signals and queries. Every workflow answers the "state" query.
const (
	UpdateDecide              = "decide"
	UpdateResubmit            = "resubmit"
	UpdateMove                = "move"
	UpdateSubmitQuestionnaire = "submit_questionnaire"
	UpdateResendQuestionnaire = "resend_questionnaire"
	SignalApplicationsAdded   = "applications_added"
	SignalApplicationMoved    = "application_moved"
	SignalOpeningSettings     = "settings"
	SignalInterview           = "interview"
	SignalScorecard           = "scorecard"
	SignalFirstRoundComplete  = "first_round_complete"
	UpdateProposeOffer        = "propose_offer"
	UpdateReviseOffer         = "revise_offer"
	UpdateDecideOffer         = "decide_offer"
	UpdateWithdrawOffer       = "withdraw_offer"
	UpdateAnswerOffer         = "answer_offer"
	UpdateClaimSeat           = "claim_seat"
	SignalEmployeeLeft        = "left"
	QueryState                = "state"
)

// Activity names; each is a method of the activities.Activities struct of the same name.
const (
	ActivityPlanSubmitted      = "PlanSubmitted"
	ActivityRecordPlanDecision = "RecordPlanDecision"
	ActivityRemindApprovers    = "RemindPlanApprovers"
	ActivityEscalatePlan       = "EscalatePlan"
	ActivityRemindPlanAuthor   = "RemindPlanAuthor"
	ActivityOpenPlanOpenings   = "OpenPlanOpenings"

	ActivityRecordApplicationMove   = "RecordApplicationMove"
	ActivitySendQuestionnaire       = "SendQuestionnaire"
	ActivityRemindQuestionnaire     = "RemindQuestionnaire"
	ActivityExpireQuestionnaire     = "ExpireQuestionnaire"
	ActivityScoreQuestionnaire      = "ScoreQuestionnaire"
	ActivityQuestionnaireOutcome    = "QuestionnaireOutcome"
	ActivityOpeningSlateReady       = "OpeningSlateReady"
	ActivityCloseOpening            = "CloseOpening"
	ActivityCountImportRows         = "CountImportRows"
	ActivityImportBatch             = "ImportBatch"
	ActivityFinishImport            = "FinishImport"
	ActivitySendInterviewInvites    = "SendInterviewInvites"
	ActivityRecordInterviewResult   = "RecordInterviewResult"
	ActivityRemindScorecards        = "RemindScorecards"
	ActivityEscalateScorecards      = "EscalateScorecards"
	ActivityOpenShortlist           = "OpenShortlist"
	ActivityCreateOffer             = "CreateOffer"
	ActivityOfferProposed           = "OfferProposed"
	ActivityReviseOffer             = "ReviseOffer"
	ActivityRecordOfferDecision     = "RecordOfferDecision"
	ActivityOfferOutcome            = "OfferOutcome"
	ActivityRemindOfferApprovers    = "RemindOfferApprovers"
	ActivityClaimSeat               = "ClaimSeat"
	ActivityHire                    = "Hire"
	ActivityRecordRampSwitch        = "RecordRampSwitch"
	ActivityCloseMonth              = "CloseMonth"
	ActivityRemindOnboarding        = "RemindOnboarding"
	ActivityOpenMeeting             = "OpenMeeting"
	ActivityRemindReports           = "RemindReports"
	ActivityHoldMeeting             = "HoldMeeting"
	ActivityPlanGreetings           = "PlanGreetings"
	ActivitySendGreetingCards       = "SendGreetingCards"
	ActivityEscalateGreetingCalls   = "EscalateGreetingCalls"
	ActivitySendIdleDigest          = "SendIdleDigest"
	ActivityCheckCandidateRetention = "CheckCandidateRetention"
	ActivityAnonymiseCandidate      = "AnonymiseCandidate"
)

// ActivityNames lists every activity a workflow here calls, for the worker's start-up check.
var ActivityNames = []string{
	ActivityPlanSubmitted, ActivityRecordPlanDecision, ActivityRemindApprovers,
	ActivityEscalatePlan, ActivityRemindPlanAuthor, ActivityOpenPlanOpenings,
	ActivityRecordApplicationMove, ActivitySendQuestionnaire, ActivityRemindQuestionnaire, ActivityExpireQuestionnaire,
	ActivityScoreQuestionnaire, ActivityQuestionnaireOutcome, ActivityOpeningSlateReady, ActivityCloseOpening,
	ActivityCountImportRows, ActivityImportBatch, ActivityFinishImport, ActivitySendInterviewInvites,
	ActivityRecordInterviewResult, ActivityRemindScorecards, ActivityEscalateScorecards, ActivityOpenShortlist,
	ActivityCreateOffer, ActivityOfferProposed, ActivityReviseOffer, ActivityRecordOfferDecision, ActivityOfferOutcome,
	ActivityRemindOfferApprovers, ActivityClaimSeat, ActivityHire, ActivityRecordRampSwitch, ActivityCloseMonth,
	ActivityRemindOnboarding, ActivityOpenMeeting, ActivityRemindReports, ActivityHoldMeeting,
	ActivityPlanGreetings, ActivitySendGreetingCards, ActivityEscalateGreetingCalls, ActivitySendIdleDigest,
	ActivityCheckCandidateRetention, ActivityAnonymiseCandidate,
}

// StaffingPlanWorkflowID is the workflow ID of a staffing plan's approval.
func StaffingPlanWorkflowID(planID int64) string { return fmt.Sprintf("staffing-plan-%d", planID) }

// ApplicationWorkflowID is the workflow ID of an application.
func ApplicationWorkflowID(applicationID int64) string {
	return fmt.Sprintf("application-%d", applicationID)
}

// OpeningWorkflowID is the workflow ID of an opening.
func OpeningWorkflowID(openingID int64) string { return fmt.Sprintf("opening-%d", openingID) }

// InvitesWorkflowID is the workflow ID of one version of an interview's invites.
func InvitesWorkflowID(interviewID int64, sequence int) string {
	return fmt.Sprintf("interview-%d-invites-v%d", interviewID, sequence)
}

// EmployeeWorkflowID is the workflow ID of an employee.
func EmployeeWorkflowID(employeeID int64) string { return fmt.Sprintf("employee-%d", employeeID) }

// TeamScheduleID is the ID of the Temporal Schedule of a team's planning meetings.
func TeamScheduleID(teamID int64) string { return fmt.Sprintf("team-%d-meetings", teamID) }

// PlanningMeetingWorkflowID is the workflow ID the team's schedule starts its meetings with (the server adds
// the time of each).
func PlanningMeetingWorkflowID(teamID int64) string { return fmt.Sprintf("team-%d-meeting", teamID) }

// CareScheduleID is the ID of the Temporal Schedule that starts a DailyCare run every morning.
const CareScheduleID = "client-care-daily"

// DailyCareWorkflowID is the workflow ID the care schedule starts its runs with (the server adds the time).
const DailyCareWorkflowID = "client-care"

// ImportWorkflowID is the workflow ID of a candidate import.
func ImportWorkflowID(importID int64) string { return fmt.Sprintf("import-%d", importID) }

// Default human deadlines of a staffing plan's approval.
const (
	DefaultPlanReminderAfter = 48 * time.Hour
	DefaultPlanEscalateAfter = 5 * 24 * time.Hour
)

// Registry is what workflows register with: a worker, a replayer or a test environment.
type Registry interface {
	RegisterWorkflowWithOptions(w any, options workflow.RegisterOptions)
}

// Register registers every workflow under its name.
func Register(r Registry) {
	r.RegisterWorkflowWithOptions(StaffingPlan, workflow.RegisterOptions{Name: StaffingPlanWorkflow})
	r.RegisterWorkflowWithOptions(Application, workflow.RegisterOptions{Name: ApplicationWorkflow})
	r.RegisterWorkflowWithOptions(Opening, workflow.RegisterOptions{Name: OpeningWorkflow})
	r.RegisterWorkflowWithOptions(CandidateImport, workflow.RegisterOptions{Name: ImportWorkflow})
	r.RegisterWorkflowWithOptions(InterviewInvites, workflow.RegisterOptions{Name: InvitesWorkflow})
	r.RegisterWorkflowWithOptions(Employee, workflow.RegisterOptions{Name: EmployeeWorkflow})
	r.RegisterWorkflowWithOptions(PlanningMeeting, workflow.RegisterOptions{Name: PlanningMeetingWorkflow})
	r.RegisterWorkflowWithOptions(DailyCare, workflow.RegisterOptions{Name: DailyCareWorkflow})
	r.RegisterWorkflowWithOptions(CandidateRetention, workflow.RegisterOptions{Name: RetentionWorkflow})
}

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
	StaffingPlanWorkflow = "StaffingPlan"
)

// Updates and queries of the StaffingPlan workflow.
const (
	UpdateDecide   = "decide"
	UpdateResubmit = "resubmit"
	QueryState     = "state"
)

// Activity names; each is a method of the activities.Activities struct of the same name.
const (
	ActivityPlanSubmitted      = "PlanSubmitted"
	ActivityRecordPlanDecision = "RecordPlanDecision"
	ActivityRemindApprovers    = "RemindPlanApprovers"
	ActivityEscalatePlan       = "EscalatePlan"
	ActivityRemindPlanAuthor   = "RemindPlanAuthor"
	ActivityOpenPlanOpenings   = "OpenPlanOpenings"
)

// ActivityNames lists every activity a workflow here calls, for the worker's start-up check.
var ActivityNames = []string{
	ActivityPlanSubmitted, ActivityRecordPlanDecision, ActivityRemindApprovers,
	ActivityEscalatePlan, ActivityRemindPlanAuthor, ActivityOpenPlanOpenings,
}

// StaffingPlanWorkflowID is the workflow ID of a staffing plan's approval.
func StaffingPlanWorkflowID(planID int64) string { return fmt.Sprintf("staffing-plan-%d", planID) }

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
}

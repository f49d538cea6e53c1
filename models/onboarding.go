package models

import (
	"slices"
	"time"
)

// Who does an onboarding task.
const (
	AssigneeManager = "manager"
	AssigneeHire    = "hire"
	AssigneeAdmin   = "admin"
)

// OnboardingTask is one step of a hire's first weeks, due a number of days from their start (negative: before).
type OnboardingTask struct {
	Key      string `json:"key"`
	Title    string `json:"title"`
	Day      int    `json:"day"`
	Assignee string `json:"assignee"`
}

// OnboardingTemplates are the checklists per role (seed steps 3-7): the account ready before day one, product
// training, shadow calls in the first week, then the routines.
var OnboardingTemplates = map[Role][]OnboardingTask{
	RoleSalesRep: {
		{"account", "Create the Bullpen account and the phone line", -3, AssigneeAdmin},
		{"welcome", "Welcome meeting: the team, the plan, the pay ramp", 1, AssigneeManager},
		{"product", "Product training", 1, AssigneeHire},
		{"scenarios", "Study the negotiation scenarios and the client list", 2, AssigneeHire},
		{"shadow", "Shadow five calls and two client meetings", 5, AssigneeHire},
		{"first_calls", "First own calls, logged in Bullpen", 7, AssigneeHire},
		{"review", "End of the first month: review with the manager", 30, AssigneeManager},
	},
	RoleSalesManager: {
		{"account", "Create the Bullpen account", -3, AssigneeAdmin},
		{"welcome", "Welcome meeting with the department head", 1, AssigneeManager},
		{"team", "Meet each rep one to one", 3, AssigneeHire},
		{"meetings", "Set the team's planning-meeting cadence", 5, AssigneeHire},
		{"plans", "Set each rep's monthly plan", 7, AssigneeHire},
	},
}

// OnboardingFor returns a role's checklist (the rep's for another role), in due order.
func OnboardingFor(role Role) []OnboardingTask {
	t, ok := OnboardingTemplates[role]
	if !ok {
		t = OnboardingTemplates[RoleSalesRep]
	}
	out := slices.Clone(t)
	slices.SortStableFunc(out, func(a, b OnboardingTask) int { return a.Day - b.Day })
	return out
}

// DueAt is when a task is due for a hire starting on start: nine in the morning, UTC, of its day (day 1 is the
// start date).
func (t OnboardingTask) DueAt(start time.Time) time.Time {
	d := t.Day
	if d > 0 {
		d--
	}
	s := start.UTC()
	return time.Date(s.Year(), s.Month(), s.Day(), 9, 0, 0, 0, time.UTC).AddDate(0, 0, d)
}

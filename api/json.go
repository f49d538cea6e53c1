package api

import (
	"fmt"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// userJSON is a user as the API shows it.
type userJSON struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Roles     []string  `json:"roles"`
	Active    bool      `json:"active"`
	Locale    string    `json:"locale"`
	CreatedAt time.Time `json:"created_at"`
}

func toUserJSON(u *models.User) userJSON {
	roles := make([]string, len(u.Roles))
	for i, r := range u.Roles {
		roles[i] = string(r)
	}
	return userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Roles: roles, Active: u.Active, Locale: u.Locale, CreatedAt: u.CreatedAt}
}

// personJSON names who did something.
type personJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// eventJSON is an entry of a plan's timeline; Actor is null for the system.
type eventJSON struct {
	At      time.Time   `json:"at"`
	Kind    string      `json:"kind"`
	Actor   *personJSON `json:"actor"`
	Comment string      `json:"comment"`
}

// openingJSON is an opening as the API shows it, with how many applications stand in each stage.
type openingJSON struct {
	ID                int64                   `json:"id"`
	PlanID            *int64                  `json:"plan_id"`
	Title             string                  `json:"title"`
	Description       string                  `json:"description"`
	Role              string                  `json:"role"`
	Seats             int                     `json:"seats"`
	Status            string                  `json:"status"`
	RecruiterID       *int64                  `json:"recruiter_id"`
	InterviewerIDs    []int64                 `json:"interviewer_ids"`
	Questionnaire     *models.Questionnaire   `json:"questionnaire"`
	QuestionnaireDays int                     `json:"questionnaire_days"`
	ConfirmKnockOuts  bool                    `json:"confirm_knock_outs"`
	SlateSize         int                     `json:"slate_size"`
	RolePlay          models.RolePlaySettings `json:"role_play"`
	SlateDeadline     *time.Time              `json:"slate_deadline"`
	PayLimits         models.PayLimits        `json:"pay_limits"`
	OfferApproverIDs  []int64                 `json:"offer_approver_ids"`
	OfferApprovals    int                     `json:"offer_approvals"`
	// Slate is the slate rule's state; only one opening's GET fills it.
	Slate     *slateJSON     `json:"slate"`
	CreatedBy *int64         `json:"created_by"`
	Counts    map[string]int `json:"counts"`
	ApplyPath string         `json:"apply_path"`
	CreatedAt time.Time      `json:"created_at"`
}

func toOpeningJSON(o models.Opening) openingJSON {
	return openingJSON{ID: o.ID, PlanID: o.PlanID, Title: o.Title, Description: o.Description, Role: string(o.Role), Seats: o.Seats,
		Status: string(o.Status), RecruiterID: o.RecruiterID, InterviewerIDs: o.InterviewerIDs, Questionnaire: o.Questionnaire,
		QuestionnaireDays: o.QuestionnaireDays, ConfirmKnockOuts: o.ConfirmKnockOuts, SlateSize: o.SlateSize, RolePlay: o.RolePlay,
		SlateDeadline: o.SlateDeadline, PayLimits: o.PayLimits, OfferApproverIDs: o.OfferApproverIDs, OfferApprovals: o.OfferApprovals,
		CreatedBy: o.CreatedBy, Counts: map[string]int{}, ApplyPath: fmt.Sprintf("/apply/%d", o.ID), CreatedAt: o.CreatedAt}
}

// planJSON is a staffing plan as the API shows it; Timeline and Openings come with the single-plan GET.
type planJSON struct {
	ID        int64               `json:"id"`
	Title     string              `json:"title"`
	Currency  string              `json:"currency"`
	Notes     string              `json:"notes"`
	Status    string              `json:"status"`
	Inputs    models.SizingInput  `json:"inputs"`
	Result    models.SizingResult `json:"result"`
	Revision  int                 `json:"revision"`
	Author    personJSON          `json:"author"`
	CreatedAt time.Time           `json:"created_at"`
	UpdatedAt time.Time           `json:"updated_at"`
	Timeline  []eventJSON         `json:"timeline,omitempty"`
	Openings  []openingJSON       `json:"openings,omitempty"`
	// Staffing is seats filled against planned, with the time each seat took; the single-plan GET only.
	Staffing *staffingJSON `json:"staffing,omitempty"`
}

func toPlanJSON(p *models.StaffingPlan) planJSON {
	return planJSON{ID: p.ID, Title: p.Title, Currency: p.Currency, Notes: p.Notes, Status: string(p.Status),
		Inputs: p.Inputs, Result: p.Result, Revision: p.Revision, Author: personJSON{ID: p.AuthorID, Name: p.AuthorName},
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

// notificationJSON is a notification as the API shows it.
type notificationJSON struct {
	ID        int64          `json:"id"`
	Kind      string         `json:"kind"`
	Message   string         `json:"message"`
	Link      string         `json:"link"`
	Params    map[string]any `json:"params"`
	CreatedAt time.Time      `json:"created_at"`
	ReadAt    *time.Time     `json:"read_at"`
}

// list wraps a collection. A paged list (see page.go) also says how many items match in all and where the
// next page starts; NextOffset is absent on the last page.
type list[T any] struct {
	Items      []T    `json:"items"`
	Total      *int64 `json:"total,omitempty"`
	NextOffset *int   `json:"next_offset,omitempty"`
}

// listOf shows each item of a collection with show.
func listOf[M, J any](items []M, show func(M) J) list[J] {
	out := list[J]{Items: make([]J, len(items))}
	for i, m := range items {
		out.Items[i] = show(m)
	}
	return out
}

func toNotificationJSON(n models.Notification) notificationJSON {
	return notificationJSON{ID: n.ID, Kind: n.Kind, Message: n.Message, Link: n.Link, Params: n.Params, CreatedAt: n.CreatedAt, ReadAt: n.ReadAt}
}

// outboxJSON is an e-mail of the outbox as an admin sees it.
type outboxJSON struct {
	ID        int64      `json:"id"`
	To        string     `json:"to"`
	Subject   string     `json:"subject"`
	Text      string     `json:"text"`
	Status    string     `json:"status"`
	Invite    bool       `json:"invite"`
	Attempts  int        `json:"attempts"`
	LastError string     `json:"last_error"`
	CreatedAt time.Time  `json:"created_at"`
	SentAt    *time.Time `json:"sent_at"`
}

func toOutboxJSON(m store.OutboxMessage) outboxJSON {
	return outboxJSON{ID: m.ID, To: m.ToAddr, Subject: m.Subject, Text: m.TextBody, Status: m.Status, Invite: m.Calendar != "", Attempts: m.Attempts,
		LastError: m.LastError, CreatedAt: m.CreatedAt, SentAt: m.SentAt}
}

// auditJSON is an entry of the audit log; Actor is null for the system.
type auditJSON struct {
	ID         int64          `json:"id"`
	At         time.Time      `json:"at"`
	Actor      *personJSON    `json:"actor"`
	Action     string         `json:"action"`
	ObjectType string         `json:"object_type"`
	ObjectID   int64          `json:"object_id"`
	Summary    string         `json:"summary"`
	Before     map[string]any `json:"before"`
	After      map[string]any `json:"after"`
}

func toAuditJSON(e store.AuditEntry) auditJSON {
	out := auditJSON{ID: e.ID, At: e.At, Action: e.Action, ObjectType: e.ObjectType, ObjectID: e.ObjectID, Summary: e.Summary,
		Before: e.Before, After: e.After}
	if e.ActorID != nil {
		out.Actor = &personJSON{ID: *e.ActorID, Name: e.ActorName()}
	}
	return out
}

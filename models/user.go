package models

import (
	"slices"
	"strings"
	"time"
)

// Role is what a user does in the department; a user may hold several.
type Role string

// The roles of PRODUCT.md's "Users".
const (
	RoleAdmin          Role = "admin"
	RoleDepartmentHead Role = "department_head"
	RoleRecruiter      Role = "recruiter"
	RoleInterviewer    Role = "interviewer"
	RoleSalesManager   Role = "sales_manager"
	RoleSalesRep       Role = "sales_rep"
)

// AllRoles lists every role in a stable order.
var AllRoles = []Role{RoleAdmin, RoleDepartmentHead, RoleRecruiter, RoleInterviewer, RoleSalesManager, RoleSalesRep}

// Plural names the people who hold a role, for messages: "department heads".
func (r Role) Plural() string {
	switch r {
	case RoleAdmin:
		return "admins"
	case RoleDepartmentHead:
		return "department heads"
	case RoleRecruiter:
		return "recruiters"
	case RoleInterviewer:
		return "interviewers"
	case RoleSalesManager:
		return "sales managers"
	case RoleSalesRep:
		return "sales reps"
	}
	return string(r)
}

// ParseRole returns the role named s, or false when there is none.
func ParseRole(s string) (Role, bool) {
	r := Role(strings.TrimSpace(s))
	return r, slices.Contains(AllRoles, r)
}

// User is a person with an account. Candidates have none.
type User struct {
	ID     int64
	Email  string
	Name   string
	Roles  []Role
	Active bool
	// Locale is the language the user reads Bullpen's e-mail in: "en" or "sq".
	Locale    string
	CreatedAt time.Time
}

// Locales are the languages Bullpen speaks.
var Locales = []string{"en", "sq"}

// HasRole reports whether the user holds role r.
func (u *User) HasRole(r Role) bool { return u != nil && slices.Contains(u.Roles, r) }

// HasAnyRole reports whether the user holds at least one of roles.
func (u *User) HasAnyRole(roles ...Role) bool {
	for _, r := range roles {
		if u.HasRole(r) {
			return true
		}
	}
	return false
}

// NormalizeEmail lower-cases and trims an e-mail address so that lookups are case-insensitive.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// MinPasswordLength is the shortest password Bullpen accepts.
const MinPasswordLength = 10

// NoPassword begins the stored password of a user who has not chosen one yet (a hire before their
// invitation is used): it is not a bcrypt hash, so no password matches it.
const NoPassword = "!no-password:"

// SortRoles returns roles deduplicated in AllRoles order.
func SortRoles(roles []Role) []Role {
	out := make([]Role, 0, len(roles))
	for _, r := range AllRoles {
		if slices.Contains(roles, r) {
			out = append(out, r)
		}
	}
	return out
}

package models

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Account is a client company. Its owner is the rep who logged the first call with it (seed step 5): one
// owner for the whole relationship, changed only by a handover.
type Account struct {
	ID         int64
	Name       string
	City       string
	Industry   string
	OwnerID    *int64
	OwnerSince *time.Time
	CreatedBy  int64
	CreatedAt  time.Time
	// Client care: the country whose holidays the client is greeted on, the company's founding day (its
	// anniversary) and whether it asked for no greetings.
	Country         string
	FoundedOn       *time.Time
	GreetingsOptOut bool
}

// AccountDraft is what a rep enters for a new account.
type AccountDraft struct {
	Name     string
	City     string
	Industry string
}

// Validate checks a new account's fields.
func (d AccountDraft) Validate() error {
	var fields []FieldError
	if n := utf8.RuneCountInString(strings.TrimSpace(d.Name)); n < 2 || n > 200 {
		fields = append(fields, FieldError{Field: "name", Message: "is required, 2 to 200 characters"})
	}
	if utf8.RuneCountInString(d.City) > 100 {
		fields = append(fields, FieldError{Field: "city", Message: "must be at most 100 characters"})
	}
	if utf8.RuneCountInString(d.Industry) > 100 {
		fields = append(fields, FieldError{Field: "industry", Message: "must be at most 100 characters"})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

// AccountKey is the form of a company name two accounts may not share: lower case, letters and digits only,
// without the legal form ("Shpk", "LLC"), so "Alba Trade Sh.p.k." and "ALBA TRADE" are one client.
func AccountKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' {
			b.WriteRune(r)
		}
	}
	words := strings.Fields(b.String())
	for len(words) > 1 && slices.Contains(legalForms, words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// legalForms are company-name suffixes that do not tell companies apart.
var legalForms = []string{"shpk", "shpk.", "sha", "llc", "ltd", "gmbh", "inc", "doo", "sa", "srl"}

// ActivityKind is what a rep did with a client.
type ActivityKind string

// The activities a rep logs: cold calls, direct meetings, and deals won or lost.
const (
	ActivityCall     ActivityKind = "call"
	ActivityMeeting  ActivityKind = "meeting"
	ActivityDealWon  ActivityKind = "deal_won"
	ActivityDealLost ActivityKind = "deal_lost"
)

// ActivityKinds lists them.
var ActivityKinds = []ActivityKind{ActivityCall, ActivityMeeting, ActivityDealWon, ActivityDealLost}

// SalesActivity is one logged piece of sales work on an account, by its owner.
type SalesActivity struct {
	ID        int64
	AccountID int64
	RepID     int64
	Kind      ActivityKind
	At        time.Time
	Amount    float64
	Currency  string
	Notes     string
	CreatedAt time.Time
}

// Validate checks an activity at now: a known kind, a time not in the future (a little clock skew allowed)
// nor more than 60 days back, and an amount and currency for a deal won.
func (a SalesActivity) Validate(now time.Time) error {
	var fields []FieldError
	if !slices.Contains(ActivityKinds, a.Kind) {
		fields = append(fields, FieldError{Field: "kind", Message: "must be call, meeting, deal_won or deal_lost"})
	}
	switch {
	case a.At.IsZero():
		fields = append(fields, FieldError{Field: "at", Message: "is required"})
	case a.At.After(now.Add(5 * time.Minute)):
		fields = append(fields, FieldError{Field: "at", Message: "cannot be in the future"})
	case a.At.Before(now.AddDate(0, 0, -60)):
		fields = append(fields, FieldError{Field: "at", Message: "must be within the last 60 days"})
	}
	if a.Kind == ActivityDealWon {
		if math.IsNaN(a.Amount) || a.Amount <= 0 || a.Amount > 1e10 {
			fields = append(fields, FieldError{Field: "amount", Message: "a deal won needs its amount, above 0"})
		}
		if !slices.Contains(Currencies, a.Currency) {
			fields = append(fields, FieldError{Field: "currency", Message: "must be ALL or EUR"})
		}
	} else if a.Amount != 0 {
		fields = append(fields, FieldError{Field: "amount", Message: fmt.Sprintf("only a deal won has an amount, not a %s", strings.ReplaceAll(string(a.Kind), "_", " "))})
	}
	if utf8.RuneCountInString(a.Notes) > 2000 {
		fields = append(fields, FieldError{Field: "notes", Message: "must be at most 2000 characters"})
	}
	if len(fields) > 0 {
		return Invalid(fields...)
	}
	return nil
}

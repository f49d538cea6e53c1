package activities

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// interviewText holds the words of interview invitations per language. {title} is the opening, {when} the
// time, {where} the place or link, {kind} the round.
var interviewText = map[string]map[string]string{
	"en": {
		"hello": "Dear %s,", "first": "first interview", "second": "second interview", "group": "group interview",
		"sub": "Interview for {title}: {when}", "sub.update": "Updated: interview for {title}, {when}", "sub.cancel": "Cancelled: interview for {title}",
		"invite":         "You are invited to the {kind} for {title} on {when} ({minutes} minutes).",
		"update":         "The {kind} for {title} has changed: it is now on {when} ({minutes} minutes).",
		"cancel":         "The {kind} for {title} planned for {when} is cancelled. We will be in touch.",
		"where":          "Where: {where}",
		"calendar":       "The invitation is attached for your calendar.",
		"kit":            "Your interview kit (the scenario, the candidate's answers and the scorecard):",
		"footer":         "Bullpen sends this for the hiring team of {title}.",
		"button":         "Open the interview kit",
		"respond":        "Please confirm that you will come, or ask for another time:",
		"respond.button": "Confirm or ask for another time",
	},
	"sq": {
		"hello": "I/E nderuar %s,", "first": "intervistën e parë", "second": "intervistën e dytë", "group": "intervistën në grup",
		"sub": "Intervistë për {title}: {when}", "sub.update": "Ndryshim: intervista për {title}, {when}", "sub.cancel": "Anuluar: intervista për {title}",
		"invite":         "Ju ftojmë në {kind} për {title} më {when} ({minutes} minuta).",
		"update":         "{kind} për {title} ka ndryshuar: tani është më {when} ({minutes} minuta).",
		"cancel":         "{kind} për {title}, e planifikuar më {when}, anulohet. Do të lidhemi me ju.",
		"where":          "Vendi: {where}",
		"calendar":       "Ftesa për kalendarin tuaj është bashkëngjitur.",
		"kit":            "Pakoja juaj e intervistës (skenari, përgjigjet e kandidatit dhe fleta e vlerësimit):",
		"footer":         "Bullpen e dërgon këtë për ekipin e punësimit të {title}.",
		"button":         "Hapni pakon e intervistës",
		"respond":        "Ju lutemi konfirmoni që do të vini, ose kërkoni një orë tjetër:",
		"respond.button": "Konfirmoni ose kërkoni një orë tjetër",
	},
}

type invitee struct {
	name, email, locale string
	interviewer         bool
	applicationID       int64
}

// SendInterviewInvites e-mails everyone in an interview (candidates and interviewers) this version of its
// calendar invite, in their language: an invitation, an update after a reschedule, or a cancellation. Each
// person gets each version once.
func (a *Activities) SendInterviewInvites(ctx context.Context, v workflows.InterviewVersion) error {
	iv, err := a.DB.InterviewByID(ctx, v.InterviewID)
	if err != nil {
		return refusal(err)
	}
	if iv.Sequence != v.Sequence {
		return nil // a later version's invites supersede this one
	}
	o, err := a.DB.Opening(ctx, iv.OpeningID)
	if err != nil {
		return refusal(err)
	}
	organizer, err := a.DB.UserByID(ctx, iv.OrganizerID)
	if err != nil {
		return refusal(err)
	}
	var people []invitee
	for _, appID := range iv.ApplicationIDs {
		app, err := a.DB.Application(ctx, appID)
		if err != nil {
			return refusal(err)
		}
		people = append(people, invitee{app.Candidate.Name, app.Candidate.Email, app.Candidate.Locale, false, app.ID})
	}
	for _, uid := range iv.InterviewerIDs {
		u, err := a.DB.UserByID(ctx, uid)
		if err != nil {
			return refusal(err)
		}
		people = append(people, invitee{u.Name, u.Email, u.Locale, true, 0})
	}
	inv := models.Invite{UID: iv.InviteUID(), Sequence: iv.Sequence, Cancelled: iv.Status == models.InterviewCancelled,
		Start: iv.StartsAt, Duration: time.Duration(iv.DurationMinutes) * time.Minute, Location: iv.Location, URL: iv.VideoURL,
		Organizer: models.Attendee{Name: organizer.Name, Email: organizer.Email}, Stamp: time.Now()}
	for _, p := range people {
		inv.Attendees = append(inv.Attendees, models.Attendee{Name: p.name, Email: p.email})
	}
	for _, p := range people {
		w, ok := interviewText[p.locale]
		if !ok {
			w = interviewText["en"]
		}
		where := iv.Location
		if iv.VideoURL != "" {
			where = strings.TrimSpace(where + " " + iv.VideoURL)
		}
		fill := strings.NewReplacer("{title}", o.Title, "{when}", formatDeadline(iv.StartsAt), "{where}", where, "{kind}", w[string(iv.Kind)],
			"{minutes}", fmt.Sprint(iv.DurationMinutes))
		kind, sub := "invite", "sub"
		switch {
		case inv.Cancelled:
			kind, sub = "cancel", "sub.cancel"
		case iv.Sequence > 0:
			kind, sub = "update", "sub.update"
		}
		paras := []string{capitalise(fill.Replace(w[kind]))}
		if !inv.Cancelled {
			paras = append(paras, fill.Replace(w["where"]), w["calendar"])
		}
		m := mailContent{Lang: p.locale, Greeting: fmt.Sprintf(w["hello"], p.name), Paragraphs: paras, Footer: fill.Replace(w["footer"])}
		switch {
		case inv.Cancelled:
		case p.interviewer:
			m.Link, m.Button, m.LinkLabel = strings.TrimRight(a.BaseURL, "/")+fmt.Sprintf("/interviews/%d", iv.ID), w["button"], w["kit"]
		case iv.StartsAt.After(time.Now()):
			// The candidate's link confirms or asks for another time, until the interview starts.
			token, err := models.SignLink(a.LinkSecret, models.LinkInterviewTimes, p.applicationID, iv.StartsAt)
			if err != nil {
				return err
			}
			m.Link, m.Button, m.LinkLabel = InterviewLink(a.BaseURL, token), w["respond.button"], w["respond"]
		}
		text, html, err := m.render()
		if err != nil {
			return err
		}
		summary := fmt.Sprintf("%s: %s", capitalise(w[string(iv.Kind)]), o.Title)
		personal := inv
		personal.Summary = summary
		key := fmt.Sprintf("interview-%d-v%d-%s", iv.ID, iv.Sequence, p.email)
		if err := a.email(ctx, store.OutboxMessage{DedupeKey: key, ToAddr: p.email, Subject: fill.Replace(w[sub]), TextBody: text,
			HTMLBody: html, Calendar: personal.ICS()}); err != nil {
			return err
		}
	}
	return nil
}

func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// InterviewLink is the public address of a candidate's interview response page.
func InterviewLink(baseURL, token string) string {
	return strings.TrimRight(baseURL, "/") + "/i/" + token
}

package activities

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Notification kinds of the scorecard wait and the slate.
const (
	noticeScorecardsComplete = "scorecards_complete"
	noticeScorecardReminder  = "scorecard_reminder"
	noticeScorecardsOverdue  = "scorecards_overdue"
	noticeShortlistOpen      = "shortlist_open"
	noticeInterviewResponse  = "interview_response"
)

// scorecardStatus reads one candidate's scorecards in one interview: who of the panel (not excused) has
// scored and who has not.
func (a *Activities) scorecardStatus(ctx context.Context, check workflows.ScorecardCheck) (*models.Interview, []store.ScorecardRecord, []int64, error) {
	iv, err := a.DB.InterviewByID(ctx, check.InterviewID)
	if err != nil {
		return nil, nil, nil, err // ENOTFOUND is the caller's to handle
	}
	recs, err := a.DB.Scorecards(ctx, iv.ID, check.ApplicationID)
	if err != nil {
		return nil, nil, nil, err
	}
	var scoredBy []int64
	for _, r := range recs {
		scoredBy = append(scoredBy, r.InterviewerID)
	}
	return iv, recs, iv.Missing(scoredBy), nil
}

// RecordInterviewResult combines a candidate's scorecards in an interview (models.Aggregate) and stores the
// result, saying whether it is complete: every interviewer not excused has scored. The first time it is,
// the candidate's timeline and the hiring team hear of it.
func (a *Activities) RecordInterviewResult(ctx context.Context, check workflows.ScorecardCheck) (workflows.ScorecardStatus, error) {
	iv, recs, missing, err := a.scorecardStatus(ctx, check)
	if err != nil {
		if models.ErrorCode(err) == models.ENOTFOUND {
			return workflows.ScorecardStatus{Gone: true}, nil
		}
		return workflows.ScorecardStatus{}, refusal(err)
	}
	if iv.Status == models.InterviewCancelled || !slices.Contains(iv.ApplicationIDs, check.ApplicationID) {
		return workflows.ScorecardStatus{Gone: true}, nil
	}
	rubric, err := a.DB.InterviewRubric(ctx, iv, "en")
	if err != nil {
		return workflows.ScorecardStatus{}, refusal(err)
	}
	var owed []models.Scorecard
	for _, r := range recs {
		if iv.Owes(r.InterviewerID) {
			owed = append(owed, r.Card())
		}
	}
	complete := len(missing) == 0 && len(owed) > 0
	result := models.Aggregate(rubric, owed)
	if err := a.DB.SetInterviewResult(ctx, iv.ID, check.ApplicationID, result, complete); err != nil {
		return workflows.ScorecardStatus{}, err
	}
	out := workflows.ScorecardStatus{Complete: complete, Missing: missing, Kind: iv.Kind, Sequence: iv.Sequence, EndsAt: iv.Ends()}
	if !complete {
		return out, nil
	}
	app, o, err := a.load(ctx, check.ApplicationID)
	if err != nil {
		return out, err
	}
	key := fmt.Sprintf("interview-%d-result-%d", iv.ID, app.ID)
	data := map[string]any{"interview_id": iv.ID, "kind": string(iv.Kind), "overall": result.Overall, "max_spread": result.MaxSpread,
		"scorecards": result.Scorecards}
	if err := a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: "interview_result", Data: data}, key); err != nil {
		return out, err
	}
	params := appParams(app, o)
	params["overall"], params["interview_id"] = result.Overall, iv.ID
	team, err := a.hiringTeam(ctx, o)
	if err != nil {
		return out, err
	}
	return out, a.DB.Notify(ctx, dedupe(append([]int64{iv.OrganizerID}, team...)), store.Notice{Kind: noticeScorecardsComplete, Link: applicationLink(app.ID), Params: params,
		Message: fmt.Sprintf("Every scorecard for %s's %s interview is in (overall %.2f).", app.Candidate.Name, iv.Kind, result.Overall)}, key)
}

// scorecardText holds the scorecard reminder and escalation e-mails per language.
var scorecardText = map[string]map[string]string{
	"en": {
		"hello": "Dear %s,", "button": "Open the scorecard", "open": "Open it here:",
		"remind.sub":   "Reminder: your scorecard for {candidate}",
		"remind":       "Your scorecard for {candidate} ({title}, interview of {when}) is still missing. The hiring team compares candidates only once every interviewer's scorecard is in.",
		"escalate.sub": "Scorecards overdue: {candidate}",
		"escalate":     "The scorecards for {candidate} ({title}, interview of {when}) are overdue. Still missing: {missing}. You can remind them or excuse an interviewer on the candidate's page.",
		"footer":       "Bullpen sends this for the hiring team of {title}.",
	},
	"sq": {
		"hello": "I/E nderuar %s,", "button": "Hapni fletën e vlerësimit", "open": "Hapeni këtu:",
		"remind.sub":   "Kujtesë: fleta juaj e vlerësimit për {candidate}",
		"remind":       "Fleta juaj e vlerësimit për {candidate} ({title}, intervista e {when}) ende mungon. Ekipi i punësimit i krahason kandidatët vetëm kur të gjitha fletët e vlerësimit janë dorëzuar.",
		"escalate.sub": "Fleta vlerësimi me vonesë: {candidate}",
		"escalate":     "Fletët e vlerësimit për {candidate} ({title}, intervista e {when}) janë me vonesë. Mungojnë ende: {missing}. Mund t'u kujtoni ose ta përjashtoni një intervistues nga faqja e kandidatit.",
		"footer":       "Bullpen e dërgon këtë për ekipin e punësimit të {title}.",
	},
}

// RemindScorecards reminds each interviewer who has not scored the candidate yet, by notification and
// e-mail, once per interview version.
func (a *Activities) RemindScorecards(ctx context.Context, check workflows.ScorecardCheck) error {
	return a.nudgeScorecards(ctx, check, false)
}

// EscalateScorecards tells the interview's organiser and the opening's recruiter which scorecards are
// overdue, once per interview version.
func (a *Activities) EscalateScorecards(ctx context.Context, check workflows.ScorecardCheck) error {
	return a.nudgeScorecards(ctx, check, true)
}

func (a *Activities) nudgeScorecards(ctx context.Context, check workflows.ScorecardCheck, escalate bool) error {
	iv, _, missing, err := a.scorecardStatus(ctx, check)
	if err != nil {
		return refusal(err)
	}
	if len(missing) == 0 || iv.Status == models.InterviewCancelled {
		return nil
	}
	app, o, err := a.load(ctx, check.ApplicationID)
	if err != nil {
		return err
	}
	var names []string
	for _, id := range missing {
		if u, err := a.DB.UserByID(ctx, id); err == nil {
			names = append(names, u.Name)
		}
	}
	params := appParams(app, o)
	params["interview_id"], params["missing"] = iv.ID, strings.Join(names, ", ")
	kind, text, link := noticeScorecardReminder, "remind", fmt.Sprintf("/interviews/%d", iv.ID)
	recipients := missing
	if escalate {
		kind, text, link = noticeScorecardsOverdue, "escalate", applicationLink(app.ID)
		team, err := a.hiringTeam(ctx, o)
		if err != nil {
			return err
		}
		recipients = dedupe(append([]int64{iv.OrganizerID}, team...))
	}
	key := fmt.Sprintf("interview-%d-v%d-%s-%d", iv.ID, iv.Sequence, text, app.ID)
	if err := a.DB.Notify(ctx, recipients, store.Notice{Kind: kind, Link: link, Params: params,
		Message: fmt.Sprintf("Scorecards for %s are missing: %s.", app.Candidate.Name, strings.Join(names, ", "))}, key); err != nil {
		return err
	}
	for _, id := range recipients {
		u, err := a.DB.UserByID(ctx, id)
		if err != nil || !u.Active {
			continue
		}
		w, ok := scorecardText[u.Locale]
		if !ok {
			w = scorecardText["en"]
		}
		fill := strings.NewReplacer("{candidate}", app.Candidate.Name, "{title}", o.Title, "{when}", formatDeadline(iv.StartsAt),
			"{missing}", strings.Join(names, ", "))
		body, html, err := mailContent{Lang: u.Locale, Greeting: fmt.Sprintf(w["hello"], u.Name), Paragraphs: []string{fill.Replace(w[text])},
			Link: strings.TrimRight(a.BaseURL, "/") + link, Button: w["button"], LinkLabel: w["open"], Footer: fill.Replace(w["footer"])}.render()
		if err != nil {
			return err
		}
		if err := a.email(ctx, store.OutboxMessage{DedupeKey: fmt.Sprintf("%s-%d", key, u.ID), ToAddr: u.Email,
			Subject: fill.Replace(w[text+".sub"]), TextBody: body, HTMLBody: html}); err != nil {
			return err
		}
	}
	if escalate {
		return a.DB.AddApplicationEvent(ctx, models.ApplicationEvent{ApplicationID: app.ID, Kind: "scorecards_overdue",
			Data: map[string]any{"interview_id": iv.ID, "missing": names}}, key)
	}
	return nil
}

// OpenShortlist records that an opening's shortlist decision is open and tells the hiring team and the
// department heads, once.
func (a *Activities) OpenShortlist(ctx context.Context, open workflows.ShortlistOpening) error {
	o, err := a.DB.Opening(ctx, open.OpeningID)
	if err != nil {
		return refusal(err)
	}
	if err := a.DB.OpenShortlist(ctx, o.ID, open.Note); err != nil {
		return err
	}
	team, err := a.hiringTeam(ctx, o)
	if err != nil {
		return err
	}
	heads, err := a.DB.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
	if err != nil {
		return err
	}
	key := fmt.Sprintf("opening-%d-shortlist-open-%d-of-%d", o.ID, open.Complete, open.Needed)
	summary := fmt.Sprintf("The shortlist decision of %q is open: %d of %d candidates have complete first-interview results.", o.Title, open.Complete, open.Needed)
	if open.Note != "" {
		summary = open.Note
	}
	if err := a.DB.Audit(ctx, store.AuditEntry{Action: "opening.shortlist_opened", ObjectType: "opening", ObjectID: o.ID, Summary: summary,
		After: map[string]any{"complete": open.Complete, "needed": open.Needed, "note": open.Note}, DedupeKey: &key}); err != nil {
		return err
	}
	return a.DB.Notify(ctx, dedupe(append(team, userIDs(heads)...)), store.Notice{Kind: noticeShortlistOpen, Link: openingLink(o.ID) + "?tab=compare",
		Params:  map[string]any{"opening_id": o.ID, "opening_title": o.Title, "complete": open.Complete, "needed": open.Needed, "by_deadline": open.Note != ""},
		Message: summary}, key)
}

package activities

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

// Notification kinds of client care.
const (
	noticeGreetingPlanned   = "greeting_planned"
	noticeGreetingEscalated = "greeting_escalated"
	noticeIdleDigest        = "idle_digest"
)

func greetingLink(id int64) string { return fmt.Sprintf("/greetings/%d", id) }

// pickDesign chooses a greeting's card design, the same on every retry, varied across clients and occasions.
func pickDesign(accountID int64, key string) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d/%s", accountID, key)
	return CardDesigns[int(h.Sum32())%len(CardDesigns)]
}

// clientDates are a client's own dates: the company's founding and the first won deal.
func clientDates(a store.CareAccount) []models.ClientDate {
	var out []models.ClientDate
	if a.FoundedOn != nil {
		out = append(out, models.ClientDate{Kind: "anniversary", Date: *a.FoundedOn})
	}
	if a.FirstDeal != nil {
		out = append(out, models.ClientDate{Kind: "first_deal", Date: *a.FirstDeal})
	}
	return out
}

// personalOccasions are a client's contacts' birthdays and name days on day, each greeting that contact alone.
func personalOccasions(day time.Time, a store.CareAccount) (occasions []models.Occasion, to [][]store.ContactRecord) {
	for _, c := range a.Contacts {
		if c.UnsubscribedAt != nil {
			continue
		}
		for _, d := range []models.ClientDate{{Kind: "birthday", Label: c.Name}, {Kind: "name_day", Label: c.Name}} {
			if d.Kind == "birthday" && c.Birthday != nil {
				d.Date = *c.Birthday
			} else if d.Kind == "name_day" && c.NameDay != nil {
				d.Date = *c.NameDay
			} else {
				continue
			}
			if o, ok := d.Recur(day.Year()); ok && o.Date.Equal(day) {
				o.Key = fmt.Sprintf("%s.%d", o.Key, c.ID)
				occasions, to = append(occasions, o), append(to, []store.ContactRecord{c})
			}
		}
	}
	return occasions, to
}

// PlanGreetings finds the occasions on day (the care run's day plus the lead) and, for each owned client that
// has not opted out, plans a greeting: a call for the owner on the day and an e-card to each contact, the owner
// told so they can preview the card and add a personal line. Planning twice adds nothing.
func (a *Activities) PlanGreetings(ctx context.Context, day time.Time) (int, error) {
	accounts, err := a.DB.CareAccounts(ctx)
	if err != nil {
		return 0, err
	}
	occasions, err := a.DB.CompanyOccasions(ctx)
	if err != nil {
		return 0, err
	}
	var company []models.Occasion
	for _, o := range occasions {
		if oc, ok := o.On(day.Year()); ok {
			company = append(company, oc)
		}
	}
	planned := 0
	for _, acc := range accounts {
		occasions := models.OccasionsOn(day, acc.Country, company, clientDates(acc))
		recipients := make([][]store.ContactRecord, len(occasions))
		for i := range occasions {
			recipients[i] = acc.Contacts
		}
		personal, to := personalOccasions(day, acc)
		occasions, recipients = append(occasions, personal...), append(recipients, to...)
		for i, o := range occasions {
			g := &store.Greeting{AccountID: acc.ID, OccasionKey: o.Key, OccasionName: o.Name, OccasionNameSq: o.NameSq, Theme: o.Theme,
				Day: o.Date, OwnerID: *acc.OwnerID, Design: pickDesign(acc.ID, o.Key)}
			created, err := a.DB.PlanGreeting(ctx, g, recipients[i])
			if err != nil {
				return planned, err
			}
			if !created {
				continue
			}
			planned++
			if err := a.DB.Notify(ctx, []int64{g.OwnerID}, store.Notice{Kind: noticeGreetingPlanned, Link: greetingLink(g.ID),
				Params:  map[string]any{"account": acc.Name, "occasion": o.Name, "occasion_sq": o.NameSq, "day": o.Date.Format(time.DateOnly)},
				Message: fmt.Sprintf("%s on %s: call %s that day; its e-card goes out in the morning. Add a personal line before then.", o.Name, o.Date.Format("Mon 2 Jan"), acc.Name)},
				fmt.Sprintf("greeting-%d-planned", g.ID)); err != nil {
				return planned, err
			}
		}
	}
	return planned, nil
}

// SendGreetingCards sends the e-cards of the greetings due by day, each once: a card is an outbox message keyed
// by its greeting and contact, so a worker that restarts between sending and recording finds it sent and does
// not send it again. A contact who unsubscribed meanwhile is skipped.
func (a *Activities) SendGreetingCards(ctx context.Context, day time.Time) (int, error) {
	due, err := a.DB.GreetingsToSend(ctx, day)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, g := range due {
		cards, err := a.DB.GreetingCards(ctx, g.ID)
		if err != nil {
			return sent, err
		}
		owner, err := a.DB.UserByID(ctx, g.OwnerID)
		if err != nil {
			return sent, err
		}
		contacts, err := a.DB.Contacts(ctx, g.AccountID) // read now: one may have unsubscribed since the greeting was planned
		if err != nil {
			return sent, err
		}
		for _, card := range cards {
			if card.Status != "pending" {
				continue
			}
			i := slices.IndexFunc(contacts, func(c store.ContactRecord) bool { return c.ID == card.ContactID })
			if i < 0 {
				return sent, fmt.Errorf("greeting %d: contact %d is not its client's", g.ID, card.ContactID)
			}
			contact := &contacts[i]
			if contact.UnsubscribedAt != nil {
				if err := a.DB.MarkCard(ctx, card.ID, "skipped", nil); err != nil {
					return sent, err
				}
				continue
			}
			msg, err := a.greetingCardMessage(g, card, contact, owner)
			if err != nil {
				return sent, err
			}
			stored, err := a.send(ctx, msg)
			if err != nil {
				return sent, err
			}
			if err := a.DB.MarkCard(ctx, card.ID, "sent", &stored.ID); err != nil {
				return sent, err
			}
			sent++
		}
		if err := a.DB.MarkCardsSent(ctx, g.ID); err != nil {
			return sent, err
		}
	}
	return sent, nil
}

// greetingCardMessage writes one contact's e-card as an outbox message.
func (a *Activities) greetingCardMessage(g store.Greeting, card store.GreetingCard, contact *store.ContactRecord, owner *models.User) (store.OutboxMessage, error) {
	token, err := models.SignLink(a.LinkSecret, models.LinkUnsubscribe, contact.ID, time.Now().AddDate(2, 0, 0))
	if err != nil {
		return store.OutboxMessage{}, err
	}
	unsub := a.BaseURL + "/u/" + token
	name := g.OccasionName
	if card.Locale == "sq" {
		name = g.OccasionNameSq
	}
	subject, text, html, err := Card{Locale: card.Locale, Theme: g.Theme, Design: g.Design, OccasionName: name, ContactName: contact.Name,
		PersonalLine: g.PersonalLine, SenderName: owner.Name, Company: a.companyName(), UnsubscribeURL: unsub}.Render()
	if err != nil {
		return store.OutboxMessage{}, err
	}
	return store.OutboxMessage{DedupeKey: fmt.Sprintf("greeting-%d-card-%d", g.ID, card.ID), ToAddr: card.Email, Subject: subject,
		TextBody: text, HTMLBody: html, ListUnsubscribe: a.BaseURL + "/api/v1/public/unsubscribe/" + token}, nil
}

func (a *Activities) companyName() string {
	if a.Company != "" {
		return a.Company
	}
	return "Bullpen"
}

// EscalateGreetingCalls tells each owner's managers about greeting calls not made by the end of their day.
func (a *Activities) EscalateGreetingCalls(ctx context.Context, day time.Time) (int, error) {
	overdue, err := a.DB.OverdueGreetingCalls(ctx, day)
	if err != nil {
		return 0, err
	}
	for _, g := range overdue {
		managers, err := a.DB.ManagersOf(ctx, g.OwnerID)
		if err != nil {
			return 0, err
		}
		acc, err := a.DB.AccountByID(ctx, g.AccountID)
		if err != nil {
			return 0, err
		}
		if err := a.DB.Notify(ctx, managers, store.Notice{Kind: noticeGreetingEscalated, Link: greetingLink(g.ID),
			Params: map[string]any{"account": acc.Name, "occasion": g.OccasionName, "occasion_sq": g.OccasionNameSq, "rep": a.userName(ctx, g.OwnerID),
				"day": g.Day.Format(time.DateOnly)},
			Message: fmt.Sprintf("%s has not made the %s greeting call to %s (due %s).", a.userName(ctx, g.OwnerID), g.OccasionName, acc.Name,
				g.Day.Format("Mon 2 Jan"))}, fmt.Sprintf("greeting-%d-escalated", g.ID)); err != nil {
			return 0, err
		}
		if err := a.DB.MarkEscalated(ctx, []int64{g.ID}); err != nil {
			return 0, err
		}
	}
	return len(overdue), nil
}

func (a *Activities) userName(ctx context.Context, id int64) string {
	if u, err := a.DB.UserByID(ctx, id); err == nil {
		return u.Name
	}
	return fmt.Sprintf("user %d", id)
}

// SendIdleDigest tells each team's manager which of their reps have logged no work for the idle threshold in
// working hours, once a day.
func (a *Activities) SendIdleDigest(ctx context.Context, run workflows.CareRun) (int, error) {
	idle, err := a.DB.IdleReps(ctx, run.At, run.IdleHours)
	if err != nil {
		return 0, err
	}
	byManager := map[int64][]store.IdleRep{}
	for _, r := range idle {
		managers, err := a.DB.ManagersOf(ctx, r.UserID)
		if err != nil {
			return 0, err
		}
		for _, m := range managers {
			byManager[m] = append(byManager[m], r)
		}
	}
	for m, reps := range byManager {
		names := ""
		for i, r := range reps {
			if i > 0 {
				names += ", "
			}
			names += fmt.Sprintf("%s (%.0f h)", r.Name, r.Hours)
		}
		key := fmt.Sprintf("idle-%d-%s", m, run.At.Format(time.DateOnly))
		if err := a.DB.Notify(ctx, []int64{m}, store.Notice{Kind: noticeIdleDigest, Link: "/dashboard",
			Params:  map[string]any{"count": len(reps), "reps": names},
			Message: fmt.Sprintf("No logged work for %.0f working hours or more: %s.", run.IdleHours, names)}, key); err != nil {
			return 0, err
		}
		if err := a.emailIdleDigest(ctx, key, m, run.IdleHours, len(reps), names); err != nil {
			return 0, err
		}
	}
	return len(idle), nil
}

// idleWords are the idle digest e-mail's words per language.
var idleWords = map[string]map[string]string{
	"en": {"hello": "Hello %s,", "sub": "Idle reps today: %d", "body": "These reps have logged no work for %.0f working hours or more: %s.",
		"button": "Open the dashboard", "open": "Open the dashboard:", "footer": "Bullpen sends this digest each morning to the managers of reps without logged work."},
	"sq": {"hello": "Përshëndetje %s,", "sub": "Shitës pa aktivitet sot: %d", "body": "Këta shitës nuk kanë regjistruar punë për %.0f orë pune ose më shumë: %s.",
		"button": "Hape panelin", "open": "Hape panelin:", "footer": "Bullpen e dërgon këtë përmbledhje çdo mëngjes te menaxherët e shitësve pa punë të regjistruar."},
}

// emailIdleDigest e-mails a manager the morning's idle reps, in their language, once per day.
func (a *Activities) emailIdleDigest(ctx context.Context, key string, managerID int64, hours float64, count int, names string) error {
	u, err := a.DB.UserByID(ctx, managerID)
	if err != nil {
		return err
	}
	w, ok := idleWords[u.Locale]
	if !ok {
		w = idleWords["en"]
	}
	text, html, err := mailContent{Lang: u.Locale, Greeting: fmt.Sprintf(w["hello"], u.Name), Paragraphs: []string{fmt.Sprintf(w["body"], hours, names)},
		Link: strings.TrimRight(a.BaseURL, "/") + "/dashboard", Button: w["button"], LinkLabel: w["open"], Footer: w["footer"]}.render()
	if err != nil {
		return err
	}
	return a.email(ctx, store.OutboxMessage{DedupeKey: key, ToAddr: u.Email, Subject: fmt.Sprintf(w["sub"], count),
		TextBody: text, HTMLBody: html})
}

package activities

import (
	"context"
	"fmt"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// Candidate e-mails, one template per kind and language. %[1]s is the opening's title, %[2]s the deadline.
const (
	mailQuestionnaire = "questionnaire"
	mailReminder      = "questionnaire_reminder"
	mailRejection     = "rejection"
)

var candidateText = map[string]map[string]string{
	"en": {
		"hello":  "Dear %s,",
		"footer": "You receive this because you applied for a position through Bullpen. Reply to this e-mail if you have a question.",
		"open":   "Open the questionnaire:",
		"button": "Answer the questionnaire",

		mailQuestionnaire + ".sub": "Your application for %[1]s: a short questionnaire",
		mailQuestionnaire + ".1":   "Thank you for applying for %[1]s. The next step is a short questionnaire; it takes about ten minutes.",
		mailQuestionnaire + ".2":   "The link is yours alone and works once, until %[2]s.",

		mailReminder + ".sub": "Reminder: your questionnaire for %[1]s",
		mailReminder + ".1":   "A friendly reminder: the questionnaire for your application for %[1]s is still waiting for your answers.",
		mailReminder + ".2":   "The link works until %[2]s.",

		mailRejection + ".sub": "Your application for %[1]s",
		mailRejection + ".1":   "Thank you for your interest in %[1]s and for the time you gave to your application.",
		mailRejection + ".2":   "After careful consideration we will not take your application further this time. This is no judgement of you as a person, and we would be glad to hear from you for future openings.",
		mailRejection + ".3":   "We wish you every success.",
	},
	"sq": {
		"hello":  "I/E nderuar %s,",
		"footer": "E merrni këtë sepse aplikuat për një pozicion përmes Bullpen. Përgjigjuni këtij e-maili nëse keni ndonjë pyetje.",
		"open":   "Hapni pyetësorin:",
		"button": "Plotësoni pyetësorin",

		mailQuestionnaire + ".sub": "Aplikimi juaj për %[1]s: një pyetësor i shkurtër",
		mailQuestionnaire + ".1":   "Faleminderit që aplikuat për %[1]s. Hapi tjetër është një pyetësor i shkurtër; zgjat rreth dhjetë minuta.",
		mailQuestionnaire + ".2":   "Lidhja është vetëm për ju dhe funksionon një herë, deri më %[2]s.",

		mailReminder + ".sub": "Kujtesë: pyetësori juaj për %[1]s",
		mailReminder + ".1":   "Një kujtesë miqësore: pyetësori për aplikimin tuaj për %[1]s ende pret përgjigjet tuaja.",
		mailReminder + ".2":   "Lidhja funksionon deri më %[2]s.",

		mailRejection + ".sub": "Aplikimi juaj për %[1]s",
		mailRejection + ".1":   "Faleminderit për interesin tuaj për %[1]s dhe për kohën që i kushtuat aplikimit.",
		mailRejection + ".2":   "Pas shqyrtimit të kujdesshëm, këtë herë nuk do ta çojmë më tej aplikimin tuaj. Ky nuk është gjykim për ju si person dhe do të na vinte mirë të na shkruani për pozicione të ardhshme.",
		mailRejection + ".3":   "Ju urojmë suksese.",
	},
}

// candidateWords returns the candidate e-mail words in the candidate's language, English if we lack it.
func candidateWords(locale string) (string, map[string]string) {
	if w, ok := candidateText[locale]; ok {
		return locale, w
	}
	return "en", candidateText["en"]
}

// formatDeadline writes a deadline the same way in both languages (a date and a UTC time are read alike).
func formatDeadline(t time.Time) string { return t.UTC().Format("2006-01-02 15:04") + " UTC" }

// emailCandidate writes one candidate e-mail of kind in the candidate's language and sends it once per key.
func (a *Activities) emailCandidate(ctx context.Context, key, kind string, c *models.Candidate, o *models.Opening, link string, due time.Time) error {
	lang, w := candidateWords(c.Locale)
	var paras []string
	for i := 1; ; i++ {
		p, ok := w[fmt.Sprintf("%s.%d", kind, i)]
		if !ok {
			break
		}
		paras = append(paras, fmt.Sprintf(p, o.Title, formatDeadline(due)))
	}
	m := mailContent{Lang: lang, Greeting: fmt.Sprintf(w["hello"], c.Name), Paragraphs: paras, Footer: w["footer"]}
	if link != "" {
		m.Link, m.Button, m.LinkLabel = link, w["button"], w["open"]
	}
	text, html, err := m.render()
	if err != nil {
		return err
	}
	// Explicit argument indexes ("%[1]s") keep fmt from flagging the deadline a text does not use.
	subject := fmt.Sprintf(w[kind+".sub"], o.Title, formatDeadline(due))
	return a.email(ctx, store.OutboxMessage{DedupeKey: key, ToAddr: c.Email, Subject: subject, TextBody: text, HTMLBody: html})
}

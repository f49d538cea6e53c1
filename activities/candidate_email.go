package activities

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

const (
	mailQuestionnaire = "questionnaire"
	mailReminder      = "questionnaire_reminder"
	mailRejection     = "rejection"
	mailFilled        = "position_filled"
	mailOffer         = "offer"
)

var candidateText = map[string]map[string]string{
	"en": {
		"hello":   "Dear %s,",
		"footer":  "You receive this because you applied for a position through Bullpen. Reply to this e-mail if you have a question.",
		"privacy": "See, download or delete the data we hold about you",
		"open":    "Open the questionnaire:",
		"button":  "Answer the questionnaire",

		mailQuestionnaire + ".sub": "Your application for {title}: a short questionnaire",
		mailQuestionnaire + ".1":   "Thank you for applying for {title}. The next step is a short questionnaire; it takes about ten minutes.",
		mailQuestionnaire + ".2":   "The link is yours alone and works once, until {deadline}.",

		mailReminder + ".sub": "Reminder: your questionnaire for {title}",
		mailReminder + ".1":   "A friendly reminder: the questionnaire for your application for {title} is still waiting for your answers.",
		mailReminder + ".2":   "The link works until {deadline}.",

		mailRejection + ".sub": "Your application for {title}",
		mailRejection + ".1":   "Thank you for your interest in {title} and for the time you gave to your application.",
		mailRejection + ".2":   "After careful consideration we will not take your application further this time. This is no judgement of you as a person, and we would be glad to hear from you for future openings.",
		mailRejection + ".3":   "We wish you every success.",

		mailFilled + ".sub": "Your application for {title}",
		mailFilled + ".1":   "Thank you for your interest in {title} and for the time you gave to your application.",
		mailFilled + ".2":   "Every seat of this opening has now been filled, so we are closing it. This says nothing against your application, and we would be glad to hear from you when we hire again.",
		mailFilled + ".3":   "We wish you every success.",

		mailOffer + ".sub":    "Your offer for {title}",
		mailOffer + ".1":      "We are delighted to offer you the position of {title}.",
		mailOffer + ".2":      "The offer, with your start date and a table of what you would earn month by month, is on the page below. Accept or decline it there until {deadline}.",
		mailOffer + ".open":   "Read your offer:",
		mailOffer + ".button": "Read and answer the offer",
	},
	"sq": {
		"hello":   "I/E nderuar %s,",
		"footer":  "E merrni këtë sepse aplikuat për një pozicion përmes Bullpen. Përgjigjuni këtij e-maili nëse keni ndonjë pyetje.",
		"privacy": "Shihni, shkarkoni ose fshini të dhënat që mbajmë për ju",
		"open":    "Hapni pyetësorin:",
		"button":  "Plotësoni pyetësorin",

		mailQuestionnaire + ".sub": "Aplikimi juaj për {title}: një pyetësor i shkurtër",
		mailQuestionnaire + ".1":   "Faleminderit që aplikuat për {title}. Hapi tjetër është një pyetësor i shkurtër; zgjat rreth dhjetë minuta.",
		mailQuestionnaire + ".2":   "Lidhja është vetëm për ju dhe funksionon një herë, deri më {deadline}.",

		mailReminder + ".sub": "Kujtesë: pyetësori juaj për {title}",
		mailReminder + ".1":   "Një kujtesë miqësore: pyetësori për aplikimin tuaj për {title} ende pret përgjigjet tuaja.",
		mailReminder + ".2":   "Lidhja funksionon deri më {deadline}.",

		mailRejection + ".sub": "Aplikimi juaj për {title}",
		mailRejection + ".1":   "Faleminderit për interesin tuaj për {title} dhe për kohën që i kushtuat aplikimit.",
		mailRejection + ".2":   "Pas shqyrtimit të kujdesshëm, këtë herë nuk do ta çojmë më tej aplikimin tuaj. Ky nuk është gjykim për ju si person dhe do të na vinte mirë të na shkruani për pozicione të ardhshme.",
		mailRejection + ".3":   "Ju urojmë suksese.",

		mailFilled + ".sub": "Aplikimi juaj për {title}",
		mailFilled + ".1":   "Faleminderit për interesin tuaj për {title} dhe për kohën që i kushtuat aplikimit.",
		mailFilled + ".2":   "Të gjitha vendet e këtij pozicioni tashmë janë plotësuar, prandaj po e mbyllim. Kjo nuk thotë asgjë kundër aplikimit tuaj dhe do të na vinte mirë të na shkruani kur të punësojmë sërish.",
		mailFilled + ".3":   "Ju urojmë suksese.",

		mailOffer + ".sub":    "Oferta juaj për {title}",
		mailOffer + ".1":      "Me kënaqësi ju ofrojmë pozicionin {title}.",
		mailOffer + ".2":      "Oferta, me datën e fillimit dhe një tabelë të asaj që do të fitonit muaj pas muaji, është në faqen më poshtë. Pranojeni ose refuzojeni atje deri më {deadline}.",
		mailOffer + ".open":   "Lexoni ofertën tuaj:",
		mailOffer + ".button": "Lexoni dhe përgjigjuni ofertës",
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
	privacy, err := a.privacyLink(c.ID)
	if err != nil {
		return refusal(err)
	}
	subject, text, html, err := candidateMail(kind, c, o, link, due, privacy)
	if err != nil {
		return err
	}
	return a.email(ctx, store.OutboxMessage{DedupeKey: key, ToAddr: c.Email, Subject: subject, TextBody: text, HTMLBody: html})
}

// candidateMail writes one candidate e-mail of kind in the candidate's language.
func candidateMail(kind string, c *models.Candidate, o *models.Opening, link string, due time.Time, privacy string) (subject, text, html string, err error) {
	lang, w := candidateWords(c.Locale)
	fill := strings.NewReplacer("{title}", o.Title, "{deadline}", formatDeadline(due))
	var paras []string
	for i := 1; ; i++ {
		p, ok := w[fmt.Sprintf("%s.%d", kind, i)]
		if !ok {
			break
		}
		paras = append(paras, fill.Replace(p))
	}
	m := mailContent{Lang: lang, Greeting: fmt.Sprintf(w["hello"], c.Name), Paragraphs: paras, Footer: w["footer"],
		FooterLink: privacy, FooterLinkText: w["privacy"]}
	if link != "" {
		m.Link, m.Button, m.LinkLabel = link, w["button"], w["open"]
		if b, ok := w[kind+".button"]; ok {
			m.Button, m.LinkLabel = b, w[kind+".open"]
		}
	}
	text, html, err = m.render()
	return fill.Replace(w[kind+".sub"]), text, html, err
}

// PrivacyLinkDays is how long the link to a candidate's data in their e-mails works.
const PrivacyLinkDays = 180

// privacyLink is the signed link to the candidate's page of their data, where they read, download or delete it.
func (a *Activities) privacyLink(candidateID int64) (string, error) {
	token, err := models.SignLink(a.LinkSecret, models.LinkPrivacy, candidateID, time.Now().AddDate(0, 0, PrivacyLinkDays))
	if err != nil {
		return "", err
	}
	return strings.TrimRight(a.BaseURL, "/") + "/privacy/" + token, nil
}

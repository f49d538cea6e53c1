package activities

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	htmltemplate "html/template"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// mailHTML is the HTML body of every Bullpen e-mail, in any language: a greeting, paragraphs, an optional
// button and a footer. Its text twin is built beside it by mailText.
var mailHTML = htmltemplate.Must(htmltemplate.New("mail").Parse(`<!doctype html>
<html lang="{{.Lang}}"><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2430;max-width:560px;margin:24px auto">
<p>{{.Greeting}}</p>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}{{if .Link}}<p><a href="{{.Link}}" style="display:inline-block;background:#4c6ef5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">{{.Button}}</a></p>
{{end}}<p style="color:#868e96;font-size:12px">{{.Footer}}{{if .FooterLink}} <a href="{{.FooterLink}}" style="color:#868e96">{{.FooterLinkText}}</a>{{end}}</p>
</body></html>`))

// mailContent is what one e-mail says.
type mailContent struct {
	Lang, Greeting string
	Paragraphs     []string
	Link, Button   string
	// LinkLabel introduces the link in the text part.
	LinkLabel string
	Footer    string
	// FooterLink, when set, follows the footer: the candidate's own page of their data.
	FooterLink, FooterLinkText string
}

// render returns the text and HTML bodies of an e-mail.
func (m mailContent) render() (text, html string, err error) {
	var b bytes.Buffer
	if err := mailHTML.Execute(&b, m); err != nil {
		return "", "", err
	}
	var t strings.Builder
	t.WriteString(m.Greeting + "\n\n")
	for _, p := range m.Paragraphs {
		t.WriteString(p + "\n\n")
	}
	if m.Link != "" {
		t.WriteString(m.LinkLabel + " " + m.Link + "\n\n")
	}
	t.WriteString("-- \n" + m.Footer + "\n")
	if m.FooterLink != "" {
		t.WriteString(m.FooterLinkText + ": " + m.FooterLink + "\n")
	}
	return t.String(), b.String(), nil
}

// nudgeText holds the words of the reminder and escalation e-mails per language; %s is the plan's title.
var nudgeText = map[string]map[string]string{
	"en": {
		"hello": "Hello %s,", "button": "Open the plan", "open": "Open the plan:",
		"footer":                    "Bullpen sends this because a staffing plan is waiting on a decision.",
		noticePlanReminder + ".sub": "Reminder: %s", noticePlanReminder: "Reminder: staffing plan “%s” is still waiting for your decision.",
		noticePlanEscalated + ".sub": "Escalation: %s",
		noticePlanEscalated:          "Escalation: staffing plan “%s” has waited too long for a department head’s decision.",
	},
	"sq": {
		"hello": "Përshëndetje %s,", "button": "Hape planin", "open": "Hape planin:",
		"footer":                    "Bullpen e dërgon këtë sepse një plan stafi pret një vendim.",
		noticePlanReminder + ".sub": "Kujtesë: %s", noticePlanReminder: "Kujtesë: plani i stafit “%s” ende pret vendimin tuaj.",
		noticePlanEscalated + ".sub": "Përshkallëzim: %s",
		noticePlanEscalated:          "Përshkallëzim: plani i stafit “%s” ka pritur shumë gjatë për vendimin e drejtuesit të departamentit.",
	},
}

// emailNudge writes a reminder or escalation e-mail to one person, in their language, and sends it once per key.
func (a *Activities) emailNudge(ctx context.Context, key string, u *models.User, notice string, p *models.StaffingPlan) error {
	words, ok := nudgeText[u.Locale]
	if !ok {
		words = nudgeText["en"]
	}
	link := strings.TrimRight(a.BaseURL, "/") + planLink(p.ID)
	message := fmt.Sprintf(words[notice], p.Title)
	greeting := fmt.Sprintf(words["hello"], u.Name)
	text, html, err := mailContent{Lang: u.Locale, Greeting: greeting, Paragraphs: []string{message}, Link: link,
		Button: words["button"], LinkLabel: words["open"], Footer: words["footer"]}.render()
	if err != nil {
		return err
	}
	return a.email(ctx, store.OutboxMessage{DedupeKey: key, ToAddr: u.Email, Subject: fmt.Sprintf(words[notice+".sub"], p.Title),
		TextBody: text, HTMLBody: html})
}

// email stores the message in the outbox, then sends it unless it was sent already. Without an SMTP server
// the message is kept in the outbox for admins to read. A crash between the SMTP server's acceptance and
// the outbox update can repeat a send; the Message-ID stays the same, so receivers can tell.
func (a *Activities) email(ctx context.Context, m store.OutboxMessage) error {
	_, err := a.send(ctx, m)
	return err
}

// send is email that also returns the message as stored in the outbox.
func (a *Activities) send(ctx context.Context, m store.OutboxMessage) (*store.OutboxMessage, error) {
	msg, err := a.DB.Enqueue(ctx, m)
	if err != nil {
		return nil, err
	}
	if msg.Status != store.OutboxPending {
		return msg, nil
	}
	if !a.Mail.Enabled() {
		return msg, a.DB.MarkOutbox(ctx, msg.ID, store.OutboxKept, "", nil)
	}
	sum := sha256.Sum256([]byte(msg.DedupeKey))
	err = a.Mail.Send(ctx, Mail{To: msg.ToAddr, Subject: msg.Subject, Text: msg.TextBody, HTML: msg.HTMLBody, Calendar: msg.Calendar,
		MessageID: hex.EncodeToString(sum[:12]) + "@bullpen", ListUnsubscribe: msg.ListUnsubscribe})
	if err != nil {
		if merr := a.DB.MarkOutbox(ctx, msg.ID, store.OutboxPending, err.Error(), nil); merr != nil {
			a.Log.WarnContext(ctx, "outbox update", "error", merr)
		}
		return nil, err
	}
	now := time.Now().UTC()
	return msg, a.DB.MarkOutbox(ctx, msg.ID, store.OutboxSent, "", &now)
}

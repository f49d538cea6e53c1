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

	"github.com/bullpen-hq/bullpen/store"
)

// nudgeHTML is the HTML body of a reminder or escalation; its text twin is built beside it.
var nudgeHTML = htmltemplate.Must(htmltemplate.New("nudge").Parse(`<!doctype html>
<html lang="en"><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2430;max-width:560px;margin:24px auto">
<p>Hello {{.Name}},</p>
<p>{{.Message}}</p>
<p><a href="{{.Link}}" style="display:inline-block;background:#4c6ef5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Open the plan</a></p>
<p style="color:#868e96;font-size:12px">Bullpen sends this because a staffing plan is waiting on a decision.</p>
</body></html>`))

// emailNudge writes a reminder or escalation e-mail to one person and sends it, once per key.
func (a *Activities) emailNudge(ctx context.Context, key, to, name, subject, message, path string) error {
	link := strings.TrimRight(a.BaseURL, "/") + path
	var html bytes.Buffer
	if err := nudgeHTML.Execute(&html, map[string]string{"Name": name, "Message": message, "Link": link}); err != nil {
		return err
	}
	text := fmt.Sprintf("Hello %s,\n\n%s\n\nOpen the plan: %s\n", name, message, link)
	return a.email(ctx, store.OutboxMessage{DedupeKey: key, ToAddr: to, Subject: subject, TextBody: text, HTMLBody: html.String()})
}

// email stores the message in the outbox, then sends it unless it was sent already. Without an SMTP server
// the message is kept in the outbox for admins to read. A crash between the SMTP server's acceptance and
// the outbox update can repeat a send; the Message-ID stays the same, so receivers can tell.
func (a *Activities) email(ctx context.Context, m store.OutboxMessage) error {
	msg, err := a.DB.Enqueue(ctx, m)
	if err != nil {
		return err
	}
	if msg.Status != store.OutboxPending {
		return nil
	}
	if !a.Mail.Enabled() {
		return a.DB.MarkOutbox(ctx, msg.ID, store.OutboxKept, "", nil)
	}
	sum := sha256.Sum256([]byte(msg.DedupeKey))
	err = a.Mail.Send(ctx, Mail{To: msg.ToAddr, Subject: msg.Subject, Text: msg.TextBody, HTML: msg.HTMLBody,
		MessageID: hex.EncodeToString(sum[:12]) + "@bullpen"})
	if err != nil {
		if merr := a.DB.MarkOutbox(ctx, msg.ID, store.OutboxPending, err.Error(), nil); merr != nil {
			a.Log.WarnContext(ctx, "outbox update", "error", merr)
		}
		return err
	}
	now := time.Now().UTC()
	return a.DB.MarkOutbox(ctx, msg.ID, store.OutboxSent, "", &now)
}

package activities

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Mailer sends e-mail over SMTP. Its zero value (no URL) sends nothing: messages stay in the outbox, readable
// by admins, which is what `bullpen dev` does without SMTP_URL.
type Mailer struct {
	// URL is smtp://[user:pass@]host:port (STARTTLS when the server offers it) or smtps://... (TLS from the start).
	URL  string
	From string
}

// Enabled reports whether the mailer has a server to send to.
func (m *Mailer) Enabled() bool { return m != nil && m.URL != "" }

// ParseMailer checks an SMTP_URL and a sender address.
func ParseMailer(rawURL, from string) (*Mailer, error) {
	if from == "" {
		from = "Bullpen <bullpen@localhost>"
	}
	if _, err := mail.ParseAddress(from); err != nil {
		return nil, fmt.Errorf("SMTP_FROM=%q is not an address: %w", from, err)
	}
	if rawURL == "" {
		return &Mailer{From: from}, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
		return nil, fmt.Errorf("SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465")
	}
	return &Mailer{URL: rawURL, From: from}, nil
}

// Mail is one message to one recipient.
type Mail struct {
	To, Subject, Text, HTML string
	// Calendar, when set, is an iCalendar invite (models.Invite.ICS) sent as the message's text/calendar
	// alternative, which mail clients show with accept and decline buttons.
	Calendar string
	// MessageID identifies the message; a resend after a crash reuses it, so receivers can tell it is the same.
	MessageID string
	// ListUnsubscribe, when set, is the address that unsubscribes the receiver in one click (RFC 8058).
	ListUnsubscribe string
}

// Send delivers one message.
func (m *Mailer) Send(ctx context.Context, msg Mail) error {
	u, err := url.Parse(m.URL)
	if err != nil {
		return err
	}
	host := u.Hostname()
	dialer := &net.Dialer{Timeout: 15 * time.Second}
	var conn net.Conn
	if u.Scheme == "smtps" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: &tls.Config{ServerName: host}}).DialContext(ctx, "tcp", u.Host)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", u.Host)
	}
	if err != nil {
		return fmt.Errorf("smtp connect: %w", err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	} else {
		_ = conn.SetDeadline(time.Now().Add(time.Minute))
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("smtp hello: %w", err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok && u.Scheme == "smtp" {
		if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return fmt.Errorf("smtp starttls: %w", err)
		}
	}
	if u.User != nil {
		pw, _ := u.User.Password()
		if err := c.Auth(smtp.PlainAuth("", u.User.Username(), pw, host)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	from, _ := mail.ParseAddress(m.From)
	if err := c.Mail(from.Address); err != nil {
		return fmt.Errorf("smtp from: %w", err)
	}
	if err := c.Rcpt(msg.To); err != nil {
		return fmt.Errorf("smtp rcpt: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("smtp data: %w", err)
	}
	if _, err := w.Write(m.compose(msg)); err != nil {
		return fmt.Errorf("smtp write: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return c.Quit()
}

// compose writes a multipart/alternative message (plain text and HTML, quoted-printable UTF-8).
func (m *Mailer) compose(msg Mail) []byte {
	var b bytes.Buffer
	boundary := randomBoundary()
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", m.From)
	h("To", msg.To)
	h("Subject", mime.QEncoding.Encode("utf-8", msg.Subject))
	h("Date", time.Now().UTC().Format(time.RFC1123Z))
	h("Message-ID", "<"+msg.MessageID+">")
	if msg.ListUnsubscribe != "" {
		h("List-Unsubscribe", "<"+msg.ListUnsubscribe+">")
		h("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
	}
	h("MIME-Version", "1.0")
	h("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
	b.WriteString("\r\n")
	for _, part := range []struct{ ctype, body string }{{"text/plain", msg.Text}, {"text/html", msg.HTML}} {
		fmt.Fprintf(&b, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", boundary, part.ctype)
		qp := quotedprintable.NewWriter(&b)
		_, _ = qp.Write([]byte(strings.ReplaceAll(part.body, "\n", "\r\n")))
		_ = qp.Close()
		b.WriteString("\r\n")
	}
	if msg.Calendar != "" {
		// The invite's own CRLF line ends and folding must reach the calendar unchanged: base64 keeps them.
		fmt.Fprintf(&b, "--%s\r\nContent-Type: text/calendar; charset=utf-8; method=%s\r\nContent-Transfer-Encoding: base64\r\n\r\n",
			boundary, calendarMethod(msg.Calendar))
		enc := base64.StdEncoding.EncodeToString([]byte(msg.Calendar))
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	}
	fmt.Fprintf(&b, "--%s--\r\n", boundary)
	return b.Bytes()
}

// calendarMethod reads an invite's iTIP method (REQUEST or CANCEL).
func calendarMethod(ics string) string {
	if strings.Contains(ics, "\r\nMETHOD:CANCEL\r\n") {
		return "CANCEL"
	}
	return "REQUEST"
}

func randomBoundary() string {
	buf := make([]byte, 12)
	_, _ = rand.Read(buf)
	return "bullpen-" + hex.EncodeToString(buf)
}

// Package smtptest runs a real SMTP server in the test process (github.com/emersion/go-smtp) and keeps the
// messages it receives, so tests can read what Bullpen sent.
package smtptest

import (
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Message is one received message: envelope and parsed headers and body.
type Message struct {
	From    string
	To      []string
	Header  mail.Header
	Subject string
	Body    string
	// Calendar is the text/calendar part (an invite), decoded, or "".
	Calendar string
	// HTML is the text/html part, decoded, or "".
	HTML string
}

// Server is a running SMTP server.
type Server struct {
	Addr string
	mu   sync.Mutex
	msgs []Message
	more chan struct{} // closed when a message arrives, then replaced
}

// Start runs a server on a free loopback port until the test ends.
func Start(t testing.TB) *Server {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: l.Addr().String(), more: make(chan struct{})}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{srv: s}, nil }))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.AllowInsecureAuth = true
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

// URL is the SMTP_URL that points at the server.
func (s *Server) URL() string { return "smtp://" + s.Addr }

// Messages returns a copy of what was received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Await returns the first message received (so far or within timeout) that match accepts, as a mailbox
// would: without polling anything but the server's own list.
func (s *Server) Await(timeout time.Duration, match func(Message) bool) (Message, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	seen := 0
	for {
		s.mu.Lock()
		fresh, more := s.msgs[seen:], s.more
		seen = len(s.msgs)
		s.mu.Unlock()
		for _, m := range fresh {
			if match(m) {
				return m, true
			}
		}
		select {
		case <-more:
		case <-deadline.C:
			return Message{}, false
		}
	}
}

type session struct {
	srv  *Server
	from string
	to   []string
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}
func (s *session) Data(r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	body, html, calendar, err := readParts(m)
	if err != nil {
		return err
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	s.srv.msgs = append(s.srv.msgs, Message{From: s.from, To: s.to, Header: m.Header, Subject: subject, Body: strings.ReplaceAll(body, "\r\n", "\n"),
		Calendar: calendar, HTML: html})
	close(s.srv.more)
	s.srv.more = make(chan struct{})
	s.srv.mu.Unlock()
	return nil
}

// readParts returns the text/plain part of a message (decoded), or the whole body of a single-part one, and
// its text/html and text/calendar parts if it has them.
func readParts(m *mail.Message) (text, html, calendar string, err error) {
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		b, err := io.ReadAll(m.Body)
		return string(b), "", "", err
	}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return text, html, calendar, nil
		}
		if err != nil {
			return "", "", "", err
		}
		var body io.Reader = p // the multipart reader undoes quoted-printable itself
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
			body = base64.NewDecoder(base64.StdEncoding, p)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			return "", "", "", err
		}
		switch ct := p.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/plain") && text == "":
			text = string(b)
		case strings.HasPrefix(ct, "text/html") && html == "":
			html = string(b)
		case strings.HasPrefix(ct, "text/calendar"):
			calendar = string(b)
		}
	}
}

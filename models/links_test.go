package models

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

func TestSignedLinks(t *testing.T) {
	secret := bytes.Repeat([]byte("k"), 32)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tok, err := SignLink(secret, LinkQuestionnaire, 42, now.Add(72*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if id, err := VerifyLink(secret, tok, LinkQuestionnaire, now); err != nil || id != 42 {
		t.Fatalf("valid link: %d, %v", id, err)
	}
	enc, mac, _ := strings.Cut(tok, ".")
	forged := base64.RawURLEncoding.EncodeToString([]byte(strings.Replace(mustDecode(t, enc), ".42.", ".43.", 1))) + "." + mac
	other := bytes.Repeat([]byte("x"), 32)
	tests := []struct {
		name    string
		secret  []byte
		token   string
		purpose LinkPurpose
		at      time.Time
		want    string
	}{
		{"another action", secret, tok, LinkOffer, now, EFORBIDDEN},
		{"another object", secret, forged, LinkQuestionnaire, now, EFORBIDDEN},
		{"another key", other, tok, LinkQuestionnaire, now, EFORBIDDEN},
		{"a cut signature", secret, tok[:len(tok)-2], LinkQuestionnaire, now, EFORBIDDEN},
		{"no signature", secret, enc, LinkQuestionnaire, now, EFORBIDDEN},
		{"garbage", secret, "%%%.%%%", LinkQuestionnaire, now, EFORBIDDEN},
		{"empty", secret, "", LinkQuestionnaire, now, EFORBIDDEN},
		{"at the expiry", secret, tok, LinkQuestionnaire, now.Add(72 * time.Hour), ECONFLICT},
		{"after the expiry", secret, tok, LinkQuestionnaire, now.Add(100 * time.Hour), ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := VerifyLink(tt.secret, tt.token, tt.purpose, tt.at); ErrorCode(err) != tt.want {
				t.Fatalf("err = %v; want %s", err, tt.want)
			}
		})
	}
	if _, err := SignLink([]byte("short"), LinkOffer, 1, now); err == nil {
		t.Fatal("a short secret was accepted")
	}
}

func mustDecode(t *testing.T, s string) string {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func FuzzVerifyLink(f *testing.F) {
	secret := bytes.Repeat([]byte("k"), 32)
	tok, _ := SignLink(secret, LinkOffer, 7, time.Unix(2e9, 0))
	f.Add(tok)
	f.Add("")
	f.Fuzz(func(t *testing.T, token string) {
		id, err := VerifyLink(secret, token, LinkOffer, time.Unix(1e9, 0))
		if err == nil && (id != 7 || token != tok) {
			t.Fatalf("accepted %q as %d", token, id)
		}
	})
}

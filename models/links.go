package models

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// LinkPurpose is the one action a candidate link allows: a link to fill in a questionnaire cannot accept an
// offer.
type LinkPurpose string

// The actions candidates take by link, having no account.
const (
	LinkQuestionnaire  LinkPurpose = "questionnaire"
	LinkInterviewTimes LinkPurpose = "interview_times"
	LinkOffer          LinkPurpose = "offer"
	LinkInvite         LinkPurpose = "invite"
	// LinkUnsubscribe stops greeting cards to one client contact.
	LinkUnsubscribe LinkPurpose = "unsubscribe"
	// LinkPrivacy shows a candidate the data Bullpen holds about them, to download or delete.
	LinkPrivacy LinkPurpose = "privacy"
)

// MinLinkSecretBytes is the shortest key candidate links may be signed with.
const MinLinkSecretBytes = 32

// SignLink returns a token for one purpose on one object (an application, an offer) that expires at expires:
// the claims in the clear, then an HMAC-SHA256 of them under secret. Nothing in it can be changed without the
// secret, and it carries no personal data.
func SignLink(secret []byte, purpose LinkPurpose, objectID int64, expires time.Time) (string, error) {
	if len(secret) < MinLinkSecretBytes {
		return "", fmt.Errorf("link secret must be at least %d bytes", MinLinkSecretBytes)
	}
	claims := fmt.Sprintf("v1.%s.%d.%d", purpose, objectID, expires.Unix())
	return base64.RawURLEncoding.EncodeToString([]byte(claims)) + "." + linkMAC(secret, claims), nil
}

func linkMAC(secret []byte, claims string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(claims))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// VerifyLink checks a token for purpose at now and returns the object it names. A token that was tampered
// with, signed for another purpose or malformed is EFORBIDDEN; an expired one is ECONFLICT, so the page can
// say "this link has expired" rather than "this link is wrong".
func VerifyLink(secret []byte, token string, purpose LinkPurpose, now time.Time) (int64, error) {
	id, _, err := VerifyLinkExpiry(secret, token, purpose, now)
	return id, err
}

// VerifyLinkExpiry is VerifyLink that also returns when the link expires, for links that must match their
// object's current deadline (an offer's link stops working when the offer is revised and sent again).
func VerifyLinkExpiry(secret []byte, token string, purpose LinkPurpose, now time.Time) (int64, time.Time, error) {
	wrong := Errorf(EFORBIDDEN, "This link is not valid.")
	enc, mac, ok := strings.Cut(token, ".")
	if !ok || len(token) > 512 {
		return 0, time.Time{}, wrong
	}
	raw, err := base64.RawURLEncoding.DecodeString(enc)
	// The decoder skips line breaks; only the one canonical spelling of a token is accepted.
	if err != nil || base64.RawURLEncoding.EncodeToString(raw) != enc {
		return 0, time.Time{}, wrong
	}
	claims := string(raw)
	if !hmac.Equal([]byte(mac), []byte(linkMAC(secret, claims))) {
		return 0, time.Time{}, wrong
	}
	parts := strings.Split(claims, ".")
	if len(parts) != 4 || parts[0] != "v1" || LinkPurpose(parts[1]) != purpose {
		return 0, time.Time{}, wrong
	}
	id, err1 := strconv.ParseInt(parts[2], 10, 64)
	exp, err2 := strconv.ParseInt(parts[3], 10, 64)
	if err1 != nil || err2 != nil || id <= 0 {
		return 0, time.Time{}, wrong
	}
	if !now.Before(time.Unix(exp, 0)) {
		return 0, time.Time{}, Errorf(ECONFLICT, "This link expired on %s.", time.Unix(exp, 0).UTC().Format("2 Jan 2006 15:04 MST"))
	}
	return id, time.Unix(exp, 0), nil
}

package store

import (
	"context"
	"time"

	"github.com/bullpen-hq/bullpen/models"
)

type sessionRecord struct {
	TokenHash string `gorm:"primaryKey"`
	UserID    int64
	CsrfToken string
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (sessionRecord) TableName() string { return "sessions" }

// Session is a signed-in browser: the user and the CSRF token its writes must carry.
type Session struct {
	User      *models.User
	CSRFToken string
	ExpiresAt time.Time
	// TokenID is set when the request came with an integration token rather than a sign-in.
	TokenID int64
}

// CreateSession stores a session under the hash of its token (the token itself is never stored).
func (db *DB) CreateSession(ctx context.Context, tokenHash string, userID int64, csrf string, expires time.Time) error {
	return db.with(ctx).Create(&sessionRecord{TokenHash: tokenHash, UserID: userID, CsrfToken: csrf, ExpiresAt: expires.UTC()}).Error
}

// SessionByHash returns the live session with that token hash and its active user, or ENOTFOUND.
func (db *DB) SessionByHash(ctx context.Context, tokenHash string, now time.Time) (*Session, error) {
	var s sessionRecord
	if err := db.with(ctx).Where("token_hash = ? AND expires_at > ?", tokenHash, now.UTC()).First(&s).Error; err != nil {
		return nil, notFound(err, "session")
	}
	u, err := db.UserByID(ctx, s.UserID)
	if err != nil {
		return nil, err
	}
	if !u.Active {
		return nil, models.Errorf(models.ENOTFOUND, "No such session.")
	}
	return &Session{User: u, CSRFToken: s.CsrfToken, ExpiresAt: s.ExpiresAt}, nil
}

// DeleteSession ends one session.
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	return db.with(ctx).Where("token_hash = ?", tokenHash).Delete(&sessionRecord{}).Error
}

// DeleteExpiredSessions removes sessions past their expiry and login failures older than before.
func (db *DB) DeleteExpiredSessions(ctx context.Context, now, failuresBefore time.Time) error {
	if err := db.with(ctx).Where("expires_at <= ?", now.UTC()).Delete(&sessionRecord{}).Error; err != nil {
		return err
	}
	return db.with(ctx).Where("failed_at < ?", failuresBefore.UTC()).Delete(&loginFailure{}).Error
}

type loginFailure struct {
	ID       int64 `gorm:"primaryKey"`
	Email    string
	FailedAt time.Time
}

func (loginFailure) TableName() string { return "login_failures" }

// RecordLoginFailure notes a failed sign-in for an e-mail.
func (db *DB) RecordLoginFailure(ctx context.Context, email string, at time.Time) error {
	return db.with(ctx).Create(&loginFailure{Email: models.NormalizeEmail(email), FailedAt: at.UTC()}).Error
}

// LoginFailures counts the failed sign-ins for an e-mail since a time and returns the oldest of them.
func (db *DB) LoginFailures(ctx context.Context, email string, since time.Time) (int, time.Time, error) {
	var recs []loginFailure
	err := db.with(ctx).Where("email = ? AND failed_at > ?", models.NormalizeEmail(email), since.UTC()).
		Order("failed_at").Find(&recs).Error
	if err != nil || len(recs) == 0 {
		return 0, time.Time{}, err
	}
	return len(recs), recs[0].FailedAt, nil
}

// ClearLoginFailures forgets the failed sign-ins of an e-mail after a successful one.
func (db *DB) ClearLoginFailures(ctx context.Context, email string) error {
	return db.with(ctx).Where("email = ?", models.NormalizeEmail(email)).Delete(&loginFailure{}).Error
}

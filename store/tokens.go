package store

import (
	"context"
	"time"

	"github.com/bullpen-hq/bullpen/models"
)

// TokenRecord is an integration token: a phone system or CRM posts a user's calls with it. Only its hash is
// stored; the token itself is shown once.
type TokenRecord struct {
	ID         int64      `gorm:"primaryKey" json:"id"`
	UserID     int64      `json:"-"`
	Name       string     `json:"name"`
	TokenHash  string     `json:"-"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// TableName names the table.
func (TokenRecord) TableName() string { return "user_tokens" }

// CreateToken stores a new integration token's hash.
func (db *DB) CreateToken(ctx context.Context, t *TokenRecord) error {
	return db.with(ctx).Create(t).Error
}

// Tokens returns a user's tokens, newest first, MaxPageLimit at most.
func (db *DB) Tokens(ctx context.Context, userID int64) ([]TokenRecord, error) {
	out := []TokenRecord{}
	err := (Page{}).Apply(db.with(ctx).Where("user_id = ?", userID).Order("id DESC")).Find(&out).Error
	return out, err
}

// RevokeToken ends one of a user's tokens; another user's, or one already revoked, is ENOTFOUND.
func (db *DB) RevokeToken(ctx context.Context, userID, id int64) error {
	res := db.with(ctx).Model(&TokenRecord{}).Where("id = ? AND user_id = ? AND revoked_at IS NULL", id, userID).Update("revoked_at", time.Now().UTC())
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ENOTFOUND, "No such token.")
	}
	return nil
}

// SessionByToken returns the session an integration token stands for: its user, if active and the token
// not revoked (ENOTFOUND otherwise). It notes when the token was last used.
func (db *DB) SessionByToken(ctx context.Context, hash string) (*Session, error) {
	var t TokenRecord
	if err := db.with(ctx).Where("token_hash = ? AND revoked_at IS NULL", hash).First(&t).Error; err != nil {
		return nil, notFound(err, "token")
	}
	u, err := db.UserByID(ctx, t.UserID)
	if err != nil || !u.Active {
		return nil, models.Errorf(models.ENOTFOUND, "No such token.")
	}
	now := time.Now().UTC()
	db.with(ctx).Model(&TokenRecord{}).Where("id = ?", t.ID).Update("last_used_at", now)
	return &Session{User: u, TokenID: t.ID}, nil
}

package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"
)

// Outbox statuses: queued, handed to the SMTP server, or kept unsent because no server is configured.
const (
	OutboxPending = "pending"
	OutboxSent    = "sent"
	OutboxKept    = "kept"
)

// OutboxMessage is one e-mail to one recipient, written before it is sent so that it is sent once.
type OutboxMessage struct {
	ID        int64 `gorm:"primaryKey"`
	DedupeKey string
	ToAddr    string
	Subject   string
	TextBody  string
	HTMLBody  string `gorm:"column:html_body"`
	// Calendar is an iCalendar invite sent with the message, or "".
	Calendar string
	// ListUnsubscribe is the one-click unsubscribe address of a message to a client (RFC 8058), or "".
	ListUnsubscribe string
	Status          string
	Attempts        int
	LastError       string
	CreatedAt       time.Time
	SentAt          *time.Time
}

// TableName names the table.
func (OutboxMessage) TableName() string { return "outbox" }

// Enqueue stores a message once per dedupe key and returns the stored one (the earlier one on a repeat).
func (db *DB) Enqueue(ctx context.Context, m OutboxMessage) (*OutboxMessage, error) {
	m.Status = OutboxPending
	if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&m).Error; err != nil {
		return nil, err
	}
	var got OutboxMessage
	if err := db.with(ctx).Where("dedupe_key = ?", m.DedupeKey).First(&got).Error; err != nil {
		return nil, err
	}
	return &got, nil
}

// MarkOutbox records the outcome of a send attempt.
func (db *DB) MarkOutbox(ctx context.Context, id int64, status, lastError string, sentAt *time.Time) error {
	return db.with(ctx).Model(&OutboxMessage{}).Where("id = ?", id).Updates(map[string]any{
		"status": status, "last_error": lastError, "sent_at": sentAt, "attempts": clause.Expr{SQL: "attempts + 1"}}).Error
}

// ListOutbox returns the latest messages, newest first.
func (db *DB) ListOutbox(ctx context.Context, limit int) ([]OutboxMessage, error) {
	var out []OutboxMessage
	err := db.with(ctx).Order("created_at DESC, id DESC").Limit(limit).Find(&out).Error
	return out, err
}

// OutboxPage returns a page of the messages, newest first, and how many there are.
func (db *DB) OutboxPage(ctx context.Context, p Page) ([]OutboxMessage, int64, error) {
	var out []OutboxMessage
	total, err := findPage(db.with(ctx), "created_at DESC, id DESC", p, &out)
	return out, total, err
}

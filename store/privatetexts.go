package store

import (
	"context"
	"time"
)

// privateText is words a person wrote about an application (a move's reason, a candidate's answers) that a
// workflow acts on: the workflow carries the row's ID, so that its history, which cannot be anonymised, holds
// no one's words; anonymisation deletes the row.
type privateText struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	Kind          string
	Body          string
	CreatedAt     time.Time
}

func (privateText) TableName() string { return "private_texts" }

// The kinds of private text.
const (
	TextMoveReason = "move_reason"
	TextAnswers    = "answers"
)

// SavePrivateText keeps words written about an application and returns their ID, for a workflow to carry.
func (db *DB) SavePrivateText(ctx context.Context, applicationID int64, kind, body string) (int64, error) {
	t := privateText{ApplicationID: applicationID, Kind: kind, Body: body, CreatedAt: time.Now().UTC()}
	err := db.with(ctx).Create(&t).Error
	return t.ID, err
}

// PrivateText returns the words kept under id for an application, or ENOTFOUND (anonymised since, or another
// application's).
func (db *DB) PrivateText(ctx context.Context, applicationID, id int64, kind string) (string, error) {
	var t privateText
	err := db.with(ctx).Where("id = ? AND application_id = ? AND kind = ?", id, applicationID, kind).First(&t).Error
	return t.Body, notFound(err, "text")
}

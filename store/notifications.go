package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type notificationRecord struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Kind      string
	Message   string
	Link      string
	DedupeKey string
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (notificationRecord) TableName() string { return "notifications" }

// Notify gives each user a notification once per dedupe key, so a retried reminder is not repeated.
func (db *DB) Notify(ctx context.Context, userIDs []int64, kind, message, link, dedupeKey string) error {
	if len(userIDs) == 0 {
		return nil
	}
	recs := make([]notificationRecord, len(userIDs))
	for i, id := range userIDs {
		recs[i] = notificationRecord{UserID: id, Kind: kind, Message: message, Link: link, DedupeKey: dedupeKey}
	}
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&recs).Error
}

// Notifications returns a user's latest notifications, newest first.
func (db *DB) Notifications(ctx context.Context, userID int64) ([]models.Notification, error) {
	var recs []notificationRecord
	if err := db.with(ctx).Where("user_id = ?", userID).Order("created_at DESC, id DESC").Limit(100).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.Notification, len(recs))
	for i, r := range recs {
		out[i] = models.Notification{ID: r.ID, UserID: r.UserID, Kind: r.Kind, Message: r.Message, Link: r.Link, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
	}
	return out, nil
}

// Notification returns one notification.
func (db *DB) Notification(ctx context.Context, id int64) (*models.Notification, error) {
	var r notificationRecord
	if err := db.with(ctx).First(&r, id).Error; err != nil {
		return nil, notFound(err, "notification")
	}
	return &models.Notification{ID: r.ID, UserID: r.UserID, Kind: r.Kind, Message: r.Message, Link: r.Link, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}, nil
}

// MarkNotificationRead marks a notification read (once; later calls keep the first time).
func (db *DB) MarkNotificationRead(ctx context.Context, id int64, at time.Time) error {
	return db.with(ctx).Model(&notificationRecord{}).Where("id = ? AND read_at IS NULL", id).Update("read_at", at.UTC()).Error
}

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
	Params    map[string]any `gorm:"serializer:json"`
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (notificationRecord) TableName() string { return "notifications" }

// Notice is what a notification says: its kind and params let the UI say it in the reader's language;
// Message says it in English.
type Notice struct {
	Kind    string
	Message string
	Link    string
	Params  map[string]any
}

// Notify gives each user a notification once per dedupe key, so a retried reminder is not repeated.
func (db *DB) Notify(ctx context.Context, userIDs []int64, n Notice, dedupeKey string) error {
	if len(userIDs) == 0 {
		return nil
	}
	if n.Params == nil {
		n.Params = map[string]any{}
	}
	recs := make([]notificationRecord, len(userIDs))
	for i, id := range userIDs {
		recs[i] = notificationRecord{UserID: id, Kind: n.Kind, Message: n.Message, Link: n.Link, DedupeKey: dedupeKey, Params: n.Params}
	}
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&recs).Error
}

// Notifications returns a user's latest notifications, newest first.
func (db *DB) Notifications(ctx context.Context, userID int64) ([]models.Notification, error) {
	out, _, err := db.NotificationsPage(ctx, userID, Page{Limit: 100})
	return out, err
}

// NotificationsPage returns a page of a user's notifications, newest first, and how many they have.
func (db *DB) NotificationsPage(ctx context.Context, userID int64, p Page) ([]models.Notification, int64, error) {
	var recs []notificationRecord
	total, err := findPage(db.with(ctx).Where("user_id = ?", userID), "created_at DESC, id DESC", p, &recs)
	if err != nil {
		return nil, 0, err
	}
	out := make([]models.Notification, len(recs))
	for i, r := range recs {
		out[i] = r.model()
	}
	return out, total, nil
}

func (r *notificationRecord) model() models.Notification {
	return models.Notification{ID: r.ID, UserID: r.UserID, Kind: r.Kind, Message: r.Message, Link: r.Link, Params: r.Params,
		CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
}

// Notification returns one notification.
func (db *DB) Notification(ctx context.Context, id int64) (*models.Notification, error) {
	var r notificationRecord
	if err := db.with(ctx).First(&r, id).Error; err != nil {
		return nil, notFound(err, "notification")
	}
	n := r.model()
	return &n, nil
}

// MarkNotificationRead marks a notification read (once; later calls keep the first time).
func (db *DB) MarkNotificationRead(ctx context.Context, id int64, at time.Time) error {
	return db.with(ctx).Model(&notificationRecord{}).Where("id = ? AND read_at IS NULL", id).Update("read_at", at.UTC()).Error
}

// MarkDoneNotificationsRead marks read every unread notification of the given kinds that points at link:
// once a plan is decided, "awaits your decision" is no longer news for anyone.
func (db *DB) MarkDoneNotificationsRead(ctx context.Context, link string, kinds []string, at time.Time) error {
	return db.with(ctx).Model(&notificationRecord{}).Where("link = ? AND kind IN ? AND read_at IS NULL", link, kinds).
		Update("read_at", at.UTC()).Error
}

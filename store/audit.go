package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// AuditEntry is one line of the append-only audit log: who did what to which object, and what changed.
type AuditEntry struct {
	ID         int64 `gorm:"primaryKey"`
	At         time.Time
	ActorID    *int64
	Action     string
	ObjectType string
	ObjectID   int64
	Summary    string
	Before     map[string]any `gorm:"serializer:json"`
	After      map[string]any `gorm:"serializer:json"`
	// DedupeKey, when set, makes a retried write (an activity's) land once.
	DedupeKey *string
	Actor     *userRecord `gorm:"foreignKey:ActorID"`
}

// TableName names the table.
func (AuditEntry) TableName() string { return "audit_log" }

// ActorName is the name of who acted, or "" for the system.
func (e AuditEntry) ActorName() string {
	if e.Actor == nil {
		return ""
	}
	return e.Actor.Name
}

// Audit appends an entry; an entry with a dedupe key already written is not written again. The log has no
// update or delete: the database refuses both.
func (db *DB) Audit(ctx context.Context, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Omit("Actor").Create(&e).Error
}

// AuditFilter narrows ListAudit; zero values match everything. BeforeID pages backwards.
type AuditFilter struct {
	ObjectType string
	ObjectID   int64
	ActorID    int64
	Action     string
	BeforeID   int64
	Limit      int
}

// ListAudit returns entries, newest first.
func (db *DB) ListAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	var out []AuditEntry
	err := db.auditQuery(ctx, f).Preload("Actor").Order("id DESC").Limit(f.Limit).Find(&out).Error
	return out, err
}

// AuditPage returns a page of the entries f matches, newest first, and how many match; f.Limit is not used.
func (db *DB) AuditPage(ctx context.Context, f AuditFilter, p Page) ([]AuditEntry, int64, error) {
	var out []AuditEntry
	total, err := findPage(db.auditQuery(ctx, f), "id DESC", p, &out, "Actor")
	return out, total, err
}

func (db *DB) auditQuery(ctx context.Context, f AuditFilter) *gorm.DB {
	q := db.with(ctx)
	if f.ObjectType != "" {
		q = q.Where("object_type = ?", f.ObjectType)
	}
	if f.ObjectID != 0 {
		q = q.Where("object_id = ?", f.ObjectID)
	}
	if f.ActorID != 0 {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.BeforeID != 0 {
		q = q.Where("id < ?", f.BeforeID)
	}
	return q
}

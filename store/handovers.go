package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

// HandoverRecord moves a rep's client accounts to new owners: proposed by load, adjusted and approved by a
// department head, then applied at once.
type HandoverRecord struct {
	ID          int64               `gorm:"primaryKey" json:"id"`
	FromUserID  int64               `json:"from_user_id"`
	Reason      string              `json:"reason"`
	Status      string              `json:"status"` // proposed, approved
	Assignments []models.Assignment `gorm:"serializer:json" json:"assignments"`
	CreatedBy   int64               `json:"created_by"`
	CreatedAt   time.Time           `json:"created_at"`
	DecidedBy   *int64              `json:"decided_by"`
	DecidedAt   *time.Time          `json:"decided_at"`
}

// TableName names the table.
func (HandoverRecord) TableName() string { return "handovers" }

// AccountsOwnedBy returns the IDs of a user's client accounts, by name.
func (db *DB) AccountsOwnedBy(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	err := db.with(ctx).Model(&accountRecord{}).Where("owner_id = ?", userID).Order("name").Pluck("id", &ids).Error
	return ids, err
}

// RepLoads returns the active sales reps other than except, with how many clients each owns.
func (db *DB) RepLoads(ctx context.Context, except int64) ([]models.RepLoad, error) {
	reps, err := db.ActiveUsersWithRole(ctx, models.RoleSalesRep)
	if err != nil {
		return nil, err
	}
	var counts []struct {
		OwnerID int64
		N       int
	}
	if err := db.with(ctx).Model(&accountRecord{}).Select("owner_id, COUNT(*) AS n").Where("owner_id IS NOT NULL").Group("owner_id").
		Scan(&counts).Error; err != nil {
		return nil, err
	}
	n := map[int64]int{}
	for _, c := range counts {
		n[c.OwnerID] = c.N
	}
	out := []models.RepLoad{}
	for _, r := range reps {
		if r.ID != except {
			out = append(out, models.RepLoad{UserID: r.ID, Accounts: n[r.ID]})
		}
	}
	return out, nil
}

// CreateHandover stores a proposed handover.
func (db *DB) CreateHandover(ctx context.Context, h *HandoverRecord) error {
	h.Status = "proposed"
	return db.with(ctx).Create(h).Error
}

// HandoverByID returns one handover.
func (db *DB) HandoverByID(ctx context.Context, id int64) (*HandoverRecord, error) {
	var h HandoverRecord
	if err := db.with(ctx).First(&h, id).Error; err != nil {
		return nil, notFound(err, "handover")
	}
	return &h, nil
}

// SetHandoverAssignments replaces a proposed handover's assignments.
func (db *DB) SetHandoverAssignments(ctx context.Context, id int64, as []models.Assignment) error {
	res := db.with(ctx).Model(&HandoverRecord{}).Where("id = ? AND status = ?", id, "proposed").Update("assignments", jsonValue(as))
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ECONFLICT, "This handover is no longer a proposal.")
	}
	return nil
}

// ApplyHandover approves a proposed handover and moves each account to its new owner, all or nothing: an
// account that is no longer the leaving rep's (moved meanwhile) is ECONFLICT and nothing moves. Each account
// keeps its history; each move is in the audit log.
func (db *DB) ApplyHandover(ctx context.Context, id, by int64) (*HandoverRecord, error) {
	var out HandoverRecord
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&out, id).Error; err != nil {
			return notFound(err, "handover")
		}
		if out.Status != "proposed" {
			return models.Errorf(models.ECONFLICT, "This handover was approved already.")
		}
		now := time.Now().UTC()
		for _, a := range out.Assignments {
			res := tx.Model(&accountRecord{}).Where("id = ? AND owner_id = ?", a.AccountID, out.FromUserID).
				Updates(map[string]any{"owner_id": a.ToUserID, "owner_since": now, "updated_at": now})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return models.Errorf(models.ECONFLICT, "Client account %d is no longer the leaving rep's; propose the handover again.", a.AccountID)
			}
			key := fmt.Sprintf("handover-%d-account-%d", out.ID, a.AccountID)
			if err := tx.Omit("Actor").Create(&AuditEntry{ActorID: &by, Action: "account.owner_changed", ObjectType: "account", ObjectID: a.AccountID,
				Summary: "Client handed over", Before: map[string]any{"owner_id": out.FromUserID}, After: map[string]any{"owner_id": a.ToUserID,
					"handover_id": out.ID}, DedupeKey: &key, At: now}).Error; err != nil {
				return err
			}
		}
		out.Status, out.DecidedBy, out.DecidedAt = "approved", &by, &now
		return tx.Model(&out).Select("status", "decided_by", "decided_at").Updates(&out).Error
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Handovers returns a page of the handovers with the given status (all when empty), newest first, and how many
// there are.
func (db *DB) Handovers(ctx context.Context, status string, p Page) ([]HandoverRecord, int64, error) {
	var out []HandoverRecord
	q := db.with(ctx)
	if status != "" {
		q = q.Where("status = ?", status)
	}
	total, err := findPage(q, "created_at DESC, id DESC", p, &out)
	return out, total, err
}

// ProposedHandoverFrom returns the handover of a rep's clients still waiting for approval, or nil.
func (db *DB) ProposedHandoverFrom(ctx context.Context, userID int64) (*HandoverRecord, error) {
	var h []HandoverRecord
	if err := db.with(ctx).Where("from_user_id = ? AND status = ?", userID, "proposed").Order("id").Limit(1).Find(&h).Error; err != nil {
		return nil, err
	}
	if len(h) == 0 {
		return nil, nil
	}
	return &h[0], nil
}

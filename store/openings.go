package store

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type openingRecord struct {
	ID        int64 `gorm:"primaryKey"`
	PlanID    *int64
	Title     string
	Role      string
	Seats     int
	Status    string
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (openingRecord) TableName() string { return "openings" }

func (r *openingRecord) model() models.Opening {
	return models.Opening{ID: r.ID, PlanID: r.PlanID, Title: r.Title, Role: models.Role(r.Role), Seats: r.Seats,
		Status: models.OpeningStatus(r.Status), CreatedAt: r.CreatedAt}
}

// OpenPlanOpenings creates an approved plan's openings and the timeline entry that says so, together and
// once: a retry finds them there and adds none.
func (db *DB) OpenPlanOpenings(ctx context.Context, planID int64, openings []models.Opening) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		for _, o := range openings {
			rec := openingRecord{PlanID: &planID, Title: o.Title, Role: string(o.Role), Seats: o.Seats, Status: string(o.Status)}
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rec).Error; err != nil {
				return err
			}
		}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Omit("Actor").Create(&planEventRecord{
			PlanID: planID, Kind: string(models.EventOpeningsOpened), DedupeKey: "openings", At: time.Now().UTC()}).Error
	})
}

// OpeningFilter narrows ListOpenings; zero values match everything.
type OpeningFilter struct {
	PlanID int64
	Status models.OpeningStatus
}

// ListOpenings returns openings, newest first, manager seats before rep seats within a plan.
func (db *DB) ListOpenings(ctx context.Context, f OpeningFilter) ([]models.Opening, error) {
	q := db.with(ctx)
	if f.PlanID != 0 {
		q = q.Where("plan_id = ?", f.PlanID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	var recs []openingRecord
	if err := q.Order("COALESCE(plan_id, 0) DESC, id").Limit(1000).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.Opening, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// Opening returns one opening.
func (db *DB) Opening(ctx context.Context, id int64) (*models.Opening, error) {
	var rec openingRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "opening")
	}
	o := rec.model()
	return &o, nil
}

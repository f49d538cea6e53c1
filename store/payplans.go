package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type payPlanRecord struct {
	ID        int64 `gorm:"primaryKey"`
	Slug      string
	Name      string
	Role      string
	Plan      models.PayPlan `gorm:"serializer:json"`
	Archived  bool
	BuiltIn   bool
	CreatedBy *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (payPlanRecord) TableName() string { return "pay_plan_templates" }

func (r *payPlanRecord) model() models.PayPlanTemplate {
	return models.PayPlanTemplate{ID: r.ID, Slug: r.Slug, Name: r.Name, Role: models.Role(r.Role), Plan: r.Plan, Archived: r.Archived}
}

// SeedPayPlans adds the built-in pay plan templates whose slug is not there yet; edited or archived ones stay
// as their admins left them.
func (db *DB) SeedPayPlans(ctx context.Context, lib []models.PayPlanTemplate) error {
	for _, t := range lib {
		rec := payPlanRecord{Slug: t.Slug, Name: t.Name, Role: string(t.Role), Plan: t.Plan, BuiltIn: true}
		if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rec).Error; err != nil {
			return err
		}
	}
	return nil
}

// ListPayPlans returns the pay plan templates by role, currency and name; archived ones only when asked,
// MaxPageLimit at most.
func (db *DB) ListPayPlans(ctx context.Context, archived bool) ([]models.PayPlanTemplate, error) {
	q := db.with(ctx)
	if !archived {
		q = q.Where("archived = ?", false)
	}
	var recs []payPlanRecord
	if err := (Page{}).Apply(q.Order("role, name, id")).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.PayPlanTemplate, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// PayPlanByID returns one pay plan template.
func (db *DB) PayPlanByID(ctx context.Context, id int64) (*models.PayPlanTemplate, error) {
	var rec payPlanRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "pay plan")
	}
	t := rec.model()
	return &t, nil
}

// SavePayPlan creates a template (ID 0) or replaces one, and returns it as it was before (nil for a new one).
// A slug already taken is ECONFLICT.
func (db *DB) SavePayPlan(ctx context.Context, t models.PayPlanTemplate, by int64) (before, after *models.PayPlanTemplate, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		rec := payPlanRecord{CreatedBy: &by}
		if t.ID != 0 {
			if err := tx.First(&rec, t.ID).Error; err != nil {
				return notFound(err, "pay plan")
			}
			b := rec.model()
			before = &b
		}
		rec.Slug, rec.Name, rec.Role, rec.Plan, rec.Archived = t.Slug, t.Name, string(t.Role), t.Plan, t.Archived
		if err := tx.Save(&rec).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return models.Errorf(models.ECONFLICT, "A pay plan with the key %q exists already; choose another.", t.Slug)
			}
			return err
		}
		a := rec.model()
		after = &a
		return nil
	})
	return before, after, err
}

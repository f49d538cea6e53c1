package store

import (
	"context"
	"time"

	"github.com/bullpen-hq/bullpen/models"
)

// QuestionnaireTemplate is a reusable questionnaire an opening can start from.
type QuestionnaireTemplate struct {
	ID            int64 `gorm:"primaryKey"`
	Title         string
	Questionnaire models.Questionnaire `gorm:"serializer:json"`
	CreatedBy     int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// TableName names the table.
func (QuestionnaireTemplate) TableName() string { return "questionnaire_templates" }

// SaveTemplate creates a template (ID 0) or replaces one.
func (db *DB) SaveTemplate(ctx context.Context, t *QuestionnaireTemplate) error {
	if t.ID == 0 {
		return db.with(ctx).Create(t).Error
	}
	res := db.with(ctx).Model(t).Select("title", "questionnaire", "updated_at").Updates(t)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ENOTFOUND, "No such questionnaire template.")
	}
	return nil
}

// Templates lists the questionnaire templates, by title, MaxPageLimit at most.
func (db *DB) Templates(ctx context.Context) ([]QuestionnaireTemplate, error) {
	var out []QuestionnaireTemplate
	err := (Page{}).Apply(db.with(ctx).Order("title, id")).Find(&out).Error
	return out, err
}

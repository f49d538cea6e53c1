package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type scenarioRecord struct {
	ID              int64 `gorm:"primaryKey"`
	Slug            string
	Difficulty      int
	DurationMinutes int
	Text            map[string]models.ScenarioText `gorm:"serializer:json"`
	Archived        bool
	BuiltIn         bool
	CreatedBy       *int64
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (scenarioRecord) TableName() string { return "scenarios" }

func (r *scenarioRecord) model() models.Scenario {
	return models.Scenario{ID: r.ID, Slug: r.Slug, Difficulty: r.Difficulty, DurationMinutes: r.DurationMinutes, Text: r.Text,
		Archived: r.Archived}
}

// SeedScenarios adds the library's scenarios whose slug is not there yet; edited or archived ones stay as
// their users left them.
func (db *DB) SeedScenarios(ctx context.Context, lib []models.Scenario) error {
	for _, s := range lib {
		rec := scenarioRecord{Slug: s.Slug, Difficulty: s.Difficulty, DurationMinutes: s.DurationMinutes, Text: s.Text, BuiltIn: true}
		if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rec).Error; err != nil {
			return err
		}
	}
	return nil
}

// ListScenarios returns the scenarios by difficulty, then slug; archived ones only when asked. A library is
// small: MaxPageLimit at most.
func (db *DB) ListScenarios(ctx context.Context, archived bool) ([]models.Scenario, error) {
	q := db.with(ctx)
	if !archived {
		q = q.Where("archived = ?", false)
	}
	var recs []scenarioRecord
	if err := (Page{}).Apply(q.Order("difficulty, slug, id")).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.Scenario, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// ScenarioByID returns one scenario.
func (db *DB) ScenarioByID(ctx context.Context, id int64) (*models.Scenario, error) {
	var rec scenarioRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "scenario")
	}
	s := rec.model()
	return &s, nil
}

// SaveScenario creates a scenario (ID 0) or replaces one's content, and returns it as it was before (nil for a
// new one). A slug already taken is ECONFLICT.
func (db *DB) SaveScenario(ctx context.Context, s models.Scenario, by int64) (before, after *models.Scenario, err error) {
	rec := scenarioRecord{ID: s.ID, Slug: s.Slug, Difficulty: s.Difficulty, DurationMinutes: s.DurationMinutes, Text: s.Text,
		Archived: s.Archived, CreatedBy: &by}
	if s.ID == 0 {
		if err := db.with(ctx).Create(&rec).Error; err != nil {
			return nil, nil, conflict(err, "A scenario with this slug exists already.")
		}
		a := rec.model()
		return nil, &a, nil
	}
	b, err := db.ScenarioByID(ctx, s.ID)
	if err != nil {
		return nil, nil, err
	}
	err = db.with(ctx).Model(&scenarioRecord{ID: s.ID}).Select("slug", "difficulty", "duration_minutes", "text", "archived", "updated_at").
		Updates(&rec).Error
	if err != nil {
		return nil, nil, conflict(err, "A scenario with this slug exists already.")
	}
	a, err := db.ScenarioByID(ctx, s.ID)
	return b, a, err
}

// conflict turns a unique-key violation of the slug into ECONFLICT with msg, naming the field.
func conflict(err error, msg string) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		e := models.Errorf(models.ECONFLICT, "%s", msg)
		e.Fields = []models.FieldError{{Field: "slug", Message: "is taken by another scenario"}}
		return e
	}
	return err
}

package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

// OnboardingTaskRecord is one task of a hire's checklist.
type OnboardingTaskRecord struct {
	ID         int64      `gorm:"primaryKey" json:"id"`
	EmployeeID int64      `json:"employee_id"`
	Key        string     `json:"key"`
	Title      string     `json:"title"`
	DueAt      time.Time  `json:"due_at"`
	Assignee   string     `json:"assignee"`
	DoneAt     *time.Time `json:"done_at"`
	DoneBy     *int64     `json:"done_by"`
}

// TableName names the table.
func (OnboardingTaskRecord) TableName() string { return "onboarding_tasks" }

// CreateOnboarding writes a hire's checklist from a template, once (a retry adds nothing).
func (db *DB) CreateOnboarding(ctx context.Context, employeeID int64, tasks []models.OnboardingTask, start time.Time) error {
	for _, t := range tasks {
		rec := OnboardingTaskRecord{EmployeeID: employeeID, Key: t.Key, Title: t.Title, DueAt: t.DueAt(start), Assignee: t.Assignee}
		if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rec).Error; err != nil {
			return err
		}
	}
	return nil
}

// OnboardingTasks returns a hire's checklist in due order, MaxPageLimit tasks at most.
func (db *DB) OnboardingTasks(ctx context.Context, employeeID int64) ([]OnboardingTaskRecord, error) {
	out := []OnboardingTaskRecord{}
	err := (Page{}).Apply(db.with(ctx).Where("employee_id = ?", employeeID).Order("due_at, id")).Find(&out).Error
	return out, err
}

// OnboardingTask returns one task.
func (db *DB) OnboardingTask(ctx context.Context, id int64) (*OnboardingTaskRecord, error) {
	var t OnboardingTaskRecord
	if err := db.with(ctx).First(&t, id).Error; err != nil {
		return nil, notFound(err, "onboarding task")
	}
	return &t, nil
}

// CompleteTask ticks a task off; ticking it twice is ECONFLICT.
func (db *DB) CompleteTask(ctx context.Context, id, by int64) error {
	res := db.with(ctx).Model(&OnboardingTaskRecord{}).Where("id = ? AND done_at IS NULL", id).
		Updates(map[string]any{"done_at": time.Now().UTC(), "done_by": by})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ECONFLICT, "This task is done already.")
	}
	return nil
}

package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

type interviewRecord struct {
	ID              int64 `gorm:"primaryKey"`
	OpeningID       int64
	Kind            string
	ScenarioID      *int64
	StartsAt        time.Time
	DurationMinutes int
	Location        string
	VideoURL        string `gorm:"column:video_url"`
	Status          string
	Sequence        int
	OrganizerID     int64
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (interviewRecord) TableName() string { return "interviews" }

type interviewerRecord struct {
	InterviewID int64 `gorm:"primaryKey"`
	UserID      int64 `gorm:"primaryKey"`
	Excused     bool
}

func (interviewerRecord) TableName() string { return "interview_interviewers" }

type interviewCandidateRecord struct {
	InterviewID   int64 `gorm:"primaryKey"`
	ApplicationID int64 `gorm:"primaryKey"`
	Response      string
}

func (interviewCandidateRecord) TableName() string { return "interview_candidates" }

// CreateInterview stores an interview with its interviewers and candidates, and sets its ID.
func (db *DB) CreateInterview(ctx context.Context, iv *models.Interview) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		rec := interviewRecord{OpeningID: iv.OpeningID, Kind: string(iv.Kind), ScenarioID: iv.ScenarioID, StartsAt: iv.StartsAt.UTC(),
			DurationMinutes: iv.DurationMinutes, Location: iv.Location, VideoURL: iv.VideoURL, Status: string(models.InterviewScheduled),
			OrganizerID: iv.OrganizerID}
		if err := tx.Create(&rec).Error; err != nil {
			return err
		}
		iv.ID, iv.Status, iv.CreatedAt = rec.ID, models.InterviewScheduled, rec.CreatedAt
		for _, a := range iv.ApplicationIDs {
			if err := tx.Create(&interviewCandidateRecord{InterviewID: rec.ID, ApplicationID: a}).Error; err != nil {
				return err
			}
		}
		return setInterviewers(tx, rec.ID, iv.InterviewerIDs)
	})
}

func setInterviewers(tx *gorm.DB, interviewID int64, ids []int64) error {
	if err := tx.Where("interview_id = ?", interviewID).Delete(&interviewerRecord{}).Error; err != nil {
		return err
	}
	for _, u := range ids {
		if err := tx.Create(&interviewerRecord{InterviewID: interviewID, UserID: u}).Error; err != nil {
			return err
		}
	}
	return nil
}

// InterviewByID returns one interview with its interviewers and candidates.
func (db *DB) InterviewByID(ctx context.Context, id int64) (*models.Interview, error) {
	var rec interviewRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "interview")
	}
	iv := &models.Interview{ID: rec.ID, OpeningID: rec.OpeningID, Kind: models.InterviewKind(rec.Kind), ScenarioID: rec.ScenarioID,
		StartsAt: rec.StartsAt, DurationMinutes: rec.DurationMinutes, Location: rec.Location, VideoURL: rec.VideoURL,
		Status: models.InterviewStatus(rec.Status), Sequence: rec.Sequence, OrganizerID: rec.OrganizerID, CreatedAt: rec.CreatedAt,
		InterviewerIDs: []int64{}, ApplicationIDs: []int64{}}
	var ivs []interviewerRecord
	if err := db.with(ctx).Where("interview_id = ?", id).Order("user_id").Find(&ivs).Error; err != nil {
		return nil, err
	}
	for _, r := range ivs {
		iv.InterviewerIDs = append(iv.InterviewerIDs, r.UserID)
	}
	var cs []interviewCandidateRecord
	if err := db.with(ctx).Where("interview_id = ?", id).Order("application_id").Find(&cs).Error; err != nil {
		return nil, err
	}
	for _, r := range cs {
		iv.ApplicationIDs = append(iv.ApplicationIDs, r.ApplicationID)
	}
	return iv, nil
}

// InterviewsOf lists the interviews an application is in, newest first.
func (db *DB) InterviewsOf(ctx context.Context, applicationID int64) ([]*models.Interview, error) {
	var ids []int64
	err := db.with(ctx).Model(&interviewCandidateRecord{}).Where("application_id = ?", applicationID).
		Order("interview_id DESC").Pluck("interview_id", &ids).Error
	if err != nil {
		return nil, err
	}
	out := make([]*models.Interview, 0, len(ids))
	for _, id := range ids {
		iv, err := db.InterviewByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, iv)
	}
	return out, nil
}

// RescheduleInterview replaces a scheduled interview's time, place, interviewers and scenario and raises its
// sequence; a cancelled interview is ECONFLICT.
func (db *DB) RescheduleInterview(ctx context.Context, id int64, p models.InterviewPlan) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&interviewRecord{}).Where("id = ? AND status = ?", id, string(models.InterviewScheduled)).Updates(map[string]any{
			"starts_at": p.StartsAt.UTC(), "duration_minutes": p.DurationMinutes, "location": p.Location, "video_url": p.VideoURL,
			"scenario_id": p.ScenarioID, "sequence": gorm.Expr("sequence + 1"), "updated_at": time.Now().UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return models.Errorf(models.ECONFLICT, "This interview was cancelled; schedule a new one.")
		}
		return setInterviewers(tx, id, p.InterviewerIDs)
	})
}

// CancelInterview cancels a scheduled interview and raises its sequence; cancelling twice is ECONFLICT.
func (db *DB) CancelInterview(ctx context.Context, id int64) error {
	res := db.with(ctx).Model(&interviewRecord{}).Where("id = ? AND status = ?", id, string(models.InterviewScheduled)).Updates(map[string]any{
		"status": string(models.InterviewCancelled), "sequence": gorm.Expr("sequence + 1"), "updated_at": time.Now().UTC()})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ECONFLICT, "This interview is already cancelled.")
	}
	return nil
}

package store

import (
	"context"
	"errors"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

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
	RequestKey      *string
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

func (interviewRecord) TableName() string { return "interviews" }

type interviewerRecord struct {
	InterviewID  int64 `gorm:"primaryKey"`
	UserID       int64 `gorm:"primaryKey"`
	Excused      bool
	ExcuseReason string
	ExcusedBy    *int64
}

func (interviewerRecord) TableName() string { return "interview_interviewers" }

type interviewCandidateRecord struct {
	InterviewID   int64 `gorm:"primaryKey"`
	ApplicationID int64 `gorm:"primaryKey"`
	Response      string
	ResponseNote  string
	RespondedAt   *time.Time
}

func (interviewCandidateRecord) TableName() string { return "interview_candidates" }

// CreateInterview stores an interview with its interviewers and candidates, and sets its ID.
func (db *DB) CreateInterview(ctx context.Context, iv *models.Interview) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		rec := interviewRecord{OpeningID: iv.OpeningID, Kind: string(iv.Kind), ScenarioID: iv.ScenarioID, StartsAt: iv.StartsAt.UTC(),
			DurationMinutes: iv.DurationMinutes, Location: iv.Location, VideoURL: iv.VideoURL, Status: string(models.InterviewScheduled),
			OrganizerID: iv.OrganizerID}
		if iv.RequestKey != "" {
			rec.RequestKey = &iv.RequestKey
		}
		if err := tx.Create(&rec).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) && iv.RequestKey != "" {
				return models.Errorf(models.ECONFLICT, "This request has scheduled an interview already.")
			}
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

// setInterviewers makes ids the interview's panel; those who stay on it keep their excuse.
func setInterviewers(tx *gorm.DB, interviewID int64, ids []int64) error {
	if err := tx.Where("interview_id = ? AND user_id NOT IN ?", interviewID, append([]int64{0}, ids...)).Delete(&interviewerRecord{}).Error; err != nil {
		return err
	}
	for _, u := range ids {
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&interviewerRecord{InterviewID: interviewID, UserID: u}).Error; err != nil {
			return err
		}
	}
	return nil
}

// InterviewByID returns one interview with its interviewers and candidates.
func (db *DB) InterviewByID(ctx context.Context, id int64) (*models.Interview, error) {
	ivs, err := db.interviews(ctx, func(q *gorm.DB) *gorm.DB { return q.Where("id = ?", id) })
	if err != nil {
		return nil, err
	}
	if len(ivs) == 0 {
		return nil, models.Errorf(models.ENOTFOUND, "No such interview.")
	}
	return ivs[0], nil
}

// interviews loads the interviews a query selects, with their panels and candidates, in three queries.
func (db *DB) interviews(ctx context.Context, where func(*gorm.DB) *gorm.DB) ([]*models.Interview, error) {
	var recs []interviewRecord
	if err := where(db.with(ctx).Model(&interviewRecord{})).Order("starts_at DESC, id DESC").Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]*models.Interview, 0, len(recs))
	if len(recs) == 0 {
		return out, nil
	}
	ids := make([]int64, len(recs))
	byID := map[int64]*models.Interview{}
	for i, rec := range recs {
		ids[i] = rec.ID
		iv := &models.Interview{ID: rec.ID, OpeningID: rec.OpeningID, Kind: models.InterviewKind(rec.Kind), ScenarioID: rec.ScenarioID,
			StartsAt: rec.StartsAt, DurationMinutes: rec.DurationMinutes, Location: rec.Location, VideoURL: rec.VideoURL,
			Status: models.InterviewStatus(rec.Status), Sequence: rec.Sequence, OrganizerID: rec.OrganizerID, CreatedAt: rec.CreatedAt,
			InterviewerIDs: []int64{}, ApplicationIDs: []int64{}, Excused: map[int64]string{}, Responses: map[int64]models.CandidateResponse{}}
		byID[rec.ID] = iv
		out = append(out, iv)
	}
	for chunk := range slices.Chunk(ids, 500) {
		var panel []interviewerRecord
		if err := db.with(ctx).Where("interview_id IN ?", chunk).Order("user_id").Find(&panel).Error; err != nil {
			return nil, err
		}
		for _, r := range panel {
			iv := byID[r.InterviewID]
			iv.InterviewerIDs = append(iv.InterviewerIDs, r.UserID)
			if r.Excused {
				iv.Excused[r.UserID] = r.ExcuseReason
			}
		}
		var cands []interviewCandidateRecord
		if err := db.with(ctx).Where("interview_id IN ?", chunk).Order("application_id").Find(&cands).Error; err != nil {
			return nil, err
		}
		for _, r := range cands {
			iv := byID[r.InterviewID]
			iv.ApplicationIDs = append(iv.ApplicationIDs, r.ApplicationID)
			if r.Response != "" {
				iv.Responses[r.ApplicationID] = models.CandidateResponse{Response: r.Response, Note: r.ResponseNote, At: r.RespondedAt}
			}
		}
	}
	return out, nil
}

// InterviewsOf lists the interviews an application is in, newest first.
func (db *DB) InterviewsOf(ctx context.Context, applicationID int64) ([]*models.Interview, error) {
	return db.interviews(ctx, func(q *gorm.DB) *gorm.DB {
		// An application has a handful of interviews (first, second, group): the cap only guards the read.
		return q.Where("id IN (?)", db.with(ctx).Model(&interviewCandidateRecord{}).Select("interview_id").Where("application_id = ?", applicationID)).
			Limit(MaxPageLimit)
	})
}

// SlateApplications returns, with their candidates, an opening's applications standing in stages and the
// applications named by ids whatever their stage, in one query, each by the time it entered its stage.
func (db *DB) SlateApplications(ctx context.Context, openingID int64, stages []models.Stage, ids []int64) ([]*models.Application, error) {
	names := make([]string, len(stages))
	for i, st := range stages {
		names[i] = string(st)
	}
	var recs []applicationRecord
	if err := db.with(ctx).Preload("Candidate").Where("(opening_id = ? AND stage IN ?) OR id IN ?", openingID, append(names, ""), append(slices.Clip(ids), 0)).
		Order("stage_entered_at, id").Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]*models.Application, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// InterviewsOfOpening lists an opening's interviews, newest first.
func (db *DB) InterviewsOfOpening(ctx context.Context, openingID int64) ([]*models.Interview, error) {
	return db.interviews(ctx, func(q *gorm.DB) *gorm.DB { return q.Where("opening_id = ?", openingID) })
}

// InterviewsOfInterviewer lists the scheduled interviews a user sits on that end after since, newest first.
func (db *DB) InterviewsOfInterviewer(ctx context.Context, userID int64, since time.Time) ([]*models.Interview, error) {
	return db.interviews(ctx, func(q *gorm.DB) *gorm.DB {
		return q.Where("status = ? AND starts_at > ? AND id IN (?)", string(models.InterviewScheduled), since.UTC().Add(-4*time.Hour),
			db.with(ctx).Model(&interviewerRecord{}).Select("interview_id").Where("user_id = ?", userID))
	})
}

// NextInterviewOf returns the application's scheduled interview that starts soonest after now, or the
// latest cancelled one if none is scheduled (so a candidate's link can say it was cancelled); ENOTFOUND if it has none.
func (db *DB) NextInterviewOf(ctx context.Context, applicationID int64, now time.Time) (*models.Interview, error) {
	ivs, err := db.InterviewsOf(ctx, applicationID)
	if err != nil {
		return nil, err
	}
	var next, cancelled *models.Interview
	for _, iv := range ivs {
		switch {
		case iv.Status == models.InterviewScheduled && iv.StartsAt.After(now) && (next == nil || iv.StartsAt.Before(next.StartsAt)):
			next = iv
		case iv.Status == models.InterviewCancelled && cancelled == nil:
			cancelled = iv
		}
	}
	if next == nil {
		next = cancelled
	}
	if next == nil {
		return nil, models.Errorf(models.ENOTFOUND, "There is no interview to answer.")
	}
	return next, nil
}

// ExcuseInterviewer excuses one of an interview's panel from scoring it; excusing twice is ECONFLICT.
func (db *DB) ExcuseInterviewer(ctx context.Context, interviewID, userID, by int64, reason string) error {
	res := db.with(ctx).Model(&interviewerRecord{}).Where("interview_id = ? AND user_id = ? AND excused = ?", interviewID, userID, false).
		Updates(map[string]any{"excused": true, "excuse_reason": reason, "excused_by": by})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ECONFLICT, "This interviewer is already excused.")
	}
	return nil
}

// RespondToInterview records a candidate's answer to an interview invitation.
func (db *DB) RespondToInterview(ctx context.Context, interviewID, applicationID int64, response, note string) error {
	now := time.Now().UTC()
	return db.with(ctx).Model(&interviewCandidateRecord{}).Where("interview_id = ? AND application_id = ?", interviewID, applicationID).
		Updates(map[string]any{"response": response, "response_note": note, "responded_at": now}).Error
}

// ScenarioUse counts the opening's first interviews (not cancelled) per scenario, for the rotation.
func (db *DB) ScenarioUse(ctx context.Context, openingID int64) (map[int64]int, error) {
	var rows []struct {
		ScenarioID int64
		N          int
	}
	err := db.with(ctx).Model(&interviewRecord{}).Select("scenario_id, COUNT(*) AS n").
		Where("opening_id = ? AND kind = ? AND status = ? AND scenario_id IS NOT NULL", openingID, string(models.InterviewFirst), string(models.InterviewScheduled)).
		Group("scenario_id").Scan(&rows).Error
	out := map[int64]int{}
	for _, r := range rows {
		out[r.ScenarioID] = r.N
	}
	return out, err
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
		// A new time asks the candidates again.
		if err := tx.Model(&interviewCandidateRecord{}).Where("interview_id = ?", id).
			Updates(map[string]any{"response": "", "response_note": "", "responded_at": nil}).Error; err != nil {
			return err
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

// InterviewRubric is the rubric an interview is scored on, in locale: the group rubric for a group
// interview, else its scenario's, else the standard negotiation rubric.
func (db *DB) InterviewRubric(ctx context.Context, iv *models.Interview, locale string) (models.Rubric, error) {
	if iv.Kind == models.InterviewGroup {
		return models.GroupRubric(locale), nil
	}
	if iv.ScenarioID != nil {
		sc, err := db.ScenarioByID(ctx, *iv.ScenarioID)
		if err != nil {
			return models.Rubric{}, err
		}
		return sc.In(locale).Rubric, nil
	}
	return models.DefaultRubric(locale), nil
}

// InterviewByRequestKey returns the interview an organizer's request with this Idempotency-Key scheduled, or
// ENOTFOUND.
func (db *DB) InterviewByRequestKey(ctx context.Context, organizerID int64, key string) (*models.Interview, error) {
	var rec interviewRecord
	if err := db.with(ctx).Where("organizer_id = ? AND request_key = ?", organizerID, key).First(&rec).Error; err != nil {
		return nil, notFound(err, "interview")
	}
	return db.InterviewByID(ctx, rec.ID)
}

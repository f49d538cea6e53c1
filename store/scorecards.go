package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

// ScorecardRecord is one interviewer's submitted scorecard for one candidate in one interview.
type ScorecardRecord struct {
	ID             int64 `gorm:"primaryKey"`
	InterviewID    int64
	ApplicationID  int64
	InterviewerID  int64
	Ratings        []models.Rating `gorm:"serializer:json"`
	Recommendation string
	Notes          string
	Edits          int
	SubmittedAt    time.Time
	UpdatedAt      time.Time
}

// TableName names the table.
func (ScorecardRecord) TableName() string { return "scorecards" }

// Card returns the scorecard as the models package scores it.
func (r ScorecardRecord) Card() models.Scorecard {
	return models.Scorecard{InterviewerID: r.InterviewerID, Ratings: r.Ratings, Recommendation: models.Recommendation(r.Recommendation), Notes: r.Notes}
}

// SubmitScorecard stores an interviewer's scorecard once; a second submission is ECONFLICT (edit it instead).
func (db *DB) SubmitScorecard(ctx context.Context, interviewID, applicationID int64, card models.Scorecard) (*ScorecardRecord, error) {
	now := time.Now().UTC()
	rec := ScorecardRecord{InterviewID: interviewID, ApplicationID: applicationID, InterviewerID: card.InterviewerID, Ratings: card.Ratings,
		Recommendation: string(card.Recommendation), Notes: card.Notes, SubmittedAt: now, UpdatedAt: now}
	if err := db.with(ctx).Create(&rec).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return nil, models.Errorf(models.ECONFLICT, "You have already submitted this scorecard; edit it instead (the edit is recorded).")
		}
		return nil, err
	}
	return &rec, nil
}

// EditScorecard replaces a submitted scorecard, counting the edit, and returns it as it was before.
func (db *DB) EditScorecard(ctx context.Context, interviewID, applicationID int64, card models.Scorecard) (before, after *ScorecardRecord, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var rec ScorecardRecord
		err := tx.Where("interview_id = ? AND application_id = ? AND interviewer_id = ?", interviewID, applicationID, card.InterviewerID).First(&rec).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return models.Errorf(models.ENOTFOUND, "You have not submitted this scorecard yet.")
		}
		if err != nil {
			return err
		}
		b := rec
		before = &b
		rec.Ratings, rec.Recommendation, rec.Notes, rec.Edits, rec.UpdatedAt = card.Ratings, string(card.Recommendation), card.Notes, rec.Edits+1, time.Now().UTC()
		if err := tx.Model(&rec).Select("ratings", "recommendation", "notes", "edits", "updated_at").Updates(&rec).Error; err != nil {
			return err
		}
		after = &rec
		return nil
	})
	return before, after, err
}

// Scorecards returns the scorecards of one candidate in one interview, by interviewer.
func (db *DB) Scorecards(ctx context.Context, interviewID, applicationID int64) ([]ScorecardRecord, error) {
	var out []ScorecardRecord
	err := db.with(ctx).Where("interview_id = ? AND application_id = ?", interviewID, applicationID).Order("interviewer_id").Find(&out).Error
	return out, err
}

// CompleteFirstRounds returns the applications of an opening whose first interview has a scorecard from
// every interviewer of its panel not excused: the complete first-round results the slate rule counts. It reads
// the opening's interviews, panels, candidates and scorecards in four queries, however many interviews there are.
func (db *DB) CompleteFirstRounds(ctx context.Context, openingID int64) (map[int64]bool, error) {
	var ids []int64
	err := db.with(ctx).Model(&interviewRecord{}).Where("opening_id = ? AND kind = ? AND status = ?", openingID,
		string(models.InterviewFirst), string(models.InterviewScheduled)).Pluck("id", &ids).Error
	out := map[int64]bool{}
	if err != nil || len(ids) == 0 {
		return out, err
	}
	var panel []interviewerRecord
	if err := db.with(ctx).Where("interview_id IN ? AND excused = ?", ids, false).Find(&panel).Error; err != nil {
		return nil, err
	}
	var cands []interviewCandidateRecord
	if err := db.with(ctx).Where("interview_id IN ?", ids).Find(&cands).Error; err != nil {
		return nil, err
	}
	var cards []ScorecardRecord
	if err := db.with(ctx).Select("interview_id, application_id, interviewer_id").Where("interview_id IN ?", ids).Find(&cards).Error; err != nil {
		return nil, err
	}
	type seat struct{ interview, user int64 }
	onPanel := map[seat]bool{}
	size := map[int64]int{}
	for _, p := range panel {
		onPanel[seat{p.InterviewID, p.UserID}] = true
		size[p.InterviewID]++
	}
	type result struct{ interview, application int64 }
	scored := map[result]int{}
	for _, c := range cards {
		if onPanel[seat{c.InterviewID, c.InterviewerID}] {
			scored[result{c.InterviewID, c.ApplicationID}]++
		}
	}
	for _, c := range cands {
		if n := size[c.InterviewID]; n > 0 && scored[result{c.InterviewID, c.ApplicationID}] == n {
			out[c.ApplicationID] = true
		}
	}
	return out, nil
}

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
	// One per panel member at most: the cap only guards against an unbounded read.
	err := db.with(ctx).Where("interview_id = ? AND application_id = ?", interviewID, applicationID).Order("interviewer_id").
		Limit(MaxPageLimit).Find(&out).Error
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

type interviewResultRecord struct {
	InterviewID   int64                  `gorm:"primaryKey"`
	ApplicationID int64                  `gorm:"primaryKey"`
	Result        models.InterviewResult `gorm:"serializer:json"`
	Complete      bool
	ComputedAt    time.Time
}

func (interviewResultRecord) TableName() string { return "interview_results" }

// ResultKey names one candidate's result in one interview.
type ResultKey struct{ InterviewID, ApplicationID int64 }

// StoredResult is a panel's combined result as the application's workflow stored it.
type StoredResult struct {
	Result     models.InterviewResult
	Complete   bool
	ComputedAt time.Time
}

// SetInterviewResult stores (or replaces) a candidate's combined result in an interview.
func (db *DB) SetInterviewResult(ctx context.Context, interviewID, applicationID int64, r models.InterviewResult, complete bool) error {
	rec := interviewResultRecord{InterviewID: interviewID, ApplicationID: applicationID, Result: r, Complete: complete, ComputedAt: time.Now().UTC()}
	return db.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&rec).Error
}

// InterviewResults returns the stored results of the interviews named.
func (db *DB) InterviewResults(ctx context.Context, interviewIDs []int64) (map[ResultKey]StoredResult, error) {
	out := map[ResultKey]StoredResult{}
	for chunk := range slices.Chunk(interviewIDs, 500) {
		var recs []interviewResultRecord
		if err := db.with(ctx).Where("interview_id IN ?", chunk).Find(&recs).Error; err != nil {
			return nil, err
		}
		for _, r := range recs {
			out[ResultKey{r.InterviewID, r.ApplicationID}] = StoredResult{Result: r.Result, Complete: r.Complete, ComputedAt: r.ComputedAt}
		}
	}
	return out, nil
}

// ScorecardsOfInterviews returns every scorecard of the interviews named, by interview, candidate and
// interviewer.
func (db *DB) ScorecardsOfInterviews(ctx context.Context, interviewIDs []int64) ([]ScorecardRecord, error) {
	var out []ScorecardRecord
	for chunk := range slices.Chunk(interviewIDs, 500) {
		var recs []ScorecardRecord
		if err := db.with(ctx).Where("interview_id IN ?", chunk).Order("interview_id, application_id, interviewer_id").Find(&recs).Error; err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

// CalibrationData reads what interviewer calibration measures: every scorecard of scheduled interviews (of
// one opening, or all when openingID is 0) with its interview's end, and per interviewer the scorecards still
// owed for interviews that ended before now.
func (db *DB) CalibrationData(ctx context.Context, openingID int64, now time.Time) ([]models.CalibrationCard, map[int64]int, error) {
	ivs, err := db.interviews(ctx, func(q *gorm.DB) *gorm.DB {
		q = q.Where("status = ?", string(models.InterviewScheduled))
		if openingID != 0 {
			q = q.Where("opening_id = ?", openingID)
		}
		return q
	})
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(ivs))
	for i, iv := range ivs {
		ids[i] = iv.ID
	}
	recs, err := db.ScorecardsOfInterviews(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*models.Interview{}
	for _, iv := range ivs {
		byID[iv.ID] = iv
	}
	type seat struct{ interview, application, user int64 }
	scored := map[seat]bool{}
	cards := make([]models.CalibrationCard, 0, len(recs))
	for _, r := range recs {
		scored[seat{r.InterviewID, r.ApplicationID, r.InterviewerID}] = true
		cards = append(cards, models.CalibrationCard{InterviewerID: r.InterviewerID, InterviewID: r.InterviewID, ApplicationID: r.ApplicationID,
			Ratings: r.Ratings, EndsAt: byID[r.InterviewID].Ends(), SubmittedAt: r.SubmittedAt})
	}
	pending := map[int64]int{}
	for _, iv := range ivs {
		if iv.Ends().After(now) {
			continue
		}
		for _, u := range iv.Owed() {
			for _, a := range iv.ApplicationIDs {
				if !scored[seat{iv.ID, a, u}] {
					pending[u]++
				}
			}
		}
	}
	return cards, pending, nil
}

package store

import (
	"context"
	"slices"
	"time"

	"github.com/bullpen-hq/bullpen/models"
)

// ActivitiesOf returns every activity of the reps named between from and to (to exclusive), in no order:
// only the columns the dashboard counts.
func (db *DB) ActivitiesOf(ctx context.Context, repIDs []int64, from, to time.Time) ([]models.SalesActivity, error) {
	var out []models.SalesActivity
	for chunk := range slices.Chunk(repIDs, 500) {
		var recs []activityRecord
		if err := db.with(ctx).Select("rep_id", "kind", "at", "amount", "currency").
			Where("rep_id IN ? AND at >= ? AND at < ?", chunk, from.UTC(), to.UTC()).Find(&recs).Error; err != nil {
			return nil, err
		}
		for i := range recs {
			out = append(out, recs[i].model())
		}
	}
	return out, nil
}

// PlansOfMonth returns the month's plans set for employees, by employee.
func (db *DB) PlansOfMonth(ctx context.Context, month time.Time) (map[int64]MonthlyPlanRecord, error) {
	var recs []MonthlyPlanRecord
	if err := db.with(ctx).Where("month = ?", models.MonthStart(month)).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := map[int64]MonthlyPlanRecord{}
	for _, r := range recs {
		out[r.EmployeeID] = r
	}
	return out, nil
}

// MeetingsBetween returns the held meetings of the teams named between from and to.
func (db *DB) MeetingsBetween(ctx context.Context, teamIDs []int64, from, to time.Time) ([]MeetingRecord, error) {
	out := []MeetingRecord{}
	err := db.with(ctx).Where("team_id IN ? AND status = ? AND at >= ? AND at < ?", teamIDs, "held", from.UTC(), to.UTC()).Order("at").Find(&out).Error
	return out, err
}

// TeamMembers returns the members of the teams named, by team.
func (db *DB) TeamMembers(ctx context.Context, teamIDs []int64) (map[int64][]int64, error) {
	var rows []teamMemberRecord
	if err := db.with(ctx).Where("team_id IN ?", teamIDs).Order("user_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := map[int64][]int64{}
	for _, r := range rows {
		out[r.TeamID] = append(out[r.TeamID], r.UserID)
	}
	return out, nil
}

// FirstInterviewResults returns, per application, its complete first-interview result.
func (db *DB) FirstInterviewResults(ctx context.Context, applicationIDs []int64) (map[int64]models.InterviewResult, error) {
	out := map[int64]models.InterviewResult{}
	for chunk := range slices.Chunk(applicationIDs, 500) {
		var recs []interviewResultRecord
		if err := db.with(ctx).Where("application_id IN ? AND complete = ? AND interview_id IN (?)", chunk, true,
			db.with(ctx).Model(&interviewRecord{}).Select("id").Where("kind = ?", string(models.InterviewFirst))).
			Order("computed_at").Find(&recs).Error; err != nil {
			return nil, err
		}
		for _, r := range recs {
			out[r.ApplicationID] = r.Result
		}
	}
	return out, nil
}

// EarlyStatements returns the employees' statements for their first months (month_index up to months).
func (db *DB) EarlyStatements(ctx context.Context, months int) ([]StatementRecord, error) {
	var out []StatementRecord
	err := db.with(ctx).Where("month_index <= ?", months).Order("employee_id, month_index").Find(&out).Error
	return out, err
}

// LastWorkOn returns, per client, when the rep last logged work on it.
func (db *DB) LastWorkOn(ctx context.Context, repID int64) (map[int64]time.Time, error) {
	var rows []struct {
		AccountID int64
		At        time.Time
	}
	if err := db.with(ctx).Model(&activityRecord{}).Select("account_id, at").Where("rep_id = ?", repID).Order("at").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := map[int64]time.Time{}
	for _, r := range rows {
		out[r.AccountID] = r.At
	}
	return out, nil
}

// SeedActivities writes activities in batches, as they are (owners not checked): for demo and benchmark data
// whose clients already have their owners.
func (db *DB) SeedActivities(ctx context.Context, acts []models.SalesActivity) error {
	recs := make([]activityRecord, len(acts))
	for i, a := range acts {
		recs[i] = activityRecord{AccountID: a.AccountID, RepID: a.RepID, Kind: string(a.Kind), At: a.At.UTC(), Amount: a.Amount, Currency: a.Currency,
			Notes: a.Notes, CreatedAt: a.At.UTC()}
	}
	return db.with(ctx).CreateInBatches(recs, 500).Error
}

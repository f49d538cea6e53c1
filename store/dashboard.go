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

// ActivityTally is how many activities of one kind (and currency) a rep logged on one day (UTC), and the
// amount they add up to.
type ActivityTally struct {
	RepID    int64
	Day      string // YYYY-MM-DD
	Kind     models.ActivityKind
	Currency string
	N        int
	Amount   float64
}

// ActivityTallies counts the activities of the reps named between from and to (to exclusive) per rep, day, kind
// and currency, in the database: the dashboard's picture without reading every activity.
func (db *DB) ActivityTallies(ctx context.Context, repIDs []int64, from, to time.Time) ([]ActivityTally, error) {
	day := "CAST(at AT TIME ZONE 'UTC' AS DATE)" // read as a time, which scans into a string as RFC 3339
	if db.dialect == DialectSQLite {
		day = "substr(at, 1, 10)" // times are written in UTC, "2006-01-02 15:04:05...+00:00"
	}
	var out []ActivityTally
	for chunk := range slices.Chunk(repIDs, 500) {
		var rows []ActivityTally
		if err := db.with(ctx).Model(&activityRecord{}).
			Select("rep_id, "+day+" AS day, kind, currency, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount").
			Where("rep_id IN ? AND at >= ? AND at < ?", chunk, from.UTC(), to.UTC()).
			Group("rep_id, " + day + ", kind, currency").Scan(&rows).Error; err != nil {
			return nil, err
		}
		for i := range rows { // a date (and SQLite's date-like text) scans into a string as an RFC 3339 time
			rows[i].Day = rows[i].Day[:min(len(rows[i].Day), len(time.DateOnly))]
		}
		out = append(out, rows...)
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

// PlansOfMonthByUser returns the month's plans by the user of the employee they were set for (a user hired twice:
// the plan of their first employee record that has one), reading only the plans and their employees' users.
func (db *DB) PlansOfMonthByUser(ctx context.Context, month time.Time) (map[int64]models.MonthlyPlan, error) {
	var rows []struct {
		UserID   int64
		Meetings int
		Calls    int
	}
	if err := db.with(ctx).Table("monthly_plans AS p").Select("e.user_id, p.meetings, p.calls").
		Joins("JOIN employees e ON e.id = p.employee_id").Where("p.month = ?", models.MonthStart(month)).
		Order("e.id DESC").Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := map[int64]models.MonthlyPlan{}
	for _, r := range rows {
		out[r.UserID] = models.MonthlyPlan{Meetings: r.Meetings, Calls: r.Calls}
	}
	return out, nil
}

// GreetingCall is when a greeting's call was due and when it was made.
type GreetingCall struct {
	OwnerID    int64
	Day        time.Time
	CallDoneAt *time.Time
}

// GreetingCalls returns the greeting calls due from from to to (by day, inclusive), only the columns the
// dashboard's discipline counts.
func (db *DB) GreetingCalls(ctx context.Context, from, to time.Time) ([]GreetingCall, error) {
	var out []GreetingCall
	err := db.with(ctx).Model(&Greeting{}).Select("owner_id, day, call_done_at").Where("day >= ? AND day <= ?", from.UTC(), to.UTC()).
		Scan(&out).Error
	return out, err
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

// EarlyStatements returns the employees' statements for their first months (month_index up to months): only
// their IDs, employees, month indexes and evaluations, what the hiring dashboard's predictors read.
func (db *DB) EarlyStatements(ctx context.Context, months int) ([]StatementRecord, error) {
	var out []StatementRecord
	err := db.with(ctx).Select("id, employee_id, month_index, evaluation").Where("month_index <= ?", months).Order("employee_id, month_index").
		Find(&out).Error
	return out, err
}

// LastWorkOn returns, per client named, when the rep last logged work on it (clients without the rep's work are
// left out). It reads one row per client, the latest, through the (rep_id, account_id, at) index.
func (db *DB) LastWorkOn(ctx context.Context, repID int64, accountIDs []int64) (map[int64]time.Time, error) {
	out := map[int64]time.Time{}
	for chunk := range slices.Chunk(accountIDs, 500) {
		var rows []struct {
			AccountID int64
			At        time.Time
		}
		if err := db.with(ctx).Raw(`SELECT account_id, at FROM sales_activities WHERE id IN (
			SELECT (SELECT a.id FROM sales_activities a WHERE a.rep_id = ? AND a.account_id = acc.id ORDER BY a.at DESC LIMIT 1)
			FROM accounts acc WHERE acc.id IN ?)`, repID, chunk).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.AccountID] = r.At
		}
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

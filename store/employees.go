package store

import (
	"cmp"
	"context"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

// EmployeeByID returns one employee.
func (db *DB) EmployeeByID(ctx context.Context, id int64) (*EmployeeRecord, error) {
	var e EmployeeRecord
	if err := db.with(ctx).First(&e, id).Error; err != nil {
		return nil, notFound(err, "employee")
	}
	return &e, nil
}

// ListEmployees returns every employee, the latest hires first.
func (db *DB) ListEmployees(ctx context.Context) ([]EmployeeRecord, error) {
	out := []EmployeeRecord{}
	err := db.with(ctx).Order("id DESC").Find(&out).Error
	return out, err
}

// ListEmployeesPage returns the page p of the employees, the latest hires first, and how many there are in all;
// managerID, when not zero, keeps the members of the teams that user manages and those in no team yet.
func (db *DB) ListEmployeesPage(ctx context.Context, managerID int64, p Page) ([]EmployeeRecord, int64, error) {
	out := []EmployeeRecord{}
	q := db.with(ctx)
	if managerID != 0 {
		q = q.Where("(user_id IN (?) OR user_id NOT IN (?))", teamMembersOf(db.with(ctx), managerID),
			db.with(ctx).Table("team_members").Select("user_id"))
	}
	total, err := findPage(q, "id DESC", p, &out)
	return out, total, err
}

// teamMembersOf is the users in the teams a manager manages, as a subquery.
func teamMembersOf(tx *gorm.DB, managerID int64) *gorm.DB {
	return tx.Table("team_members").Select("team_members.user_id").
		Joins("JOIN teams ON teams.id = team_members.team_id").Where("teams.manager_id = ?", managerID)
}

// Manages reports whether managerID manages a team userID is in, or userID is in no team yet (a new hire's
// team is any manager's to see until they join one): another manager's team member is not theirs.
func (db *DB) Manages(ctx context.Context, managerID, userID int64) (bool, error) {
	var mine, teams int64
	if err := teamMembersOf(db.with(ctx), managerID).Where("team_members.user_id = ?", userID).Count(&mine).Error; err != nil {
		return false, err
	}
	err := db.with(ctx).Table("team_members").Where("user_id = ?", userID).Count(&teams).Error
	return mine > 0 || teams == 0, err
}

// EmployeeApplications returns every employee's ID, user and application, the latest hires first: ListEmployees
// without the pay plans.
func (db *DB) EmployeeApplications(ctx context.Context) ([]EmployeeRecord, error) {
	out := []EmployeeRecord{}
	err := db.with(ctx).Select("id, user_id, application_id").Order("id DESC").Find(&out).Error
	return out, err
}

// MonthlyPlanRecord is a rep's plan for one month, set by their manager.
type MonthlyPlanRecord struct {
	EmployeeID int64     `gorm:"primaryKey"`
	Month      time.Time `gorm:"primaryKey"`
	Meetings   int
	Calls      int
	SetBy      int64
	UpdatedAt  time.Time
}

// TableName names the table.
func (MonthlyPlanRecord) TableName() string { return "monthly_plans" }

// SetMonthlyPlan sets (or replaces) a rep's plan for a month.
func (db *DB) SetMonthlyPlan(ctx context.Context, p MonthlyPlanRecord) error {
	p.Month, p.UpdatedAt = models.MonthStart(p.Month), time.Now().UTC()
	return db.with(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&p).Error
}

// MonthlyPlanOf returns a rep's plan for a month, if one was set.
func (db *DB) MonthlyPlanOf(ctx context.Context, employeeID int64, month time.Time) (*MonthlyPlanRecord, error) {
	var p MonthlyPlanRecord
	err := db.with(ctx).Where("employee_id = ? AND month = ?", employeeID, models.MonthStart(month)).First(&p).Error
	if err != nil {
		return nil, notFound(err, "monthly plan")
	}
	return &p, nil
}

// MonthActuals counts a rep's calls and meetings in the month starting at month, and sums the deals won in
// currency.
func (db *DB) MonthActuals(ctx context.Context, userID int64, month time.Time, currency string) (models.MonthlyActuals, float64, error) {
	from := models.MonthStart(month)
	to := from.AddDate(0, 1, 0)
	var rows []struct {
		Kind     string
		Currency string
		N        int
		Amount   float64
	}
	err := db.with(ctx).Model(&activityRecord{}).Select("kind, currency, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount").
		Where("rep_id = ? AND at >= ? AND at < ?", userID, from, to).Group("kind, currency").Scan(&rows).Error
	var a models.MonthlyActuals
	won := 0.0
	for _, r := range rows {
		switch models.ActivityKind(r.Kind) {
		case models.ActivityCall:
			a.Calls += r.N
		case models.ActivityMeeting:
			a.Meetings += r.N
		case models.ActivityDealWon:
			if r.Currency == currency {
				won += r.Amount
			}
		}
	}
	return a, won, err
}

// ExcuseRecord is a rep's excuse for a month below plan, which their manager accepts or refuses.
type ExcuseRecord struct {
	ID         int64      `gorm:"primaryKey" json:"id"`
	EmployeeID int64      `json:"employee_id"`
	Month      time.Time  `json:"month"`
	Reason     string     `json:"reason"`
	Status     string     `json:"status"` // pending, accepted, refused
	FiledAt    time.Time  `json:"filed_at"`
	DecidedBy  *int64     `json:"decided_by"`
	DecidedAt  *time.Time `json:"decided_at"`
}

// TableName names the table.
func (ExcuseRecord) TableName() string { return "excuses" }

// FileExcuse stores a rep's excuse for a month.
func (db *DB) FileExcuse(ctx context.Context, e *ExcuseRecord) error {
	e.Month, e.Status, e.FiledAt = models.MonthStart(e.Month), "pending", time.Now().UTC()
	return db.with(ctx).Create(e).Error
}

// ExcuseByID returns one excuse.
func (db *DB) ExcuseByID(ctx context.Context, id int64) (*ExcuseRecord, error) {
	var e ExcuseRecord
	if err := db.with(ctx).First(&e, id).Error; err != nil {
		return nil, notFound(err, "excuse")
	}
	return &e, nil
}

// DecideExcuse accepts or refuses a pending excuse; one already decided is ECONFLICT.
func (db *DB) DecideExcuse(ctx context.Context, id int64, accept bool, by int64) error {
	status := "refused"
	if accept {
		status = "accepted"
	}
	res := db.with(ctx).Model(&ExcuseRecord{}).Where("id = ? AND status = ?", id, "pending").
		Updates(map[string]any{"status": status, "decided_by": by, "decided_at": time.Now().UTC()})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return models.Errorf(models.ECONFLICT, "This excuse has been decided already.")
	}
	return nil
}

// Excuses returns an employee's excuses, newest first.
func (db *DB) Excuses(ctx context.Context, employeeID int64) ([]ExcuseRecord, error) {
	out := []ExcuseRecord{}
	err := db.with(ctx).Where("employee_id = ?", employeeID).Order("id DESC").Find(&out).Error
	return out, err
}

// MonthExcused reports whether the manager accepted an excuse for the month.
func (db *DB) MonthExcused(ctx context.Context, employeeID int64, month time.Time) (bool, error) {
	var n int64
	err := db.with(ctx).Model(&ExcuseRecord{}).Where("employee_id = ? AND month = ? AND status = ?", employeeID, models.MonthStart(month), "accepted").
		Count(&n).Error
	return n > 0, err
}

// StatementRecord is a month's pay statement: draft until the department head approves it, then immutable.
type StatementRecord struct {
	ID         int64 `gorm:"primaryKey"`
	EmployeeID int64
	Month      time.Time
	MonthIndex int
	Currency   string
	Evaluation models.Evaluation   `gorm:"serializer:json"`
	Statement  models.PayStatement `gorm:"serializer:json"`
	Total      float64
	Status     string // draft, approved
	ApprovedBy *int64
	ApprovedAt *time.Time
	CreatedAt  time.Time
}

// TableName names the table.
func (StatementRecord) TableName() string { return "pay_statements" }

// SaveStatement stores a month's statement once: a retry, or a month already approved, changes nothing.
func (db *DB) SaveStatement(ctx context.Context, s *StatementRecord) error {
	s.Month, s.Status = models.MonthStart(s.Month), "draft"
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(s).Error
}

// statementsOrder lists statements by month, the latest first, then by employee.
const statementsOrder = "month DESC, employee_id, id"

// statementsQuery filters statements by month (zero: every month) and employee (0: everyone's).
func (db *DB) statementsQuery(ctx context.Context, month time.Time, employeeID int64) *gorm.DB {
	q := db.with(ctx).Model(&StatementRecord{})
	if !month.IsZero() {
		q = q.Where("month = ?", models.MonthStart(month))
	}
	if employeeID != 0 {
		q = q.Where("employee_id = ?", employeeID)
	}
	return q
}

// Statements returns the statements of a month (zero: every month), by employee.
func (db *DB) Statements(ctx context.Context, month time.Time, employeeID int64) ([]StatementRecord, error) {
	out := []StatementRecord{}
	err := db.statementsQuery(ctx, month, employeeID).Order(statementsOrder).Find(&out).Error
	return out, err
}

// StatementsPage returns the page p of Statements and how many match in all.
func (db *DB) StatementsPage(ctx context.Context, month time.Time, employeeID int64, p Page) ([]StatementRecord, int64, error) {
	out := []StatementRecord{}
	total, err := findPage(db.statementsQuery(ctx, month, employeeID), statementsOrder, p, &out)
	return out, total, err
}

// ApproveStatements approves draft statements; approved ones stay as they are. It returns how many it approved.
func (db *DB) ApproveStatements(ctx context.Context, ids []int64, by int64) (int64, error) {
	var n int64
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&StatementRecord{}).Where("id IN ? AND status = ?", ids, "draft").
			Updates(map[string]any{"status": "approved", "approved_by": by, "approved_at": time.Now().UTC()})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}

// IdleRep is an active sales rep's last logged work and the working hours since.
type IdleRep struct {
	UserID   int64      `json:"user_id"`
	Name     string     `json:"name"`
	LastWork *time.Time `json:"last_work"`
	Hours    float64    `json:"hours"`
	Idle     bool       `json:"idle"`
}

// IdleWindow is how far back idle detection looks for a rep's last logged work.
const IdleWindow = 30 * 24 * time.Hour

// IdleReps returns the active sales reps whose last logged work (or, if none, the later of their joining and
// IdleWindow ago) is at least threshold working hours before now, most idle first.
func (db *DB) IdleReps(ctx context.Context, now time.Time, threshold float64) ([]IdleRep, error) {
	all, err := db.RepActivity(ctx, now, threshold)
	return slices.DeleteFunc(all, func(r IdleRep) bool { return !r.Idle }), err
}

// RepActivity returns every active sales rep's last logged work within IdleWindow and the working hours since,
// flagged idle at threshold, most idle first.
func (db *DB) RepActivity(ctx context.Context, now time.Time, threshold float64) ([]IdleRep, error) {
	reps, err := db.ActiveUsersWithRole(ctx, models.RoleSalesRep)
	if err != nil {
		return nil, err
	}
	return db.RepActivityOf(ctx, reps, now, threshold)
}

// RepActivityOf is RepActivity for the reps given.
func (db *DB) RepActivityOf(ctx context.Context, reps []*models.User, now time.Time, threshold float64) ([]IdleRep, error) {
	since := now.Add(-IdleWindow)
	// Each rep's latest activity in the window: one probe of the (rep_id, at) index per rep, not the window's
	// every activity.
	last := map[int64]time.Time{}
	ids := make([]int64, len(reps))
	for i, u := range reps {
		ids[i] = u.ID
	}
	for chunk := range slices.Chunk(ids, 500) {
		var rows []struct {
			RepID int64
			At    time.Time
		}
		if err := db.with(ctx).Raw(`SELECT rep_id, at FROM sales_activities WHERE id IN (
			SELECT (SELECT a.id FROM sales_activities a WHERE a.rep_id = u.id AND a.at >= ? AND a.at <= ? ORDER BY a.at DESC LIMIT 1)
			FROM users u WHERE u.id IN ?)`, since.UTC(), now.UTC(), chunk).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			if r.At.After(last[r.RepID]) {
				last[r.RepID] = r.At
			}
		}
	}
	out := []IdleRep{}
	for _, u := range reps {
		l, ok := last[u.ID]
		from := since // with no work logged, counted from the later of the window's start and their joining
		if !ok && u.CreatedAt.After(from) {
			from = u.CreatedAt
		}
		idle, h := models.Idle(l, from, now, threshold, "AL")
		r := IdleRep{UserID: u.ID, Name: u.Name, Hours: h, Idle: idle}
		if ok {
			r.LastWork = &l
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b IdleRep) int { return cmp.Compare(b.Hours, a.Hours) })
	return out, nil
}

// EmployeeOfUser returns a user's latest employee record.
func (db *DB) EmployeeOfUser(ctx context.Context, userID int64) (*EmployeeRecord, error) {
	var e EmployeeRecord
	if err := db.with(ctx).Where("user_id = ?", userID).Order("id DESC").First(&e).Error; err != nil {
		return nil, notFound(err, "employee")
	}
	return &e, nil
}

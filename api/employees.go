package api

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// employeeJSON is a hire as their leaders and they themselves see them, with the month so far.
type employeeJSON struct {
	ID        int64                `json:"id"`
	User      personJSON           `json:"user"`
	Role      string               `json:"role"`
	OpeningID int64                `json:"opening_id"`
	StartDate string               `json:"start_date"`
	RampEnds  string               `json:"ramp_ends"`
	Plan      models.PayPlan       `json:"plan"`
	Month     *monthProgressJSON   `json:"month,omitempty"`
	Excuses   []store.ExcuseRecord `json:"excuses,omitempty"`
}

// monthProgressJSON is a rep's month so far: the plan, what the activity log says, the evaluation it would get.
type monthProgressJSON struct {
	Month      string                `json:"month"`
	Plan       *models.MonthlyPlan   `json:"plan"`
	Actuals    models.MonthlyActuals `json:"actuals"`
	WonSales   float64               `json:"won_sales"`
	Projection models.Evaluation     `json:"projection"`
}

// monthProgress is an employee's month so far: the activity log against the plan, and the projected outcome.
func (s *Server) monthProgress(c *gin.Context, e *store.EmployeeRecord, month time.Time) (*monthProgressJSON, error) {
	actuals, won, err := s.db.MonthActuals(c, e.UserID, month, e.Plan.Currency)
	if err != nil {
		return nil, err
	}
	progress := &monthProgressJSON{Month: month.Format("2006-01"), Actuals: actuals, WonSales: won}
	if p, err := s.db.MonthlyPlanOf(c, e.ID, month); err == nil {
		progress.Plan = &models.MonthlyPlan{Meetings: p.Meetings, Calls: p.Calls}
		progress.Projection = models.EvaluateMonth(*progress.Plan, actuals, models.DefaultPlanRules, false)
	}
	return progress, nil
}

func isSalesLeader(u *models.User) bool {
	return u.HasAnyRole(models.RoleAdmin, models.RoleDepartmentHead, models.RoleSalesManager)
}

// teamScope is the user whose teams bound what u sees of other people's plans and pay: u, when u leads sales
// as a sales manager only; 0 (everyone) for department heads and admins.
func teamScope(u *models.User) int64 {
	if u.HasAnyRole(models.RoleAdmin, models.RoleDepartmentHead) {
		return 0
	}
	return u.ID
}

func (s *Server) toEmployeeJSON(c *gin.Context, e *store.EmployeeRecord) employeeJSON {
	return employeeJSON{ID: e.ID, User: personJSON{ID: e.UserID, Name: s.userName(c, e.UserID)}, Role: e.Role, OpeningID: e.OpeningID,
		StartDate: e.StartDate.Format(time.DateOnly), RampEnds: e.StartDate.AddDate(0, e.Plan.RampMonths, 0).Format(time.DateOnly), Plan: e.Plan}
}

func (s *Server) listEmployees(c *gin.Context) {
	if !isSalesLeader(currentUser(c)) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only sales managers, department heads and admins see the team."))
		return
	}
	p, ok := s.page(c)
	if !ok {
		return
	}
	recs, total, err := s.db.ListEmployeesPage(c, teamScope(currentUser(c)), p)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := list0[employeeJSON]()
	for i := range recs {
		out.Items = append(out.Items, s.toEmployeeJSON(c, &recs[i]))
	}
	c.JSON(http.StatusOK, paged(out, p, total))
}

// loadEmployee reads the employee in the path: themselves or a sales leader may.
func (s *Server) loadEmployee(c *gin.Context) (*store.EmployeeRecord, bool) {
	var e *store.EmployeeRecord
	var err error
	if c.Param("id") == "me" { // the caller's own employee record: a new hire's checklist and month
		e, err = s.db.EmployeeOfUser(c, currentUser(c).ID)
	} else {
		id, ok := s.pathID(c)
		if !ok {
			return nil, false
		}
		e, err = s.db.EmployeeByID(c, id)
	}
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	me := currentUser(c)
	if e.UserID == me.ID {
		return e, true
	}
	if !isSalesLeader(me) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "You may see only your own plan and pay."))
		return nil, false
	}
	return e, s.leads(c, e.UserID)
}

// leads answers whether the caller, a sales leader, leads userID: department heads and admins lead everyone, a
// sales manager the members of the teams they manage. It fails the request when not.
func (s *Server) leads(c *gin.Context, userID int64) bool {
	scope := teamScope(currentUser(c))
	if scope == 0 {
		return true
	}
	mine, err := s.db.Manages(c, scope, userID)
	if err != nil {
		s.fail(c, err)
		return false
	}
	if !mine {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "%s is not in a team you manage.", s.userName(c, userID)))
	}
	return mine
}

// getEmployee answers with an employee, their excuses and this month so far (?month=YYYY-MM for another).
func (s *Server) getEmployee(c *gin.Context) {
	e, ok := s.loadEmployee(c)
	if !ok {
		return
	}
	month := models.MonthStart(s.now())
	if v := c.Query("month"); v != "" {
		t, err := time.Parse("2006-01", v)
		if err != nil {
			s.fail(c, models.Invalid(models.FieldError{Field: "month", Message: "must be YYYY-MM"}))
			return
		}
		month = t
	}
	out := s.toEmployeeJSON(c, e)
	var err error
	if out.Month, err = s.monthProgress(c, e, month); err != nil {
		s.fail(c, err)
		return
	}
	if out.Excuses, err = s.db.Excuses(c, e.ID); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

type monthlyPlanRequest struct {
	Meetings int `json:"meetings" validate:"min=0,max=1000"`
	Calls    int `json:"calls" validate:"min=0,max=20000"`
}

// setMonthlyPlan sets a rep's plan for a month (the manager, at the start of the month; a closed month no longer).
func (s *Server) setMonthlyPlan(c *gin.Context) {
	me := currentUser(c)
	if !isSalesLeader(me) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only sales managers, department heads and admins set plans."))
		return
	}
	e, ok := s.loadEmployee(c)
	if !ok {
		return
	}
	month, err := time.Parse("2006-01", c.Param("month"))
	if err != nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "month", Message: "must be YYYY-MM"}))
		return
	}
	var req monthlyPlanRequest
	if !s.bind(c, &req) {
		return
	}
	if !s.now().Before(models.ExcuseDeadline(month, models.DefaultExcuseWorkingDays)) {
		s.fail(c, models.Errorf(models.ECONFLICT, "%s is closed; its plan can no longer change.", month.Format("January 2006")))
		return
	}
	if err := s.db.SetMonthlyPlan(c, store.MonthlyPlanRecord{EmployeeID: e.ID, Month: month, Meetings: req.Meetings, Calls: req.Calls, SetBy: me.ID}); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "employee.plan_set", "employee", e.ID, fmt.Sprintf("Plan for %s: %d meetings, %d calls", month.Format("2006-01"), req.Meetings, req.Calls),
		nil, map[string]any{"month": month.Format("2006-01"), "meetings": req.Meetings, "calls": req.Calls})
	s.getEmployeeMonth(c, e, month)
}

func (s *Server) getEmployeeMonth(c *gin.Context, e *store.EmployeeRecord, month time.Time) {
	c.Request.URL.RawQuery = "month=" + month.Format("2006-01")
	s.getEmployee(c)
}

type excuseFileRequest struct {
	Month  string `json:"month" validate:"required,len=7"`
	Reason string `json:"reason" validate:"required,max=2000"`
}

// fileExcuse lets a rep excuse a month below plan (illness, leave, a reason), during the month or until its
// excuse window closes.
func (s *Server) fileExcuse(c *gin.Context) {
	e, ok := s.loadEmployee(c)
	if !ok {
		return
	}
	if e.UserID != currentUser(c).ID {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only the employee files their own excuse."))
		return
	}
	var req excuseFileRequest
	if !s.bind(c, &req) {
		return
	}
	month, err := time.Parse("2006-01", req.Month)
	switch {
	case err != nil:
		s.fail(c, models.Invalid(models.FieldError{Field: "month", Message: "must be YYYY-MM"}))
		return
	case month.After(s.now()):
		s.fail(c, models.Invalid(models.FieldError{Field: "month", Message: "cannot be a month still to come"}))
		return
	case !s.now().Before(models.ExcuseDeadline(month, models.DefaultExcuseWorkingDays)):
		s.fail(c, models.Errorf(models.ECONFLICT, "The time to excuse %s has passed (%d working days after the month's end).", month.Format("January 2006"),
			models.DefaultExcuseWorkingDays))
		return
	case strings.TrimSpace(req.Reason) == "":
		s.fail(c, models.Invalid(models.FieldError{Field: "reason", Message: "is required"}))
		return
	}
	x := &store.ExcuseRecord{EmployeeID: e.ID, Month: month, Reason: strings.TrimSpace(req.Reason)}
	if err := s.db.FileExcuse(c, x); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, x)
}

type excuseDecisionRequest struct {
	Decision string `json:"decision" validate:"required,oneof=accept refuse"`
}

// decideExcuse lets a sales leader accept or refuse an excuse, until the month's excuse window closes: a late
// decision is refused, so a closed month stays as it was evaluated.
func (s *Server) decideExcuse(c *gin.Context) {
	me := currentUser(c)
	if !isSalesLeader(me) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only sales managers, department heads and admins decide on excuses."))
		return
	}
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	x, err := s.db.ExcuseByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	e, err := s.db.EmployeeByID(c, x.EmployeeID)
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.leads(c, e.UserID) {
		return
	}
	var req excuseDecisionRequest
	if !s.bind(c, &req) {
		return
	}
	if !s.now().Before(models.ExcuseDeadline(x.Month, models.DefaultExcuseWorkingDays)) {
		s.fail(c, models.Errorf(models.ECONFLICT, "The excuse window of %s has closed; the month has been evaluated.", x.Month.Format("January 2006")))
		return
	}
	if err := s.db.DecideExcuse(c, x.ID, req.Decision == "accept", me.ID); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "excuse."+req.Decision+"ed", "employee", x.EmployeeID, "Excuse for "+x.Month.Format("2006-01")+" "+req.Decision+"ed", nil,
		map[string]any{"excuse_id": x.ID})
	x, _ = s.db.ExcuseByID(c, id)
	c.JSON(http.StatusOK, x)
}

type statementJSON struct {
	ID         int64               `json:"id"`
	Employee   personJSON          `json:"employee"`
	EmployeeID int64               `json:"employee_id"`
	Month      string              `json:"month"`
	MonthIndex int                 `json:"month_index"`
	Currency   string              `json:"currency"`
	Evaluation models.Evaluation   `json:"evaluation"`
	Statement  models.PayStatement `json:"statement"`
	Total      float64             `json:"total"`
	Status     string              `json:"status"`
	ApprovedAt *time.Time          `json:"approved_at"`
}

// statementsFilter reads ?month= and whose statements the caller sees: everyone's (0) for department heads and
// admins, one's own else (-1 when the caller is no employee, who then has none).
func (s *Server) statementsFilter(c *gin.Context) (time.Time, int64, []models.FieldError, error) {
	me := currentUser(c)
	var month time.Time
	var fields []models.FieldError
	if v := c.Query("month"); v != "" {
		t, err := time.Parse("2006-01", v)
		if err != nil {
			fields = append(fields, models.FieldError{Field: "month", Message: "must be YYYY-MM"})
		}
		month = t
	}
	var employee int64
	if !me.HasAnyRole(models.RoleAdmin, models.RoleDepartmentHead) {
		// Anyone else sees only their own statements.
		list, err := s.db.ListEmployees(c)
		if err != nil {
			return month, 0, fields, err
		}
		employee = -1
		for _, e := range list {
			if e.UserID == me.ID {
				employee = e.ID
			}
		}
	}
	return month, employee, fields, nil
}

// showStatements shows statements with their employees' names.
func (s *Server) showStatements(c *gin.Context, recs []store.StatementRecord) ([]statementJSON, error) {
	out := []statementJSON{}
	for _, r := range recs {
		e, err := s.db.EmployeeByID(c, r.EmployeeID)
		if err != nil {
			return nil, err
		}
		out = append(out, statementJSON{ID: r.ID, Employee: personJSON{ID: e.UserID, Name: s.userName(c, e.UserID)}, EmployeeID: r.EmployeeID,
			Month: r.Month.Format("2006-01"), MonthIndex: r.MonthIndex, Currency: r.Currency, Evaluation: r.Evaluation, Statement: r.Statement,
			Total: r.Total, Status: r.Status, ApprovedAt: r.ApprovedAt})
	}
	return out, nil
}

// statementsOf answers every statement the caller may see of ?month= (for the payroll export).
func (s *Server) statementsOf(c *gin.Context) ([]statementJSON, bool) {
	month, employee, fields, err := s.statementsFilter(c)
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return nil, false
	}
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	if employee == -1 {
		return []statementJSON{}, true
	}
	recs, err := s.db.Statements(c, month, employee)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	out, err := s.showStatements(c, recs)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	return out, true
}

// listStatements answers a page of the statements the caller may see of ?month=.
func (s *Server) listStatements(c *gin.Context) {
	p, pageFields := pageQuery(c, defaultPageLimit, maxPageLimit)
	month, employee, fields, err := s.statementsFilter(c)
	if fields = append(fields, pageFields...); len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	if employee == -1 {
		c.JSON(http.StatusOK, paged(list[statementJSON]{}, p, 0))
		return
	}
	recs, total, err := s.db.StatementsPage(c, month, employee, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.showStatements(c, recs)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, paged(list[statementJSON]{Items: out}, p, total))
}

type approveStatementsRequest struct {
	IDs []int64 `json:"ids" validate:"required,min=1,max=1000"`
}

// approveStatements approves a month's statements in one go (department heads); approved ones are immutable.
func (s *Server) approveStatements(c *gin.Context) {
	me := currentUser(c)
	if !me.HasRole(models.RoleDepartmentHead) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Department heads approve pay statements."))
		return
	}
	var req approveStatementsRequest
	if !s.bind(c, &req) {
		return
	}
	n, err := s.db.ApproveStatements(c, req.IDs, me.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "pay_statements.approved", "pay_statement", req.IDs[0], fmt.Sprintf("%d pay statements approved", n), nil,
		map[string]any{"ids": req.IDs})
	c.JSON(http.StatusOK, map[string]int64{"approved": n})
}

// statementsCSV exports statements for payroll: one line per statement line.
func (s *Server) statementsCSV(c *gin.Context) {
	if !currentUser(c).HasAnyRole(models.RoleAdmin, models.RoleDepartmentHead) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Department heads and admins export pay statements."))
		return
	}
	out, ok := s.statementsOf(c)
	if !ok {
		return
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="bullpen-pay-statements.csv"`)
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	_ = w.Write([]string{"month", "employee", "status", "line", "label", "amount", "currency"})
	for _, st := range out {
		for _, l := range st.Statement.Lines {
			_ = w.Write([]string{st.Month, st.Employee.Name, st.Status, l.Kind, l.Label, strconv.FormatFloat(l.Amount, 'f', 2, 64), st.Currency})
		}
		_ = w.Write([]string{st.Month, st.Employee.Name, st.Status, "total", "Total", strconv.FormatFloat(st.Total, 'f', 2, 64), st.Currency})
	}
	w.Flush()
}

// getOnboarding answers with an employee's onboarding checklist (themselves, sales leaders).
func (s *Server) getOnboarding(c *gin.Context) {
	e, ok := s.loadEmployee(c)
	if !ok {
		return
	}
	tasks, err := s.db.OnboardingTasks(c, e.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, list[store.OnboardingTaskRecord]{Items: tasks})
}

// completeTask ticks an onboarding task off: the hire their own tasks, a sales manager the manager's, an
// admin the admin's; department heads and admins any.
func (s *Server) completeTask(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	t, err := s.db.OnboardingTask(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	e, err := s.db.EmployeeByID(c, t.EmployeeID)
	if err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c)
	may := me.HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin) ||
		(t.Assignee == models.AssigneeHire && me.ID == e.UserID) ||
		(t.Assignee == models.AssigneeManager && me.HasRole(models.RoleSalesManager))
	if !may {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "This task is the %s's to tick off.", t.Assignee))
		return
	}
	if err := s.db.CompleteTask(c, t.ID, me.ID); err != nil {
		s.fail(c, err)
		return
	}
	t, _ = s.db.OnboardingTask(c, id)
	c.JSON(http.StatusOK, t)
}

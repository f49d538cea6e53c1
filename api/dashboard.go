package api

import (
	"encoding/csv"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// The department dashboard (seed step 7): activity per rep per day and week against the monthly plan, idle
// reps, top performers, planning-meeting discipline, greeting calls on time; and the hiring side.

// dashboardRep is one rep's line: the period's counts against the month's plan (of the period's last month).
type dashboardRep struct {
	personJSON
	models.Counts
	Score      int                 `json:"score"`
	Plan       *models.MonthlyPlan `json:"plan"`
	Attainment *attainmentJSON     `json:"attainment"`
	LastWork   *time.Time          `json:"last_work"`
	Idle       bool                `json:"idle"`
	IdleHours  float64             `json:"idle_hours"`
	// Meetings: the planning meetings held in the period for the rep's teams, and the reports missed.
	MeetingsHeld    int `json:"meetings_held"`
	ReportsMissed   int `json:"reports_missed"`
	GreetingsDue    int `json:"greetings_due"`
	GreetingsOnTime int `json:"greetings_on_time"`
	GreetingsLate   int `json:"greetings_late"`
	GreetingsOpen   int `json:"greetings_open"`
}

// attainmentJSON is the period's work as a percentage of the month's plan.
type attainmentJSON struct {
	Meetings float64 `json:"meetings"`
	Calls    float64 `json:"calls"`
}

type rankedJSON struct {
	personJSON
	models.Ranked
}

type dashboardJSON struct {
	From         string                       `json:"from"`
	To           string                       `json:"to"`
	TeamID       *int64                       `json:"team_id"`
	Teams        []teamRef                    `json:"teams"`
	Reps         []dashboardRep               `json:"reps"`
	Days         []models.DayCounts           `json:"days"`
	Weeks        []models.DayCounts           `json:"weeks"`
	RepDays      map[int64][]models.DayCounts `json:"rep_days"`
	TopWeek      []rankedJSON                 `json:"top_week"`
	TopPeriod    []rankedJSON                 `json:"top_period"`
	ScoreWorking string                       `json:"score_working"`
	IdleHours    float64                      `json:"idle_threshold_hours"`
	// AsOf is when these figures were computed: they are kept for a short while (BULLPEN_DASHBOARD_TTL);
	// ?fresh=1 computes them again.
	AsOf time.Time `json:"as_of"`
}

type teamRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// dashboardScope is what the caller may see on the dashboard, for the period asked.
type dashboardScope struct {
	reps     []*models.User // the active sales reps shown, by id
	repIDs   []int64
	teams    []store.TeamRecord
	members  map[int64][]int64 // of teams, by team
	teamID   *int64
	from, to time.Time
}

// dashboardScope reads ?team=&from=&to= and the reps the caller may see: every active sales rep for department
// heads and admins (or a team's), a sales manager's own teams' reps.
func (s *Server) dashboardScope(c *gin.Context) (*dashboardScope, bool) {
	me := currentUser(c)
	if !isSalesLeader(me) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "The dashboard is for sales managers, department heads and admins."))
		return nil, false
	}
	today := models.DayOf(s.now())
	sc := &dashboardScope{from: models.MonthStart(today), to: today}
	fields := queryDays(c, map[string]*time.Time{"from": &sc.from, "to": &sc.to})
	if len(fields) == 0 && (sc.to.Before(sc.from) || sc.to.Sub(sc.from) > 366*24*time.Hour) {
		fields = append(fields, models.FieldError{Field: "to", Message: "must be on or after from, at most a year on"})
	}
	all := me.HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin)
	var err error
	if sc.teams, err = s.db.Teams(c, me.ID, all); err != nil {
		s.fail(c, err)
		return nil, false
	}
	if !all {
		sc.teams = slices.DeleteFunc(sc.teams, func(t store.TeamRecord) bool { return t.ManagerID != me.ID })
	}
	if v := c.Query("team"); v != "" {
		id, perr := strconv.ParseInt(v, 10, 64)
		if perr != nil || !slices.ContainsFunc(sc.teams, func(t store.TeamRecord) bool { return t.ID == id }) {
			fields = append(fields, models.FieldError{Field: "team", Message: "must be one of your teams"})
		} else {
			sc.teamID = &id
		}
	}
	if len(fields) > 0 {
		models.SortFields(fields)
		s.fail(c, models.Invalid(fields...))
		return nil, false
	}
	ids := make([]int64, len(sc.teams))
	for i, t := range sc.teams {
		ids[i] = t.ID
	}
	if sc.members, err = s.db.TeamMembers(c, ids); err != nil {
		s.fail(c, err)
		return nil, false
	}
	active, err := s.db.ActiveUsersWithRole(c, models.RoleSalesRep)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	in := map[int64]bool{}
	switch {
	case sc.teamID != nil:
		for _, u := range sc.members[*sc.teamID] {
			in[u] = true
		}
	case !all:
		for _, ms := range sc.members {
			for _, u := range ms {
				in[u] = true
			}
		}
	}
	for _, u := range active {
		if (sc.teamID == nil && all) || in[u.ID] {
			sc.reps = append(sc.reps, u)
			sc.repIDs = append(sc.repIDs, u.ID)
			s.rememberName(c, u.ID, u.Name)
		}
	}
	return sc, true
}

// dashboardData reads the dashboard in a fixed number of queries, however many reps it shows: the activity
// tallied by the database per rep, day and kind, each rep's latest work, the plans, meetings and greeting calls.
func (s *Server) dashboardData(c *gin.Context) (*dashboardJSON, bool) {
	sc, ok := s.dashboardScope(c)
	if !ok {
		return nil, false
	}
	reps, from, to := sc.repIDs, sc.from, sc.to
	tallies, err := s.db.ActivityTallies(c, reps, from, to.AddDate(0, 0, 1))
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	pic := activityPicture(tallies, reps, from, to)
	out := &dashboardJSON{From: from.Format(time.DateOnly), To: to.Format(time.DateOnly), TeamID: sc.teamID, Teams: []teamRef{}, Reps: []dashboardRep{},
		Days: pic.Days, Weeks: pic.Weeks, RepDays: pic.RepDay, ScoreWorking: models.ScoreWorking, IdleHours: s.cfg.IdleHours}
	for _, t := range sc.teams {
		out.Teams = append(out.Teams, teamRef{ID: t.ID, Name: t.Name})
	}
	// The month's plans, by rep.
	planOf, err := s.db.PlansOfMonthByUser(c, to)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	activity, err := s.db.RepActivityOf(c, sc.reps, s.now(), s.cfg.IdleHours)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	idle := make(map[int64]store.IdleRep, len(activity))
	for _, a := range activity {
		idle[a.UserID] = a
	}
	// Planning-meeting discipline: the held meetings of each rep's teams, and the reports they missed.
	teamIDs := make([]int64, len(sc.teams))
	for i, t := range sc.teams {
		teamIDs[i] = t.ID
	}
	meetings, err := s.db.MeetingsBetween(c, teamIDs, from, to.AddDate(0, 0, 1))
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	held, missed := map[int64]int{}, map[int64]int{}
	for _, m := range meetings {
		for _, u := range sc.members[m.TeamID] {
			held[u]++
			if slices.Contains(m.Missed, u) {
				missed[u]++
			}
		}
	}
	calls, err := s.db.GreetingCalls(c, from, to)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	today := models.DayOf(s.now())
	greetings := map[int64]*dashboardRep{} // only the greeting counts
	for _, g := range calls {
		if g.Day.After(today) {
			continue
		}
		r := greetings[g.OwnerID]
		if r == nil {
			r = &dashboardRep{}
			greetings[g.OwnerID] = r
		}
		r.GreetingsDue++
		switch {
		case g.CallDoneAt == nil && g.Day.Before(today):
			r.GreetingsOpen++
		case g.CallDoneAt != nil && g.CallDoneAt.Before(g.Day.AddDate(0, 0, 1)):
			r.GreetingsOnTime++
		case g.CallDoneAt != nil:
			r.GreetingsLate++
		}
	}
	monthFrom := models.MonthStart(to).Format(time.DateOnly)
	for _, id := range reps {
		counts := pic.PerRep[id]
		r := dashboardRep{personJSON: personJSON{ID: id, Name: s.userName(c, id)}, Counts: counts, Score: counts.Score(),
			MeetingsHeld: held[id], ReportsMissed: missed[id]}
		if p, ok := planOf[id]; ok { // the plan is a month's: measured against the work of the period's last month
			r.Plan = &p
			var inMonth models.Counts
			for _, d := range pic.RepDay[id] {
				if d.Date >= monthFrom {
					inMonth.Calls, inMonth.Meetings = inMonth.Calls+d.Calls, inMonth.Meetings+d.Meetings
				}
			}
			r.Attainment = &attainmentJSON{percentOf(inMonth.Meetings, r.Plan.Meetings), percentOf(inMonth.Calls, r.Plan.Calls)}
		}
		if a, ok := idle[id]; ok {
			r.Idle, r.LastWork = a.Idle, a.LastWork
			if r.Idle {
				r.IdleHours = a.Hours
			}
		}
		if g := greetings[id]; g != nil {
			r.GreetingsDue, r.GreetingsOnTime, r.GreetingsLate, r.GreetingsOpen = g.GreetingsDue, g.GreetingsOnTime, g.GreetingsLate, g.GreetingsOpen
		}
		out.Reps = append(out.Reps, r)
	}
	slices.SortFunc(out.Reps, func(a, b dashboardRep) int { return strings.Compare(a.Name, b.Name) })
	rank := func(per map[int64]models.Counts) []rankedJSON {
		out := []rankedJSON{}
		for _, r := range models.Top(per, 5) {
			out = append(out, rankedJSON{personJSON: personJSON{ID: r.UserID, Name: s.userName(c, r.UserID)}, Ranked: r})
		}
		return out
	}
	out.TopPeriod = rank(pic.PerRep)
	week := map[int64]models.Counts{}
	weekStart := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7)).Format(time.DateOnly)
	for id, days := range pic.RepDay {
		var c models.Counts
		for _, d := range days {
			if d.Date >= weekStart {
				c.Calls, c.Meetings, c.DealsWon, c.DealsLost = c.Calls+d.Calls, c.Meetings+d.Meetings, c.DealsWon+d.DealsWon, c.DealsLost+d.DealsLost
			}
		}
		week[id] = c
	}
	out.TopWeek = rank(week)
	return out, true
}

// activityPicture is models.TallyActivity over the database's tallies instead of every activity: the same
// days, weeks, reps and counts.
func activityPicture(tallies []store.ActivityTally, reps []int64, from, to time.Time) models.ActivityPicture {
	pic := models.TallyActivity(nil, reps, from, to)
	day, week := map[string]int{}, map[string]int{}
	for i, d := range pic.Days {
		day[d.Date] = i
		t, _ := time.Parse(time.DateOnly, d.Date)
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(time.DateOnly)
		week[d.Date] = slices.IndexFunc(pic.Weeks, func(w models.DayCounts) bool { return w.Date == monday })
	}
	for _, t := range tallies {
		i, ok := day[t.Day]
		rd, mine := pic.RepDay[t.RepID]
		if !ok || !mine {
			continue
		}
		addTally(&pic.Days[i].Counts, t)
		addTally(&rd[i].Counts, t)
		c := pic.PerRep[t.RepID]
		addTally(&c, t)
		pic.PerRep[t.RepID] = c
		if w := week[t.Day]; w >= 0 {
			addTally(&pic.Weeks[w].Counts, t)
		}
	}
	return pic
}

// addTally counts a tally as models.Counts.Add counts its activities one by one.
func addTally(c *models.Counts, t store.ActivityTally) {
	switch t.Kind {
	case models.ActivityCall:
		c.Calls += t.N
	case models.ActivityMeeting:
		c.Meetings += t.N
	case models.ActivityDealWon:
		c.DealsWon += t.N
		if c.Won == nil {
			c.Won = map[string]float64{}
		}
		c.Won[t.Currency] += t.Amount
	case models.ActivityDealLost:
		c.DealsLost += t.N
	}
}

func percentOf(n, plan int) float64 {
	if plan <= 0 {
		return 0
	}
	return math.Round(float64(n)/float64(plan)*1000) / 10
}

// getDashboard answers with the department dashboard for ?team=&from=&to= (this month by default), as
// computed at most DashboardTTL ago for the same caller and query unless ?fresh=1.
func (s *Server) getDashboard(c *gin.Context) {
	key := fmt.Sprintf("dashboard/%d?team=%s&from=%s&to=%s", currentUser(c).ID, c.Query("team"), c.Query("from"), c.Query("to"))
	s.serveView(c, key, func(asOf time.Time) (any, bool) {
		out, ok := s.dashboardData(c)
		if ok {
			out.AsOf = asOf
		}
		return out, ok
	})
}

// dashboardCSV exports the dashboard's per-rep table.
func (s *Server) dashboardCSV(c *gin.Context) {
	out, ok := s.dashboardData(c)
	if !ok {
		return
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="bullpen-dashboard-%s-%s.csv"`, out.From, out.To))
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	_ = w.Write([]string{"rep", "calls", "meetings", "deals_won", "deals_lost", "score", "plan_calls", "plan_meetings", "calls_attainment_pct",
		"meetings_attainment_pct", "idle", "meetings_held", "reports_missed", "greetings_due", "greetings_on_time", "greetings_late", "greetings_open"})
	itoa := strconv.Itoa
	for _, r := range out.Reps {
		pc, pm, ac, am := "", "", "", ""
		if r.Plan != nil {
			pc, pm = itoa(r.Plan.Calls), itoa(r.Plan.Meetings)
			ac, am = strconv.FormatFloat(r.Attainment.Calls, 'f', 1, 64), strconv.FormatFloat(r.Attainment.Meetings, 'f', 1, 64)
		}
		_ = w.Write([]string{r.Name, itoa(r.Calls), itoa(r.Meetings), itoa(r.DealsWon), itoa(r.DealsLost), itoa(r.Score), pc, pm, ac, am,
			strconv.FormatBool(r.Idle), itoa(r.MeetingsHeld), itoa(r.ReportsMissed), itoa(r.GreetingsDue), itoa(r.GreetingsOnTime),
			itoa(r.GreetingsLate), itoa(r.GreetingsOpen)})
	}
	w.Flush()
}

// hiringJSON is the hiring side of the dashboard: per opening its funnel and time to fill, and which
// first-interview competencies went with good first months.
type hiringJSON struct {
	Openings   []hiringOpening `json:"openings"`
	Predictors predictorsJSON  `json:"predictors"`
	// AsOf is when these figures were computed (see dashboardJSON.AsOf).
	AsOf time.Time `json:"as_of"`
}

type hiringOpening struct {
	OpeningID    int64          `json:"opening_id"`
	Title        string         `json:"title"`
	Status       string         `json:"status"`
	Seats        int            `json:"seats"`
	Applications int            `json:"applications"`
	Stages       []stageReached `json:"stages"`
	Hired        int            `json:"hired"`
	// MedianDaysToFill is from the opening's creation to each hire, the median (null before the first hire).
	MedianDaysToFill *float64 `json:"median_days_to_fill"`
}

type stageReached struct {
	Stage   string `json:"stage"`
	Reached int    `json:"reached"`
}

type predictorsJSON struct {
	// Hires counts the hires with both a complete first-interview result and closed early months.
	Hires        int         `json:"hires"`
	Months       int         `json:"months"`
	Competencies []predictor `json:"competencies"`
	Working      string      `json:"working"`
}

type predictor struct {
	CompetencyID string   `json:"competency_id"`
	Name         string   `json:"name"`
	Correlation  *float64 `json:"correlation"`
	N            int      `json:"n"`
}

// PredictorMonths is how many first months of a hire's plan attainment are compared with their interview.
const PredictorMonths = 3

// getHiringDashboard answers with the hiring side (department heads, admins, recruiters): the latest 50
// openings' funnels and time to fill, and the competencies that predict good reps.
func (s *Server) getHiringDashboard(c *gin.Context) {
	if !currentUser(c).HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin, models.RoleRecruiter) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "The hiring dashboard is for department heads, recruiters and admins."))
		return
	}
	// Everyone who may see it sees the same figures: one key for all.
	s.serveView(c, "dashboard/hiring", func(asOf time.Time) (any, bool) {
		out, ok := s.hiringData(c)
		if ok {
			out.AsOf = asOf
		}
		return out, ok
	})
}

// hiringData computes the hiring dashboard: the latest openings' funnels and time to fill, and the predictors.
func (s *Server) hiringData(c *gin.Context) (*hiringJSON, bool) {
	openings, _, err := s.db.OpeningsPage(c, store.OpeningFilter{}, store.Page{Limit: 50})
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	ids := make([]int64, len(openings))
	for i, o := range openings {
		ids[i] = o.ID
	}
	hires, err := s.db.EmployeesOfOpenings(c, ids)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	funnels, err := s.db.Funnels(c, ids)
	if err != nil {
		s.fail(c, err)
		return nil, false
	}
	out := &hiringJSON{Openings: []hiringOpening{}}
	for _, o := range openings {
		f := funnels[o.ID]
		row := hiringOpening{OpeningID: o.ID, Title: o.Title, Status: string(o.Status), Seats: o.Seats, Applications: f.Total, Stages: []stageReached{}}
		for _, st := range models.Pipeline {
			row.Stages = append(row.Stages, stageReached{Stage: string(st), Reached: f.Reached[st]})
		}
		var days []float64
		for _, h := range hires {
			if h.OpeningID == o.ID {
				row.Hired++
				days = append(days, h.CreatedAt.Sub(o.CreatedAt).Hours()/24)
			}
		}
		if len(days) > 0 {
			slices.Sort(days)
			m := math.Round(days[len(days)/2]*10) / 10
			if len(days)%2 == 0 {
				m = math.Round((days[len(days)/2-1]+days[len(days)/2])/2*10) / 10
			}
			row.MedianDaysToFill = &m
		}
		out.Openings = append(out.Openings, row)
	}
	if out.Predictors, err = s.predictors(c); err != nil {
		s.fail(c, err)
		return nil, false
	}
	return out, true
}

// predictors correlates each first-interview competency's score with the hire's plan attainment over their
// first PredictorMonths closed months (the mean of meetings and calls attainment).
func (s *Server) predictors(c *gin.Context) (predictorsJSON, error) {
	out := predictorsJSON{Months: PredictorMonths, Competencies: []predictor{},
		Working: fmt.Sprintf("Pearson correlation, across hires, of each competency's first-interview mean with the mean plan attainment (meetings and calls) of the hire's first %d closed months; shown from 3 hires on.", PredictorMonths)}
	statements, err := s.db.EarlyStatements(c, PredictorMonths)
	if err != nil {
		return out, err
	}
	attainment := map[int64][]float64{} // by employee
	for _, st := range statements {
		attainment[st.EmployeeID] = append(attainment[st.EmployeeID], (st.Evaluation.Meetings+st.Evaluation.Calls)/2)
	}
	employees, err := s.db.EmployeeApplications(c)
	if err != nil {
		return out, err
	}
	var apps []int64
	for _, e := range employees {
		apps = append(apps, e.ApplicationID)
	}
	results, err := s.db.FirstInterviewResults(c, apps)
	if err != nil {
		return out, err
	}
	xs, ys := map[string][]float64{}, map[string][]float64{}
	for _, e := range employees {
		r, ok := results[e.ApplicationID]
		months := attainment[e.ID]
		if !ok || len(months) == 0 {
			continue
		}
		out.Hires++
		var sum float64
		for _, m := range months {
			sum += m
		}
		for _, cr := range r.Competencies {
			xs[cr.CompetencyID] = append(xs[cr.CompetencyID], cr.Mean)
			ys[cr.CompetencyID] = append(ys[cr.CompetencyID], sum/float64(len(months)))
		}
	}
	for _, comp := range models.DefaultRubric("en").Competencies {
		p := predictor{CompetencyID: comp.ID, Name: comp.Name, N: len(xs[comp.ID])}
		if r, ok := models.Pearson(xs[comp.ID], ys[comp.ID]); ok {
			r = math.Round(r*100) / 100
			p.Correlation = &r
		}
		out.Competencies = append(out.Competencies, p)
	}
	return out, nil
}

type kudosRequest struct {
	ToUserID int64  `json:"to_user_id" validate:"required"`
	Message  string `json:"message" validate:"max=300"`
}

type kudosJSON struct {
	store.Kudos
	From personJSON `json:"from"`
	To   personJSON `json:"to"`
}

// giveKudos recognises a rep (sales leaders, from the dashboard); the rep is told.
func (s *Server) giveKudos(c *gin.Context) {
	me := currentUser(c)
	if !isSalesLeader(me) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Sales managers and department heads give kudos."))
		return
	}
	var req kudosRequest
	if !s.bind(c, &req) {
		return
	}
	to, err := s.db.UserByID(c, req.ToUserID)
	if err != nil || !to.Active || !to.HasAnyRole(models.RoleSalesRep, models.RoleSalesManager) || to.ID == me.ID {
		s.fail(c, models.Invalid(models.FieldError{Field: "to_user_id", Message: "must be an active rep other than you"}))
		return
	}
	msg := strings.TrimSpace(req.Message)
	if msg == "" {
		msg = "Great work!"
	}
	k := &store.Kudos{FromID: me.ID, ToID: to.ID, Message: msg}
	if err := s.db.GiveKudos(c, k); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.db.Notify(c, []int64{to.ID}, store.Notice{Kind: "kudos", Link: "/home", Params: map[string]any{"from": me.Name, "message": msg},
		Message: fmt.Sprintf("Kudos from %s: %s", me.Name, msg)}, fmt.Sprintf("kudos-%d", k.ID)); err != nil {
		s.log.WarnContext(c, "kudos notice", "error", err)
	}
	c.JSON(http.StatusCreated, kudosJSON{Kudos: *k, From: personJSON{ID: me.ID, Name: me.Name}, To: personJSON{ID: to.ID, Name: to.Name}})
}

// listKudos lists a page of the kudos a rep received, newest first: one's own (?to=me, the default) or any
// rep's for sales leaders.
func (s *Server) listKudos(c *gin.Context) {
	me := currentUser(c)
	to := me.ID
	p, fields := pageQuery(c, defaultPageLimit, maxPageLimit)
	if v := c.Query("to"); v != "" && v != "me" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			fields = append([]models.FieldError{{Field: "to", Message: "must be me or a user ID"}}, fields...)
		} else if id != me.ID && !isSalesLeader(me) {
			s.fail(c, models.Errorf(models.EFORBIDDEN, "You see only your own kudos."))
			return
		}
		to = id
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	ks, total, err := s.db.KudosPage(c, to, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, pageOf(ks, func(k store.Kudos) kudosJSON {
		return kudosJSON{Kudos: k, From: personJSON{ID: k.FromID, Name: s.userName(c, k.FromID)}, To: personJSON{ID: k.ToID, Name: s.userName(c, k.ToID)}}
	}, p, total))
}

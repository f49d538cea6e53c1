package api

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/workflows"
)

type teamRequest struct {
	Name      string         `json:"name" validate:"required,max=200"`
	ManagerID int64          `json:"manager_id" validate:"required"`
	MemberIDs []int64        `json:"member_ids" validate:"max=100"`
	Cadence   models.Cadence `json:"cadence"`
}

type teamJSON struct {
	store.TeamRecord
	Manager  personJSON            `json:"manager"`
	Members  []personJSON          `json:"members"`
	Meetings []store.MeetingRecord `json:"meetings"`
	// Missed counts, per rep, the reports they missed in the meetings shown.
	Missed map[int64]int `json:"missed"`
}

// createTeam forms a team of reps under a manager and starts its planning meetings on the cadence
// (department heads and admins).
func (s *Server) createTeam(c *gin.Context) {
	if !currentUser(c).HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Department heads and admins form teams."))
		return
	}
	var req teamRequest
	if !s.bind(c, &req) {
		return
	}
	var fields []models.FieldError
	if err := req.Cadence.Validate(); err != nil {
		fields = append(fields, models.Nested(err, "")...)
	}
	if u, err := s.db.UserByID(c, req.ManagerID); err != nil || !u.Active || !u.HasRole(models.RoleSalesManager) {
		fields = append(fields, models.FieldError{Field: "manager_id", Message: "must be an active sales manager"})
	}
	for i, id := range req.MemberIDs {
		if u, err := s.db.UserByID(c, id); err != nil || !u.Active || !u.HasRole(models.RoleSalesRep) || slices.Index(req.MemberIDs, id) != i {
			fields = append(fields, models.FieldError{Field: fmt.Sprintf("member_ids.%d", i), Message: "must be an active sales rep, once"})
		}
	}
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return
	}
	t := &store.TeamRecord{Name: strings.TrimSpace(req.Name), ManagerID: req.ManagerID, Cadence: req.Cadence}
	if err := s.db.CreateTeam(c, t, req.MemberIDs); err != nil {
		s.fail(c, err)
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c), updateTimeout)
	defer cancel()
	if err := s.start.TeamMeetings(ctx, t.ID, t.Cadence); err != nil {
		s.fail(c, err)
		return
	}
	s.audit(c, "team.created", "team", t.ID, "Team “"+t.Name+"” formed", nil, map[string]any{"manager_id": t.ManagerID, "members": req.MemberIDs})
	s.writeTeam(c, http.StatusCreated, t.ID)
}

// loadTeam reads the team in the path: its manager, its members, department heads and admins may.
func (s *Server) loadTeam(c *gin.Context, id int64) (*store.TeamRecord, []int64, bool) {
	t, members, err := s.db.TeamByID(c, id)
	if err != nil {
		s.fail(c, err)
		return nil, nil, false
	}
	me := currentUser(c)
	if me.ID != t.ManagerID && !slices.Contains(members, me.ID) && !me.HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only the team, its manager and department heads see its meetings."))
		return nil, nil, false
	}
	return t, members, true
}

func (s *Server) writeTeam(c *gin.Context, status int, id int64) {
	t, members, ok := s.loadTeam(c, id)
	if !ok {
		return
	}
	out := teamJSON{TeamRecord: *t, Manager: personJSON{ID: t.ManagerID, Name: s.userName(c, t.ManagerID)}, Members: []personJSON{}, Missed: map[int64]int{}}
	for _, m := range members {
		out.Members = append(out.Members, personJSON{ID: m, Name: s.userName(c, m)})
	}
	var err error
	if out.Meetings, err = s.db.Meetings(c, t.ID, 60); err != nil {
		s.fail(c, err)
		return
	}
	for _, m := range out.Meetings {
		for _, u := range m.Missed {
			out.Missed[u]++
		}
	}
	c.JSON(status, out)
}

func (s *Server) getTeam(c *gin.Context) {
	if id, ok := s.pathID(c); ok {
		s.writeTeam(c, http.StatusOK, id)
	}
}

type cadenceRequest struct {
	Cadence models.Cadence `json:"cadence"`
}

// setCadence changes when a team meets, from its next meeting (the team's manager, department heads, admins).
func (s *Server) setCadence(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	t, _, ok := s.loadTeam(c, id)
	if !ok {
		return
	}
	me := currentUser(c)
	if me.ID != t.ManagerID && !me.HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "The team's manager sets its cadence."))
		return
	}
	var req cadenceRequest
	if !s.bind(c, &req) {
		return
	}
	if err := req.Cadence.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.db.SetCadence(c, t.ID, req.Cadence); err != nil {
		s.fail(c, err)
		return
	}
	// A meeting whose run is under way (its reports asked for) is held as announced; later ones the old
	// cadence opened are cancelled.
	now := s.now()
	if err := s.db.CancelStaleMeetings(c, t.ID, now.Add(workflows.DefaultReportLead), req.Cadence.Next(now)); err != nil {
		s.fail(c, err)
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c), updateTimeout)
	defer cancel()
	if err := s.start.TeamMeetings(ctx, t.ID, req.Cadence); err != nil {
		s.fail(c, err)
		return
	}
	s.writeTeam(c, http.StatusOK, t.ID)
}

// meetingJSON is a meeting: for its manager (and heads) the agenda from every report and who missed theirs;
// for a rep their own report and the draft of "done" from their activity log.
type meetingJSON struct {
	store.MeetingRecord
	Team      string              `json:"team"`
	Reports   []meetingReportJSON `json:"reports"`
	Mine      *store.ReportRecord `json:"mine"`
	DraftDone string              `json:"draft_done"`
	Awaiting  []personJSON        `json:"awaiting"`
}

type meetingReportJSON struct {
	store.ReportRecord
	Rep personJSON `json:"rep"`
}

func (s *Server) getMeeting(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	m, err := s.db.MeetingByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	t, members, ok := s.loadTeam(c, m.TeamID)
	if !ok {
		return
	}
	reports, err := s.db.Reports(c, m.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c)
	out := meetingJSON{MeetingRecord: *m, Team: t.Name, Reports: []meetingReportJSON{}, Awaiting: []personJSON{}}
	lead := me.ID == t.ManagerID || me.HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin)
	for _, r := range reports {
		if r.UserID == me.ID {
			r := r
			out.Mine = &r
		}
		if lead {
			out.Reports = append(out.Reports, meetingReportJSON{ReportRecord: r, Rep: personJSON{ID: r.UserID, Name: s.userName(c, r.UserID)}})
		}
	}
	if lead {
		for _, u := range members {
			if !slices.ContainsFunc(reports, func(r store.ReportRecord) bool { return r.UserID == u }) {
				out.Awaiting = append(out.Awaiting, personJSON{ID: u, Name: s.userName(c, u)})
			}
		}
	}
	if slices.Contains(members, me.ID) {
		// Since the team's previous meeting (or a week back).
		from := m.At.AddDate(0, 0, -7)
		if prev, err := s.db.Meetings(c, t.ID, 60); err == nil {
			for _, p := range prev {
				if p.At.Before(m.At) {
					from = p.At
					break
				}
			}
		}
		acts, err := s.db.ListActivities(c, store.ActivityFilter{RepID: me.ID, From: from, To: m.At})
		if err != nil {
			s.fail(c, err)
			return
		}
		names := map[int64]string{}
		out.DraftDone = models.DraftDone(acts, func(id int64) string {
			if _, ok := names[id]; !ok {
				if a, err := s.db.AccountByID(c, id); err == nil {
					names[id] = a.Name
				}
			}
			return names[id]
		})
	}
	c.JSON(http.StatusOK, out)
}

type reportRequest struct {
	Done     string `json:"done" validate:"max=4000"`
	Planned  string `json:"planned" validate:"max=4000"`
	Blockers string `json:"blockers" validate:"max=4000"`
}

// fileReport stores a rep's report for a meeting of their team, until it is held.
func (s *Server) fileReport(c *gin.Context) {
	id, ok := s.pathID(c)
	if !ok {
		return
	}
	m, err := s.db.MeetingByID(c, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	_, members, err := s.db.TeamByID(c, m.TeamID)
	if err != nil {
		s.fail(c, err)
		return
	}
	me := currentUser(c)
	if !slices.Contains(members, me.ID) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Only the team's reps file reports for its meetings."))
		return
	}
	var req reportRequest
	if !s.bind(c, &req) {
		return
	}
	r := models.MeetingReport{Done: strings.TrimSpace(req.Done), Planned: strings.TrimSpace(req.Planned), Blockers: strings.TrimSpace(req.Blockers)}
	if err := r.Validate(); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.db.FileReport(c, store.ReportRecord{MeetingID: m.ID, UserID: me.ID, Done: r.Done, Planned: r.Planned, Blockers: r.Blockers}); err != nil {
		s.fail(c, err)
		return
	}
	s.getMeeting(c)
}

// teamSummaryJSON is a team in the list with its next meeting and, for a rep, whether their report is in.
type teamSummaryJSON struct {
	ID          int64          `json:"id"`
	Name        string         `json:"name"`
	Manager     personJSON     `json:"manager"`
	Cadence     models.Cadence `json:"cadence"`
	Members     int            `json:"members"`
	NextMeeting *nextMeeting   `json:"next_meeting"`
}

type nextMeeting struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	Reports int       `json:"reports"`
	// Filed says whether the caller has filed their report for it.
	Filed bool `json:"filed"`
}

// listTeams lists the teams the caller manages or belongs to (every team for department heads and admins).
func (s *Server) listTeams(c *gin.Context) {
	me := currentUser(c)
	teams, err := s.db.Teams(c, me.ID, me.HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin))
	if err != nil {
		s.fail(c, err)
		return
	}
	ids := make([]int64, len(teams))
	for i, t := range teams {
		ids[i] = t.ID
	}
	sizes, err := s.db.TeamSizes(c, ids)
	if err != nil {
		s.fail(c, err)
		return
	}
	next, err := s.db.NextMeetings(c, ids)
	if err != nil {
		s.fail(c, err)
		return
	}
	var meetings []int64
	for _, m := range next {
		meetings = append(meetings, m.ID)
	}
	counts, filed, err := s.db.ReportCounts(c, meetings, me.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listOf(teams, func(t store.TeamRecord) teamSummaryJSON {
		out := teamSummaryJSON{ID: t.ID, Name: t.Name, Manager: personJSON{ID: t.ManagerID, Name: s.userName(c, t.ManagerID)}, Cadence: t.Cadence, Members: sizes[t.ID]}
		if m, ok := next[t.ID]; ok {
			out.NextMeeting = &nextMeeting{ID: m.ID, At: m.At, Reports: counts[m.ID], Filed: filed[m.ID]}
		}
		return out
	}))
}

// salesPeopleJSON is who can be put on a team or handed clients: the active sales managers, and the active reps
// with how many clients each owns.
type salesPeopleJSON struct {
	Managers []personJSON  `json:"managers"`
	Reps     []repLoadJSON `json:"reps"`
}

// listSalesPeople lists the active sales managers and reps, by name (sales leaders: to form teams, hand over
// clients, set plans).
func (s *Server) listSalesPeople(c *gin.Context) {
	if !isSalesLeader(currentUser(c)) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Sales managers, department heads and admins see the sales people."))
		return
	}
	managers, err := s.db.ActiveUsersWithRole(c, models.RoleSalesManager)
	if err != nil {
		s.fail(c, err)
		return
	}
	loads, err := s.db.RepLoads(c, 0)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := salesPeopleJSON{Managers: []personJSON{}, Reps: []repLoadJSON{}}
	for _, m := range managers {
		out.Managers = append(out.Managers, personJSON{ID: m.ID, Name: m.Name})
	}
	for _, l := range loads {
		out.Reps = append(out.Reps, repLoadJSON{RepLoad: l, Name: s.userName(c, l.UserID)})
	}
	slices.SortFunc(out.Managers, func(a, b personJSON) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(out.Reps, func(a, b repLoadJSON) int { return strings.Compare(a.Name, b.Name) })
	c.JSON(http.StatusOK, out)
}

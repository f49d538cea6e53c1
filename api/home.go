package api

import (
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// homeJSON is what a rep sees on signing in: today's calls (greetings due, and those late), the month's plan
// progress, the reports due for the next planning meetings, their clients with the last work on each, and the
// latest kudos.
type homeJSON struct {
	Calls      []greetingJSON     `json:"calls"`
	Upcoming   []greetingJSON     `json:"upcoming"`
	Month      *monthProgressJSON `json:"month"`
	EmployeeID *int64             `json:"employee_id"`
	Reports    []reportDue        `json:"reports_due"`
	Accounts   []homeAccount      `json:"accounts"`
	Kudos      []kudosJSON        `json:"kudos"`
}

type reportDue struct {
	MeetingID int64     `json:"meeting_id"`
	Team      string    `json:"team"`
	At        time.Time `json:"at"`
}

type homeAccount struct {
	ID       int64      `json:"id"`
	Name     string     `json:"name"`
	LastWork *time.Time `json:"last_work"`
}

// getHome answers with the signed-in rep's home.
func (s *Server) getHome(c *gin.Context) {
	me := currentUser(c)
	if !me.HasAnyRole(models.RoleSalesRep, models.RoleSalesManager) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "The home page is for sales reps and managers."))
		return
	}
	today := models.DayOf(s.now())
	out := homeJSON{Calls: []greetingJSON{}, Upcoming: []greetingJSON{}, Reports: []reportDue{}, Accounts: []homeAccount{}, Kudos: []kudosJSON{}}
	// The rep's clients first: their names serve the greeting calls too.
	accounts, err := s.db.ListAccounts(c, store.AccountFilter{OwnerID: me.ID, Limit: 200})
	if err != nil {
		s.fail(c, err)
		return
	}
	names := map[int64]string{}
	ids := make([]int64, len(accounts))
	for i, a := range accounts {
		names[a.ID], ids[i] = a.Name, a.ID
	}
	s.rememberName(c, me.ID, me.Name)
	greetings, err := s.db.Greetings(c, store.GreetingFilter{OwnerID: me.ID, Open: true, To: today.AddDate(0, 0, 7)})
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, g := range greetings {
		if g.Day.After(today) {
			out.Upcoming = append(out.Upcoming, s.toGreetingJSON(c, g, names))
		} else {
			out.Calls = append(out.Calls, s.toGreetingJSON(c, g, names))
		}
	}
	if e, err := s.db.EmployeeOfUser(c, me.ID); err == nil {
		out.EmployeeID = &e.ID
		if out.Month, err = s.monthProgress(c, e, models.MonthStart(today)); err != nil {
			s.fail(c, err)
			return
		}
	} else if models.ErrorCode(err) != models.ENOTFOUND {
		s.fail(c, err)
		return
	}
	teams, err := s.db.Teams(c, me.ID, false)
	if err != nil {
		s.fail(c, err)
		return
	}
	memberOf := make([]int64, 0, len(teams))
	for _, t := range teams {
		if t.ManagerID != me.ID {
			memberOf = append(memberOf, t.ID)
		}
	}
	next, err := s.db.NextMeetings(c, memberOf)
	if err != nil {
		s.fail(c, err)
		return
	}
	var meetings []int64
	for _, m := range next {
		meetings = append(meetings, m.ID)
	}
	_, filed, err := s.db.ReportCounts(c, meetings, me.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, t := range teams {
		if m, ok := next[t.ID]; ok && !filed[m.ID] {
			out.Reports = append(out.Reports, reportDue{MeetingID: m.ID, Team: t.Name, At: m.At})
		}
	}
	last, err := s.db.LastWorkOn(c, me.ID, ids)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, a := range accounts {
		h := homeAccount{ID: a.ID, Name: a.Name}
		if t, ok := last[a.ID]; ok {
			h.LastWork = &t
		}
		out.Accounts = append(out.Accounts, h)
	}
	// The clients longest without work first: they are the ones to call.
	slices.SortStableFunc(out.Accounts, func(a, b homeAccount) int {
		switch {
		case a.LastWork == nil && b.LastWork == nil:
			return 0
		case a.LastWork == nil:
			return -1
		case b.LastWork == nil:
			return 1
		}
		return a.LastWork.Compare(*b.LastWork)
	})
	kudos, err := s.db.KudosFor(c, me.ID, 5)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, k := range kudos {
		out.Kudos = append(out.Kudos, kudosJSON{Kudos: k, From: personJSON{ID: k.FromID, Name: s.userName(c, k.FromID)}, To: personJSON{ID: me.ID, Name: me.Name}})
	}
	c.JSON(http.StatusOK, out)
}

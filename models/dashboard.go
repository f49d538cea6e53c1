package models

import (
	"math"
	"slices"
	"time"
)

// Counts are a rep's (or a team's) logged work: calls, direct client meetings, deals won and lost, and the
// amount won per currency.
type Counts struct {
	Calls     int                `json:"calls"`
	Meetings  int                `json:"meetings"`
	DealsWon  int                `json:"deals_won"`
	DealsLost int                `json:"deals_lost"`
	Won       map[string]float64 `json:"won"`
}

// Add counts one activity.
func (c *Counts) Add(a SalesActivity) {
	switch a.Kind {
	case ActivityCall:
		c.Calls++
	case ActivityMeeting:
		c.Meetings++
	case ActivityDealWon:
		c.DealsWon++
		if c.Won == nil {
			c.Won = map[string]float64{}
		}
		c.Won[a.Currency] += a.Amount
	case ActivityDealLost:
		c.DealsLost++
	}
}

// Score ranks reps for recognition: a call counts 1, a direct client meeting 3, a deal won 10 (the working
// the dashboard shows beside the ranking).
func (c Counts) Score() int { return c.Calls + 3*c.Meetings + 10*c.DealsWon }

// ScoreWorking says how Score is computed.
const ScoreWorking = "score = calls + 3 × client meetings + 10 × deals won"

// DayCounts are one day's counts, for one rep or the whole selection.
type DayCounts struct {
	Date string `json:"date"` // YYYY-MM-DD
	Counts
}

// ActivityPicture is the day-by-day and week-by-week picture of a period: per rep and in total.
type ActivityPicture struct {
	Days   []DayCounts           `json:"days"`
	Weeks  []DayCounts           `json:"weeks"` // Date is the week's Monday
	PerRep map[int64]Counts      `json:"per_rep"`
	RepDay map[int64][]DayCounts `json:"rep_days"`
}

// TallyActivity groups activities from the days from to to (inclusive, UTC) by day, by ISO week and by rep; every day
// of the period is present, with zeros.
func TallyActivity(acts []SalesActivity, reps []int64, from, to time.Time) ActivityPicture {
	from, to = DayOf(from), DayOf(to)
	var days []string
	index := map[string]int{}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		index[d.Format(time.DateOnly)] = len(days)
		days = append(days, d.Format(time.DateOnly))
	}
	out := ActivityPicture{Days: make([]DayCounts, len(days)), PerRep: map[int64]Counts{}, RepDay: map[int64][]DayCounts{}}
	for i, d := range days {
		out.Days[i].Date = d
	}
	for _, r := range reps {
		out.PerRep[r] = Counts{}
		rd := make([]DayCounts, len(days))
		for i, d := range days {
			rd[i].Date = d
		}
		out.RepDay[r] = rd
	}
	for _, a := range acts {
		i, ok := index[a.At.UTC().Format(time.DateOnly)]
		rd, mine := out.RepDay[a.RepID]
		if !ok || !mine {
			continue
		}
		out.Days[i].Add(a)
		rd[i].Add(a)
		c := out.PerRep[a.RepID]
		c.Add(a)
		out.PerRep[a.RepID] = c
	}
	for _, d := range out.Days {
		t, _ := time.Parse(time.DateOnly, d.Date)
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(time.DateOnly)
		if n := len(out.Weeks); n == 0 || out.Weeks[n-1].Date != monday {
			out.Weeks = append(out.Weeks, DayCounts{Date: monday})
		}
		w := &out.Weeks[len(out.Weeks)-1]
		w.Calls, w.Meetings, w.DealsWon, w.DealsLost = w.Calls+d.Calls, w.Meetings+d.Meetings, w.DealsWon+d.DealsWon, w.DealsLost+d.DealsLost
		for cur, v := range d.Won {
			if w.Won == nil {
				w.Won = map[string]float64{}
			}
			w.Won[cur] += v
		}
	}
	return out
}

// Ranked is a rep's place in a ranking.
type Ranked struct {
	UserID int64 `json:"user_id"`
	Score  int   `json:"score"`
	Counts
}

// Top ranks the reps by Score, highest first (ties by user ID), leaving out those with nothing logged; at
// most n.
func Top(per map[int64]Counts, n int) []Ranked {
	out := []Ranked{}
	for id, c := range per {
		if s := c.Score(); s > 0 {
			out = append(out, Ranked{UserID: id, Score: s, Counts: c})
		}
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return int(a.UserID - b.UserID)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// DayOf is midnight UTC of t's day.
func DayOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Pearson is the correlation of xs and ys (the same length); ok is false with fewer than three pairs or no
// spread.
func Pearson(xs, ys []float64) (r float64, ok bool) {
	n := float64(len(xs))
	if len(xs) < 3 || len(xs) != len(ys) {
		return 0, false
	}
	var sx, sy float64
	for i := range xs {
		sx, sy = sx+xs[i], sy+ys[i]
	}
	mx, my := sx/n, sy/n
	var cov, vx, vy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		cov, vx, vy = cov+dx*dy, vx+dx*dx, vy+dy*dy
	}
	if vx == 0 || vy == 0 {
		return 0, false
	}
	return cov / math.Sqrt(vx*vy), true
}

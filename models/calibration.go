package models

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// CalibrationCard is one submitted scorecard as calibration reads it: who scored whom in which interview,
// the scores, and how long after the interview it came.
type CalibrationCard struct {
	InterviewerID int64
	InterviewID   int64
	ApplicationID int64
	Ratings       []Rating
	EndsAt        time.Time
	SubmittedAt   time.Time
}

// InterviewerCalibration is how one interviewer scores compared with the panels they sat on.
type InterviewerCalibration struct {
	InterviewerID int64 `json:"interviewer_id"`
	Scorecards    int   `json:"scorecards"`
	// AverageScore is the mean of every competency score they gave.
	AverageScore float64 `json:"average_score"`
	// PanelDeviation is the mean of (their score - the other panel members' mean) over every competency of
	// every candidate someone else on the panel also scored: positive when they score higher than colleagues.
	PanelDeviation float64 `json:"panel_deviation"`
	// PanelDistance is the mean absolute value of the same differences: how far from the panel, either way.
	PanelDistance float64 `json:"panel_distance"`
	// Compared counts the competency scores that had a panel to compare with.
	Compared int `json:"compared"`
	// Late counts scorecards submitted more than lateAfter after the interview ended.
	Late int `json:"late"`
	// Pending counts scorecards still owed for interviews that have ended.
	Pending int `json:"pending"`
	// MedianHoursToSubmit is the median time from an interview's end to their scorecard (0 when it came early).
	MedianHoursToSubmit float64 `json:"median_hours_to_submit"`
}

// Calibrate measures each interviewer against the panels they sat on. pending counts the scorecards each
// interviewer still owes; lateAfter is when a scorecard counts as late. The result is ordered by interviewer
// ID and holds every interviewer in cards or pending.
func Calibrate(cards []CalibrationCard, pending map[int64]int, lateAfter time.Duration) []InterviewerCalibration {
	type key struct {
		interview, application int64
		competency             string
	}
	type sum struct{ total, n int }
	panel := map[key]sum{}
	for _, c := range cards {
		for _, r := range c.Ratings {
			k := key{c.InterviewID, c.ApplicationID, r.CompetencyID}
			s := panel[k]
			panel[k] = sum{s.total + r.Score, s.n + 1}
		}
	}
	type acc struct {
		out                 InterviewerCalibration
		scores, n           int
		deviation, distance float64
		hours               []float64
	}
	by := map[int64]*acc{}
	get := func(id int64) *acc {
		if by[id] == nil {
			by[id] = &acc{out: InterviewerCalibration{InterviewerID: id}}
		}
		return by[id]
	}
	for _, c := range cards {
		a := get(c.InterviewerID)
		a.out.Scorecards++
		for _, r := range c.Ratings {
			a.scores += r.Score
			a.n++
			s := panel[key{c.InterviewID, c.ApplicationID, r.CompetencyID}]
			if s.n < 2 {
				continue
			}
			d := float64(r.Score) - float64(s.total-r.Score)/float64(s.n-1)
			a.deviation += d
			a.distance += math.Abs(d)
			a.out.Compared++
		}
		after := max(c.SubmittedAt.Sub(c.EndsAt), 0)
		if after > lateAfter {
			a.out.Late++
		}
		a.hours = append(a.hours, after.Hours())
	}
	for id, n := range pending {
		if n > 0 {
			get(id).out.Pending = n
		}
	}
	out := make([]InterviewerCalibration, 0, len(by))
	for _, a := range by {
		if a.n > 0 {
			a.out.AverageScore = round2(float64(a.scores) / float64(a.n))
		}
		if a.out.Compared > 0 {
			a.out.PanelDeviation = round2(a.deviation / float64(a.out.Compared))
			a.out.PanelDistance = round2(a.distance / float64(a.out.Compared))
		}
		a.out.MedianHoursToSubmit = round2(median(a.hours))
		out = append(out, a.out)
	}
	slices.SortFunc(out, func(x, y InterviewerCalibration) int { return cmp.Compare(x.InterviewerID, y.InterviewerID) })
	return out
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

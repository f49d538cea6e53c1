package models

import "time"

// WorkingDay is the span of a working day in which reps are expected to log work (UTC, as the meetings).
var WorkingDay = struct{ Start, End int }{Start: 8, End: 17}

// IsWorkingDay says whether d is a working day in country: Monday to Friday and not a public holiday.
func IsWorkingDay(d time.Time, country string) bool {
	d = d.UTC()
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	for _, h := range Holidays(country, d.Year()) {
		if h.Date.Equal(day(d.Year(), d.Month(), d.Day())) {
			return false
		}
	}
	return true
}

// WorkingHoursBetween counts the working hours between from and to: the hours of WorkingDay on working days
// of country (weekends and public holidays do not count), to the minute.
func WorkingHoursBetween(from, to time.Time, country string) float64 {
	from, to = from.UTC(), to.UTC()
	if !to.After(from) {
		return 0
	}
	var total time.Duration
	for d := day(from.Year(), from.Month(), from.Day()); d.Before(to); d = d.AddDate(0, 0, 1) {
		if !IsWorkingDay(d, country) {
			continue
		}
		start, end := d.Add(time.Duration(WorkingDay.Start)*time.Hour), d.Add(time.Duration(WorkingDay.End)*time.Hour)
		if from.After(start) {
			start = from
		}
		if to.Before(end) {
			end = to
		}
		if end.After(start) {
			total += end.Sub(start)
		}
	}
	return total.Hours()
}

// Idle says whether a rep whose last logged work was at last (zero: never, counted from since) has been idle
// for at least threshold working hours at now.
func Idle(last, since, now time.Time, threshold float64, country string) (bool, float64) {
	if last.IsZero() || last.Before(since) {
		last = since
	}
	h := WorkingHoursBetween(last, now, country)
	return h >= threshold, h
}

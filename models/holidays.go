package models

import (
	"fmt"
	"slices"
	"time"
)

// An Occasion is a day worth greeting a client on: a public holiday of the client's country, a company-wide
// occasion, or one of the client's own dates.
type Occasion struct {
	Key  string    `json:"key"`  // stable, e.g. "al.independence", "intl.new_year", "account.anniversary"
	Kind string    `json:"kind"` // OccasionHoliday, OccasionCompany or OccasionClient
	Date time.Time `json:"date"` // midnight UTC of the day
	// Names in English and Albanian.
	Name   string `json:"name"`
	NameSq string `json:"name_sq"`
	// Theme picks the e-card designs: new_year, christmas, easter, bajram, national, spring, women, anniversary,
	// birthday, name_day, general.
	Theme string `json:"theme"`
}

// Occasion kinds.
const (
	OccasionHoliday = "holiday"
	OccasionCompany = "company"
	OccasionClient  = "client"
)

// Countries with a shipped holiday calendar. "INTL" is the small international set every client gets.
var HolidayCountries = []string{"AL", "XK", "INTL"}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// WesternEaster is Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/
// Butcher).
func WesternEaster(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	return day(y, time.Month(month), (h+l-7*m+114)%31+1)
}

// OrthodoxEaster is Easter Sunday of the Orthodox churches (the Julian computus, Meeus), given as a Gregorian
// date: the Julian date plus the calendars' difference (13 days from 1900 to 2099).
func OrthodoxEaster(y int) time.Time {
	a, b, c := y%4, y%7, y%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	dd := (d+e+114)%31 + 1
	return day(y, time.Month(month), dd).AddDate(0, 0, 13)
}

// Bajrams are the dates of the two Bajrams (Eid al-Fitr, "Bajrami i Madh", and Eid al-Adha, "Kurban Bajrami")
// as declared in Albania, by year. They follow the lunar Hijri calendar and are fixed each year by the Albanian
// Muslim Community (Komuniteti Mysliman i Shqipërisë) and the Council of Ministers' decision on public
// holidays; future years are the Umm al-Qura calendar's dates and may move by a day when declared. Keep this
// table up to date each year (docs/holidays.md): a year missing here simply has no Bajram occasion.
var Bajrams = map[int][2]time.Time{
	2024: {day(2024, time.April, 10), day(2024, time.June, 16)},
	2025: {day(2025, time.March, 30), day(2025, time.June, 6)},
	2026: {day(2026, time.March, 20), day(2026, time.May, 27)},
	2027: {day(2027, time.March, 10), day(2027, time.May, 16)},
	2028: {day(2028, time.February, 27), day(2028, time.May, 5)},
	2029: {day(2029, time.February, 14), day(2029, time.April, 24)},
	2030: {day(2030, time.February, 5), day(2030, time.April, 13)},
}

// Holidays returns a country's public holidays in year y, by date ("INTL" for the international set).
func Holidays(country string, y int) []Occasion {
	h := func(key string, d time.Time, name, sq, theme string) Occasion {
		return Occasion{Key: key, Kind: OccasionHoliday, Date: d, Name: name, NameSq: sq, Theme: theme}
	}
	var out []Occasion
	switch country {
	case "INTL":
		out = []Occasion{
			h("intl.new_year", day(y, time.January, 1), "New Year's Day", "Viti i Ri", "new_year"),
			h("intl.womens_day", day(y, time.March, 8), "International Women's Day", "Dita Ndërkombëtare e Gruas", "women"),
			h("intl.christmas", day(y, time.December, 25), "Christmas Day", "Krishtlindjet", "christmas"),
		}
	case "AL", "XK":
		out = []Occasion{
			h("al.new_year", day(y, time.January, 1), "New Year's Day", "Dita e Vitit të Ri", "new_year"),
			h("al.catholic_easter", WesternEaster(y), "Catholic Easter", "Pashkët Katolike", "easter"),
			h("al.orthodox_easter", OrthodoxEaster(y), "Orthodox Easter", "Pashkët Ortodokse", "easter"),
			h("al.labour_day", day(y, time.May, 1), "International Workers' Day", "Dita Ndërkombëtare e Punëtorëve", "general"),
			h("al.christmas", day(y, time.December, 25), "Christmas Day", "Krishtlindjet", "christmas"),
		}
		if b, ok := Bajrams[y]; ok {
			out = append(out,
				h("al.eid_al_fitr", b[0], "Eid al-Fitr (Bajrami i Madh)", "Bajrami i Madh", "bajram"),
				h("al.eid_al_adha", b[1], "Eid al-Adha (Kurban Bajrami)", "Kurban Bajrami", "bajram"))
		}
		if country == "AL" {
			out = append(out,
				h("al.summer_day", day(y, time.March, 14), "Summer Day", "Dita e Verës", "spring"),
				h("al.nevruz", day(y, time.March, 22), "Nevruz Day", "Dita e Nevruzit", "spring"),
				h("al.mother_teresa", day(y, time.September, 5), "Mother Teresa Day", "Dita e Shenjtërimit të Nënë Terezës", "general"),
				h("al.independence", day(y, time.November, 28), "Independence Day", "Dita e Pavarësisë", "national"),
				h("al.liberation", day(y, time.November, 29), "Liberation Day", "Dita e Çlirimit", "national"),
				h("al.youth_day", day(y, time.December, 8), "National Youth Day", "Dita Kombëtare e Rinisë", "general"),
			)
		} else {
			out = append(out,
				h("xk.independence", day(y, time.February, 17), "Independence Day", "Dita e Pavarësisë", "national"),
				h("xk.constitution", day(y, time.April, 9), "Constitution Day", "Dita e Kushtetutës", "national"),
				h("xk.europe_day", day(y, time.May, 9), "Europe Day", "Dita e Evropës", "general"),
			)
		}
	}
	slices.SortStableFunc(out, func(a, b Occasion) int { return a.Date.Compare(b.Date) })
	return out
}

// ClientDate is one of a client's own dates, repeating every year from its first.
type ClientDate struct {
	Kind  string    // anniversary, birthday, name_day, first_deal
	Date  time.Time // the first (founding, birth, first deal) or any year's for a name day
	Label string    // e.g. the contact's name for a birthday
}

// Client date kinds.
var ClientDateKinds = []string{"anniversary", "birthday", "name_day", "first_deal"}

// Recur gives a client date's occasion in year y (29 February falls on 28 February in other years); false
// until its first anniversary (a name day recurs every year).
func (c ClientDate) Recur(y int) (Occasion, bool) {
	first := c.Date.UTC()
	if c.Kind != "name_day" && y <= first.Year() {
		return Occasion{}, false // the founding, the birth or the deal itself, not yet an anniversary
	}
	d := first.Day()
	if first.Month() == time.February && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		d = 28
	}
	o := Occasion{Kind: OccasionClient, Date: day(y, first.Month(), d), Key: "client." + c.Kind}
	years := y - first.Year()
	switch c.Kind {
	case "anniversary":
		o.Name, o.NameSq, o.Theme = yearsEn(years)+" of the company", yearsSq(years)+" të kompanisë", "anniversary"
	case "first_deal":
		o.Name, o.NameSq, o.Theme = yearsEn(years)+" of working together", yearsSq(years)+" bashkëpunim", "anniversary"
	case "birthday":
		o.Name, o.NameSq, o.Theme = "Birthday of "+c.Label, "Ditëlindje: "+c.Label, "birthday"
	case "name_day":
		o.Name, o.NameSq, o.Theme = "Name day of "+c.Label, "Dita e emrit: "+c.Label, "name_day"
	default:
		return Occasion{}, false
	}
	return o, true
}

// OccasionsOn returns the occasions falling on day d for a client in country with its own dates, plus the
// company-wide ones given, each once by key.
func OccasionsOn(d time.Time, country string, company []Occasion, dates []ClientDate) []Occasion {
	d = day(d.Year(), d.Month(), d.Day())
	var out []Occasion
	seen := map[string]bool{}
	add := func(o Occasion) {
		// One holiday greeting per theme and day: New Year in two calendars, or both Easters on the same
		// Sunday, are one occasion.
		k := o.Key
		if o.Kind == OccasionHoliday {
			k = "holiday." + o.Theme
		}
		if o.Date.Equal(d) && !seen[k] {
			seen[k] = true
			out = append(out, o)
		}
	}
	for _, c := range []string{country, "INTL"} {
		for _, o := range Holidays(c, d.Year()) {
			add(o)
		}
	}
	for _, o := range company {
		add(o)
	}
	for _, c := range dates {
		if o, ok := c.Recur(d.Year()); ok {
			add(o)
		}
	}
	return out
}

func yearsEn(n int) string {
	if n == 1 {
		return "1 year"
	}
	return fmt.Sprintf("%d years", n)
}

func yearsSq(n int) string {
	if n == 1 {
		return "1 vit"
	}
	return fmt.Sprintf("%d vjet", n)
}

package models

import (
	"testing"
	"time"
)

// TestEasters checks both Easters against the published tables (the Catholic and the Orthodox churches'
// calendars, as printed by the Albanian government's yearly holiday decisions).
func TestEasters(t *testing.T) {
	western := map[int]string{2019: "2019-04-21", 2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09",
		2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21"}
	orthodox := map[int]string{2019: "2019-04-28", 2020: "2020-04-19", 2021: "2021-05-02", 2022: "2022-04-24", 2023: "2023-04-16",
		2024: "2024-05-05", 2025: "2025-04-20", 2026: "2026-04-12", 2027: "2027-05-02", 2028: "2028-04-16", 2029: "2029-04-08", 2030: "2030-04-28"}
	for y, want := range western {
		if got := WesternEaster(y).Format(time.DateOnly); got != want {
			t.Errorf("Catholic Easter %d: %s; want %s", y, got, want)
		}
	}
	for y, want := range orthodox {
		if got := OrthodoxEaster(y).Format(time.DateOnly); got != want {
			t.Errorf("Orthodox Easter %d: %s; want %s", y, got, want)
		}
	}
}

// TestAlbanianHolidays: the public holidays of Albania for 2024 to 2026 against the Council of Ministers'
// published lists (fixed days, both Easters, both Bajrams).
func TestAlbanianHolidays(t *testing.T) {
	want := map[int][]string{
		2024: {"2024-01-01 al.new_year", "2024-03-14 al.summer_day", "2024-03-22 al.nevruz", "2024-03-31 al.catholic_easter",
			"2024-04-10 al.eid_al_fitr", "2024-05-01 al.labour_day", "2024-05-05 al.orthodox_easter", "2024-06-16 al.eid_al_adha",
			"2024-09-05 al.mother_teresa", "2024-11-28 al.independence", "2024-11-29 al.liberation", "2024-12-08 al.youth_day", "2024-12-25 al.christmas"},
		2025: {"2025-01-01 al.new_year", "2025-03-14 al.summer_day", "2025-03-22 al.nevruz", "2025-03-30 al.eid_al_fitr",
			"2025-04-20 al.catholic_easter", "2025-04-20 al.orthodox_easter", "2025-05-01 al.labour_day", "2025-06-06 al.eid_al_adha",
			"2025-09-05 al.mother_teresa", "2025-11-28 al.independence", "2025-11-29 al.liberation", "2025-12-08 al.youth_day", "2025-12-25 al.christmas"},
		2026: {"2026-01-01 al.new_year", "2026-03-14 al.summer_day", "2026-03-20 al.eid_al_fitr", "2026-03-22 al.nevruz",
			"2026-04-05 al.catholic_easter", "2026-04-12 al.orthodox_easter", "2026-05-01 al.labour_day", "2026-05-27 al.eid_al_adha",
			"2026-09-05 al.mother_teresa", "2026-11-28 al.independence", "2026-11-29 al.liberation", "2026-12-08 al.youth_day", "2026-12-25 al.christmas"},
	}
	for y, w := range want {
		var got []string
		for _, o := range Holidays("AL", y) {
			got = append(got, o.Date.Format(time.DateOnly)+" "+o.Key)
			if o.Name == "" || o.NameSq == "" || o.Theme == "" {
				t.Errorf("%s has no name or theme", o.Key)
			}
		}
		if len(got) != len(w) {
			t.Fatalf("%d: %d holidays %v; want %v", y, len(got), got, w)
		}
		for i := range w {
			if got[i] != w[i] {
				t.Errorf("%d #%d: %s; want %s", y, i, got[i], w[i])
			}
		}
	}
	if len(Holidays("AL", 2031)) != 11 {
		t.Error("a year past the Bajram table has its other holidays")
	}
}

// TestOccasionsOn: holidays of one theme on one day are one occasion; client dates recur from their first
// anniversary; 29 February falls on 28 February in other years; company-wide occasions are included.
func TestOccasionsOn(t *testing.T) {
	keys := func(os []Occasion) (out []string) {
		for _, o := range os {
			out = append(out, o.Key)
		}
		return out
	}
	// 2025-04-20: both Easters are one greeting.
	if got := keys(OccasionsOn(day(2025, 4, 20), "AL", nil, nil)); len(got) != 1 || got[0] != "al.catholic_easter" {
		t.Errorf("Easter 2025: %v", got)
	}
	// New Year: Albania's and the international one are one.
	if got := keys(OccasionsOn(day(2027, 1, 1), "AL", nil, nil)); len(got) != 1 {
		t.Errorf("New Year: %v", got)
	}
	dates := []ClientDate{{Kind: "anniversary", Date: day(2019, 6, 3)}, {Kind: "birthday", Date: day(1980, 2, 29), Label: "Arta Gashi"},
		{Kind: "first_deal", Date: day(2026, 6, 3)}, {Kind: "name_day", Date: day(2000, 6, 3), Label: "Arta Gashi"}}
	got := OccasionsOn(day(2026, 6, 3), "AL", nil, dates)
	if len(got) != 2 || got[0].Name != "7 years of the company" || got[1].Key != "client.name_day" {
		t.Errorf("3 June 2026: %+v (the first deal's own day is no anniversary)", got)
	}
	if got := OccasionsOn(day(2027, 6, 3), "AL", nil, dates); len(got) != 3 || got[1].Name != "1 year of working together" || got[1].NameSq != "1 vit bashkëpunim" {
		t.Errorf("3 June 2027: %+v", got)
	}
	if got := keys(OccasionsOn(day(2027, 2, 28), "AL", nil, dates)); len(got) != 1 || got[0] != "client.birthday" {
		t.Errorf("a 29 February birthday in 2027: %v", got)
	}
	company := []Occasion{{Key: "company.12", Kind: OccasionCompany, Date: day(2026, 10, 1), Name: "Our 10th birthday", Theme: "general"}}
	if got := keys(OccasionsOn(day(2026, 10, 1), "AL", company, nil)); len(got) != 1 || got[0] != "company.12" {
		t.Errorf("a company occasion: %v", got)
	}
	if got := OccasionsOn(day(2026, 11, 28), "XK", nil, nil); len(got) != 0 {
		t.Errorf("Albania's Independence Day for a client in Kosovo: %+v", got)
	}
}

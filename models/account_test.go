package models

import (
	"testing"
	"time"
)

func TestAccountKey(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Alba Trade Sh.p.k.", "ALBA TRADE"},
		{"  Kafe  Prishtina ", "kafe prishtina"},
		{"Dukagjini LLC", "dukagjini"},
	} {
		if AccountKey(tt.a) != AccountKey(tt.b) {
			t.Errorf("%q and %q should be one client: %q vs %q", tt.a, tt.b, AccountKey(tt.a), AccountKey(tt.b))
		}
	}
	if AccountKey("Shpk") != "shpk" || AccountKey("Alba") == AccountKey("Albana") {
		t.Error("a lone legal form is a name; different names stay apart")
	}
}

func TestActivityValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	ok := []SalesActivity{
		{Kind: ActivityCall, At: now},
		{Kind: ActivityDealWon, At: now.Add(-time.Hour), Amount: 1200, Currency: "EUR"},
	}
	for _, a := range ok {
		if err := a.Validate(now); err != nil {
			t.Errorf("%+v: %v", a, err)
		}
	}
	bad := []struct {
		a     SalesActivity
		field string
	}{
		{SalesActivity{Kind: "visit", At: now}, "kind"},
		{SalesActivity{Kind: ActivityCall, At: now.Add(time.Hour)}, "at"},
		{SalesActivity{Kind: ActivityCall, At: now.AddDate(0, 0, -61)}, "at"},
		{SalesActivity{Kind: ActivityDealWon, At: now, Currency: "EUR"}, "amount"},
		{SalesActivity{Kind: ActivityDealWon, At: now, Amount: 10, Currency: "USD"}, "currency"},
		{SalesActivity{Kind: ActivityMeeting, At: now, Amount: 10}, "amount"},
	}
	for _, tt := range bad {
		fields := Nested(tt.a.Validate(now), "")
		if len(fields) != 1 || fields[0].Field != tt.field {
			t.Errorf("%+v: %v, want one error on %s", tt.a, fields, tt.field)
		}
	}
}

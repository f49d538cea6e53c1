package models

import (
	"strings"
	"testing"
	"time"
)

func TestInterviewPlanValidate(t *testing.T) {
	now := time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)
	good := InterviewPlan{StartsAt: now.Add(48 * time.Hour), DurationMinutes: 45, Location: "Prishtinë", InterviewerIDs: []int64{4, 5}}
	if err := good.Validate(now); err != nil {
		t.Fatal(err)
	}
	online := good
	online.Location, online.VideoURL = "", "https://meet.example/abc"
	if err := online.Validate(now); err != nil {
		t.Fatalf("a video interview: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(*InterviewPlan)
		field string
	}{
		{"in the past", func(p *InterviewPlan) { p.StartsAt = now.Add(-time.Minute) }, "starts_at"},
		{"next year but one", func(p *InterviewPlan) { p.StartsAt = now.AddDate(1, 0, 1) }, "starts_at"},
		{"too short", func(p *InterviewPlan) { p.DurationMinutes = 5 }, "duration_minutes"},
		{"nowhere", func(p *InterviewPlan) { p.Location = " " }, "location"},
		{"a bad link", func(p *InterviewPlan) { p.VideoURL = "javascript:alert(1)" }, "video_url"},
		{"nobody interviews", func(p *InterviewPlan) { p.InterviewerIDs = nil }, "interviewer_ids"},
		{"the same interviewer twice", func(p *InterviewPlan) { p.InterviewerIDs = []int64{4, 4} }, "interviewer_ids"},
	}
	for _, tt := range tests {
		p := good
		tt.edit(&p)
		err := p.Validate(now)
		var fields []string
		if e, ok := err.(*Error); ok {
			for _, f := range e.Fields {
				fields = append(fields, f.Field)
			}
		}
		if strings.Join(fields, ",") != tt.field {
			t.Errorf("%s: fields %v; want %s", tt.name, fields, tt.field)
		}
	}
	iv := Interview{ID: 7, StartsAt: now, DurationMinutes: 30}
	if iv.Ends() != now.Add(30*time.Minute) || iv.InviteUID() != "interview-7@bullpen" {
		t.Fatalf("ends %v uid %s", iv.Ends(), iv.InviteUID())
	}
}

func TestInterviewOwed(t *testing.T) {
	iv := Interview{InterviewerIDs: []int64{1, 2, 3}, Excused: map[int64]string{2: "ill"}}
	if got := iv.Owed(); len(got) != 2 || got[0] != 1 || got[1] != 3 {
		t.Errorf("Owed = %v, want [1 3]", got)
	}
	if iv.Owes(2) || iv.Owes(4) || !iv.Owes(3) {
		t.Error("Owes: an excused or absent interviewer owes nothing; 3 does")
	}
	if got := iv.Missing([]int64{3, 4}); len(got) != 1 || got[0] != 1 {
		t.Errorf("Missing = %v, want [1]", got)
	}
}

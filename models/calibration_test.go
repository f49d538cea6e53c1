package models

import (
	"testing"
	"time"
)

func calCard(interviewer, interview, application int64, ends, submitted time.Time, scores ...int) CalibrationCard {
	c := CalibrationCard{InterviewerID: interviewer, InterviewID: interview, ApplicationID: application, EndsAt: ends, SubmittedAt: submitted}
	for i, s := range scores {
		c.Ratings = append(c.Ratings, Rating{CompetencyID: []string{"a", "b", "c"}[i], Score: s})
	}
	return c
}

func TestCalibrate(t *testing.T) {
	end := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	cards := []CalibrationCard{
		// Interview 1, candidate 10: the lenient interviewer 1 scores two above interviewer 2 everywhere.
		calCard(1, 1, 10, end, end.Add(2*time.Hour), 5, 5, 4),
		calCard(2, 1, 10, end, end.Add(30*time.Hour), 3, 3, 2),
		// Interview 2, candidate 11: a panel of three; interviewer 3 agrees with 2.
		calCard(1, 2, 11, end, end.Add(4*time.Hour), 4, 4, 4),
		calCard(2, 2, 11, end, end.Add(-time.Hour), 2, 2, 2), // submitted before the end counts as 0 hours
		calCard(3, 2, 11, end, end.Add(6*time.Hour), 2, 2, 2),
		// Interview 3: interviewer 3 alone has nothing to compare with.
		calCard(3, 3, 12, end, end.Add(time.Hour), 1, 1, 1),
	}
	got := Calibrate(cards, map[int64]int{2: 1, 4: 2, 5: 0}, 24*time.Hour)
	if len(got) != 4 {
		t.Fatalf("got %d interviewers, want 4 (1, 2, 3 and 4 who only owes): %+v", len(got), got)
	}
	one, two, three, four := got[0], got[1], got[2], got[3]
	if one.InterviewerID != 1 || one.Scorecards != 2 || one.AverageScore != 4.33 {
		t.Errorf("interviewer 1 = %+v, want 2 scorecards averaging 4.33", one)
	}
	// Against 2 on interview 1: +2 each; against the mean of 2 and 3 (2) on interview 2: +2 each.
	if one.PanelDeviation != 2 || one.PanelDistance != 2 || one.Compared != 6 {
		t.Errorf("interviewer 1 deviation %v distance %v compared %d, want 2, 2, 6", one.PanelDeviation, one.PanelDistance, one.Compared)
	}
	// Interviewer 2: -2 on interview 1; on interview 2 against mean(4, 2) = 3: -1 each.
	if two.PanelDeviation != -1.5 || two.PanelDistance != 1.5 {
		t.Errorf("interviewer 2 deviation %v distance %v, want -1.5 and 1.5", two.PanelDeviation, two.PanelDistance)
	}
	if two.Late != 1 || two.Pending != 1 || two.MedianHoursToSubmit != 15 {
		t.Errorf("interviewer 2 late %d pending %d median %v, want 1, 1, 15", two.Late, two.Pending, two.MedianHoursToSubmit)
	}
	// Interviewer 3: only interview 2 compares (against mean(4, 2) = 3: -1 each); interview 3 had no panel.
	if three.Compared != 3 || three.PanelDeviation != -1 || three.Scorecards != 2 || three.MedianHoursToSubmit != 3.5 {
		t.Errorf("interviewer 3 = %+v", three)
	}
	if four.InterviewerID != 4 || four.Scorecards != 0 || four.Pending != 2 || four.AverageScore != 0 {
		t.Errorf("interviewer 4 = %+v, want only 2 pending", four)
	}
}

func TestCalibrateEmpty(t *testing.T) {
	if got := Calibrate(nil, nil, time.Hour); len(got) != 0 {
		t.Errorf("Calibrate(nil) = %+v, want none", got)
	}
}

func TestGroupRubric(t *testing.T) {
	for _, l := range Locales {
		r := GroupRubric(l)
		if err := r.Validate(); err != nil {
			t.Errorf("%s group rubric: %v", l, err)
		}
		en := GroupRubric("en")
		for i, c := range r.Competencies {
			if c.ID != en.Competencies[i].ID {
				t.Errorf("%s competency %d is %q, want %q as in English", l, i, c.ID, en.Competencies[i].ID)
			}
		}
	}
	if GroupRubric("de").Competencies[0].Name != "Listening" {
		t.Error("an unknown locale should fall back to English")
	}
	r := GroupRubric("en")
	r.Competencies[0].Name = "changed"
	if GroupRubric("en").Competencies[0].Name == "changed" {
		t.Error("GroupRubric must return a copy")
	}
}

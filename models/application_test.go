package models

import (
	"strings"
	"testing"
)

func TestValidateMove(t *testing.T) {
	tests := []struct {
		name     string
		m        Move
		want     string
		contains string
	}{
		{"next stage", Move{From: StageApplied, To: StageQuestionnaire, Reason: "Sent the questionnaire"}, "", ""},
		{"every step forward", Move{From: StageOffer, To: StageHired, Reason: "Accepted"}, "", ""},
		{"skipping a stage", Move{From: StageApplied, To: StageFirstInterview, Reason: "Looks great"}, ECONFLICT, "Cannot skip questionnaire"},
		{"straight to an offer", Move{From: StageScreening, To: StageOffer, Reason: "Hire now"}, ECONFLICT, "Cannot skip first interview"},
		{"backwards", Move{From: StageShortlist, To: StageScreening, Reason: "Again"}, ECONFLICT, "does not move back"},
		{"reject from any open stage", Move{From: StageSecondInterview, To: StageRejected, Reason: "Weak closing", ReasonCode: "weak_role_play"}, "", ""},
		{"withdraw from any open stage", Move{From: StageApplied, To: StageWithdrawn, Reason: "Took another job"}, "", ""},
		{"an offer to a rejected candidate", Move{From: StageRejected, To: StageOffer, Reason: "Second thoughts"}, ECONFLICT, "closed"},
		{"anything after hiring", Move{From: StageHired, To: StageWithdrawn, Reason: "Left"}, ECONFLICT, "closed"},
		{"rejecting twice", Move{From: StageRejected, To: StageRejected, Reason: "Again", ReasonCode: "other"}, ECONFLICT, "closed"},
		{"the same stage", Move{From: StageScreening, To: StageScreening, Reason: "Stay"}, ECONFLICT, "already at screening"},
		{"no reason", Move{From: StageApplied, To: StageQuestionnaire, Reason: "  "}, EINVALID, ""},
		{"rejection without a code", Move{From: StageApplied, To: StageRejected, Reason: "No"}, EINVALID, ""},
		{"rejection with an unknown code", Move{From: StageApplied, To: StageRejected, Reason: "No", ReasonCode: "vibes"}, EINVALID, ""},
		{"unknown target", Move{From: StageApplied, To: "promoted", Reason: "Why not"}, EINVALID, ""},
		{"unknown origin", Move{From: "limbo", To: StageApplied, Reason: "Why not"}, EINVALID, ""},
		{"reason too long", Move{From: StageApplied, To: StageQuestionnaire, Reason: strings.Repeat("ë", MaxReasonLength+1)}, EINVALID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateMove(tt.m, nil)
			if got := ErrorCode(err); got != tt.want {
				t.Fatalf("code %q (%v); want %q", got, err, tt.want)
			}
			if tt.contains != "" && !strings.Contains(ErrorMessage(err), tt.contains) {
				t.Errorf("message %q lacks %q", ErrorMessage(err), tt.contains)
			}
		})
	}
}

func TestValidateMoveUsesTheOrganisationsReasons(t *testing.T) {
	m := Move{From: StageScreening, To: StageRejected, Reason: "Not for us", ReasonCode: "culture"}
	if err := ValidateMove(m, []string{"culture", "other"}); err != nil {
		t.Fatalf("configured code refused: %v", err)
	}
	if ErrorCode(ValidateMove(m, nil)) != EINVALID {
		t.Fatal("a code outside the default list was accepted")
	}
}

func TestEveryOpenStageReachesHiredOneStepAtATime(t *testing.T) {
	s := StageApplied
	for steps := 0; s != StageHired; steps++ {
		next := NextStage(s)
		if err := ValidateMove(Move{From: s, To: next, Reason: "next"}, nil); err != nil {
			t.Fatalf("%s -> %s: %v", s, next, err)
		}
		if steps > len(Pipeline) {
			t.Fatal("the pipeline does not end")
		}
		s = next
	}
	if NextStage(StageHired) != "" || NextStage(StageRejected) != "" {
		t.Fatal("a closed stage has a next stage")
	}
}

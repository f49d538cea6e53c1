package models

import "testing"

func TestCheckSlate(t *testing.T) {
	tests := []struct {
		name     string
		m        Move
		complete int
		refused  bool
	}{
		{"shortlist with 2 of 3", Move{From: StageFirstInterview, To: StageShortlist}, 2, true},
		{"shortlist with 3 of 3", Move{From: StageFirstInterview, To: StageShortlist}, 3, false},
		{"reject after the first interview with 2 of 3", Move{From: StageFirstInterview, To: StageRejected, ReasonCode: "weak_role_play"}, 2, true},
		{"reject a no-show", Move{From: StageFirstInterview, To: StageRejected, ReasonCode: "no_show"}, 0, false},
		{"reject a knock-out", Move{From: StageFirstInterview, To: StageRejected, ReasonCode: "knocked_out"}, 0, false},
		{"withdrawal", Move{From: StageFirstInterview, To: StageWithdrawn}, 0, false},
		{"offer with 1 of 3", Move{From: StageSecondInterview, To: StageOffer}, 1, true},
		{"reject at screening", Move{From: StageScreening, To: StageRejected, ReasonCode: "not_qualified"}, 0, false},
		{"into the first interview", Move{From: StageScreening, To: StageFirstInterview}, 0, false},
	}
	for _, tt := range tests {
		err := CheckSlate(tt.m, tt.complete, 3, false)
		if (err != nil) != tt.refused {
			t.Errorf("%s: %v", tt.name, err)
		}
		if err != nil && (ErrorCode(err) != ECONFLICT || err.(*Error).Message[:34] != "The slate is not complete: 2 of 3 " && tt.complete == 2) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestCheckSlateOpenedByDeadline(t *testing.T) {
	m := Move{From: StageFirstInterview, To: StageShortlist}
	if err := CheckSlate(m, 1, 3, true); err != nil {
		t.Errorf("a decision the deadline opened is refused: %v", err)
	}
	if err := CheckSlate(m, 1, 3, false); err == nil {
		t.Error("1 of 3 without the deadline is accepted")
	}
}

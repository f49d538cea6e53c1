package models

import "testing"

func TestProposeHandover(t *testing.T) {
	reps := []RepLoad{{UserID: 7, Accounts: 5}, {UserID: 3, Accounts: 2}, {UserID: 9, Accounts: 2}}
	got := ProposeHandover([]int64{101, 102, 103, 104, 105}, reps)
	// 3 and 9 tie at 2 (7 has 5): 3 (lower ID), 9, then at 3 each 3, 9, then at 4 each 3.
	want := []int64{3, 9, 3, 9, 3}
	if len(got) != 5 {
		t.Fatalf("got %d assignments", len(got))
	}
	for i, a := range got {
		if a.AccountID != int64(101+i) || a.ToUserID != want[i] {
			t.Errorf("assignment %d = %+v, want account %d to %d", i, a, 101+i, want[i])
		}
	}
	if reps[1].Accounts != 2 {
		t.Error("ProposeHandover must not change its argument")
	}
	if got := ProposeHandover([]int64{1}, nil); len(got) != 0 {
		t.Errorf("nobody to take over: %v", got)
	}
	// A heavily loaded rep gets nothing until the others catch up.
	got = ProposeHandover([]int64{1, 2, 3}, []RepLoad{{UserID: 1, Accounts: 10}, {UserID: 2, Accounts: 0}})
	for _, a := range got {
		if a.ToUserID != 2 {
			t.Errorf("%+v: the rep with 10 clients should get none of 3", a)
		}
	}
}

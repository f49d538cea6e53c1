package models

import (
	"cmp"
	"slices"
)

// RepLoad is a rep who can take over clients, with how many they own now.
type RepLoad struct {
	UserID   int64 `json:"user_id"`
	Accounts int   `json:"accounts"`
}

// Assignment gives one client account to one new owner.
type Assignment struct {
	AccountID int64 `json:"account_id"`
	ToUserID  int64 `json:"to_user_id"`
}

// ProposeHandover spreads a leaving rep's clients over the reps who stay, by load: each account in turn (the
// order given) goes to whoever owns fewest at that moment, the lower user ID on a tie. Every account gets
// exactly one new owner; with nobody to take them, none is assigned.
func ProposeHandover(accounts []int64, reps []RepLoad) []Assignment {
	out := []Assignment{}
	if len(reps) == 0 {
		return out
	}
	load := slices.Clone(reps)
	for _, a := range accounts {
		i := 0
		for j := range load {
			if c := cmp.Compare(load[j].Accounts, load[i].Accounts); c < 0 || (c == 0 && load[j].UserID < load[i].UserID) {
				i = j
			}
		}
		out = append(out, Assignment{AccountID: a, ToUserID: load[i].UserID})
		load[i].Accounts++
	}
	return out
}

package workflows

import (
	"fmt"
	"slices"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// OpeningInput starts an opening's workflow, or continues it as new with the state it had.
type OpeningInput struct {
	OpeningID int64
	Seats     int
	SlateSize int
	// ContinueAfter is how many signals one run takes before it continues as new (the server's suggestion
	// counts too); zero means DefaultOpeningContinueAfter.
	ContinueAfter int
	// SlateDeadline, when set, opens the shortlist decision even if the slate is not complete by then.
	SlateDeadline *time.Time
	State         *OpeningState
}

// OpeningState is what the workflow keeps: the slate (applications shortlisted for the final round) and the
// seats filled. It stays small however many candidates apply.
type OpeningState struct {
	Applications int
	Slate        []int64
	Hired        []int64
	Seats        int
	SlateSize    int
	SlateReady   bool
	Filled       bool
	Runs         int
	// Complete lists the applications whose first interview has a complete result; once SlateSize of them
	// do, or the slate deadline passes, the shortlist decision opens (DecisionOpen).
	Complete      []int64
	SlateDeadline *time.Time
	DeadlinePast  bool
	DecisionOpen  bool
}

// OpeningSettings changes an opening's seats or slate size, as the "settings" signal.
type OpeningSettings struct {
	Seats         int
	SlateSize     int
	SlateDeadline *time.Time
}

// DefaultOpeningContinueAfter keeps an opening's history far below Temporal's limits.
const DefaultOpeningContinueAfter = 1000

// Opening keeps an opening's slate and seats as its applications move: an application reaching the
// shortlist joins the slate, one rejected or withdrawn leaves it, one hired fills a seat. A full slate tells
// the hiring team; the last seat filled closes the opening. The run continues as new before its history grows
// large, carrying its state.
func Opening(ctx workflow.Context, in OpeningInput) (OpeningState, error) {
	if in.OpeningID <= 0 {
		return OpeningState{}, temporal.NewNonRetryableApplicationError("opening ID is required", models.EINVALID, nil)
	}
	st := OpeningState{Seats: in.Seats, SlateSize: in.SlateSize, Slate: []int64{}, Hired: []int64{}, SlateDeadline: in.SlateDeadline}
	if in.State != nil {
		st = *in.State
	}
	st.Runs++
	if in.ContinueAfter <= 0 {
		in.ContinueAfter = DefaultOpeningContinueAfter
	}
	if err := workflow.SetQueryHandler(ctx, QueryState, func() (OpeningState, error) { return st, nil }); err != nil {
		return st, err
	}
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	added := workflow.GetSignalChannel(ctx, SignalApplicationsAdded)
	moved := workflow.GetSignalChannel(ctx, SignalApplicationMoved)
	settings := workflow.GetSignalChannel(ctx, SignalOpeningSettings)
	firstRounds := workflow.GetSignalChannel(ctx, SignalFirstRoundComplete)
	o := &opening{in: in, st: &st}
	handled := 0
	sel := workflow.NewSelector(ctx)
	// A seat is claimed by an Update, decided at once and in order, so two acceptances of the last seat end
	// with one hire; the main loop then wakes to react (close a filled opening).
	wake := workflow.NewBufferedChannel(ctx, 1000)
	sel.AddReceive(wake, func(c workflow.ReceiveChannel, _ bool) { c.Receive(ctx, nil) })
	err := workflow.SetUpdateHandler(ctx, UpdateClaimSeat, func(ctx workflow.Context, claim SeatClaim) (SeatResult, error) {
		if slices.Contains(st.Hired, claim.ApplicationID) {
			return SeatResult{Filled: true}, nil // a retry
		}
		if st.Filled || len(st.Hired) >= st.Seats {
			return SeatResult{Filled: false}, nil
		}
		st.Hired = append(st.Hired, claim.ApplicationID)
		wake.SendAsync(true)
		return SeatResult{Filled: true}, nil
	})
	if err != nil {
		return st, err
	}
	sel.AddReceive(firstRounds, func(c workflow.ReceiveChannel, _ bool) {
		var f OpeningFirstRound
		c.Receive(ctx, &f)
		if !slices.Contains(st.Complete, f.ApplicationID) {
			st.Complete = append(st.Complete, f.ApplicationID)
		}
	})
	// The slate deadline's timer; a new deadline replaces it (a replaced timer's firing is ignored).
	var deadlineAt time.Time
	cancelDeadline := func() {}
	armDeadline := func() {
		want := time.Time{}
		if st.SlateDeadline != nil && !st.DecisionOpen && !st.DeadlinePast {
			want = *st.SlateDeadline
		}
		if want.Equal(deadlineAt) {
			return
		}
		cancelDeadline()
		deadlineAt = want
		if want.IsZero() {
			return
		}
		tctx, cancel := workflow.WithCancel(ctx)
		cancelDeadline = cancel
		at := want
		sel.AddFuture(workflow.NewTimer(tctx, max(at.Sub(workflow.Now(ctx)), time.Millisecond)), func(f workflow.Future) {
			if f.Get(ctx, nil) == nil && at.Equal(deadlineAt) {
				st.DeadlinePast = true
			}
		})
	}
	sel.AddReceive(added, func(c workflow.ReceiveChannel, _ bool) {
		var n int
		c.Receive(ctx, &n)
		st.Applications += n
	})
	sel.AddReceive(moved, func(c workflow.ReceiveChannel, _ bool) {
		var m OpeningMove
		c.Receive(ctx, &m)
		o.apply(m)
	})
	sel.AddReceive(settings, func(c workflow.ReceiveChannel, _ bool) {
		var s OpeningSettings
		c.Receive(ctx, &s)
		if s.Seats > 0 {
			st.Seats = s.Seats
		}
		if s.SlateSize > 0 {
			st.SlateSize = s.SlateSize
		}
		st.SlateDeadline = s.SlateDeadline
		if s.SlateDeadline == nil || s.SlateDeadline.After(workflow.Now(ctx)) {
			st.DeadlinePast = false
		}
		// A larger slate closes a decision the count had opened, until the count or the deadline reopens it.
		if st.DecisionOpen && !st.DeadlinePast && len(st.Complete) < st.SlateSize {
			st.DecisionOpen = false
		}
	})
	for !st.Filled {
		armDeadline()
		sel.Select(ctx)
		handled++
		if err := o.react(ctx); err != nil {
			return st, err
		}
		if handled >= in.ContinueAfter || workflow.GetInfo(ctx).GetContinueAsNewSuggested() {
			// Take what is already waiting before handing over, so no signal is lost between runs; reacting may
			// run an activity, during which more may arrive, so repeat until nothing waits.
			for sel.HasPending() {
				for sel.HasPending() {
					sel.Select(ctx)
				}
				if err := o.react(ctx); err != nil {
					return st, err
				}
			}
			if st.Filled {
				break
			}
			next := in
			next.State = &st
			return st, workflow.NewContinueAsNewError(ctx, OpeningWorkflow, next)
		}
	}
	return st, nil
}

type opening struct {
	in OpeningInput
	st *OpeningState
}

// openingMovesChange marks the version from which an application tells its opening only of the moves the
// opening keeps (openingTracks).
const openingMovesChange = "opening-told-tracked-moves-only"

// openingSignalChange marks the version from which an application's update does not wait for its signal to
// the opening to be delivered (tellOpening).
const openingSignalChange = "opening-signal-unawaited"

// openingTracks says whether a move to stage changes what the opening keeps: its slate and its hires.
func openingTracks(stage models.Stage) bool {
	switch stage {
	case models.StageShortlist, models.StageRejected, models.StageWithdrawn, models.StageHired:
		return true
	}
	return false
}

// apply keeps a move the opening tracks (openingTracks); others change nothing.
func (o *opening) apply(m OpeningMove) {
	st := o.st
	switch m.To {
	case models.StageShortlist:
		if !slices.Contains(st.Slate, m.ApplicationID) {
			st.Slate = append(st.Slate, m.ApplicationID)
		}
	case models.StageRejected, models.StageWithdrawn:
		st.Slate = slices.DeleteFunc(st.Slate, func(id int64) bool { return id == m.ApplicationID })
	case models.StageHired:
		if !slices.Contains(st.Hired, m.ApplicationID) {
			st.Hired = append(st.Hired, m.ApplicationID)
		}
	}
}

// ShortlistOpening tells the activities the shortlist decision opened: on a complete slate, or at the
// deadline with fewer (Note says so).
type ShortlistOpening struct {
	OpeningID int64
	Complete  int
	Needed    int
	Note      string
}

// react does what the state now calls for: open the shortlist decision, tell the hiring team the slate is
// full, close a filled opening.
func (o *opening) react(ctx workflow.Context) error {
	st := o.st
	if !st.DecisionOpen && st.SlateSize > 0 && (len(st.Complete) >= st.SlateSize || st.DeadlinePast) {
		open := ShortlistOpening{OpeningID: o.in.OpeningID, Complete: len(st.Complete), Needed: st.SlateSize}
		if len(st.Complete) < st.SlateSize {
			open.Note = fmt.Sprintf("The slate deadline passed with %d of %d candidates fully scored after the first interview; "+
				"the shortlist decision is open with fewer candidates to compare.", len(st.Complete), st.SlateSize)
		}
		if err := workflow.ExecuteActivity(ctx, ActivityOpenShortlist, open).Get(ctx, nil); err != nil {
			return err
		}
		st.DecisionOpen = true
	}
	if !st.SlateReady && st.SlateSize > 0 && len(st.Slate) >= st.SlateSize {
		if err := workflow.ExecuteActivity(ctx, ActivityOpeningSlateReady, o.in.OpeningID, st.Slate).Get(ctx, nil); err != nil {
			return err
		}
		st.SlateReady = true
	}
	if !st.Filled && st.Seats > 0 && len(st.Hired) >= st.Seats {
		if err := workflow.ExecuteActivity(ctx, ActivityCloseOpening, o.in.OpeningID).Get(ctx, nil); err != nil {
			return err
		}
		st.Filled = true
	}
	return nil
}

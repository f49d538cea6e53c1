package workflows

import (
	"slices"

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
}

// OpeningSettings changes an opening's seats or slate size, as the "settings" signal.
type OpeningSettings struct {
	Seats     int
	SlateSize int
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
	st := OpeningState{Seats: in.Seats, SlateSize: in.SlateSize, Slate: []int64{}, Hired: []int64{}}
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
	o := &opening{in: in, st: &st}
	handled := 0
	sel := workflow.NewSelector(ctx)
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
	})
	for !st.Filled {
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

// react does what the state now calls for: tell the hiring team the slate is full, close a filled opening.
func (o *opening) react(ctx workflow.Context) error {
	st := o.st
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

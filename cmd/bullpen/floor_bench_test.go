package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// The floor is what the embedded Temporal server costs alone: per journey, the same number of workflow
// starts, signals, updates, activities, local activities and timers as the journeys made (read from their
// histories), with no database, no e-mail and no business rules, driven the same way: the same number of HTTP
// calls per journey from the same number of concurrent users, with the same two one-second waits for the
// interviews to start. Each call does its share of the Temporal operations; each workflow start, signal and
// update does its share of the activities and timers. The ratio journeys/floor says how much of Temporal's
// own throughput the product keeps.

// floorStep is the work one workflow start, signal or update asks of a floor workflow.
type floorStep struct {
	Activities, Locals, Timers int
	Done                       bool
}

const (
	floorQueue    = "bench-floor"
	floorWorkflow = "BenchFloorJourney"
	floorMessage  = "floor"
)

// floorJourney does each step's activities one after the other, then starts its timers (deadlines, as the
// journeys' workflows start them), cancelling the previous step's; it ends at the step marked done.
func floorJourney(ctx workflow.Context, first floorStep) error {
	var cancelTimers workflow.CancelFunc
	done := false
	do := func(ctx workflow.Context, s floorStep) error {
		ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 10 * time.Second})
		ctx = workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: 10 * time.Second})
		if cancelTimers != nil {
			cancelTimers()
		}
		for range s.Activities {
			if err := workflow.ExecuteActivity(ctx, floorActivity).Get(ctx, nil); err != nil {
				return err
			}
		}
		for range s.Locals {
			if err := workflow.ExecuteLocalActivity(ctx, floorLocalActivity).Get(ctx, nil); err != nil {
				return err
			}
		}
		var tctx workflow.Context
		tctx, cancelTimers = workflow.WithCancel(ctx)
		for range s.Timers {
			workflow.NewTimer(tctx, time.Hour)
		}
		done = done || s.Done
		return nil
	}
	if err := workflow.SetUpdateHandler(ctx, floorMessage, func(ctx workflow.Context, s floorStep) error { return do(ctx, s) }); err != nil {
		return err
	}
	if err := do(ctx, first); err != nil {
		return err
	}
	signals := workflow.GetSignalChannel(ctx, floorMessage)
	for {
		workflow.Await(ctx, func() bool { return done || signals.Len() > 0 })
		var s floorStep
		for signals.ReceiveAsync(&s) {
			if err := do(ctx, s); err != nil {
				return err
			}
		}
		// The step that ends the journey may be an update that overtook signals sent before it: every signal
		// is in the history by then (each call waited for the server), so the channel holds them all.
		if done && signals.Len() == 0 {
			break
		}
	}
	return workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
}

func floorActivity(context.Context) error      { return nil }
func floorLocalActivity(context.Context) error { return nil }

// floorCall is one HTTP call of a floor journey: the Temporal operations it makes.
type floorCall struct {
	Journey int64     `json:"journey"`
	Ops     []floorOp `json:"ops"`
}

type floorOp struct {
	Kind string    `json:"kind"` // start, side-start (a workflow that ends at once), signal, update
	Side int       `json:"side"`
	Step floorStep `json:"step"`
}

// floorPlan spreads a journey's Temporal work over its calls.
func floorPlan(ops temporalOps, calls int) [][]floorOp {
	round := func(f float64) int { return int(math.Round(f)) }
	starts, signals, updates := max(1, round(ops.Starts)), round(ops.Signals), round(ops.Updates)
	var list []floorOp
	list = append(list, floorOp{Kind: "start"})
	for i := range starts - 1 {
		list = append(list, floorOp{Kind: "side-start", Side: i + 1, Step: floorStep{Done: true}})
	}
	for range updates {
		list = append(list, floorOp{Kind: "update"})
	}
	for range signals {
		list = append(list, floorOp{Kind: "signal"})
	}
	// Interleave: the main start first, then the rest spread evenly, the last message to the main workflow
	// ending it.
	spread := func(total int, set func(*floorStep, int)) {
		for i := range list {
			share := total / len(list)
			if i < total%len(list) {
				share++
			}
			set(&list[i].Step, share)
		}
	}
	spread(round(ops.Activities), func(s *floorStep, n int) { s.Activities = n })
	spread(round(ops.LocalActivities), func(s *floorStep, n int) { s.Locals = n })
	spread(round(ops.Timers), func(s *floorStep, n int) { s.Timers = n })
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].Kind == "signal" || list[i].Kind == "update" || list[i].Kind == "start" {
			list[i].Step.Done = true
			// it must come last: move it to the end
			last := list[i]
			list = append(append(list[:i:i], list[i+1:]...), last)
			break
		}
	}
	if len(list) > 1 {
		// order: start, then alternate the others through the journey
		rest := list[1 : len(list)-1]
		shuffled := make([]floorOp, 0, len(rest))
		for k := range 3 {
			for i := k; i < len(rest); i += 3 {
				shuffled = append(shuffled, rest[i])
			}
		}
		copy(rest, shuffled)
	}
	plan := make([][]floorOp, calls)
	for i, op := range list {
		c := i * calls / len(list)
		plan[c] = append(plan[c], op)
	}
	return plan
}

// runFloor runs the floor journeys and returns their call statistics, their rate and their measured work.
func runFloor(b testing.TB, app *App, ops temporalOps, journeys, users int) (*callStats, float64, temporalOps) {
	ctx := context.Background()
	w := worker.New(app.Temporal, floorQueue, workerOptions) // as the product's worker
	w.RegisterWorkflowWithOptions(floorJourney, workflow.RegisterOptions{Name: floorWorkflow})
	w.RegisterActivity(floorActivity)
	w.RegisterActivity(floorLocalActivity)
	if err := w.Start(); err != nil {
		b.Fatal(err)
	}
	defer w.Stop()
	run := time.Now().UnixNano()
	id := func(journey int64, side int) string { return fmt.Sprintf("bench-floor-%d-%d-%d", run, journey, side) }
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		var call floorCall
		if err := json.NewDecoder(r.Body).Decode(&call); err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		for _, op := range call.Ops {
			var err error
			switch op.Kind {
			case "start", "side-start":
				_, err = app.Temporal.ExecuteWorkflow(r.Context(), client.StartWorkflowOptions{ID: id(call.Journey, op.Side), TaskQueue: floorQueue},
					floorWorkflow, op.Step)
			case "signal":
				err = app.Temporal.SignalWorkflow(r.Context(), id(call.Journey, 0), "", floorMessage, op.Step)
			case "update":
				var h client.WorkflowUpdateHandle
				h, err = app.Temporal.UpdateWorkflow(r.Context(), client.UpdateWorkflowOptions{WorkflowID: id(call.Journey, 0),
					UpdateName: floorMessage, Args: []any{op.Step}, WaitForStage: client.WorkflowUpdateStageCompleted})
				if err == nil {
					err = h.Get(r.Context(), nil)
				}
			}
			if err != nil {
				http.Error(rw, err.Error(), http.StatusInternalServerError)
				return
			}
		}
		rw.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	rig := &journeyRig{b: b, base: srv.URL, stats: newCallStats()}
	calls := journeyCalls
	plan := floorPlan(ops, calls)
	sides := 0
	for _, call := range plan {
		for _, op := range call {
			if op.Kind == "side-start" {
				sides++
			}
		}
	}
	var seq atomic.Int64
	journey := func(int) error {
		n := seq.Add(1)
		c := newClient0(rig)
		for i, step := range plan {
			if i == calls/3 || i == 2*calls/3 {
				time.Sleep(time.Second + 50*time.Millisecond) // the interviews' start, as in the journey
			}
			name := "floor call"
			if len(step) > 0 {
				name = "floor " + step[0].Kind
			}
			if code, err := c.call(name, "POST", "/", floorCall{Journey: n, Ops: step}, nil); err != nil || code != http.StatusNoContent {
				return fmt.Errorf("floor call %d: %d %v", i, code, err)
			}
		}
		// Wait for the main workflow to end, as the journey waits for the hire, and for the others: a floor
		// journey is over when all its work is done.
		for side := range sides + 1 {
			if err := app.Temporal.GetWorkflow(ctx, id(n, side), "").Get(ctx, nil); err != nil {
				return err
			}
		}
		return nil
	}
	start := time.Now()
	failed := rig.run(journeys, users, journey)
	elapsed := time.Since(start)
	if failed > 0 {
		b.Fatalf("%d floor journeys failed; first: %v", failed, rig.firstErr.Load())
	}
	got := countHistoryOps(b, app.Temporal, app.Config.TemporalNamespace, start, time.Now().Add(time.Hour), journeys, floorWorkflow)
	return rig.stats, float64(journeys) / elapsed.Seconds(), got
}

// journeyCalls is how many API calls a journey makes besides its polls: apply, board search, questionnaire
// open and answer, two moves, two interviews (schedule and three scorecards each), shortlist, offer draft and
// approval, offer open and accept.
const journeyCalls = 1 + 1 + 2 + 2 + 2*(1+3) + 1 + 2 + 2

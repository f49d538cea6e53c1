package main

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
)

// printTaskWaits reads every workflow history on the server and prints, per workflow type, how long its tasks
// waited between being scheduled and being picked up by the worker: activity tasks, a workflow's first
// workflow task (on the task queue every worker polls) and its later ones (on the worker's sticky queue). It
// shows where a journey waits for Temporal rather than for Bullpen (docs/benchmarks.md, section 1).
func printTaskWaits(b testing.TB, app *App) {
	ctx := context.Background()
	waits := map[string][]time.Duration{}
	var token []byte
	for {
		res, err := app.Temporal.WorkflowService().ListWorkflowExecutions(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: app.Config.TemporalNamespace, PageSize: 1000, NextPageToken: token})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range res.Executions {
			kind := e.Type.GetName()
			it := app.Temporal.GetWorkflowHistory(ctx, e.Execution.WorkflowId, e.Execution.RunId, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
			scheduled := map[int64]time.Time{}
			first := true
			for it.HasNext() {
				ev, err := it.Next()
				if err != nil {
					b.Fatal(err)
				}
				at := ev.EventTime.AsTime()
				switch ev.EventType {
				case enumspb.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
					scheduled[ev.EventId] = at
				case enumspb.EVENT_TYPE_WORKFLOW_TASK_STARTED:
					name := kind + ", later workflow tasks"
					if first {
						name, first = kind+", first workflow task", false
					}
					waits[name] = append(waits[name], at.Sub(scheduled[ev.GetWorkflowTaskStartedEventAttributes().GetScheduledEventId()]))
				case enumspb.EVENT_TYPE_ACTIVITY_TASK_STARTED:
					name := kind + ", activities"
					waits[name] = append(waits[name], at.Sub(scheduled[ev.GetActivityTaskStartedEventAttributes().GetScheduledEventId()]))
				}
			}
		}
		if token = res.NextPageToken; len(token) == 0 {
			break
		}
	}
	names := make([]string, 0, len(waits))
	for n := range waits {
		names = append(names, n)
	}
	slices.Sort(names)
	fmt.Printf("| %-46s | %6s | %8s | %8s | %8s |\n", "tasks waiting for the worker", "tasks", "p50 ms", "p90 ms", "max ms")
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, n := range names {
		w := waits[n]
		slices.Sort(w)
		fmt.Printf("| %-46s | %6d | %8.1f | %8.1f | %8.1f |\n", n, len(w), ms(w[len(w)/2]), ms(w[len(w)*9/10]), ms(w[len(w)-1]))
	}
}

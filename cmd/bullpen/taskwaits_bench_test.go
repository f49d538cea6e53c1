package main

import (
	"fmt"
	"slices"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
)

// printTaskWaits reads every workflow history on the server and prints, per workflow type, how long its tasks
// waited between being scheduled and being picked up by the worker: activity tasks, a workflow's first
// workflow task (on the task queue every worker polls) and its later ones (on the worker's sticky queue). It
// shows where a journey waits for Temporal rather than for Bullpen (docs/benchmarks.md, section 1).
func printTaskWaits(b testing.TB, app *App) {
	waits := map[string][]time.Duration{}
	scheduled := map[string]time.Time{} // by workflow run and event ID
	first := map[string]bool{}          // runs whose first workflow task has started
	eachHistoryEvent(b, app.Temporal, app.Config.TemporalNamespace, nil, func(e *workflowpb.WorkflowExecutionInfo, ev *historypb.HistoryEvent) {
		run, kind, at := e.Execution.RunId, e.Type.GetName(), ev.EventTime.AsTime()
		key := func(id int64) string { return fmt.Sprintf("%s/%d", run, id) }
		switch ev.EventType {
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
			scheduled[key(ev.EventId)] = at
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_STARTED:
			name := kind + ", later workflow tasks"
			if !first[run] {
				name, first[run] = kind+", first workflow task", true
			}
			waits[name] = append(waits[name], at.Sub(scheduled[key(ev.GetWorkflowTaskStartedEventAttributes().GetScheduledEventId())]))
		case enumspb.EVENT_TYPE_ACTIVITY_TASK_STARTED:
			name := kind + ", activities"
			waits[name] = append(waits[name], at.Sub(scheduled[key(ev.GetActivityTaskStartedEventAttributes().GetScheduledEventId())]))
		}
	})
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

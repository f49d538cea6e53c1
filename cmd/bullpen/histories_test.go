package main

import (
	"context"
	"testing"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
)

// eachHistoryEvent calls event with every event of every workflow history on the server that keep accepts (all
// of them when keep is nil), the workflow's listing first, in history order.
func eachHistoryEvent(tb testing.TB, c client.Client, namespace string, keep func(*workflowpb.WorkflowExecutionInfo) bool,
	event func(*workflowpb.WorkflowExecutionInfo, *historypb.HistoryEvent)) {
	tb.Helper()
	ctx := context.Background()
	var token []byte
	for {
		res, err := c.WorkflowService().ListWorkflowExecutions(ctx, &workflowservice.ListWorkflowExecutionsRequest{
			Namespace: namespace, PageSize: 1000, NextPageToken: token})
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range res.Executions {
			if keep != nil && !keep(e) {
				continue
			}
			it := c.GetWorkflowHistory(ctx, e.Execution.WorkflowId, e.Execution.RunId, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
			for it.HasNext() {
				ev, err := it.Next()
				if err != nil {
					tb.Fatal(err)
				}
				event(e, ev)
			}
		}
		if token = res.NextPageToken; len(token) == 0 {
			return
		}
	}
}

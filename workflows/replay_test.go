package workflows

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// TestReplayRecordedHistories replays histories recorded from real runs of the product (`make histories`
// records them again; docs/reliability.md). A change to workflow code that would break running workflows
// fails here: that is what workflow.GetVersion is for. Every registered workflow type must have at least one
// recorded history.
func TestReplayRecordedHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string][]string{}
	for _, f := range files {
		covered[historyType(t, f)] = append(covered[historyType(t, f)], filepath.Base(f))
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := worker.NewWorkflowReplayer()
			Register(r)
			if err := r.ReplayWorkflowHistoryFromJSONFile(nil, f); err != nil {
				t.Fatal(err)
			}
		})
	}
	var names registeredNames
	Register(&names)
	for _, name := range names {
		if len(covered[name]) == 0 {
			t.Errorf("the %s workflow has no recorded history in testdata/ (record one with `make histories`)", name)
		}
	}
	if len(names) < 8 {
		t.Fatalf("only %d workflow types registered: %v", len(names), names)
	}
}

// registeredNames collects the names Register gives the workflows.
type registeredNames []string

func (n *registeredNames) RegisterWorkflowWithOptions(_ any, o workflow.RegisterOptions) {
	if !slices.Contains(*n, o.Name) {
		*n = append(*n, o.Name)
	}
}

// historyType reads the workflow type from a recorded history's first event.
func historyType(t *testing.T, file string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Events []struct {
			Attrs *struct {
				WorkflowType struct{ Name string } `json:"workflowType"`
			} `json:"workflowExecutionStartedEventAttributes"`
		} `json:"events"`
	}
	if err := json.Unmarshal(data, &h); err != nil || len(h.Events) == 0 || h.Events[0].Attrs == nil {
		t.Fatalf("%s: not a recorded history (%v)", file, err)
	}
	return h.Events[0].Attrs.WorkflowType.Name
}

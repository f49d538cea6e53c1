package workflows

import (
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/bullpen-hq/bullpen/models"
)

// InterviewVersion names one version of an interview (its sequence rises with each reschedule or
// cancellation), whose calendar invites go out once.
type InterviewVersion struct {
	InterviewID int64
	Sequence    int
}

// InterviewInvites sends one version of an interview's calendar invites to everyone in it, retrying until the
// mail is out; a later version's run supersedes an earlier one that has not sent yet.
func InterviewInvites(ctx workflow.Context, v InterviewVersion) error {
	if v.InterviewID <= 0 {
		return temporal.NewNonRetryableApplicationError("interview ID is required", models.EINVALID, nil)
	}
	ctx = workflow.WithActivityOptions(ctx, activityOptions)
	return workflow.ExecuteActivity(ctx, ActivitySendInterviewInvites, v).Get(ctx, nil)
}

package workflows

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/suite"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"

	"github.com/bullpen-hq/bullpen/models"
)

type staffingPlanSuite struct {
	suite.Suite
	testsuite.WorkflowTestSuite
	env *testsuite.TestWorkflowEnvironment
}

func TestStaffingPlan(t *testing.T) { suite.Run(t, new(staffingPlanSuite)) }

var planInput = StaffingPlanInput{PlanID: 7, AuthorID: 3, ReminderAfter: 48 * time.Hour, EscalateAfter: 120 * time.Hour}

const headID = 2

// The activities' doubles; the real ones are tested against a database in the integration tests.
func planSubmitted(context.Context, int64, int, int64) error        { return nil }
func recordPlanDecision(context.Context, models.PlanDecision) error { return nil }
func remindPlanApprovers(context.Context, int64, int) error         { return nil }
func escalatePlan(context.Context, int64, int) error                { return nil }
func remindPlanAuthor(context.Context, int64, int) error            { return nil }
func openPlanOpenings(context.Context, int64) error                 { return nil }

func (s *staffingPlanSuite) SetupTest() {
	s.env = s.NewTestWorkflowEnvironment()
	Register(s.env)
	for name, fn := range map[string]any{
		ActivityPlanSubmitted: planSubmitted, ActivityRecordPlanDecision: recordPlanDecision,
		ActivityRemindApprovers: remindPlanApprovers, ActivityEscalatePlan: escalatePlan,
		ActivityRemindPlanAuthor: remindPlanAuthor, ActivityOpenPlanOpenings: openPlanOpenings,
	} {
		s.env.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	}
}

func (s *staffingPlanSuite) AfterTest(_, _ string) { s.env.AssertExpectations(s.T()) }

// decide sends the decide update after delay; wantErr is the domain code the validator should refuse it with.
func (s *staffingPlanSuite) decide(delay time.Duration, req DecideRequest, wantErr string) {
	s.update(UpdateDecide, delay, req, wantErr)
}

func (s *staffingPlanSuite) resubmit(delay time.Duration, req ResubmitRequest, wantErr string) {
	s.update(UpdateResubmit, delay, req, wantErr)
}

func (s *staffingPlanSuite) update(name string, delay time.Duration, req any, wantErr string) {
	s.env.RegisterDelayedCallback(func() {
		s.env.UpdateWorkflow(name, "", &testsuite.TestUpdateCallback{
			OnAccept: func() {
				if wantErr != "" {
					s.Failf("update accepted", "%s %+v: wanted refusal %s", name, req, wantErr)
				}
			},
			OnReject: func(err error) {
				if got := models.ErrorCode(FromTemporal(err)); got != wantErr {
					s.Failf("update refused", "%s %+v: code %q (%v); want %q", name, req, got, err, wantErr)
				}
			},
			OnComplete: func(any, error) {},
		}, req)
	}, delay)
}

func (s *staffingPlanSuite) result() StaffingPlanState {
	s.True(s.env.IsWorkflowCompleted())
	s.NoError(s.env.GetWorkflowError())
	var st StaffingPlanState
	s.NoError(s.env.GetWorkflowResult(&st))
	return st
}

func (s *staffingPlanSuite) TestApproveOpensOpenings() {
	s.env.OnActivity(ActivityPlanSubmitted, mock.Anything, int64(7), 1, int64(3)).Return(nil).Once()
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, models.PlanDecision{PlanID: 7, Revision: 1,
		Decision: models.DecisionApprove, ActorID: headID, Comment: "Go"}).Return(nil).Once()
	s.env.OnActivity(ActivityOpenPlanOpenings, mock.Anything, int64(7)).Return(nil).Once()
	s.decide(time.Hour, DecideRequest{Decision: models.DecisionApprove, ActorID: headID, Comment: "Go"}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	st := s.result()
	s.Equal(models.PlanApproved, st.Status)
	s.Zero(st.RemindersSent)
}

func (s *staffingPlanSuite) TestRejectOpensNothing() {
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).Return(nil).Once()
	s.env.OnActivity(ActivityOpenPlanOpenings, mock.Anything, mock.Anything).Never()
	s.decide(time.Hour, DecideRequest{Decision: models.DecisionReject, ActorID: headID, Comment: "No budget"}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	s.Equal(models.PlanRejected, s.result().Status)
}

func (s *staffingPlanSuite) TestRequestChangesThenResubmitThenApprove() {
	s.env.OnActivity(ActivityPlanSubmitted, mock.Anything, int64(7), 1, int64(3)).Return(nil).Once()
	s.env.OnActivity(ActivityPlanSubmitted, mock.Anything, int64(7), 2, int64(3)).Return(nil).Once()
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, models.PlanDecision{PlanID: 7, Revision: 1,
		Decision: models.DecisionRequestChanges, ActorID: headID, Comment: "Fewer reps"}).Return(nil).Once()
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, models.PlanDecision{PlanID: 7, Revision: 2,
		Decision: models.DecisionApprove, ActorID: headID}).Return(nil).Once()
	s.env.OnActivity(ActivityOpenPlanOpenings, mock.Anything, int64(7)).Return(nil).Once()

	s.decide(time.Hour, DecideRequest{Decision: models.DecisionRequestChanges, ActorID: headID, Comment: "Fewer reps"}, "")
	// While the plan is with its author, the head cannot approve it, and nobody else can resubmit it.
	s.decide(2*time.Hour, DecideRequest{Decision: models.DecisionApprove, ActorID: headID}, models.ECONFLICT)
	s.resubmit(3*time.Hour, ResubmitRequest{Revision: 2, ActorID: 99}, models.EFORBIDDEN)
	s.resubmit(4*time.Hour, ResubmitRequest{Revision: 5, ActorID: 3}, models.ECONFLICT)
	s.resubmit(5*time.Hour, ResubmitRequest{Revision: 2, ActorID: 3}, "")
	s.env.RegisterDelayedCallback(func() {
		v, err := s.env.QueryWorkflow(QueryState)
		s.NoError(err)
		var st StaffingPlanState
		s.NoError(v.Get(&st))
		s.Equal(StaffingPlanState{Status: models.PlanPendingApproval, Revision: 2}, st)
	}, 6*time.Hour)
	// A head who still has revision 1 on screen cannot approve revision 2 unseen.
	s.decide(6*time.Hour+time.Minute, DecideRequest{Decision: models.DecisionApprove, ActorID: headID, Revision: 1}, models.ECONFLICT)
	s.decide(7*time.Hour, DecideRequest{Decision: models.DecisionApprove, ActorID: headID, Revision: 2}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	st := s.result()
	s.Equal(models.PlanApproved, st.Status)
	s.Equal(2, st.Revision)
}

func (s *staffingPlanSuite) TestSilenceRemindsThenEscalates() {
	var remindedAt, escalatedAt time.Time
	start := s.env.Now()
	s.env.OnActivity(ActivityRemindApprovers, mock.Anything, int64(7), 1).Return(func(context.Context, int64, int) error {
		remindedAt = s.env.Now()
		return nil
	}).Once()
	s.env.OnActivity(ActivityEscalatePlan, mock.Anything, int64(7), 1).Return(func(context.Context, int64, int) error {
		escalatedAt = s.env.Now()
		return nil
	}).Once()
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).Return(nil).Once()
	s.env.OnActivity(ActivityOpenPlanOpenings, mock.Anything, int64(7)).Return(nil).Once()
	s.decide(10*24*time.Hour, DecideRequest{Decision: models.DecisionApprove, ActorID: headID}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	st := s.result()
	s.Equal(1, st.RemindersSent)
	s.True(st.Escalated)
	s.Equal(48*time.Hour, remindedAt.Sub(start).Round(time.Minute))
	s.Equal(120*time.Hour, escalatedAt.Sub(start).Round(time.Minute))
}

func (s *staffingPlanSuite) TestDecisionBeforeReminderSendsNone() {
	s.env.OnActivity(ActivityRemindApprovers, mock.Anything, mock.Anything, mock.Anything).Never()
	s.env.OnActivity(ActivityEscalatePlan, mock.Anything, mock.Anything, mock.Anything).Never()
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).Return(nil).Once()
	s.decide(47*time.Hour, DecideRequest{Decision: models.DecisionReject, ActorID: headID, Comment: "No"}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	s.Equal(models.PlanRejected, s.result().Status)
}

func (s *staffingPlanSuite) TestAuthorIsRemindedToRevise() {
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).Return(nil).Twice()
	s.env.OnActivity(ActivityRemindPlanAuthor, mock.Anything, int64(7), 1).Return(nil).Once()
	s.decide(time.Hour, DecideRequest{Decision: models.DecisionRequestChanges, ActorID: headID, Comment: "Smaller"}, "")
	s.resubmit(72*time.Hour, ResubmitRequest{Revision: 2, ActorID: 3}, "")
	s.decide(73*time.Hour, DecideRequest{Decision: models.DecisionReject, ActorID: headID, Comment: "Still no"}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	s.Equal(models.PlanRejected, s.result().Status)
}

func (s *staffingPlanSuite) TestValidatorRefusesIllegalDecisions() {
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).Return(nil).Once()
	s.env.OnActivity(ActivityOpenPlanOpenings, mock.Anything, int64(7)).Return(nil).Once()
	s.decide(time.Hour, DecideRequest{Decision: "maybe", ActorID: headID}, models.EINVALID)
	s.decide(2*time.Hour, DecideRequest{Decision: models.DecisionReject, ActorID: headID}, models.EINVALID)
	s.decide(3*time.Hour, DecideRequest{Decision: models.DecisionApprove}, models.EINVALID)
	s.decide(3*time.Hour+time.Minute, DecideRequest{Decision: models.DecisionApprove, ActorID: planInput.AuthorID}, models.EFORBIDDEN)
	s.decide(3*time.Hour+2*time.Minute, DecideRequest{Decision: models.DecisionApprove, ActorID: headID, Revision: 2}, models.ECONFLICT)
	s.resubmit(4*time.Hour, ResubmitRequest{Revision: 2, ActorID: 3}, models.ECONFLICT)
	s.decide(5*time.Hour, DecideRequest{Decision: models.DecisionApprove, ActorID: headID}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	s.Equal(models.PlanApproved, s.result().Status)
}

func (s *staffingPlanSuite) TestFailedRecordingLeavesPlanPending() {
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).
		Return(ToTemporal(models.Errorf(models.ECONFLICT, "moved on"))).Once()
	s.env.OnActivity(ActivityRecordPlanDecision, mock.Anything, mock.Anything).Return(nil).Once()
	s.decide(time.Hour, DecideRequest{Decision: models.DecisionApprove, ActorID: headID}, "")
	s.decide(2*time.Hour, DecideRequest{Decision: models.DecisionReject, ActorID: headID, Comment: "After all, no"}, "")
	s.env.ExecuteWorkflow(StaffingPlan, planInput)
	s.Equal(models.PlanRejected, s.result().Status)
}

func (s *staffingPlanSuite) TestRefusesInputWithoutIDs() {
	s.env.ExecuteWorkflow(StaffingPlan, StaffingPlanInput{})
	s.True(s.env.IsWorkflowCompleted())
	s.Equal(models.EINVALID, models.ErrorCode(FromTemporal(s.env.GetWorkflowError())))
}

package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

// RetentionState is where a candidate stands for the retention rule: their data is kept while an application
// is open or ended in a hire, and anonymised a retention period after the last of their applications was
// rejected or withdrawn.
type RetentionState struct {
	Anonymised bool
	Open       bool      // an application is still in the pipeline
	Hired      bool      // an application ended in a hire: the employee record keeps them
	ClosedAt   time.Time // when the last of their applications was rejected or withdrawn
}

// CandidateRetention reads a candidate's retention state.
func (db *DB) CandidateRetention(ctx context.Context, candidateID int64) (RetentionState, error) {
	var st RetentionState
	var c candidateRecord
	if err := db.with(ctx).First(&c, candidateID).Error; err != nil {
		return st, notFound(err, "candidate")
	}
	st, _, err := retentionOf(db.with(ctx), candidateID)
	st.Anonymised = c.AnonymisedAt != nil
	return st, err
}

// retentionOf reads where a candidate's applications stand for the retention rule, and their IDs.
func retentionOf(tx *gorm.DB, candidateID int64) (st RetentionState, appIDs []int64, err error) {
	var apps []applicationRecord
	if err := tx.Select("id", "stage", "stage_entered_at").Where("candidate_id = ?", candidateID).Find(&apps).Error; err != nil {
		return st, nil, err
	}
	for _, a := range apps {
		appIDs = append(appIDs, a.ID)
		switch stage := models.Stage(a.Stage); {
		case stage == models.StageHired:
			st.Hired = true
		case !stage.Closed():
			st.Open = true
		case a.StageEnteredAt.After(st.ClosedAt):
			st.ClosedAt = a.StageEnteredAt
		}
	}
	return st, appIDs, nil
}

// Anonymised names what anonymisation removed, for the audit log and the test that checks it.
type Anonymised struct {
	Applications, Events, Answers, Scorecards, Emails int64
	CV                                                bool
}

// freeTextKeys are the timeline entries' data that people wrote: an excuse's, a decline's or an approver's words.
var freeTextKeys = []string{"reason", "comment", "note"}

// AnonymiseCandidate removes a candidate's personal data in one transaction and keeps what the statistics
// count: their name, e-mail, phone and location are replaced, their CV deleted, the free text written about
// them or by them (timeline notes and reasons, questionnaire text answers, scorecard notes, notes on interview invites
// (offer decline reasons and approvers' comments included) emptied, and the e-mails sent to them blanked in the outbox. Their applications, stages, sources, scores,
// ratings and dates stay. A candidate anonymised already is left as they are (ok false); one with an application
// still open, or hired, is refused (ECONFLICT) and left as they are.
func (db *DB) AnonymiseCandidate(ctx context.Context, candidateID int64, now time.Time) (out Anonymised, ok bool, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var c candidateRecord
		if err := tx.First(&c, candidateID).Error; err != nil {
			return notFound(err, "candidate")
		}
		if c.AnonymisedAt != nil {
			return nil
		}
		st, appIDs, err := retentionOf(tx, candidateID)
		switch {
		case err != nil:
			return err
		case st.Hired:
			return models.Errorf(models.ECONFLICT, "This candidate was hired: their data is kept with their employment.")
		case st.Open:
			return models.Errorf(models.ECONFLICT, "This candidate has an application in progress.")
		}
		ok = true
		out.Applications = int64(len(appIDs))
		res := tx.Model(&candidateRecord{}).Where("id = ?", candidateID).Updates(map[string]any{
			"name": fmt.Sprintf("Anonymised candidate %d", candidateID), "email": fmt.Sprintf("anonymised-%d@anonymised.invalid", candidateID),
			"phone": "", "location": "", "cv_file_id": nil, "anonymised_at": now.UTC(), "updated_at": now.UTC()})
		if res.Error != nil {
			return res.Error
		}
		if c.CVFileID != nil {
			out.CV = true
			if err := tx.Delete(&File{}, *c.CVFileID).Error; err != nil {
				return err
			}
		}
		var events []applicationEventRecord
		if err := tx.Select("id", "reason", "data").Where("application_id IN ?", appIDs).Find(&events).Error; err != nil {
			return err
		}
		for _, e := range events {
			changed := e.Reason != ""
			for _, k := range freeTextKeys {
				if _, ok := e.Data[k]; ok {
					delete(e.Data, k)
					changed = true
				}
			}
			if !changed {
				continue
			}
			out.Events++
			if err := tx.Model(&applicationEventRecord{ID: e.ID}).Select("reason", "data").Updates(&applicationEventRecord{Data: e.Data}).Error; err != nil {
				return err
			}
		}
		var responses []QuestionnaireResponse
		if err := tx.Where("application_id IN ?", appIDs).Find(&responses).Error; err != nil {
			return err
		}
		for _, r := range responses {
			changed := false
			for i := range r.Answers {
				if r.Answers[i].Text != "" {
					r.Answers[i].Text, changed = "", true
				}
			}
			if changed {
				out.Answers++
				if err := tx.Model(&QuestionnaireResponse{ID: r.ID}).Select("answers").Updates(&QuestionnaireResponse{Answers: r.Answers}).Error; err != nil {
					return err
				}
			}
		}
		res = tx.Table("scorecards").Where("application_id IN ? AND notes <> ''", appIDs).Update("notes", "")
		if res.Error != nil {
			return res.Error
		}
		out.Scorecards = res.RowsAffected
		if err := tx.Where("application_id IN ?", appIDs).Delete(&privateText{}).Error; err != nil {
			return err
		}
		for _, clear := range []struct{ table, column, where string }{
			{"interview_candidates", "response_note", "application_id IN ?"},
			{"offers", "decline_reason", "application_id IN ?"},
			{"offer_approvals", "comment", "offer_id IN (SELECT id FROM offers WHERE application_id IN ?)"},
		} {
			if err := tx.Table(clear.table).Where(clear.where+" AND "+clear.column+" <> ''", appIDs).Update(clear.column, "").Error; err != nil {
				return err
			}
		}
		// The team's notifications about their applications name them (and may quote them).
		links := make([]string, len(appIDs))
		for i, id := range appIDs {
			links[i] = fmt.Sprintf("/applications/%d", id)
		}
		if len(links) > 0 {
			if err := tx.Table("notifications").Where("link IN ?", links).
				Updates(map[string]any{"message": "(anonymised)", "params": "{}"}).Error; err != nil {
				return err
			}
		}
		res = tx.Table("outbox").Where("to_addr = ?", c.Email).Updates(map[string]any{
			"to_addr": fmt.Sprintf("anonymised-%d@anonymised.invalid", candidateID), "subject": "(anonymised)", "text_body": "", "html_body": "",
			"calendar": ""})
		if res.Error != nil {
			return res.Error
		}
		out.Emails = res.RowsAffected
		return nil
	})
	return out, ok, err
}

// Map is what was removed, for the audit log.
func (a Anonymised) Map() map[string]any {
	return map[string]any{"applications": a.Applications, "timeline_entries": a.Events, "questionnaire_answers": a.Answers,
		"scorecard_notes": a.Scorecards, "emails": a.Emails, "cv": a.CV}
}

package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type openingRecord struct {
	ID                int64 `gorm:"primaryKey"`
	PlanID            *int64
	Title             string
	Description       string
	Role              string
	Seats             int
	Status            string
	RecruiterID       *int64
	InterviewerIDs    []int64                 `gorm:"serializer:json"`
	Questionnaire     *models.Questionnaire   `gorm:"serializer:json"`
	QuestionnaireDays int                     `gorm:"column:questionnaire_days"`
	ConfirmKnockOuts  bool                    `gorm:"column:confirm_knock_outs"`
	SlateSize         int                     `gorm:"column:slate_size"`
	RolePlay          models.RolePlaySettings `gorm:"serializer:json;column:role_play"`
	SlateDeadline     *time.Time
	ShortlistOpenedAt *time.Time
	ShortlistNote     string
	PayLimits         models.PayLimits `gorm:"serializer:json"`
	OfferApproverIDs  []int64          `gorm:"serializer:json"`
	OfferApprovals    int
	CreatedBy         *int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

func (openingRecord) TableName() string { return "openings" }

func (r *openingRecord) offerTerms() models.OfferTerms {
	t := models.OfferTerms{PayLimits: r.PayLimits, OfferApproverIDs: r.OfferApproverIDs, OfferApprovals: max(r.OfferApprovals, 1)}
	if t.OfferApproverIDs == nil {
		t.OfferApproverIDs = []int64{}
	}
	return t
}

func (r *openingRecord) model() models.Opening {
	ids := r.InterviewerIDs
	if ids == nil {
		ids = []int64{}
	}
	return models.Opening{ID: r.ID, PlanID: r.PlanID, Title: r.Title, Description: r.Description, Role: models.Role(r.Role),
		Seats: r.Seats, Status: models.OpeningStatus(r.Status), RecruiterID: r.RecruiterID, InterviewerIDs: ids,
		Questionnaire: r.Questionnaire, QuestionnaireDays: r.QuestionnaireDays, ConfirmKnockOuts: r.ConfirmKnockOuts,
		SlateSize: r.SlateSize, RolePlay: r.RolePlay, SlateDeadline: r.SlateDeadline, ShortlistOpenedAt: r.ShortlistOpenedAt,
		ShortlistNote: r.ShortlistNote, OfferTerms: r.offerTerms(), CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
}

// OpenPlanOpenings creates an approved plan's openings and the timeline entry that says so, together and
// once: a retry finds them there and adds none.
func (db *DB) OpenPlanOpenings(ctx context.Context, planID int64, openings []models.Opening) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		for _, o := range openings {
			rec := openingRecord{PlanID: &planID, Title: o.Title, Role: string(o.Role), Seats: o.Seats, Status: string(o.Status),
				InterviewerIDs: []int64{}, SlateSize: o.SlateSize, QuestionnaireDays: o.QuestionnaireDays, OfferApproverIDs: []int64{}, OfferApprovals: 1}
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rec).Error; err != nil {
				return err
			}
		}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Omit("Actor").Create(&planEventRecord{
			PlanID: planID, Kind: string(models.EventOpeningsOpened), DedupeKey: "openings", At: time.Now().UTC()}).Error
	})
}

// OpeningFilter narrows ListOpenings; zero values match everything.
type OpeningFilter struct {
	PlanID int64
	Status models.OpeningStatus
}

// ListOpenings returns openings, newest first, manager seats before rep seats within a plan.
func (db *DB) ListOpenings(ctx context.Context, f OpeningFilter) ([]models.Opening, error) {
	var recs []openingRecord
	if err := db.openingsQuery(ctx, f).Order(openingsOrder).Limit(1000).Find(&recs).Error; err != nil {
		return nil, err
	}
	return openingsOf(recs), nil
}

// OpeningsPage returns a page of the openings f matches, in ListOpenings' order, and how many match.
func (db *DB) OpeningsPage(ctx context.Context, f OpeningFilter, p Page) ([]models.Opening, int64, error) {
	var recs []openingRecord
	total, err := findPage(db.openingsQuery(ctx, f), openingsOrder, p, &recs)
	if err != nil {
		return nil, 0, err
	}
	return openingsOf(recs), total, nil
}

const openingsOrder = "COALESCE(plan_id, 0) DESC, id"

func (db *DB) openingsQuery(ctx context.Context, f OpeningFilter) *gorm.DB {
	q := db.with(ctx)
	if f.PlanID != 0 {
		q = q.Where("plan_id = ?", f.PlanID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	return q
}

func openingsOf(recs []openingRecord) []models.Opening {
	out := make([]models.Opening, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out
}

// Opening returns one opening.
func (db *DB) Opening(ctx context.Context, id int64) (*models.Opening, error) {
	var rec openingRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "opening")
	}
	o := rec.model()
	return &o, nil
}

// CreateOpening adds an opening outside a staffing plan; it waits for a department head's approval.
func (db *DB) CreateOpening(ctx context.Context, role models.Role, st models.OpeningSettings, by int64) (*models.Opening, error) {
	rec := openingRecord{Role: string(role), Status: string(models.OpeningPendingApproval), CreatedBy: &by}
	applySettings(&rec, st)
	if err := db.with(ctx).Create(&rec).Error; err != nil {
		return nil, err
	}
	o := rec.model()
	return &o, nil
}

func applySettings(rec *openingRecord, st models.OpeningSettings) {
	rec.Title, rec.Description, rec.Seats = strings.TrimSpace(st.Title), st.Description, st.Seats
	rec.RecruiterID, rec.InterviewerIDs, rec.Questionnaire = st.RecruiterID, st.InterviewerIDs, st.Questionnaire
	if rec.InterviewerIDs == nil {
		rec.InterviewerIDs = []int64{}
	}
	rec.QuestionnaireDays, rec.ConfirmKnockOuts, rec.SlateSize, rec.RolePlay = st.QuestionnaireDays, st.ConfirmKnockOuts, st.SlateSize, st.RolePlay
	if rec.RolePlay.ScenarioIDs == nil {
		rec.RolePlay.ScenarioIDs = []int64{}
	}
	rec.PayLimits, rec.OfferApproverIDs, rec.OfferApprovals = st.PayLimits, st.OfferApproverIDs, max(st.OfferApprovals, 1)
	if rec.OfferApproverIDs == nil {
		rec.OfferApproverIDs = []int64{}
	}
	rec.SlateDeadline = nil
	if st.SlateDeadline != nil {
		d := st.SlateDeadline.UTC()
		rec.SlateDeadline = &d
	}
}

// UpdateOpening replaces an opening's settings and returns it as it was before and as it is now.
func (db *DB) UpdateOpening(ctx context.Context, id int64, st models.OpeningSettings) (before, after *models.Opening, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var rec openingRecord
		if err := tx.First(&rec, id).Error; err != nil {
			return notFound(err, "opening")
		}
		b := rec.model()
		before = &b
		applySettings(&rec, st)
		// Only the settings: the status, plan and author stay as the database has them.
		if err := tx.Model(&rec).Select("title", "description", "seats", "recruiter_id", "interviewer_ids", "questionnaire",
			"questionnaire_days", "confirm_knock_outs", "slate_size", "role_play", "slate_deadline", "pay_limits", "offer_approver_ids",
			"offer_approvals", "updated_at").Updates(&rec).Error; err != nil {
			return err
		}
		a := rec.model()
		after = &a
		return nil
	})
	return before, after, err
}

// SetOpeningStatus moves an opening from one status to another; ECONFLICT if it is not in from.
func (db *DB) SetOpeningStatus(ctx context.Context, id int64, from, to models.OpeningStatus) error {
	res := db.with(ctx).Model(&openingRecord{}).Where("id = ? AND status = ?", id, string(from)).
		Updates(map[string]any{"status": string(to), "updated_at": time.Now().UTC()})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		o, err := db.Opening(ctx, id)
		if err != nil {
			return err
		}
		if o.Status == to {
			return nil
		}
		return models.Errorf(models.ECONFLICT, "The opening is %s, not %s.", strings.ReplaceAll(string(o.Status), "_", " "), strings.ReplaceAll(string(from), "_", " "))
	}
	return nil
}

// OpenShortlist records that the opening's shortlist decision is open, with a note when the deadline rather
// than a full slate opened it.
func (db *DB) OpenShortlist(ctx context.Context, openingID int64, note string) error {
	return db.with(ctx).Model(&openingRecord{}).Where("id = ?", openingID).
		Updates(map[string]any{"shortlist_opened_at": time.Now().UTC(), "shortlist_note": note}).Error
}

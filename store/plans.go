package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type planRecord struct {
	ID        int64 `gorm:"primaryKey"`
	Title     string
	Currency  string
	Notes     string
	Status    string
	Inputs    models.SizingInput  `gorm:"serializer:json"`
	Result    models.SizingResult `gorm:"serializer:json"`
	Revision  int
	AuthorID  int64
	CreatedAt time.Time
	UpdatedAt time.Time
	Author    userRecord `gorm:"foreignKey:AuthorID"`
}

func (planRecord) TableName() string { return "staffing_plans" }

func (r *planRecord) model() *models.StaffingPlan {
	return &models.StaffingPlan{ID: r.ID, Title: r.Title, Currency: r.Currency, Notes: r.Notes, Status: models.PlanStatus(r.Status),
		Inputs: r.Inputs, Result: r.Result, Revision: r.Revision, AuthorID: r.AuthorID, AuthorName: r.Author.Name,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

type planRevisionRecord struct {
	ID        int64 `gorm:"primaryKey"`
	PlanID    int64
	Revision  int
	Title     string
	Currency  string
	Notes     string
	Inputs    models.SizingInput  `gorm:"serializer:json"`
	Result    models.SizingResult `gorm:"serializer:json"`
	CreatedBy int64
	CreatedAt time.Time
}

func (planRevisionRecord) TableName() string { return "staffing_plan_revisions" }

type planEventRecord struct {
	ID        int64 `gorm:"primaryKey"`
	PlanID    int64
	Kind      string
	ActorID   *int64
	Comment   string
	DedupeKey string
	At        time.Time
	Actor     *userRecord `gorm:"foreignKey:ActorID"`
}

func (planEventRecord) TableName() string { return "staffing_plan_events" }

// CreatePlan stores a new plan awaiting approval, with its first revision.
func (db *DB) CreatePlan(ctx context.Context, d models.PlanDraft, result models.SizingResult, authorID int64) (*models.StaffingPlan, error) {
	rec := planRecord{Title: d.Title, Currency: d.Currency, Notes: d.Notes, Status: string(models.PlanPendingApproval),
		Inputs: d.Inputs, Result: result, Revision: 1, AuthorID: authorID}
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("Author").Create(&rec).Error; err != nil {
			return err
		}
		return tx.Create(&planRevisionRecord{PlanID: rec.ID, Revision: 1, Title: d.Title, Currency: d.Currency, Notes: d.Notes,
			Inputs: d.Inputs, Result: result, CreatedBy: authorID}).Error
	})
	if err != nil {
		return nil, err
	}
	return db.Plan(ctx, rec.ID)
}

// DeletePlan removes a plan whose workflow could not be started, so that no plan waits on nothing.
func (db *DB) DeletePlan(ctx context.Context, id int64) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		for _, m := range []any{&planEventRecord{}, &planRevisionRecord{}} {
			if err := tx.Where("plan_id = ?", id).Delete(m).Error; err != nil {
				return err
			}
		}
		return tx.Delete(&planRecord{}, id).Error
	})
}

// Plan returns one plan with its author's name.
func (db *DB) Plan(ctx context.Context, id int64) (*models.StaffingPlan, error) {
	var rec planRecord
	if err := db.with(ctx).Preload("Author").First(&rec, id).Error; err != nil {
		return nil, notFound(err, "staffing plan")
	}
	return rec.model(), nil
}

// PlanFilter narrows ListPlans; zero values match everything.
type PlanFilter struct {
	Status   models.PlanStatus
	AuthorID int64
}

// ListPlans returns plans, newest first (oldest first when filtered to those awaiting approval, as an inbox).
func (db *DB) ListPlans(ctx context.Context, f PlanFilter) ([]*models.StaffingPlan, error) {
	var recs []planRecord
	if err := (Page{}).Apply(db.plansQuery(ctx, f).Preload("Author").Order(f.order())).Find(&recs).Error; err != nil {
		return nil, err
	}
	return plansOf(recs), nil
}

// PlansPage returns a page of the plans f matches, in ListPlans' order, and how many match.
func (db *DB) PlansPage(ctx context.Context, f PlanFilter, p Page) ([]*models.StaffingPlan, int64, error) {
	var recs []planRecord
	total, err := findPage(db.plansQuery(ctx, f), f.order(), p, &recs, "Author")
	if err != nil {
		return nil, 0, err
	}
	return plansOf(recs), total, nil
}

func (db *DB) plansQuery(ctx context.Context, f PlanFilter) *gorm.DB {
	q := db.with(ctx)
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.AuthorID != 0 {
		q = q.Where("author_id = ?", f.AuthorID)
	}
	return q
}

// order is the oldest first for the plans waiting for a decision, else the latest change first.
func (f PlanFilter) order() string {
	if f.Status == models.PlanPendingApproval {
		return "updated_at, id"
	}
	return "updated_at DESC, id DESC"
}

func plansOf(recs []planRecord) []*models.StaffingPlan {
	out := make([]*models.StaffingPlan, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out
}

// AddPlanRevision stores the author's next revision of a plan; it does not change the plan until the
// plan's workflow applies it. It returns ECONFLICT if that revision number exists.
func (db *DB) AddPlanRevision(ctx context.Context, planID int64, revision int, d models.PlanDraft, result models.SizingResult, by int64) error {
	err := db.with(ctx).Create(&planRevisionRecord{PlanID: planID, Revision: revision, Title: d.Title, Currency: d.Currency,
		Notes: d.Notes, Inputs: d.Inputs, Result: result, CreatedBy: by}).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return models.Errorf(models.ECONFLICT, "Revision %d of this plan is already being submitted.", revision)
	}
	return err
}

// DeletePlanRevision removes a revision that was never applied (its submission was refused).
func (db *DB) DeletePlanRevision(ctx context.Context, planID int64, revision int) error {
	return db.with(ctx).Where("plan_id = ? AND revision = ?", planID, revision).Delete(&planRevisionRecord{}).Error
}

// ApplyPlanRevision makes a stored revision the plan's current content and puts the plan back in the
// approval queue. Applying the revision the plan already has is a no-op, so a retry is harmless.
func (db *DB) ApplyPlanRevision(ctx context.Context, planID int64, revision int) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var rev planRevisionRecord
		if err := tx.Where("plan_id = ? AND revision = ?", planID, revision).First(&rev).Error; err != nil {
			return notFound(err, "plan revision")
		}
		var p planRecord
		if err := tx.First(&p, planID).Error; err != nil {
			return notFound(err, "staffing plan")
		}
		if p.Revision >= revision {
			return nil
		}
		p.Title, p.Currency, p.Notes, p.Inputs, p.Result = rev.Title, rev.Currency, rev.Notes, rev.Inputs, rev.Result
		p.Revision, p.Status = revision, string(models.PlanPendingApproval)
		return tx.Omit("Author").Save(&p).Error
	})
}

// SetPlanStatus moves a plan from one status to another. Moving a plan that is already in the target status
// succeeds (a retried activity); any other starting status is ECONFLICT.
func (db *DB) SetPlanStatus(ctx context.Context, planID int64, from, to models.PlanStatus) error {
	res := db.with(ctx).Model(&planRecord{}).Where("id = ? AND status = ?", planID, string(from)).
		Updates(map[string]any{"status": string(to), "updated_at": time.Now().UTC()})
	if res.Error != nil || res.RowsAffected == 1 {
		return res.Error
	}
	p, err := db.Plan(ctx, planID)
	if err != nil {
		return err
	}
	if p.Status == to {
		return nil
	}
	return models.Errorf(models.ECONFLICT, "The plan is %s, not %s.", p.Status, from)
}

// AddPlanEvent appends an entry to a plan's timeline once per dedupe key.
func (db *DB) AddPlanEvent(ctx context.Context, planID int64, kind models.EventKind, actorID *int64, comment, dedupeKey string) error {
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Omit("Actor").Create(&planEventRecord{
		PlanID: planID, Kind: string(kind), ActorID: actorID, Comment: comment, DedupeKey: dedupeKey, At: time.Now().UTC()}).Error
}

// PlanEvents returns a plan's timeline, oldest first.
func (db *DB) PlanEvents(ctx context.Context, planID int64) ([]models.PlanEvent, error) {
	var recs []planEventRecord
	if err := db.with(ctx).Preload("Actor").Where("plan_id = ?", planID).Order("at, id").Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.PlanEvent, len(recs))
	for i, r := range recs {
		out[i] = models.PlanEvent{ID: r.ID, PlanID: r.PlanID, Kind: models.EventKind(r.Kind), ActorID: r.ActorID, Comment: r.Comment, At: r.At}
		if r.Actor != nil {
			out[i].ActorName = r.Actor.Name
		}
	}
	return out, nil
}

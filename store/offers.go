package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type offerRecord struct {
	ID              int64 `gorm:"primaryKey"`
	ApplicationID   int64
	OpeningID       int64
	Version         int
	Status          string
	Seat            string
	StartDate       time.Time
	TemplateID      *int64
	Plan            models.PayPlan `gorm:"serializer:json"`
	ExpiresDays     int
	ExpiresAt       *time.Time
	Breaches        []models.FieldError `gorm:"serializer:json"`
	ApproverIDs     []int64             `gorm:"serializer:json"`
	ApprovalsNeeded int
	DeclineReason   string
	CreatedBy       int64
	CreatedAt       time.Time
	UpdatedAt       time.Time
	SentAt          *time.Time
	AnsweredAt      *time.Time
}

func (offerRecord) TableName() string { return "offers" }

type offerApprovalRecord struct {
	OfferID    int64 `gorm:"primaryKey"`
	Version    int   `gorm:"primaryKey"`
	ApproverID int64 `gorm:"primaryKey"`
	Decision   string
	Comment    string
	At         time.Time
}

func (offerApprovalRecord) TableName() string { return "offer_approvals" }

func (r *offerRecord) model() *models.Offer {
	o := &models.Offer{ID: r.ID, ApplicationID: r.ApplicationID, OpeningID: r.OpeningID, Version: r.Version, Status: models.OfferStatus(r.Status),
		Seat: r.Seat, StartDate: r.StartDate, TemplateID: r.TemplateID, Plan: r.Plan, ExpiresDays: r.ExpiresDays, ExpiresAt: r.ExpiresAt,
		Breaches: r.Breaches, ApproverIDs: r.ApproverIDs, ApprovalsNeeded: r.ApprovalsNeeded, DeclineReason: r.DeclineReason,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, SentAt: r.SentAt, AnsweredAt: r.AnsweredAt, Approvals: []models.OfferApproval{}}
	if o.Breaches == nil {
		o.Breaches = []models.FieldError{}
	}
	if o.ApproverIDs == nil {
		o.ApproverIDs = []int64{}
	}
	return o
}

// CreateOffer stores a new offer (version 1, waiting for approval) and sets its ID.
func (db *DB) CreateOffer(ctx context.Context, o *models.Offer) error {
	rec := offerRecord{ApplicationID: o.ApplicationID, OpeningID: o.OpeningID, Version: 1, Status: string(models.OfferPendingApproval),
		StartDate: o.StartDate.UTC(), TemplateID: o.TemplateID, Plan: o.Plan, ExpiresDays: o.ExpiresDays, Breaches: o.Breaches,
		ApproverIDs: o.ApproverIDs, ApprovalsNeeded: o.ApprovalsNeeded, CreatedBy: o.CreatedBy}
	if err := db.with(ctx).Create(&rec).Error; err != nil {
		return err
	}
	o.ID, o.Version, o.Status, o.CreatedAt = rec.ID, 1, models.OfferPendingApproval, rec.CreatedAt
	return nil
}

// OfferByID returns an offer with every approval it has had.
func (db *DB) OfferByID(ctx context.Context, id int64) (*models.Offer, error) {
	var rec offerRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "offer")
	}
	out, err := db.withApprovals(ctx, []offerRecord{rec})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

func (db *DB) withApprovals(ctx context.Context, recs []offerRecord) ([]*models.Offer, error) {
	out := make([]*models.Offer, len(recs))
	byID := map[int64]*models.Offer{}
	ids := make([]int64, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
		byID[recs[i].ID] = out[i]
		ids[i] = recs[i].ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	var apps []offerApprovalRecord
	if err := db.with(ctx).Where("offer_id IN ?", ids).Order("at").Find(&apps).Error; err != nil {
		return nil, err
	}
	for _, a := range apps {
		o := byID[a.OfferID]
		o.Approvals = append(o.Approvals, models.OfferApproval{ApproverID: a.ApproverID, Version: a.Version, Decision: a.Decision, Comment: a.Comment, At: a.At})
	}
	return out, nil
}

// OfferFilter selects offers: by application, by status, or those waiting for one approver's decision.
type OfferFilter struct {
	ApplicationID int64
	OpeningIDs    []int64
	Status        models.OfferStatus
	// ApproverID keeps the offers this user is an approver of.
	ApproverID int64
	// RecruiterID keeps the offers of the openings this recruiter runs, or that no one runs, and those they
	// approve.
	RecruiterID int64
	// AwaitingID keeps the offers waiting for this user's decision: pending approval, the user among its
	// approvers and not its author, and no decision of theirs on its current version.
	AwaitingID int64
	Limit      int
}

// ListOffers returns offers, newest first, f.Limit (MaxPageLimit at most) of them.
func (db *DB) ListOffers(ctx context.Context, f OfferFilter) ([]*models.Offer, error) {
	var recs []offerRecord
	if err := (Page{Limit: f.Limit}).Apply(db.offersQuery(ctx, f).Order("id DESC")).Find(&recs).Error; err != nil {
		return nil, err
	}
	return db.withApprovals(ctx, recs)
}

// OffersPage returns a page of the offers f matches, newest first, and how many match; f.Limit is not used.
func (db *DB) OffersPage(ctx context.Context, f OfferFilter, p Page) ([]*models.Offer, int64, error) {
	var recs []offerRecord
	total, err := findPage(db.offersQuery(ctx, f), "id DESC", p, &recs)
	if err != nil {
		return nil, 0, err
	}
	out, err := db.withApprovals(ctx, recs)
	return out, total, err
}

func (db *DB) offersQuery(ctx context.Context, f OfferFilter) *gorm.DB {
	q := db.with(ctx).Model(&offerRecord{})
	if f.ApplicationID != 0 {
		q = q.Where("application_id = ?", f.ApplicationID)
	}
	if f.OpeningIDs != nil {
		q = q.Where("opening_id IN ?", append([]int64{0}, f.OpeningIDs...))
	}
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	}
	if f.AwaitingID != 0 {
		q = q.Where("status = ? AND created_by <> ?", string(models.OfferPendingApproval), f.AwaitingID).
			Where("NOT EXISTS (SELECT 1 FROM offer_approvals a WHERE a.offer_id = offers.id AND a.version = offers.version AND a.approver_id = ?)", f.AwaitingID)
	}
	for _, id := range []int64{f.ApproverID, f.AwaitingID} {
		if id != 0 {
			q = q.Where(db.approverCond(), id)
		}
	}
	if f.RecruiterID != 0 {
		q = q.Where("(opening_id IN (SELECT id FROM openings WHERE recruiter_id = ? OR recruiter_id IS NULL) OR "+db.approverCond()+")",
			f.RecruiterID, f.RecruiterID)
	}
	return q
}

// approverCond matches the offers whose approvers, a JSON array of user IDs, hold the one given.
func (db *DB) approverCond() string {
	if db.dialect == DialectPostgres {
		return "offers.approver_ids @> jsonb_build_array(?::bigint)"
	}
	return "EXISTS (SELECT 1 FROM json_each(offers.approver_ids) WHERE json_each.value = ?)"
}

// ReviseOffer replaces an offer's terms, its approvers and its author (who wrote this version) and raises its
// version: it waits for approval again, and what was sent to the candidate no longer stands.
func (db *DB) ReviseOffer(ctx context.Context, id int64, version int, author int64, d models.OfferDraft, breaches []models.FieldError, approvers []int64,
	needed int) error {
	res := db.with(ctx).Model(&offerRecord{}).Where("id = ? AND version = ?", id, version-1).Updates(map[string]any{
		"created_by": author, "approver_ids": jsonValue(approvers),
		"version": version, "status": string(models.OfferPendingApproval), "start_date": d.StartDate.UTC(), "template_id": d.TemplateID,
		"plan": jsonValue(d.Plan), "expires_days": d.ExpiresDays, "expires_at": nil, "sent_at": nil, "breaches": jsonValue(breaches),
		"approvals_needed": needed, "updated_at": time.Now().UTC()})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		var rec offerRecord
		if err := db.with(ctx).First(&rec, id).Error; err != nil {
			return notFound(err, "offer")
		}
		if rec.Version >= version {
			return nil // a retry: already revised
		}
		return models.Errorf(models.ECONFLICT, "The offer is at version %d, not %d.", rec.Version, version-1)
	}
	return nil
}

// AddOfferApproval records one approver's decision on one version, once (a retry changes nothing).
func (db *DB) AddOfferApproval(ctx context.Context, offerID int64, a models.OfferApproval) error {
	rec := offerApprovalRecord{OfferID: offerID, Version: a.Version, ApproverID: a.ApproverID, Decision: a.Decision, Comment: a.Comment, At: a.At.UTC()}
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&rec).Error
}

// SetOfferStatus moves an offer of version to status with the columns given (sent_at, expires_at,
// answered_at, seat, decline_reason); one already there is left alone.
func (db *DB) SetOfferStatus(ctx context.Context, id int64, version int, status models.OfferStatus, cols map[string]any) error {
	if cols == nil {
		cols = map[string]any{}
	}
	cols["status"], cols["updated_at"] = string(status), time.Now().UTC()
	return db.with(ctx).Model(&offerRecord{}).Where("id = ? AND version = ?", id, version).Updates(cols).Error
}

// EmployeeRecord is a hire: the user account, the offer it came from, the start date and the pay plan.
type EmployeeRecord struct {
	ID            int64 `gorm:"primaryKey"`
	UserID        int64
	ApplicationID int64
	OpeningID     int64
	OfferID       int64
	Role          string
	StartDate     time.Time
	Plan          models.PayPlan `gorm:"serializer:json"`
	// InviteAcceptedAt is when the hire chose their password through the invitation (used once).
	InviteAcceptedAt *time.Time
	CreatedAt        time.Time
}

// TableName names the table.
func (EmployeeRecord) TableName() string { return "employees" }

// CreateEmployee stores a hire once per application; a retry returns the one already stored.
func (db *DB) CreateEmployee(ctx context.Context, e *EmployeeRecord) error {
	err := db.with(ctx).Create(e).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return db.with(ctx).Where("application_id = ?", e.ApplicationID).First(e).Error
	}
	return err
}

// EmployeeOfApplication returns the hire an application became.
func (db *DB) EmployeeOfApplication(ctx context.Context, applicationID int64) (*EmployeeRecord, error) {
	var e EmployeeRecord
	if err := db.with(ctx).Where("application_id = ?", applicationID).First(&e).Error; err != nil {
		return nil, notFound(err, "employee")
	}
	return &e, nil
}

// jsonValue encodes v for a JSON column updated through a map (which bypasses the serializer).
func jsonValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// AcceptInvite sets a new employee's password through their invitation, once: a second use is ECONFLICT.
func (db *DB) AcceptInvite(ctx context.Context, userID int64, passwordHash string) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&EmployeeRecord{}).Where("user_id = ? AND invite_accepted_at IS NULL", userID).Update("invite_accepted_at", time.Now().UTC())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return models.Errorf(models.ECONFLICT, "This invitation has been used already; sign in with the password you chose.")
		}
		return tx.Model(&userRecord{}).Where("id = ?", userID).Updates(map[string]any{"password_hash": passwordHash, "updated_at": time.Now().UTC()}).Error
	})
}

// EmployeesOfOpenings returns the hires of the openings named, oldest first.
func (db *DB) EmployeesOfOpenings(ctx context.Context, openingIDs []int64) ([]EmployeeRecord, error) {
	var out []EmployeeRecord
	if len(openingIDs) == 0 {
		return out, nil
	}
	err := db.with(ctx).Where("opening_id IN ?", openingIDs).Order("created_at, id").Find(&out).Error
	return out, err
}

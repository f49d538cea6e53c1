package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

type accountRecord struct {
	ID         int64 `gorm:"primaryKey"`
	Name       string
	NameKey    string
	City       string
	Industry   string
	OwnerID    *int64
	OwnerSince *time.Time
	CreatedBy  int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// Client care (migration 21).
	Country         string
	FoundedOn       *time.Time
	GreetingsOptOut bool
}

func (accountRecord) TableName() string { return "accounts" }

func (r *accountRecord) model() *models.Account {
	return &models.Account{ID: r.ID, Name: r.Name, City: r.City, Industry: r.Industry, OwnerID: r.OwnerID, OwnerSince: r.OwnerSince,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, Country: r.Country, FoundedOn: r.FoundedOn, GreetingsOptOut: r.GreetingsOptOut}
}

// ContactRecord is a person at a client account.
type ContactRecord struct {
	ID        int64     `gorm:"primaryKey" json:"id"`
	AccountID int64     `json:"account_id"`
	Name      string    `json:"name"`
	Title     string    `json:"title"`
	Email     string    `json:"email"`
	Phone     string    `json:"phone"`
	CreatedAt time.Time `json:"created_at"`
	// Locale is the language greetings are written in to this contact: sq or en.
	Locale         string     `json:"locale"`
	Birthday       *time.Time `json:"birthday"`
	NameDay        *time.Time `json:"name_day"`
	UnsubscribedAt *time.Time `json:"unsubscribed_at"`
}

// TableName names the table.
func (ContactRecord) TableName() string { return "contacts" }

type activityRecord struct {
	ID        int64 `gorm:"primaryKey"`
	AccountID int64
	RepID     int64
	Kind      string
	At        time.Time
	Amount    float64
	Currency  string
	Notes     string
	CreatedAt time.Time
}

func (activityRecord) TableName() string { return "sales_activities" }

func (r *activityRecord) model() models.SalesActivity {
	return models.SalesActivity{ID: r.ID, AccountID: r.AccountID, RepID: r.RepID, Kind: models.ActivityKind(r.Kind), At: r.At, Amount: r.Amount,
		Currency: r.Currency, Notes: r.Notes, CreatedAt: r.CreatedAt}
}

// CreateAccount adds a client account; one whose name is already a client's (models.AccountKey) is ECONFLICT
// naming it, so the rep logs on the existing one.
func (db *DB) CreateAccount(ctx context.Context, d models.AccountDraft, by int64) (*models.Account, error) {
	rec := accountRecord{Name: strings.TrimSpace(d.Name), NameKey: models.AccountKey(d.Name), City: strings.TrimSpace(d.City),
		Industry: strings.TrimSpace(d.Industry), CreatedBy: by, Country: "AL"}
	if err := db.with(ctx).Create(&rec).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			var existing accountRecord
			if db.with(ctx).Where("name_key = ?", rec.NameKey).First(&existing).Error == nil {
				return nil, &models.Error{Code: models.ECONFLICT, Message: "“" + existing.Name + "” is already a client; log your work on it.",
					Fields: []models.FieldError{{Field: "name", Message: "is already a client (account " + strconv.FormatInt(existing.ID, 10) + ")"}}}
			}
			return nil, models.Errorf(models.ECONFLICT, "This company is already a client.")
		}
		return nil, err
	}
	return rec.model(), nil
}

// AccountByID returns one account.
func (db *DB) AccountByID(ctx context.Context, id int64) (*models.Account, error) {
	var rec accountRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "client account")
	}
	return rec.model(), nil
}

// AccountFilter selects accounts: by part of the name, by owner, or those without one.
type AccountFilter struct {
	Query   string
	OwnerID int64
	Unowned bool
	Limit   int
}

// ListAccounts returns accounts by name, f.Limit (MaxPageLimit at most) of them.
func (db *DB) ListAccounts(ctx context.Context, f AccountFilter) ([]*models.Account, error) {
	var recs []accountRecord
	if err := (Page{Limit: f.Limit}).Apply(db.accountsQuery(ctx, f).Order("name, id")).Find(&recs).Error; err != nil {
		return nil, err
	}
	return accountsOf(recs), nil
}

// AccountsPage returns a page of the accounts f matches, by name, and how many match; f.Limit is not used.
func (db *DB) AccountsPage(ctx context.Context, f AccountFilter, p Page) ([]*models.Account, int64, error) {
	var recs []accountRecord
	total, err := findPage(db.accountsQuery(ctx, f), "name, id", p, &recs)
	if err != nil {
		return nil, 0, err
	}
	return accountsOf(recs), total, nil
}

func (db *DB) accountsQuery(ctx context.Context, f AccountFilter) *gorm.DB {
	q := db.with(ctx).Model(&accountRecord{})
	if s := models.AccountKey(f.Query); s != "" {
		q = q.Where("name_key LIKE ?", "%"+strings.NewReplacer("%", "", "_", "").Replace(s)+"%")
	}
	if f.OwnerID != 0 {
		q = q.Where("owner_id = ?", f.OwnerID)
	}
	if f.Unowned {
		q = q.Where("owner_id IS NULL")
	}
	return q
}

func accountsOf(recs []accountRecord) []*models.Account {
	out := make([]*models.Account, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out
}

// AddContact adds a person to an account.
func (db *DB) AddContact(ctx context.Context, c *ContactRecord) error {
	if c.Locale == "" {
		c.Locale = "sq"
	}
	return db.with(ctx).Create(c).Error
}

// Contacts returns an account's people.
func (db *DB) Contacts(ctx context.Context, accountID int64) ([]ContactRecord, error) {
	out := []ContactRecord{}
	err := db.with(ctx).Where("account_id = ?", accountID).Order("name").Find(&out).Error
	return out, err
}

// LogActivity records a rep's activity on an account, enforcing one owner per client (seed step 5) in the
// database: the first call with an account nobody owns makes its rep the owner, atomically (of two reps
// racing for the same new client, exactly one becomes its owner; the other is refused); every activity on an
// owned account must be its owner's. The owner's ID comes back.
func (db *DB) LogActivity(ctx context.Context, a *models.SalesActivity) (owner int64, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		now := time.Now().UTC()
		if a.Kind == models.ActivityCall {
			res := tx.Model(&accountRecord{}).Where("id = ? AND owner_id IS NULL", a.AccountID).
				Updates(map[string]any{"owner_id": a.RepID, "owner_since": now, "updated_at": now})
			if res.Error != nil {
				return res.Error
			}
		}
		var acc accountRecord
		if err := tx.First(&acc, a.AccountID).Error; err != nil {
			return notFound(err, "client account")
		}
		switch {
		case acc.OwnerID == nil:
			return models.Errorf(models.ECONFLICT, "Nobody owns “%s” yet: the first call with a new client makes its owner, so log a call first.", acc.Name)
		case *acc.OwnerID != a.RepID:
			var name string
			tx.Model(&userRecord{}).Where("id = ?", *acc.OwnerID).Pluck("name", &name)
			return models.Errorf(models.EFORBIDDEN, "“%s” is %s's client: one owner per client, and only the owner logs work on it.", acc.Name, name)
		}
		owner = *acc.OwnerID
		rec := activityRecord{AccountID: a.AccountID, RepID: a.RepID, Kind: string(a.Kind), At: a.At.UTC(), Amount: a.Amount, Currency: a.Currency,
			Notes: a.Notes}
		if err := tx.Create(&rec).Error; err != nil {
			return err
		}
		a.ID, a.CreatedAt = rec.ID, rec.CreatedAt
		return nil
	})
	return owner, err
}

// ActivityFilter selects activities: of an account, of a rep, within a time range.
type ActivityFilter struct {
	AccountID int64
	RepID     int64
	From, To  time.Time
	Limit     int
}

// ListActivities returns activities, newest first.
func (db *DB) ListActivities(ctx context.Context, f ActivityFilter) ([]models.SalesActivity, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 1000
	}
	var recs []activityRecord
	if err := db.activitiesQuery(ctx, f).Order("at DESC, id DESC").Limit(f.Limit).Find(&recs).Error; err != nil {
		return nil, err
	}
	return activitiesOf(recs), nil
}

// ActivitiesPage returns a page of the activities f matches, newest first, and how many match; f.Limit is not
// used.
func (db *DB) ActivitiesPage(ctx context.Context, f ActivityFilter, p Page) ([]models.SalesActivity, int64, error) {
	var recs []activityRecord
	total, err := findPage(db.activitiesQuery(ctx, f), "at DESC, id DESC", p, &recs)
	if err != nil {
		return nil, 0, err
	}
	return activitiesOf(recs), total, nil
}

func (db *DB) activitiesQuery(ctx context.Context, f ActivityFilter) *gorm.DB {
	q := db.with(ctx).Model(&activityRecord{})
	if f.AccountID != 0 {
		q = q.Where("account_id = ?", f.AccountID)
	}
	if f.RepID != 0 {
		q = q.Where("rep_id = ?", f.RepID)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.UTC())
	}
	return q
}

func activitiesOf(recs []activityRecord) []models.SalesActivity {
	out := make([]models.SalesActivity, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out
}

// SetAccountOwner gives an account nobody owns its first owner (an import naming one); an owned account is
// left alone and its owner returned.
func (db *DB) SetAccountOwner(ctx context.Context, id, owner int64) (int64, error) {
	now := time.Now().UTC()
	if err := db.with(ctx).Model(&accountRecord{}).Where("id = ? AND owner_id IS NULL", id).
		Updates(map[string]any{"owner_id": owner, "owner_since": now, "updated_at": now}).Error; err != nil {
		return 0, err
	}
	a, err := db.AccountByID(ctx, id)
	if err != nil || a.OwnerID == nil {
		return 0, err
	}
	return *a.OwnerID, nil
}

// AccountByName returns the account a company name is (models.AccountKey), or ENOTFOUND.
func (db *DB) AccountByName(ctx context.Context, name string) (*models.Account, error) {
	var rec accountRecord
	if err := db.with(ctx).Where("name_key = ?", models.AccountKey(name)).First(&rec).Error; err != nil {
		return nil, notFound(err, "client account")
	}
	return rec.model(), nil
}

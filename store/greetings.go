package store

import (
	"context"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

// CompanyOccasion is a company-wide occasion an admin adds: every year on its day, or once when Year is set.
type CompanyOccasion struct {
	ID        int64     `gorm:"primaryKey" json:"id"`
	Name      string    `json:"name"`
	NameSq    string    `json:"name_sq"`
	Month     int       `json:"month"`
	Day       int       `json:"day"`
	Year      *int      `json:"year"`
	Theme     string    `json:"theme"`
	CreatedBy int64     `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
}

// TableName names the table.
func (CompanyOccasion) TableName() string { return "company_occasions" }

// On gives the occasion in year y, if it falls in it.
func (o CompanyOccasion) On(y int) (models.Occasion, bool) {
	if o.Year != nil && *o.Year != y {
		return models.Occasion{}, false
	}
	return models.Occasion{Key: "company." + strconv.FormatInt(o.ID, 10), Kind: models.OccasionCompany, Date: time.Date(y, time.Month(o.Month), o.Day, 0, 0, 0, 0, time.UTC),
		Name: o.Name, NameSq: o.NameSq, Theme: o.Theme}, true
}

// Greeting is one occasion of one client: a call for its owner on the day and e-cards to its contacts.
type Greeting struct {
	ID             int64      `gorm:"primaryKey" json:"id"`
	AccountID      int64      `json:"account_id"`
	OccasionKey    string     `json:"occasion_key"`
	OccasionName   string     `json:"occasion_name"`
	OccasionNameSq string     `gorm:"column:occasion_name_sq" json:"occasion_name_sq"`
	Theme          string     `json:"theme"`
	Day            time.Time  `json:"day"`
	OwnerID        int64      `json:"owner_id"`
	Design         string     `json:"design"`
	PersonalLine   string     `json:"personal_line"`
	CallDoneAt     *time.Time `json:"call_done_at"`
	CallNote       string     `json:"call_note"`
	EscalatedAt    *time.Time `json:"escalated_at"`
	CardsSentAt    *time.Time `json:"cards_sent_at"`
	CreatedAt      time.Time  `json:"created_at"`
}

// TableName names the table.
func (Greeting) TableName() string { return "greetings" }

// GreetingCard is the e-card of one greeting to one contact.
type GreetingCard struct {
	ID         int64      `gorm:"primaryKey" json:"id"`
	GreetingID int64      `json:"greeting_id"`
	ContactID  int64      `json:"contact_id"`
	Email      string     `json:"email"`
	Locale     string     `json:"locale"`
	Status     string     `json:"status"` // pending, sent, skipped (the contact unsubscribed meanwhile)
	OutboxID   *int64     `json:"outbox_id"`
	SentAt     *time.Time `json:"sent_at"`
}

// TableName names the table.
func (GreetingCard) TableName() string { return "greeting_cards" }

// CareAccount is an owned client with what its greetings need.
type CareAccount struct {
	*models.Account
	Contacts  []ContactRecord
	FirstDeal *time.Time
}

// CareAccounts returns every client with an owner that has not opted out of greetings, with its contacts and
// the day of its first won deal.
func (db *DB) CareAccounts(ctx context.Context) ([]CareAccount, error) {
	var recs []accountRecord
	if err := db.with(ctx).Where("owner_id IS NOT NULL AND greetings_opt_out = ?", false).Order("id").Find(&recs).Error; err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, nil
	}
	var contacts []ContactRecord
	if err := db.with(ctx).Order("id").Find(&contacts).Error; err != nil {
		return nil, err
	}
	byAccount := map[int64][]ContactRecord{}
	for _, c := range contacts {
		byAccount[c.AccountID] = append(byAccount[c.AccountID], c)
	}
	var deals []struct {
		AccountID int64
		At        time.Time
	}
	if err := db.with(ctx).Model(&activityRecord{}).Select("account_id, at").Where("kind = ?", string(models.ActivityDealWon)).
		Order("at").Scan(&deals).Error; err != nil {
		return nil, err
	}
	first := map[int64]*time.Time{}
	for _, d := range deals {
		if _, ok := first[d.AccountID]; !ok {
			at := d.At
			first[d.AccountID] = &at
		}
	}
	out := make([]CareAccount, len(recs))
	for i := range recs {
		out[i] = CareAccount{Account: recs[i].model(), Contacts: byAccount[recs[i].ID], FirstDeal: first[recs[i].ID]}
	}
	return out, nil
}

// CompanyOccasions returns the company-wide occasions by date, MaxPageLimit at most.
func (db *DB) CompanyOccasions(ctx context.Context) ([]CompanyOccasion, error) {
	out := []CompanyOccasion{}
	return out, (Page{}).Apply(db.with(ctx).Order("month, day, id")).Find(&out).Error
}

// AddCompanyOccasion stores a company-wide occasion.
func (db *DB) AddCompanyOccasion(ctx context.Context, o *CompanyOccasion) error {
	return db.with(ctx).Create(o).Error
}

// DeleteCompanyOccasion removes one; greetings already planned for it stay.
func (db *DB) DeleteCompanyOccasion(ctx context.Context, id int64) error {
	res := db.with(ctx).Delete(&CompanyOccasion{}, id)
	if res.Error == nil && res.RowsAffected == 0 {
		return models.Errorf(models.ENOTFOUND, "No such occasion.")
	}
	return res.Error
}

// PlanGreeting stores a greeting once per client, occasion and day, with a pending card for each contact
// with an e-mail who has not unsubscribed; planning it again returns the stored one and adds nothing. created
// says whether this call made it.
func (db *DB) PlanGreeting(ctx context.Context, g *Greeting, contacts []ContactRecord) (created bool, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		g.Day = g.Day.UTC()
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(g)
		if res.Error != nil {
			return res.Error
		}
		created = res.RowsAffected > 0
		if err := tx.Where("account_id = ? AND occasion_key = ? AND day = ?", g.AccountID, g.OccasionKey, g.Day).First(g).Error; err != nil {
			return err
		}
		if !created {
			return nil
		}
		for _, c := range contacts {
			if c.Email == "" || c.UnsubscribedAt != nil {
				continue
			}
			card := GreetingCard{GreetingID: g.ID, ContactID: c.ID, Email: c.Email, Locale: c.Locale, Status: "pending"}
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&card).Error; err != nil {
				return err
			}
		}
		return nil
	})
	return created, err
}

// GreetingByID returns one greeting.
func (db *DB) GreetingByID(ctx context.Context, id int64) (*Greeting, error) {
	var g Greeting
	if err := db.with(ctx).First(&g, id).Error; err != nil {
		return nil, notFound(err, "greeting")
	}
	return &g, nil
}

// GreetingCards returns a greeting's cards.
func (db *DB) GreetingCards(ctx context.Context, greetingID int64) ([]GreetingCard, error) {
	out := []GreetingCard{}
	return out, db.with(ctx).Where("greeting_id = ?", greetingID).Order("id").Find(&out).Error
}

// GreetingsToSend returns the greetings due on or before day whose cards have not all gone.
func (db *DB) GreetingsToSend(ctx context.Context, day time.Time) ([]Greeting, error) {
	out := []Greeting{}
	return out, db.with(ctx).Where("day <= ? AND cards_sent_at IS NULL", day.UTC()).Order("day, id").Find(&out).Error
}

// MarkCard records a card's outcome.
func (db *DB) MarkCard(ctx context.Context, id int64, status string, outboxID *int64) error {
	now := time.Now().UTC()
	return db.with(ctx).Model(&GreetingCard{}).Where("id = ?", id).Updates(map[string]any{"status": status, "outbox_id": outboxID, "sent_at": &now}).Error
}

// MarkCardsSent records that every card of a greeting went.
func (db *DB) MarkCardsSent(ctx context.Context, id int64) error {
	return db.with(ctx).Model(&Greeting{}).Where("id = ? AND cards_sent_at IS NULL", id).Update("cards_sent_at", time.Now().UTC()).Error
}

// GreetingFilter selects greetings.
type GreetingFilter struct {
	OwnerID   int64
	AccountID int64
	From, To  time.Time // by day, inclusive
	Open      bool      // calls not yet done
	Limit     int
	Newest    bool // the latest days first (a client's timeline), else by day
}

// Greetings returns greetings by day.
func (db *DB) Greetings(ctx context.Context, f GreetingFilter) ([]Greeting, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 500
	}
	out := []Greeting{}
	return out, db.greetingsQuery(ctx, f).Order(f.order()).Limit(f.Limit).Find(&out).Error
}

// GreetingsPage returns a page of the greetings f matches, by day, and how many match; f.Limit is not used.
func (db *DB) GreetingsPage(ctx context.Context, f GreetingFilter, p Page) ([]Greeting, int64, error) {
	var out []Greeting
	total, err := findPage(db.greetingsQuery(ctx, f), f.order(), p, &out)
	return out, total, err
}

func (f GreetingFilter) order() string {
	if f.Newest {
		return "day DESC, id DESC"
	}
	return "day, id"
}

func (db *DB) greetingsQuery(ctx context.Context, f GreetingFilter) *gorm.DB {
	q := db.with(ctx)
	if f.OwnerID != 0 {
		q = q.Where("owner_id = ?", f.OwnerID)
	}
	if f.AccountID != 0 {
		q = q.Where("account_id = ?", f.AccountID)
	}
	if !f.From.IsZero() {
		q = q.Where("day >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("day <= ?", f.To.UTC())
	}
	if f.Open {
		q = q.Where("call_done_at IS NULL")
	}
	return q
}

// CompleteGreetingCall records the owner's call, once.
func (db *DB) CompleteGreetingCall(ctx context.Context, id int64, note string) (*Greeting, error) {
	res := db.with(ctx).Model(&Greeting{}).Where("id = ? AND call_done_at IS NULL", id).
		Updates(map[string]any{"call_done_at": time.Now().UTC(), "call_note": note})
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		if _, err := db.GreetingByID(ctx, id); err != nil {
			return nil, err
		}
		return nil, models.Errorf(models.ECONFLICT, "This greeting call is already done.")
	}
	return db.GreetingByID(ctx, id)
}

// EditGreeting changes the card's design and personal line until the cards have gone.
func (db *DB) EditGreeting(ctx context.Context, id int64, design, line string) (*Greeting, error) {
	res := db.with(ctx).Model(&Greeting{}).Where("id = ? AND cards_sent_at IS NULL", id).
		Updates(map[string]any{"design": design, "personal_line": line})
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		if _, err := db.GreetingByID(ctx, id); err != nil {
			return nil, err
		}
		return nil, models.Errorf(models.ECONFLICT, "The e-cards have gone; they can no longer be changed.")
	}
	return db.GreetingByID(ctx, id)
}

// OverdueGreetingCalls returns greeting calls not done by the end of their day and not yet escalated.
func (db *DB) OverdueGreetingCalls(ctx context.Context, before time.Time) ([]Greeting, error) {
	out := []Greeting{}
	return out, db.with(ctx).Where("day < ? AND call_done_at IS NULL AND escalated_at IS NULL", before.UTC()).Order("owner_id, day").Find(&out).Error
}

// MarkEscalated records that an overdue call was escalated.
func (db *DB) MarkEscalated(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return db.with(ctx).Model(&Greeting{}).Where("id IN ?", ids).Update("escalated_at", time.Now().UTC()).Error
}

// Unsubscribe records a contact's wish to get no more greetings; their pending cards are skipped. Twice is
// harmless.
func (db *DB) Unsubscribe(ctx context.Context, contactID int64) (*ContactRecord, error) {
	var c ContactRecord
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&c, contactID).Error; err != nil {
			return notFound(err, "contact")
		}
		if c.UnsubscribedAt == nil {
			now := time.Now().UTC()
			c.UnsubscribedAt = &now
			if err := tx.Model(&ContactRecord{}).Where("id = ?", c.ID).Update("unsubscribed_at", now).Error; err != nil {
				return err
			}
		}
		return tx.Model(&GreetingCard{}).Where("contact_id = ? AND status = ?", c.ID, "pending").Update("status", "skipped").Error
	})
	return &c, err
}

// ContactByID returns one contact.
func (db *DB) ContactByID(ctx context.Context, id int64) (*ContactRecord, error) {
	var c ContactRecord
	if err := db.with(ctx).First(&c, id).Error; err != nil {
		return nil, notFound(err, "contact")
	}
	return &c, nil
}

// UpdateContact saves a contact's details.
func (db *DB) UpdateContact(ctx context.Context, c *ContactRecord) error {
	return db.with(ctx).Model(&ContactRecord{}).Where("id = ?", c.ID).Updates(map[string]any{"name": c.Name, "title": c.Title,
		"email": c.Email, "phone": c.Phone, "locale": c.Locale, "birthday": c.Birthday, "name_day": c.NameDay}).Error
}

// SetAccountCare saves a client's country, founding day and greetings opt-out.
func (db *DB) SetAccountCare(ctx context.Context, id int64, country string, founded *time.Time, optOut bool) error {
	return db.with(ctx).Model(&accountRecord{}).Where("id = ?", id).
		Updates(map[string]any{"country": country, "founded_on": founded, "greetings_opt_out": optOut}).Error
}

// Kudos is one person's recognition of a rep.
type Kudos struct {
	ID        int64      `gorm:"primaryKey" json:"id"`
	FromID    int64      `json:"from_id"`
	ToID      int64      `json:"to_id"`
	Message   string     `json:"message"`
	CreatedAt time.Time  `json:"created_at"`
	SeenAt    *time.Time `json:"seen_at"`
}

// TableName names the table.
func (Kudos) TableName() string { return "kudos" }

// GiveKudos stores a kudos.
func (db *DB) GiveKudos(ctx context.Context, k *Kudos) error { return db.with(ctx).Create(k).Error }

// KudosFor returns the latest kudos a user received, newest first.
func (db *DB) KudosFor(ctx context.Context, userID int64, limit int) ([]Kudos, error) {
	out := []Kudos{}
	return out, db.with(ctx).Where("to_id = ?", userID).Order("created_at DESC, id DESC").Limit(limit).Find(&out).Error
}

// KudosPage returns the page p of the kudos a user received, newest first, and how many they received in all.
func (db *DB) KudosPage(ctx context.Context, userID int64, p Page) ([]Kudos, int64, error) {
	out := []Kudos{}
	total, err := findPage(db.with(ctx).Where("to_id = ?", userID), "created_at DESC, id DESC", p, &out)
	return out, total, err
}

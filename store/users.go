package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

type userRecord struct {
	ID           int64 `gorm:"primaryKey"`
	Email        string
	Name         string
	PasswordHash string
	Roles        string // ",admin,recruiter," so that one role is found with LIKE on both dialects
	Active       bool
	Locale       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (userRecord) TableName() string { return "users" }

func encodeRoles(roles []models.Role) string {
	roles = models.SortRoles(roles)
	if len(roles) == 0 {
		return ""
	}
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return "," + strings.Join(s, ",") + ","
}

func decodeRoles(s string) []models.Role {
	var out []models.Role
	for _, p := range strings.Split(strings.Trim(s, ","), ",") {
		if r, ok := models.ParseRole(p); ok {
			out = append(out, r)
		}
	}
	return out
}

func (r *userRecord) model() *models.User {
	return &models.User{ID: r.ID, Email: r.Email, Name: r.Name, Roles: decodeRoles(r.Roles), Active: r.Active, Locale: r.Locale, CreatedAt: r.CreatedAt}
}

// CreateUser adds an active user. It returns ECONFLICT when the e-mail is taken.
func (db *DB) CreateUser(ctx context.Context, email, name, passwordHash string, roles []models.Role) (*models.User, error) {
	rec := userRecord{Email: models.NormalizeEmail(email), Name: strings.TrimSpace(name), PasswordHash: passwordHash,
		Roles: encodeRoles(roles), Active: true, Locale: "en"}
	if err := db.with(ctx).Create(&rec).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return nil, models.Errorf(models.ECONFLICT, "A user with e-mail %s already exists.", rec.Email)
		}
		return nil, err
	}
	return rec.model(), nil
}

// UserByID returns one user.
func (db *DB) UserByID(ctx context.Context, id int64) (*models.User, error) {
	var rec userRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return rec.model(), nil
}

// UserCredentials returns the user with an e-mail and their password hash.
func (db *DB) UserCredentials(ctx context.Context, email string) (*models.User, string, error) {
	var rec userRecord
	if err := db.with(ctx).Where("email = ?", models.NormalizeEmail(email)).First(&rec).Error; err != nil {
		return nil, "", notFound(err, "user")
	}
	return rec.model(), rec.PasswordHash, nil
}

// ListUsers returns a page of the users, by name, and how many there are.
func (db *DB) ListUsers(ctx context.Context, p Page) ([]*models.User, int64, error) {
	var recs []userRecord
	total, err := findPage(db.with(ctx), "name, id", p, &recs)
	if err != nil {
		return nil, 0, err
	}
	out := make([]*models.User, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, total, nil
}

// ActiveUsersWithRole returns the active users who hold role, by id.
func (db *DB) ActiveUsersWithRole(ctx context.Context, role models.Role) ([]*models.User, error) {
	var recs []userRecord
	err := db.with(ctx).Where("active = ? AND roles LIKE ?", true, "%,"+string(role)+",%").Order("id").Find(&recs).Error
	if err != nil {
		return nil, err
	}
	out := make([]*models.User, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// ActiveUsersWithAnyRole returns the active users who hold any of roles, by name, MaxPageLimit at most.
func (db *DB) ActiveUsersWithAnyRole(ctx context.Context, roles ...models.Role) ([]*models.User, error) {
	if len(roles) == 0 {
		return []*models.User{}, nil
	}
	likes, args := make([]string, len(roles)), make([]any, len(roles))
	for i, r := range roles {
		likes[i], args[i] = "roles LIKE ?", "%,"+string(r)+",%"
	}
	q := db.with(ctx).Where("active = ?", true).Where("("+strings.Join(likes, " OR ")+")", args...)
	var recs []userRecord
	if err := (Page{}).Apply(q.Order("name, id")).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]*models.User, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// UserUpdate holds the fields an admin may change; nil leaves a field as it is.
type UserUpdate struct {
	Name         *string
	Roles        *[]models.Role
	Active       *bool
	PasswordHash *string
	Locale       *string
}

// UpdateUser changes a user. Deactivating a user also ends all their sessions, in the same transaction.
func (db *DB) UpdateUser(ctx context.Context, id int64, u UserUpdate) (*models.User, error) {
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var rec userRecord
		if err := tx.First(&rec, id).Error; err != nil {
			return notFound(err, "user")
		}
		if u.Name != nil {
			rec.Name = strings.TrimSpace(*u.Name)
		}
		if u.Roles != nil {
			rec.Roles = encodeRoles(*u.Roles)
		}
		if u.Active != nil {
			rec.Active = *u.Active
		}
		if u.PasswordHash != nil {
			rec.PasswordHash = *u.PasswordHash
		}
		if u.Locale != nil {
			rec.Locale = *u.Locale
		}
		if err := tx.Save(&rec).Error; err != nil {
			return err
		}
		if !rec.Active || u.PasswordHash != nil {
			return tx.Where("user_id = ?", id).Delete(&sessionRecord{}).Error
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return db.UserByID(ctx, id)
}

// ChangePassword sets a user's password hash and ends all their sessions but the one that changed it.
func (db *DB) ChangePassword(ctx context.Context, userID int64, hash, keepTokenHash string) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&userRecord{}).Where("id = ?", userID).Updates(map[string]any{
			"password_hash": hash, "updated_at": time.Now().UTC()}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ? AND token_hash <> ?", userID, keepTokenHash).Delete(&sessionRecord{}).Error
	})
}

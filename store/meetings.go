package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

// TeamRecord is a manager's team of reps with the cadence of its planning meetings.
type TeamRecord struct {
	ID        int64          `gorm:"primaryKey" json:"id"`
	Name      string         `json:"name"`
	ManagerID int64          `json:"manager_id"`
	Cadence   models.Cadence `gorm:"serializer:json" json:"cadence"`
	CreatedAt time.Time      `json:"created_at"`
}

// TableName names the table.
func (TeamRecord) TableName() string { return "teams" }

type teamMemberRecord struct {
	TeamID int64 `gorm:"primaryKey"`
	UserID int64 `gorm:"primaryKey"`
}

func (teamMemberRecord) TableName() string { return "team_members" }

// MeetingRecord is one planning meeting of a team; Missed lists the reps who filed no report before it.
type MeetingRecord struct {
	ID        int64     `gorm:"primaryKey" json:"id"`
	TeamID    int64     `json:"team_id"`
	At        time.Time `json:"at"`
	Status    string    `json:"status"` // open, held
	Missed    []int64   `gorm:"serializer:json" json:"missed"`
	CreatedAt time.Time `json:"created_at"`
}

// TableName names the table.
func (MeetingRecord) TableName() string { return "meetings" }

// ReportRecord is a rep's report for one meeting.
type ReportRecord struct {
	MeetingID int64     `gorm:"primaryKey" json:"meeting_id"`
	UserID    int64     `gorm:"primaryKey" json:"user_id"`
	Done      string    `json:"done"`
	Planned   string    `json:"planned"`
	Blockers  string    `json:"blockers"`
	FiledAt   time.Time `json:"filed_at"`
}

// TableName names the table.
func (ReportRecord) TableName() string { return "meeting_reports" }

// CreateTeam stores a team with its members.
func (db *DB) CreateTeam(ctx context.Context, t *TeamRecord, members []int64) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(t).Error; err != nil {
			return err
		}
		for _, m := range members {
			if err := tx.Create(&teamMemberRecord{TeamID: t.ID, UserID: m}).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

// TeamByID returns a team and its members.
func (db *DB) TeamByID(ctx context.Context, id int64) (*TeamRecord, []int64, error) {
	var t TeamRecord
	if err := db.with(ctx).First(&t, id).Error; err != nil {
		return nil, nil, notFound(err, "team")
	}
	var members []int64
	err := db.with(ctx).Model(&teamMemberRecord{}).Where("team_id = ?", id).Order("user_id").Pluck("user_id", &members).Error
	return &t, members, err
}

// OpenMeeting records a team's meeting at at, once (a retry returns the same one).
func (db *DB) OpenMeeting(ctx context.Context, teamID int64, at time.Time) (*MeetingRecord, error) {
	m := MeetingRecord{TeamID: teamID, At: at.UTC(), Status: "open", Missed: []int64{}}
	if err := db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&m).Error; err != nil {
		return nil, err
	}
	if err := db.with(ctx).Where("team_id = ? AND at = ?", teamID, at.UTC()).First(&m).Error; err != nil {
		return nil, err
	}
	return &m, nil
}

// MeetingByID returns one meeting.
func (db *DB) MeetingByID(ctx context.Context, id int64) (*MeetingRecord, error) {
	var m MeetingRecord
	if err := db.with(ctx).First(&m, id).Error; err != nil {
		return nil, notFound(err, "meeting")
	}
	return &m, nil
}

// Meetings returns a team's meetings, newest first.
func (db *DB) Meetings(ctx context.Context, teamID int64, limit int) ([]MeetingRecord, error) {
	out := []MeetingRecord{}
	err := db.with(ctx).Where("team_id = ?", teamID).Order("at DESC").Limit(limit).Find(&out).Error
	return out, err
}

// FileReport stores (or replaces, until the meeting) a rep's report; after the meeting it is ECONFLICT.
func (db *DB) FileReport(ctx context.Context, r ReportRecord) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var m MeetingRecord
		if err := tx.First(&m, r.MeetingID).Error; err != nil {
			return notFound(err, "meeting")
		}
		switch m.Status {
		case "open":
		case "cancelled":
			return models.Errorf(models.ECONFLICT, "This meeting was cancelled when the team's cadence changed; file your report for the next one.")
		default:
			return models.Errorf(models.ECONFLICT, "This meeting has been held; the report can no longer be filed.")
		}
		r.FiledAt = time.Now().UTC()
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&r).Error
	})
}

// Reports returns a meeting's reports.
func (db *DB) Reports(ctx context.Context, meetingID int64) ([]ReportRecord, error) {
	out := []ReportRecord{}
	err := db.with(ctx).Where("meeting_id = ?", meetingID).Order("user_id").Find(&out).Error
	return out, err
}

// HoldMeeting marks a meeting held with the reps who filed no report; holding it twice changes nothing.
func (db *DB) HoldMeeting(ctx context.Context, id int64, missed []int64) error {
	err := db.with(ctx).Model(&MeetingRecord{}).Where("id = ? AND status = ?", id, "open").
		Updates(map[string]any{"status": "held", "missed": jsonValue(missed)}).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil
	}
	return err
}

// SetCadence changes a team's meeting cadence.
func (db *DB) SetCadence(ctx context.Context, teamID int64, c models.Cadence) error {
	return db.with(ctx).Model(&TeamRecord{}).Where("id = ?", teamID).Update("cadence", jsonValue(c)).Error
}

// Teams returns the teams a user manages or belongs to, or every team when all is set, by name, MaxPageLimit
// at most.
func (db *DB) Teams(ctx context.Context, userID int64, all bool) ([]TeamRecord, error) {
	out := []TeamRecord{}
	q := db.with(ctx).Order("name, id")
	if !all {
		q = q.Where("manager_id = ? OR id IN (?)", userID, db.with(ctx).Model(&teamMemberRecord{}).Select("team_id").Where("user_id = ?", userID))
	}
	return out, (Page{}).Apply(q).Find(&out).Error
}

// TeamSizes counts the members of each team.
func (db *DB) TeamSizes(ctx context.Context, teamIDs []int64) (map[int64]int, error) {
	var rows []struct {
		TeamID int64
		N      int
	}
	err := db.with(ctx).Model(&teamMemberRecord{}).Select("team_id, COUNT(*) AS n").Where("team_id IN ?", teamIDs).Group("team_id").Scan(&rows).Error
	out := map[int64]int{}
	for _, r := range rows {
		out[r.TeamID] = r.N
	}
	return out, err
}

// NextMeetings returns, per team, its earliest meeting still open.
func (db *DB) NextMeetings(ctx context.Context, teamIDs []int64) (map[int64]MeetingRecord, error) {
	var open []MeetingRecord
	if err := db.with(ctx).Where("team_id IN ? AND status = ?", teamIDs, "open").Order("at").Find(&open).Error; err != nil {
		return nil, err
	}
	out := map[int64]MeetingRecord{}
	for _, m := range open {
		if _, ok := out[m.TeamID]; !ok {
			out[m.TeamID] = m
		}
	}
	return out, nil
}

// ReportCounts counts the reports filed for each meeting, and which of them userID filed.
func (db *DB) ReportCounts(ctx context.Context, meetingIDs []int64, userID int64) (counts map[int64]int, filed map[int64]bool, err error) {
	var rows []ReportRecord
	if err := db.with(ctx).Select("meeting_id", "user_id").Where("meeting_id IN ?", meetingIDs).Find(&rows).Error; err != nil {
		return nil, nil, err
	}
	counts, filed = map[int64]int{}, map[int64]bool{}
	for _, r := range rows {
		counts[r.MeetingID]++
		if r.UserID == userID {
			filed[r.MeetingID] = true
		}
	}
	return counts, filed, nil
}

// ManagersOf returns the managers of the teams a rep belongs to; a rep in no team is looked after by the
// department heads.
func (db *DB) ManagersOf(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	if err := db.with(ctx).Model(&TeamRecord{}).Distinct("manager_id").
		Where("id IN (?)", db.with(ctx).Model(&teamMemberRecord{}).Select("team_id").Where("user_id = ?", userID)).
		Pluck("manager_id", &ids).Error; err != nil {
		return nil, err
	}
	if len(ids) > 0 {
		return ids, nil
	}
	heads, err := db.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
	if err != nil {
		return nil, err
	}
	for _, h := range heads {
		ids = append(ids, h.ID)
	}
	return ids, nil
}

// CancelStaleMeetings cancels a team's open meetings after after that its new cadence no longer holds (at a
// time other than keep, the cadence's next), so none is left open with nothing to hold it. Their reports stay.
func (db *DB) CancelStaleMeetings(ctx context.Context, teamID int64, after, keep time.Time) error {
	return db.with(ctx).Model(&MeetingRecord{}).Where("team_id = ? AND status = ? AND at > ? AND at <> ?", teamID, "open", after.UTC(), keep.UTC()).
		Update("status", "cancelled").Error
}

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bullpen-hq/bullpen/models"
)

type candidateRecord struct {
	ID        int64 `gorm:"primaryKey"`
	Email     string
	Name      string
	Phone     string
	Location  string
	Locale    string
	Source    string
	ConsentAt *time.Time
	CVFileID  *int64 `gorm:"column:cv_file_id"`
	// AnonymisedAt is when the candidate's personal data was removed (AnonymiseCandidate).
	AnonymisedAt *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (candidateRecord) TableName() string { return "candidates" }

func (r *candidateRecord) model() *models.Candidate {
	return &models.Candidate{ID: r.ID, Name: r.Name, Email: r.Email, Phone: r.Phone, Location: r.Location, Locale: r.Locale,
		Source: models.Source(r.Source), ConsentAt: r.ConsentAt, CVFileID: r.CVFileID, AnonymisedAt: r.AnonymisedAt, CreatedAt: r.CreatedAt}
}

type applicationRecord struct {
	ID                  int64 `gorm:"primaryKey"`
	OpeningID           int64
	CandidateID         int64
	Stage               string
	Source              string
	Tags                []string `gorm:"serializer:json"`
	ScorePercent        *float64
	KnockedOut          bool
	QuestionnaireStatus string
	QuestionnaireDue    *time.Time
	ReasonCode          string
	StageEnteredAt      time.Time
	FirstContactAt      *time.Time
	CreatedAt           time.Time
	UpdatedAt           time.Time
	Candidate           *candidateRecord `gorm:"foreignKey:CandidateID"`
}

func (applicationRecord) TableName() string { return "applications" }

func (r *applicationRecord) model() *models.Application {
	tags := r.Tags
	if tags == nil {
		tags = []string{}
	}
	a := &models.Application{ID: r.ID, OpeningID: r.OpeningID, CandidateID: r.CandidateID, Stage: models.Stage(r.Stage),
		Source: models.Source(r.Source), Tags: tags, ScorePercent: r.ScorePercent, KnockedOut: r.KnockedOut,
		QuestionnaireStatus: models.QuestionnaireStatus(r.QuestionnaireStatus), QuestionnaireDue: r.QuestionnaireDue,
		ReasonCode: r.ReasonCode, StageEnteredAt: r.StageEnteredAt, FirstContactAt: r.FirstContactAt,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.Candidate != nil {
		a.Candidate = r.Candidate.model()
	}
	return a
}

type applicationEventRecord struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	Kind          string
	FromStage     string
	ToStage       string
	ActorID       *int64
	Reason        string
	ReasonCode    string
	Data          map[string]any `gorm:"serializer:json"`
	DedupeKey     string
	At            time.Time
	Actor         *userRecord `gorm:"foreignKey:ActorID"`
}

func (applicationEventRecord) TableName() string { return "application_events" }

// NewApplication is a candidate applying to an opening: from the public page, by a recruiter's hand, or from
// one row of an import.
type NewApplication struct {
	OpeningID int64
	Candidate models.CandidateDraft
	// Consent is when the candidate agreed to the processing of their data; nil when a recruiter adds them.
	Consent *time.Time
	CV      *File
	ActorID *int64
	Tags    []string
	Note    string
	// ImportID and ImportLine name the import row an application came from, so that a retried batch knows
	// its own rows again.
	ImportID   int64
	ImportLine int
}

// CreateApplication stores a candidate's application in one transaction: the candidate (found again by
// e-mail, so one person is one candidate), their CV, the application, its first timeline entry and the audit
// line. The same person applying twice to one opening gets their first application back, with created false.
func (db *DB) CreateApplication(ctx context.Context, n NewApplication) (app *models.Application, created bool, err error) {
	err = db.with(ctx).Transaction(func(tx *gorm.DB) error {
		app, created, err = createApplication(tx, n)
		return err
	})
	return app, created, err
}

func createApplication(tx *gorm.DB, n NewApplication) (*models.Application, bool, error) {
	now := time.Now().UTC()
	d := n.Candidate
	var cand candidateRecord
	err := tx.Where("email = ?", d.Email).First(&cand).Error
	returning := err == nil
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		cand = candidateRecord{Email: d.Email, Name: d.Name, Phone: d.Phone, Location: d.Location, Locale: d.Locale,
			Source: string(d.Source), ConsentAt: n.Consent}
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&cand).Error; err != nil {
			return nil, false, err
		}
		if cand.ID == 0 { // created by a concurrent transaction a moment ago
			if err := tx.Where("email = ?", d.Email).First(&cand).Error; err != nil {
				return nil, false, err
			}
			returning = true
		}
	case err != nil:
		return nil, false, err
	}
	tags := n.Tags
	if tags == nil {
		tags = []string{}
	}
	rec := applicationRecord{OpeningID: n.OpeningID, CandidateID: cand.ID, Stage: string(models.StageApplied),
		Source: string(d.Source), Tags: tags, StageEnteredAt: now}
	if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Omit("Candidate").Create(&rec).Error; err != nil {
		return nil, false, err
	}
	if rec.ID == 0 {
		// The same person applying again to the same opening: their first application stands, untouched
		// (a stranger who knows their address must not replace their CV or consent).
		if err := tx.Preload("Candidate").Where("opening_id = ? AND candidate_id = ?", n.OpeningID, cand.ID).First(&rec).Error; err != nil {
			return nil, false, err
		}
		return rec.model(), false, nil
	}
	if returning {
		// A returning candidate with a new application: fill what we did not know, record the fresh consent.
		up := map[string]any{"updated_at": now}
		if cand.Phone == "" && d.Phone != "" {
			up["phone"] = d.Phone
		}
		if cand.Location == "" && d.Location != "" {
			up["location"] = d.Location
		}
		if n.Consent != nil {
			up["consent_at"] = *n.Consent
		}
		if err := tx.Model(&cand).Updates(up).Error; err != nil {
			return nil, false, err
		}
	}
	if n.CV != nil {
		if err := tx.Create(n.CV).Error; err != nil {
			return nil, false, err
		}
		if err := tx.Model(&cand).Update("cv_file_id", n.CV.ID).Error; err != nil {
			return nil, false, err
		}
	}
	evData := map[string]any{"source": string(d.Source)}
	if n.ImportID != 0 {
		evData["import_id"], evData["import_line"] = n.ImportID, n.ImportLine
	}
	ev := applicationEventRecord{ApplicationID: rec.ID, Kind: string(models.AppEventApplied), ToStage: string(models.StageApplied),
		ActorID: n.ActorID, Data: evData, DedupeKey: "applied", At: now}
	if err := tx.Omit("Actor").Create(&ev).Error; err != nil {
		return nil, false, err
	}
	if n.Note != "" {
		note := applicationEventRecord{ApplicationID: rec.ID, Kind: string(models.AppEventNote), ActorID: n.ActorID,
			Reason: n.Note, DedupeKey: fmt.Sprintf("note-%d", now.UnixNano()), At: now}
		if err := tx.Omit("Actor").Create(&note).Error; err != nil {
			return nil, false, err
		}
	}
	audit := AuditEntry{At: now, ActorID: n.ActorID, Action: "application.created", ObjectType: "application", ObjectID: rec.ID,
		// The append-only log names the candidate by ID: anonymisation cannot reach it, so it holds no personal data.
		Summary: fmt.Sprintf("Candidate %d applied (%s)", cand.ID, strings.ReplaceAll(string(d.Source), "_", " ")),
		After:   map[string]any{"opening_id": n.OpeningID, "candidate_id": cand.ID, "stage": string(models.StageApplied), "source": string(d.Source)}}
	if err := tx.Omit("Actor").Create(&audit).Error; err != nil {
		return nil, false, err
	}
	rec.Candidate = &cand
	return rec.model(), true, nil
}

// DeleteApplication takes back an application whose workflow could not be started, with its timeline. The
// audit line stays: the log is append-only.
func (db *DB) DeleteApplication(ctx context.Context, id int64) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("application_id = ?", id).Delete(&applicationEventRecord{}).Error; err != nil {
			return err
		}
		return tx.Delete(&applicationRecord{}, id).Error
	})
}

// Application returns one application with its candidate.
func (db *DB) Application(ctx context.Context, id int64) (*models.Application, error) {
	var rec applicationRecord
	if err := db.with(ctx).Preload("Candidate").First(&rec, id).Error; err != nil {
		return nil, notFound(err, "application")
	}
	return rec.model(), nil
}

// ApplicationFilter narrows ListApplications; zero values match everything.
type ApplicationFilter struct {
	OpeningID   int64
	CandidateID int64
	Stage       models.Stage
	Source      models.Source
	Tag         string
	MinScore    *float64
	// Query matches the candidate's name or e-mail.
	Query string
	// Limit and Offset page the list (5,000 at most); CountApplications ignores them.
	Limit  int
	Offset int
}

// ListApplications returns applications with their candidates, longest in their stage first.
func (db *DB) ListApplications(ctx context.Context, f ApplicationFilter) ([]*models.Application, error) {
	if f.Limit <= 0 || f.Limit > 5000 {
		f.Limit = 5000
	}
	var recs []applicationRecord
	if err := db.filtered(ctx, f).Preload("Candidate").Order("applications.stage_entered_at, applications.id").Limit(f.Limit).Offset(max(f.Offset, 0)).Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]*models.Application, len(recs))
	for i := range recs {
		out[i] = recs[i].model()
	}
	return out, nil
}

// CountApplications counts the applications ListApplications would return without its limit.
func (db *DB) CountApplications(ctx context.Context, f ApplicationFilter) (int64, error) {
	var n int64
	err := db.filtered(ctx, f).Count(&n).Error
	return n, err
}

// filtered is the query of the applications f matches.
func (db *DB) filtered(ctx context.Context, f ApplicationFilter) *gorm.DB {
	q := db.with(ctx).Model(&applicationRecord{})
	if f.OpeningID != 0 {
		q = q.Where("applications.opening_id = ?", f.OpeningID)
	}
	if f.CandidateID != 0 {
		q = q.Where("applications.candidate_id = ?", f.CandidateID)
	}
	if f.Stage != "" {
		q = q.Where("applications.stage = ?", string(f.Stage))
	}
	if f.Source != "" {
		q = q.Where("applications.source = ?", string(f.Source))
	}
	if f.MinScore != nil {
		q = q.Where("applications.score_percent >= ?", *f.MinScore)
	}
	if f.Tag != "" {
		// Tags are a JSON array of normalised strings; the filter matches one element exactly.
		if db.dialect == DialectPostgres {
			q = q.Where("applications.tags @> jsonb_build_array(?::text)", strings.ToLower(f.Tag))
		} else {
			q = q.Where("EXISTS (SELECT 1 FROM json_each(applications.tags) WHERE json_each.value = ?)", strings.ToLower(f.Tag))
		}
	}
	if f.Query != "" {
		like := "%" + likeEscape(strings.ToLower(f.Query)) + "%"
		q = q.Where(`applications.candidate_id IN (SELECT id FROM candidates WHERE LOWER(name) LIKE ? ESCAPE '\' OR email LIKE ? ESCAPE '\')`, like, like)
	}
	return q
}

// likeEscape makes s match itself in a LIKE pattern with ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// StageCounts returns, per opening, how many applications stand in each stage.
func (db *DB) StageCounts(ctx context.Context, openingIDs []int64) (map[int64]map[models.Stage]int, error) {
	out := map[int64]map[models.Stage]int{}
	if len(openingIDs) == 0 {
		return out, nil
	}
	var rows []struct {
		OpeningID int64
		Stage     string
		N         int
	}
	err := db.with(ctx).Model(&applicationRecord{}).Select("opening_id, stage, COUNT(*) AS n").
		Where("opening_id IN ?", openingIDs).Group("opening_id, stage").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if out[r.OpeningID] == nil {
			out[r.OpeningID] = map[models.Stage]int{}
		}
		out[r.OpeningID][models.Stage(r.Stage)] = r.N
	}
	return out, nil
}

// RecordMove writes a move the Application workflow accepted: the stage, the timeline entry and the audit
// line, together and once per key. A move whose application is no longer where it was is ECONFLICT.
func (db *DB) RecordMove(ctx context.Context, m models.ApplicationMove) error {
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&applicationEventRecord{}).Where("application_id = ? AND dedupe_key = ?", m.ApplicationID, m.Key).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		now := time.Now().UTC()
		up := map[string]any{"stage": string(m.To), "stage_entered_at": now, "updated_at": now}
		if m.To == models.StageRejected || m.To == models.StageWithdrawn {
			up["reason_code"] = m.ReasonCode
		}
		res := tx.Model(&applicationRecord{}).Where("id = ? AND stage = ?", m.ApplicationID, string(m.From)).Updates(up)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return models.Errorf(models.ECONFLICT, "The application is no longer at %s.", m.From)
		}
		if m.ActorID != nil {
			if err := tx.Model(&applicationRecord{}).Where("id = ? AND first_contact_at IS NULL", m.ApplicationID).
				Update("first_contact_at", now).Error; err != nil {
				return err
			}
		}
		ev := applicationEventRecord{ApplicationID: m.ApplicationID, Kind: string(models.AppEventMoved), FromStage: string(m.From),
			ToStage: string(m.To), ActorID: m.ActorID, Reason: m.Reason, ReasonCode: m.ReasonCode, Data: map[string]any{},
			DedupeKey: m.Key, At: now}
		if err := tx.Omit("Actor").Create(&ev).Error; err != nil {
			return err
		}
		key := fmt.Sprintf("application-%d-%s", m.ApplicationID, m.Key)
		// The reason's words stay on the timeline, where anonymisation reaches them; the log keeps the code.
		after := map[string]any{"stage": string(m.To)}
		if m.ReasonCode != "" {
			after["reason_code"] = m.ReasonCode
		}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Omit("Actor").Create(&AuditEntry{At: now, ActorID: m.ActorID,
			Action: "application.moved", ObjectType: "application", ObjectID: m.ApplicationID,
			Summary: fmt.Sprintf("Moved from %s to %s", m.From.Words(), m.To.Words()),
			Before:  map[string]any{"stage": string(m.From)}, After: after, DedupeKey: &key}).Error
	})
}

// AddApplicationEvent appends a timeline entry once per key.
func (db *DB) AddApplicationEvent(ctx context.Context, e models.ApplicationEvent, key string) error {
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	data := e.Data
	if data == nil {
		data = map[string]any{}
	}
	return db.with(ctx).Clauses(clause.OnConflict{DoNothing: true}).Omit("Actor").Create(&applicationEventRecord{
		ApplicationID: e.ApplicationID, Kind: string(e.Kind), FromStage: string(e.FromStage), ToStage: string(e.ToStage),
		ActorID: e.ActorID, Reason: e.Reason, ReasonCode: e.ReasonCode, Data: data, DedupeKey: key, At: e.At}).Error
}

// ApplicationEvents returns an application's timeline, oldest first.
func (db *DB) ApplicationEvents(ctx context.Context, applicationID int64) ([]models.ApplicationEvent, error) {
	var recs []applicationEventRecord
	if err := db.with(ctx).Preload("Actor").Where("application_id = ?", applicationID).Order("at, id").Find(&recs).Error; err != nil {
		return nil, err
	}
	out := make([]models.ApplicationEvent, len(recs))
	for i, r := range recs {
		out[i] = models.ApplicationEvent{ID: r.ID, ApplicationID: r.ApplicationID, Kind: models.ApplicationEventKind(r.Kind),
			FromStage: models.Stage(r.FromStage), ToStage: models.Stage(r.ToStage), ActorID: r.ActorID, Reason: r.Reason,
			ReasonCode: r.ReasonCode, Data: r.Data, At: r.At}
		if r.Actor != nil {
			out[i].ActorName = r.Actor.Name
		}
	}
	return out, nil
}

// SetQuestionnaire records where an application's questionnaire stands, and its due time while it is out.
// Sending it is the first contact with the candidate if nothing came before.
func (db *DB) SetQuestionnaire(ctx context.Context, applicationID int64, status models.QuestionnaireStatus, due *time.Time) error {
	now := time.Now().UTC()
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&applicationRecord{}).Where("id = ?", applicationID).
			Updates(map[string]any{"questionnaire_status": string(status), "questionnaire_due": due, "updated_at": now}).Error; err != nil {
			return err
		}
		if status != models.QuestionnaireSent {
			return nil
		}
		return tx.Model(&applicationRecord{}).Where("id = ? AND first_contact_at IS NULL", applicationID).Update("first_contact_at", now).Error
	})
}

// SetTags replaces an application's tags and returns the ones it had.
func (db *DB) SetTags(ctx context.Context, applicationID int64, tags []string) ([]string, error) {
	var before []string
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var rec applicationRecord
		if err := tx.Select("id, tags").First(&rec, applicationID).Error; err != nil {
			return notFound(err, "application")
		}
		before = rec.Tags
		return tx.Model(&applicationRecord{ID: applicationID}).Select("tags", "updated_at").
			Updates(&applicationRecord{Tags: tags, UpdatedAt: time.Now().UTC()}).Error
	})
	if before == nil {
		before = []string{}
	}
	return before, err
}

// QuestionnaireResponse is a candidate's one submission, with the questionnaire it answered.
type QuestionnaireResponse struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	Questionnaire models.Questionnaire `gorm:"serializer:json"`
	Answers       []models.Answer      `gorm:"serializer:json"`
	Score         models.Score         `gorm:"serializer:json"`
	Locale        string
	SubmittedAt   time.Time
}

// TableName names the table.
func (QuestionnaireResponse) TableName() string { return "questionnaire_responses" }

// SaveResponse stores a submission and the score on the application, once: a second submission is ECONFLICT
// unless it is the same one retried.
func (db *DB) SaveResponse(ctx context.Context, r QuestionnaireResponse) error {
	// PostgreSQL keeps microseconds: the retry's time must compare equal to the stored one.
	r.SubmittedAt = r.SubmittedAt.UTC().Truncate(time.Microsecond)
	return db.with(ctx).Transaction(func(tx *gorm.DB) error {
		var existing QuestionnaireResponse
		err := tx.Where("application_id = ?", r.ApplicationID).First(&existing).Error
		if err == nil {
			if existing.SubmittedAt.Equal(r.SubmittedAt) {
				return nil
			}
			return models.Errorf(models.ECONFLICT, "This questionnaire was already submitted.")
		}
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
		return tx.Model(&applicationRecord{}).Where("id = ?", r.ApplicationID).Updates(map[string]any{
			"score_percent": r.Score.Percent, "knocked_out": r.Score.KnockedOut,
			"questionnaire_status": string(models.QuestionnaireSubmitted), "questionnaire_due": nil, "updated_at": time.Now().UTC()}).Error
	})
}

// Response returns an application's questionnaire submission, or ENOTFOUND.
func (db *DB) Response(ctx context.Context, applicationID int64) (*QuestionnaireResponse, error) {
	var r QuestionnaireResponse
	if err := db.with(ctx).Where("application_id = ?", applicationID).First(&r).Error; err != nil {
		return nil, notFound(err, "questionnaire response")
	}
	return &r, nil
}

// Candidate returns one candidate.
func (db *DB) Candidate(ctx context.Context, id int64) (*models.Candidate, error) {
	var rec candidateRecord
	if err := db.with(ctx).First(&rec, id).Error; err != nil {
		return nil, notFound(err, "candidate")
	}
	return rec.model(), nil
}

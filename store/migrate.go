package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/bullpen-hq/bullpen/models"
)

// migration is one versioned change of the schema. Its statements are written once, with placeholders for
// the few types the two dialects spell differently: {{id}}, {{ts}}, {{json}}, {{blob}}. A statement that starts with
// "postgres:" or "sqlite:" runs on that dialect only.
type migration struct {
	version    int
	name       string
	statements []string
}

// migrations is the schema's history. Never edit a released migration: add a new one.
var migrations = []migration{
	{1, "users and sessions", []string{
		`CREATE TABLE users (
			id {{id}},
			email TEXT NOT NULL,
			name TEXT NOT NULL,
			password_hash TEXT NOT NULL,
			roles TEXT NOT NULL DEFAULT '',
			active BOOLEAN NOT NULL DEFAULT TRUE,
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX users_email_key ON users (email)`,
		`CREATE TABLE sessions (
			token_hash TEXT PRIMARY KEY,
			user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
			csrf_token TEXT NOT NULL,
			created_at {{ts}} NOT NULL,
			expires_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`,
		`CREATE TABLE login_failures (
			id {{id}},
			email TEXT NOT NULL,
			failed_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at)`,
	}},
	{2, "staffing plans, openings and notifications", []string{
		`CREATE TABLE staffing_plans (
			id {{id}},
			title TEXT NOT NULL,
			currency TEXT NOT NULL,
			notes TEXT NOT NULL DEFAULT '',
			status TEXT NOT NULL,
			inputs {{json}} NOT NULL,
			result {{json}} NOT NULL,
			revision INTEGER NOT NULL,
			author_id BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX staffing_plans_status_idx ON staffing_plans (status, created_at)`,
		`CREATE TABLE staffing_plan_revisions (
			id {{id}},
			plan_id BIGINT NOT NULL REFERENCES staffing_plans (id) ON DELETE CASCADE,
			revision INTEGER NOT NULL,
			title TEXT NOT NULL,
			currency TEXT NOT NULL,
			notes TEXT NOT NULL DEFAULT '',
			inputs {{json}} NOT NULL,
			result {{json}} NOT NULL,
			created_by BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX staffing_plan_revisions_key ON staffing_plan_revisions (plan_id, revision)`,
		`CREATE TABLE staffing_plan_events (
			id {{id}},
			plan_id BIGINT NOT NULL REFERENCES staffing_plans (id) ON DELETE CASCADE,
			kind TEXT NOT NULL,
			actor_id BIGINT REFERENCES users (id),
			comment TEXT NOT NULL DEFAULT '',
			dedupe_key TEXT NOT NULL,
			at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX staffing_plan_events_key ON staffing_plan_events (plan_id, dedupe_key)`,
		`CREATE TABLE openings (
			id {{id}},
			plan_id BIGINT REFERENCES staffing_plans (id),
			title TEXT NOT NULL,
			role TEXT NOT NULL,
			seats INTEGER NOT NULL,
			status TEXT NOT NULL,
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX openings_plan_role_key ON openings (plan_id, role)`,
		`CREATE TABLE notifications (
			id {{id}},
			user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
			kind TEXT NOT NULL,
			message TEXT NOT NULL,
			link TEXT NOT NULL DEFAULT '',
			dedupe_key TEXT NOT NULL,
			created_at {{ts}} NOT NULL,
			read_at {{ts}}
		)`,
		`CREATE UNIQUE INDEX notifications_key ON notifications (user_id, dedupe_key)`,
		`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at)`,
	}},
	{3, "notification parameters, so that the UI can say them in the reader's language", []string{
		`ALTER TABLE notifications ADD COLUMN params {{json}} NOT NULL DEFAULT '{}'`,
	}},
	{4, "e-mail outbox", []string{
		`CREATE TABLE outbox (
			id {{id}},
			dedupe_key TEXT NOT NULL,
			to_addr TEXT NOT NULL,
			subject TEXT NOT NULL,
			text_body TEXT NOT NULL,
			html_body TEXT NOT NULL,
			status TEXT NOT NULL,
			attempts INTEGER NOT NULL DEFAULT 0,
			last_error TEXT NOT NULL DEFAULT '',
			created_at {{ts}} NOT NULL,
			sent_at {{ts}}
		)`,
		`CREATE UNIQUE INDEX outbox_key ON outbox (dedupe_key)`,
		`CREATE INDEX outbox_created_idx ON outbox (created_at)`,
	}},
	{5, "append-only audit log", []string{
		`CREATE TABLE audit_log (
			id {{id}},
			at {{ts}} NOT NULL,
			actor_id BIGINT REFERENCES users (id),
			action TEXT NOT NULL,
			object_type TEXT NOT NULL,
			object_id BIGINT NOT NULL,
			summary TEXT NOT NULL,
			before {{json}},
			after {{json}},
			dedupe_key TEXT
		)`,
		`CREATE UNIQUE INDEX audit_log_key ON audit_log (dedupe_key)`,
		`CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, id)`,
		`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`,
		`postgres: CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
		`postgres: CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
			FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
		`sqlite: CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
		`sqlite: CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
	}},
	{6, "each user's language, for e-mail", []string{
		`ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en'`,
	}},
	{7, "candidates, applications, questionnaires, files and imports", []string{
		`ALTER TABLE openings ADD COLUMN description TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE openings ADD COLUMN recruiter_id BIGINT REFERENCES users (id)`,
		`ALTER TABLE openings ADD COLUMN interviewer_ids {{json}} NOT NULL DEFAULT '[]'`,
		`ALTER TABLE openings ADD COLUMN questionnaire {{json}}`,
		`ALTER TABLE openings ADD COLUMN questionnaire_days INTEGER NOT NULL DEFAULT 7`,
		`ALTER TABLE openings ADD COLUMN confirm_knock_outs BOOLEAN NOT NULL DEFAULT FALSE`,
		`ALTER TABLE openings ADD COLUMN slate_size INTEGER NOT NULL DEFAULT 3`,
		`ALTER TABLE openings ADD COLUMN role_play {{json}} NOT NULL DEFAULT '{}'`,
		`ALTER TABLE openings ADD COLUMN created_by BIGINT REFERENCES users (id)`,
		`CREATE TABLE files (
			id {{id}},
			name TEXT NOT NULL,
			content_type TEXT NOT NULL,
			size BIGINT NOT NULL,
			sha256 TEXT NOT NULL,
			data {{blob}} NOT NULL,
			created_at {{ts}} NOT NULL
		)`,
		`CREATE TABLE candidates (
			id {{id}},
			email TEXT NOT NULL,
			name TEXT NOT NULL,
			phone TEXT NOT NULL DEFAULT '',
			location TEXT NOT NULL DEFAULT '',
			locale TEXT NOT NULL DEFAULT 'en',
			source TEXT NOT NULL,
			consent_at {{ts}},
			cv_file_id BIGINT REFERENCES files (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX candidates_email_key ON candidates (email)`,
		`CREATE TABLE applications (
			id {{id}},
			opening_id BIGINT NOT NULL REFERENCES openings (id),
			candidate_id BIGINT NOT NULL REFERENCES candidates (id),
			stage TEXT NOT NULL,
			source TEXT NOT NULL,
			tags {{json}} NOT NULL DEFAULT '[]',
			score_percent DOUBLE PRECISION,
			knocked_out BOOLEAN NOT NULL DEFAULT FALSE,
			questionnaire_status TEXT NOT NULL DEFAULT '',
			questionnaire_due {{ts}},
			reason_code TEXT NOT NULL DEFAULT '',
			stage_entered_at {{ts}} NOT NULL,
			first_contact_at {{ts}},
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX applications_key ON applications (opening_id, candidate_id)`,
		`CREATE INDEX applications_opening_stage_idx ON applications (opening_id, stage)`,
		`CREATE INDEX applications_candidate_idx ON applications (candidate_id)`,
		`CREATE TABLE application_events (
			id {{id}},
			application_id BIGINT NOT NULL REFERENCES applications (id),
			kind TEXT NOT NULL,
			from_stage TEXT NOT NULL DEFAULT '',
			to_stage TEXT NOT NULL DEFAULT '',
			actor_id BIGINT REFERENCES users (id),
			reason TEXT NOT NULL DEFAULT '',
			reason_code TEXT NOT NULL DEFAULT '',
			data {{json}} NOT NULL DEFAULT '{}',
			dedupe_key TEXT NOT NULL,
			at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX application_events_key ON application_events (application_id, dedupe_key)`,
		`CREATE INDEX application_events_kind_idx ON application_events (kind, to_stage)`,
		`CREATE TABLE questionnaire_responses (
			id {{id}},
			application_id BIGINT NOT NULL REFERENCES applications (id),
			questionnaire {{json}} NOT NULL,
			answers {{json}} NOT NULL,
			score {{json}} NOT NULL,
			locale TEXT NOT NULL,
			submitted_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX questionnaire_responses_key ON questionnaire_responses (application_id)`,
		`CREATE TABLE questionnaire_templates (
			id {{id}},
			title TEXT NOT NULL,
			questionnaire {{json}} NOT NULL,
			created_by BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE TABLE imports (
			id {{id}},
			opening_id BIGINT NOT NULL REFERENCES openings (id),
			file_id BIGINT NOT NULL REFERENCES files (id),
			created_by BIGINT NOT NULL REFERENCES users (id),
			mapping {{json}} NOT NULL,
			status TEXT NOT NULL,
			total_rows INTEGER NOT NULL DEFAULT 0,
			done_rows INTEGER NOT NULL DEFAULT 0,
			created_rows INTEGER NOT NULL DEFAULT 0,
			duplicate_rows INTEGER NOT NULL DEFAULT 0,
			failed_rows INTEGER NOT NULL DEFAULT 0,
			errors {{json}} NOT NULL DEFAULT '[]',
			message TEXT NOT NULL DEFAULT '',
			created_at {{ts}} NOT NULL,
			finished_at {{ts}}
		)`,
		`CREATE INDEX imports_opening_idx ON imports (opening_id, id)`,
	}},
	{8, "negotiation role-play scenarios", []string{
		`CREATE TABLE scenarios (
			id {{id}},
			slug TEXT NOT NULL,
			difficulty INTEGER NOT NULL,
			duration_minutes INTEGER NOT NULL,
			text {{json}} NOT NULL,
			archived BOOLEAN NOT NULL DEFAULT FALSE,
			built_in BOOLEAN NOT NULL DEFAULT FALSE,
			created_by BIGINT REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX scenarios_slug_key ON scenarios (slug)`,
	}},
	{9, "calendar invites in the outbox", []string{
		`ALTER TABLE outbox ADD COLUMN calendar TEXT NOT NULL DEFAULT ''`,
	}},
	{10, "interviews", []string{
		`CREATE TABLE interviews (
			id {{id}},
			opening_id BIGINT NOT NULL REFERENCES openings (id),
			kind TEXT NOT NULL,
			scenario_id BIGINT REFERENCES scenarios (id),
			starts_at {{ts}} NOT NULL,
			duration_minutes INTEGER NOT NULL,
			location TEXT NOT NULL DEFAULT '',
			video_url TEXT NOT NULL DEFAULT '',
			status TEXT NOT NULL,
			sequence INTEGER NOT NULL DEFAULT 0,
			organizer_id BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX interviews_opening_idx ON interviews (opening_id, starts_at)`,
		`CREATE TABLE interview_interviewers (
			interview_id BIGINT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
			user_id BIGINT NOT NULL REFERENCES users (id),
			excused BOOLEAN NOT NULL DEFAULT FALSE,
			PRIMARY KEY (interview_id, user_id)
		)`,
		`CREATE INDEX interview_interviewers_user_idx ON interview_interviewers (user_id)`,
		`CREATE TABLE interview_candidates (
			interview_id BIGINT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
			application_id BIGINT NOT NULL REFERENCES applications (id),
			response TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (interview_id, application_id)
		)`,
		`CREATE INDEX interview_candidates_application_idx ON interview_candidates (application_id)`,
	}},
	{11, "interview scorecards", []string{
		`CREATE TABLE scorecards (
			id {{id}},
			interview_id BIGINT NOT NULL REFERENCES interviews (id),
			application_id BIGINT NOT NULL REFERENCES applications (id),
			interviewer_id BIGINT NOT NULL REFERENCES users (id),
			ratings {{json}} NOT NULL,
			recommendation TEXT NOT NULL,
			notes TEXT NOT NULL DEFAULT '',
			edits INTEGER NOT NULL DEFAULT 0,
			submitted_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX scorecards_key ON scorecards (interview_id, application_id, interviewer_id)`,
	}},
	{12, "interview results, excuses, candidate responses and the slate", []string{
		`CREATE TABLE interview_results (
			interview_id BIGINT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
			application_id BIGINT NOT NULL REFERENCES applications (id),
			result {{json}} NOT NULL,
			complete BOOLEAN NOT NULL DEFAULT FALSE,
			computed_at {{ts}} NOT NULL,
			PRIMARY KEY (interview_id, application_id)
		)`,
		`ALTER TABLE interview_interviewers ADD COLUMN excuse_reason TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE interview_interviewers ADD COLUMN excused_by BIGINT REFERENCES users (id)`,
		`ALTER TABLE interview_candidates ADD COLUMN response_note TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE interview_candidates ADD COLUMN responded_at {{ts}}`,
		`ALTER TABLE openings ADD COLUMN slate_deadline {{ts}}`,
		`ALTER TABLE openings ADD COLUMN shortlist_opened_at {{ts}}`,
		`ALTER TABLE openings ADD COLUMN shortlist_note TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX scorecards_interviewer_idx ON scorecards (interviewer_id)`,
	}},
	{13, "pay plan templates and offer terms of openings", []string{
		`CREATE TABLE pay_plan_templates (
			id {{id}},
			slug TEXT NOT NULL,
			name TEXT NOT NULL,
			role TEXT NOT NULL,
			plan {{json}} NOT NULL,
			archived BOOLEAN NOT NULL DEFAULT FALSE,
			built_in BOOLEAN NOT NULL DEFAULT FALSE,
			created_by BIGINT REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX pay_plan_templates_slug_key ON pay_plan_templates (slug)`,
		`ALTER TABLE openings ADD COLUMN pay_limits {{json}} NOT NULL DEFAULT '{}'`,
		`ALTER TABLE openings ADD COLUMN offer_approver_ids {{json}} NOT NULL DEFAULT '[]'`,
		`ALTER TABLE openings ADD COLUMN offer_approvals INTEGER NOT NULL DEFAULT 1`,
	}},
	{14, "offers and employees", []string{
		`CREATE TABLE offers (
			id {{id}},
			application_id BIGINT NOT NULL REFERENCES applications (id),
			opening_id BIGINT NOT NULL REFERENCES openings (id),
			version INTEGER NOT NULL DEFAULT 1,
			status TEXT NOT NULL,
			seat TEXT NOT NULL DEFAULT '',
			start_date {{ts}} NOT NULL,
			template_id BIGINT REFERENCES pay_plan_templates (id),
			plan {{json}} NOT NULL,
			expires_days INTEGER NOT NULL,
			expires_at {{ts}},
			breaches {{json}} NOT NULL DEFAULT '[]',
			approver_ids {{json}} NOT NULL DEFAULT '[]',
			approvals_needed INTEGER NOT NULL DEFAULT 1,
			decline_reason TEXT NOT NULL DEFAULT '',
			created_by BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL,
			sent_at {{ts}},
			answered_at {{ts}}
		)`,
		`CREATE INDEX offers_application_idx ON offers (application_id)`,
		`CREATE INDEX offers_status_idx ON offers (status)`,
		`CREATE TABLE offer_approvals (
			offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
			version INTEGER NOT NULL,
			approver_id BIGINT NOT NULL REFERENCES users (id),
			decision TEXT NOT NULL,
			comment TEXT NOT NULL DEFAULT '',
			at {{ts}} NOT NULL,
			PRIMARY KEY (offer_id, version, approver_id)
		)`,
		`CREATE TABLE employees (
			id {{id}},
			user_id BIGINT NOT NULL REFERENCES users (id),
			application_id BIGINT NOT NULL REFERENCES applications (id),
			opening_id BIGINT NOT NULL REFERENCES openings (id),
			offer_id BIGINT NOT NULL REFERENCES offers (id),
			role TEXT NOT NULL,
			start_date {{ts}} NOT NULL,
			plan {{json}} NOT NULL,
			invite_accepted_at {{ts}},
			created_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX employees_application_key ON employees (application_id)`,
	}},
	{15, "client accounts, contacts and the activity log", []string{
		`CREATE TABLE accounts (
			id {{id}},
			name TEXT NOT NULL,
			name_key TEXT NOT NULL,
			city TEXT NOT NULL DEFAULT '',
			industry TEXT NOT NULL DEFAULT '',
			owner_id BIGINT REFERENCES users (id),
			owner_since {{ts}},
			created_by BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			updated_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX accounts_name_key ON accounts (name_key)`,
		`CREATE INDEX accounts_owner_idx ON accounts (owner_id)`,
		`CREATE TABLE contacts (
			id {{id}},
			account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
			name TEXT NOT NULL,
			title TEXT NOT NULL DEFAULT '',
			email TEXT NOT NULL DEFAULT '',
			phone TEXT NOT NULL DEFAULT '',
			created_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX contacts_account_idx ON contacts (account_id)`,
		`CREATE TABLE sales_activities (
			id {{id}},
			account_id BIGINT NOT NULL REFERENCES accounts (id),
			rep_id BIGINT NOT NULL REFERENCES users (id),
			kind TEXT NOT NULL,
			at {{ts}} NOT NULL,
			amount DOUBLE PRECISION NOT NULL DEFAULT 0,
			currency TEXT NOT NULL DEFAULT '',
			notes TEXT NOT NULL DEFAULT '',
			created_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX sales_activities_account_idx ON sales_activities (account_id, at)`,
		`CREATE INDEX sales_activities_rep_idx ON sales_activities (rep_id, at)`,
	}},
	{16, "monthly plans, excuses and pay statements", []string{
		`CREATE TABLE monthly_plans (
			employee_id BIGINT NOT NULL REFERENCES employees (id),
			month {{ts}} NOT NULL,
			meetings INTEGER NOT NULL,
			calls INTEGER NOT NULL,
			set_by BIGINT NOT NULL REFERENCES users (id),
			updated_at {{ts}} NOT NULL,
			PRIMARY KEY (employee_id, month)
		)`,
		`CREATE TABLE excuses (
			id {{id}},
			employee_id BIGINT NOT NULL REFERENCES employees (id),
			month {{ts}} NOT NULL,
			reason TEXT NOT NULL,
			status TEXT NOT NULL,
			filed_at {{ts}} NOT NULL,
			decided_by BIGINT REFERENCES users (id),
			decided_at {{ts}}
		)`,
		`CREATE INDEX excuses_employee_idx ON excuses (employee_id, month)`,
		`CREATE TABLE pay_statements (
			id {{id}},
			employee_id BIGINT NOT NULL REFERENCES employees (id),
			month {{ts}} NOT NULL,
			month_index INTEGER NOT NULL,
			currency TEXT NOT NULL,
			evaluation {{json}} NOT NULL,
			statement {{json}} NOT NULL,
			total DOUBLE PRECISION NOT NULL,
			status TEXT NOT NULL,
			approved_by BIGINT REFERENCES users (id),
			approved_at {{ts}},
			created_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX pay_statements_key ON pay_statements (employee_id, month)`,
	}},
	{17, "handovers of client accounts", []string{
		`CREATE TABLE handovers (
			id {{id}},
			from_user_id BIGINT NOT NULL REFERENCES users (id),
			reason TEXT NOT NULL,
			status TEXT NOT NULL,
			assignments {{json}} NOT NULL,
			created_by BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL,
			decided_by BIGINT REFERENCES users (id),
			decided_at {{ts}}
		)`,
	}},
	{18, "integration tokens", []string{
		`CREATE TABLE user_tokens (
			id {{id}},
			user_id BIGINT NOT NULL REFERENCES users (id),
			name TEXT NOT NULL,
			token_hash TEXT NOT NULL,
			created_at {{ts}} NOT NULL,
			last_used_at {{ts}},
			revoked_at {{ts}}
		)`,
		`CREATE UNIQUE INDEX user_tokens_hash_key ON user_tokens (token_hash)`,
	}},
	{19, "onboarding checklists", []string{
		`CREATE TABLE onboarding_tasks (
			id {{id}},
			employee_id BIGINT NOT NULL REFERENCES employees (id),
			key TEXT NOT NULL,
			title TEXT NOT NULL,
			due_at {{ts}} NOT NULL,
			assignee TEXT NOT NULL,
			done_at {{ts}},
			done_by BIGINT REFERENCES users (id)
		)`,
		`CREATE UNIQUE INDEX onboarding_tasks_key ON onboarding_tasks (employee_id, key)`,
	}},
	{20, "teams and planning meetings", []string{
		`CREATE TABLE teams (
			id {{id}},
			name TEXT NOT NULL,
			manager_id BIGINT NOT NULL REFERENCES users (id),
			cadence {{json}} NOT NULL,
			created_at {{ts}} NOT NULL
		)`,
		`CREATE TABLE team_members (
			team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
			user_id BIGINT NOT NULL REFERENCES users (id),
			PRIMARY KEY (team_id, user_id)
		)`,
		`CREATE TABLE meetings (
			id {{id}},
			team_id BIGINT NOT NULL REFERENCES teams (id),
			at {{ts}} NOT NULL,
			status TEXT NOT NULL,
			missed {{json}} NOT NULL DEFAULT '[]',
			created_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX meetings_team_at_key ON meetings (team_id, at)`,
		`CREATE TABLE meeting_reports (
			meeting_id BIGINT NOT NULL REFERENCES meetings (id),
			user_id BIGINT NOT NULL REFERENCES users (id),
			done TEXT NOT NULL,
			planned TEXT NOT NULL,
			blockers TEXT NOT NULL DEFAULT '',
			filed_at {{ts}} NOT NULL,
			PRIMARY KEY (meeting_id, user_id)
		)`,
	}},
	{21, "client care: occasions, greetings, e-cards and kudos", []string{
		`ALTER TABLE accounts ADD COLUMN country TEXT NOT NULL DEFAULT 'AL'`,
		`ALTER TABLE accounts ADD COLUMN founded_on {{ts}}`,
		`ALTER TABLE accounts ADD COLUMN greetings_opt_out BOOLEAN NOT NULL DEFAULT FALSE`,
		`ALTER TABLE contacts ADD COLUMN locale TEXT NOT NULL DEFAULT 'sq'`,
		`ALTER TABLE contacts ADD COLUMN birthday {{ts}}`,
		`ALTER TABLE contacts ADD COLUMN name_day {{ts}}`,
		`ALTER TABLE contacts ADD COLUMN unsubscribed_at {{ts}}`,
		`ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT NOT NULL DEFAULT ''`,
		`CREATE TABLE company_occasions (
			id {{id}},
			name TEXT NOT NULL,
			name_sq TEXT NOT NULL,
			month INTEGER NOT NULL,
			day INTEGER NOT NULL,
			year INTEGER,
			theme TEXT NOT NULL,
			created_by BIGINT NOT NULL REFERENCES users (id),
			created_at {{ts}} NOT NULL
		)`,
		`CREATE TABLE greetings (
			id {{id}},
			account_id BIGINT NOT NULL REFERENCES accounts (id),
			occasion_key TEXT NOT NULL,
			occasion_name TEXT NOT NULL,
			occasion_name_sq TEXT NOT NULL,
			theme TEXT NOT NULL,
			day {{ts}} NOT NULL,
			owner_id BIGINT NOT NULL REFERENCES users (id),
			design TEXT NOT NULL,
			personal_line TEXT NOT NULL DEFAULT '',
			call_done_at {{ts}},
			call_note TEXT NOT NULL DEFAULT '',
			escalated_at {{ts}},
			cards_sent_at {{ts}},
			created_at {{ts}} NOT NULL
		)`,
		`CREATE UNIQUE INDEX greetings_key ON greetings (account_id, occasion_key, day)`,
		`CREATE INDEX greetings_owner_day ON greetings (owner_id, day)`,
		`CREATE TABLE greeting_cards (
			id {{id}},
			greeting_id BIGINT NOT NULL REFERENCES greetings (id),
			contact_id BIGINT NOT NULL REFERENCES contacts (id),
			email TEXT NOT NULL,
			locale TEXT NOT NULL,
			status TEXT NOT NULL,
			outbox_id BIGINT,
			sent_at {{ts}}
		)`,
		`CREATE UNIQUE INDEX greeting_cards_key ON greeting_cards (greeting_id, contact_id)`,
		`CREATE TABLE kudos (
			id {{id}},
			from_id BIGINT NOT NULL REFERENCES users (id),
			to_id BIGINT NOT NULL REFERENCES users (id),
			message TEXT NOT NULL,
			created_at {{ts}} NOT NULL,
			seen_at {{ts}}
		)`,
		`CREATE INDEX kudos_to ON kudos (to_id, created_at)`,
	}},
	{22, "indexes for the read screens of a large organisation", []string{
		// A rep's home: the last work on each of their clients, their employee record, the teams they are in.
		`CREATE INDEX sales_activities_rep_account_idx ON sales_activities (rep_id, account_id, at)`,
		`CREATE INDEX employees_user_idx ON employees (user_id)`,
		`CREATE INDEX team_members_user_idx ON team_members (user_id)`,
		// The dashboard: the month's plans, the period's greeting calls; the hiring side: the first months' statements.
		`CREATE INDEX monthly_plans_month_idx ON monthly_plans (month)`,
		`CREATE INDEX greetings_day_idx ON greetings (day)`,
		`CREATE INDEX pay_statements_month_index_idx ON pay_statements (month_index, employee_id)`,
		// The pipeline board's order, so that a page of a large opening is read in order, not sorted.
		`CREATE INDEX applications_opening_entered_idx ON applications (opening_id, stage_entered_at, id)`,
	}},
	{23, "candidates anonymised after the retention period or at their request", []string{
		`ALTER TABLE candidates ADD COLUMN anonymised_at {{ts}}`,
	}},
	{24, "an interview remembers the request that scheduled it, so that the request repeated finds it", []string{
		`ALTER TABLE interviews ADD COLUMN request_key TEXT`,
		`CREATE UNIQUE INDEX interviews_request_key ON interviews (organizer_id, request_key)`,
	}},
	{25, "what people write about an application, kept here so that workflows carry its ID, not the words", []string{
		`CREATE TABLE private_texts (
			id {{id}},
			application_id BIGINT NOT NULL REFERENCES applications (id),
			kind TEXT NOT NULL,
			body TEXT NOT NULL,
			created_at {{ts}} NOT NULL
		)`,
		`CREATE INDEX private_texts_application_idx ON private_texts (application_id)`,
	}},
}

// LatestVersion is the schema version Migrate brings a database to.
func LatestVersion() int { return migrations[len(migrations)-1].version }

func (db *DB) expand(stmt string) string {
	types := map[string][4]string{
		DialectPostgres: {"BIGSERIAL PRIMARY KEY", "TIMESTAMPTZ", "JSONB", "BYTEA"},
		DialectSQLite:   {"INTEGER PRIMARY KEY AUTOINCREMENT", "DATETIME", "TEXT", "BLOB"},
	}[db.dialect]
	return strings.NewReplacer("{{id}}", types[0], "{{ts}}", types[1], "{{json}}", types[2], "{{blob}}", types[3]).Replace(stmt)
}

// Migrate brings the schema to the latest version. It is safe to run from several processes at once on
// PostgreSQL (an advisory lock serialises them) and to run again (applied versions are skipped).
// It also adds the built-in scenarios and pay plan templates that are not there yet.
func (db *DB) Migrate(ctx context.Context) error {
	if err := db.MigrateTo(ctx, LatestVersion()); err != nil {
		return err
	}
	if err := db.SeedScenarios(ctx, models.ScenarioLibrary); err != nil {
		return err
	}
	return db.SeedPayPlans(ctx, models.PayPlanLibrary)
}

// MigrateTo applies every migration up to and including version, each in its own transaction.
func (db *DB) MigrateTo(ctx context.Context, version int) error {
	err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
		if err := db.lock(tx); err != nil {
			return err
		}
		return tx.Exec(db.expand(`CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {{ts}} NOT NULL)`)).Error
	})
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range migrations {
		if m.version > version {
			break
		}
		err := db.with(ctx).Transaction(func(tx *gorm.DB) error {
			if err := db.lock(tx); err != nil {
				return err
			}
			var n int64
			if err := tx.Table("schema_migrations").Where("version = ?", m.version).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for _, s := range m.statements {
				if dialect, rest, ok := strings.Cut(s, ": "); ok && (dialect == DialectPostgres || dialect == DialectSQLite) {
					if dialect != db.dialect {
						continue
					}
					s = rest
				}
				if err := tx.Exec(db.expand(s)).Error; err != nil {
					return fmt.Errorf("%s", strings.Join(strings.Fields(err.Error()), " "))
				}
			}
			return tx.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, time.Now().UTC()).Error
		})
		if err != nil {
			return fmt.Errorf("migrate to version %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// lock serialises migrations from several processes on PostgreSQL until tx ends; SQLite's own write lock
// (transactions begin immediate) does the same there.
func (db *DB) lock(tx *gorm.DB) error {
	if db.dialect != DialectPostgres {
		return nil
	}
	return tx.Exec(`SELECT pg_advisory_xact_lock(7263845)`).Error
}

// SchemaVersion returns the highest applied migration, or 0 for an empty database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	if !db.gorm.Migrator().HasTable("schema_migrations") {
		return 0, nil
	}
	var v *int
	err := db.with(ctx).Table("schema_migrations").Select("MAX(version)").Scan(&v).Error
	if err != nil || v == nil {
		return 0, err
	}
	return *v, nil
}

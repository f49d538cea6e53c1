package store_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

func eachDialect(t *testing.T, f func(t *testing.T, url string)) {
	dialects := storetest.Dialects(t)
	names := make([]string, 0, len(dialects))
	for n := range dialects {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) { f(t, dialects[name](t)) })
	}
}

func draft() models.PlanDraft {
	return models.PlanDraft{Title: "Tirana 2027", Currency: "EUR", Inputs: models.SizingInput{
		MonthlyRevenueTarget: 60000, AverageDealSize: 2500, WinRate: 0.25, CallsPerMeeting: 12,
		WorkingDaysPerMonth: 21, CallsPerDay: 40, MeetingsPerMonth: 30, RampMonths: 3, RampProductivity: 0.5, SpanOfControl: 8}}
}

// TestMigrateFromEmpty builds the whole schema on an empty database, twice (the second run is a no-op).
func TestMigrateFromEmpty(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := store.Open(ctx, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if v, _ := db.SchemaVersion(ctx); v != 0 {
			t.Fatalf("empty database at version %d", v)
		}
		for range 2 {
			if err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if v, err := db.SchemaVersion(ctx); err != nil || v != store.LatestVersion() {
			t.Fatalf("version = %d, %v; want %d", v, err, store.LatestVersion())
		}
	})
}

// TestMigrateFromPreviousVersionKeepsData upgrades a database that has users and sessions in it.
func TestMigrateFromPreviousVersionKeepsData(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db, err := store.Open(ctx, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.MigrateTo(ctx, store.LatestVersion()-1); err != nil {
			t.Fatal(err)
		}
		// The rows are written as the previous version wrote them: with its columns only.
		now := time.Now().UTC()
		if err := db.Gorm().Exec(`INSERT INTO users (email, name, password_hash, roles, active, created_at, updated_at)
			VALUES ('head@example.com', 'Hana Head', 'hash', ',department_head,', ?, ?, ?)`, true, now, now).Error; err != nil {
			t.Fatal(err)
		}
		u, _, err := db.UserCredentials(ctx, "head@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CreateSession(ctx, "tokenhash", u.ID, "csrf", time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := db.Gorm().Exec(`INSERT INTO notifications (user_id, kind, message, link, dedupe_key, created_at)
			VALUES (?, 'plan_submitted', 'old', '/plans/1', 'old-1', ?)`, u.ID, time.Now().UTC()).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if n, err := db.Notifications(ctx, u.ID); err != nil || len(n) != 1 || n[0].Message != "old" || len(n[0].Params) != 0 {
			t.Fatalf("old notification after upgrade = %+v, %v", n, err)
		}
		s, err := db.SessionByHash(ctx, "tokenhash", time.Now())
		if err != nil || s.User.Email != "head@example.com" || !s.User.HasRole(models.RoleDepartmentHead) || s.User.Locale != "en" {
			t.Fatalf("session after upgrade = %+v, %v", s, err)
		}
		d := draft()
		r, _ := d.Validate()
		if _, err := db.CreatePlan(ctx, d, r, u.ID); err != nil {
			t.Fatalf("new tables unusable after upgrade: %v", err)
		}
	})
}

func TestPlanLifecycleIsIdempotent(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db := storetest.Open(t, url)
		author, err := db.CreateUser(ctx, "rita@example.com", "Rita", "h", []models.Role{models.RoleRecruiter})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateUser(ctx, "RITA@example.com", "Rita again", "h", nil); models.ErrorCode(err) != models.ECONFLICT {
			t.Fatalf("duplicate e-mail: %v", err)
		}
		d := draft()
		r, _ := d.Validate()
		p, err := db.CreatePlan(ctx, d, r, author.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != models.PlanPendingApproval || p.AuthorName != "Rita" || p.Result.RepsNeeded != 4 || p.Inputs.WinRate != 0.25 {
			t.Fatalf("plan = %+v", p)
		}
		// A decision applied twice (an activity retried) lands once.
		for range 2 {
			if err := db.SetPlanStatus(ctx, p.ID, models.PlanPendingApproval, models.PlanChangesRequested); err != nil {
				t.Fatal(err)
			}
			if err := db.AddPlanEvent(ctx, p.ID, models.EventChangesRequested, &author.ID, "smaller", "decision-1"); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.SetPlanStatus(ctx, p.ID, models.PlanPendingApproval, models.PlanApproved); models.ErrorCode(err) != models.ECONFLICT {
			t.Fatalf("approving a plan sent back: %v", err)
		}
		d.Inputs.MonthlyRevenueTarget = 30000
		r2, _ := d.Validate()
		if err := db.AddPlanRevision(ctx, p.ID, 2, d, r2, author.ID); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := db.ApplyPlanRevision(ctx, p.ID, 2); err != nil {
				t.Fatal(err)
			}
		}
		p, _ = db.Plan(ctx, p.ID)
		if p.Revision != 2 || p.Status != models.PlanPendingApproval || p.Result.RepsNeeded != 2 {
			t.Fatalf("revised plan = %+v", p)
		}
		ev, err := db.PlanEvents(ctx, p.ID)
		if err != nil || len(ev) != 1 || ev[0].ActorName != "Rita" || ev[0].Comment != "smaller" {
			t.Fatalf("events = %+v, %v", ev, err)
		}
		o := models.OpeningsFor(p)
		for range 2 {
			if err := db.OpenPlanOpenings(ctx, p.ID, o); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.ListOpenings(ctx, store.OpeningFilter{PlanID: p.ID})
		if err != nil || len(got) != 2 || got[0].Role != models.RoleSalesManager {
			t.Fatalf("openings = %+v, %v", got, err)
		}
		if ev, _ := db.PlanEvents(ctx, p.ID); len(ev) != 2 || ev[1].Kind != models.EventOpeningsOpened {
			t.Fatalf("events after opening = %+v", ev)
		}
	})
}

func TestNotifyOncePerKey(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db := storetest.Open(t, url)
		h, _ := db.CreateUser(ctx, "h@example.com", "H", "x", []models.Role{models.RoleDepartmentHead})
		a, _ := db.CreateUser(ctx, "a@example.com", "A", "x", []models.Role{models.RoleAdmin, models.RoleDepartmentHead})
		heads, err := db.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
		if err != nil || len(heads) != 2 {
			t.Fatalf("heads = %v, %v", heads, err)
		}
		for range 3 {
			if err := db.Notify(ctx, []int64{h.ID, a.ID}, store.Notice{Kind: "plan_reminder", Message: "A plan waits", Link: "/plans/1",
				Params: map[string]any{"plan_title": "North"}}, "plan-1-reminder"); err != nil {
				t.Fatal(err)
			}
		}
		n, err := db.Notifications(ctx, h.ID)
		if err != nil || len(n) != 1 || n[0].ReadAt != nil || n[0].Params["plan_title"] != "North" {
			t.Fatalf("notifications = %+v, %v", n, err)
		}
		if err := db.MarkNotificationRead(ctx, n[0].ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		n, _ = db.Notifications(ctx, h.ID)
		if n[0].ReadAt == nil {
			t.Fatal("not marked read")
		}
		if err := db.MarkDoneNotificationsRead(ctx, "/plans/1", []string{"plan_reminder"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.Notifications(ctx, a.ID); n[0].ReadAt == nil {
			t.Fatal("a decided plan's reminder is still unread")
		}
		off := false
		if _, err := db.UpdateUser(ctx, h.ID, store.UserUpdate{Active: &off}); err != nil {
			t.Fatal(err)
		}
		heads, _ = db.ActiveUsersWithRole(ctx, models.RoleDepartmentHead)
		if len(heads) != 1 || heads[0].ID != a.ID {
			t.Fatalf("active heads after deactivation = %v", heads)
		}
	})
}

func TestOutboxKeepsOneMessagePerKey(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db := storetest.Open(t, url)
		var first *store.OutboxMessage
		for i := range 2 {
			m, err := db.Enqueue(ctx, store.OutboxMessage{DedupeKey: "plan-1-reminder-u2", ToAddr: "h@example.com",
				Subject: fmt.Sprintf("Reminder %d", i), TextBody: "t", HTMLBody: "<p>t</p>"})
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = m
			}
			if m.ID != first.ID || m.Subject != "Reminder 0" || m.Status != store.OutboxPending {
				t.Fatalf("enqueue %d = %+v", i, m)
			}
		}
		now := time.Now()
		if err := db.MarkOutbox(ctx, first.ID, store.OutboxSent, "", &now); err != nil {
			t.Fatal(err)
		}
		list, err := db.ListOutbox(ctx, 10)
		if err != nil || len(list) != 1 || list[0].Status != store.OutboxSent || list[0].Attempts != 1 || list[0].SentAt == nil {
			t.Fatalf("outbox = %+v, %v", list, err)
		}
	})
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	eachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		db := storetest.Open(t, url)
		u, _ := db.CreateUser(ctx, "a@example.com", "Arta", "x", []models.Role{models.RoleAdmin})
		key := "plan-1-decision-r1"
		for range 2 {
			if err := db.Audit(ctx, store.AuditEntry{ActorID: &u.ID, Action: "plan.approved", ObjectType: "staffing_plan", ObjectID: 1,
				Summary: "Approved", Before: map[string]any{"status": "pending_approval"}, After: map[string]any{"status": "approved"}, DedupeKey: &key}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Audit(ctx, store.AuditEntry{Action: "opening.opened", ObjectType: "opening", ObjectID: 3, Summary: "Opened"}); err != nil {
			t.Fatal(err)
		}
		all, err := db.ListAudit(ctx, store.AuditFilter{})
		if err != nil || len(all) != 2 || all[0].Action != "opening.opened" || all[1].ActorName() != "Arta" || all[1].After["status"] != "approved" {
			t.Fatalf("audit = %+v, %v", all, err)
		}
		plan, _ := db.ListAudit(ctx, store.AuditFilter{ObjectType: "staffing_plan", ObjectID: 1})
		older, _ := db.ListAudit(ctx, store.AuditFilter{BeforeID: all[0].ID})
		if len(plan) != 1 || len(older) != 1 || older[0].ID != all[1].ID {
			t.Fatalf("filters: %d by object, %d older", len(plan), len(older))
		}
		if err := db.Gorm().Exec(`UPDATE audit_log SET summary = 'changed'`).Error; err == nil {
			t.Fatal("an audit entry was updated")
		}
		if err := db.Gorm().Exec(`DELETE FROM audit_log`).Error; err == nil {
			t.Fatal("an audit entry was deleted")
		}
	})
}

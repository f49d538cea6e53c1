package store

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/libtnb/sqlite"
)

func TestReadsGoToTheReaders(t *testing.T) {
	for q, want := range map[string]bool{
		"SELECT * FROM users":                                     true,
		"  select count(*) from applications":                     true,
		"WITH s AS (SELECT 1) SELECT * FROM s":                    true,
		"WITH s AS (SELECT 1) INSERT INTO t SELECT 1":             false,
		"WITH s AS (SELECT 1) UPDATE t SET a = 1":                 false,
		`INSERT INTO "users" ("email") VALUES (?) RETURNING "id"`: false,
		"UPDATE users SET name = ?":                               false,
		"DELETE FROM sessions":                                    false,
		"PRAGMA table_info(users)":                                false,
		"SELEC":                                                   false,
	} {
		if got := reads(q); got != want {
			t.Errorf("reads(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestSQLitePoolKeepsWritesOffTheReaders checks that a write sent to a reading connection fails instead of
// racing the writer, and that many writers at once all succeed, queued in Go for the one writing connection.
func TestSQLitePoolKeepsWritesOffTheReaders(t *testing.T) {
	ctx := context.Background()
	p, err := openSQLitePool(sqlite.DriverName, filepath.Join(t.TempDir(), "pool.db"), "&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)", 4)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, err := p.ExecContext(ctx, "CREATE TABLE t (n INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.read.ExecContext(ctx, "INSERT INTO t VALUES (1)"); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Fatalf("a write on a reading connection: %v", err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 64 {
		wg.Go(func() {
			tx, err := p.BeginTx(ctx, nil)
			if err != nil {
				errs <- err
				return
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO t VALUES (?)", i); err != nil {
				_ = tx.Rollback()
				errs <- err
				return
			}
			errs <- tx.Commit()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := p.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 64 {
		t.Fatalf("rows: %d %v", n, err)
	}
}

// Package storetest gives tests a fresh, migrated database on each dialect: a new PostgreSQL database on the
// server named by BULLPEN_TEST_POSTGRES_URL (default the local server, user postgres) or a new SQLite file.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the driver gorm's postgres dialect uses

	"github.com/bullpen-hq/bullpen/store"
)

// AdminURL is the PostgreSQL server tests create their databases on.
func AdminURL() string {
	if u := os.Getenv("BULLPEN_TEST_POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// PostgresURL creates an empty database for the test, drops it when the test ends, and returns its URL.
func PostgresURL(t testing.TB) string {
	t.Helper()
	admin, err := sql.Open("pgx", AdminURL())
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "bullpen_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("postgres at %s is needed by this test (start it, or set BULLPEN_TEST_POSTGRES_URL): %v", AdminURL(), err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", AdminURL())
		if err != nil {
			return
		}
		defer admin.Close()
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u, err := url.Parse(AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// SQLiteURL returns the URL of a new SQLite file in the test's temporary folder.
func SQLiteURL(t testing.TB) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "bullpen.db")
}

// Dialects lists the database URLs a test should run against, by dialect name.
func Dialects(t testing.TB) map[string]func(testing.TB) string {
	return map[string]func(testing.TB) string{store.DialectPostgres: PostgresURL, store.DialectSQLite: SQLiteURL}
}

// Open opens the database at url and migrates it to the latest version; it is closed when the test ends.
func Open(t testing.TB, url string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), url, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

// Name is a unique suffix for test data.
func Name(prefix string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s-%s", prefix, hex.EncodeToString(b))
}

// Package store keeps Bullpen's read model and reference data in PostgreSQL or SQLite through gorm. Every
// function takes the caller's context; every write that a workflow activity may retry is idempotent.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/libtnb/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/bullpen-hq/bullpen/models"
)

// Dialects the store speaks.
const (
	DialectPostgres = "postgres"
	DialectSQLite   = "sqlite"
)

// DB is the application database.
type DB struct {
	gorm    *gorm.DB
	dialect string
	sqlite  *sqlitePool // SQLite's writer and readers; nil on PostgreSQL
}

// Open connects to the database named by url: a postgres:// or postgresql:// URL, or sqlite:PATH for a file
// (created with its folder if missing, in WAL mode).
func Open(ctx context.Context, url string, log *slog.Logger) (*DB, error) {
	cfg := &gorm.Config{TranslateError: true, Logger: logger.Discard, NowFunc: func() time.Time { return time.Now().UTC() }}
	var (
		dialector gorm.Dialector
		dialect   string
		pool      *sqlitePool
	)
	switch {
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		dialector, dialect = postgres.Open(url), DialectPostgres
	case strings.HasPrefix(url, "sqlite:"):
		path := strings.TrimPrefix(url, "sqlite:")
		if path == "" {
			return nil, fmt.Errorf("open database: sqlite: needs a file path")
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
		var err error
		pool, err = openSQLitePool(sqlite.DriverName, path,
			"&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)", 4)
		if err != nil {
			return nil, fmt.Errorf("open database: %w", err)
		}
		dialector, dialect = sqlite.New(sqlite.Config{Conn: pool}), DialectSQLite
	default:
		return nil, fmt.Errorf("open database: DATABASE_URL must start with postgres://, postgresql:// or sqlite")
	}
	g, err := gorm.Open(dialector, cfg)
	if err != nil {
		if pool != nil {
			_ = pool.Close()
		}
		return nil, fmt.Errorf("open database: %w", err)
	}
	db := &DB{gorm: g, dialect: dialect, sqlite: pool}
	if pool == nil {
		sqlDB, err := g.DB()
		if err != nil {
			return nil, err
		}
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	}
	if err := db.Ping(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	if log != nil {
		log.Debug("database open", "dialect", dialect)
	}
	return db, nil
}

// Dialect returns DialectPostgres or DialectSQLite.
func (db *DB) Dialect() string { return db.dialect }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	if db.sqlite != nil {
		return db.sqlite.PingContext(ctx)
	}
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Close closes the connection pool.
func (db *DB) Close() error {
	if db.sqlite != nil {
		return db.sqlite.Close()
	}
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Gorm exposes the gorm handle to tests of this module.
func (db *DB) Gorm() *gorm.DB { return db.gorm }

func (db *DB) with(ctx context.Context) *gorm.DB { return db.gorm.WithContext(ctx) }

// notFound turns gorm's not-found into the domain's.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return models.Errorf(models.ENOTFOUND, "No such %s.", what)
	}
	return err
}

// Snapshot runs read with a view of the database as of one moment, so that several reads agree with each
// other (a plan's openings and the timeline entry written with them, say).
func (db *DB) Snapshot(ctx context.Context, read func(*DB) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.dialect == DialectPostgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	return db.with(ctx).Transaction(func(tx *gorm.DB) error { return read(&DB{gorm: tx, dialect: db.dialect}) }, opts)
}

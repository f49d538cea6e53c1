package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode"
)

// sqlitePool gives SQLite's single writer one connection of its own and lets reads share a pool beside it.
//
// SQLite lets one connection write at a time. With writers spread over a shared pool, a writer that finds the
// database locked sleeps in SQLite's busy handler (1, 2, 5 … 100 ms) and polls again, so under load writes
// queue in sleeps rather than in order, and reads queue behind them for a connection. Here writes and
// transactions wait in Go for the one writing connection and are woken the moment it is free, while reads
// (in WAL mode they never wait for the writer) go to the others. The reading connections are opened
// query-only, so a write sent to them by mistake fails loudly instead of racing the writer.
type sqlitePool struct {
	write *sql.DB
	read  *sql.DB
}

func openSQLitePool(driver, path, pragmas string, readers int) (*sqlitePool, error) {
	write, err := sql.Open(driver, path+"?_txlock=immediate"+pragmas)
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	read, err := sql.Open(driver, path+"?_txlock=deferred"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		_ = write.Close()
		return nil, err
	}
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	return &sqlitePool{write: write, read: read}, nil
}

// reads reports whether a statement only reads: SELECT, or WITH … SELECT with no write in it. Anything else
// (INSERT … RETURNING included, which gorm sends as a query) goes to the writer.
func reads(query string) bool {
	q := strings.TrimLeftFunc(query, unicode.IsSpace)
	if len(q) < 6 {
		return false
	}
	switch strings.ToUpper(q[:4]) {
	case "SELE":
		return strings.EqualFold(q[:6], "SELECT")
	case "WITH":
		u := strings.ToUpper(q)
		return !strings.Contains(u, "INSERT ") && !strings.Contains(u, "UPDATE ") && !strings.Contains(u, "DELETE ")
	}
	return false
}

func (p *sqlitePool) pick(query string) *sql.DB {
	if reads(query) {
		return p.read
	}
	return p.write
}

func (p *sqlitePool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.pick(query).PrepareContext(ctx, query)
}

func (p *sqlitePool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.write.ExecContext(ctx, query, args...)
}

func (p *sqlitePool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.pick(query).QueryContext(ctx, query, args...)
}

func (p *sqlitePool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.pick(query).QueryRowContext(ctx, query, args...)
}

// BeginTx starts a read-only transaction (a snapshot) on a reading connection and any other on the writer.
func (p *sqlitePool) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	if opts != nil && opts.ReadOnly {
		return p.read.BeginTx(ctx, opts)
	}
	return p.write.BeginTx(ctx, opts)
}

// GetDBConn gives gorm the writer, the connection that sees every write.
func (p *sqlitePool) GetDBConn() (*sql.DB, error) { return p.write, nil }

func (p *sqlitePool) PingContext(ctx context.Context) error {
	return errors.Join(p.write.PingContext(ctx), p.read.PingContext(ctx))
}

func (p *sqlitePool) Close() error { return errors.Join(p.read.Close(), p.write.Close()) }

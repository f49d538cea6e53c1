// Command bullpen is the whole product in one binary:
//
//	bullpen dev [--demo]     everything on one machine: embedded Temporal, SQLite, worker, API and web UI
//	bullpen serve            the API and web UI, against PostgreSQL and a Temporal cluster
//	bullpen worker           the Temporal worker, against the same
//	bullpen migrate          bring the database schema up to date
//	bullpen user create      add an account (the first admin)
//
// Settings come from environment variables; see README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `Bullpen builds and runs a sales department.

Usage:
  bullpen dev [--demo]      run everything on this machine (embedded Temporal and SQLite under BULLPEN_DATA_DIR)
  bullpen serve             serve the API and web UI (needs DATABASE_URL and TEMPORAL_ADDRESS)
  bullpen worker            run the Temporal worker (needs DATABASE_URL and TEMPORAL_ADDRESS)
  bullpen migrate           bring the database schema up to date (needs DATABASE_URL)
  bullpen user create --email E --role ROLE [--role ROLE...] [--name NAME]
                            add an account; the password is read from BULLPEN_USER_PASSWORD or standard input

Configuration is read from the environment; see README.md for every variable.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bullpen:", err)
		}
		os.Exit(2)
	}
}

// run executes one command line; main and the tests call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cfg, err := LoadConfig(getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	switch args[0] {
	case "dev":
		fs := flag.NewFlagSet("dev", flag.ContinueOnError)
		demo := fs.Bool("demo", false, "load the demo organisation (idempotent)")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return serveApp(ctx, &App{Config: cfg, Log: log, EmbeddedTemporal: true, Migrate: true, Worker: true, HTTP: true, Demo: *demo, DemoFloor: *demo})
	case "serve":
		return serveApp(ctx, &App{Config: cfg, Log: log, HTTP: true})
	case "worker":
		return serveApp(ctx, &App{Config: cfg, Log: log, Worker: true})
	case "migrate":
		return migrate(ctx, cfg, log)
	case "user":
		return userCommand(ctx, cfg, args[1:], getenv, stdin, stdout)
	}
	return fmt.Errorf("unknown command %q; run `bullpen help`", args[0])
}

func serveApp(ctx context.Context, a *App) error {
	if err := a.Open(ctx); err != nil {
		return err
	}
	err := a.Wait(ctx)
	a.Log.Info("shutting down")
	return errors.Join(err, a.Close())
}

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

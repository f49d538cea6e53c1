package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/bullpen-hq/bullpen/api"
	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

func migrate(ctx context.Context, cfg Config, log *slog.Logger) error {
	url, err := cfg.requireDatabaseURL()
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, url, log)
	if err != nil {
		return err
	}
	defer db.Close()
	before, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	log.Info("database schema up to date", "from_version", before, "to_version", store.LatestVersion())
	return nil
}

type roleList []models.Role

func (r *roleList) String() string { return fmt.Sprint(*r) }

func (r *roleList) Set(s string) error {
	for _, part := range strings.Split(s, ",") {
		role, ok := models.ParseRole(part)
		if !ok {
			return fmt.Errorf("unknown role %q (roles: admin, department_head, recruiter, interviewer, sales_manager, sales_rep)", part)
		}
		*r = append(*r, role)
	}
	return nil
}

// userCommand runs `bullpen user create`, which works on DATABASE_URL or, without it, on bullpen dev's SQLite file.
func userCommand(ctx context.Context, cfg Config, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return fmt.Errorf("usage: bullpen user create --email E --role ROLE [--role ROLE...] [--name NAME]")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail address to sign in with")
	name := fs.String("name", "", "display name (default: the part of the e-mail before @)")
	var roles roleList
	fs.Var(&roles, "role", "a role; repeat or separate with commas")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if !strings.Contains(*email, "@") {
		return fmt.Errorf("--email is required and must be an e-mail address")
	}
	if len(roles) == 0 {
		return fmt.Errorf("--role is required (for the first account: --role admin)")
	}
	if *name == "" {
		*name, _, _ = strings.Cut(*email, "@")
	}
	password := getenv("BULLPEN_USER_PASSWORD")
	if password == "" {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && line == "" {
			return fmt.Errorf("give the password in BULLPEN_USER_PASSWORD or on standard input")
		}
		password = strings.TrimRight(line, "\r\n")
	}
	if len(password) < models.MinPasswordLength {
		return fmt.Errorf("the password must be at least %d characters", models.MinPasswordLength)
	}
	db, err := store.Open(ctx, cfg.devDatabaseURL(), nil)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	hash, err := api.HashPassword(password)
	if err != nil {
		return err
	}
	u, err := db.CreateUser(ctx, *email, *name, hash, roles)
	if err != nil {
		return fmt.Errorf("%s", models.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "created user %d %s with roles %v\n", u.ID, u.Email, u.Roles)
	return nil
}

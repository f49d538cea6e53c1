package api

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
)

// accountImportForm is a CSV file of client accounts: columns name (required), city, industry, owner_email.
type accountImportForm struct {
	File string `form:"file" json:"file" format:"binary"`
}

type importIssueJSON struct {
	Line    int    `json:"line"`
	Name    string `json:"name"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// accountImportJSON says what an import did: accounts created, already there, conflicts over owners, rows refused.
type accountImportJSON struct {
	Created   int               `json:"created"`
	Existing  int               `json:"existing"`
	Conflicts []importIssueJSON `json:"conflicts"`
	Errors    []importIssueJSON `json:"errors"`
}

// importAccounts imports client accounts from CSV (department heads and admins). Owners are resolved by
// e-mail to active sales reps; an account already there keeps its owner, and a different owner named for it
// is reported as a conflict, never applied: ownership moves only by a handover.
func (s *Server) importAccounts(c *gin.Context) {
	if !currentUser(c).HasAnyRole(models.RoleDepartmentHead, models.RoleAdmin) {
		s.fail(c, models.Errorf(models.EFORBIDDEN, "Department heads and admins import clients."))
		return
	}
	fh, err := c.FormFile("file")
	if err != nil {
		s.fail(c, models.Invalid(models.FieldError{Field: "file", Message: "is required: a CSV file"}))
		return
	}
	if fh.Size > models.MaxImportBytes {
		s.fail(c, models.Invalid(models.FieldError{Field: "file", Message: fmt.Sprintf("must be at most %d MB", models.MaxImportBytes>>20)}))
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.fail(c, err)
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, models.MaxImportBytes+1))
	if err != nil {
		s.fail(c, err)
		return
	}
	csvFile, err := models.ParseCSV(data)
	if err != nil {
		s.fail(c, err)
		return
	}
	col := map[string]int{}
	for i, h := range csvFile.Header {
		col[strings.ToLower(strings.ReplaceAll(strings.TrimSpace(h), " ", "_"))] = i
	}
	if _, ok := col["name"]; !ok {
		s.fail(c, models.Invalid(models.FieldError{Field: "file", Message: "needs a name column (and optionally city, industry, owner_email)"}))
		return
	}
	recs, err := csvFile.Records()
	if err != nil {
		s.fail(c, err)
		return
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	out := accountImportJSON{Conflicts: []importIssueJSON{}, Errors: []importIssueJSON{}}
	owners := map[string]int64{}
	me := currentUser(c).ID
	for i, rec := range recs {
		line := i + 2
		d := models.AccountDraft{Name: get(rec, "name"), City: get(rec, "city"), Industry: get(rec, "industry")}
		if d.Name == "" && d.City == "" && d.Industry == "" {
			continue // a blank line
		}
		if err := d.Validate(); err != nil {
			for _, f := range models.Nested(err, "") {
				out.Errors = append(out.Errors, importIssueJSON{Line: line, Name: d.Name, Field: f.Field, Message: f.Message})
			}
			continue
		}
		var owner int64
		if email := models.NormalizeEmail(get(rec, "owner_email")); email != "" {
			id, ok := owners[email]
			if !ok {
				if u, _, err := s.db.UserCredentials(c, email); err == nil && u.Active && u.HasRole(models.RoleSalesRep) {
					id = u.ID
				}
				owners[email] = id
			}
			if id == 0 {
				out.Errors = append(out.Errors, importIssueJSON{Line: line, Name: d.Name, Field: "owner_email", Message: email + " is not an active sales rep"})
				continue
			}
			owner = id
		}
		acc, err := s.db.CreateAccount(c, d, me)
		switch {
		case models.ErrorCode(err) == models.ECONFLICT:
			if acc, err = s.db.AccountByName(c, d.Name); err != nil {
				s.fail(c, err)
				return
			}
			out.Existing++
		case err != nil:
			s.fail(c, err)
			return
		default:
			out.Created++
		}
		if owner == 0 {
			continue
		}
		got, err := s.db.SetAccountOwner(c, acc.ID, owner)
		if err != nil {
			s.fail(c, err)
			return
		}
		if got != owner {
			out.Conflicts = append(out.Conflicts, importIssueJSON{Line: line, Name: acc.Name, Field: "owner_email",
				Message: fmt.Sprintf("is owned by %s; ownership moves only by a handover", s.userName(c, got))})
		}
	}
	slices.SortStableFunc(out.Errors, func(a, b importIssueJSON) int { return a.Line - b.Line })
	s.audit(c, "accounts.imported", "account", 0, fmt.Sprintf("%d clients imported, %d already there", out.Created, out.Existing), nil,
		map[string]any{"created": out.Created, "existing": out.Existing, "conflicts": len(out.Conflicts), "errors": len(out.Errors)})
	c.JSON(http.StatusOK, out)
}

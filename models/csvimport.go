package models

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// ImportFields are the candidate fields a CSV column can be mapped to. Name may come whole or as first and
// last name.
var ImportFields = []string{"name", "first_name", "last_name", "email", "phone", "location", "locale", "tags", "note"}

// Limits of a CSV import.
const (
	MaxImportBytes = 20 << 20
	MaxImportRows  = 50000
)

// CSVFile is an uploaded CSV file, read with its delimiter (comma or semicolon, as spreadsheets in
// different locales write them).
type CSVFile struct {
	Header []string
	comma  rune
	data   []byte
}

// ParseCSV reads a CSV file's header and checks that it is text a spreadsheet could have written.
func ParseCSV(data []byte) (*CSVFile, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) == 0 {
		return nil, Invalid(FieldError{Field: "file", Message: "is empty"})
	}
	if !utf8.Valid(data) {
		return nil, Invalid(FieldError{Field: "file", Message: "must be UTF-8 text (save the spreadsheet as \"CSV UTF-8\")"})
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	comma := ','
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		comma = ';'
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	header, err := r.Read()
	if err != nil {
		return nil, Invalid(FieldError{Field: "file", Message: "has no readable header row: " + csvMessage(err)})
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	return &CSVFile{Header: header, comma: comma, data: data}, nil
}

func csvMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("line %d: %v", pe.Line, pe.Err)
	}
	return err.Error()
}

// GuessMapping maps each field to the header whose name looks like it ("E-mail", "Full name", "Emri").
func (f *CSVFile) GuessMapping() map[string]string {
	aliases := map[string][]string{
		"name":       {"name", "full name", "fullname", "candidate", "emri i plotë", "emri"},
		"first_name": {"first name", "firstname", "given name"},
		"last_name":  {"last name", "lastname", "surname", "family name", "mbiemri"},
		"email":      {"email", "e-mail", "email address", "e-mail address", "mail"},
		"phone":      {"phone", "telephone", "mobile", "phone number", "telefoni", "tel"},
		"location":   {"location", "city", "town", "qyteti", "vendndodhja"},
		"locale":     {"locale", "language", "gjuha"},
		"tags":       {"tags", "labels", "etiketa"},
		"note":       {"note", "notes", "comment", "comments", "shënim"},
	}
	out := map[string]string{}
	for _, field := range ImportFields {
		for _, h := range f.Header {
			if slices.Contains(aliases[field], strings.ToLower(strings.TrimSpace(h))) {
				out[field] = h
				break
			}
		}
	}
	if out["name"] != "" {
		delete(out, "first_name")
		delete(out, "last_name")
	}
	return out
}

// ValidateMapping checks a mapping of fields to columns against the header.
func (f *CSVFile) ValidateMapping(m map[string]string) error {
	var fields []FieldError
	used := map[string]string{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// In the fields' own order, so that of two fields mapped to one column the later one is named.
	rank := func(k string) int {
		if i := slices.Index(ImportFields, k); i >= 0 {
			return i
		}
		return len(ImportFields)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	for _, field := range keys {
		col := m[field]
		if !slices.Contains(ImportFields, field) {
			fields = append(fields, FieldError{Field: "mapping." + field, Message: "is not a candidate field; use one of " + strings.Join(ImportFields, ", ")})
			continue
		}
		if col == "" {
			continue
		}
		if !slices.Contains(f.Header, col) {
			fields = append(fields, FieldError{Field: "mapping." + field, Message: fmt.Sprintf("column %q is not in the file", col)})
		}
		if other, ok := used[col]; ok {
			fields = append(fields, FieldError{Field: "mapping." + field, Message: fmt.Sprintf("column %q is already mapped to %s", col, other)})
		}
		used[col] = field
	}
	if m["email"] == "" {
		fields = append(fields, FieldError{Field: "mapping.email", Message: "map a column to the e-mail address"})
	}
	if m["name"] == "" && m["first_name"] == "" && m["last_name"] == "" {
		fields = append(fields, FieldError{Field: "mapping.name", Message: "map a column to the name, or to first and last name"})
	}
	if len(fields) > 0 {
		slices.SortFunc(fields, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
		return Invalid(fields...)
	}
	return nil
}

// ImportRow is one data row of the file, read through the mapping.
type ImportRow struct {
	// Line is the row's line in the file (the header is line 1), as a spreadsheet numbers it.
	Line      int
	Candidate CandidateDraft
	Tags      []string
	Note      string
	// Err is why the row cannot be imported; the other fields are then incomplete.
	Err error
}

// Rows reads data rows [start, start+count) through the mapping (count < 0 reads to the end) and returns
// them with the number of data rows in the whole file.
func (f *CSVFile) Rows(m map[string]string, start, count int) ([]ImportRow, int, error) {
	r := csv.NewReader(bytes.NewReader(f.data))
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = f.comma, -1, true
	if _, err := r.Read(); err != nil {
		return nil, 0, Invalid(FieldError{Field: "file", Message: csvMessage(err)})
	}
	col := map[string]int{}
	for field, name := range m {
		if i := slices.Index(f.Header, name); i >= 0 && name != "" {
			col[field] = i
		}
	}
	var out []ImportRow
	n := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err == nil && blank(rec) {
			continue
		}
		if n >= MaxImportRows {
			return nil, 0, Invalid(FieldError{Field: "file", Message: fmt.Sprintf("holds more than %d rows; split it", MaxImportRows)})
		}
		idx := n
		n++
		if idx < start || (count >= 0 && idx >= start+count) {
			continue
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			out = append(out, ImportRow{Line: line, Err: Invalid(FieldError{Field: "row", Message: csvMessage(err)})})
			continue
		}
		line, _ := r.FieldPos(0)
		out = append(out, readRow(rec, col, line))
	}
	return out, n, nil
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func readRow(rec []string, col map[string]int, line int) ImportRow {
	get := func(field string) string {
		if i, ok := col[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	name := get("name")
	if name == "" {
		name = strings.TrimSpace(get("first_name") + " " + get("last_name"))
	}
	row := ImportRow{Line: line, Note: get("note"), Candidate: CandidateDraft{Name: name, Email: get("email"), Phone: get("phone"),
		Location: get("location"), Locale: get("locale"), Source: SourceImport}.Normalize()}
	var err error
	if row.Tags, err = NormalizeTags(strings.FieldsFunc(get("tags"), func(r rune) bool { return r == ',' || r == ';' || r == '|' })); err != nil {
		row.Err = err
		return row
	}
	if len([]rune(row.Note)) > MaxNoteLength {
		row.Err = Invalid(FieldError{Field: "note", Message: fmt.Sprintf("must be at most %d characters", MaxNoteLength)})
		return row
	}
	row.Err = row.Candidate.Validate()
	return row
}

// Records reads every row after the header, as written (line numbers start at 2, the header being line 1).
func (f *CSVFile) Records() ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(f.data))
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = f.comma, -1, false
	if _, err := r.Read(); err != nil {
		return nil, err
	}
	var out [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, Invalid(FieldError{Field: "file", Message: csvMessage(err)})
		}
		if len(out) >= MaxImportRows {
			return nil, Invalid(FieldError{Field: "file", Message: fmt.Sprintf("has more than %d rows", MaxImportRows)})
		}
		out = append(out, rec)
	}
}

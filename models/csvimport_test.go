package models

import (
	"fmt"
	"strings"
	"testing"
)

func TestCSVGuessesMappingAndReadsRows(t *testing.T) {
	data := "\xef\xbb\xbfFirst name;Last name;E-mail;Mobile;Tags\n" +
		"Vera;Hoxha;Vera@Example.com;+383 44 1;b2b; senior\n" +
		"\"Luan\";\"Berisha, Jr\";luan@example.com;;\n" +
		";;;;\n" +
		"Nora;;nora@;abc;\n"
	f, err := ParseCSV([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	m := f.GuessMapping()
	want := map[string]string{"first_name": "First name", "last_name": "Last name", "email": "E-mail", "phone": "Mobile", "tags": "Tags"}
	if fmt.Sprint(m) != fmt.Sprint(want) {
		t.Fatalf("mapping %v; want %v", m, want)
	}
	if err := f.ValidateMapping(m); err != nil {
		t.Fatal(err)
	}
	rows, total, err := f.Rows(m, 0, -1)
	if err != nil || total != 3 || len(rows) != 3 {
		t.Fatalf("rows %+v total %d err %v", rows, total, err)
	}
	if r := rows[0]; r.Err != nil || r.Line != 2 || r.Candidate.Name != "Vera Hoxha" || r.Candidate.Email != "vera@example.com" ||
		r.Candidate.Source != SourceImport || fmt.Sprint(r.Tags) != "[b2b]" {
		// "b2b; senior" in a semicolon file is two cells: the tag column holds "b2b" only.
		t.Fatalf("row 2: %+v", r)
	}
	if r := rows[1]; r.Err != nil || r.Candidate.Name != "Luan Berisha, Jr" {
		t.Fatalf("row 3: %+v", r)
	}
	bad := rows[2]
	if bad.Line != 5 || bad.Err == nil {
		t.Fatalf("row 5 should be refused: %+v", bad)
	}
	var fields []string
	for _, fe := range bad.Err.(*Error).Fields {
		fields = append(fields, fe.Field)
	}
	if strings.Join(fields, ",") != "email,phone" {
		t.Fatalf("row 5 fields %v", fields)
	}
	// A window of rows keeps the file's line numbers.
	win, _, _ := f.Rows(m, 1, 1)
	if len(win) != 1 || win[0].Line != 3 {
		t.Fatalf("window %+v", win)
	}
}

func TestCSVRefusals(t *testing.T) {
	for name, data := range map[string]string{
		"empty":      "",
		"not UTF-8":  "name,email\n\xff\xfe,x\n",
		"bad header": "\"name,email\n",
	} {
		if _, err := ParseCSV([]byte(data)); ErrorCode(err) != EINVALID {
			t.Errorf("%s: %v", name, err)
		}
	}
	f, _ := ParseCSV([]byte("name,email\nA,a@example.com\n"))
	err := f.ValidateMapping(map[string]string{"name": "name", "email": "Email", "salary": "name", "phone": "name"})
	var fields []string
	for _, fe := range err.(*Error).Fields {
		fields = append(fields, fe.Field)
	}
	if strings.Join(fields, ",") != "mapping.email,mapping.phone,mapping.salary" {
		t.Fatalf("mapping errors %v", fields)
	}
	if err := f.ValidateMapping(map[string]string{"email": "email"}); ErrorCode(err) != EINVALID {
		t.Fatalf("a mapping without a name: %v", err)
	}
}

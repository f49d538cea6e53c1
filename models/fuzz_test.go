package models

import (
	"encoding/json"
	"math"
	"testing"
)

// FuzzCSVImport reads any bytes as a candidate import: the file is refused with a field error or read row by
// row, each row either a valid candidate or a row error; nothing panics. `make test` runs the seeds, CI fuzzes
// it for a bounded time and `make soak` for longer.
func FuzzCSVImport(f *testing.F) {
	for _, seed := range []string{
		"name,email,phone\nVera Hoxha,vera@example.com,+383 44 123 456\n",
		"Emri;E-mail;Telefoni\nArbër Krasniqi;arber@example.com;044123456\n\n;;\n",
		"\xef\xbb\xbffirst name,last name,email,tags,note\nLuan,Gashi,luan@example.com,\"b2b, phone\",\"a \"\"quoted\"\" note\"\n",
		"name,email\n\"unterminated,x@example.com\n", "name\n", "", "\xff\xfe", "a,b\n1,2,3,4\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseCSV(data)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("refused with %v, not a field error", err)
			}
			return
		}
		m := file.GuessMapping()
		if err := file.ValidateMapping(m); err != nil && ErrorCode(err) != EINVALID {
			t.Fatalf("mapping refused with %v", err)
		}
		rows, n, err := file.Rows(m, 0, -1)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("rows refused with %v", err)
			}
			return
		}
		if len(rows) != n {
			t.Fatalf("%d rows read of %d", len(rows), n)
		}
		for _, r := range rows {
			if r.Err != nil {
				if ErrorCode(r.Err) != EINVALID {
					t.Fatalf("line %d refused with %v", r.Line, r.Err)
				}
				continue
			}
			if err := r.Candidate.Validate(); err != nil {
				t.Fatalf("line %d passed as %+v but does not validate: %v", r.Line, r.Candidate, err)
			}
		}
		if _, err := file.Records(); err != nil && ErrorCode(err) != EINVALID {
			t.Fatalf("records refused with %v", err)
		}
	})
}

// FuzzQuestionnaireAnswers scores any JSON a candidate could send as answers: it is refused field by field or
// scored between 0 and 100, passing only without a knock-out and at the pass mark.
func FuzzQuestionnaireAnswers(f *testing.F) {
	q := salesQuestionnaire()
	for _, seed := range []string{
		`[{"question_id":"experience","option_ids":["years"]},{"question_id":"calls","number":40}]`,
		`[{"question_id":"calls","number":1e308},{"question_id":"calls","number":-1}]`,
		`[{"question_id":"nope"},{"question_id":"experience","option_ids":["years","years"]}]`,
		`[{"question_id":"why","text":"` + "\u0000\u202e" + `"}]`, `[]`, `null`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var answers []Answer
		if json.Unmarshal(body, &answers) != nil {
			return
		}
		s, err := q.Score(answers)
		if err != nil {
			if ErrorCode(err) != EINVALID || len(Nested(err, "")) == 0 {
				t.Fatalf("refused with %v, not field errors", err)
			}
			return
		}
		if math.IsNaN(s.Percent) || s.Percent < 0 || s.Percent > 100 {
			t.Fatalf("score %v", s.Percent)
		}
		if s.Passed != (!s.KnockedOut && s.Percent >= q.PassMark) {
			t.Fatalf("passed %v with %+v", s.Passed, s)
		}
	})
}

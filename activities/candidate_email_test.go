package activities

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/models"
)

// TestCandidateMailInEveryLanguage renders every candidate e-mail in every language: the same texts exist in
// each, every placeholder is filled, and nothing is left of a format verb.
func TestCandidateMailInEveryLanguage(t *testing.T) {
	en := slices.Sorted(maps.Keys(candidateText["en"]))
	o := &models.Opening{Title: "Sales rep, Prishtina"}
	due := time.Date(2027, 1, 8, 17, 0, 0, 0, time.UTC)
	for lang, words := range candidateText {
		if got := slices.Sorted(maps.Keys(words)); !slices.Equal(got, en) {
			t.Errorf("%s has texts %v; en has %v", lang, got, en)
		}
		c := &models.Candidate{Name: "Vera Hoxha", Locale: lang}
		for _, kind := range []string{mailQuestionnaire, mailReminder, mailRejection} {
			link := ""
			if kind != mailRejection {
				link = "https://jobs.example/q/token"
			}
			subject, text, html, err := candidateMail(kind, c, o, link, due, "https://jobs.example/privacy/t")
			if err != nil {
				t.Fatal(err)
			}
			for _, part := range []string{subject, text, html} {
				if strings.Contains(part, "%!") || strings.Contains(part, "{title}") || strings.Contains(part, "{deadline}") {
					t.Errorf("%s %s is not filled in:\n%s", lang, kind, part)
				}
			}
			if !strings.Contains(subject, o.Title) || !strings.Contains(text, "Vera Hoxha") || !strings.Contains(html, `lang="`+lang+`"`) {
				t.Errorf("%s %s: subject %q\n%s", lang, kind, subject, text)
			}
			hasLink := link != "" && strings.Contains(text, link+"\n") && strings.Contains(html, `href="`+link+`"`)
			if (link != "") != hasLink || (kind != mailRejection) != strings.Contains(text, "2027-01-08 17:00 UTC") {
				t.Errorf("%s %s: link or deadline wrong:\n%s", lang, kind, text)
			}
		}
	}
}

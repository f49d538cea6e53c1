package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	historypb "go.temporal.io/api/history/v1"
	workflowpb "go.temporal.io/api/workflow/v1"
	"google.golang.org/protobuf/proto"

	"github.com/bullpen-hq/bullpen/activities/smtptest"
	"github.com/bullpen-hq/bullpen/models"
)

// TestHistoriesCarryNoPersonalData: Temporal keeps workflow histories for as long as it keeps them, outside the
// app database where retention and deletion apply, so they carry IDs only. The demo organisation's workflows
// run (openings, applications, offers, employees, meetings, the care run's greetings), two candidates go the
// whole way from the apply page to their first day through the API, and then every event of every history
// (inputs, results, signals, updates, queries' records, failures) is searched for the name, e-mail address and
// phone number of every candidate, user and client contact in the database.
func TestHistoriesCarryNoPersonalData(t *testing.T) {
	mail := smtptest.Start(t)
	app := startApp(t, "", t.TempDir(), freeAddr(t), func(c *Config) {
		c.TrustedProxies = []string{"127.0.0.1"}
		c.SMTPURL, c.BaseURL = mail.URL(), "https://jobs.example"
	})
	defer app.Close()
	j := newJourneyRig(t, app)
	j.mail = mail
	if failed := j.run(2, 2, j.journey); failed > 0 {
		t.Fatalf("journeys failed: %v", j.firstErr.Load())
	}
	j.checkHires(2)
	runCare(t, app)

	// Everything personal the database holds about people.
	var personal []string
	for _, q := range []string{
		"SELECT name FROM candidates", "SELECT email FROM candidates", "SELECT phone FROM candidates",
		"SELECT name FROM users", "SELECT email FROM users",
		"SELECT name FROM contacts", "SELECT email FROM contacts", "SELECT phone FROM contacts",
	} {
		var vals []string
		if err := app.DB.Gorm().Raw(q).Scan(&vals).Error; err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if v = strings.TrimSpace(v); len(v) >= 5 { // shorter strings match by chance ("Ana")
				personal = append(personal, v)
			}
		}
	}
	// And what people wrote: the reasons they gave for their moves, the candidates' text answers.
	var reasons []string
	if err := app.DB.Gorm().Raw(`SELECT DISTINCT reason FROM application_events WHERE actor_id IS NOT NULL AND reason <> ''
		AND reason_code <> 'position_filled'`).Scan(&reasons).Error; err != nil {
		t.Fatal(err)
	}
	var answers []string
	if err := app.DB.Gorm().Raw("SELECT answers FROM questionnaire_responses").Scan(&answers).Error; err != nil {
		t.Fatal(err)
	}
	texts := len(reasons)
	personal = append(personal, reasons...)
	for _, a := range answers {
		var list []models.Answer
		if err := json.Unmarshal([]byte(a), &list); err != nil {
			t.Fatal(err)
		}
		for _, x := range list {
			if x.Text != "" {
				personal = append(personal, x.Text)
				texts++
			}
		}
	}
	if len(personal) < 20 || texts < 3 {
		t.Fatalf("only %d personal values to look for, %d of them texts: %v", len(personal), texts, personal)
	}

	// The search reads payloads as they are stored: the applications' inputs, JSON, name their field.
	runs := map[string]bool{}
	events, payloadsRead := 0, 0
	eachHistoryEvent(t, app.Temporal, app.Config.TemporalNamespace, nil, func(e *workflowpb.WorkflowExecutionInfo, ev *historypb.HistoryEvent) {
		runs[e.Execution.RunId] = true
		events++
		raw, err := proto.Marshal(ev) // payloads as the bytes they hold, not base64
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(raw, []byte(`"ApplicationID":`)) {
			payloadsRead++
		}
		for _, p := range personal {
			if bytes.Contains(raw, []byte(p)) {
				t.Errorf("%s (%s), event %d %s carries %q", e.Execution.WorkflowId, e.Type.GetName(), ev.EventId, ev.EventType, p)
			}
		}
	})
	workflowsSeen := len(runs)
	if workflowsSeen < 10 || events < 200 || payloadsRead == 0 {
		t.Fatalf("only %d workflows, %d events and %d application inputs searched", workflowsSeen, events, payloadsRead)
	}
	t.Logf("searched %d workflows, %d events for %d personal values", workflowsSeen, events, len(personal))
}

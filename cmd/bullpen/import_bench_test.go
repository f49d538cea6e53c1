package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/store/storetest"
)

// BenchmarkImport10000 imports a CSV file of 10,000 candidates into an opening through the API, from upload
// to the import's end (every application stored and its workflow started), on bullpen dev's embedded stack.
// BULLPEN_BENCH_DB=postgres runs it on PostgreSQL instead of SQLite.
//
//	go test ./cmd/bullpen -run '^$' -bench Import10000 -benchtime 1x
//
// It also reports the resident memory of the process (bullpen dev in full) with the 10,000 workflows open.
func BenchmarkImport10000(b *testing.B) {
	dbURL := ""
	if os.Getenv("BULLPEN_BENCH_DB") == "postgres" {
		dbURL = storetest.PostgresURL(b)
	}
	app := startApp(b, dbURL, b.TempDir(), freeAddr(b), nil)
	defer app.Close()
	rita := newBrowser(b, app.URL())
	rita.login("recruiter@bullpen.demo", pw)
	openingID := demoOpening(b, rita)
	const rows = 10000
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		var csv strings.Builder
		csv.WriteString("name,email,phone,tags\n")
		for r := range rows {
			fmt.Fprintf(&csv, "Candidate %d-%d,candidate%d.%d@example.com,+383 44 %06d,bench\n", i, r, i, r, r)
		}
		b.StartTimer()
		start := time.Now()
		im := importCSV(b, rita, openingID, csv.String(), map[string]string{"name": "name", "email": "email", "phone": "phone", "tags": "tags"})
		if im.Created != rows || im.Failed != 0 {
			b.Fatalf("import: %+v", im)
		}
		b.ReportMetric(float64(rows)/time.Since(start).Seconds(), "rows/s")
	}
	// The whole of bullpen dev runs in this process: its resident memory with the imported applications'
	// workflows open (each waits for its questionnaire), once the garbage collector has run.
	b.StopTimer()
	runtime.GC()
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				var n float64
				fmt.Sscanf(strings.TrimSpace(kb), "%f", &n)
				b.ReportMetric(n/1024, "MB-rss")
			}
		}
	}
}

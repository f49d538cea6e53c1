package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"golang.org/x/crypto/bcrypt"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// orgSize is how large an organisation BenchmarkLargeOrgLatency builds and how long it loads it.
type orgSize struct {
	Name         string
	Openings     int
	Applications int
	Reps         int
	Activities   int
	Months       int // of activity, plans and pay statements
	Clients      int // concurrent API clients
	Duration     time.Duration
}

// largeOrgSize is a tenth of the organisation by default, the whole with BULLPEN_BENCH_SCALE=full;
// BULLPEN_BENCH_SECONDS sets how long the clients run.
func largeOrgSize() orgSize {
	s := orgSize{Name: "default (1/10)", Openings: 20, Applications: 10_000, Reps: 100, Activities: 100_000, Months: 24, Clients: 100,
		Duration: 10 * time.Second}
	if os.Getenv("BULLPEN_BENCH_SCALE") == "full" {
		s = orgSize{Name: "full", Openings: 200, Applications: 100_000, Reps: 1000, Activities: 1_000_000, Months: 24, Clients: 100,
			Duration: 20 * time.Second}
	}
	var secs int
	if _, err := fmt.Sscanf(os.Getenv("BULLPEN_BENCH_SECONDS"), "%d", &secs); err == nil && secs > 0 {
		s.Duration = time.Duration(secs) * time.Second
	}
	return s
}

// BenchmarkLargeOrgLatency measures the read screens of a large organisation under load: it fills PostgreSQL
// with openings, applications with their timelines, interviews with scorecards, offers, reps with their
// clients, two years of logged activity, plans, pay statements, teams, meetings and greetings (straight into
// the tables with COPY: the read screens need no workflows), then runs concurrent signed-in clients against
// the pipeline board, the candidate page, the slate comparison, the dashboards and the rep home, and reports
// each screen's p50 and p99 latency, requests and errors. Any error fails it; latency is reported only.
//
//	go test ./cmd/bullpen -run '^$' -bench LargeOrgLatency -benchtime 1x
//	BULLPEN_BENCH_SCALE=full go test ./cmd/bullpen -run '^$' -bench LargeOrgLatency -benchtime 1x -timeout 60m
func BenchmarkLargeOrgLatency(b *testing.B) {
	size := largeOrgSize()
	app := startApp(b, storetest.PostgresURL(b), b.TempDir(), freeAddr(b), func(c *Config) { c.LoginPerIP = 100000 })
	defer app.Close()
	ctx := context.Background()
	start := time.Now()
	org := seedLargeOrg(b, ctx, app.DB, size)
	seeding := time.Since(start)
	fmt.Printf("\nlarge organisation, %s: %d openings, %d applications, %d application events, %d interviews, %d reps, %d clients (accounts), "+
		"%d activities, %d pay statements; seeded in %.1f s\n", size.Name, len(org.openings), len(org.applications), org.events, org.interviews,
		len(org.reps), org.accounts, org.activities, org.statements, seeding.Seconds())
	if os.Getenv("BULLPEN_BENCH_EXPLAIN") != "" {
		explainLargeOrg(b, ctx, app.DB, org)
	}
	b.ResetTimer()
	for range b.N {
		// Each screen alone (one client at a time: the service time), then 100 clients who pause about a second
		// between pages as people do, then 100 clients who never pause (the server's throughput).
		alone, aloneCPU := map[string]*screenStats{}, machineCPU{}
		for _, role := range []string{"recruiter", "head", "rep"} {
			st, cpu := loadLargeOrg(b, app.URL(), org, []string{role}, size.Duration/4, 0)
			mergeStats(alone, st)
			aloneCPU.busy, aloneCPU.wall = aloneCPU.busy+cpu.busy, aloneCPU.wall+cpu.wall
		}
		think, thinkCPU := loadLargeOrg(b, app.URL(), org, largeOrgRoles(size.Clients), size.Duration, time.Second)
		busy, busyCPU := loadLargeOrg(b, app.URL(), org, largeOrgRoles(size.Clients), size.Duration, 0)
		b.StopTimer()
		for _, ph := range []struct {
			title, suffix string
			stats         map[string]*screenStats
			cpu           machineCPU
		}{
			{fmt.Sprintf("one client at a time, %s per role", size.Duration/4), "-alone", alone, aloneCPU},
			{fmt.Sprintf("%d concurrent clients pausing 0.5-1.5 s between pages, %s", size.Clients, size.Duration), "-paced", think, thinkCPU},
			{fmt.Sprintf("%d concurrent clients without pause, %s", size.Clients, size.Duration), "", busy, busyCPU},
		} {
			fmt.Printf("\n%s (%s):\n", ph.title, size.Name)
			requests := 0
			for _, st := range ph.stats {
				requests += len(st.took)
			}
			// The machine's CPU per request (the API, PostgreSQL and the load generator together) bounds the
			// requests per second these cores can serve; 100 clients without pause at 50 ms each would need
			// clients/0.05 s of them.
			perRequest := ph.cpu.busy.Seconds() * 1000 / float64(max(requests, 1))
			fmt.Printf("%d requests, %.0f/s; the machine's CPU busy %.0f%%, %.2f CPU-ms per request: at most %.0f requests/s on %d cores\n",
				requests, float64(requests)/ph.cpu.wall.Seconds(), 100*ph.cpu.busy.Seconds()/ph.cpu.wall.Seconds()/float64(runtime.NumCPU()),
				perRequest, float64(runtime.NumCPU())*1000/perRequest, runtime.NumCPU())
			b.ReportMetric(perRequest, "cpu-ms/req"+ph.suffix)
			fmt.Printf("%-22s %9s %9s %9s %7s\n", "screen", "p50 ms", "p99 ms", "requests", "errors")
			for _, sc := range largeOrgScreens {
				st := ph.stats[sc]
				if (st == nil || len(st.took) == 0) && (sc == screenDashboardFresh || sc == screenHiringFresh) {
					continue // asked for in the one-client phase only
				}
				p50, p99 := st.percentile(0.50), st.percentile(0.99)
				fmt.Printf("%-22s %9.1f %9.1f %9d %7d\n", sc, p50, p99, len(st.took), st.errors)
				b.ReportMetric(p50, "ms-p50-"+sc+ph.suffix)
				b.ReportMetric(p99, "ms-p99-"+sc+ph.suffix)
				if st.errors > 0 {
					b.Errorf("%s%s: %d errors (first: %s)", sc, ph.suffix, st.errors, st.firstError)
				}
				if len(st.took) == 0 {
					b.Errorf("%s%s: no requests made", sc, ph.suffix)
				}
			}
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(seeding.Seconds(), "s-seed")
}

// machineCPU is the whole machine's CPU time spent busy (every process: the API, PostgreSQL, the load
// generator) as /proc/stat counts it, and the wall time it was read at.
type machineCPU struct {
	busy time.Duration
	wall time.Duration
}

func readMachineCPU(b *testing.B) machineCPU {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		b.Fatal(err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line) // cpu user nice system idle iowait irq softirq steal ...
	var busy int64
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		if i != 3 && i != 4 && i < 7 { // user to softirq but idle and iowait; not steal; guest is in user already
			busy += n
		}
	}
	const userHz = 100 // USER_HZ on Linux
	return machineCPU{busy: time.Duration(busy) * time.Second / userHz, wall: time.Duration(time.Now().UnixNano())}
}

func (m machineCPU) since(start machineCPU) machineCPU {
	return machineCPU{busy: m.busy - start.busy, wall: m.wall - start.wall}
}

// largeOrgRoles are the roles of n clients: half recruiters, a tenth department heads, the rest reps.
func largeOrgRoles(n int) []string {
	roles := make([]string, n)
	for i := range roles {
		switch {
		case i < n/2:
			roles[i] = "recruiter"
		case i < n/2+n/10:
			roles[i] = "head"
		default:
			roles[i] = "rep"
		}
	}
	return roles
}

func mergeStats(into, from map[string]*screenStats) {
	for sc, st := range from {
		if into[sc] == nil {
			into[sc] = &screenStats{}
		}
		into[sc].took = append(into[sc].took, st.took...)
		into[sc].errors += st.errors
		if into[sc].firstError == "" {
			into[sc].firstError = st.firstError
		}
	}
}

// The screens the clients load; a candidate page is three requests, as the UI makes them on opening it.
const (
	screenBoard       = "board"
	screenApplication = "candidate"
	screenInterviews  = "candidate-interviews"
	screenOffers      = "candidate-offers"
	screenComparison  = "comparison"
	screenDashboard   = "dashboard"
	screenHiring      = "dashboard-hiring"
	// computed again (?fresh=1), in the one-client phase only
	screenDashboardFresh = "dashboard-fresh"
	screenHiringFresh    = "dashboard-hiring-fresh"
	screenHome           = "home"
	largeOrgRecruiters   = 50 // recruiters and department heads seeded to sign clients in (and reps: as many as clients)
	largeOrgHeads        = 10
)

var largeOrgScreens = []string{screenBoard, screenApplication, screenInterviews, screenOffers, screenComparison, screenDashboard, screenDashboardFresh,
	screenHiring, screenHiringFresh, screenHome}

type screenStats struct {
	took       []time.Duration
	errors     int
	firstError string
}

func (s *screenStats) percentile(p float64) float64 {
	if len(s.took) == 0 {
		return 0
	}
	slices.Sort(s.took)
	i := int(float64(len(s.took)-1) * p)
	return float64(s.took[i].Microseconds()) / 1000
}

// loadLargeOrg signs clients in with the roles given (each its own session: recruiters, department heads and
// reps) and lets them load their screens, each on random openings and applications, until the time is up,
// pausing think (give or take half) between pages. It returns the screens' figures and the machine's CPU
// time over the load (after the sign-ins).
func loadLargeOrg(b *testing.B, base string, org *largeOrg, roles []string, duration, think time.Duration) (map[string]*screenStats, machineCPU) {
	tr := &http.Transport{MaxIdleConns: 1000, MaxIdleConnsPerHost: 1000, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	clients := make([]*browser, len(roles))
	seen := map[string]int{}
	for i, role := range roles {
		var email string
		switch role {
		case "recruiter":
			email = org.recruiterEmails[seen[role]%len(org.recruiterEmails)]
		case "head":
			email = org.headEmails[seen[role]%len(org.headEmails)]
		default:
			email = org.repEmails[seen[role]%len(org.repEmails)]
		}
		seen[role]++
		clients[i] = newBrowser(b, base)
		clients[i].http.Transport = tr
		clients[i].login(email, pw)
	}
	began := readMachineCPU(b)
	deadline := time.Now().Add(duration)
	results := make([]map[string]*screenStats, len(clients))
	var wg sync.WaitGroup
	for i, br := range clients {
		results[i] = map[string]*screenStats{}
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano())))
			get := func(screen, path string) {
				st := results[i][screen]
				if st == nil {
					st = &screenStats{}
					results[i][screen] = st
				}
				t0 := time.Now()
				code, err := timedGet(br, path)
				st.took = append(st.took, time.Since(t0))
				if err != nil || code != http.StatusOK {
					st.errors++
					if st.firstError == "" {
						st.firstError = fmt.Sprintf("GET %s: %d %v", path, code, err)
					}
				}
			}
			if think > 0 { // the clients do not start in step
				time.Sleep(time.Duration(r.Int64N(int64(think))))
			}
			for n := 0; time.Now().Before(deadline); n++ {
				switch roles[i] {
				case "recruiter":
					o := org.openings[r.IntN(len(org.openings))]
					a := org.applications[r.IntN(len(org.applications))]
					switch n % 3 {
					case 0:
						get(screenBoard, fmt.Sprintf("/api/v1/openings/%d/applications", o))
					case 1:
						get(screenApplication, fmt.Sprintf("/api/v1/applications/%d", a))
						get(screenInterviews, fmt.Sprintf("/api/v1/applications/%d/interviews", a))
						get(screenOffers, fmt.Sprintf("/api/v1/applications/%d/offers", a))
					case 2:
						get(screenComparison, fmt.Sprintf("/api/v1/openings/%d/comparison", o))
					}
				case "head":
					// The dashboards keep their figures for BULLPEN_DASHBOARD_TTL; alone, the head also asks for
					// fresh ones (the Refresh button), which is their cost of computing.
					fresh := len(clients) == 1 && n%4 >= 2
					switch {
					case n%2 == 0 && fresh:
						get(screenDashboardFresh, "/api/v1/dashboard?fresh=1")
					case n%2 == 0:
						get(screenDashboard, "/api/v1/dashboard")
					case fresh:
						get(screenHiringFresh, "/api/v1/dashboard/hiring?fresh=1")
					default:
						get(screenHiring, "/api/v1/dashboard/hiring")
					}
				default:
					get(screenHome, "/api/v1/home")
				}
				if think > 0 {
					time.Sleep(think/2 + time.Duration(r.Int64N(int64(think))))
				}
			}
		})
	}
	wg.Wait()
	cpu := readMachineCPU(b).since(began)
	out := map[string]*screenStats{}
	for _, res := range results {
		mergeStats(out, res)
	}
	for _, sc := range largeOrgScreens {
		if out[sc] == nil {
			out[sc] = &screenStats{}
		}
	}
	return out, cpu
}

// timedGet reads path to the end with the client's session; it is safe from any goroutine.
func timedGet(br *browser, path string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, br.base+path, nil)
	if err != nil {
		return 0, err
	}
	res, err := br.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	_, err = io.Copy(io.Discard, res.Body)
	return res.StatusCode, err
}

// largeOrg is what seedLargeOrg made: the IDs the clients pick from and the rows it wrote.
type largeOrg struct {
	openings, applications, reps                         []int64
	recruiterEmails, headEmails, repEmails               []string
	events, interviews, accounts, activities, statements int
}

// orgSeeder writes a large organisation through one PostgreSQL connection with COPY.
type orgSeeder struct {
	b    *testing.B
	ctx  context.Context
	pc   *pgx.Conn
	size orgSize
	now  time.Time
	r    *rand.Rand
	hash string
	ids  map[string]int64 // the demo users, by e-mail
}

// seedLargeOrg fills the database with a large organisation: see BenchmarkLargeOrgLatency.
func seedLargeOrg(b *testing.B, ctx context.Context, db *store.DB, size orgSize) *largeOrg {
	sqlDB, err := db.Gorm().DB()
	if err != nil {
		b.Fatal(err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	// A cheap hash of the demo password for the seeded users: signing 100 clients in should not take minutes.
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		b.Fatal(err)
	}
	org := &largeOrg{}
	err = conn.Raw(func(dc any) error {
		s := &orgSeeder{b: b, ctx: ctx, pc: dc.(*stdlib.Conn).Conn(), size: size, now: time.Now().UTC(), r: rand.New(rand.NewPCG(1, 2)),
			hash: string(hash), ids: map[string]int64{}}
		s.seed(org)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := sqlDB.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return org
}

func (s *orgSeeder) copy(table string, cols []string, n int, row func(i int) []any) int {
	s.b.Helper()
	if n == 0 {
		return 0
	}
	got, err := s.pc.CopyFrom(s.ctx, pgx.Identifier{table}, cols, pgx.CopyFromSlice(n, func(i int) ([]any, error) { return row(i), nil }))
	if err != nil {
		s.b.Fatalf("copy into %s: %v", table, err)
	}
	return int(got)
}

// idsOf returns the IDs a query selects, in order.
func (s *orgSeeder) idsOf(query string, args ...any) []int64 {
	s.b.Helper()
	rows, err := s.pc.Query(s.ctx, query, args...)
	if err != nil {
		s.b.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		s.b.Fatal(err)
	}
	return ids
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}

var (
	firstNames = []string{"Arben", "Blerta", "Dritan", "Elona", "Fatmir", "Gresa", "Hana", "Ilir", "Jeta", "Kastriot", "Lira", "Mentor", "Nora",
		"Orges", "Pranvera", "Qendrim", "Rina", "Sokol", "Teuta", "Valon", "Zana", "Agon", "Besa", "Dafina"}
	lastNames = []string{"Hoxha", "Krasniqi", "Berisha", "Shala", "Gashi", "Morina", "Kelmendi", "Leka", "Dervishi", "Bytyqi", "Rexhepi",
		"Hasani", "Ahmeti", "Limani", "Mustafa", "Sylejmani"}
	seedSources = []models.Source{models.SourceApplyPage, models.SourceApplyPage, models.SourceJobBoard, models.SourceLinkedIn, models.SourceReferral,
		models.SourceImport, models.SourceRecruiter}
)

// stageMix is the share, in percent, of the applications standing in each stage (the hires come on top:
// one application in a hundred, one per rep).
var stageMix = []struct {
	stage models.Stage
	pct   int
}{
	{models.StageApplied, 25}, {models.StageQuestionnaire, 15}, {models.StageScreening, 12}, {models.StageFirstInterview, 8},
	{models.StageShortlist, 3}, {models.StageSecondInterview, 3}, {models.StageOffer, 2}, {models.StageRejected, 28}, {models.StageWithdrawn, 4},
}

// seedApp is one generated application.
type seedApp struct {
	opening, candidate int
	stage              models.Stage
	reached            int // index in models.Pipeline of the furthest stage it reached
	created, entered   time.Time
	score              *float64
}

func (s *orgSeeder) seed(org *largeOrg) {
	ctx, b, r, now := s.ctx, s.b, s.r, s.now
	for _, e := range []string{"admin@bullpen.demo", "head@bullpen.demo", "recruiter@bullpen.demo", "interviewer1@bullpen.demo",
		"interviewer2@bullpen.demo", "manager@bullpen.demo"} {
		var id int64
		if err := s.pc.QueryRow(ctx, "SELECT id FROM users WHERE email = $1", e).Scan(&id); err != nil {
			b.Fatalf("%s: %v", e, err)
		}
		s.ids[e] = id
	}
	recruiter, head, iv1, iv2 := s.ids["recruiter@bullpen.demo"], s.ids["head@bullpen.demo"], s.ids["interviewer1@bullpen.demo"], s.ids["interviewer2@bullpen.demo"]
	size := s.size
	start := models.MonthStart(now).AddDate(0, -size.Months, 0) // when the reps joined
	teams := (size.Reps + 7) / 8

	// Users: the reps, their managers, and more recruiters and department heads to sign the clients in.
	type seedUser struct{ email, name, roles string }
	var users []seedUser
	for i := range size.Reps {
		users = append(users, seedUser{fmt.Sprintf("lo-rep-%d@bullpen.bench", i), fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)],
			lastNames[i%len(lastNames)], i), ",sales_rep,"})
	}
	for i := 1; i < teams; i++ {
		users = append(users, seedUser{fmt.Sprintf("lo-manager-%d@bullpen.bench", i), fmt.Sprintf("Manager %d", i), ",sales_manager,"})
	}
	for i := range largeOrgRecruiters {
		users = append(users, seedUser{fmt.Sprintf("lo-recruiter-%d@bullpen.bench", i), fmt.Sprintf("Recruiter %d", i), ",recruiter,"})
	}
	for i := range largeOrgHeads {
		users = append(users, seedUser{fmt.Sprintf("lo-head-%d@bullpen.bench", i), fmt.Sprintf("Head %d", i), ",department_head,"})
	}
	s.copy("users", []string{"email", "name", "password_hash", "roles", "active", "created_at", "updated_at", "locale"}, len(users), func(i int) []any {
		return []any{users[i].email, users[i].name, s.hash, users[i].roles, true, start, start, "en"}
	})
	org.reps = s.idsOf("SELECT id FROM users WHERE email LIKE 'lo-rep-%' ORDER BY id")
	managers := append([]int64{s.ids["manager@bullpen.demo"]}, s.idsOf("SELECT id FROM users WHERE email LIKE 'lo-manager-%' ORDER BY id")...)
	for _, u := range users {
		switch {
		case strings.HasPrefix(u.email, "lo-recruiter-"):
			org.recruiterEmails = append(org.recruiterEmails, u.email)
		case strings.HasPrefix(u.email, "lo-head-"):
			org.headEmails = append(org.headEmails, u.email)
		case strings.HasPrefix(u.email, "lo-rep-") && len(org.repEmails) < size.Clients:
			org.repEmails = append(org.repEmails, u.email)
		}
	}

	// Openings, one recruiter's, interviewed by the two demo interviewers, one after another over the two years:
	// each takes applications for two months from when it opens.
	const window = 60 * 24 * time.Hour
	opens := func(k int) time.Time {
		return start.Add(now.Add(-30*24*time.Hour-window).Sub(start) * time.Duration(k) / time.Duration(size.Openings))
	}
	s.copy("openings", []string{"title", "role", "seats", "status", "created_at", "updated_at", "description", "recruiter_id", "interviewer_ids",
		"slate_size", "created_by"}, size.Openings, func(i int) []any {
		at := opens(i)
		return []any{fmt.Sprintf("LO Sales reps, wave %d", i+1), string(models.RoleSalesRep), 10, string(models.OpeningOpen), at, at,
			"Direct sales to small businesses in the region.", recruiter, mustJSON([]int64{iv1, iv2}), 3, head}
	})
	org.openings = s.idsOf("SELECT id FROM openings WHERE title LIKE 'LO %' ORDER BY id")

	// Candidates: one in ten applies to a second opening.
	nApps := size.Applications
	nCands := nApps * 9 / 10
	s.copy("candidates", []string{"email", "name", "phone", "location", "locale", "source", "consent_at", "created_at", "updated_at"}, nCands,
		func(i int) []any {
			at := now.AddDate(0, 0, -30-r.IntN(size.Months*30-60))
			return []any{fmt.Sprintf("lo-candidate-%d@example.com", i), fmt.Sprintf("%s %s", firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]),
				fmt.Sprintf("+355 69 %07d", i), "Tirana", []string{"sq", "en"}[i%2], string(seedSources[i%len(seedSources)]), at, at, at}
		})
	cands := s.idsOf("SELECT id FROM candidates WHERE email LIKE 'lo-candidate-%' ORDER BY id")

	// Applications across the stages, stored as they came in; one in a hundred hired (a rep each).
	apps := make([]seedApp, nApps)
	for i := range apps {
		a := &apps[i]
		a.candidate, a.opening = i, i%size.Openings
		if i >= nCands {
			a.candidate, a.opening = i-nCands, (i-nCands+size.Openings/2+1)%size.Openings
		}
		a.created = opens(a.opening).Add(time.Duration(r.Int64N(int64(window))))
	}
	slices.SortFunc(apps, func(x, y seedApp) int { return x.created.Compare(y.created) })
	hires := []int{}
	for i := range apps {
		a := &apps[i]
		if (i*7919)%100 == 7 && len(hires) < size.Reps {
			a.stage = models.StageHired
			hires = append(hires, i)
		} else {
			p := r.IntN(100)
			for _, m := range stageMix {
				if p < m.pct {
					a.stage = m.stage
					break
				}
				p -= m.pct
			}
		}
		switch a.stage {
		case models.StageRejected:
			a.reached = r.IntN(6)
		case models.StageWithdrawn:
			a.reached = r.IntN(4)
		default:
			a.reached = slices.Index(models.Pipeline, a.stage)
		}
		a.entered = a.created.Add(time.Duration(a.reached*48+r.IntN(24)) * time.Hour)
		if a.stage.Closed() && a.stage != models.StageHired {
			a.entered = a.entered.Add(24 * time.Hour)
		}
		if a.reached >= 2 {
			v := float64(50 + r.IntN(51))
			a.score = &v
		}
	}
	s.copy("applications", []string{"opening_id", "candidate_id", "stage", "source", "tags", "score_percent", "knocked_out", "questionnaire_status",
		"reason_code", "stage_entered_at", "first_contact_at", "created_at", "updated_at"}, nApps, func(i int) []any {
		a := apps[i]
		tags, status, reason := "[]", "", ""
		if i%7 == 0 {
			tags = `["bilingual"]`
		}
		switch {
		case a.reached >= 2:
			status = string(models.QuestionnaireSubmitted)
		case a.reached == 1:
			status = string(models.QuestionnaireSent)
		}
		switch a.stage {
		case models.StageRejected:
			reason = "not_a_fit"
		case models.StageWithdrawn:
			reason = "candidate_withdrew"
		}
		contact := a.created.Add(time.Duration(2+r.IntN(40)) * time.Hour)
		return []any{org.openings[a.opening], cands[a.candidate], string(a.stage), string(seedSources[i%len(seedSources)]), tags, a.score, false,
			status, reason, a.entered, contact, a.created, a.entered}
	})
	org.applications = s.idsOf("SELECT a.id FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.email LIKE 'lo-candidate-%' ORDER BY a.id")
	if len(org.applications) != nApps {
		b.Fatalf("%d applications stored, want %d", len(org.applications), nApps)
	}

	// The timeline: applied, each move, the closing move, now and then a note.
	type seedEvent struct {
		app               int
		kind              models.ApplicationEventKind
		from, to, code    string
		data, key, reason string
		at                time.Time
	}
	var events []seedEvent
	for i, a := range apps {
		events = append(events, seedEvent{app: i, kind: models.AppEventApplied, to: string(models.StageApplied), key: "applied", at: a.created, data: "{}"})
		for k := 1; k <= a.reached; k++ {
			events = append(events, seedEvent{app: i, kind: models.AppEventMoved, from: string(models.Pipeline[k-1]), to: string(models.Pipeline[k]),
				key: fmt.Sprintf("move-%d", k), at: a.created.Add(time.Duration(k*48) * time.Hour), data: "{}", reason: "Moving on."})
		}
		if a.stage == models.StageRejected || a.stage == models.StageWithdrawn {
			code := "not_a_fit"
			if a.stage == models.StageWithdrawn {
				code = "candidate_withdrew"
			}
			events = append(events, seedEvent{app: i, kind: models.AppEventMoved, from: string(models.Pipeline[a.reached]), to: string(a.stage),
				key: "close", code: code, at: a.entered, data: "{}", reason: "Closing."})
		}
		if i%3 == 0 {
			events = append(events, seedEvent{app: i, kind: models.AppEventNote, key: "note-1", at: a.created.Add(5 * time.Hour),
				data: `{"text":"Called: speaks Italian, can start next month."}`})
		}
	}
	org.events = s.copy("application_events", []string{"application_id", "kind", "from_stage", "to_stage", "actor_id", "reason", "reason_code",
		"data", "dedupe_key", "at"}, len(events), func(i int) []any {
		e := events[i]
		return []any{org.applications[e.app], string(e.kind), e.from, e.to, recruiter, e.reason, e.code, e.data, e.key, e.at}
	})

	// Interviews: a first round for everyone who reached it, a second for those who reached that, each with
	// the panel's scorecards (some still owed at the stage itself).
	rubric := models.DefaultRubric("en")
	var ratings []string
	for v := range 5 {
		var rs []models.Rating
		for k, c := range rubric.Competencies {
			rs = append(rs, models.Rating{CompetencyID: c.ID, Score: 1 + (v+k)%5, Evidence: "Held the price and asked good questions."})
		}
		ratings = append(ratings, mustJSON(rs))
	}
	type seedInterview struct {
		app    int
		kind   models.InterviewKind
		at     time.Time
		scored int // how many of the two interviewers have scored
	}
	var ivs []seedInterview
	for i, a := range apps {
		if a.reached >= 3 {
			scored := 2
			if a.stage == models.StageFirstInterview && r.IntN(10) < 4 {
				scored = r.IntN(2)
			}
			ivs = append(ivs, seedInterview{app: i, kind: models.InterviewFirst, at: a.created.Add(5*24*time.Hour + 10*time.Hour), scored: scored})
		}
		if a.reached >= 5 {
			scored := 2
			if a.stage == models.StageSecondInterview && r.IntN(2) == 0 {
				scored = 1
			}
			ivs = append(ivs, seedInterview{app: i, kind: models.InterviewSecond, at: a.created.Add(9*24*time.Hour + 14*time.Hour), scored: scored})
		}
	}
	org.interviews = s.copy("interviews", []string{"opening_id", "kind", "starts_at", "duration_minutes", "location", "status", "sequence",
		"organizer_id", "created_at", "updated_at"}, len(ivs), func(i int) []any {
		iv := ivs[i]
		return []any{org.openings[apps[iv.app].opening], string(iv.kind), iv.at, 60, "Office, Rruga e Kavajës", string(models.InterviewScheduled), 0,
			recruiter, iv.at.Add(-72 * time.Hour), iv.at.Add(-72 * time.Hour)}
	})
	ivIDs := s.idsOf("SELECT i.id FROM interviews i JOIN openings o ON o.id = i.opening_id WHERE o.title LIKE 'LO %' ORDER BY i.id")
	s.copy("interview_interviewers", []string{"interview_id", "user_id"}, 2*len(ivs), func(i int) []any {
		return []any{ivIDs[i/2], []int64{iv1, iv2}[i%2]}
	})
	s.copy("interview_candidates", []string{"interview_id", "application_id", "response", "responded_at"}, len(ivs), func(i int) []any {
		return []any{ivIDs[i], org.applications[ivs[i].app], "accepted", ivs[i].at.Add(-48 * time.Hour)}
	})
	type seedCard struct{ iv, by int }
	var cards []seedCard
	for i, iv := range ivs {
		for k := range iv.scored {
			cards = append(cards, seedCard{i, k})
		}
	}
	recs := []string{string(models.Yes), string(models.StrongYes), string(models.No), string(models.Yes)}
	s.copy("scorecards", []string{"interview_id", "application_id", "interviewer_id", "ratings", "recommendation", "notes", "submitted_at", "updated_at"},
		len(cards), func(i int) []any {
			c := cards[i]
			iv := ivs[c.iv]
			at := iv.at.Add(2 * time.Hour)
			return []any{ivIDs[c.iv], org.applications[iv.app], []int64{iv1, iv2}[c.by], ratings[(c.iv+c.by)%len(ratings)], recs[(c.iv+c.by)%len(recs)],
				"Confident on the phone; needs work on closing.", at, at}
		})

	// Offers: accepted for the hires, sent for those at the offer stage; the hires are the reps.
	plan := models.PayPlanLibrary[0].Plan
	planJSON := mustJSON(plan)
	var offered []int
	for i, a := range apps {
		if a.stage == models.StageOffer || a.stage == models.StageHired {
			offered = append(offered, i)
		}
	}
	s.copy("offers", []string{"application_id", "opening_id", "status", "start_date", "plan", "expires_days", "expires_at", "approvals_needed",
		"created_by", "created_at", "updated_at", "sent_at", "answered_at"}, len(offered), func(i int) []any {
		a := apps[offered[i]]
		at := a.entered.Add(-24 * time.Hour)
		status, answered := string(models.OfferSent), (*time.Time)(nil)
		if a.stage == models.StageHired {
			status, answered = string(models.OfferAccepted), &a.entered
		}
		return []any{org.applications[offered[i]], org.openings[a.opening], status, start, planJSON, 7, at.AddDate(0, 0, 7), 1, recruiter, at, at, at, answered}
	})
	offerOf := map[int64]int64{}
	rows, err := s.pc.Query(ctx, "SELECT application_id, id FROM offers WHERE opening_id IN (SELECT id FROM openings WHERE title LIKE 'LO %')")
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var a, o int64
		if err := rows.Scan(&a, &o); err != nil {
			b.Fatal(err)
		}
		offerOf[a] = o
	}
	rows.Close()
	s.copy("employees", []string{"user_id", "application_id", "opening_id", "offer_id", "role", "start_date", "plan", "invite_accepted_at", "created_at"},
		len(hires), func(i int) []any {
			appID := org.applications[hires[i]]
			return []any{org.reps[i], appID, org.openings[apps[hires[i]].opening], offerOf[appID], string(models.RoleSalesRep), start, planJSON, start, start}
		})
	employees := s.idsOf("SELECT e.id FROM employees e JOIN users u ON u.id = e.user_id WHERE u.email LIKE 'lo-rep-%' ORDER BY e.id")

	// Teams of eight with a weekly planning meeting; the demo manager leads the first.
	cadence := mustJSON(models.Cadence{Kind: "weekly", Weekday: 1, Hour: 9})
	s.copy("teams", []string{"name", "manager_id", "cadence", "created_at"}, teams, func(i int) []any {
		return []any{fmt.Sprintf("LO Team %03d", i+1), managers[i], cadence, start}
	})
	teamIDs := s.idsOf("SELECT id FROM teams WHERE name LIKE 'LO %' ORDER BY id")
	s.copy("team_members", []string{"team_id", "user_id"}, size.Reps, func(i int) []any { return []any{teamIDs[i/8], org.reps[i]} })
	monday := models.DayOf(now).AddDate(0, 0, -((int(now.Weekday()) + 6) % 7)).Add(9 * time.Hour)
	weeks := size.Months * 52 / 12
	s.copy("meetings", []string{"team_id", "at", "status", "missed", "created_at"}, teams*(weeks+1), func(i int) []any {
		t, w := i/(weeks+1), i%(weeks+1)
		at := monday.AddDate(0, 0, 7*(w-weeks+1)) // the last is next week's, still open
		status, missed := "held", "[]"
		if w == weeks {
			status = "open"
		} else if r.IntN(5) == 0 {
			missed = mustJSON([]int64{org.reps[min(t*8+r.IntN(8), size.Reps-1)]})
		}
		return []any{teamIDs[t], at, status, missed, at.AddDate(0, 0, -7)}
	})

	// Clients: fifty per rep.
	const perRep = 50
	org.accounts = s.copy("accounts", []string{"name", "name_key", "city", "industry", "owner_id", "owner_since", "created_by", "created_at", "updated_at"},
		size.Reps*perRep, func(i int) []any {
			name := fmt.Sprintf("LO %s %s %d", lastNames[i%len(lastNames)], []string{"Trading", "Market", "Bakery", "Hotel", "Pharmacy", "Garage"}[i%6], i)
			rep := org.reps[i/perRep]
			return []any{name, models.AccountKey(name), []string{"Tirana", "Durrës", "Shkodër", "Vlorë"}[i%4], []string{"retail", "food", "hospitality"}[i%3],
				rep, start, rep, start, start}
		})
	accounts := s.idsOf("SELECT id FROM accounts WHERE name LIKE 'LO %' ORDER BY id")

	// Two years of calls, client meetings and deals, in working hours; one rep in fifty has gone quiet.
	perRepActs := size.Activities / size.Reps
	span := now.Sub(start)
	kinds := []models.ActivityKind{models.ActivityCall, models.ActivityCall, models.ActivityCall, models.ActivityCall, models.ActivityCall,
		models.ActivityCall, models.ActivityCall, models.ActivityMeeting, models.ActivityMeeting, models.ActivityDealWon}
	type seedActivity struct {
		account, rep int64
		kind         models.ActivityKind
		at           time.Time
		amount       float64
		currency     string
	}
	acts := make([]seedActivity, size.Activities)
	for i := range acts {
		acts[i] = func() seedActivity {
			rep := min(i/perRepActs, size.Reps-1)
			at := start.Add(time.Duration(r.Int64N(int64(span))))
			if rep%50 == 49 && now.Sub(at) < 6*24*time.Hour {
				at = at.Add(-6 * 24 * time.Hour)
			}
			at = models.DayOf(at).Add(time.Duration(8*3600+r.IntN(10*3600)) * time.Second)
			if at.After(now) {
				at = at.AddDate(0, 0, -1)
			}
			kind := kinds[r.IntN(len(kinds))]
			if kind == models.ActivityDealWon && r.IntN(3) == 0 {
				kind = models.ActivityDealLost
			}
			amount, currency := 0.0, ""
			if kind == models.ActivityDealWon {
				amount, currency = float64(500+r.IntN(95)*100), "EUR"
			}
			return seedActivity{accounts[rep*perRep+r.IntN(perRep)], org.reps[rep], kind, at, amount, currency}
		}()
	}
	slices.SortFunc(acts, func(x, y seedActivity) int { return x.at.Compare(y.at) }) // logged as the work is done
	org.activities = s.copy("sales_activities", []string{"account_id", "rep_id", "kind", "at", "amount", "currency", "notes", "created_at"},
		size.Activities, func(i int) []any {
			a := acts[i]
			return []any{a.account, a.rep, string(a.kind), a.at, a.amount, a.currency, "", a.at}
		})

	// Each rep's plan for every month, and the closed months' pay statements.
	thisMonth := models.MonthStart(now)
	s.copy("monthly_plans", []string{"employee_id", "month", "meetings", "calls", "set_by", "updated_at"}, len(employees)*(size.Months+1), func(i int) []any {
		m := thisMonth.AddDate(0, -(i % (size.Months + 1)), 0)
		return []any{employees[i/(size.Months+1)], m, 8 + r.IntN(6), 30 + r.IntN(20), s.ids["manager@bullpen.demo"], m}
	})
	eval := models.EvaluateMonth(models.MonthlyPlan{Meetings: 10, Calls: 40}, models.MonthlyActuals{Meetings: 11, Calls: 38}, models.DefaultPlanRules, false)
	stmt := models.Statement(plan, 6, 4000, eval)
	evalJSON, stmtJSON := mustJSON(eval), mustJSON(stmt)
	org.statements = s.copy("pay_statements", []string{"employee_id", "month", "month_index", "currency", "evaluation", "statement", "total", "status",
		"approved_by", "approved_at", "created_at"}, len(employees)*size.Months, func(i int) []any {
		k := i%size.Months + 1 // month of employment
		m := start.AddDate(0, k-1, 0)
		closed := m.AddDate(0, 1, 2)
		return []any{employees[i/size.Months], m, k, stmt.Currency, evalJSON, stmtJSON, stmt.Total, "approved", head, closed, closed}
	})

	// Greeting calls: two a month per rep, most made on the day, some late, a few still open; and kudos.
	today := models.DayOf(now)
	perRepGreetings := size.Months*2 + 2
	s.copy("greetings", []string{"account_id", "occasion_key", "occasion_name", "occasion_name_sq", "theme", "day", "owner_id", "design", "call_done_at",
		"created_at"}, size.Reps*perRepGreetings, func(i int) []any {
		rep, k := i/perRepGreetings, i%perRepGreetings
		day := today.AddDate(0, 0, 7-k*15)
		var done *time.Time
		if day.Before(today) && r.IntN(20) != 0 {
			t := day.Add(time.Duration(9+r.IntN(30)) * time.Hour)
			done = &t
		}
		return []any{accounts[rep*perRep+k%perRep], fmt.Sprintf("birthday:%d", k), "Birthday", "Ditëlindje", "birthday", day, org.reps[rep], "balloons",
			done, day.AddDate(0, 0, -7)}
	})
	s.copy("kudos", []string{"from_id", "to_id", "message", "created_at"}, size.Reps*3, func(i int) []any {
		return []any{head, org.reps[i/3], "Great week!", now.AddDate(0, 0, -7*(i%3+1))}
	})
}

// explainLargeOrg prints the plans of the heaviest queries of the screens (BULLPEN_BENCH_EXPLAIN=1): each as
// it was, without migration 22's indexes, and as it is now.
func explainLargeOrg(b *testing.B, ctx context.Context, db *store.DB, org *largeOrg) {
	g := db.Gorm().WithContext(ctx)
	ids := make([]string, len(org.reps))
	for i, id := range org.reps {
		ids[i] = fmt.Sprint(id)
	}
	reps := strings.Join(ids, ", ")
	rep, opening := org.reps[len(org.reps)/2], org.openings[len(org.openings)/2]
	var accounts []string
	if err := g.Raw("SELECT id::text FROM accounts WHERE owner_id = ? ORDER BY name LIMIT 200", rep).Scan(&accounts).Error; err != nil {
		b.Fatal(err)
	}
	var openings []string
	if err := g.Raw("SELECT id::text FROM openings ORDER BY created_at DESC, id DESC LIMIT 50").Scan(&openings).Error; err != nil {
		b.Fatal(err)
	}
	now := time.Now().UTC()
	monthStart, tomorrow := models.MonthStart(now).Format(time.RFC3339), models.DayOf(now).AddDate(0, 0, 1).Format(time.RFC3339)
	since, nowS := now.Add(-store.IdleWindow).Format(time.RFC3339), now.Format(time.RFC3339)
	queries := []struct{ name, before, after string }{
		{"dashboard: the period's activity of every rep (ActivitiesOf, then ActivityTallies)",
			fmt.Sprintf(`SELECT rep_id, kind, at, amount, currency FROM sales_activities WHERE rep_id IN (%s) AND at >= '%s' AND at < '%s'`, reps, monthStart, tomorrow),
			fmt.Sprintf(`SELECT rep_id, CAST(at AT TIME ZONE 'UTC' AS DATE) AS day, kind, currency, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount FROM sales_activities WHERE rep_id IN (%s) AND at >= '%s' AND at < '%s' GROUP BY rep_id, CAST(at AT TIME ZONE 'UTC' AS DATE), kind, currency`, reps, monthStart, tomorrow)},
		{"dashboard: each rep's last work in 30 days (RepActivity)",
			fmt.Sprintf(`SELECT rep_id, at FROM sales_activities WHERE at >= '%s' AND at <= '%s'`, since, nowS),
			fmt.Sprintf(`SELECT rep_id, at FROM sales_activities WHERE id IN (SELECT (SELECT a.id FROM sales_activities a WHERE a.rep_id = u.id AND a.at >= '%s' AND a.at <= '%s' ORDER BY a.at DESC LIMIT 1) FROM users u WHERE u.id IN (%s))`, since, nowS, reps)},
		{"dashboard: the month's plans (PlansOfMonth, then PlansOfMonthByUser)",
			fmt.Sprintf(`SELECT * FROM monthly_plans WHERE month = '%s'`, models.MonthStart(now).Format(time.RFC3339)),
			fmt.Sprintf(`SELECT e.user_id, p.meetings, p.calls FROM monthly_plans AS p JOIN employees e ON e.id = p.employee_id WHERE p.month = '%s' ORDER BY e.id DESC`, models.MonthStart(now).Format(time.RFC3339))},
		{"home: the last work on each client (LastWorkOn)",
			fmt.Sprintf(`SELECT account_id, at FROM sales_activities WHERE rep_id = %d ORDER BY at`, rep),
			fmt.Sprintf(`SELECT account_id, at FROM sales_activities WHERE id IN (SELECT (SELECT a.id FROM sales_activities a WHERE a.rep_id = %d AND a.account_id = acc.id ORDER BY a.at DESC LIMIT 1) FROM accounts acc WHERE acc.id IN (%s))`, rep, strings.Join(accounts, ", "))},
		{"home: the rep's employee record (EmployeeOfUser)",
			fmt.Sprintf(`SELECT * FROM employees WHERE user_id = %d ORDER BY id DESC LIMIT 1`, rep),
			fmt.Sprintf(`SELECT * FROM employees WHERE user_id = %d ORDER BY id DESC LIMIT 1`, rep)},
		{"hiring dashboard: the funnels (Report's events, once per opening, then Funnels for fifty)",
			fmt.Sprintf(`SELECT application_id, to_stage, at FROM application_events WHERE kind IN ('applied', 'moved') AND application_id IN (SELECT id FROM applications WHERE opening_id = %d) ORDER BY application_id, at, id`, opening),
			fmt.Sprintf(`SELECT opening_id, to_stage, COUNT(*) AS n FROM (SELECT DISTINCT a.opening_id, e.application_id, e.to_stage FROM application_events AS e JOIN applications a ON a.id = e.application_id WHERE a.opening_id IN (%s) AND e.kind IN ('applied', 'moved')) AS s GROUP BY opening_id, to_stage`, strings.Join(openings, ", "))},
		{"board: an opening's applications",
			fmt.Sprintf(`SELECT * FROM applications WHERE opening_id = %d ORDER BY stage_entered_at, id LIMIT 1000`, opening),
			fmt.Sprintf(`SELECT * FROM applications WHERE opening_id = %d ORDER BY stage_entered_at, id LIMIT 1000`, opening)},
	}
	explain := func(q string) string {
		var lines []string
		if err := g.Raw("EXPLAIN (ANALYZE, BUFFERS) " + q).Scan(&lines).Error; err != nil {
			b.Fatalf("%s: %v", q, err)
		}
		return strings.Join(lines, "\n")
	}
	var v22 []struct{ Indexname, Indexdef string }
	if err := g.Raw(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('sales_activities_rep_account_idx', 'employees_user_idx',
		'team_members_user_idx', 'monthly_plans_month_idx', 'greetings_day_idx', 'pay_statements_month_index_idx', 'applications_opening_entered_idx')`).
		Scan(&v22).Error; err != nil {
		b.Fatal(err)
	}
	for _, ix := range v22 {
		g.Exec("DROP INDEX " + ix.Indexname)
	}
	before := make([]string, len(queries))
	for i, q := range queries {
		before[i] = explain(q.before)
	}
	for _, ix := range v22 {
		if err := g.Exec(ix.Indexdef).Error; err != nil {
			b.Fatal(err)
		}
	}
	g.Exec("ANALYZE")
	for i, q := range queries {
		fmt.Printf("\n== %s\n-- before\n%s\n-- after\n%s\n", q.name, before[i], explain(q.after))
	}
}

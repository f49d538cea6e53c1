package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
	"github.com/bullpen-hq/bullpen/store/storetest"
)

// matrixRoles are the columns of the authorisation matrix, by the letter the table below gives each: a fresh
// user with that one role, who owns nothing the demo made. The path parameters name the demo's objects, so
// every object is someone else's: another recruiter's opening and candidates, another rep's client, another
// team's people and pay, another user's notifications and tokens.
var matrixRoles = []struct {
	letter byte
	role   string
}{{'A', "admin"}, {'H', "department_head"}, {'R', "recruiter"}, {'I', "interviewer"}, {'M', "sales_manager"}, {'S', "sales_rep"}}

// authzMatrix says, for every operation of the OpenAPI document that needs a session, which roles it lets
// through (by letter; "" is nobody, as for another user's token). An operation missing here fails the test, so
// a new route is placed in the matrix when it is added. Let through means anything but 401, 403 and 404: the
// body the test sends is empty, so most writes then refuse it (400, 409, 415) without changing anything; a
// refusal must come before any look at the body.
var authzMatrix = map[string]string{
	"GET /accounts": "AHMS", "POST /accounts": "AHMS", "GET /accounts/{id}": "AHM", "PUT /accounts/{id}/care": "AHM",
	"POST /accounts/{id}/contacts": "AHM", "POST /accounts/import": "AH", "GET /activities": "AHMS", "POST /activities": "MS",

	"GET /applications/{id}": "AH", "GET /applications/{id}/cv": "AH", "GET /applications/{id}/interviews": "AH",
	"POST /applications/{id}/interviews": "AH", "POST /applications/{id}/moves": "AH", "POST /applications/{id}/notes": "AH",
	"GET /applications/{id}/offers": "AH", "POST /applications/{id}/offers": "AH", "POST /applications/{id}/questionnaire/resend": "AH",
	"PUT /applications/{id}/tags": "AH",

	"GET /audit": "A", "GET /calibration": "AHR", "PUT /contacts/{id}": "AHM",
	"GET /dashboard": "AHM", "GET /dashboard/hiring": "AHR", "GET /dashboard/reps.csv": "AHM",

	// Another team's people and pay: the fresh sales manager manages no team.
	"GET /employees": "AHM", "GET /employees/{id}": "AH", "POST /employees/{id}/excuses": "", "POST /employees/{id}/leave": "AH",
	"GET /employees/{id}/onboarding": "AH", "PUT /employees/{id}/plans/{month}": "AH", "POST /excuses/{id}/decision": "AH",

	"GET /greetings": "AHMS", "GET /greetings/{id}": "AHM", "PUT /greetings/{id}": "", "POST /greetings/{id}/call": "",
	"GET /greetings/{id}/preview": "AHM",
	"GET /handovers":              "AH", "POST /handovers": "AH", "GET /handovers/{id}": "AH", "PUT /handovers/{id}": "AH",
	"POST /handovers/{id}/approve": "H",
	"GET /home":                    "MS",
	"GET /imports/{id}":            "AH",

	"GET /interviews/{id}": "AH", "PUT /interviews/{id}": "AH", "POST /interviews/{id}/cancel": "AH", "POST /interviews/{id}/excuse": "AH",
	"GET /interviews/{id}/kit": "AH", "GET /interviews/{id}/scorecards": "AH", "POST /interviews/{id}/scorecards": "",
	"PUT /interviews/{id}/scorecards": "",

	"GET /kudos": "AHRIMS", "POST /kudos": "AHM",
	"GET /me": "AHRIMS", "PATCH /me": "AHRIMS", "GET /me/interviews": "AHRIMS", "POST /me/password": "AHRIMS",
	"GET /me/tokens": "AHRIMS", "POST /me/tokens": "MS", "DELETE /me/tokens/{id}": "",
	"GET /meetings/{id}": "AH", "POST /meetings/{id}/reports": "",
	"GET /notifications": "AHRIMS", "POST /notifications/{id}/read": "",
	"GET /occasions": "AHMS", "POST /occasions": "A", "DELETE /occasions/{id}": "A",

	"GET /offers": "AHRIMS", "GET /offers/{id}": "AH", "PUT /offers/{id}": "AH", "POST /offers/{id}/decision": "AH",
	"POST /offers/{id}/withdraw":       "AH",
	"POST /onboarding-tasks/{id}/done": "AH",

	"GET /openings": "AHRIM", "POST /openings": "AHR", "GET /openings/{id}": "AHRIM", "PUT /openings/{id}": "AH",
	"GET /openings/{id}/applications": "AH", "POST /openings/{id}/applications": "AH", "GET /openings/{id}/comparison": "AH",
	"POST /openings/{id}/decision": "H", "GET /openings/{id}/imports": "AH", "POST /openings/{id}/imports": "AH",
	"POST /openings/{id}/imports/preview": "AH", "POST /openings/{id}/interviews": "AH", "POST /openings/{id}/shortlist": "AH",

	"GET /outbox":    "A",
	"GET /pay-plans": "AHR", "POST /pay-plans": "A", "PUT /pay-plans/{id}": "A", "POST /pay-plans/preview": "AHR",
	"GET /pay-statements": "AHRIMS", "GET /pay-statements.csv": "AH", "POST /pay-statements/approve": "H",
	"GET /questionnaire-templates": "AHR", "POST /questionnaire-templates": "AHR", "PUT /questionnaire-templates/{id}": "AHR",
	"GET /rejection-reasons": "AHRIM", "GET /reports/pipeline": "AHR", "GET /reports/pipeline.csv": "AHR",
	"GET /sales-people": "AHM",
	"GET /scenarios":    "AHRI", "POST /scenarios": "AR", "GET /scenarios/{id}": "AHRI", "PUT /scenarios/{id}": "AR",
	"POST /sizing/preview": "AHRIMS",
	"GET /staffing-plans":  "AHR", "POST /staffing-plans": "AHR", "GET /staffing-plans/{id}": "AHR", "PUT /staffing-plans/{id}": "",
	"POST /staffing-plans/{id}/decision": "H",
	"GET /team":                          "AHR", "GET /teams": "AHRIMS", "POST /teams": "AH", "GET /teams/{id}": "AH", "PUT /teams/{id}/cadence": "AH",
	"GET /users": "A", "POST /users": "A", "PATCH /users/{id}": "A",
}

// TestAuthorizationMatrix sends every operation of the OpenAPI document that needs a session as each of the six
// roles, on objects owned by someone else, and checks that exactly the combinations of authzMatrix get through,
// and that no refusal changes anything. It then checks the object-level and property-level rules the grid
// cannot show by itself: the same objects let their owners in, an interviewer does not read a colleague's
// scorecard before submitting their own, a rep reads their own pay and nobody else's.
func TestAuthorizationMatrix(t *testing.T) {
	app := startApp(t, storetest.PostgresURL(t), t.TempDir(), freeAddr(t), nil) // the deployment's database
	defer app.Close()
	admin := newBrowser(t, app.URL())
	admin.login("admin@bullpen.demo", pw)
	users := map[byte]*browser{}
	for _, r := range matrixRoles {
		email := "matrix." + r.role + "@bullpen.demo"
		if code := admin.do("POST", "/api/v1/users", map[string]any{"email": email, "name": "Matrix " + r.role,
			"password": "matrix-password-1", "roles": []string{r.role}}, nil); code != 201 {
			t.Fatalf("user %s: %d", r.role, code)
		}
		b := newBrowser(t, app.URL())
		b.login(email, "matrix-password-1")
		users[r.letter] = b
	}
	ids := matrixObjects(t, app, admin)
	// The owners first, while the objects are as the demo left them (the grid's handover approval, for one,
	// hands the demo rep's clients on).
	matrixOwners(t, app, ids, users['S'])
	// Lists cut to what the caller may see: another recruiter's offers, another team's reps' work.
	var offers struct {
		Items []json.RawMessage `json:"items"`
	}
	if code := users['R'].do("GET", "/api/v1/offers", nil, &offers); code != 200 || len(offers.Items) != 0 {
		t.Errorf("a recruiter lists another recruiter's offers: %d, %d offers", code, len(offers.Items))
	}
	demoRecruiter := newBrowser(t, app.URL())
	demoRecruiter.login("recruiter@bullpen.demo", pw)
	if code := demoRecruiter.do("GET", "/api/v1/offers", nil, &offers); code != 200 || len(offers.Items) == 0 {
		t.Errorf("the demo recruiter lists their openings' offers: %d, %d offers", code, len(offers.Items))
	}
	var rep1 int64
	app.DB.Gorm().Raw("SELECT id FROM users WHERE email = 'rep1@bullpen.demo'").Scan(&rep1)
	for _, path := range []string{"/api/v1/activities?rep=%d", "/api/v1/greetings?owner=%d"} {
		if code := users['M'].do("GET", fmt.Sprintf(path, rep1), nil, nil); code != 403 {
			t.Errorf("a sales manager of no team reads %s: %d", fmt.Sprintf(path, rep1), code)
		}
	}

	send := func(b *browser, method, path string) (int, string) {
		code, p := sendEmpty(t, app.URL(), b, method, path)
		return code, p.Detail
	}
	let := func(code int) bool { return code != 401 && code != 403 && code != 404 }

	seen := map[string]bool{}
	cells, allowed := 0, 0
	for _, op := range apiOperations(t, admin) {
		if !op.session || op.path == "/api/v1/session" { // signing out is every user's, and would end the test's sessions
			continue
		}
		key := op.method + " " + op.template
		seen[key] = true
		want, ok := authzMatrix[key]
		if !ok {
			t.Errorf("%s is not in the authorisation matrix: say which roles it lets through", key)
			continue
		}
		path := ids.fill(op.template)
		// The refusals first, on objects as the demo left them; then the roles let through, whose requests may
		// change them (a cancelled interview answers the next role 409, still past the authorisation).
		order := slices.Clone(matrixRoles)
		slices.SortStableFunc(order, func(a, b struct {
			letter byte
			role   string
		}) int {
			return btoi(strings.IndexByte(want, a.letter) >= 0) - btoi(strings.IndexByte(want, b.letter) >= 0)
		})
		for _, r := range order {
			before := auditCount(t, app)
			code, detail := send(users[r.letter], op.method, path)
			cells++
			switch through := strings.IndexByte(want, r.letter) >= 0; {
			case code >= 500:
				t.Errorf("%s as %s: %d %s", key, r.role, code, detail)
			case through && !let(code):
				t.Errorf("%s as %s: %d %q; the matrix lets %s through", key, r.role, code, detail, r.role)
			case !through && let(code):
				t.Errorf("%s as %s: %d; the matrix refuses %s", key, r.role, code, r.role)
			case !through && auditCount(t, app) != before:
				t.Errorf("%s as %s: refused with %d, but wrote to the audit log", key, r.role, code)
			case through:
				allowed++
			}
		}
	}
	for key := range authzMatrix {
		if !seen[key] {
			t.Errorf("the matrix names %s, which the OpenAPI document does not have", key)
		}
	}
	t.Logf("%d operations × %d roles: %d cells, %d let through, %d refused", len(seen), len(matrixRoles), cells, allowed, cells-allowed)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// matrixIDs are the objects the matrix acts on, each someone else's: the path template's resource names which.
type matrixIDs struct {
	byResource map[string]int64
	opening    int64 // the demo recruiter's opening
	account    int64 // a demo rep's client
	employee   int64 // a rep in the demo manager's team
	cvApp      int64 // an application with a CV, in the demo recruiter's opening
}

// fill writes the IDs into a path template: /openings/{id}/applications → /api/v1/openings/7/applications.
func (m matrixIDs) fill(template string) string {
	resource, _, _ := strings.Cut(strings.TrimPrefix(template, "/"), "/")
	id := int64(1)
	if v, ok := m.byResource[resource]; ok {
		id = v
	}
	if template == "/applications/{id}/cv" {
		id = m.cvApp
	}
	path := strings.ReplaceAll(template, "{id}", fmt.Sprint(id))
	path = strings.ReplaceAll(path, "{month}", "2026-11")
	return "/api/v1" + path
}

// matrixObjects finds the demo's objects, and makes the ones it lacks (an import, a handover, a company occasion,
// a rep's token, an application with a CV), owned by the demo's people.
func matrixObjects(t *testing.T, app *App, admin *browser) matrixIDs {
	t.Helper()
	db := app.DB.Gorm()
	one := func(query string, args ...any) int64 {
		var id int64
		if err := db.Raw(query, args...).Scan(&id).Error; err != nil || id == 0 {
			t.Fatalf("%s: %d %v", query, id, err)
		}
		return id
	}
	m := matrixIDs{byResource: map[string]int64{}}
	recruiter := one("SELECT id FROM users WHERE email = 'recruiter@bullpen.demo'")
	rep := one("SELECT id FROM users WHERE email = 'rep1@bullpen.demo'")
	manager := one("SELECT id FROM users WHERE email = 'manager@bullpen.demo'")
	// The demo's openings filled before Bullpen ran their pipeline have no recruiter; they become the demo
	// recruiter's, so that their offers are another recruiter's too.
	if err := db.Exec("UPDATE openings SET recruiter_id = ? WHERE recruiter_id IS NULL", recruiter).Error; err != nil {
		t.Fatal(err)
	}
	m.opening = one("SELECT MIN(id) FROM openings WHERE recruiter_id = ? AND status = 'open'", recruiter)
	m.account = one("SELECT MIN(id) FROM accounts WHERE owner_id = ?", rep)
	m.employee = one(`SELECT MIN(e.id) FROM employees e JOIN team_members tm ON tm.user_id = e.user_id
		JOIN teams t ON t.id = tm.team_id WHERE t.manager_id = ?`, manager)
	m.byResource["openings"] = m.opening
	m.byResource["applications"] = one("SELECT MIN(id) FROM applications WHERE opening_id = ?", m.opening)
	m.byResource["interviews"] = one(`SELECT MIN(i.id) FROM interviews i JOIN interview_candidates ic ON ic.interview_id = i.id
		JOIN applications a ON a.id = ic.application_id WHERE a.opening_id = ?`, m.opening)
	m.byResource["offers"] = one("SELECT MIN(id) FROM offers")
	m.byResource["accounts"] = m.account
	m.byResource["contacts"] = one("SELECT MIN(id) FROM contacts WHERE account_id = ?", m.account)
	m.byResource["employees"] = m.employee
	m.byResource["excuses"] = one("SELECT MIN(id) FROM excuses WHERE employee_id = ?", m.employee)
	m.byResource["onboarding-tasks"] = one("SELECT MIN(id) FROM onboarding_tasks WHERE employee_id = ?", m.employee)
	m.byResource["greetings"] = one("SELECT MIN(id) FROM greetings WHERE owner_id = ?", rep)
	m.byResource["notifications"] = one("SELECT MIN(id) FROM notifications WHERE user_id = ?", recruiter)

	m.byResource["imports"] = importCSV(t, admin, m.opening, "name,email\nMatrix Person,matrix.person@example.com\n",
		map[string]string{"name": "name", "email": "email"}).ID
	var h struct{ ID int64 }
	if code := admin.do("POST", "/api/v1/handovers", map[string]any{"from_user_id": rep, "reason": "Covering a leave"}, &h); code != 201 {
		t.Fatalf("handover: %d", code)
	}
	m.byResource["handovers"] = h.ID
	var occ struct{ ID int64 }
	if code := admin.do("POST", "/api/v1/occasions", map[string]any{"name": "Founders' day", "name_sq": "Dita e themeluesve", "date": "2027-06-01", "yearly": true}, &occ); code != 201 {
		t.Fatalf("occasion: %d", code)
	}
	m.byResource["occasions"] = occ.ID
	rep1 := newBrowser(t, app.URL())
	rep1.login("rep1@bullpen.demo", pw)
	var tok struct{ ID int64 }
	if code := rep1.do("POST", "/api/v1/me/tokens", map[string]any{"name": "calendar"}, &tok); code != 201 {
		t.Fatalf("token: %d", code)
	}
	m.byResource["me"] = tok.ID
	var applied struct{ ID int64 }
	if code := (&browser{t: t, base: app.URL(), http: http.DefaultClient}).form(fmt.Sprintf("/api/v1/public/openings/%d/applications", m.opening),
		map[string]string{"name": "Matrix Applicant", "email": "matrix.applicant@example.com", "consent": "true"},
		map[string][2]string{"cv": {"cv.pdf", "%PDF-1.4\n% a CV\n"}}, &applied); code != 201 {
		t.Fatalf("apply: %d", code)
	}
	m.cvApp = one("SELECT a.id FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE c.email = 'matrix.applicant@example.com'")
	for _, s := range []string{"teams", "meetings"} {
		m.byResource[s] = one("SELECT MIN(id) FROM " + s)
	}
	return m
}

// matrixOwners checks that the objects the matrix refused to strangers let their own people in, and the rules
// within an object: a panel member does not see a colleague's scorecard before submitting theirs; a rep sees
// their own pay and nobody else's.
func matrixOwners(t *testing.T, app *App, ids matrixIDs, otherRep *browser) {
	as := func(email string) *browser {
		b := newBrowser(t, app.URL())
		b.login(email, pw)
		return b
	}
	for _, c := range []struct{ email, path string }{
		{"recruiter@bullpen.demo", fmt.Sprintf("/api/v1/openings/%d/applications", ids.opening)},
		{"recruiter@bullpen.demo", fmt.Sprintf("/api/v1/applications/%d", ids.byResource["applications"])},
		{"rep1@bullpen.demo", fmt.Sprintf("/api/v1/accounts/%d", ids.account)},
		{"manager@bullpen.demo", fmt.Sprintf("/api/v1/employees/%d", ids.employee)},
		{"manager@bullpen.demo", fmt.Sprintf("/api/v1/employees/%d/onboarding", ids.employee)},
	} {
		var p struct{ Detail string }
		if code := as(c.email).do("GET", c.path, nil, &p); code != 200 {
			t.Errorf("%s, its owner, GET %s: %d %s", c.email, c.path, code, p.Detail)
		}
	}

	// The panel member who still owes a scorecard sees that others exist, not what they say.
	for _, email := range []string{"interviewer1@bullpen.demo", "interviewer2@bullpen.demo"} {
		iv := as(email)
		var mine struct {
			Items []struct {
				ID   int64   `json:"id"`
				Owed []int64 `json:"owed"`
			} `json:"items"`
		}
		iv.do("GET", "/api/v1/me/interviews", nil, &mine)
		for _, it := range mine.Items {
			for _, appID := range it.Owed {
				var cards struct {
					Hidden bool              `json:"hidden"`
					Others []json.RawMessage `json:"others"`
				}
				code := iv.do("GET", fmt.Sprintf("/api/v1/interviews/%d/scorecards?application_id=%d", it.ID, appID), nil, &cards)
				if code != 200 || !cards.Hidden || len(cards.Others) != 0 {
					t.Errorf("%s, owing a scorecard for application %d, reads the others': %d %+v", email, appID, code, cards)
				}
			}
		}
	}

	// Salary expectations: a private question of the questionnaire. The recruiter reads the answer; an interviewer
	// on the opening's panel reads the other answers, not that one, nor the question.
	salary := 1500.0
	if err := app.DB.SaveResponse(context.Background(), store.QuestionnaireResponse{ApplicationID: ids.cvApp, Questionnaire: demoQuestionnaire,
		Answers: []models.Answer{{QuestionID: "experience", OptionIDs: []string{"years"}}, {QuestionID: "salary", Number: &salary}},
		Score:   models.Score{Percent: 70, Passed: true}, Locale: "en", SubmittedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		email string
		sees  bool
	}{{"recruiter@bullpen.demo", true}, {"interviewer1@bullpen.demo", false}} {
		var a struct {
			Questionnaire struct {
				Questionnaire models.Questionnaire `json:"questionnaire"`
				Answers       []models.Answer      `json:"answers"`
			} `json:"questionnaire"`
		}
		if code := as(c.email).do("GET", fmt.Sprintf("/api/v1/applications/%d", ids.cvApp), nil, &a); code != 200 {
			t.Fatalf("%s reads the application: %d", c.email, code)
		}
		asked := slices.ContainsFunc(a.Questionnaire.Questionnaire.Questions, func(q models.Question) bool { return q.ID == "salary" })
		answered := slices.ContainsFunc(a.Questionnaire.Answers, func(x models.Answer) bool { return x.QuestionID == "salary" })
		if asked != c.sees || answered != c.sees || len(a.Questionnaire.Answers) == 0 {
			t.Errorf("%s: salary question shown %v, answer shown %v, %d answers; want the salary shown %v",
				c.email, asked, answered, len(a.Questionnaire.Answers), c.sees)
		}
	}

	// A rep's pay: the demo rep reads their own plan and statements; another rep reads neither.
	for _, c := range []struct {
		who  string
		rep  *browser
		mine bool
	}{{"rep1", as("rep1@bullpen.demo"), true}, {"another rep", otherRep, false}} {
		var me struct{ User struct{ ID int64 } }
		c.rep.do("GET", "/api/v1/me", nil, &me)
		var st struct {
			Items []struct {
				Employee struct{ ID int64 } `json:"employee"`
			} `json:"items"`
		}
		if code := c.rep.do("GET", "/api/v1/pay-statements?month=2026-10", nil, &st); code != 200 {
			t.Errorf("%s's statements: %d", c.who, code)
		}
		for _, s := range st.Items {
			if s.Employee.ID != me.User.ID {
				t.Errorf("%s reads the pay statement of user %d", c.who, s.Employee.ID)
			}
		}
		if code := c.rep.do("GET", fmt.Sprintf("/api/v1/employees/%d", ids.employee), nil, nil); (code == 200) != c.mine {
			t.Errorf("%s reads rep1's plan and pay: %d", c.who, code)
		}
	}
}

package main

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// pageOut is one page of a list endpoint.
type pageOut struct {
	Items []struct {
		ID int64 `json:"id"`
	} `json:"items"`
	Total      *int64 `json:"total"`
	NextOffset *int   `json:"next_offset"`
}

// walkPages reads path page by page, size items at a time, following next_offset, and checks each page
// against the whole list read at once: the pages partition it in order, without overlap or gap, total is
// right on every page, and next_offset ends on the last page. Workflows write some of these lists in the
// background (the audit log, notifications); a walk during which the total moves is walked again.
func walkPages(t *testing.T, b *browser, path string, size int) []int64 {
	t.Helper()
	for range 20 {
		if ids, ok := walkOnce(t, b, path, size); ok {
			return ids
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("GET %s: the list kept changing while it was walked", path)
	return nil
}

// walkOnce is one walk of walkPages; ok is false when the list grew meanwhile.
func walkOnce(t *testing.T, b *browser, path string, size int) (ids []int64, ok bool) {
	t.Helper()
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	var whole pageOut
	if code := b.do("GET", fmt.Sprintf("%s%slimit=500", path, sep), nil, &whole); code != 200 || whole.Total == nil {
		t.Fatalf("GET %s (all): %d, total %v", path, code, whole.Total)
	}
	if int(*whole.Total) != len(whole.Items) || whole.NextOffset != nil {
		t.Fatalf("GET %s (all): %d items, total %d, next %v", path, len(whole.Items), *whole.Total, whole.NextOffset)
	}
	seen := map[int64]bool{}
	offset, pages := 0, 0
	for {
		var p pageOut
		if code := b.do("GET", fmt.Sprintf("%s%slimit=%d&offset=%d", path, sep, size, offset), nil, &p); code != 200 || p.Total == nil {
			t.Fatalf("GET %s offset %d: %d, total %v", path, offset, code, p.Total)
		}
		pages++
		if *p.Total != *whole.Total {
			return nil, false
		}
		if len(p.Items) > size || (len(p.Items) < size && p.NextOffset != nil) {
			t.Fatalf("GET %s offset %d: %d items with next %v", path, offset, len(p.Items), p.NextOffset)
		}
		for i, it := range p.Items {
			if seen[it.ID] {
				t.Fatalf("GET %s offset %d: item %d on two pages", path, offset, it.ID)
			}
			seen[it.ID] = true
			if want := whole.Items[offset+i].ID; it.ID != want {
				t.Fatalf("GET %s offset %d: item %d is %d; the whole list has %d there", path, offset, i, it.ID, want)
			}
			ids = append(ids, it.ID)
		}
		if p.NextOffset == nil {
			break
		}
		if *p.NextOffset != offset+len(p.Items) {
			t.Fatalf("GET %s offset %d: next_offset %d after %d items", path, offset, *p.NextOffset, len(p.Items))
		}
		offset = *p.NextOffset
	}
	if len(ids) != len(whole.Items) {
		t.Fatalf("GET %s: the pages hold %d items; the whole list %d", path, len(ids), len(whole.Items))
	}
	if want := (len(whole.Items) + size - 1) / size; pages != max(want, 1) {
		t.Fatalf("GET %s: %d pages of %d for %d items", path, pages, size, len(whole.Items))
	}
	// Past the end: no items, the same total, no next page.
	var past pageOut
	if code := b.do("GET", fmt.Sprintf("%s%soffset=%d", path, sep, len(whole.Items)+5), nil, &past); code != 200 || past.Total == nil {
		t.Fatalf("GET %s past the end: %d", path, code)
	}
	if *past.Total != *whole.Total {
		return nil, false
	}
	if len(past.Items) != 0 || past.NextOffset != nil {
		t.Fatalf("GET %s past the end: %d items, next %v", path, len(past.Items), past.NextOffset)
	}
	return ids, true
}

// TestListsArePaginated walks representative lists of each kind page by page, on each database, and checks
// that a bad limit or offset is refused naming the field.
func TestListsArePaginated(t *testing.T) {
	eachDatabase(t, func(t *testing.T, app *App) {
		admin, head, rec, rep := newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL()), newBrowser(t, app.URL())
		admin.login("admin@bullpen.demo", pw)
		head.login("head@bullpen.demo", pw)
		rec.login("recruiter@bullpen.demo", pw)
		rep.login("rep1@bullpen.demo", pw)

		// More plans and clients than a page of two, so that every list below spans several pages.
		for i := range 3 {
			if code := rec.do("POST", "/api/v1/staffing-plans", planBody(fmt.Sprintf("Paged team %d", i), 60000), nil); code != 201 {
				t.Fatalf("plan %d: %d", i, code)
			}
			if code := rep.do("POST", "/api/v1/accounts", map[string]any{"name": fmt.Sprintf("Paged Client %d", i), "city": "Tiranë"}, nil); code != 201 {
				t.Fatalf("account %d: %d", i, code)
			}
		}

		// Kudos for the rep, more than a page of two.
		var repMe struct {
			User struct {
				ID int64 `json:"id"`
			} `json:"user"`
		}
		if code := rep.do("GET", "/api/v1/me", nil, &repMe); code != 200 {
			t.Fatalf("me: %d", code)
		}
		for i := range 3 {
			if code := head.do("POST", "/api/v1/kudos", map[string]any{"to_user_id": repMe.User.ID, "message": fmt.Sprintf("Paged kudos %d", i)}, nil); code != 201 {
				t.Fatalf("kudos %d: %d", i, code)
			}
		}

		lists := []struct {
			who  *browser
			path string
			min  int
		}{
			{admin, "/api/v1/users", 4},
			{admin, "/api/v1/audit", 3},
			{admin, "/api/v1/audit?object_type=staffing_plan", 3},
			{head, "/api/v1/staffing-plans", 3},
			{rec, "/api/v1/staffing-plans?mine=true", 3},
			{head, "/api/v1/openings", 0},
			{rep, "/api/v1/accounts", 3},
			{rep, "/api/v1/accounts?q=paged", 3},
			{rep, "/api/v1/activities", 0},
			{rep, "/api/v1/greetings", 0},
			{head, "/api/v1/notifications", 0},
			{admin, "/api/v1/outbox", 0},
			{head, "/api/v1/offers", 0},
			{head, "/api/v1/handovers", 0},
			{head, "/api/v1/employees", 0},
			{head, "/api/v1/pay-statements", 0},
			{rep, "/api/v1/pay-statements", 0},
			{rep, "/api/v1/kudos", 3},
			{head, fmt.Sprintf("/api/v1/kudos?to=%d", repMe.User.ID), 3},
		}
		for _, l := range lists {
			ids := walkPages(t, l.who, l.path, 2)
			if len(ids) < l.min {
				t.Errorf("GET %s: %d items; want at least %d to span pages", l.path, len(ids), l.min)
			}
		}
		var mine pageOut
		rec.do("GET", "/api/v1/staffing-plans?mine=true&limit=1", nil, &mine)
		if len(mine.Items) != 1 || mine.NextOffset == nil || *mine.NextOffset != 1 || *mine.Total < 3 {
			t.Errorf("first page of one: %+v", mine)
		}

		// The board pages the same way, with its own larger bounds.
		var openings pageOut
		head.do("GET", "/api/v1/openings?limit=500", nil, &openings)
		for _, o := range openings.Items {
			path := fmt.Sprintf("/api/v1/openings/%d/applications", o.ID)
			var board pageOut
			if code := head.do("GET", path+"?limit=5000", nil, &board); code != 200 || board.Total == nil || int(*board.Total) != len(board.Items) {
				t.Fatalf("GET %s?limit=5000: %d, %+v", path, code, board)
			}
			if len(board.Items) > 2 {
				walkPages(t, head, path, 2)
			}
			walkPages(t, head, fmt.Sprintf("/api/v1/openings/%d/imports", o.ID), 2)
			if len(board.Items) > 0 {
				walkPages(t, head, fmt.Sprintf("/api/v1/applications/%d/offers", board.Items[0].ID), 2)
			}
		}
		var p problem
		if code := head.do("GET", fmt.Sprintf("/api/v1/openings/%d/applications?limit=5001&offset=x", openings.Items[0].ID), nil, &p); code != 400 ||
			strings.Join(p.fields(), ",") != "limit,offset" {
			t.Errorf("board with a bad page: %d %v", code, p.fields())
		}

		bad := []struct {
			who   *browser
			path  string
			field []string
		}{
			{admin, "/api/v1/users?limit=0", []string{"limit"}},
			{admin, "/api/v1/users?limit=501", []string{"limit"}},
			{admin, "/api/v1/users?limit=ten", []string{"limit"}},
			{admin, "/api/v1/users?offset=-1", []string{"offset"}},
			{admin, "/api/v1/outbox?offset=1.5", []string{"offset"}},
			{admin, "/api/v1/audit?object_id=abc&limit=0", []string{"limit", "object_id"}},
			{head, "/api/v1/staffing-plans?status=maybe&offset=-2", []string{"status", "offset"}},
			{head, "/api/v1/openings?limit=1000", []string{"limit"}},
			{rep, "/api/v1/accounts?owner=someone&limit=-1", []string{"owner", "limit"}},
			{rep, "/api/v1/activities?limit=", nil}, // an empty value is the default
			{rep, "/api/v1/greetings?offset=no", []string{"offset"}},
			{head, "/api/v1/offers?awaiting=me&limit=0", []string{"limit"}},
			{head, "/api/v1/handovers?limit=9999", []string{"limit"}},
			{head, "/api/v1/notifications?offset=-1", []string{"offset"}},
			{head, "/api/v1/employees?limit=0", []string{"limit"}},
			{head, "/api/v1/pay-statements?month=13&offset=-1", []string{"month", "offset"}},
			{rep, "/api/v1/kudos?to=x&limit=501", []string{"to", "limit"}},
		}
		for _, b := range bad {
			var p problem
			code := b.who.do("GET", b.path, nil, &p)
			if b.field == nil {
				if code != 200 {
					t.Errorf("GET %s: %d", b.path, code)
				}
				continue
			}
			if code != 400 || strings.Join(p.fields(), ",") != strings.Join(b.field, ",") {
				t.Errorf("GET %s: %d naming %v; want 400 naming %v", b.path, code, p.fields(), b.field)
			}
		}
	})
}

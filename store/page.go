package store

import "gorm.io/gorm"

// MaxPageLimit caps every page a list endpoint reads; a Page without a Limit reads this many, so that even the
// lists that are small by nature (teams, scenarios, pay plan templates) never read an unbounded result.
const MaxPageLimit = 500

// Page is one page of a list: at most Limit rows, after skipping Offset of them, in the list's order. The zero
// Page is the first MaxPageLimit rows.
type Page struct {
	Limit  int
	Offset int
}

// Apply limits q, ordered with the id as its last key so that pages never overlap nor skip a row, to the page.
func (p Page) Apply(q *gorm.DB) *gorm.DB {
	return q.Limit(p.limit()).Offset(max(p.Offset, 0))
}

func (p Page) limit() int {
	if p.Limit <= 0 || p.Limit > MaxPageLimit {
		return MaxPageLimit
	}
	return p.Limit
}

// Next is the offset of the page after this one, which read n rows of total, or nil when this page is the last.
func (p Page) Next(n int, total int64) *int {
	next := max(p.Offset, 0) + n
	if n == 0 || int64(next) >= total {
		return nil
	}
	return &next
}

// findPage reads the page p of the rows q matches into dest, in order (which must end with the id), and counts
// every row q matches. q carries only the filters: no order, no preloads (preload names the associations to
// load with the page's rows).
func findPage[R any](q *gorm.DB, order string, p Page, dest *[]R, preload ...string) (int64, error) {
	q = q.Session(&gorm.Session{}) // each read below starts from the filters alone
	var total int64
	if err := q.Model(new(R)).Count(&total).Error; err != nil {
		return 0, err
	}
	if total <= int64(max(p.Offset, 0)) {
		*dest = []R{}
		return total, nil
	}
	read := q.Order(order)
	for _, name := range preload {
		read = read.Preload(name)
	}
	return total, p.Apply(read).Find(dest).Error
}

package api

import (
	"fmt"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/bullpen-hq/bullpen/models"
	"github.com/bullpen-hq/bullpen/store"
)

// Every list endpoint pages the same way: ?limit= (1 to maxPageLimit, defaultPageLimit when absent) and ?offset=
// (0 or more) choose the page; the answer carries the page's items, how many match in all (total) and where
// the next page starts (next_offset, absent on the last page). The store applies the page in SQL.
const (
	defaultPageLimit = 100
	maxPageLimit     = store.MaxPageLimit
)

// pageParams documents ?limit= and ?offset= on a route.
func pageParams(params ...queryParam) []queryParam {
	return append(params,
		queryParam{"limit", fmt.Sprintf("at most this many items (1-%d, default %d); total says how many match", maxPageLimit, defaultPageLimit)},
		queryParam{"offset", "skip this many items first (default 0); next_offset is the next page's, absent on the last page"})
}

// pageQuery reads ?limit= (1 to most, def when absent) and ?offset= (0 or more), naming each field at fault.
func pageQuery(c *gin.Context, def, most int) (store.Page, []models.FieldError) {
	p := store.Page{Limit: def}
	var fields []models.FieldError
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > most {
			fields = append(fields, models.FieldError{Field: "limit", Message: fmt.Sprintf("must be a whole number from 1 to %d", most)})
		}
		p.Limit = n
	}
	if v := c.Query("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			fields = append(fields, models.FieldError{Field: "offset", Message: "must be a whole number, 0 or more"})
		}
		p.Offset = n
	}
	return p, fields
}

// page reads the usual ?limit= and ?offset=; a bad value is answered with a problem naming it (and ok false).
// A handler with other query fields to check uses pageQuery and reports every field at fault at once.
func (s *Server) page(c *gin.Context) (store.Page, bool) {
	p, fields := pageQuery(c, defaultPageLimit, maxPageLimit)
	if len(fields) > 0 {
		s.fail(c, models.Invalid(fields...))
		return p, false
	}
	return p, true
}

// pageOf shows a page of a collection with show, with how many match in all and where the next page starts.
func pageOf[M, J any](items []M, show func(M) J, p store.Page, total int64) list[J] {
	return paged(listOf(items, show), p, total)
}

// paged adds to a page of items how many match in all and where the next page starts.
func paged[J any](l list[J], p store.Page, total int64) list[J] {
	if l.Items == nil {
		l.Items = []J{}
	}
	l.Total, l.NextOffset = &total, p.Next(len(l.Items), total)
	return l
}

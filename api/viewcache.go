package api

import (
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// viewCache keeps the answers of the expensive read-only screens (the dashboards) for a short while, as
// sales dashboards do (Salesforce's show when they were last refreshed). A department head who opens the
// dashboard twice in a minute, or ten managers who open theirs at nine, cost the database once per key and
// period; the answer says when it was computed, and ?fresh=1 computes it again. Keys carry whatever decides
// what the caller may see (their user ID for the sales dashboard), never only the query.
type viewCache struct {
	ttl time.Duration
	mu  sync.Mutex
	m   map[string]cachedView
}

type cachedView struct {
	at  time.Time
	val any
}

// viewCacheMax bounds the cache; past it, expired answers are dropped, then all if need be.
const viewCacheMax = 2000

func newViewCache(ttl time.Duration) *viewCache {
	return &viewCache{ttl: ttl, m: map[string]cachedView{}}
}

// get returns the answer kept for key if younger than the cache's time to live, and when it was computed.
func (vc *viewCache) get(key string, now time.Time) (any, time.Time, bool) {
	if vc.ttl <= 0 {
		return nil, time.Time{}, false
	}
	vc.mu.Lock()
	defer vc.mu.Unlock()
	v, ok := vc.m[key]
	if !ok || now.Sub(v.at) >= vc.ttl || now.Before(v.at) {
		return nil, time.Time{}, false
	}
	return v.val, v.at, true
}

// put keeps val, computed at at, for key.
func (vc *viewCache) put(key string, at time.Time, val any) {
	if vc.ttl <= 0 {
		return
	}
	vc.mu.Lock()
	defer vc.mu.Unlock()
	if len(vc.m) >= viewCacheMax {
		for k, v := range vc.m {
			if at.Sub(v.at) >= vc.ttl {
				delete(vc.m, k)
			}
		}
		if len(vc.m) >= viewCacheMax {
			clear(vc.m)
		}
	}
	vc.m[key] = cachedView{at: at, val: val}
}

// serveView answers with the view kept for key, unless it is older than the cache's time to live or the caller
// asks for ?fresh=1; then compute makes it, stamped with asOf, and it is kept and answered. compute answers
// the problem itself when it fails.
func (s *Server) serveView(c *gin.Context, key string, compute func(asOf time.Time) (any, bool)) {
	now := s.now()
	if c.Query("fresh") == "" {
		if out, _, ok := s.views.get(key, now); ok {
			c.JSON(http.StatusOK, out)
			return
		}
	}
	if out, ok := compute(now.UTC()); ok {
		s.views.put(key, now, out)
		c.JSON(http.StatusOK, out)
	}
}

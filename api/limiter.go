package api

import (
	"sync"
	"time"
)

// ipLimiter allows each client address a number of sign-in attempts per window, in this process. It bounds
// the bcrypt work one client can cause, across all e-mails; the per-e-mail lockout (in the database, shared by
// every replica) bounds the guesses at one account.
type ipLimiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	seen   map[string][]time.Time
	sweep  time.Time
}

func newIPLimiter(limit int, window time.Duration) *ipLimiter {
	return &ipLimiter{limit: limit, window: window, seen: map[string][]time.Time{}}
}

// allow records an attempt from ip at now and reports whether it is within the limit, and if not, how long
// until it would be.
func (l *ipLimiter) allow(ip string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	cutoff := now.Add(-l.window)
	if now.Sub(l.sweep) > l.window { // forget idle addresses now and then
		for k, ts := range l.seen {
			if len(ts) == 0 || ts[len(ts)-1].Before(cutoff) {
				delete(l.seen, k)
			}
		}
		l.sweep = now
	}
	ts := l.seen[ip]
	i := 0
	for i < len(ts) && ts[i].Before(cutoff) {
		i++
	}
	ts = ts[i:]
	if len(ts) >= l.limit {
		l.seen[ip] = ts
		return false, ts[0].Add(l.window).Sub(now)
	}
	l.seen[ip] = append(ts, now)
	return true, 0
}

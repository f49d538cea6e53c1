package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// recoverer turns a panic in a handler into a logged 500 problem; the process keeps serving.
func (s *Server) recoverer() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.ErrorContext(c, "panic", "method", c.Request.Method, "path", c.Request.URL.Path, "panic", r)
				s.problem(c, http.StatusInternalServerError, "Internal error", "Something went wrong on our side; it has been logged.")
			}
		}()
		c.Next()
	}
}

// logRequests logs each API request with its status, duration and user.
func (s *Server) logRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		if c.Request.URL.Path == "/healthz" || c.Request.URL.Path == "/readyz" {
			return
		}
		attrs := []any{"method", c.Request.Method, "path", c.Request.URL.Path, "status", c.Writer.Status(),
			"duration_ms", time.Since(start).Milliseconds()}
		if u := currentUser(c); u != nil {
			attrs = append(attrs, "user_id", u.ID)
		}
		s.log.DebugContext(context.WithoutCancel(c), "request", attrs...)
	}
}

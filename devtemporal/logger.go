package devtemporal

import (
	"context"
	"log/slog"
	"sync/atomic"

	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
)

// logger passes the Temporal server's logs to slog. The server is chatty at info level; only warnings and
// errors are passed on, tagged component=temporal.
// While the server stops, its internal pollers complain of closed connections; those are not news.
type logger struct {
	log      *slog.Logger
	stopping *atomic.Bool
}

func newLogger(l *slog.Logger, stopping *atomic.Bool) log.Logger {
	return &logger{log: l.With("component", "temporal"), stopping: stopping}
}

func (l *logger) emit(level slog.Level, msg string, tags []tag.Tag) {
	if level < slog.LevelWarn || l.stopping.Load() || !l.log.Enabled(context.Background(), level) {
		return
	}
	attrs := make([]any, 0, 2*len(tags))
	for _, t := range tags {
		attrs = append(attrs, t.Key(), t.Value())
	}
	l.log.Log(context.Background(), level, msg, attrs...)
}

func (l *logger) Debug(msg string, tags ...tag.Tag)  { l.emit(slog.LevelDebug, msg, tags) }
func (l *logger) Info(msg string, tags ...tag.Tag)   { l.emit(slog.LevelInfo, msg, tags) }
func (l *logger) Warn(msg string, tags ...tag.Tag)   { l.emit(slog.LevelWarn, msg, tags) }
func (l *logger) Error(msg string, tags ...tag.Tag)  { l.emit(slog.LevelError, msg, tags) }
func (l *logger) DPanic(msg string, tags ...tag.Tag) { l.emit(slog.LevelError, msg, tags) }
func (l *logger) Panic(msg string, tags ...tag.Tag)  { l.emit(slog.LevelError, msg, tags); panic(msg) }
func (l *logger) Fatal(msg string, tags ...tag.Tag)  { l.emit(slog.LevelError, msg, tags); panic(msg) }

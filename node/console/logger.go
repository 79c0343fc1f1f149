package console

import (
	"context"
	"log/slog"
)

// log hands a line to Options.Logger as one record: console.debug and
// console.trace at Debug, console.warn at Warn, console.error and a
// failed console.assert at Error, and everything else at Info (Warn for
// the console's own warnings on stderr).
func (c *console) log(toStderr bool, s string) {
	level := slog.LevelInfo
	switch c.method {
	case "debug", "trace":
		level = slog.LevelDebug
	case "warn":
		level = slog.LevelWarn
	case "error", "assert":
		level = slog.LevelError
	default:
		if toStderr {
			level = slog.LevelWarn
		}
	}
	c.opts.Logger.LogAttrs(context.Background(), level, s, c.opts.Attrs...)
}

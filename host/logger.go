package host

import (
	"log/slog"

	"github.com/jsrun/jsrun/internal/engine"
)

// WithLogger sends the console of every runtime to l instead of stdout
// and stderr: each line console writes becomes one record, formatted by
// the console's own inspect (uncoloured), at the level of its method:
// console.debug (and console.trace) at Debug, console.log and
// console.info at Info, console.warn at Warn, console.error (and a failed
// console.assert) at Error. Every record carries the attributes
// "thread" (main, or thread N) and "script" (the main script's name: its
// path, or <eval>). process.stdout.write still writes to WithStdout. l
// must not be nil.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) {
		if l == nil {
			o.fail("WithLogger(nil): leave it out to keep console on stdout and stderr")
			return
		}
		o.logger = l
	}
}

// logAttrs are the attributes of r's log records.
func logAttrs(r *engine.Runtime) []slog.Attr {
	if r == nil {
		return nil
	}
	return []slog.Attr{slog.String("thread", r.Name), slog.String("script", r.ScriptName())}
}

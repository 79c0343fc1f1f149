package host

import (
	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/node/console"
)

// The console of every runtime is node/console's, writing through one
// Printer per host so that lines from different runtimes never tear.
// Colours follow Node's rule for a stream: it is a terminal (the embedder
// says so with WithTerminal: the host never looks at the streams it is
// given) and the host's environment (WithEnv, or the process's) does not
// turn them off.

// consoleOptions decides the colours of the host's two streams.
func consoleOptions(o *options, env []envVar) console.Options {
	on := colorsAllowed(env)
	return console.Options{ColorStdout: on && o.stdoutTerminal, ColorStderr: on && o.stderrTerminal}
}

// colorsAllowed is Node's reading of the environment for a terminal:
// FORCE_COLOR decides when set (any value but "0" or "false" forces them
// on); otherwise NO_COLOR or NODE_DISABLE_COLORS set, or TERM=dumb, turns
// them off.
func colorsAllowed(env []envVar) bool {
	get := func(name string) (string, bool) {
		for _, kv := range env {
			if kv.name == name {
				return kv.value, true
			}
		}
		return "", false
	}
	if v, ok := get("FORCE_COLOR"); ok {
		return v != "0" && v != "false"
	}
	if _, ok := get("NO_COLOR"); ok {
		return false
	}
	if _, ok := get("NODE_DISABLE_COLORS"); ok {
		return false
	}
	term, _ := get("TERM")
	return term != "dumb"
}

// WithTerminal tells the host that its stdout and stderr are terminals,
// as a command line tool finds with isatty: console then colours what it
// inspects on that stream, as Node does, unless the environment says not
// to (NO_COLOR, NODE_DISABLE_COLORS, TERM=dumb; FORCE_COLOR forces them
// on for a terminal), and process.stdout.isTTY / process.stderr.isTTY are
// true. By default neither is a terminal: no colours.
func WithTerminal(stdout, stderr bool) Option {
	return func(o *options) { o.stdoutTerminal, o.stderrTerminal = stdout, stderr }
}

// consoleOf is the console object of rt, made on first use: the global
// console and require("console") are one object, as in Node.
func (h *Host) consoleOf(rt *goja.Runtime) *goja.Object {
	return h.consoleFor(rt, h.runtimes.of(rt))
}

// consoleFor is consoleOf for the runtime r (nil when unknown), whose
// name and script a logger's records carry.
func (h *Host) consoleFor(rt *goja.Runtime, r *engine.Runtime) *goja.Object {
	return perRuntime(rt, consoleKey, func() *goja.Object {
		opts := h.consoleOpts
		if h.opts.logger != nil {
			opts.Logger, opts.Attrs = h.opts.logger, logAttrs(r)
		}
		return console.New(rt, h.printer, opts)
	})
}

var consoleKey = goja.NewSymbol("jsrun.console")

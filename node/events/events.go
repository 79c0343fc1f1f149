// Package events is Node's events module: EventEmitter (with 'error'
// semantics, once wrappers, newListener/removeListener events and the
// max-listeners warning), events.once (also for EventTarget, with an
// AbortSignal), getEventListeners, setMaxListeners and addAbortListener.
// It is written in JavaScript (events.js). events.on (an async iterator)
// and EventEmitterAsyncResource are not provided.
package events

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
)

//go:embed events.js
var eventsJS string

var source = jsmod.New("node:events", eventsJS)

// Warn prints a process warning (name is its kind, such as
// MaxListenersExceededWarning); Node prints them on stderr.
type Warn func(rt *goja.Runtime, name, message string)

// StderrWarn prints a warning on the process's stderr, as Node does.
func StderrWarn(_ *goja.Runtime, name, message string) {
	fmt.Fprintf(os.Stderr, "(jsrun:%d) %s: %s\n", os.Getpid(), name, message)
}

// Loader is the loader of "events" (and "node:events"). loop gives a
// runtime's event loop (for the AbortSignals once takes), warn prints
// warnings (StderrWarn if nil), inspect formats values in messages.
func Loader(loop func(*goja.Runtime) *eventloop.Loop, warn Warn, inspect jsmod.Inspector) require.ModuleLoader {
	if warn == nil {
		warn = StderrWarn
	}
	return func(rt *goja.Runtime, module *goja.Object) {
		signals, err := abort.For(rt, loop(rt))
		if err != nil {
			panic(err)
		}
		natives := jsmod.Natives(rt, inspect)
		set := func(name string, f func(goja.FunctionCall) goja.Value) {
			_ = natives.Set(name, jsutil.Func(rt, name, f))
		}
		set("isSignal", func(c goja.FunctionCall) goja.Value { return rt.ToValue(signals.IsSignal(c.Argument(0))) })
		set("isTarget", func(c goja.FunctionCall) goja.Value { return rt.ToValue(signals.IsTarget(c.Argument(0))) })
		set("targetListeners", func(c goja.FunctionCall) goja.Value {
			v, err := signals.TargetListeners(c.Argument(0), c.Argument(1))
			if err != nil {
				panic(err)
			}
			return v
		})
		set("warn", func(c goja.FunctionCall) goja.Value {
			warn(rt, c.Argument(0).String(), c.Argument(1).String())
			return goja.Undefined()
		})
		exports := rt.NewObject()
		source.MustLoad(rt, exports, natives)
		_ = module.Set("exports", exports.Get("EventEmitter"))
	}
}

// Package timers is Node's timers/promises: setTimeout and setImmediate
// that return promises, optionally aborted by an AbortSignal, and
// scheduler.wait/yield. The promises wait on the runtime's event loop
// (eventloop.Loop.Timer), in order with the script's own timers; a
// setTimeout with {ref: false} does not keep the loop alive. setInterval
// (an async iterator) is not provided: goja has no for await.
package timers

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
)

//go:embed promises.js
var promisesJS string

var source = jsmod.New("node:timers/promises", promisesJS)

// Promises is the loader of "timers/promises" (and its node: name). loop
// gives a runtime's event loop; inspect formats values in messages.
func Promises(loop func(*goja.Runtime) *eventloop.Loop, inspect jsmod.Inspector) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		l := loop(rt)
		signals, err := abort.For(rt, l)
		if err != nil {
			panic(err)
		}
		natives := jsmod.Natives(rt, inspect)
		set := func(name string, f func(goja.FunctionCall) goja.Value) {
			_ = natives.Set(name, jsutil.Func(rt, name, f))
		}
		canceller := func(cancel func()) goja.Value {
			return jsutil.Func(rt, "cancel", func(goja.FunctionCall) goja.Value {
				cancel()
				return goja.Undefined()
			})
		}
		set("isSignal", func(c goja.FunctionCall) goja.Value { return rt.ToValue(signals.IsSignal(c.Argument(0))) })
		set("timer", func(c goja.FunctionCall) goja.Value {
			d := time.Duration(c.Argument(0).ToFloat() * float64(time.Millisecond))
			fn, _ := goja.AssertFunction(c.Argument(2))
			return canceller(l.Timer(d, c.Argument(1).ToBoolean(), func() error {
				_, err := fn(goja.Undefined())
				return err
			}))
		})
		set("immediate", func(c goja.FunctionCall) goja.Value {
			fn, _ := goja.AssertFunction(c.Argument(0))
			return canceller(l.Immediate(func() error {
				_, err := fn(goja.Undefined())
				return err
			}))
		})
		source.MustLoad(rt, module.Get("exports").(*goja.Object), natives)
	}
}

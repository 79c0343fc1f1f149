// Package abort gives every jsrun runtime Node's AbortController and
// AbortSignal, with the minimal Event, EventTarget and DOMException they
// need, and lets Go code make, abort and watch signals: node re-exports
// the classes as globals, and threads (a peer of node, so the classes
// live here) reads signals passed to its own APIs.
//
// The classes are written in JavaScript (abort.js, compiled once per
// process) and built in a runtime on the first For; Go reaches a signal's
// state through functions that stay private to this package. Errors
// thrown by listeners are reported as uncaught after the current task, as
// Node does; AbortSignal.timeout's timer does not keep the loop alive, as
// in Node.
package abort

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
)

//go:embed abort.js
var abortJS string

var source = jsmod.New("node:internal/abort_controller", abortJS)

// key holds a runtime's API on its global object, under a symbol no
// script can name (Object.getOwnPropertySymbols(globalThis) lists it).
var key = goja.NewSymbol("jsrun.abort")

// Classes names the globals the package defines, in the order Install
// takes them.
var Classes = []string{"AbortController", "AbortSignal", "Event", "EventTarget", "DOMException"}

// holder keeps an API on the global object with nothing a script can
// call: goja shows a Go value's exported fields and methods.
type holder struct{ api *API }

// API is the classes of one runtime and the Go view of its signals. It
// belongs to the runtime's goroutine.
type API struct {
	rt      *goja.Runtime
	exports *goja.Object

	isSignal, create, abort, state, onAbort, listeners, isTarget, domException goja.Callable
}

// For returns rt's API, building the classes on the first call. loop runs
// AbortSignal.timeout's timers and reports errors thrown by listeners;
// only the first call's loop is used. It makes no global.
func For(rt *goja.Runtime, loop *eventloop.Loop) (*API, error) {
	if v := rt.GlobalObject().GetSymbol(key); v != nil {
		if h, ok := v.Export().(*holder); ok {
			return h.api, nil
		}
	}
	a := &API{rt: rt, exports: rt.NewObject()}
	natives := jsmod.Natives(rt, nil) // inspect only formats a null-prototype object in a message
	start := time.Now()
	_ = natives.Set("now", jsutil.Func(rt, "now", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(float64(time.Since(start).Nanoseconds()) / 1e6)
	}))
	_ = natives.Set("timer", jsutil.Func(rt, "timer", func(c goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(c.Argument(1))
		d := time.Duration(c.Argument(0).ToFloat() * float64(time.Millisecond))
		loop.Timer(d, false, func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		return goja.Undefined()
	}))
	throw, _ := goja.AssertFunction(mustRun(rt, "(function (e) { throw e; })"))
	_ = natives.Set("report", jsutil.Func(rt, "report", func(c goja.FunctionCall) goja.Value {
		err := c.Argument(0)
		loop.Immediate(func() error {
			_, e := throw(goja.Undefined(), err)
			return e
		})
		return goja.Undefined()
	}))
	if err := source.Load(rt, a.exports, natives); err != nil {
		return nil, err
	}
	in := a.exports.Get("internals").ToObject(rt)
	_ = a.exports.Delete("internals")
	fn := func(name string) goja.Callable {
		f, _ := goja.AssertFunction(in.Get(name))
		return f
	}
	a.isSignal, a.create, a.abort, a.state = fn("isSignal"), fn("create"), fn("abort"), fn("state")
	a.onAbort, a.listeners, a.isTarget, a.domException = fn("onAbort"), fn("targetListeners"), fn("isTarget"), fn("domException")
	if err := rt.GlobalObject().DefineDataPropertySymbol(key, rt.ToValue(&holder{a}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return a, nil
}

func mustRun(rt *goja.Runtime, src string) goja.Value {
	v, err := rt.RunString(src)
	if err != nil {
		panic(err)
	}
	return v
}

// Class returns the class called name (one of Classes).
func (a *API) Class(name string) goja.Value { return a.exports.Get(name) }

// Install sets the global name (one of Classes) in a's runtime.
func (a *API) Install(name string) error { return a.rt.GlobalObject().Set(name, a.exports.Get(name)) }

// NewSignal makes a signal, not aborted, and the function that aborts it
// (with reason; undefined gives the DOMException AbortError, as
// AbortController.abort does). Aborting runs the signal's listeners at
// once, on the runtime's goroutine.
func (a *API) NewSignal() (signal *goja.Object, abort func(reason goja.Value) error) {
	v, err := a.create(goja.Undefined())
	if err != nil {
		panic(err) // making a signal runs no script code
	}
	signal = v.ToObject(a.rt)
	return signal, func(reason goja.Value) error {
		_, err := a.abort(goja.Undefined(), signal, reason)
		return err
	}
}

// IsSignal tells whether v is an AbortSignal of this runtime.
func (a *API) IsSignal(v goja.Value) bool {
	r, err := a.isSignal(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}

// Aborted tells whether signal (an AbortSignal: see IsSignal) is aborted,
// and why. Anything else reads as not aborted.
func (a *API) Aborted(signal goja.Value) (aborted bool, reason goja.Value) {
	v, err := a.state(goja.Undefined(), signal)
	if err != nil {
		return false, goja.Undefined()
	}
	o := v.ToObject(a.rt)
	return o.Get("0").ToBoolean(), o.Get("1")
}

// OnAbort calls fn with the reason once signal aborts, on the runtime's
// goroutine, after the listeners added before it. remove cancels that; it
// does nothing after fn ran. A JavaScript exception fn panics with is
// reported as uncaught, as a listener's is.
func (a *API) OnAbort(signal *goja.Object, fn func(reason goja.Value)) (remove func(), err error) {
	listener := jsutil.Func(a.rt, "onAbort", func(c goja.FunctionCall) goja.Value {
		fn(c.Argument(0))
		return goja.Undefined()
	})
	r, err := a.onAbort(goja.Undefined(), signal, listener)
	if err != nil {
		return nil, err
	}
	undo, _ := goja.AssertFunction(r)
	return func() { _, _ = undo(goja.Undefined()) }, nil
}

// Listeners counts signal's listeners for "abort" (a test sees with it
// that an API removed what it added).
func (a *API) Listeners(signal *goja.Object) int {
	v, err := a.TargetListeners(signal, a.rt.ToValue("abort"))
	if err != nil {
		return 0
	}
	return int(v.ToObject(a.rt).Get("length").ToInteger())
}

// TargetListeners is an array of the listeners of type that target (an
// EventTarget) has, for events.getEventListeners.
func (a *API) TargetListeners(target, typ goja.Value) (goja.Value, error) {
	return a.listeners(goja.Undefined(), target, typ)
}

// IsTarget tells whether v is an EventTarget of this runtime.
func (a *API) IsTarget(v goja.Value) bool {
	r, err := a.isTarget(goja.Undefined(), v)
	return err == nil && r.ToBoolean()
}

// DOMException makes a DOMException named name (AbortError, TimeoutError,
// ...) with message, as Node's own errors are.
func (a *API) DOMException(message, name string) *goja.Object {
	v, err := a.domException(goja.Undefined(), a.rt.ToValue(message), a.rt.ToValue(name))
	if err != nil {
		panic(err) // the constructor runs no script code
	}
	return v.ToObject(a.rt)
}

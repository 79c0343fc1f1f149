package engine

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// promiseView is a thread's ThreadPromise in one runtime. The thread is
// shared; the view, its Promise and the value rebuilt from the outcome
// belong to that runtime.
//
// The JavaScript object is made lazily real: it inherits Promise.prototype
// (so `instanceof Promise`, `await`, `Promise.all` and the rest work as for
// any thenable of that class), and its own then, catch and finally make the
// native Promise behind it on first use. Most threads are joined with get()
// and never need one, and a native Promise with its resolving functions is
// a good part of what a thread costs (about 3 µs). A thread that fails
// while nobody has looked at it gets its Promise then, rejected, so that
// the rejection is reported as unhandled exactly as a native one would be.
//
// One thread's promise may be held in many runtimes (it travels by
// reference), and it is one promise: its rejection is unhandled only if no
// holder handles it. The view made by the threads.run or Pool.submit that
// started the thread (the owner) reports it, when the outcome reaches its
// runtime, unless a holder has handled it by then (thread.handled). A view
// that arrived by reference never reports the thread's rejection; what its
// runtime builds on it (q.then(f) without a handler) is its own promise,
// reported there as usual.
type promiseView struct {
	t       *thread
	lib     *library
	owner   bool // made where the thread was started: reports its rejection
	obj     *goja.Object
	promise *goja.Promise // the native Promise, once made
	resolve func(any) error
	reject  func(any) error

	delivered bool // the outcome has reached this runtime's loop
	restored  bool
	value     goja.Value
	thrown    bool
	observed  bool // get() or wait() has thrown the error: not an unhandled rejection
	// restoreFailed: the thread fulfilled, but its value could not be
	// rebuilt here. That failure is this runtime's own, reported here.
	restoreFailed bool
}

// installPromiseProto makes ThreadPromise.prototype: Promise.prototype plus
// get, wait and cancel, and then, catch and finally that go through the
// view's native Promise.
func (lib *library) installPromiseProto() {
	rt := lib.r.RT
	proto := rt.NewObject()
	promiseProto := rt.Get("Promise").ToObject(rt).Get("prototype").ToObject(rt)
	_ = proto.SetPrototype(promiseProto)
	// Not Promise: goja's PromiseResolve (behind await and Promise.resolve)
	// takes an object whose constructor is Promise for a native promise
	// without checking, so a ThreadPromise must be seen as a thenable.
	_ = proto.DefineDataProperty("constructor", goja.Undefined(), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = proto.Set("get", jsutil.Func(rt, "get", func(c goja.FunctionCall) goja.Value {
		v := lib.viewOf(c.This, "get")
		v.awaitWith("ThreadPromise.get", c.Argument(0))
		return v.result()
	}))
	_ = proto.Set("wait", jsutil.Func(rt, "wait", func(c goja.FunctionCall) goja.Value {
		v := lib.viewOf(c.This, "wait")
		v.awaitWith("ThreadPromise.wait", c.Argument(0))
		v.result()
		return goja.Undefined()
	}))
	_ = proto.Set("cancel", jsutil.Func(rt, "cancel", func(c goja.FunctionCall) goja.Value {
		lib.viewOf(c.This, "cancel").t.Cancel()
		return goja.Undefined()
	}))
	for _, name := range []string{"then", "catch", "finally"} {
		method, _ := goja.AssertFunction(promiseProto.Get(name))
		_ = proto.Set(name, jsutil.Func(rt, name, func(c goja.FunctionCall) goja.Value {
			v := lib.viewOf(c.This, name)
			v.t.handled.Store(true) // as any then() marks a native promise handled
			ret, err := method(v.native(), c.Arguments...)
			if err != nil {
				panic(err)
			}
			return ret
		}))
	}
	lib.promProto = proto
}

// newPromiseView makes the ThreadPromise of t in this runtime; owner says
// this runtime started t. It keeps the runtime's loop alive until t
// settles.
func (lib *library) newPromiseView(t *thread, owner bool) *promiseView {
	rt := lib.r.RT
	if lib.promProto == nil {
		lib.installPromiseProto()
	}
	f := &promiseFace{view: promiseView{t: t, lib: lib, owner: owner}}
	v := &f.view
	f.v = v
	obj := rt.NewDynamicObject(f)
	_ = obj.SetPrototype(lib.promProto)
	v.obj = obj
	lib.r.Loop.Hold()
	t.subscribeView(subscriber{view: v, loop: lib.r.Loop})
	return v
}

// deliver runs on the loop once the thread has settled: it settles the
// native Promise if there is one, and makes one for a failure nobody has
// handled, so that it is reported as an unhandled rejection.
func (v *promiseView) deliver() error {
	v.delivered = true
	_, thrown := v.outcome()
	if v.promise == nil && !(thrown && v.reports()) {
		return nil
	}
	v.native()
	return v.settleNative()
}

// reports says a failure in this view's outcome is this runtime's to
// report as an unhandled rejection: its own failure to rebuild the value,
// or, in the owner, the thread's rejection that no holder has handled.
func (v *promiseView) reports() bool {
	return !v.observed && !v.t.out.cancelled && (v.restoreFailed || v.owner && !v.t.handled.Load())
}

// native is the view's native Promise, made on first use.
func (v *promiseView) native() goja.Value {
	rt := v.lib.r.RT
	if v.promise == nil {
		v.promise, v.resolve, v.reject = rt.NewPromise()
		if v.delivered {
			if err := v.settleNative(); err != nil {
				panic(err)
			}
		}
	}
	return rt.ToValue(v.promise)
}

// settleNative settles the native Promise with the outcome.
func (v *promiseView) settleNative() error {
	val, thrown := v.outcome()
	if !thrown {
		return v.resolve(val)
	}
	if err := v.reject(val); err != nil {
		return err
	}
	if !v.reports() {
		v.lib.r.Loop.Handled(v.promise)
	}
	return nil
}

// viewOf finds the view behind `this` of a ThreadPromise method.
func (lib *library) viewOf(this goja.Value, method string) *promiseView {
	if obj, ok := this.(*goja.Object); ok && obj.ExportType() == promiseFaceType {
		if v := obj.Export().(*promiseFace).v; v.lib == lib {
			return v
		}
	}
	lib.typeError("ThreadPromise.%s: 'this' must be a ThreadPromise of this runtime", method)
	return nil
}

// promiseFace is a ThreadPromise object: a goja DynamicObject whose Go
// value is its view, so that finding the view (for get(), or for a clone
// that carries the promise by reference) is one Export, where a mark would
// cost a symbol-keyed property per promise. Properties a script sets on it
// are kept, as on any object.
type promiseFace struct {
	v     *promiseView
	view  promiseView // what v points to: one allocation for both
	props map[string]goja.Value
	keys  []string
}

var promiseFaceType = reflect.TypeOf((*promiseFace)(nil))

func (f *promiseFace) Get(key string) goja.Value { return f.props[key] }

func (f *promiseFace) Set(key string, val goja.Value) bool {
	if f.props == nil {
		f.props = map[string]goja.Value{}
	}
	if _, ok := f.props[key]; !ok {
		f.keys = append(f.keys, key)
	}
	f.props[key] = val
	return true
}

func (f *promiseFace) Has(key string) bool {
	_, ok := f.props[key]
	return ok
}

func (f *promiseFace) Delete(key string) bool {
	if _, ok := f.props[key]; ok {
		delete(f.props, key)
		f.keys = slices.DeleteFunc(f.keys, func(k string) bool { return k == key })
	}
	return true
}

func (f *promiseFace) Keys() []string { return f.keys }

// await blocks the runtime until the thread settles or the runtime must
// stop, in which case it throws CancelledError or TimeoutError.
func (v *promiseView) await(what string) { v.awaitStop(what, 0, nil) }

// awaitStop is await with a timeout (0: none) and a stop (a {signal}:
// see signal.go); it reports false when stop ended it.
func (v *promiseView) awaitStop(what string, timeout time.Duration, stop <-chan struct{}) bool {
	t := v.t
	t.mu.Lock()
	if t.finished {
		t.mu.Unlock()
		return true
	}
	w := newWaiter(v.lib.r)
	w.view = v
	w.stop = stop
	t.waiters = append(t.waiters, w)
	if timeout == 0 {
		w.sleep(what + " (" + t.name() + ")")
	}
	t.mu.Unlock()
	if !w.block(&t.mu, timeout, func() { t.waiters = removeWaiter(t.waiters, w) }) {
		switch {
		case v.lib.r.ctx.Err() != nil:
			v.lib.throwFault(cancelFault(v.lib.r.ctx, what))
		case closed(stop):
			return false
		}
		v.lib.throwFault(&Fault{Name: TimeoutError, Message: what + ": timed out waiting for " + t.name()})
	}
	return true
}

// awaitWith is await for get(options) and wait(options): {timeout, signal}.
func (v *promiseView) awaitWith(what string, opts goja.Value) {
	if opts == nil || goja.IsUndefined(opts) {
		v.await(what)
		return
	}
	lib := v.lib
	timeout := lib.timeoutOption(opts, what)
	a := lib.signalOption(opts, what)
	if !v.awaitStop(what, timeout, a.stop()) {
		lib.throwAborted(a)
	}
}

// result returns the value or throws the error the thread settled with.
// The outcome has reached this runtime: a native Promise made later is
// settled at once.
func (v *promiseView) result() goja.Value {
	v.delivered = true
	val, thrown := v.outcome()
	if thrown {
		v.observed = true
		v.t.handled.Store(true)
		if v.promise != nil {
			v.lib.r.Loop.Handled(v.promise)
		}
		panic(val)
	}
	return val
}

// outcome rebuilds the thread's outcome in this runtime, once.
func (v *promiseView) outcome() (goja.Value, bool) {
	if v.restored {
		return v.value, v.thrown
	}
	v.restored = true
	lib, o := v.lib, v.t.out
	switch {
	case o.fault != nil:
		v.value, v.thrown = lib.faultValue(o.fault), true
	case o.thrown != nil:
		v.value, v.thrown = lib.restore(o.thrown), true
		if v.t.hasOrigin {
			lib.addOrigin(v.value, v.t.origin.Position().String())
		}
	case o.num != nil:
		v.value = o.num
	default:
		val, err := o.value.RestoreValue(lib.r.RT, lib.codec)
		if err != nil {
			v.value, v.thrown, v.restoreFailed = lib.errorValue(err), true, true
		} else {
			v.value = val
		}
	}
	return v.value, v.thrown
}

// restore rebuilds a thrown value; if that fails, the failure is thrown.
func (lib *library) restore(s *clone.Snapshot) goja.Value {
	val, err := s.RestoreValue(lib.r.RT, lib.codec)
	if err != nil {
		return lib.errorValue(err)
	}
	return val
}

// addOrigin ends the stack of a thread's error with the threads.run call
// that started the thread.
func (lib *library) addOrigin(v goja.Value, origin string) {
	obj, ok := v.(*goja.Object)
	if !ok || origin == "" || obj.ClassName() != "Error" {
		return
	}
	if st := obj.Get("stack"); st != nil && !goja.IsUndefined(st) {
		_ = obj.Set("stack", strings.TrimRight(st.String(), "\n")+"\n\tat threads.run ("+origin+")")
	}
}

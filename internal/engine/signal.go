package engine

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"weak"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// AbortSignal options. A blocked call keeps its runtime's goroutine, so the
// runtime cannot run the code that would abort one of its own signals
// while it waits: a {signal} is checked when the call starts, and watched
// while it waits only when Go can abort it from elsewhere. Those are the
// signals the library makes (threads.signal, a Group's signal): each is
// backed by a Go context (goSignal) whose end the wait watches, and whose
// JavaScript object reads that context whenever it is looked at.

// abortCause ends a goSignal's context with a reason: a value of another
// runtime (cloned) or a library error.
type abortCause struct {
	reason *clone.Snapshot
	fault  *Fault
}

func (c *abortCause) Error() string {
	if c.fault != nil {
		return c.fault.Error()
	}
	return "aborted"
}

// goSignal is an AbortSignal of one runtime that a Go context aborts.
type goSignal struct {
	lib     *library
	ctx     context.Context
	signal  *goja.Object
	abort   func(goja.Value) error
	syncing bool
	// posted says the abort has been posted to the loop, once ctx ended:
	// until then the runtime counts as waking (see signalPending).
	posted atomic.Bool
}

// signalPending reports whether one of r's goSignals has ended and not yet
// been posted to r's loop: r is about to wake. g.mu is held.
func (r *Runtime) signalPending() bool {
	for _, wp := range r.goSignals.list {
		if gs := wp.Value(); gs != nil && gs.ctx.Err() != nil && !gs.posted.Load() {
			return true
		}
	}
	return false
}

// goSignals are a runtime's goSignals, held weakly: a script that makes a
// Group per request and reads its signal must not keep them all. Those
// collected, or aborted and posted, are swept when the list has doubled.
type goSignals struct {
	list    []weak.Pointer[goSignal]
	sweepAt int
}

func (s *goSignals) add(gs *goSignal) {
	if len(s.list) >= s.sweepAt {
		s.list = slices.DeleteFunc(s.list, func(wp weak.Pointer[goSignal]) bool {
			gs := wp.Value()
			return gs == nil || gs.posted.Load()
		})
		s.sweepAt = max(16, 2*len(s.list))
	}
	s.list = append(s.list, weak.Make(gs))
}

type goSignalHolder struct{ gs *goSignal }

// goSignalKey holds a goSignal on its AbortSignal, under a symbol no script
// can name.
var goSignalKey = goja.NewSymbol("jsrun.threads.signal")

// abortWatch is the {signal} of one call.
type abortWatch struct {
	signal *goja.Object
	gs     *goSignal
}

// stop closes when Go aborts the signal; nil for a signal only this
// runtime's code can abort.
func (a *abortWatch) stop() <-chan struct{} {
	if a == nil || a.gs == nil {
		return nil
	}
	return a.gs.ctx.Done()
}

// signals is this runtime's AbortSignal API, built on first use.
func (lib *library) signals() *abort.API {
	if lib.abortAPI == nil {
		a, err := abort.For(lib.r.RT, lib.r.Loop)
		if err != nil {
			lib.throw(err)
		}
		lib.abortAPI = a
	}
	return lib.abortAPI
}

// syncGoSignals makes a goSignal's getters read its context first. A
// listener still runs from the loop: the signal is aborted on the first
// of the two.
const syncGoSignals = `(function (signal, sync) {
  const proto = Object.getPrototypeOf(signal);
  const get = (n) => Object.getOwnPropertyDescriptor(proto, n).get;
  const aborted = get('aborted'), reason = get('reason'), throwIfAborted = proto.throwIfAborted;
  const own = Object.getOwnPropertyDescriptors({
    get aborted() { sync(); return aborted.call(this); },
    get reason() { sync(); return reason.call(this); },
    throwIfAborted() { sync(); return throwIfAborted.call(this); },
  });
  for (const k in own) own[k].enumerable = false;
  Object.defineProperties(signal, own);
})`

// newGoSignal makes an AbortSignal here that aborts when ctx ends, with
// the reason ctx's cause gives (see abortReason).
func (lib *library) newGoSignal(ctx context.Context) *goja.Object {
	rt := lib.r.RT
	sig, abortFn := lib.signals().NewSignal()
	gs := &goSignal{lib: lib, ctx: ctx, signal: sig, abort: abortFn}
	_ = sig.DefineDataPropertySymbol(goSignalKey, rt.ToValue(&goSignalHolder{gs}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	if lib.syncSignal == nil {
		v, err := rt.RunString(syncGoSignals)
		if err != nil {
			lib.throw(err)
		}
		lib.syncSignal, _ = goja.AssertFunction(v)
	}
	sync := jsutil.Func(rt, "sync", func(goja.FunctionCall) goja.Value {
		gs.sync()
		return goja.Undefined()
	})
	if _, err := lib.syncSignal(goja.Undefined(), sig, sync); err != nil {
		lib.throw(err)
	}
	r := lib.r
	r.group.mu.Lock()
	r.goSignals.add(gs)
	r.group.mu.Unlock()
	context.AfterFunc(ctx, func() {
		r.Loop.Post(func() error { gs.sync(); return nil })
		gs.posted.Store(true) // the post woke the loop: it counts running
	})
	return sig
}

// sync aborts the signal if its context has ended. Listeners run now.
func (gs *goSignal) sync() {
	if gs.ctx.Err() == nil || gs.syncing {
		return
	}
	if aborted, _ := gs.lib.signals().Aborted(gs.signal); aborted {
		return
	}
	gs.syncing = true
	defer func() { gs.syncing = false }()
	if err := gs.abort(gs.lib.abortReason(gs.ctx)); err != nil {
		panic(err)
	}
}

// goSignalOf returns the goSignal behind an AbortSignal, or nil.
func goSignalOf(sig *goja.Object) *goSignal {
	if v := sig.GetSymbol(goSignalKey); v != nil {
		if h, ok := v.Export().(*goSignalHolder); ok {
			return h.gs
		}
	}
	return nil
}

// abortReason is the reason, in this runtime, for ctx's end.
func (lib *library) abortReason(ctx context.Context) goja.Value {
	var ac *abortCause
	if errors.As(context.Cause(ctx), &ac) {
		if ac.reason != nil {
			if v, err := ac.reason.RestoreValue(lib.r.RT, lib.codec); err == nil {
				return v
			}
		}
		if ac.fault != nil && ac.fault.Name == "AbortError" {
			return lib.signals().DOMException(ac.fault.Message, "AbortError") // as Node's own
		}
		if ac.fault != nil {
			return lib.faultValue(ac.fault)
		}
		return lib.signals().DOMException("This operation was aborted", "AbortError")
	}
	return lib.faultValue(cancelFault(ctx, "threads.signal"))
}

// reasonCause makes the cause that carries a signal's reason into another
// runtime: a clone of it, or, when it cannot be cloned, an AbortError
// saying so.
func (lib *library) reasonCause(reason goja.Value) error {
	snap, err := clone.SnapshotValue(lib.r.RT, reason, "reason", lib.cloneOptions(true))
	if err != nil {
		return &abortCause{fault: &Fault{Name: "AbortError", Message: "This operation was aborted (the signal's reason could not be cloned: " + err.Error() + ")"}}
	}
	return &abortCause{reason: snap}
}

// signalOption reads {signal} from an options argument (what names the
// call): nil when there is none. An aborted signal throws its reason.
func (lib *library) signalOption(opts goja.Value, what string) *abortWatch {
	obj, ok := opts.(*goja.Object)
	if !ok || jsutil.TypeOf(opts) != "object" {
		return nil
	}
	s := obj.Get("signal")
	if s == nil || goja.IsUndefined(s) {
		return nil
	}
	return lib.signalArg(s, what+": option 'signal'")
}

// signalArg reads an AbortSignal argument; an aborted one throws its reason.
func (lib *library) signalArg(s goja.Value, what string) *abortWatch {
	api := lib.signals()
	if !api.IsSignal(s) {
		lib.typeError("%s must be an AbortSignal, got %s", what, jsutil.TypeOf(s))
	}
	a := &abortWatch{signal: s.(*goja.Object)}
	a.gs = goSignalOf(a.signal)
	lib.checkAborted(a)
	return a
}

// checkAborted throws a's reason if it has aborted.
func (lib *library) checkAborted(a *abortWatch) {
	if a == nil {
		return
	}
	if a.gs != nil {
		a.gs.sync()
	}
	if aborted, reason := lib.signals().Aborted(a.signal); aborted {
		panic(reason)
	}
}

// throwAborted throws a's reason: a wait has seen it abort.
func (lib *library) throwAborted(a *abortWatch) {
	lib.checkAborted(a)
	lib.throwFault(&Fault{Name: "AbortError", Message: "This operation was aborted"})
}

// threadSignal is threads.signal: this runtime's own cancellation as an
// AbortSignal, made on first read. In a thread started with a signal or in
// a Group it aborts when those do (cooperatively: the thread goes on
// running, and decides what to do); in every runtime it aborts when the
// runtime must stop.
func (lib *library) threadSignal() goja.Value {
	if lib.ownSignal == nil {
		ctx := lib.r.ctx
		if t := lib.r.thread; t != nil && t.opts != nil && t.opts.soft != nil {
			ctx = t.opts.soft
		}
		lib.ownSignal = lib.newGoSignal(ctx)
	}
	return lib.ownSignal
}

// signalOrReason is signalOption that returns the reason of an aborted
// signal instead of throwing it.
func (lib *library) signalOrReason(opts goja.Value, what string) (a *abortWatch, reason goja.Value) {
	defer func() {
		if x := recover(); x != nil {
			v, ok := x.(goja.Value)
			if !ok || a == nil {
				panic(x)
			}
			reason = v
		}
	}()
	obj, ok := opts.(*goja.Object)
	if !ok || jsutil.TypeOf(opts) != "object" {
		return nil, nil
	}
	s := obj.Get("signal")
	if s == nil || goja.IsUndefined(s) {
		return nil, nil
	}
	if !lib.signals().IsSignal(s) {
		lib.typeError("%s: option 'signal' must be an AbortSignal, got %s", what, jsutil.TypeOf(s))
	}
	a = &abortWatch{signal: s.(*goja.Object), gs: goSignalOf(s.(*goja.Object))}
	lib.checkAborted(a)
	return a, nil
}

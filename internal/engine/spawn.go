package engine

import (
	"context"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// spawnOptions are threads.spawn's options.
type spawnOptions struct {
	name    string
	timeout time.Duration
	signal  *abortWatch
	link    context.Context // a Group's context: its end aborts the thread's signal
}

// extraMember makes threads.spawn, threads.select and threads.selectAsync.
func (lib *library) extraMember(key string) goja.Value {
	rt := lib.r.RT
	var f func(goja.FunctionCall) goja.Value
	switch key {
	case "spawn":
		f = lib.spawn
	case "select":
		f = func(c goja.FunctionCall) goja.Value { return lib.selectCall(c, false) }
	case "selectAsync":
		f = func(c goja.FunctionCall) goja.Value { return lib.selectCall(c, true) }
	}
	what := "threads." + key
	return jsutil.Func(rt, key, func(c goja.FunctionCall) goja.Value {
		defer lib.recoverGo(what)
		return f(c)
	})
}

// spawn is threads.spawn(options, fn, ...args): threads.run with options.
func (lib *library) spawn(c goja.FunctionCall) goja.Value {
	opts := lib.parseSpawnOptions(c.Argument(0), "threads.spawn")
	var args []goja.Value
	if len(c.Arguments) > 2 {
		args = c.Arguments[2:]
	}
	return lib.startThread(c.Argument(1), args, "threads.spawn", opts).obj
}

func (lib *library) parseSpawnOptions(v goja.Value, what string) spawnOptions {
	var o spawnOptions
	switch jsutil.TypeOf(v) {
	case "undefined", "null":
		return o
	case "object":
	default:
		lib.typeError("%s: argument 'options' must be an object like {signal, timeout, name}, got %s", what, jsutil.TypeOf(v))
	}
	obj := v.(*goja.Object)
	if n := obj.Get("name"); n != nil && !goja.IsUndefined(n) {
		if jsutil.TypeOf(n) != "string" {
			lib.typeError("%s: option 'name' must be a string, got %s", what, jsutil.TypeOf(n))
		}
		o.name = n.String()
	}
	o.timeout = lib.timeoutOption(v, what)
	o.signal = lib.signalOption(v, what)
	return o
}

// startThread is threads.run with options: it starts fn(...args) and
// returns its ThreadPromise view here.
func (lib *library) startThread(fnv goja.Value, args []goja.Value, what string, o spawnOptions) *promiseView {
	_, fn := lib.functionArg(fnv, what+": argument 'fn'")
	r := lib.r
	if err := r.ctx.Err(); err != nil {
		lib.throwFault(cancelFault(r.ctx, what))
	}
	g := r.group
	if limit := int64(g.env.cfg.MaxThreads); g.live.Load() >= limit {
		lib.rangeError("%s: too many threads alive at once (the limit is %d); wait for some to finish, or raise the host's MaxThreads", what, limit)
	}
	s, err := lib.prepare(fn, "fn", args)
	if err != nil {
		lib.throw(err)
	}
	t := g.startWith(r.thread, s, func(t *thread) { lib.configure(t, o) })
	t.origin, t.hasOrigin = lib.caller()
	return lib.newPromiseView(t, true)
}

// threadOpts is what threads.spawn and Group give a thread.
type threadOpts struct {
	label string                  // the option name, shown in the thread's name
	soft  context.Context         // what threads.signal reads there, when not the thread's ctx
	abort context.CancelCauseFunc // ends soft
	stops []func() bool           // undo what links soft and the timeout, at the thread's end
}

// configure gives t, not yet started, its options: a name, a signal
// threads.signal reads there (aborted by o.signal and o.links), and a
// timeout that cancels it.
func (lib *library) configure(t *thread, o spawnOptions) {
	to := &threadOpts{label: o.name}
	t.opts = to
	// The signal derives from what aborts it, so that it ends at the very
	// moment that does: a wait on it counts as waking at once (see
	// Group.deadlocked). The thread's own cancel reaches it after.
	var base context.Context
	switch {
	case o.link != nil:
		base = o.link
	case o.signal != nil && o.signal.gs != nil:
		base = o.signal.gs.ctx
	case o.signal != nil:
		base = t.ctx
	}
	if base != nil {
		to.soft, to.abort = context.WithCancelCause(base)
		if base != t.ctx {
			to.stops = append(to.stops, context.AfterFunc(t.ctx, func() { to.abort(context.Cause(t.ctx)) }))
		}
	}
	if a := o.signal; a != nil && a.gs == nil {
		remove, err := lib.signals().OnAbort(a.signal, func(reason goja.Value) { to.abort(lib.reasonCause(reason)) })
		if err != nil {
			lib.throw(err)
		}
		loop := lib.r.Loop
		to.stops = append(to.stops, func() bool {
			loop.Post(func() error { remove(); return nil })
			return true
		})
	}
	if o.timeout > 0 {
		d := o.timeout
		timer := time.AfterFunc(d, func() {
			f := &Fault{Name: TimeoutError, Message: t.name() + " timed out after " + d.String()}
			if t.settle(outcome{fault: f}) {
				t.group.cancelTree(t, f)
			}
		})
		to.stops = append(to.stops, timer.Stop)
	}
}

// unlink undoes what configure linked, once the thread has ended.
func (to *threadOpts) unlink() {
	for _, stop := range to.stops {
		stop()
	}
	to.stops = nil
	if to.abort != nil {
		to.abort(errThreadDone)
	}
}

// startWith is start for a thread that setup configures before it runs.
func (g *Group) startWith(parent *thread, s *seed, setup func(t *thread)) *thread {
	ctx, cancel := context.WithCancelCause(g.ctx)
	t := &thread{id: g.nextID.Add(1), group: g, ctx: ctx, cancel: cancel}
	setup(t)
	if parent != nil {
		g.adopt(parent, t)
	}
	g.live.Add(1)
	g.threads.Add(1)
	g.enter()
	g.spawner.spawn(func(b *blank) bool { return t.main(s, b) })
	return t
}

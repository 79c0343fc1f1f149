package engine

import (
	"context"
	"fmt"
	"strconv"
	"sync"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// ErrGroup is threads.Group, Go's errgroup for threads: run starts a
// thread of the group (blocking while limit of them run), wait returns
// every result in order or throws the first error, and that first error
// aborts the group's signal, which every thread of the group reads as
// threads.signal. As in Go, the cancellation is cooperative: a thread
// sees it in threads.signal and in the calls it passes that signal to,
// and wait still waits for every thread. It travels by reference, so a
// thread may run more threads into the same group.
type ErrGroup struct {
	eval   *Group          // the evaluation
	ctx    context.Context // ends at the first error, or when the group's signal aborts
	cancel context.CancelCauseFunc

	mu      sync.Mutex
	members []*thread
	failed  *thread // the first member that failed
	free    int     // slots left when limited
	limited bool
	waiting []*waiter // runs waiting for a slot
	running WaitGroup // members not yet settled
	limit   int
	// waited says wait or then has been called: from then on a member's
	// failure is the group's to report, not an unhandled rejection.
	waited bool
}

// handle records that something waits for the group: its failure is seen.
func (g *ErrGroup) handle() {
	g.mu.Lock()
	g.waited = true
	g.mu.Unlock()
}

// unwaitedError is the error of an evaluation that ended with a Group
// whose thread failed and that nothing waited for; nil if there is none.
func unwaitedError(groups []*ErrGroup) error {
	for _, g := range groups {
		g.mu.Lock()
		waited, failed := g.waited, g.failed
		g.mu.Unlock()
		if !waited {
			what := failed.name() + " failed"
			if f := failed.out.fault; f != nil {
				what += " with " + f.Error()
			}
			return fmt.Errorf("threads.Group: %s, and nothing waited for its group (call g.wait() or await g)", what)
		}
	}
	return nil
}

func (g *ErrGroup) face(lib *library) *goja.Object { return lib.newFace(groupClass) }

func groupThis(lib *library, this goja.Value, m string) *ErrGroup {
	return thisOf[*ErrGroup](lib, this, "Group", m)
}

// acquire takes a slot, waiting while limit members run.
func (g *ErrGroup) acquire(lib *library, stop <-chan struct{}) fifoError {
	if !g.limited {
		return fifoOK
	}
	g.mu.Lock()
	if g.free > 0 {
		g.free--
		g.mu.Unlock()
		return fifoOK
	}
	w := newWaiter(lib.r)
	w.stop = stop
	g.waiting = append(g.waiting, w)
	w.sleep("Group.run (limit " + itoa(g.limit) + ")")
	g.mu.Unlock()
	if !w.block(&g.mu, 0, func() { g.waiting = removeWaiter(g.waiting, w) }) {
		return stoppedOr(lib.r.ctx, abortedOr(stop, fifoTimeout))
	}
	return fifoOK
}

// release hands the slot to the first waiting run, or frees it.
func (g *ErrGroup) release() {
	if !g.limited {
		return
	}
	g.mu.Lock()
	if w := takeLive(&g.waiting); w != nil {
		w.wake()
	} else {
		g.free++
	}
	g.mu.Unlock()
}

// join counts t, started, as a member: its settling frees its slot, and
// its failure, if first, fails the group.
func (g *ErrGroup) join(t *thread) {
	// The group reports its threads' failures: wait throws the first. One
	// that nothing waited for fails the evaluation at its end
	// (unwaitedError), not at once: in Go, errgroup's error waits for Wait,
	// which may come after other awaits.
	t.handled.Store(true)
	g.mu.Lock()
	g.members = append(g.members, t)
	g.mu.Unlock()
	t.subscribe(func() {
		if !t.out.fulfilled() {
			g.mu.Lock()
			first := g.failed == nil
			if first {
				g.failed = t
			}
			g.mu.Unlock()
			if first {
				ev := g.eval
				ev.mu.Lock()
				ev.unwaited = append(ev.unwaited, g)
				ev.mu.Unlock()
			}
			if first {
				g.cancel(&abortCause{reason: t.out.thrown, fault: t.out.fault})
			}
		}
		g.release()
		_ = g.running.add(-1)
	})
}

// start runs fn(...args) (or, with pool, submits item) as a member.
func (lib *library) groupStart(g *ErrGroup, c goja.FunctionCall, pool *Pool, what string) goja.Value {
	lib.checkGroup(g)
	switch g.acquire(lib, g.ctx.Done()) { // a failure while it waits for a turn ends the wait
	case fifoOK:
	case fifoAborted:
		panic(lib.abortReason(g.ctx))
	default:
		lib.throwFault(cancelFault(lib.r.ctx, what))
	}
	if g.ctx.Err() != nil { // failed while it waited: the freed turn came with the failure
		g.release()
		panic(lib.abortReason(g.ctx))
	}
	if err := g.running.add(1); err != nil {
		g.release()
		lib.rangeError("%s: too many threads in the group", what)
	}
	var view *promiseView
	func() {
		ok := false
		defer func() {
			if !ok { // the start threw: give back what it took
				g.release()
				_ = g.running.add(-1)
			}
		}()
		if pool != nil {
			view = lib.newPromiseView(pool.submit(lib, c.Argument(1), opSubmit), true)
		} else {
			var args []goja.Value
			if len(c.Arguments) > 1 {
				args = c.Arguments[1:]
			}
			view = lib.startThread(c.Argument(0), args, what, spawnOptions{link: g.ctx})
		}
		ok = true
	}()
	g.join(view.t)
	return view.obj
}

// checkGroup throws the group's first error once it has failed: nothing
// more is started in it.
func (lib *library) checkGroup(g *ErrGroup) {
	if g.ctx.Err() != nil {
		panic(lib.abortReason(g.ctx))
	}
}

// results is what wait returns: every result in order, or the first error
// thrown.
func (lib *library) groupResults(g *ErrGroup) goja.Value {
	g.mu.Lock()
	members, failed := g.members, g.failed
	g.mu.Unlock()
	if failed != nil {
		v := &promiseView{t: failed, lib: lib}
		return v.result()
	}
	if g.ctx.Err() != nil {
		panic(lib.abortReason(g.ctx))
	}
	out := make([]any, len(members))
	for i, t := range members {
		v := &promiseView{t: t, lib: lib}
		out[i] = v.result()
	}
	return lib.r.RT.NewArray(out...)
}

// groupSignalKey holds a Group's signal on its face.
var groupSignalKey = goja.NewSymbol("jsrun.threads.Group.signal")

var groupClass = &class{
	name: "Group",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		const what = "threads.Group"
		opts := c.Argument(0)
		g := &ErrGroup{eval: lib.r.group}
		// Not the evaluation's context: a child of it would stay
		// registered there until the evaluation ends, for every Group a
		// script makes. The evaluation's end stops every wait anyway.
		parent := context.Background()
		var a *abortWatch
		switch jsutil.TypeOf(opts) {
		case "undefined", "null":
		case "object":
			o := opts.(*goja.Object)
			if l := o.Get("limit"); l != nil && !goja.IsUndefined(l) {
				g.limit = int(lib.boundedInt(l, 1, 1<<20, what+": option 'limit'"))
				g.limited, g.free = true, g.limit
			}
			if a = lib.signalOption(opts, what); a != nil && a.gs != nil {
				parent = a.gs.ctx // derived: it ends at the moment the signal aborts
			}
		default:
			lib.typeError("%s: argument 'options' must be an object like {limit, signal}, got %s", what, jsutil.TypeOf(opts))
		}
		g.ctx, g.cancel = context.WithCancelCause(parent)
		if a != nil && a.gs == nil {
			if _, err := lib.signals().OnAbort(a.signal, func(reason goja.Value) {
				g.cancel(lib.reasonCause(reason))
			}); err != nil {
				lib.throw(err)
			}
		}
		return g
	},
	methods: []method{
		{"run", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.groupStart(groupThis(lib, this, "run"), c, nil, "Group.run")
		}},
		{"submit", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			g := groupThis(lib, this, "submit")
			p, ok := refOf[*Pool](c.Argument(0))
			if !ok {
				lib.typeError("Group.submit: argument 'pool' must be a threads.Pool, got %s", jsutil.TypeOf(c.Argument(0)))
			}
			return lib.groupStart(g, c, p, "Group.submit")
		}},
		{"wait", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			g := groupThis(lib, this, "wait")
			g.handle()
			a := lib.signalOption(c.Argument(0), "Group.wait")
			if !g.running.waitStop(lib, "Group.wait", lib.timeoutOption(c.Argument(0), "Group.wait"), a.stop()) {
				lib.throwAborted(a)
			}
			return lib.groupResults(g)
		}},
		{"then", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			g := groupThis(lib, this, "then")
			g.handle()
			p, settle := lib.asyncResult()
			done := func() {
				settle(func() (res goja.Value, err error) {
					defer catchThrown(&res, &err)
					return lib.groupResults(g), nil
				})
			}
			wg := &g.running
			wg.mu.Lock()
			if wg.n == 0 {
				done()
			} else {
				w := &waiter{notify: done}
				wg.waiters = append(wg.waiters, w)
				withdrawOnCancel(lib.r.ctx, &wg.mu, w, &wg.waiters)
			}
			wg.mu.Unlock()
			then, _ := goja.AssertFunction(p.ToObject(lib.r.RT).Get("then"))
			ret, err := then(p, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return ret
		}},
	},
	getters: []method{
		{"signal", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			g := groupThis(lib, this, "signal")
			// Kept on the group's face here, which lives as long as the
			// script holds the group.
			face := this.(*goja.Object)
			if s := face.GetSymbol(groupSignalKey); s != nil {
				return s
			}
			s := lib.newGoSignal(g.ctx)
			_ = face.DefineDataPropertySymbol(groupSignalKey, s, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
			return s
		}},
		{"running", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(groupThis(lib, this, "running").running.count())
		}},
	},
}

func itoa(n int) string { return strconv.Itoa(n) }

package engine

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// thread is the Go side of one threads.run: shared by every runtime that
// holds its ThreadPromise, safe for concurrent use.
type thread struct {
	id        int64
	poolItem  bool         // a Pool item rather than a thread of its own
	poolState atomic.Int32 // a Pool item's: see stats.go
	group     *Group
	ctx       context.Context
	cancel    context.CancelCauseFunc

	settled atomic.Bool
	// handled says some holder of the thread's promise handled its
	// rejection: a get() or wait() threw it, or then, catch or finally was
	// called on it, in any runtime. The runtime that started the thread
	// reports the rejection as unhandled only if none did (see
	// promiseView.reports).
	handled atomic.Bool
	// done, when made, is closed once out is set; finished says the same
	// under mu. A Pool item has no channel: it cost an allocation and a
	// close per item, and every reader holds mu anyway.
	done     chan struct{}
	finished bool
	out      outcome
	// origin is where threads.run was called, in the creating runtime:
	// errors the thread throws end their stack with it, as Node shows an
	// async call's caller. A frame only refers to its immutable program, so
	// any runtime may format it.
	origin    goja.StackFrame
	hasOrigin bool

	mu      sync.Mutex
	subs    []subscriber
	sub1    [1]subscriber // backs subs for the first one: most have one
	waiters []*waiter     // runtimes blocked in get() or wait()

	// The thread's place among those an explicit cancel() reaches (see
	// tree.go), guarded by the group's tree lock; nested is set before
	// the thread starts and never changes.
	parent   *thread
	children map[*thread]struct{}
	stopped  error // the cause of the cancel that reached it
	nested   bool  // started by another thread

	// opts, set by threads.spawn and Group before the thread starts, is
	// what they give it (spawn.go); nil for threads.run, which pays nothing.
	opts *threadOpts
}

// subscriber is told when the thread settles. A view's subscriber can be
// told without a job on its loop (see settle).
type subscriber struct {
	f func() // does the work, without a view
	// view, when set, has its delivery posted to loop, or, with skip, only
	// releases the loop's hold. Kept as fields rather than closures: a
	// callback and two closures per promise were allocated on every submit.
	view *promiseView
	loop *eventloop.Loop // the view's, held until it is told
	skip bool
}

// tell runs the subscriber.
func (s subscriber) tell() {
	switch {
	case s.view == nil:
		s.f()
	case s.skip:
		s.loop.Release(nil)
	default:
		s.loop.Release(s.view.deliver)
	}
}

// outcome is how a thread settled: exactly one field is set.
type outcome struct {
	value  *clone.Snapshot // fulfilled with this value
	num    goja.Value      // or with this number, as itself (see number.go)
	thrown *clone.Snapshot // rejected with this thrown value
	fault  *Fault          // rejected with a library error
	// cancelled says an explicit cancel() settled it (fault is then a
	// CancelledError): the canceller knows, so it is no unhandled rejection.
	cancelled bool
}

// fulfilled says the thread returned a value.
func (o *outcome) fulfilled() bool { return o.value != nil || o.num != nil }

func (t *thread) name() string {
	if t.poolItem {
		return "Pool item " + strconv.FormatInt(t.id, 10)
	}
	if t.opts != nil && t.opts.label != "" {
		return "thread " + strconv.FormatInt(t.id, 10) + " (" + t.opts.label + ")"
	}
	return "thread " + strconv.FormatInt(t.id, 10)
}

// start launches a thread for seed, started by parent (nil for the main
// runtime or a Pool worker). Its context is the evaluation's, not parent's:
// parent's end must not cancel it (see tree.go).
func (g *Group) start(parent *thread, s *seed) *thread {
	ctx, cancel := context.WithCancelCause(g.ctx)
	t := &thread{id: g.nextID.Add(1), group: g, ctx: ctx, cancel: cancel}
	if parent != nil {
		g.adopt(parent, t)
	}
	g.live.Add(1)
	g.env.stats.threadStarted()
	g.threads.Add(1)
	g.enter()
	g.spawner.spawn(func(b *blank) bool { return t.main(s, b) })
	return t
}

// settle records the outcome and wakes every waiter; only the first call
// counts.
func (t *thread) settle(o outcome) bool {
	if !t.settled.CompareAndSwap(false, true) {
		return false
	}
	t.out = o
	if t.poolItem {
		t.group.env.stats.poolItemEnded(t, o.fulfilled())
	}
	if t.done != nil {
		close(t.done)
	}
	t.mu.Lock()
	t.finished = true
	subs := t.subs
	t.subs = nil
	// A runtime blocked in get() or wait() takes the rejection: handled,
	// before the owner's delivery below can judge it.
	if !o.fulfilled() && takesOutcome(t.waiters) {
		t.handled.Store(true)
	}
	// A view whose runtime is blocked in get() on it takes the outcome
	// there: posting a delivery job as well would keep the outcome alive
	// until that runtime next turns its loop, which a script calling get()
	// in a loop may not do for a million threads. It only needs its
	// keep-alive released, unless it has a native Promise to settle (set on
	// that runtime before it blocked, under t.mu, so this read is ordered).
	for i, s := range subs {
		if s.view != nil && t.blockedOn(s.view) && s.view.promise == nil {
			subs[i].skip = true
		}
	}
	for _, w := range t.waiters {
		w.wake()
	}
	t.waiters = nil
	t.mu.Unlock()
	for _, s := range subs {
		s.tell()
	}
	return true
}

// takesOutcome reports whether one of waiters will see the outcome: not a
// select whose other case has run already. t.mu is held.
func takesOutcome(waiters []*waiter) bool {
	for _, w := range waiters {
		if w.sel == nil {
			return true
		}
		if won := w.sel.won.Load(); won == nil || won == w {
			return true
		}
	}
	return false
}

// blockedOn reports whether a runtime waits in get() or wait() on view.
// t.mu is held.
func (t *thread) blockedOn(v *promiseView) bool {
	for _, w := range t.waiters {
		if w.view == v {
			return true
		}
	}
	return false
}

// subscribe calls f once the thread has settled (at once if it has).
func (t *thread) subscribe(f func()) { t.subscribeView(subscriber{f: f}) }

func (t *thread) subscribeView(s subscriber) {
	t.mu.Lock()
	if t.finished {
		t.mu.Unlock()
		s.tell()
		return
	}
	if t.subs == nil {
		t.subs = t.sub1[:0]
	}
	t.subs = append(t.subs, s)
	t.mu.Unlock()
}

// Cancel settles the thread with a CancelledError and interrupts it and
// every thread it started.
func (t *thread) Cancel() {
	f := &Fault{Name: CancelledError, Message: t.name() + " was cancelled"}
	t.settle(outcome{fault: f, cancelled: true})
	t.group.cancelTree(t, &cancelCause{f})
}

// cancelCause is what an explicit cancel() ends contexts with: the threads
// it reaches reject with its CancelledError, and as for the thread
// cancelled, that rejection counts as handled.
type cancelCause struct{ *Fault }

func (c *cancelCause) Unwrap() error { return c.Fault }

// byCancel reports whether ctx was ended by an explicit cancel().
func byCancel(ctx context.Context) bool {
	var c *cancelCause
	return errors.As(context.Cause(ctx), &c)
}

// main runs the thread on its goroutine, in b (nil: a runtime made now).
// It reports false when the goroutine was abandoned (see task) before it
// returned.
func (t *thread) main(s *seed, b *blank) (ended bool) {
	g := t.group
	tk := g.env.watchTask(t.ctx, t.abandoned)
	defer func() {
		if p := recover(); p != nil {
			t.settle(outcome{fault: &Fault{Name: "Error", Message: fmt.Sprintf("%s: internal error: %v", t.name(), p)}})
		}
		if ended = tk.end(); ended {
			t.gone()
		}
	}()
	if b == nil {
		b = g.env.newBlank()
	}
	r, err := g.newRuntimeFrom(b, t.ctx, t.name(), false)
	if err != nil {
		t.settle(outcome{fault: &Fault{Name: "Error", Message: err.Error()}})
		return
	}
	r.thread = t
	err = r.Loop.Run(t.ctx, func() error { return t.body(r, s) })
	if err == nil && g.env.cfg.Exiting != nil {
		err = r.exiting()
	}
	switch {
	case err != nil:
		if !t.settleError(r, err) && t.ctx.Err() == nil {
			g.Stop(fmt.Errorf("%s: %w", t.name(), err))
		}
	case !t.settled.Load():
		t.settle(outcome{fault: &Fault{Name: "Error", Message: t.name() +
			": the function's promise never settled, and nothing is left that could settle it"}})
	}
	return // ended is set by the deferred function
}

// gone counts the thread out of its evaluation: it has ended, or was
// abandoned.
func (t *thread) gone() {
	g := t.group
	t.cancel(errThreadDone) // its own context only: the threads it started go on
	if t.opts != nil {
		t.opts.unlink()
	}
	g.orphan(t)
	g.live.Add(-1)
	g.env.stats.threadEnded()
	g.leave()
	g.threads.Done()
}

// abandoned settles a thread whose goroutine is stuck past the grace
// period (nobody may wait for it any more) and counts it out.
func (t *thread) abandoned() {
	t.settle(outcome{fault: cancelFault(t.ctx, t.name())})
	t.group.spawner.release()
	t.gone()
}

var promiseType = reflect.TypeOf((*goja.Promise)(nil))

var errThreadDone = errors.New("thread finished")

// body runs on the thread's loop: it rebuilds the seed, calls fn and
// settles with its result, now or when the promise it returned settles.
func (t *thread) body(r *Runtime, s *seed) error {
	fn, args, err := s.plant(r, true)
	if err != nil {
		return err
	}
	// A thread's seed is planted once: let its snapshots (as big as the
	// arguments) go now, not when the thread ends.
	s.passes, s.names = nil, nil
	ret, err := fn(goja.Undefined(), args...)
	if err != nil {
		return err
	}
	if obj, p := asPromise(ret); p != nil {
		t.settleLater(r, obj, p, nil)
		return nil
	}
	t.settleValue(r, ret)
	return nil
}

// settleLater settles with what promise p (the object obj) settles to,
// then calls then (when not nil) on the loop.
func (t *thread) settleLater(r *Runtime, obj *goja.Object, p *goja.Promise, then func()) {
	if then == nil {
		then = func() {}
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		t.settleValue(r, p.Result())
		then()
		return
	case goja.PromiseStateRejected:
		r.Loop.Handled(p)
		t.settleThrown(r, p.Result())
		then()
		return
	}
	rt := r.RT
	// Anonymous, as Node's resolving functions are: a thenable's own then
	// receives them, and its stack shows them.
	onValue := jsutil.Func(rt, "", func(c goja.FunctionCall) goja.Value {
		t.settleValue(r, c.Argument(0))
		then()
		return goja.Undefined()
	})
	onError := jsutil.Func(rt, "", func(c goja.FunctionCall) goja.Value {
		t.settleThrown(r, c.Argument(0))
		then()
		return goja.Undefined()
	})
	thenFn, _ := goja.AssertFunction(obj.Get("then"))
	if _, err := thenFn(obj, onValue, onError); err != nil {
		t.settleError(r, err)
		then()
	}
}

func (t *thread) settleValue(r *Runtime, v goja.Value) {
	if r.lib.passNumber(v, r.lib.cloneOptions(false)) {
		t.settle(outcome{num: v})
		return
	}
	snap, err := clone.SnapshotValue(r.RT, v, "result", r.lib.cloneOptions(false))
	if err != nil {
		t.settleError(r, err)
		return
	}
	t.settle(outcome{value: r.group.env.stats.cloned(snap)})
}

func (t *thread) settleThrown(r *Runtime, v goja.Value) {
	snap, err := r.lib.snapshotThrown(v)
	if err != nil {
		var dce *clone.DataCloneError
		if errors.As(err, &dce) {
			t.settle(outcome{fault: &Fault{Name: DataCloneError, Message: t.name() + " threw a value that cannot be cloned: " + dce.Error()}})
			return
		}
		t.settleError(r, err)
		return
	}
	t.settle(outcome{thrown: snap})
}

// settleError settles with err, the failure of a call or of the loop.
func (t *thread) settleError(r *Runtime, err error) bool {
	if t.settled.Load() {
		return false
	}
	if t.ctx.Err() != nil {
		return t.settle(outcome{fault: cancelFault(t.ctx, t.name()), cancelled: byCancel(t.ctx)})
	}
	var (
		ex    *goja.Exception
		u     *eventloop.UncaughtError
		so    *goja.StackOverflowError
		dce   *clone.DataCloneError
		fault *Fault
	)
	switch {
	case errors.As(err, &fault):
		return t.settle(outcome{fault: fault})
	case errors.As(err, &dce):
		return t.settle(outcome{fault: &Fault{Name: DataCloneError, Message: dce.Error()}})
	case errors.As(err, &ex):
		t.settleThrown(r, ex.Value())
	case errors.As(err, &u) && u.Value != nil:
		t.settleThrown(r, u.Value)
	case errors.As(err, &so):
		return t.settle(outcome{fault: &Fault{Name: "RangeError", Message: "Maximum call stack size exceeded", Stack: "RangeError: Maximum call stack size exceeded\n" + so.String()}})
	default:
		return t.settle(outcome{fault: &Fault{Name: "Error", Message: err.Error()}})
	}
	return true
}

// asPromise returns v as a native Promise, or nil. It looks at the export
// type first, which costs nothing: Export of any other object would build
// a Go map of it, running its getters.
func asPromise(v goja.Value) (*goja.Object, *goja.Promise) {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ExportType() != promiseType {
		return nil, nil
	}
	p, _ := obj.Export().(*goja.Promise)
	return obj, p
}

package eventloop

import (
	"container/heap"
	"math"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// timer is one setTimeout, setInterval or setImmediate registration.
type timer struct {
	id        int64
	when      int64 // monotonic nanoseconds (see now): cheap to compare in the heap
	seq       int64 // breaks ties between equal deadlines: first set, first run
	fn        goja.Callable
	job       Job // instead of fn, for a Go timer (see Timer)
	args      []goja.Value
	interval  time.Duration
	repeat    bool
	unref     bool // does not keep the loop alive (see Timer)
	cancelled bool
	index     int
}

// timerQueue is a min-heap of timers by deadline.
type timerQueue []*timer

func (q timerQueue) Len() int { return len(q) }
func (q timerQueue) Less(i, j int) bool {
	if q[i].when == q[j].when {
		return q[i].seq < q[j].seq
	}
	return q[i].when < q[j].when
}
func (q timerQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *timerQueue) Push(x any) {
	t := x.(*timer)
	t.index = len(*q)
	*q = append(*q, t)
}
func (q *timerQueue) Pop() any {
	old := *q
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	t.index = -1
	return t
}
func (q timerQueue) peek() *timer   { return q[0] }
func (q *timerQueue) pop() *timer   { return heap.Pop(q).(*timer) }
func (q *timerQueue) push(t *timer) { heap.Push(q, t) }

// epoch anchors now: time.Since reads the monotonic clock, so timers are
// not moved by changes of the wall clock.
var epoch = time.Now()

// now is the monotonic time in nanoseconds since epoch.
func now() int64 { return int64(time.Since(epoch)) }

// maxDelay is Node's limit: longer delays, like non-positive ones, become 1 ms.
const maxDelay = math.MaxInt32

// Globals names the globals InstallGlobals can install.
var Globals = []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate", "queueMicrotask"}

// InstallGlobals installs setTimeout, setInterval, setImmediate, their
// clear functions and queueMicrotask, each only if want(name) (nil: all).
// Making a native function costs about a microsecond, which a thread that
// uses no timer should not pay.
func (l *Loop) InstallGlobals(want func(name string) bool) {
	rt := l.rt
	g := rt.GlobalObject()
	set := func(name string, f func(goja.FunctionCall) goja.Value) {
		if want == nil || want(name) {
			_ = g.Set(name, jsutil.Func(rt, name, f))
		}
	}
	set("setTimeout", func(c goja.FunctionCall) goja.Value { return l.setTimer(c, false, "setTimeout") })
	set("setInterval", func(c goja.FunctionCall) goja.Value { return l.setTimer(c, true, "setInterval") })
	set("setImmediate", l.setImmediate)
	clear := func(c goja.FunctionCall) goja.Value {
		l.clearTimer(c.Argument(0))
		return goja.Undefined()
	}
	set("clearTimeout", clear)
	set("clearInterval", clear)
	set("clearImmediate", clear)
	if want == nil || want("queueMicrotask") {
		// The built-in then, read now: a script may replace
		// Promise.prototype.then later, and queueMicrotask must not call
		// that.
		proto := rt.Get("Promise").ToObject(rt).Get("prototype").ToObject(rt)
		l.then, _ = goja.AssertFunction(proto.Get("then"))
		set("queueMicrotask", l.queueMicrotask)
	}
}

func (l *Loop) callback(c goja.FunctionCall, name string) goja.Callable {
	fn, ok := goja.AssertFunction(c.Argument(0))
	if !ok {
		panic(l.rt.NewTypeError("%s: argument 'callback' must be a function, got %s", name, jsutil.TypeOf(c.Argument(0))))
	}
	return fn
}

func (l *Loop) setTimer(c goja.FunctionCall, repeat bool, name string) goja.Value {
	fn := l.callback(c, name)
	delay := c.Argument(1).ToFloat()
	if !(delay >= 1 && delay <= maxDelay) {
		delay = 1
	}
	d := time.Duration(delay * float64(time.Millisecond))
	t := l.newTimer(fn, c.Arguments, 2)
	t.when = now() + int64(d)
	t.repeat = repeat
	t.interval = d
	l.timers.push(t)
	return l.rt.ToValue(t.id)
}

func (l *Loop) setImmediate(c goja.FunctionCall) goja.Value {
	t := l.newTimer(l.callback(c, "setImmediate"), c.Arguments, 1)
	l.immediates = append(l.immediates, t)
	return l.rt.ToValue(t.id)
}

func (l *Loop) newTimer(fn goja.Callable, args []goja.Value, from int) *timer {
	l.nextID++
	t := &timer{id: l.nextID, seq: l.nextID, fn: fn, index: -1}
	if len(args) > from {
		t.args = append([]goja.Value(nil), args[from:]...)
	}
	l.byID[t.id] = t
	return t
}

func (l *Loop) clearTimer(v goja.Value) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return
	}
	l.clearID(v.ToInteger())
}

// clearID cancels the timer id, if it is still to run.
func (l *Loop) clearID(id int64) {
	t, ok := l.byID[id]
	if !ok {
		return
	}
	delete(l.byID, id)
	t.cancelled = true
	if t.index >= 0 {
		heap.Remove(&l.timers, t.index)
		l.leftHeap(t)
	}
}

// leftHeap counts a timer that left the heap.
func (l *Loop) leftHeap(t *timer) {
	if t.unref {
		l.unrefs--
	}
}

// fire runs a due timer and re-arms it if it is an interval.
func (l *Loop) fire(t *timer) {
	if t.repeat {
		t.when = now() + int64(t.interval)
		l.nextID++
		t.seq = l.nextID
		l.timers.push(t)
		if t.unref {
			l.unrefs++
		}
	} else {
		delete(l.byID, t.id)
	}
	l.runTimer(t)
}

func (l *Loop) runTimer(t *timer) {
	if t.job != nil {
		l.runJob(t.job)
		return
	}
	l.runJob(func() error {
		_, err := t.fn(goja.Undefined(), t.args...)
		return err
	})
}

// queueMicrotask queues cb behind the current macrotask through a settled
// promise, the only microtask queue goja offers; an exception cb throws is
// reported as uncaught instead of becoming a rejection.
func (l *Loop) queueMicrotask(c goja.FunctionCall) goja.Value {
	cb := l.callback(c, "queueMicrotask")
	rt := l.rt
	p, resolve, _ := rt.NewPromise()
	// Left with its Go name: only the built-in then sees this function,
	// so no script can read its name or find it in a stack.
	_, _ = l.then(rt.ToValue(p), rt.ToValue(func(goja.FunctionCall) goja.Value {
		if _, err := cb(goja.Undefined()); err != nil {
			l.Fail(fromCallError(err))
		}
		return goja.Undefined()
	}))
	_ = resolve(goja.Undefined())
	return goja.Undefined()
}

package engine

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// threads.select, as Go's select: it locks every primitive its cases name
// (in address order, each once, as Go's runtime does), runs the first
// ready case in a random order, so that among cases ready at once each is
// chosen uniformly; else it queues one waiter per case, all sharing one
// selectState, and sleeps. Whoever wakes a waiter claims the select for
// it first (takeLive, waiter.wake): only the first claim wins, so one
// case runs and the others are passed over by whoever meets them. The
// select takes effect at one point under the locks, ordered with every
// other operation on those primitives: no item is taken twice or lost.

// selectState is what the waiters of one select share.
type selectState struct {
	won atomic.Pointer[waiter] // the case that ran, or selectGaveUp
}

// selectGaveUp claims a select for none of its cases: its timeout, its
// signal or its runtime's end came first.
var selectGaveUp = &waiter{}

// claim makes w the case that runs, if none has; it reports whether w is.
func (s *selectState) claim(w *waiter) bool {
	return s.won.CompareAndSwap(nil, w) || s.won.Load() == w
}

// Kinds of select cases.
const (
	caseGet  = "get"
	casePut  = "put"
	caseWait = "wait"
)

// selCase is one case of a select.
type selCase struct {
	kind string
	q    *fifo[*clone.Snapshot] // get, put
	item *clone.Snapshot        // put
	t    *thread                // wait on a ThreadPromise
	view *promiseView
	wg   *WaitGroup // wait on a WaitGroup
	w    *waiter    // queued while the select sleeps
}

func (c *selCase) mu() *sync.Mutex {
	switch {
	case c.q != nil:
		return &c.q.mu
	case c.t != nil:
		return &c.t.mu
	}
	return &c.wg.mu
}

// label names the case in a deadlock report.
func (c *selCase) label() string {
	switch {
	case c.q != nil && c.kind == caseGet:
		return "Queue.get"
	case c.q != nil:
		return "Queue.put"
	case c.t != nil:
		return "ThreadPromise.wait (" + c.t.name() + ")"
	}
	return "WaitGroup.wait"
}

// selectOutcome is what a select did.
type selectOutcome struct {
	index int        // the case that ran; -1 for default, timeout, stop
	item  any        // a get's item or closedMark; a put's closedMark
	e     fifoError  // fifoOK, or why none ran: fifoTimeout, fifoStopped, fifoAborted, fifoEmpty (default)
	limit bool       // a put ran into the evaluation's limit on queued items
	won   *waiter    // the waiter that ran, when the select slept
	cases []*selCase // the cases, for the result
}

// selectLocks is the distinct locks of cases in address order.
func selectLocks(cases []*selCase) []*sync.Mutex {
	locks := make([]*sync.Mutex, 0, len(cases))
	for _, c := range cases {
		locks = append(locks, c.mu())
	}
	slices.SortFunc(locks, func(a, b *sync.Mutex) int {
		return cmp.Compare(uintptr(unsafe.Pointer(a)), uintptr(unsafe.Pointer(b)))
	})
	return slices.Compact(locks)
}

func lockAll(locks []*sync.Mutex) {
	for _, m := range locks {
		m.Lock()
	}
}

func unlockAll(locks []*sync.Mutex) {
	for i := len(locks) - 1; i >= 0; i-- {
		locks[i].Unlock()
	}
}

// tryCases runs the first ready case, in a random order; the locks are
// held. It reports -1 when none is ready.
func tryCases(cases []*selCase, out *selectOutcome) int {
	var buf [8]int
	order := buf[:0]
	if len(cases) > len(buf) {
		order = make([]int, 0, len(cases))
	}
	for i := range cases { // Fisher-Yates, inside out
		j := rand.IntN(i + 1)
		order = append(order, 0)
		order[i] = order[j]
		order[j] = i
	}
	for _, i := range order {
		c := cases[i]
		switch c.kind {
		case caseGet:
			if v, e, done := c.q.getNow(); done {
				if e == fifoOK {
					out.item = v
				} else {
					out.item = closedMark{}
				}
				return i
			}
		case casePut:
			if c.q.closed {
				out.item = closedMark{}
				return i
			}
			if g := takeLive(&c.q.getters); g != nil {
				g.item = c.item
				g.wake()
				return i
			}
			if !c.q.full() {
				if c.q.overLimit() {
					out.limit = true
				} else {
					c.q.push(c.item)
				}
				return i
			}
		case caseWait:
			if c.t != nil {
				if c.t.finished {
					return i
				}
			} else if c.wg.n == 0 {
				return i
			}
		}
	}
	return -1
}

// enqueue queues one waiter per case, sharing ch and st; the locks are held.
func enqueue(r *Runtime, cases []*selCase, st *selectState, proto waiter) {
	for _, c := range cases {
		w := proto
		w.r, w.ctx, w.sel = r, r.ctx, st
		c.w = &w
		switch c.kind {
		case caseGet:
			c.q.getters = append(c.q.getters, c.w)
		case casePut:
			c.w.item = c.item
			c.q.putters = append(c.q.putters, c.w)
		case caseWait:
			if c.t != nil {
				c.t.waiters = append(c.t.waiters, c.w)
			} else {
				c.wg.waiters = append(c.wg.waiters, c.w)
			}
		}
	}
}

// dequeue takes every case's waiter out of its list; the locks are held.
func dequeue(cases []*selCase) {
	for _, c := range cases {
		if c.w == nil {
			continue
		}
		switch c.kind {
		case caseGet:
			c.q.getters = removeWaiter(c.q.getters, c.w)
		case casePut:
			c.q.putters = removeWaiter(c.q.putters, c.w)
		case caseWait:
			if c.t != nil {
				c.t.waiters = removeWaiter(c.t.waiters, c.w)
			} else {
				c.wg.waiters = removeWaiter(c.wg.waiters, c.w)
			}
		}
	}
}

// selectLabel names a select in a deadlock report:
// "select [Queue.get, Queue.put]".
func selectLabel(cases []*selCase) string {
	names := make([]string, len(cases))
	for i, c := range cases {
		names[i] = c.label()
	}
	return "select [" + strings.Join(names, ", ") + "]"
}

// selectBlocking runs a select on r's goroutine. block false is `default`;
// timeout 0 waits without limit; stop is a {signal} another runtime can
// abort.
func selectBlocking(r *Runtime, cases []*selCase, block bool, timeout time.Duration, stop <-chan struct{}) selectOutcome {
	out := selectOutcome{index: -1, cases: cases}
	if r.ctx.Err() != nil {
		out.e = fifoStopped
		return out
	}
	locks := selectLocks(cases)
	lockAll(locks)
	if i := tryCases(cases, &out); i >= 0 {
		unlockAll(locks)
		out.index = i
		return out
	}
	if !block {
		unlockAll(locks)
		out.e = fifoEmpty
		return out
	}
	st := &selectState{}
	ch := make(chan struct{})
	enqueue(r, cases, st, waiter{ch: ch, counted: timeout == 0, stop: stop})
	if timeout == 0 {
		r.group.sleepStop(r, selectLabel(cases), nil, stop)
	}
	unlockAll(locks)

	var expired <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expired = t.C
	}
	select {
	case <-ch:
	case <-r.ctx.Done():
	case <-expired:
	case <-stop:
	}
	if st.won.CompareAndSwap(nil, selectGaveUp) {
		if timeout == 0 {
			r.group.wake(r)
		}
		out.e = stoppedOr(r.ctx, abortedOr(stop, fifoTimeout))
	} else {
		<-ch // the winner's waker closes it, under its lock, right after its claim
	}
	lockAll(locks)
	defer unlockAll(locks)
	dequeue(cases)
	if out.e != fifoOK {
		return out
	}
	w := st.won.Load()
	if w.withdrawn {
		out.e = fifoStopped
		return out
	}
	for i, c := range cases {
		if c.w == w {
			out.index, out.item, out.won = i, w.item, w
		}
	}
	// As fifo.get: a runtime that must stop takes nothing; the item goes
	// back first in line.
	if r.ctx.Err() != nil && cases[out.index].kind == caseGet {
		if v, ok := out.item.(*clone.Snapshot); ok {
			cases[out.index].q.giveBack(v)
		}
		out.index, out.e = -1, fifoStopped
	}
	return out
}

// result builds what select returns for out in this runtime:
// {index, kind, value, ok}. A put on a closed queue throws
// QueueClosedError (as a send on a closed channel panics in Go); a wait on
// a thread that failed throws its error, as get() does.
func (lib *library) selectResult(out selectOutcome, what string) goja.Value {
	rt := lib.r.RT
	res := rt.NewObject()
	kind, value, ok := "", goja.Undefined(), true
	switch out.e {
	case fifoEmpty:
		kind, ok = "default", false
	case fifoTimeout:
		kind, ok = "timeout", false
	case fifoStopped:
		lib.throwFault(cancelFault(lib.r.ctx, what))
	case fifoAborted:
		return nil // the caller throws the signal's reason
	default:
		c := out.cases[out.index]
		kind = c.kind
		switch {
		case c.kind == caseGet:
			if _, closed := out.item.(closedMark); closed {
				ok = false
			} else {
				value = lib.restoreOrThrow(out.item.(*clone.Snapshot))
			}
		case c.kind == casePut:
			if _, closed := out.item.(closedMark); closed {
				lib.throwFault(&Fault{Name: QueueClosedError, Message: what + ": case " + strconv.Itoa(out.index) + " puts to a closed queue"})
			}
			if out.limit {
				lib.rangeError("%s: the queues of this evaluation hold %d items, the host's limit (MaxQueuedItems)", what, lib.r.group.env.cfg.MaxQueuedItems)
			}
		case c.t != nil:
			view := c.view
			value = view.result()
		}
	}
	_ = res.Set("index", out.index)
	_ = res.Set("kind", kind)
	_ = res.Set("value", value)
	_ = res.Set("ok", ok)
	return res
}

// selectCall is threads.select(cases, options) and, with async,
// threads.selectAsync.
func (lib *library) selectCall(c goja.FunctionCall, async bool) goja.Value {
	what := "threads.select"
	if async {
		what = "threads.selectAsync"
	}
	cases := lib.parseCases(c.Argument(0), what)
	opts := c.Argument(1)
	block := true
	if o, ok := opts.(*goja.Object); ok && jsutil.TypeOf(opts) == "object" {
		if d := o.Get("default"); d != nil && !goja.IsUndefined(d) {
			if jsutil.TypeOf(d) != "boolean" {
				lib.typeError("%s: option 'default' must be a boolean, got %s", what, jsutil.TypeOf(d))
			}
			block = !d.ToBoolean()
		}
	}
	timeout := lib.timeoutOption(opts, what)
	if async {
		// An aborted signal rejects the promise, as Node's APIs do.
		signal, aborted := lib.signalOrReason(opts, what)
		if aborted != nil {
			p, settle := lib.asyncResult()
			settle(func() (goja.Value, error) { return nil, &thrownValue{aborted} })
			return p
		}
		return lib.selectAsync(cases, block, timeout, signal, what)
	}
	signal := lib.signalOption(opts, what)
	out := selectBlocking(lib.r, cases, block, timeout, signal.stop())
	if out.e == fifoAborted {
		lib.throwAborted(signal)
	}
	return lib.selectResult(out, what)
}

// parseCases reads the cases: {get: queue}, {put: queue, value}, and
// {wait: threadPromise | waitGroup}.
func (lib *library) parseCases(v goja.Value, what string) []*selCase {
	if jsutil.TypeOf(v) != "array" {
		lib.typeError("%s: argument 'cases' must be an array of cases like {get: queue}, {put: queue, value} or {wait: promise}, got %s", what, jsutil.TypeOf(v))
	}
	arr := v.(*goja.Object)
	n := arr.Get("length").ToInteger()
	cases := make([]*selCase, 0, n)
	for i := int64(0); i < n; i++ {
		label := what + ": cases[" + strconv.FormatInt(i, 10) + "]"
		cv := arr.Get(strconv.FormatInt(i, 10))
		obj, ok := cv.(*goja.Object)
		if !ok || jsutil.TypeOf(cv) != "object" {
			lib.typeError("%s must be an object like {get: queue}, {put: queue, value} or {wait: promise}, got %s", label, jsutil.TypeOf(cv))
		}
		c := &selCase{}
		var target goja.Value
		for _, k := range []string{caseGet, casePut, caseWait} {
			if x := obj.Get(k); x != nil && !goja.IsUndefined(x) {
				if c.kind != "" {
					lib.typeError("%s has both '%s' and '%s': a case does one thing", label, c.kind, k)
				}
				c.kind, target = k, x
			}
		}
		switch c.kind {
		case "":
			lib.typeError("%s must have 'get', 'put' or 'wait'", label)
		case caseGet, casePut:
			q := lib.queueOf(target)
			if q == nil {
				lib.typeError("%s: '%s' must be a threads.Queue, got %s", label, c.kind, jsutil.TypeOf(target))
			}
			if q.remote != nil {
				// Its items are on the server, not in q.q: select
				// would wait on an empty fifo for ever.
				lib.typeError("%s: '%s' is a cluster Queue, which select cannot wait on (call its get or put)", label, c.kind)
			}
			c.q = &q.q
			if c.kind == casePut {
				c.item = lib.snapshot(obj.Get("value"), label+".value")
			}
		case caseWait:
			if wo, ok := target.(*goja.Object); ok && wo.ExportType() == promiseFaceType {
				c.view = lib.viewOf(target, "select")
				c.t = c.view.t
			} else if wg, ok := refOf[*WaitGroup](target); ok {
				c.wg = wg
			} else {
				lib.typeError("%s: 'wait' must be a ThreadPromise or a threads.WaitGroup, got %s", label, jsutil.TypeOf(target))
			}
		}
		cases = append(cases, c)
	}
	return cases
}

func (lib *library) queueOf(v goja.Value) *Queue {
	q, _ := refOf[*Queue](v)
	return q
}

// refOf finds the shared object of type T behind a face.
func refOf[T refHolder](v goja.Value) (T, bool) {
	var zero T
	obj, ok := v.(*goja.Object)
	if !ok {
		return zero, false
	}
	ref, ok := clone.RefOf(obj)
	if !ok {
		return zero, false
	}
	t, ok := ref.(T)
	return t, ok
}

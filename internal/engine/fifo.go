package engine

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// fifo is the channel behind Queue and Pool: a FIFO of T, bounded when max
// is positive, with any number of blocking and asynchronous producers and
// consumers.
//
// Every blocked operation has its own waiter, and a state change hands
// over directly to the first waiter it concerns (an item to a getter, a
// free slot to a putter, whose item goes in at once), under the one lock.
// So no wake-up is ever lost or spent on the wrong waiter, which is how the
// design this came from hung with one condition variable.
type fifo[T any] struct {
	mu      sync.Mutex
	items   []T
	head    int
	max     int
	closed  bool
	getters []*waiter
	putters []*waiter
	// idlePool, when set, marks getters as idle workers of that pool:
	// asleep, but no part of a deadlock (see Group.deadlocked).
	idlePool *Pool
	// queued, when set, counts the items held in every Queue of the
	// evaluation, against limit: a put that would pass it fails.
	queued *atomic.Int64
	limit  int64
}

// closedMark is handed to waiters woken by close.
type closedMark struct{}

func (q *fifo[T]) len() int { return len(q.items) - q.head }

func (q *fifo[T]) push(v T) {
	q.items = append(q.items, v)
	if q.queued != nil {
		q.queued.Add(1)
	}
}

// overLimit reports whether one more item would pass the evaluation's limit.
func (q *fifo[T]) overLimit() bool {
	return q.queued != nil && q.queued.Load() >= q.limit
}

func (q *fifo[T]) pop() T {
	var zero T
	if q.queued != nil {
		q.queued.Add(-1)
	}
	v := q.items[q.head]
	q.items[q.head] = zero
	q.head++
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	} else if q.head > 1024 && q.head*2 > len(q.items) {
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	return v
}

func (q *fifo[T]) full() bool { return q.max > 0 && q.len() >= q.max }

// errClosed, errTimeout and errStopped say why a blocking operation ended
// without doing its work.
type fifoError int

const (
	fifoOK fifoError = iota
	fifoClosed
	fifoTimeout
	fifoStopped // the waiting runtime must stop
	fifoFull    // tryPut only
	fifoEmpty   // tryGet only
	fifoLimit   // the evaluation holds as many queued items as it may
	fifoAborted // the wait's {signal} aborted
)

// put adds v, blocking while the fifo is full. what names the operation for
// the deadlock report ("Queue.put"); timeout 0 waits without limit, and
// block false never waits. A put that fails did not put: a runtime that
// must stop puts nothing, and a blocked put withdrawn by its runtime's
// cancel is never let in afterwards.
func (q *fifo[T]) put(r *Runtime, v T, what string, timeout time.Duration, block bool) fifoError {
	return q.putStop(r, v, what, timeout, block, nil)
}

// putStop is put that stop (a {signal}: see signal.go) also ends, with
// fifoAborted.
func (q *fifo[T]) putStop(r *Runtime, v T, what string, timeout time.Duration, block bool, stop <-chan struct{}) fifoError {
	if r.ctx.Err() != nil {
		return fifoStopped
	}
	q.mu.Lock()
	if e, done := q.putNow(v); done {
		q.mu.Unlock()
		return e
	}
	if !block {
		q.mu.Unlock()
		return fifoFull
	}
	w := newWaiter(r)
	w.item = v
	w.stop = stop
	q.putters = append(q.putters, w)
	if timeout == 0 {
		w.sleep(what)
	}
	q.mu.Unlock()
	if !w.block(&q.mu, timeout, func() { q.putters = removeWaiter(q.putters, w) }) {
		return stoppedOr(r.ctx, abortedOr(stop, fifoTimeout))
	}
	if _, ok := w.item.(closedMark); ok {
		return fifoClosed
	}
	return fifoOK
}

// get takes the first item, blocking while the fifo is empty; after close
// it drains what is left, then reports fifoClosed. A runtime that must stop
// takes nothing: a blocked get withdrawn by its cancel is never handed an
// item, and one handed an item just as it was cancelled gives it back.
func (q *fifo[T]) get(r *Runtime, what string, timeout time.Duration, block bool) (T, fifoError) {
	return q.getStop(r, what, timeout, block, nil)
}

// getStop is get that stop (a {signal}: see signal.go) also ends, with
// fifoAborted.
func (q *fifo[T]) getStop(r *Runtime, what string, timeout time.Duration, block bool, stop <-chan struct{}) (T, fifoError) {
	var zero T
	if r.ctx.Err() != nil {
		return zero, fifoStopped
	}
	q.mu.Lock()
	if v, e, done := q.getNow(); done {
		q.mu.Unlock()
		return v, e
	}
	if !block {
		q.mu.Unlock()
		return zero, fifoEmpty
	}
	w := newWaiter(r)
	w.stop = stop
	q.getters = append(q.getters, w)
	if timeout == 0 {
		w.counted = true
		r.group.sleepStop(r, what, q.idlePool, stop)
	}
	q.mu.Unlock()
	if !w.block(&q.mu, timeout, func() { q.getters = removeWaiter(q.getters, w) }) {
		return zero, stoppedOr(r.ctx, abortedOr(stop, fifoTimeout))
	}
	if _, ok := w.item.(closedMark); ok {
		return zero, fifoClosed
	}
	// The item was handed over while the runtime was live. If it has been
	// cancelled since, the script will never see the item: it goes back
	// first in line. Checked under the lock, so that the get takes effect
	// at one point, ordered with every other operation.
	v := w.item.(T)
	q.mu.Lock()
	defer q.mu.Unlock()
	if r.ctx.Err() != nil {
		q.giveBack(v)
		return zero, fifoStopped
	}
	return v, fifoOK
}

// putNow hands v to the first waiting getter, or stores it, or fails, if
// it can without waiting; done false says the fifo is full. q.mu is held.
func (q *fifo[T]) putNow(v T) (e fifoError, done bool) {
	if q.closed {
		return fifoClosed, true
	}
	if g := takeLive(&q.getters); g != nil {
		g.item = v
		g.wake()
		return fifoOK, true
	}
	switch {
	case q.full():
		return fifoOK, false
	case q.overLimit():
		return fifoLimit, true
	}
	q.push(v)
	return fifoOK, true
}

// getNow takes the first item, or tells that the fifo is closed and
// drained, if it can without waiting; done false says it is empty. q.mu
// is held.
func (q *fifo[T]) getNow() (v T, e fifoError, done bool) {
	if q.len() > 0 {
		v = q.pop()
		q.admitPutter()
		return v, fifoOK, true
	}
	return v, fifoClosed, q.closed
}

// admitPutter moves the first blocked putter's item in, now that there is
// room. q.mu is held.
func (q *fifo[T]) admitPutter() {
	if q.full() {
		return
	}
	p := takeLive(&q.putters)
	if p == nil {
		return
	}
	q.push(p.item.(T))
	p.item = nil
	p.wake()
}

// getAsync is get without blocking the runtime. Once the first item, or
// the news that the fifo is closed and drained, is there for this getter,
// ready is called with take; ready runs under the fifo's lock and must only
// post a job to the runtime's loop, which calls take there. Until take has
// run, the item is only lent: if ctx ends first (the loop may never run
// the job), it goes back to the front of the fifo, and take reports false.
// A getter whose ctx has ended is never handed anything.
func (q *fifo[T]) getAsync(ctx context.Context, ready func(take func() (T, fifoError, bool))) {
	w := &waiter{ctx: ctx}
	var stop func() bool
	take := func() (v T, e fifoError, ok bool) {
		q.mu.Lock()
		defer q.mu.Unlock()
		if w.withdrawn || ctx.Err() != nil {
			q.dropAsync(w)
			return v, fifoStopped, false
		}
		w.withdrawn = true // taken: nothing is left to give back
		stop()
		if it, isItem := w.item.(T); isItem {
			return it, fifoOK, true
		}
		return v, fifoClosed, true
	}
	w.notify = func() { ready(take) }
	q.mu.Lock()
	defer q.mu.Unlock()
	stop = context.AfterFunc(ctx, func() {
		q.mu.Lock()
		q.dropAsync(w)
		q.mu.Unlock()
	})
	if ctx.Err() != nil {
		w.woken, w.withdrawn = true, true
		ready(take)
		return
	}
	if v, e, now := q.getNow(); now {
		if e == fifoOK {
			w.item = v
		} else {
			w.item = closedMark{}
		}
		w.wake()
		return
	}
	q.getters = append(q.getters, w)
}

// dropAsync ends an asynchronous getter whose runtime must stop: out of
// the list while it waits, and its item back to the front when one was
// handed to it and not taken. q.mu is held.
func (q *fifo[T]) dropAsync(w *waiter) {
	if !w.woken {
		w.woken, w.withdrawn = true, true
		q.getters = removeWaiter(q.getters, w)
		return
	}
	if w.withdrawn {
		return
	}
	w.withdrawn = true
	if v, ok := w.item.(T); ok {
		q.giveBack(v)
	}
	w.item = nil
}

// giveBack puts v, handed to a getter whose runtime stopped before it
// could take it, back at the front: to the first live getter, or first in
// line. The limit on queued items does not apply: v was let in under it,
// and refusing it now would lose it. q.mu is held.
func (q *fifo[T]) giveBack(v T) {
	if g := takeLive(&q.getters); g != nil {
		g.item = v
		g.wake()
		return
	}
	if q.head > 0 {
		q.head--
		q.items[q.head] = v
	} else {
		q.items = slices.Insert(q.items, 0, v)
	}
	if q.queued != nil {
		q.queued.Add(1)
	}
}

// putAsync is put without blocking the runtime: done is told when v is in,
// or that it never will be (fifoStopped: the runtime must stop).
func (q *fifo[T]) putAsync(ctx context.Context, v T, done func(fifoError)) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if ctx.Err() != nil {
		done(fifoStopped)
		return
	}
	if e, now := q.putNow(v); now {
		done(e)
		return
	}
	w := &waiter{item: v}
	w.notify = func() {
		if _, ok := w.item.(closedMark); ok {
			done(fifoClosed)
			return
		}
		done(fifoOK)
	}
	q.putters = append(q.putters, w)
	withdrawOnCancel(ctx, &q.mu, w, &q.putters)
}

// close stops puts; waiting putters fail, waiting getters (the fifo is
// empty when there are any) learn it is closed. Idempotent.
func (q *fifo[T]) close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return
	}
	q.closed = true
	for _, w := range q.getters {
		w.item = closedMark{}
		w.wake()
	}
	for _, w := range q.putters {
		w.item = closedMark{}
		w.wake()
	}
	q.getters, q.putters = nil, nil
}

func (q *fifo[T]) size() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.len()
}

func (q *fifo[T]) isClosed() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.closed
}

// abortedOr is fifoAborted if stop is closed, else e.
func abortedOr(stop <-chan struct{}, e fifoError) fifoError {
	if closed(stop) {
		return fifoAborted
	}
	return e
}

func stoppedOr(ctx context.Context, e fifoError) fifoError {
	if ctx.Err() != nil {
		return fifoStopped
	}
	return e
}

package threads

import (
	"context"
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
)

// put adds v, blocking while the fifo is full. what names the operation for
// the deadlock report ("Queue.put"); timeout 0 waits without limit, and
// block false never waits.
func (q *fifo[T]) put(r *Runtime, v T, what string, timeout time.Duration, block bool) fifoError {
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
	q.putters = append(q.putters, w)
	if timeout == 0 {
		w.sleep(what)
	}
	q.mu.Unlock()
	if !w.block(&q.mu, timeout, func() { q.putters = removeWaiter(q.putters, w) }) {
		return stoppedOr(r.ctx, fifoTimeout)
	}
	if _, ok := w.item.(closedMark); ok {
		return fifoClosed
	}
	return fifoOK
}

// get takes the first item, blocking while the fifo is empty; after close
// it drains what is left, then reports fifoClosed.
func (q *fifo[T]) get(r *Runtime, what string, timeout time.Duration, block bool) (T, fifoError) {
	var zero T
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
	q.getters = append(q.getters, w)
	if timeout == 0 {
		w.counted = true
		r.group.sleepIn(r, what, q.idlePool)
	}
	q.mu.Unlock()
	if !w.block(&q.mu, timeout, func() { q.getters = removeWaiter(q.getters, w) }) {
		return zero, stoppedOr(r.ctx, fifoTimeout)
	}
	if _, ok := w.item.(closedMark); ok {
		return zero, fifoClosed
	}
	return w.item.(T), fifoOK
}

// putNow hands v to the first waiting getter, or stores it, or fails, if
// it can without waiting; done false says the fifo is full. q.mu is held.
func (q *fifo[T]) putNow(v T) (e fifoError, done bool) {
	switch {
	case q.closed:
		return fifoClosed, true
	case len(q.getters) > 0:
		g := q.getters[0]
		q.getters = removeWaiter(q.getters, g)
		g.item = v
		g.wake()
		return fifoOK, true
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
	if len(q.putters) == 0 || q.full() {
		return
	}
	p := q.putters[0]
	q.putters = removeWaiter(q.putters, p)
	q.push(p.item.(T))
	p.item = nil
	p.wake()
}

// getAsync calls done with the first item or fifoClosed, now or when one
// comes; done runs under the fifo's lock and must only post to a loop.
// The waiter is withdrawn when ctx ends.
func (q *fifo[T]) getAsync(ctx context.Context, done func(T, fifoError)) {
	var zero T
	q.mu.Lock()
	defer q.mu.Unlock()
	if v, e, now := q.getNow(); now {
		done(v, e)
		return
	}
	w := &waiter{}
	w.notify = func() {
		if _, ok := w.item.(closedMark); ok {
			done(zero, fifoClosed)
			return
		}
		done(w.item.(T), fifoOK)
	}
	q.getters = append(q.getters, w)
	withdrawOnCancel(ctx, &q.mu, w, &q.getters)
}

// putAsync is put without blocking the runtime: done is told when v is in.
func (q *fifo[T]) putAsync(ctx context.Context, v T, done func(fifoError)) {
	q.mu.Lock()
	defer q.mu.Unlock()
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

func stoppedOr(ctx context.Context, e fifoError) fifoError {
	if ctx.Err() != nil {
		return fifoStopped
	}
	return e
}

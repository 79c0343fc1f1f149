// Package memlimit bounds the Go heap for the evaluations that ask for it.
//
// The heap is the whole process's: goja gives no account of what one
// runtime holds, so the bound is on every runtime, host and evaluation of
// the process together, and on the embedding program's own memory too.
// While at least one bound is watched, the Go runtime's memory limit
// (debug.SetMemoryLimit) is the smallest of them, so that the collector
// works hard to stay under it, and a watcher goroutine reads the live heap
// (what the last collection marked, from runtime/metrics) every 10 ms.
// When a collection that ended after a bound began finds the live heap at
// 90% of that bound, its stop is called, once: the collector could then
// free little, and the process would soon spend its time collecting, or
// be killed. Every bound the heap reaches is stopped; a bound it stays
// under is not. When the last bound is released, the watcher ends and the
// Go memory limit is what it was when the first began (a change made in
// between is lost).
//
// What it cannot bound: memory outside the Go heap's accounting, and one
// allocation larger than what is left (that is for guards in front of the
// allocating built-ins), and growth faster than a collection can finish,
// which overshoots by what is allocated in the meantime.
package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// Period is how often the watcher reads the heap.
const Period = 10 * time.Millisecond

// Share is the part of a bound, in percent, the live heap may reach.
const Share = 90

// bound is one watched limit.
type bound struct {
	limit   int64
	stop    func()
	stopped bool
	// since is the collections completed when the bound began: the live
	// heap of an earlier one may be garbage by now (an evaluation stopped
	// at the limit has just let its runtimes go), so only a later one
	// counts.
	since uint64
}

var w struct {
	mu     sync.Mutex
	bounds map[*bound]struct{}
	saved  int64         // the Go memory limit before the first bound
	quit   chan struct{} // closed to end the watcher
	done   chan struct{} // closed when it has ended
}

// Watch calls stop, once, if the live heap reaches Share percent of limit
// before release is called. Call release when the evaluation ends; it
// returns once the watcher has stopped, if it was the last bound.
func Watch(limit int64, stop func()) (release func()) {
	b := &bound{limit: limit, stop: stop, since: read().cycles}
	w.mu.Lock()
	if w.bounds == nil {
		w.bounds = map[*bound]struct{}{}
	}
	if len(w.bounds) == 0 {
		w.saved = debug.SetMemoryLimit(-1)
		w.quit, w.done = make(chan struct{}), make(chan struct{})
		go watch(w.quit, w.done)
	}
	w.bounds[b] = struct{}{}
	setLimitLocked()
	w.mu.Unlock()
	return func() { unwatch(b) }
}

func unwatch(b *bound) {
	w.mu.Lock()
	if _, ok := w.bounds[b]; !ok {
		w.mu.Unlock()
		return
	}
	delete(w.bounds, b)
	if len(w.bounds) > 0 {
		setLimitLocked()
		w.mu.Unlock()
		return
	}
	debug.SetMemoryLimit(w.saved)
	lowestBound.Store(0)
	quit, done := w.quit, w.done
	close(quit)
	w.mu.Unlock()
	<-done
}

// setLimitLocked sets Go's memory limit to the smallest bound, or to what
// it was when that is smaller. w.mu is held.
func setLimitLocked() {
	lowest := w.saved
	bound := int64(math.MaxInt64)
	for b := range w.bounds {
		lowest = min(lowest, b.limit)
		bound = min(bound, b.limit)
	}
	debug.SetMemoryLimit(lowest)
	lowestBound.Store(bound)
}

// lowestBound is the smallest bound being watched; 0 when none is.
var lowestBound atomic.Int64

// Headroom is how many bytes the heap may still grow by before it reaches
// the smallest bound being watched (negative past it), or math.MaxInt64
// when none is. A built-in about to make one large allocation asks it
// first: the watcher cannot stop an allocation, only what runs after it,
// and one too large for the machine ends the process.
func Headroom() int64 {
	bound := lowestBound.Load()
	if bound == 0 {
		return math.MaxInt64
	}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return bound
	}
	return bound - int64(s[0].Value.Uint64())
}

// heap is what the watcher reads.
type heap struct {
	live   uint64 // bytes marked live by the last collection
	cycles uint64 // collections completed
}

var names = []string{"/gc/heap/live:bytes", "/gc/cycles/total:gc-cycles"}

// read reads the heap; zero where this Go lacks a metric.
func read() heap {
	sample := make([]metrics.Sample, len(names))
	for i, n := range names {
		sample[i].Name = n
	}
	metrics.Read(sample)
	var v [2]uint64
	for i, s := range sample {
		if s.Value.Kind() == metrics.KindUint64 {
			v[i] = s.Value.Uint64()
		}
	}
	return heap{live: v[0], cycles: v[1]}
}

// watch reads the heap every Period until quit is closed.
func watch(quit, done chan struct{}) {
	defer close(done)
	tick := time.NewTicker(Period)
	defer tick.Stop()
	for {
		select {
		case <-quit:
			return
		case <-tick.C:
		}
		check(read())
	}
}

// check stops every bound the live heap has reached. A reading that would
// stop one is confirmed by a collection of its own first: the last one may
// have begun before a stopped evaluation's runtimes became garbage, and a
// false stop fails an evaluation that did nothing wrong.
func check(h heap) {
	if !reached(h) {
		return
	}
	runtime.GC()
	h = read()
	var stops []func()
	w.mu.Lock()
	for b := range w.bounds {
		if b.over(h) {
			b.stopped = true
			stops = append(stops, b.stop)
		}
	}
	w.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
}

// reached reports whether h reaches a bound not yet stopped.
func reached(h heap) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for b := range w.bounds {
		if b.over(h) {
			return true
		}
	}
	return false
}

// over reports whether h, read after the bound began, reaches it. w.mu is
// held.
func (b *bound) over(h heap) bool {
	return !b.stopped && h.cycles > b.since && h.live >= uint64(b.limit)/100*Share
}

package engine

import (
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Stats are an Env's figures: counters that only grow, and gauges of
// what is under way now. They are atomics bumped where the thing
// happens (a thread starts, a value is cloned), never walked for, so
// that watching costs a threads.run round trip nothing measurable.
type Stats struct {
	ThreadsStarted int64 // threads ever started (Pool workers included)
	ThreadsLive    int64 // threads running now
	ThreadsPeak    int64 // the most threads running at once
	PoolQueued     int64 // Pool items waiting for a worker
	PoolRunning    int64 // Pool items a worker runs now
	PoolDone       int64 // Pool items that returned a value
	PoolFailed     int64 // Pool items that threw or were cancelled
	QueueItems     int64 // items held by Queues now
	Clones         int64 // values cloned between runtimes
	ClonedBytes    int64 // their size, as WithMaxCloneBytes measures it
	Deadlocks      int64 // evaluations ended by a deadlock
	Evaluations    int64 // evaluations running now (Env.Eval)
	Calls          int64 // Instance runs under way now (a Program's calls)
}

// stats are the atomics behind Stats; QueueItems is summed over the
// running evaluations instead.
//
// The counters every Pool item or clone bumps, from the submitting runtime
// and the workers at once, each have a cache line of their own: sharing
// one made each bump stall the other cores' (3-4% of a small Pool item).
type stats struct {
	threadsStarted, threadsLive, threadsPeak atomic.Int64
	_                                        [40]byte
	poolQueued                               atomic.Int64
	_                                        [56]byte
	poolRunning                              atomic.Int64
	_                                        [56]byte
	poolDone, poolFail                       atomic.Int64
	_                                        [48]byte
	clones                                   atomic.Int64
	_                                        [56]byte
	clonedBytes                              atomic.Int64
	_                                        [56]byte
	deadlocks                                atomic.Int64
	evals, calls                             atomic.Int64
}

// Stats reports the env's figures. Each is read atomically; together
// they are not one instant's.
func (e *Env) Stats() Stats {
	s := &e.stats
	var queued int64 // summed here: a Queue's put and take pay nothing
	e.live.mu.Lock()
	for g := range e.live.groups {
		queued += g.queued.Load()
	}
	e.live.mu.Unlock()
	return Stats{
		ThreadsStarted: s.threadsStarted.Load(), ThreadsLive: s.threadsLive.Load(), ThreadsPeak: s.threadsPeak.Load(),
		PoolQueued: s.poolQueued.Load(), PoolRunning: s.poolRunning.Load(), PoolDone: s.poolDone.Load(), PoolFailed: s.poolFail.Load(),
		QueueItems: queued, Clones: s.clones.Load(), ClonedBytes: s.clonedBytes.Load(),
		Deadlocks: s.deadlocks.Load(), Evaluations: s.evals.Load(), Calls: s.calls.Load(),
	}
}

// threadStarted counts a thread or Pool worker in.
func (s *stats) threadStarted() {
	s.threadsStarted.Add(1)
	n := s.threadsLive.Add(1)
	for {
		peak := s.threadsPeak.Load()
		if n <= peak || s.threadsPeak.CompareAndSwap(peak, n) {
			return
		}
	}
}

// threadEnded counts a thread or Pool worker out.
func (s *stats) threadEnded() { s.threadsLive.Add(-1) }

// cloned counts a snapshot taken.
func (s *stats) cloned(snap *clone.Snapshot) *clone.Snapshot {
	if snap != nil {
		s.clones.Add(1)
		s.clonedBytes.Add(snap.Size())
	}
	return snap
}

// A Pool item's state, for its gauges: queued, then running, then ended;
// or ended straight from queued when it is cancelled while it waits.
const (
	poolItemQueued = iota
	poolItemRunning
	poolItemEnded
)

// poolItemStarted moves t from queued to running; false when it had
// ended already (cancelled while it waited).
func (s *stats) poolItemStarted(t *thread) bool {
	if !t.poolState.CompareAndSwap(poolItemQueued, poolItemRunning) {
		return false
	}
	s.poolQueued.Add(-1)
	s.poolRunning.Add(1)
	return true
}

// poolItemEnded counts a settled Pool item out of its gauge.
func (s *stats) poolItemEnded(t *thread, ok bool) {
	switch t.poolState.Swap(poolItemEnded) {
	case poolItemQueued:
		s.poolQueued.Add(-1)
	case poolItemRunning:
		s.poolRunning.Add(-1)
	default:
		return
	}
	if ok {
		s.poolDone.Add(1)
	} else {
		s.poolFail.Add(1)
	}
}

// statsFunc is threads.stats(): the host's figures, as Host.Stats gives
// them, in an object of numbers.
func (lib *library) statsFunc() goja.Value {
	rt := lib.r.RT
	return jsutil.Func(rt, "stats", func(goja.FunctionCall) goja.Value {
		e := lib.r.group.env
		s, a := e.Stats(), e.Abandoned()
		o := rt.NewObject()
		for _, f := range []struct {
			name string
			v    int64
		}{
			{"threadsStarted", s.ThreadsStarted}, {"threadsLive", s.ThreadsLive}, {"threadsPeak", s.ThreadsPeak},
			{"poolQueued", s.PoolQueued}, {"poolRunning", s.PoolRunning}, {"poolDone", s.PoolDone}, {"poolFailed", s.PoolFailed},
			{"queueItems", s.QueueItems}, {"clones", s.Clones}, {"clonedBytes", s.ClonedBytes}, {"deadlocks", s.Deadlocks},
			{"evaluations", s.Evaluations}, {"calls", s.Calls},
			{"abandonedGoroutines", a.Running}, {"abandonedTotal", a.Total},
		} {
			_ = o.Set(f.name, f.v)
		}
		return o
	})
}

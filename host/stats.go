package host

// Stats is what a Host reports about the evaluations it runs: counters
// since New, and gauges of this moment. Every figure is an atomic bumped
// where the thing happens, so reading them costs the scripts nothing;
// together they are not one instant's. Scripts read the same figures
// with threads.stats(); host/promstats exports them to Prometheus.
type Stats struct {
	ThreadsStarted int64 // threads ever started, Pool workers included
	ThreadsLive    int64 // threads running now
	ThreadsPeak    int64 // the most threads running at once
	PoolQueued     int64 // Pool items waiting for a worker
	PoolRunning    int64 // Pool items a worker runs now
	PoolDone       int64 // Pool items that gave a value
	PoolFailed     int64 // Pool items that threw or were cancelled
	QueueItems     int64 // items Queues hold now
	Clones         int64 // values cloned between runtimes
	ClonedBytes    int64 // their size, as WithMaxCloneBytes measures it
	Deadlocks      int64 // evaluations and calls ended by a deadlock
	Evaluations    int64 // Eval, EvalFile and Call running now
	Calls          int64 // Program calls (and instance loads) running now

	// AbandonedGoroutines counts goroutines left running by evaluations
	// that have returned: a runtime stuck where goja cannot interrupt it
	// (a built-in that loops for minutes, or a Go function of the
	// embedder that ignores its context) when it had to stop, and still
	// stuck half a second later. Each ends when its call returns, without
	// running more JavaScript; until then it holds its runtime's memory.
	// A count that keeps growing means scripts reach a built-in that
	// needs a guard, or a Go function that should watch
	// Runtime.Context.
	AbandonedGoroutines int64
	// AbandonedTotal counts every goroutine ever abandoned, including
	// those that have since returned.
	AbandonedTotal int64
}

// Stats reports on the host's evaluations. It is safe to call at any time.
func (h *Host) Stats() Stats {
	a, s := h.env.Abandoned(), h.env.Stats()
	return Stats{
		ThreadsStarted: s.ThreadsStarted, ThreadsLive: s.ThreadsLive, ThreadsPeak: s.ThreadsPeak,
		PoolQueued: s.PoolQueued, PoolRunning: s.PoolRunning, PoolDone: s.PoolDone, PoolFailed: s.PoolFailed,
		QueueItems: s.QueueItems, Clones: s.Clones, ClonedBytes: s.ClonedBytes, Deadlocks: s.Deadlocks,
		Evaluations: s.Evaluations, Calls: s.Calls,
		AbandonedGoroutines: a.Running, AbandonedTotal: a.Total,
	}
}

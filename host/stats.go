package host

// Stats is what a Host reports about the evaluations it has run.
type Stats struct {
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
	a := h.env.Abandoned()
	return Stats{AbandonedGoroutines: a.Running, AbandonedTotal: a.Total}
}

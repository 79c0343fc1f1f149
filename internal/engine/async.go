package engine

import "context"

// Go runs work on a goroutine of its own, then the function work returns
// on r's loop (its error ends the loop as a job's does). Until then r's
// loop waits for it, the evaluation counts it as running (it may still
// wake r, so no deadlock is reported while it works), and Eval waits for
// the goroutine to return. work should return soon after ctx ends (r
// must stop); what it returns then is dropped.
func (r *Runtime) Go(work func(ctx context.Context) func() error) {
	g := r.group
	g.mu.Lock()
	g.running++
	g.mu.Unlock()
	g.threads.Add(1)
	post := r.Loop.RegisterCallback()
	go func() {
		defer g.threads.Done()
		then := work(r.ctx)
		if then == nil {
			then = func() error { return nil }
		}
		post(then) // wakes r, counted running, before it returns
		g.mu.Lock()
		g.running--
		err, idle := g.deadlocked()
		g.mu.Unlock()
		g.shutdownIdle(idle)
		g.stopOn(err)
	}()
}

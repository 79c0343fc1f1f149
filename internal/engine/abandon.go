package engine

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jsrun/jsrun/threads"
)

// A runtime's goroutine can be stuck where goja cannot interrupt it: in a
// built-in that loops or allocates for minutes (a sort of millions of
// numbers, a join over 2^32 holes), or in an embedder's Go function that
// ignores its context. Once the runtime must stop (its thread was
// cancelled, or the evaluation ended), its goroutine has AbandonAfter to
// return; after that it is abandoned: the evaluation counts it as gone,
// settles its thread as cancelled, and stops waiting for it. The goroutine
// runs on until the call returns, then finds its runtime interrupted (goja
// keeps the interrupt flag set, so no more JavaScript runs there) and ends
// without touching its evaluation, which has moved on or finished.

// AbandonAfter is threads.AbandonAfter.
const AbandonAfter = threads.AbandonAfter

// Abandoned counts the goroutines of an Env's evaluations left running
// after their runtime had to stop.
type Abandoned struct {
	// Running are abandoned goroutines that have not returned yet.
	Running int64
	// Total counts every goroutine ever abandoned.
	Total int64
}

// Abandoned reports the env's abandoned goroutines.
func (e *Env) Abandoned() Abandoned {
	return Abandoned{Running: e.abandoned.running.Load(), Total: e.abandoned.total.Load()}
}

// Abandon counts a goroutine the caller abandons (a host's compile that
// outlasted its evaluation) with the env's own; call the function it
// returns when that goroutine returns.
func (e *Env) Abandon() (returned func()) {
	e.abandoned.running.Add(1)
	e.abandoned.total.Add(1)
	return func() { e.abandoned.running.Add(-1) }
}

type abandonCounts struct{ running, total atomic.Int64 }

const (
	taskRunning = iota
	taskEnded
	taskAbandoned
)

// task watches one goroutine that runs a runtime, so that it can be
// abandoned once ctx has ended AbandonAfter ago. Exactly one of the
// goroutine's own end (end reports true) and the abandonment (onAbandon
// runs) does the goroutine's bookkeeping.
type task struct {
	counts    *abandonCounts
	onAbandon func()
	stopWatch func() bool

	mu    sync.Mutex
	state int
	timer *time.Timer
}

// watchTask starts watching a goroutine that runs under ctx.
func (e *Env) watchTask(ctx context.Context, onAbandon func()) *task {
	tk := &task{counts: &e.abandoned, onAbandon: onAbandon}
	tk.stopWatch = context.AfterFunc(ctx, tk.arm)
	return tk
}

// arm starts the grace period once the goroutine's context has ended.
func (tk *task) arm() {
	tk.mu.Lock()
	if tk.state == taskRunning {
		tk.timer = time.AfterFunc(AbandonAfter, tk.abandon)
	}
	tk.mu.Unlock()
}

func (tk *task) abandon() {
	tk.mu.Lock()
	now := tk.state == taskRunning
	if now {
		tk.state = taskAbandoned
		tk.counts.running.Add(1)
		tk.counts.total.Add(1)
	}
	tk.mu.Unlock()
	if now {
		tk.onAbandon()
	}
}

// end is called by the goroutine as it returns. It reports true when the
// goroutine ended in time and must do its own bookkeeping, false when it
// was abandoned and must touch nothing of its evaluation.
func (tk *task) end() bool {
	tk.mu.Lock()
	if tk.state == taskAbandoned {
		tk.counts.running.Add(-1)
		tk.mu.Unlock()
		return false
	}
	tk.state = taskEnded
	if tk.timer != nil {
		tk.timer.Stop()
	}
	tk.mu.Unlock()
	tk.stopWatch()
	return true
}

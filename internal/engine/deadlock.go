package engine

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The deadlock detector counts, per evaluation, the runtimes alive and
// those that are running (not asleep in a primitive and not idle with only
// threads to wait for). When the last running runtime falls asleep, no
// runtime can ever wake another: that is a deadlock, reported as Go's
// runtime reports "all goroutines are asleep".
//
// The count is exact because every wake-up is counted by the waker, while
// it still runs: a Queue.put that hands an item to a sleeping get marks that
// runtime running before put returns, and a thread that settles marks its
// waiters running before it ends.

// enter counts a new runtime as alive and running.
func (g *Group) enter() {
	g.mu.Lock()
	g.alive++
	g.running++
	g.mu.Unlock()
}

// leave counts a runtime as gone.
func (g *Group) leave() {
	g.mu.Lock()
	g.alive--
	g.running--
	err, idle := g.deadlocked()
	g.mu.Unlock()
	g.shutdownIdle(idle)
	g.stopOn(err)
}

// sleep counts r as asleep, waiting on what (e.g. "Queue.get").
func (g *Group) sleep(r *Runtime, what string) { g.sleepIn(r, what, nil) }

// sleepIn is sleep for a runtime that may be an idle worker of pool.
func (g *Group) sleepIn(r *Runtime, what string, pool *Pool) { g.sleepStop(r, what, pool, nil) }

// sleepStop is sleepIn for a wait that stop (a {signal}) also ends.
func (g *Group) sleepStop(r *Runtime, what string, pool *Pool, stop <-chan struct{}) {
	g.mu.Lock()
	g.running--
	if g.waiting == nil {
		g.waiting = map[*Runtime]sleeper{}
	}
	g.waiting[r] = sleeper{what: what, pool: pool, stop: stop}
	err, idle := g.deadlocked()
	g.mu.Unlock()
	g.shutdownIdle(idle)
	g.stopOn(err)
}

// sleeper is what an asleep runtime waits on.
type sleeper struct {
	what string
	pool *Pool // set for a pool worker waiting for items
	// stop, when set, is a signal another runtime may abort to wake it.
	stop <-chan struct{}
}

// wake counts r as running again.
func (g *Group) wake(r *Runtime) {
	g.mu.Lock()
	g.running++
	delete(g.waiting, r)
	g.mu.Unlock()
}

// shutdownIdle closes pools whose workers are all that is left. It runs on
// its own goroutine: the caller may hold the lock of the very fifo it closes.
func (g *Group) shutdownIdle(pools []*Pool) {
	if len(pools) == 0 {
		return
	}
	go func() {
		for _, p := range pools {
			p.shutdown()
		}
	}()
}

func (g *Group) stopOn(err error) {
	if err != nil {
		g.Stop(err)
	}
}

// deadlocked reports the deadlock error when no runtime is running. When
// every asleep runtime is an idle pool worker, that is no deadlock but the
// end of the pools' work: nothing can submit to them any more, so it
// returns those pools to shut down instead. g.mu is held.
func (g *Group) deadlocked() (error, []*Pool) {
	if g.running > 0 || g.alive == 0 || g.deadlock {
		return nil, nil
	}
	var idle []*Pool
	notIdle := false
	for r, s := range g.waiting {
		if r.ctx.Err() != nil || closed(s.stop) || r.signalPending() {
			// Cancelled (or its signal aborted) while asleep: it is
			// waking up, and the waking counts it running again before
			// it can sleep or leave.
			return nil, nil
		}
		if s.pool == nil {
			notIdle = true
		} else if !slices.Contains(idle, s.pool) {
			idle = append(idle, s.pool)
		}
	}
	if notIdle {
		idle = nil
	}
	if idle != nil {
		return nil, idle
	}
	g.deadlock = true
	g.env.stats.deadlocks.Add(1)
	lines := make([]string, 0, len(g.waiting))
	for r, s := range g.waiting {
		lines = append(lines, r.Name+": "+s.what)
	}
	sort.Slice(lines, func(i, j int) bool { return runtimeOrder(lines[i]) < runtimeOrder(lines[j]) })
	return fmt.Errorf("%w: all runtimes are asleep, and nothing is left that could wake them:\n  %s",
		ErrDeadlock, strings.Join(lines, "\n  ")), nil
}

// runtimeOrder sorts "main: ..." first, then threads by number.
func runtimeOrder(line string) int {
	name, _, _ := strings.Cut(line, ":")
	if n, ok := strings.CutPrefix(name, "thread "); ok {
		v, _ := strconv.Atoi(n)
		return v
	}
	return -1
}

// waiter is one runtime asleep in a primitive or in get(). Whoever wakes it
// does so under the primitive's lock, through wake, so the detector counts
// it running before the waker moves on.
type waiter struct {
	r *Runtime
	// ctx ends when the waiting runtime must stop. A waiter whose ctx has
	// ended is never handed anything (see takeLive).
	ctx   context.Context
	ch    chan struct{}
	woken bool // guarded by the lock of what it waits on
	// withdrawn says it was woken with nothing handed over: its runtime
	// stopped. Guarded like woken.
	withdrawn bool
	// counted is whether sleep counted it asleep (not when it waits with a
	// timeout: a timeout can still wake it).
	counted bool
	// item is what a Queue handed over with the wake-up.
	item any
	// view is the ThreadPromise a get() or wait() waits on.
	view *promiseView
	// notify, when set, is an asynchronous waiter's wake-up (putAsync,
	// getAsync, waitAsync): it posts to the waiting runtime's loop instead
	// of waking a blocked goroutine.
	notify func()
	// stopWithdraw, for an asynchronous waiter, unregisters what would
	// withdraw it when its runtime stops: once woken it has nothing to
	// withdraw, and the registration would hold it (and the promise it
	// settles) until the runtime ends.
	stopWithdraw func() bool
	// sel, when set, makes this one case of a select: of all the waiters
	// of one select, only the first claimed is ever woken (see select.go).
	sel *selectState
	// stop, when set, ends a blocking wait early: a {signal} that another
	// runtime or Go can abort (see signal.go).
	stop <-chan struct{}
}

func newWaiter(r *Runtime) *waiter { return &waiter{r: r, ctx: r.ctx, ch: make(chan struct{})} }

// sleep counts the waiter asleep; call it under the lock of what it waits
// on, before releasing it.
func (w *waiter) sleep(what string) {
	w.counted = true
	w.r.group.sleepStop(w.r, what, nil, w.stop)
}

// closed reports whether ch (nil: never) is closed.
func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return ch != nil
	default:
		return false
	}
}

// wake wakes the waiter once; call it under the lock of what it waits on.
func (w *waiter) wake() {
	if w.woken {
		return
	}
	w.woken = true
	if w.sel != nil && !w.sel.claim(w) {
		return // another case of its select ran
	}
	if w.notify != nil {
		if w.stopWithdraw != nil {
			w.stopWithdraw()
			w.stopWithdraw = nil
		}
		w.notify()
		return
	}
	if w.counted {
		w.r.group.wake(w.r)
	}
	close(w.ch)
}

// withdraw wakes a waiter whose runtime must stop without handing it
// anything; call it under the lock of what it waits on, once its ctx has
// ended. Its runtime counts as running again from now: it is on its way
// out of the wait.
func (w *waiter) withdraw() {
	if w.woken {
		return
	}
	w.woken, w.withdrawn = true, true
	if w.stopWithdraw != nil {
		w.stopWithdraw()
		w.stopWithdraw = nil
	}
	if w.counted {
		w.r.group.wake(w.r)
	}
	if w.ch != nil {
		close(w.ch)
	}
}

// takeLive takes the first waiter out of list and returns it, passing
// over (and withdrawing) those whose runtime must stop: a cancelled
// runtime is never handed an item, a slot or a lock. It returns nil when
// none is left. The lock guarding list is held.
func takeLive(list *[]*waiter) *waiter {
	for len(*list) > 0 {
		w := (*list)[0]
		*list = removeWaiter(*list, w)
		if w.sel != nil && !w.sel.claim(w) {
			continue // another case of its select ran
		}
		if w.ctx == nil || w.ctx.Err() == nil {
			return w
		}
		w.withdraw()
	}
	return nil
}

// block waits until w is woken, its runtime must stop, or timeout (when
// positive) passes. If it was not woken, it withdraws w: under mu it calls
// remove, which takes w out of whatever list holds it, and reports false.
// It reports false as well when w was withdrawn by the one waking it.
func (w *waiter) block(mu sync.Locker, timeout time.Duration, remove func()) bool {
	var expired <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expired = t.C
	}
	select {
	case <-w.ch:
		return !w.withdrawn // written before ch was closed
	case <-w.r.ctx.Done():
	case <-expired:
	case <-w.stop:
	}
	mu.Lock()
	defer mu.Unlock()
	if w.woken {
		return !w.withdrawn
	}
	w.woken = true
	remove()
	if w.counted {
		w.r.group.wake(w.r)
	}
	return false
}

// withdrawOnCancel takes an asynchronous waiter out of list, which mu
// guards, when its runtime stops, so that it cannot swallow an item nobody
// will ever see, nor stay in a list that outlives its runtime. Call it
// with mu held.
func withdrawOnCancel(ctx context.Context, mu *sync.Mutex, w *waiter, list *[]*waiter) {
	w.ctx = ctx
	w.stopWithdraw = context.AfterFunc(ctx, func() {
		mu.Lock()
		if !w.woken {
			w.woken, w.withdrawn = true, true
			*list = removeWaiter(*list, w)
		}
		mu.Unlock()
	})
}

// removeWaiter takes w out of list, keeping the order of the others.
func removeWaiter(list []*waiter, w *waiter) []*waiter {
	for i, x := range list {
		if x == w {
			copy(list[i:], list[i+1:])
			list[len(list)-1] = nil
			return list[:len(list)-1]
		}
	}
	return list
}

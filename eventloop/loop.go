package eventloop

import (
	"context"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Job is work posted to a loop. It runs on the loop's goroutine; a non-nil
// error ends the loop with that error (a *goja.Exception becomes an
// UncaughtError).
type Job func() error

// Loop is the event loop of one goja runtime. Create it with New, start it
// with Run. Post and RegisterCallback may be called from any goroutine; the
// other methods belong to the loop's own goroutine.
type Loop struct {
	rt   *goja.Runtime
	then goja.Callable // Promise.prototype.then as built in (see InstallGlobals)

	mu      sync.Mutex
	jobs    []Job
	pending int  // registrations that have not reported back
	closed  bool // Run has returned: posts are dropped
	wakeup  chan struct{}
	idle    IdleFunc
	idling  bool // asleep with only registrations outstanding; told to idle

	// Owned by the loop's goroutine.
	timers     timerQueue
	unrefs     int // timers in the heap that do not keep the loop alive
	byID       map[int64]*timer
	nextID     int64
	immediates []*timer
	rejections rejectionTracker
	err        error // first uncaught error; ends the loop
	spare      []Job
	clock      *time.Timer
}

// IdleFunc is told when the loop goes to sleep with nothing of its own left
// to run but outstanding registrations (waiting is true), and when it is
// woken again (false). The wake-up is told by the goroutine that posts the
// job, before the post returns, so a listener that counts sleeping loops
// never sees a moment where the poster has gone and the loop still sleeps.
// It is called with the loop's lock held: it must not call into the loop.
type IdleFunc func(waiting bool)

// New makes a loop for rt and installs the promise rejection tracker into
// it. InstallGlobals adds the timer functions.
func New(rt *goja.Runtime) *Loop {
	l := &Loop{rt: rt, wakeup: make(chan struct{}, 1), byID: make(map[int64]*timer)}
	l.rejections.init(rt)
	return l
}

// Runtime is the loop's runtime.
func (l *Loop) Runtime() *goja.Runtime { return l.rt }

// SetIdleFunc sets the idle listener. Call it before Run.
func (l *Loop) SetIdleFunc(f IdleFunc) { l.idle = f }

// Post queues job to run on the loop. It does not keep the loop alive: a job
// posted after the loop has finished is dropped, and Post reports false.
func (l *Loop) Post(job Job) bool {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return false
	}
	l.jobs = append(l.jobs, job)
	l.wakeIdle()
	l.mu.Unlock()
	l.wake()
	return true
}

// wakeIdle tells the idle listener the loop is awake again. l.mu is held.
func (l *Loop) wakeIdle() {
	if l.idling {
		l.idling = false
		l.idle(false)
	}
}

// RegisterCallback keeps the loop alive until the returned function is
// called. That function queues its job on the loop and may be called from
// any goroutine; only its first call counts. Register on the loop's
// goroutine (or before Run), so that the loop cannot finish in between.
func (l *Loop) RegisterCallback() func(Job) {
	l.Hold()
	var once sync.Once
	return func(job Job) {
		once.Do(func() { l.Release(job) })
	}
}

// Hold keeps the loop alive until Release is called once for it: the
// same as RegisterCallback without its function, for a caller that already
// calls back exactly once (RegisterCallback's closure and sync.Once were
// two allocations per call on paths that make one per item). Hold on the
// loop's goroutine (or before Run), like RegisterCallback.
func (l *Loop) Hold() {
	l.mu.Lock()
	l.pending++
	l.mu.Unlock()
}

// Release ends one Hold, queueing job (nil: none) on the loop. It may be
// called from any goroutine, exactly once per Hold.
func (l *Loop) Release(job Job) {
	l.mu.Lock()
	l.pending--
	if !l.closed && job != nil {
		l.jobs = append(l.jobs, job)
	}
	l.wakeIdle()
	l.mu.Unlock()
	l.wake()
}

// Fail ends the loop with err after the job or callback that is running.
// It belongs to the loop's goroutine.
func (l *Loop) Fail(err error) {
	if l.err == nil {
		l.err = err
	}
}

func (l *Loop) wake() {
	select {
	case l.wakeup <- struct{}{}:
	default:
	}
}

// Run runs main on the loop's goroutine (the caller's), then every job,
// timer and callback until none is left or one fails, or until ctx ends.
// It returns the first uncaught error, main's error, or context.Cause(ctx).
// When ctx ends the runtime is interrupted wherever it is.
func (l *Loop) Run(ctx context.Context, main Job) error {
	stop := context.AfterFunc(ctx, func() {
		l.rt.Interrupt(context.Cause(ctx))
		l.wake()
	})
	defer stop()
	return l.RunStopped(ctx, main)
}

// RunStopped is Run for a caller that calls Stop itself when ctx ends,
// once for many runs (a host's Program), where Run watches ctx anew on
// each.
func (l *Loop) RunStopped(ctx context.Context, main Job) error {
	defer l.close()

	l.runJob(main)
	for l.err == nil {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if l.turn() {
			continue
		}
		if !l.sleep(ctx) {
			break
		}
	}
	if l.err != nil && ctx.Err() != nil {
		// An interrupt surfaces as whatever the interrupted call returned;
		// report why it was interrupted instead.
		return context.Cause(ctx)
	}
	return l.err
}

// turn runs what is ready now: posted jobs, then immediates, then due
// timers. It reports whether anything ran.
func (l *Loop) turn() bool {
	ran := false
	l.mu.Lock()
	jobs := l.jobs
	l.jobs = l.spare[:0]
	l.mu.Unlock()
	for i, job := range jobs {
		jobs[i] = nil
		if l.err == nil {
			l.runJob(job)
		}
		ran = true
	}
	l.spare = jobs[:0]
	if l.err != nil {
		return ran
	}
	if len(l.immediates) > 0 {
		batch := l.immediates
		l.immediates = nil
		for _, t := range batch {
			if l.err == nil && !t.cancelled {
				delete(l.byID, t.id)
				l.runTimer(t)
			}
		}
		ran = true
	}
	// As Node's loop, run timers only while the loop is alive: due
	// unref'd timers alone do not run, the loop ends.
	if !l.alive() {
		return ran
	}
	t := now()
	for l.err == nil && l.timers.Len() > 0 && l.timers.peek().when <= t {
		next := l.timers.pop()
		l.leftHeap(next)
		l.fire(next)
		ran = true
	}
	return ran
}

// alive reports whether something keeps the loop running: a posted or
// pending job, an immediate, or a ref'd timer.
func (l *Loop) alive() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.jobs) > 0 || l.pending > 0 || l.timers.Len() > l.unrefs || len(l.immediates) > 0
}

// sleep waits for something to do. It reports false when nothing is left
// that could ever wake the loop.
func (l *Loop) sleep(ctx context.Context) bool {
	l.mu.Lock()
	if len(l.jobs) > 0 {
		l.mu.Unlock()
		return true
	}
	if l.pending == 0 && l.timers.Len() == l.unrefs && len(l.immediates) == 0 {
		l.closed = true
		l.mu.Unlock()
		return false
	}
	if l.timers.Len() == 0 && len(l.immediates) == 0 && l.idle != nil {
		l.idling = true
		l.idle(true)
	}
	l.mu.Unlock()

	var due <-chan time.Time
	if l.timers.Len() > 0 {
		d := time.Duration(l.timers.peek().when - now())
		if d <= 0 {
			return true
		}
		if l.clock == nil {
			l.clock = time.NewTimer(d)
		} else {
			l.clock.Reset(d)
		}
		due = l.clock.C
	}
	select {
	case <-l.wakeup:
	case <-due:
	case <-ctx.Done():
	}
	l.mu.Lock()
	l.wakeIdle()
	l.mu.Unlock()
	if l.clock != nil {
		l.clock.Stop()
	}
	return true
}

func (l *Loop) close() {
	l.mu.Lock()
	l.closed = true
	l.jobs = nil
	l.mu.Unlock()
	l.timers = nil
	l.unrefs = 0
	l.immediates = nil
	if l.clock != nil {
		l.clock.Stop()
	}
}

// runJob runs one macrotask and the checks that follow it.
func (l *Loop) runJob(job Job) {
	err := l.protect(job)
	if err != nil {
		l.Fail(fromCallError(err))
		return
	}
	if err := l.rejections.take(); err != nil {
		l.Fail(err)
	}
}

// protect turns a Go panic in job into an error, so that no callback of
// ours or an embedder's can bring the process down.
func (l *Loop) protect(job Job) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if ex, ok := r.(*goja.Exception); ok {
				err = ex
				return
			}
			err = panicError(r)
		}
	}()
	return job()
}

package engine

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Instance is a main runtime kept for many evaluations, one at a time:
// a host's Program loads a script into it once, then calls its functions.
// Each Run is an evaluation (a Group: its threads, its deadlock watch,
// its context), so a call's threads end with the call; what the script
// keeps in its globals and module scope stays for the next Run. An
// Instance is not safe for concurrent use.
type Instance struct {
	env    *Env
	script *Script
	r      *Runtime
	life   context.Context // ends when the instance is closed
	end    context.CancelFunc
	broken bool
	group  *Group // kept from the last Run, which left it clean

	// The runtime's goroutine runs every Run's job: one that has run
	// goja before has the stack goja needs, where a fresh goroutine
	// would grow its stack again on each call.
	jobs   chan runJob
	exited chan struct{}
	done   chan runResult
	gone   chan struct{} // closed when the goroutine is abandoned
	watch  runWatch
}

// ErrInstanceBroken is returned by Instance.Run after a run that left
// the runtime unfit for another: it was interrupted (its context ended,
// a deadlock, process.exit, the memory limit) or abandoned.
var ErrInstanceBroken = errors.New("engine: the instance's last run was stopped")

// NewInstance makes an instance whose evaluations carry functions of s
// into threads (as Eval of s would). Its runtime is made by the first
// Run, which should run s. Its runtimes' contexts carry the values of
// values (not its end: each Run has its own).
func (e *Env) NewInstance(values context.Context, s *Script) *Instance {
	life, end := context.WithCancel(context.WithoutCancel(values))
	in := &Instance{env: e, script: s, life: life, end: end}
	in.watch.in = in
	return in
}

// Usable reports whether the instance can Run: it is not broken, and
// nothing stopped the evaluation it keeps since its last Run.
func (in *Instance) Usable() bool {
	return !in.broken && (in.group == nil || in.group.ctx.Err() == nil)
}

// Broken reports whether the last Run left the runtime unfit for more.
func (in *Instance) Broken() bool { return in.broken }

// Lifetime ends when the instance is closed. Unlike Runtime.Context,
// which ends with each evaluation, it lasts as long as the runtime.
func (in *Instance) Lifetime() context.Context { return in.life }

// Close releases the instance and ends its goroutine; it must not be
// running.
func (in *Instance) Close() {
	in.broken = true
	in.end()
	if in.group != nil {
		in.group.Stop(ErrInstanceBroken)
		_ = in.retire(in.group)
		in.group = nil
	}
	if in.jobs != nil && !in.watch.abandoned {
		close(in.jobs)
		<-in.exited
	}
	in.jobs = nil
}

// work runs jobs until there are no more, or one was abandoned.
func (in *Instance) work() {
	defer close(in.exited)
	for j := range in.jobs {
		if !in.runOn(j) {
			return
		}
	}
}

// instanceKey finds the instance of a runtime in its contexts.
type instanceKey struct{}

// InstanceOf is the instance whose runtime r is, or nil.
func InstanceOf(r *Runtime) *Instance {
	in, _ := r.ctx.Value(instanceKey{}).(*Instance)
	return in
}

// Run runs job as one evaluation on the instance's runtime: job, then
// the loop until it runs out, then every thread the evaluation started,
// as Env.Eval does. The runtime stays for the next Run unless this one
// was stopped (ctx ended, deadlock, exit, abandoned): then the instance
// is broken and every later Run returns ErrInstanceBroken. An exception
// job throws leaves it whole, as a worker in Node survives one.
//
// A Run that started no thread and ended well leaves its Group for the
// next: a call that needs nothing of the threads library then costs no
// Group of its own. The Group's context is the instance's, stopped when
// ctx ends.
func (in *Instance) Run(ctx context.Context, job func(r *Runtime) (goja.Value, error)) (goja.Value, error) {
	if !in.Usable() {
		in.broken = true
		return nil, ErrInstanceBroken
	}
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	e := in.env
	e.stats.calls.Add(1)
	defer e.stats.calls.Add(-1)
	g := in.group
	in.group = nil
	if g == nil {
		g = e.newGroup(context.WithValue(in.life, instanceKey{}, in), in.script)
		if err := e.join(g); err != nil {
			g.cancel(err)
			return nil, err
		}
		context.AfterFunc(g.ctx, func() { in.watch.stopped(g) })
	}
	var stop func() bool
	if ctx.Done() != nil {
		stop = context.AfterFunc(ctx, func() { g.Stop(context.Cause(ctx)) })
		defer stop()
	}
	r := in.r
	if r == nil {
		var err error
		if r, err = g.newMain(true); err != nil {
			in.broken = true
			g.Stop(err)
			_ = in.retire(g)
			return nil, err
		}
		in.r = r
		in.jobs, in.exited = make(chan runJob), make(chan struct{})
		in.done, in.gone = make(chan runResult, 1), make(chan struct{})
		go in.work()
	} else {
		r.group, r.ctx = g, g.ctx // before Reopen, whose lock publishes them
		if !r.Loop.Reopen() {
			in.broken = true
			g.cancel(ErrInstanceBroken)
			_ = in.retire(g)
			return nil, ErrInstanceBroken
		}
		g.enter()
	}
	// broken is decided by the runtime's goroutine, which alone knows
	// whether its loop returned with the evaluation still going.
	in.broken = true
	in.watch.begin(g)
	in.jobs <- runJob{g, job}
	var (
		v   goja.Value
		err error
	)
	select {
	case res := <-in.done:
		v, err = res.v, res.err
		in.broken = !res.whole
	case <-in.gone:
		err = context.Cause(g.ctx)
	}
	// A ctx that ended during the run, even after the loop returned, has
	// stopped the Group or is about to: it is not kept.
	ended := stop != nil && !stop()
	if err == nil && !in.broken && !ended && g.nextID.Load() == 0 {
		in.group = g // nothing of it runs on: keep it for the next Run
		return v, nil
	}
	if err != nil {
		g.Stop(err)
	}
	if werr := in.retire(g); err == nil {
		err = werr
	}
	return v, err
}

// runJob is one Run's work for the runtime's goroutine.
type runJob struct {
	g   *Group
	job func(r *Runtime) (goja.Value, error)
}

// runOn runs j on the runtime's goroutine and reports to Run; false
// when the goroutine was abandoned meanwhile and must end.
func (in *Instance) runOn(j runJob) bool {
	r := in.r
	var res runResult
	res.err = r.Loop.RunStopped(j.g.ctx, func() error {
		var err error
		res.v, err = j.job(r)
		return err
	})
	res.whole = j.g.ctx.Err() == nil
	if !in.watch.finish() {
		return false // abandoned: touch nothing more
	}
	r.finish()
	in.done <- res
	return true
}

// runResult is what the runtime's goroutine reports of one Run.
type runResult struct {
	v     goja.Value
	err   error
	whole bool // the evaluation was not stopped while the loop ran
}

// retire waits for g's threads and forgets g.
func (in *Instance) retire(g *Group) error {
	err := g.Wait()
	in.env.leave(g)
	return err
}

// runWatch is task (see abandon.go) for an instance's goroutine, watching
// the contexts of its evaluations once each rather than once per Run.
type runWatch struct {
	in        *Instance
	mu        sync.Mutex
	running   *Group // the evaluation of the Run under way, if any
	timer     *time.Timer
	abandoned bool
}

func (w *runWatch) begin(g *Group) {
	w.mu.Lock()
	w.running = g
	w.mu.Unlock()
	if g.ctx.Err() != nil { // stopped before begin could see it
		w.stopped(g)
	}
}

// stopped is told that g's context has ended: it stops the runtime if
// it runs g, and gives it AbandonAfter to return.
func (w *runWatch) stopped(g *Group) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.running != g || w.timer != nil {
		return
	}
	w.in.r.Loop.Stop(context.Cause(g.ctx))
	w.timer = time.AfterFunc(AbandonAfter, w.abandon)
}

func (w *runWatch) abandon() {
	w.mu.Lock()
	now := w.running != nil && !w.abandoned
	if now {
		w.abandoned = true
		w.in.env.abandoned.running.Add(1)
		w.in.env.abandoned.total.Add(1)
	}
	w.mu.Unlock()
	if now {
		w.in.r.finish()
		close(w.in.gone)
	}
}

// finish is called by the goroutine as its Run ends; false when it was
// abandoned and must touch nothing of its evaluation.
func (w *runWatch) finish() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.abandoned {
		w.in.env.abandoned.running.Add(-1)
		return false
	}
	w.running = nil
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	return true
}

package engine

import (
	"context"
	"errors"

	"github.com/dop251/goja"
)

// Instance is a main runtime kept for many evaluations, one at a time:
// a host's Program loads a script into it once, then calls its functions.
// Each Run is an evaluation of its own (a Group: its threads, its
// deadlock watch, its context), so a call's threads end with the call;
// what the script keeps in its globals and module scope stays for the
// next Run. An Instance is not safe for concurrent use.
type Instance struct {
	env    *Env
	script *Script
	r      *Runtime
	// life ends when the instance is closed; Lifetime gives it.
	life   context.Context
	end    context.CancelFunc
	broken bool
	// The runtime's goroutine, which runs every Run's job: one that has
	// run goja before has the stack goja needs, where a fresh goroutine
	// would grow its stack again on each call.
	jobs      chan func() bool
	exited    chan struct{}
	abandoned bool // the goroutine was abandoned: it ends by itself
	done      chan runResult
	gone      chan struct{} // closed when the goroutine is abandoned
	group     *Group        // kept from the last Run, which left it clean
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
	return &Instance{env: e, script: s, life: life, end: end}
}

// Program is the compiled program of s, for an instance's first Run.
func (s *Script) Program() *goja.Program { return s.prog }

// Broken reports whether the instance can Run no more.
func (in *Instance) Broken() bool { return in.broken }

// Lifetime ends when the instance is closed. Unlike Runtime.Context,
// which ends with each Run, it lasts as long as the runtime serves.
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
	if in.jobs != nil && !in.abandoned {
		close(in.jobs)
		<-in.exited
	}
	in.jobs = nil
}

// work runs jobs until there are no more, or one was abandoned.
func (in *Instance) work() {
	defer close(in.exited)
	for job := range in.jobs {
		if !job() {
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
// next: a call that needs none of the threads library then costs no
// Group of its own. Its context is the instance's, stopped by ctx.
func (in *Instance) Run(ctx context.Context, job func(r *Runtime) (goja.Value, error)) (goja.Value, error) {
	if in.broken {
		return nil, ErrInstanceBroken
	}
	e := in.env
	g := in.group
	in.group = nil
	if g == nil || g.ctx.Err() != nil {
		if g != nil {
			in.retire(g)
		}
		g = e.newGroup(context.WithValue(in.life, instanceKey{}, in), in.script)
		if err := e.join(g); err != nil {
			g.cancel(err)
			return nil, err
		}
	}
	if ctx.Done() != nil {
		if ctx.Err() != nil {
			in.group = g
			return nil, context.Cause(ctx)
		}
		stop := context.AfterFunc(ctx, func() { g.Stop(context.Cause(ctx)) })
		defer stop()
	}
	r := in.r
	if r == nil {
		var err error
		if r, err = g.newMain(); err != nil {
			in.broken = true
			g.Stop(err)
			in.retire(g)
			return nil, err
		}
		in.r = r
	} else {
		r.group, r.ctx = g, g.ctx // before Reopen, whose lock publishes them
		if !r.Loop.Reopen() {
			in.broken = true
			g.cancel(ErrInstanceBroken)
			in.retire(g)
			return nil, ErrInstanceBroken
		}
		g.enter()
	}
	// broken is decided by the runtime's goroutine, which alone knows
	// whether its loop returned with the evaluation still going; it is
	// read only when that goroutine has reported.
	in.broken = true
	if in.jobs == nil {
		in.jobs, in.exited = make(chan func() bool), make(chan struct{})
		in.done, in.gone = make(chan runResult, 1), make(chan struct{})
		go in.work()
	}
	tk := e.watchTask(g.ctx, func() {
		r.finish()
		close(in.gone)
	})
	in.jobs <- func() bool {
		var res runResult
		res.err = r.Loop.Run(g.ctx, func() error {
			var err error
			res.v, err = job(r)
			return err
		})
		res.whole = g.ctx.Err() == nil
		if !tk.end() {
			return false
		}
		r.finish()
		in.done <- res
		return true
	}
	var (
		v   goja.Value
		err error
	)
	select {
	case res := <-in.done:
		v, err = res.v, res.err
		in.broken = !res.whole
	case <-in.gone:
		in.abandoned = true
		err = context.Cause(g.ctx)
	}
	if err == nil && !in.broken && g.nextID.Load() == 0 {
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

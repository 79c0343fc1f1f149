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
}

// ErrInstanceBroken is returned by Instance.Run after a run that left
// the runtime unfit for another: it was interrupted (its context ended,
// a deadlock, process.exit, the memory limit) or abandoned.
var ErrInstanceBroken = errors.New("engine: the instance's last run was stopped")

// NewInstance makes an instance whose evaluations carry functions of s
// into threads (as Eval of s would). Its runtime is made by the first
// Run, which should run s.
func (e *Env) NewInstance(s *Script) *Instance {
	life, end := context.WithCancel(context.Background())
	return &Instance{env: e, script: s, life: life, end: end}
}

// Program is the compiled program of s, for an instance's first Run.
func (s *Script) Program() *goja.Program { return s.prog }

// Broken reports whether the instance can Run no more.
func (in *Instance) Broken() bool { return in.broken }

// Lifetime ends when the instance is closed. Unlike Runtime.Context,
// which ends with each Run, it lasts as long as the runtime serves.
func (in *Instance) Lifetime() context.Context { return in.life }

// Close releases the instance; it must not be running.
func (in *Instance) Close() {
	in.broken = true
	in.end()
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
func (in *Instance) Run(ctx context.Context, job func(r *Runtime) (goja.Value, error)) (goja.Value, error) {
	if in.broken {
		return nil, ErrInstanceBroken
	}
	e := in.env
	g := e.newGroup(context.WithValue(ctx, instanceKey{}, in), in.script)
	if err := e.join(g); err != nil {
		g.cancel(err)
		return nil, err
	}
	defer e.leave(g)
	r := in.r
	if r == nil {
		var err error
		if r, err = g.newMain(); err != nil {
			in.broken = true
			g.Stop(err)
			_ = g.Wait()
			return nil, err
		}
		in.r = r
	} else {
		r.group, r.ctx = g, g.ctx // before Reopen, whose lock publishes them
		if !r.Loop.Reopen() {
			in.broken = true
			g.cancel(ErrInstanceBroken)
			return nil, ErrInstanceBroken
		}
		g.enter()
	}
	// broken is decided by the runtime's goroutine, which alone knows
	// whether its loop returned with the evaluation still going; it is
	// read only when that goroutine has reported.
	in.broken = true
	type result struct {
		v     goja.Value
		err   error
		whole bool
	}
	done := make(chan result, 1)
	abandoned := make(chan struct{})
	tk := e.watchTask(g.ctx, func() {
		r.finish()
		close(abandoned)
	})
	go func() {
		var v goja.Value
		err := r.Loop.Run(g.ctx, func() error {
			var err error
			v, err = job(r)
			return err
		})
		whole := g.ctx.Err() == nil
		if tk.end() {
			r.finish()
			done <- result{v, err, whole}
		}
	}()
	var (
		v   goja.Value
		err error
	)
	select {
	case res := <-done:
		v, err = res.v, res.err
		in.broken = !res.whole
	case <-abandoned:
		err = context.Cause(g.ctx)
	}
	if err != nil {
		g.Stop(err)
	}
	if werr := g.Wait(); err == nil {
		err = werr
	}
	return v, err
}

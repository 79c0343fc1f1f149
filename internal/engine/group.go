package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
)

// Group is one evaluation: its context, every thread it started
// (transitively), and the first error that nothing caught.
type Group struct {
	env    *Env
	script *Script // the main script
	ctx    context.Context
	cancel context.CancelCauseFunc

	threads sync.WaitGroup
	spawner *spawner
	live    atomic.Int64
	queued  atomic.Int64 // items held in the evaluation's Queues
	nextID  atomic.Int64

	tree sync.Mutex // guards the threads' parent and children (see tree.go)

	mu       sync.Mutex
	err      error
	alive    int                  // runtimes not yet finished
	running  int                  // alive runtimes not asleep
	waiting  map[*Runtime]sleeper // asleep runtimes and what they wait on
	deadlock bool                 // reported once
	unwaited []*ErrGroup          // threads.Groups that failed before anything waited for them
}

// newGroup starts an evaluation of s under ctx.
func (e *Env) newGroup(ctx context.Context, s *Script) *Group {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{env: e, script: s, ctx: ctx, cancel: cancel, spawner: newSpawner(e.newBlank)}
}

// Eval runs one evaluation of s under ctx: it makes the main runtime, runs
// s on that runtime's loop, then then (if not nil) with s's completion
// value, lets the loop run out, and waits for every thread the evaluation
// started. It returns the completion value, or what then returned (a value
// of the main runtime, idle by then), and the evaluation's first error.
//
// The main runtime runs on a goroutine of its own, so that Eval can
// return when that goroutine is stuck past the grace period after the
// evaluation had to stop (see task); then the value is nil. Close stops
// it, with Close's cause as its error; after Close, Eval returns that
// cause at once.
func (e *Env) Eval(ctx context.Context, s *Script, then func(r *Runtime, completion goja.Value) (goja.Value, error)) (goja.Value, error) {
	return e.eval(ctx, s, then, true)
}

// eval is Eval; every false makes the main runtime as a thread's, with
// the host's globals installed on demand (RunItem's items).
func (e *Env) eval(ctx context.Context, s *Script, then func(r *Runtime, completion goja.Value) (goja.Value, error), every bool) (goja.Value, error) {
	e.stats.evals.Add(1)
	defer e.stats.evals.Add(-1)
	g := e.newGroup(ctx, s)
	if err := e.join(g); err != nil {
		g.cancel(err)
		return nil, err
	}
	defer e.leave(g)
	r, err := g.newMain(every)
	if err != nil {
		g.Stop(err)
		_ = g.Wait()
		return nil, err
	}
	type result struct {
		v   goja.Value
		err error
	}
	done := make(chan result, 1)
	abandoned := make(chan struct{})
	tk := e.watchTask(g.ctx, func() {
		r.finish()
		close(abandoned)
	})
	go func() {
		var v goja.Value
		err := r.Loop.Run(g.Context(), func() error {
			var err error
			v, err = r.RT.RunProgram(s.prog)
			if err == nil && then != nil {
				v, err = then(r, v)
			}
			return err
		})
		if err == nil && e.cfg.Exiting != nil {
			err = r.exiting()
		}
		if tk.end() {
			r.finish()
			done <- result{v, err}
		}
	}()
	var v goja.Value
	select {
	case res := <-done:
		v, err = res.v, res.err
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

// Context ends when the evaluation must stop.
func (g *Group) Context() context.Context { return g.ctx }

// newMain makes the evaluation's main runtime.
// Call finish on it when its loop has returned.
func (g *Group) newMain(every bool) (*Runtime, error) {
	r, err := g.newRuntime(g.ctx, "main", every)
	if err == nil {
		g.enter()
	}
	return r, err
}

// Stop ends the evaluation: every runtime is interrupted and every blocked
// call returns. cause is what Wait and the runtimes' loops report.
func (g *Group) Stop(cause error) {
	g.fail(cause)
	g.cancel(cause)
}

// fail records err as the evaluation's error if it is the first.
func (g *Group) fail(err error) {
	g.mu.Lock()
	if g.err == nil {
		g.err = err
	}
	g.mu.Unlock()
}

// Wait waits until every thread of the evaluation has finished, and returns
// the first error that ended it or that a thread could not report to
// anyone (an uncaught error after the thread had settled). It releases the
// group's context.
func (g *Group) Wait() error {
	g.threads.Wait()
	g.spawner.stop()
	g.mu.Lock()
	err := g.err
	unwaited := g.unwaited
	g.mu.Unlock()
	if err == nil && g.ctx.Err() != nil {
		err = context.Cause(g.ctx)
	}
	if err == nil {
		err = unwaitedError(unwaited)
	}
	g.cancel(errors.New("evaluation finished"))
	return err
}

// exiting runs what Config.Exiting gives for r, whose loop has run out:
// interrupted as the loop would be, its exception reported as the loop's.
func (r *Runtime) exiting() (err error) {
	f := r.group.env.cfg.Exiting(r)
	if f == nil {
		return nil
	}
	ctx := r.ctx
	stop := context.AfterFunc(ctx, func() { r.RT.Interrupt(context.Cause(ctx)) })
	defer stop()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("engine: Go panic in Exiting: %v", p)
		}
		if err != nil && ctx.Err() != nil {
			err = context.Cause(ctx)
		}
	}()
	return eventloop.CallError(f())
}

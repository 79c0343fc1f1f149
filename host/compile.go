package host

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
)

// errStopped is wrapped by the error of an evaluation whose context ended
// while its script was compiling.
var errStopped = errors.New("stopped while compiling")

// compileUnder is compileMain bounded by ctx. goja folds constant
// expressions as it compiles (3n ** 30000000n is computed then, for
// seconds), and nothing can interrupt that: a compile still running
// engine.AbandonAfter after ctx ended is left to finish on its own
// goroutine, counted as abandoned, and keeps its program for the next
// evaluation of the same source. A kept program needs no goroutine.
func (h *Host) compileUnder(ctx context.Context, name, src string) (*goja.Program, func(), error) {
	if prog, release, ok := h.lookupMain(name, src); ok {
		return prog, release, nil
	}
	if ctx.Done() == nil {
		return h.compileMain(name, src)
	}
	type compiled struct {
		prog    *goja.Program
		release func()
		err     error
	}
	var (
		mu        sync.Mutex
		abandoned bool
		returned  func()
	)
	done := make(chan compiled, 1)
	go func() {
		prog, release, err := h.compileMain(name, src)
		mu.Lock()
		defer mu.Unlock()
		if !abandoned {
			done <- compiled{prog, release, err}
			return
		}
		if err == nil {
			release()
		}
		returned()
	}()
	select {
	case c := <-done:
		return c.prog, c.release, c.err
	case <-ctx.Done():
	}
	grace := time.NewTimer(engine.AbandonAfter)
	defer grace.Stop()
	select {
	case c := <-done:
		return c.prog, c.release, c.err
	case <-grace.C:
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case c := <-done: // it ended just now
		return c.prog, c.release, c.err
	default:
	}
	abandoned = true
	returned = h.env.Abandon()
	return nil, nil, fmt.Errorf("jsrun: %w: %w", errStopped, context.Cause(ctx))
}

// lookupMain returns the kept program of a main script, taken for one
// more evaluation, if there is one.
func (h *Host) lookupMain(name, src string) (*goja.Program, func(), bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if name == evalName {
		if p := h.evals[src]; p != nil {
			prog, release, _ := h.reuseEval(p)
			return prog, release, true
		}
		return nil, nil, false
	}
	if p := h.mains[name]; p != nil && p.src == src {
		return p.prog, noRelease, true
	}
	return nil, nil, false
}

package host

import (
	"context"
	"errors"
	"fmt"

	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/memlimit"
)

// ErrMemoryLimit is wrapped by the error of an evaluation that
// WithMemoryLimit stopped: a *ScriptError whose Name is "RangeError" and
// whose Message is "out of memory: limit N bytes".
var ErrMemoryLimit = errors.New("out of memory")

// WithMemoryLimit bounds the Go heap while the host's evaluations run, to
// n bytes (default, and 0: no bound; n must not be negative). When a collection finds the
// live heap at 90% of n, each evaluation with that limit running then
// fails with RangeError "out of memory: limit n bytes" (a *ScriptError
// wrapping ErrMemoryLimit) instead of the process dying of Go's fatal out
// of memory or being killed. The heap is the whole process's: see "The
// memory limit" in the package doc for what it can and cannot bound.
func WithMemoryLimit(n int64) Option {
	return func(o *options) { limit(o, &o.memoryLimit, n, 0, "WithMemoryLimit") }
}

// watchMemory gives an evaluation a context that the memory limit ends,
// with the cause it ends it with, and the release to call when the
// evaluation ends. Without a limit, ctx is returned as is.
func (h *Host) watchMemory(ctx context.Context) (context.Context, *engine.Fault, func()) {
	n := h.opts.memoryLimit
	if n <= 0 {
		return ctx, nil, func() {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	oom := &engine.Fault{Name: "RangeError", Message: fmt.Sprintf("out of memory: limit %d bytes", n)}
	release := memlimit.Watch(n, func() { cancel(oom) })
	return ctx, oom, func() {
		release()
		cancel(nil)
	}
}

// stopError is evalError, and the memory limit's error when it stopped
// the evaluation (oom is watchMemory's cause).
func (h *Host) stopError(ctx context.Context, oom *engine.Fault, err error) error {
	if oom == nil || context.Cause(ctx) != error(oom) {
		return h.evalError(ctx, err)
	}
	return &ScriptError{Kind: eventloop.KindUncaughtException, Name: oom.Name, Message: oom.Message,
		Stack: oom.Name + ": " + oom.Message, err: ErrMemoryLimit}
}

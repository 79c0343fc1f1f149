package engine

import (
	"math"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// sleep is threads.sleep(ms): it blocks the calling runtime (its loop
// included) for ms milliseconds, and returns early with CancelledError or
// TimeoutError when the runtime must stop. A sleeping runtime counts as
// running for the deadlock detector: its timer will wake it.
func (lib *library) sleep(c goja.FunctionCall) goja.Value {
	v := c.Argument(0)
	if jsutil.TypeOf(v) != "number" {
		lib.typeError("threads.sleep: argument 'ms' must be a number of milliseconds, got %s", jsutil.TypeOf(v))
	}
	ms := v.ToFloat()
	if math.IsNaN(ms) || ms < 0 || math.IsInf(ms, 0) {
		lib.rangeError("threads.sleep: argument 'ms' must be a finite non-negative number, got %s", v.String())
	}
	a := lib.sleepSignal(c.Argument(1))
	t := time.NewTimer(time.Duration(ms * float64(time.Millisecond)))
	defer t.Stop()
	ctx := lib.r.ctx
	select {
	case <-t.C:
	case <-ctx.Done():
		lib.throwFault(cancelFault(ctx, "threads.sleep"))
	case <-a.stop():
		lib.throwAborted(a)
	}
	return goja.Undefined()
}

// sleepSignal reads threads.sleep's options: {signal}.
func (lib *library) sleepSignal(v goja.Value) *abortWatch {
	switch jsutil.TypeOf(v) {
	case "undefined", "null":
		return nil
	case "object":
		return lib.signalOption(v, "threads.sleep")
	}
	lib.typeError("threads.sleep: argument 'options' must be an object like {signal}, got %s", jsutil.TypeOf(v))
	return nil
}

package host

import (
	"context"
	"math"
	"sync"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/node/util"
)

// evalState is what the runtimes of one evaluation share of `process`:
// the exit code. It travels in the evaluation's context, which every
// runtime's context derives from.
type evalState struct {
	mu      sync.Mutex
	exitSet bool
	exit    int64
}

type evalStateKey struct{}

func withEvalState(ctx context.Context) (context.Context, *evalState) {
	st := &evalState{}
	return context.WithValue(ctx, evalStateKey{}, st), st
}

func evalStateOf(r *engine.Runtime) *evalState {
	if st, ok := r.Context().Value(evalStateKey{}).(*evalState); ok {
		return st
	}
	return &evalState{} // a runtime made outside Eval: its own
}

// code is the exit code: process.exitCode, or 0.
func (st *evalState) code() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return int(st.exit)
}

func (st *evalState) exitCodeValue(rt *goja.Runtime) goja.Value {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.exitSet {
		return goja.Undefined()
	}
	return rt.ToValue(st.exit)
}

// setExitCode sets process.exitCode as Node 20 does: an integer (or a
// string of one); undefined or null unset it; anything else throws.
func (st *evalState) setExitCode(rt *goja.Runtime, v goja.Value) {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		st.mu.Lock()
		st.exitSet, st.exit = false, 0
		st.mu.Unlock()
		return
	}
	var n float64
	switch {
	case goja.IsNumber(v):
		n = v.ToFloat()
	case goja.IsString(v) && isIntegerText(v.String()):
		n = v.ToFloat()
	default:
		panic(util.InvalidArgType(rt, "code", "number", v))
	}
	if n != math.Trunc(n) || math.IsInf(n, 0) || math.IsNaN(n) {
		e := newError(rt, "RangeError", `The value of "code" is out of range. It must be an integer. Received `+v.String())
		_ = e.Set("code", "ERR_OUT_OF_RANGE")
		panic(e)
	}
	st.mu.Lock()
	st.exitSet, st.exit = true, int64(n)
	st.mu.Unlock()
}

// isIntegerText tells a string Node takes as an exit code: an optional
// sign and digits.
func isIntegerText(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

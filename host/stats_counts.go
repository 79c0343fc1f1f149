package host

import "sync/atomic"

// counts are the host's own figures for Stats: atomics, bumped once per
// evaluation or call, so that watching costs nothing measurable.
type counts struct {
	evals atomic.Int64 // evaluations running (Eval, EvalFile, Call)
	calls atomic.Int64 // Program calls running
}

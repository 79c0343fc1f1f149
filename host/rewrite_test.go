package host

import (
	"context"
	"testing"
	"time"
)

// TestOperatorsAreGuardedEverywhere checks that Eval's own source and the
// functions carried into threads and pools are compiled through the
// rewrite (internal/rewrite): a BigInt shift by 2^64 gives Node's 0n
// (goja alone reads the count's low 64 bits and gives 1n), and a spread of
// 200,000 arguments throws Node's RangeError (goja alone takes seconds).
// The process-killing cases run in a child process, in ./tests.
func TestOperatorsAreGuardedEverywhere(t *testing.T) {
	const spread = `(() => { try { Math.max(...Array(2e5).fill(1)); return "no error" } catch (e) { return e.name + ": " + e.message } })()`
	const rangeErr = "RangeError: Maximum call stack size exceeded"
	h := New()
	for src, want := range map[string]any{
		`String(1n >> (2n ** 64n))`:                                                                         "0",
		`let n = 2n ** 64n; let x = 1n; x >>= n; String(x)`:                                                 "0",
		`threads.run(() => String(1n >> (2n ** 64n))).get()`:                                                "0",
		`function shift(a, b) { return String(a >> b) } threads.run(shift, 1n, 2n ** 64n).get()`:            "0",
		`const p = threads.Pool((n) => String(1n >> n)); const r = p.submit(2n ** 64n).get(); p.close(); r`: "0",
		spread: rangeErr,
		`threads.run(() => ` + spread + `).get()`: rangeErr,
	} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		v, err := h.Eval(ctx, src)
		cancel()
		if err != nil || v != want {
			t.Errorf("Eval(%q) = %#v, %v; want %#v", src, v, err, want)
		}
	}
}

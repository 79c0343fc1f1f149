package engine

import "testing"

// TestThreadFunctionsAreRewritten checks that a function carried into a
// thread is compiled through the rewrite (internal/rewrite), in a runtime
// with its helpers: a BigInt shift by 2^64 gives Node's 0n, where goja
// alone reads the count's low 64 bits and gives 1n.
func TestThreadFunctionsAreRewritten(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		function shift(a, b) { return String(a >> b) }
		print(threads.run(shift, 1n, 2n ** 64n).get());
		print(threads.run(() => { let x = 1n; x >>= 2n ** 64n; return String(x) }).get());
	`, "0\n0")
}

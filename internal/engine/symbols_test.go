package engine

import "testing"

// TestThreadSymbols: a thread's Symbol has the symbols goja lacks, made
// on the first read of its global (installSymbols through
// guard.OnBuiltin), and a Queue's async iterator is keyed by the same one.
func TestThreadSymbols(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		print(threads.run(() => [typeof Symbol.asyncIterator, Symbol.asyncIterator === Symbol.for("Symbol.asyncIterator"),
			typeof Symbol.dispose, typeof Symbol.asyncDispose].join()).get());
		print(threads.run((q) => typeof q[Symbol.asyncIterator], new threads.Queue()).get());
	`, "symbol,true,symbol,symbol\nfunction")
}

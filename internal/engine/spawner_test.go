package engine

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestSpawnerMakesRuntimeAhead: a goroutine that has run its thread makes
// the next thread's blank runtime before it waits, and hands it to that
// thread; a new goroutine hands none (its thread makes its own).
func TestSpawnerMakesRuntimeAhead(t *testing.T) {
	t.Parallel()
	var made atomic.Int64
	s := newSpawner(func() *blank { made.Add(1); return &blank{} })
	got := make(chan *blank, 1)
	job := func(b *blank) bool { got <- b; return true }
	s.spawn(job)
	if b := <-got; b != nil {
		t.Fatal("a new goroutine handed its first thread a runtime it did not make")
	}
	for s.reserved.Load() == 0 { // until the goroutine waits for work
		runtime.Gosched()
	}
	s.spawn(job)
	if b := <-got; b == nil {
		t.Fatal("the idle goroutine handed no runtime made ahead")
	}
	s.stop()
	if n := made.Load(); n < 1 {
		t.Fatalf("made %d blank runtimes, want at least 1", n)
	}
}

// TestThreadRuntimeMadeAheadIsFresh: a runtime made ahead on a goroutine
// that ran a thread before holds nothing of that thread.
func TestThreadRuntimeMadeAheadIsFresh(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const seen = [];
		for (let i = 0; i < 5; i++) {
			seen.push(threads.run(() => {
				const was = typeof globalThis.leak + "," + typeof Array.prototype.leak;
				globalThis.leak = 1;
				Array.prototype.leak = 1;
				return was;
			}).get());
		}
		print(seen.join(" "));
	`, "undefined,undefined undefined,undefined undefined,undefined undefined,undefined undefined,undefined")
}

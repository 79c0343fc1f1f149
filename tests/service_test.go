package tests

import (
	"context"
	"runtime"
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
)

// TestEvaluationsLeaveNothing runs many evaluations on one host, as a
// service does, each making shared objects of every kind and using them
// with a thread: once they are done, the host must not hold on to them
// (an evaluation's runtime was kept alive by a cleanup the faces of its
// shared objects registered, about 37 KB an evaluation).
func TestEvaluationsLeaveNothing(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	h := newHost(t)
	const src = `
		const a = new threads.Atomic(1), wg = new threads.WaitGroup(), q = new threads.Queue(), s = new threads.Shared({n: 1});
		const p = new threads.Pool(x => x + 1, 1);
		wg.add(1);
		threads.run((a, wg, q, s) => { a.add(1); q.put(s.get().n); wg.done(); }, a, wg, q, s).get();
		wg.wait();
		const r = a.get() + q.get() + p.submit(1).get();
		p.close();
		r`
	heap := func() uint64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	run := func(n int) {
		for range n {
			if v, err := h.Eval(context.Background(), src); err != nil || v != int64(5) {
				t.Fatalf("Eval = %v, %v; want 5", v, err)
			}
		}
	}
	run(50) // what a host keeps once: compiled programs, analyses
	before := heap()
	run(1000)
	if grown := int64(heap()) - int64(before); grown > 8<<20 {
		t.Errorf("the heap grew by %d KB over 1,000 evaluations", grown>>10)
	}
}

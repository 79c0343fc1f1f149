package engine

import (
	"context"
	"runtime"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// TestFacesAreWeak makes 20,000 Atomics in a loop that keeps none, and one
// it keeps in a Queue and a Shared: the runtime must let the faces it no
// longer holds go (it kept every one), and a face still held must stay the
// one that arrives.
func TestFacesAreWeak(t *testing.T) {
	// collect runs the collector and a sweep, and returns how many faces
	// the runtime keeps.
	env := NewEnv(withGlobal(Config{}, "collect", func(r *Runtime) any {
		return func() int {
			runtime.GC()
			r.lib.faces.sweep()
			return len(r.lib.faces.m)
		}
	}))
	v, err := run(context.Background(), env, "test.js", `
			const kept = new threads.Atomic(7), q = new threads.Queue(), s = new threads.Shared(null);
			q.put(kept);
			(() => { const dropped = new threads.Atomic(8); s.set({a: dropped}); })();
			for (let i = 0; i < 20000; i++) new threads.Atomic(i).add(1);
			const n = collect();
			const again = s.get().a;
			[n < 100, q.get() === kept, again.get(), again === s.get().a].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "true,true,8,true" {
		t.Errorf("got %s, want true,true,8,true (faces kept few, the kept one arrives as itself, the dropped one as a working face)", v)
	}
}

// TestAsyncWaitsLeaveNothing gets from and puts to a Queue asynchronously
// in a loop, each time waiting: a waiter woken must leave nothing behind
// (each left its withdrawal registered on the runtime's context, with the
// promise it settled, about 2 KB, until the runtime ended).
func TestAsyncWaitsLeaveNothing(t *testing.T) {
	env := NewEnv(withGlobal(Config{}, "heapKB", func(*Runtime) any {
		return func() int64 {
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			return int64(ms.HeapAlloc >> 10)
		}
	}))
	v, err := run(context.Background(), env, "test.js", `(async () => {
			const q = new threads.Queue(1);
			const loop = async (n) => {
				for (let i = 0; i < n; i++) {
					const got = q.getAsync(); q.put(i); await got;      // a getter waits
					q.put(i); const put = q.putAsync(i); q.get(); q.get(); await put; // a putter waits
				}
			};
			await loop(500);
			const before = heapKB();
			await loop(20000);
			return heapKB() - before;
		})()`)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := v.Export().(*goja.Promise)
	if !ok || p.State() != goja.PromiseStateFulfilled {
		t.Fatalf("result %v", v)
	}
	if grown := p.Result().ToInteger(); grown > 8<<10 {
		t.Errorf("the heap grew by %d KB over 40,000 waits", grown)
	}
}

// TestAsyncWaitWithdrawnWhenItsRuntimeStops: threads that wait on a
// WaitGroup asynchronously and are cancelled leave its list of waiters
// (they stayed there until the group reached zero, which a long-lived
// group may never do).
func TestAsyncWaitWithdrawnWhenItsRuntimeStops(t *testing.T) {
	env := NewEnv(withGlobal(Config{}, "waiters", func(*Runtime) any {
		return func(v *goja.Object) int {
			ref, _ := clone.RefOf(v)
			wg := ref.(*WaitGroup)
			wg.mu.Lock()
			defer wg.mu.Unlock()
			return len(wg.waiters)
		}
	}))
	v, err := run(context.Background(), env, "test.js", `
			const wg = new threads.WaitGroup(); wg.add(1);
			const until = (n) => { for (let i = 0; i < 2000 && waiters(wg) !== n; i++) threads.sleep(1); return waiters(wg); };
			const ts = [];
			for (let i = 0; i < 5; i++) ts.push(threads.run(async (wg) => { await wg.waitAsync(); }, wg));
			const waiting = until(5);
			for (const t of ts) { t.cancel(); try { t.get(); } catch (e) {} }
			const left = until(0);
			wg.done();
			[waiting, left].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "5,0" {
		t.Errorf("waiters while waiting, after the cancels: %s, want 5,0", v)
	}
}

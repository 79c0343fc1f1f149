package engine

// Benchmarks of the library's hot paths, each a single evaluation whose
// script loops N (b.N) times, so that no per-Eval cost is counted:
//
//	go test ./threads -run '^$' -bench . -benchtime 20000x
//
// Allocations are counted over every goroutine (threads included).
// scripts/bench compares the same work with Node.js worker_threads.

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// benchJS runs src as a main script under b. The main runtime has N (b.N)
// and benchStart() / benchStop(), which start (resetting the counters) and
// stop b's timer: the script calls them around the loop it measures, so
// that making the runtime, a pool or a warm-up is not counted. The timer
// is stopped again when the script returns. benchHeap() collects garbage
// and returns the bytes of live heap, benchStack() the bytes of goroutine
// stacks in use; benchMetric(value, unit) is b.ReportMetric.
func benchJS(b *testing.B, src string) {
	b.Helper()
	cpu := newCPUMeter()
	hooks := map[string]func(rt *goja.Runtime) any{
		"N": func(*goja.Runtime) any { return b.N },
		"benchStart": func(*goja.Runtime) any {
			return func() {
				b.ResetTimer()
				cpu.begin()
				b.StartTimer()
			}
		},
		"benchStop": func(*goja.Runtime) any {
			return func() {
				b.StopTimer()
				cpu.report(b)
			}
		},
		"benchHeap": func(rt *goja.Runtime) any {
			return func() uint64 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				return ms.HeapAlloc
			}
		},
		"benchStack": func(rt *goja.Runtime) any {
			return func() uint64 {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				return ms.StackInuse
			}
		},
		"benchMetric": func(*goja.Runtime) any {
			return func(v float64, unit string) { b.ReportMetric(v, unit) }
		},
	}
	cfg := Config{MaxThreads: 1 << 20} // BenchmarkBlocked holds b.N threads at once
	for name, make := range hooks {
		cfg = withGlobal(cfg, name, func(r *Runtime) any { return make(r.RT) })
	}
	b.StopTimer()
	env := NewEnv(cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	_, err := run(ctx, env, "bench.js", src)
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
}

// perSecond reports b.N operations per second as the metric unit.
func perSecond(b *testing.B, unit string) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, unit)
	}
}

// BenchmarkRun is threads.run((a, b) => a + b, 1, 2).get(), one after
// another: the spawn path (seed, fresh runtime, restore, call, result).
func BenchmarkRun(b *testing.B) {
	b.ReportAllocs()
	benchJS(b, `
		for (let i = 0; i < 100; i++) threads.run((a, b) => a + b, 1, 2).get();
		let sum = 0;
		benchStart();
		for (let i = 0; i < N; i++) sum += threads.run((a, b) => a + b, 1, 2).get();
		benchStop();
		if (sum !== 3 * N) throw new Error("wrong sum " + sum);
	`)
	perSecond(b, "threads/s")
}

// BenchmarkRunRetained runs N sequential threads and reports the live heap
// that each finished thread leaves behind (measured between the first
// tenth and the end, after a GC): it should be about 0 B/thread. "get"
// blocks on each thread without returning to the event loop (as the spawn
// benchmark does); "await" returns to the loop after each. Run it with a
// large -benchtime (e.g. 200000x).
func BenchmarkRunRetained(b *testing.B) {
	b.Run("get", func(b *testing.B) {
		b.ReportAllocs()
		benchJS(b, `
			const first = Math.max(1, Math.floor(N / 10));
			let sum = 0, h0 = 0;
			benchStart();
			for (let i = 0; i < N; i++) {
				sum += threads.run((a, b) => a + b, 1, 2).get();
				if (i + 1 === first) h0 = benchHeap();
			}
			benchStop();
			benchMetric((benchHeap() - h0) / Math.max(1, N - first), "live-B/thread");
		`)
	})
	b.Run("await", func(b *testing.B) {
		b.ReportAllocs()
		benchJS(b, `
			(async () => {
				const first = Math.max(1, Math.floor(N / 10));
				let sum = 0, h0 = 0;
				benchStart();
				for (let i = 0; i < N; i++) {
					sum += await threads.run((a, b) => a + b, 1, 2);
					if (i + 1 === first) h0 = benchHeap();
				}
				benchStop();
				benchMetric((benchHeap() - h0) / Math.max(1, N - first), "live-B/thread");
			})();
		`)
	})
}

// BenchmarkRunAwait is the same through the promise: await on each
// thread, which the caller's event loop resolves.
func BenchmarkRunAwait(b *testing.B) {
	b.ReportAllocs()
	benchJS(b, `
		(async () => {
			for (let i = 0; i < 100; i++) await threads.run((a, b) => a + b, 1, 2);
			let sum = 0;
			benchStart();
			for (let i = 0; i < N; i++) sum += await threads.run((a, b) => a + b, 1, 2);
			benchStop();
			if (sum !== 3 * N) throw new Error("wrong sum " + sum);
		})();
	`)
	perSecond(b, "threads/s")
}

// BenchmarkBlocked starts N threads that all block on one Queue.get(),
// then releases them: ns/op is the start of one blocked thread, and the
// metrics are the live heap and the goroutine stack each blocked thread
// holds (the memory_blocked pair of scripts/bench measures RSS).
func BenchmarkBlocked(b *testing.B) {
	b.ReportAllocs()
	benchJS(b, `
		const q = new threads.Queue();
		const ready = new threads.WaitGroup();
		ready.add(N);
		const h0 = benchHeap(), s0 = benchStack();
		benchStart();
		const ps = [];
		for (let i = 0; i < N; i++) ps.push(threads.run((q, ready) => { ready.done(); return q.get(); }, q, ready));
		ready.wait();
		benchStop();
		benchMetric((benchHeap() - h0) / N, "heap-B/thread");
		benchMetric((benchStack() - s0) / N, "stack-B/thread");
		for (let i = 0; i < N; i++) q.put(i);
		for (const p of ps) p.get();
	`)
}

// BenchmarkAtomicAdd is Atomic.add() from JavaScript: in one runtime, and
// from two threads at once on the same Atomic.
func BenchmarkAtomicAdd(b *testing.B) {
	b.Run("1runtime", func(b *testing.B) {
		b.ReportAllocs()
		benchJS(b, `
			const a = new threads.Atomic();
			benchStart();
			for (let i = 0; i < N; i++) a.add(1);
			benchStop();
			if (a.get() !== N) throw new Error("wrong count");
		`)
		perSecond(b, "ops/s")
	})
	b.Run("2threads", func(b *testing.B) {
		b.ReportAllocs()
		benchJS(b, `
			const a = new threads.Atomic();
			const k = Math.ceil(N / 2);
			const adder = (a, k) => { for (let i = 0; i < k; i++) a.add(1); };
			benchStart();
			const t1 = threads.run(adder, a, k), t2 = threads.run(adder, a, N - k);
			t1.get(); t2.get();
			benchStop();
			if (a.get() !== N) throw new Error("wrong count");
		`)
		perSecond(b, "ops/s")
	})
}

// BenchmarkQueuePutGet moves N numbers from a producer thread to the main
// runtime through one Queue: unbounded, and with maxsize 1 (every item is
// a hand-off between the two).
func BenchmarkQueuePutGet(b *testing.B) {
	for _, bc := range []struct{ name, maxsize string }{{"unbounded", "0"}, {"maxsize=1", "1"}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			benchJS(b, `
				const q = new threads.Queue(`+bc.maxsize+`);
				benchStart();
				const producer = threads.run((q, n) => { for (let i = 0; i < n; i++) q.put(i); }, q, N);
				let sum = 0;
				for (let i = 0; i < N; i++) sum += q.get();
				benchStop();
				producer.get();
				if (sum !== N * (N - 1) / 2) throw new Error("wrong sum");
			`)
			perSecond(b, "items/s")
		})
	}
}

// poolBench runs a Pool of 2 workers (with the default queueDepth, 4,
// unless depth is not "") over x => x + 1 for N items, in batches of
// 20,000 items handed to body (a function of the pool and the batch that
// returns the sum of the results).
func poolBench(b *testing.B, depth, body string) {
	b.ReportAllocs()
	opts := "2"
	if depth != "" {
		opts = "{workers: 2, queueDepth: " + depth + "}"
	}
	benchJS(b, `
		const pool = threads.Pool((x) => x + 1, `+opts+`);
		const body = `+body+`;
		const batch = Array.from({length: 20000}, (_, i) => i);
		body(pool, batch.slice(0, 1000)); // warm-up
		let sum = 0, want = 0;
		benchStart();
		for (let left = N; left > 0; left -= batch.length) {
			const items = left >= batch.length ? batch : batch.slice(0, left);
			sum += body(pool, items);
			want += items.length * (items.length + 1) / 2;
		}
		benchStop();
		pool.close();
		if (sum !== want) throw new Error("wrong sum " + sum + ", want " + want);
	`)
	perSecond(b, "items/s")
}

// BenchmarkPoolMap is Pool.map over batches of 20,000 trivial items. The
// queueDepth=256 variant tells how much the default depth of 4 (every
// submit past it waits for a worker to take an item) costs.
func BenchmarkPoolMap(b *testing.B) {
	const body = `(pool, items) => pool.map(items).reduce((a, b) => a + b, 0)`
	b.Run("queueDepth=default", func(b *testing.B) { poolBench(b, "", body) })
	b.Run("queueDepth=256", func(b *testing.B) { poolBench(b, "256", body) })
}

// BenchmarkPoolSubmitGet submits a batch of 20,000 trivial items, then
// gets every result.
func BenchmarkPoolSubmitGet(b *testing.B) {
	const body = `(pool, items) => {
		const ps = [];
		for (const x of items) ps.push(pool.submit(x));
		let s = 0;
		for (const p of ps) s += p.get();
		return s;
	}`
	b.Run("queueDepth=default", func(b *testing.B) { poolBench(b, "", body) })
	b.Run("queueDepth=256", func(b *testing.B) { poolBench(b, "256", body) })
}

// BenchmarkPoolSubmitGetOneByOne is pool.submit(x).get() one item at a
// time: the latency of one item's round trip through an idle pool.
func BenchmarkPoolSubmitGetOneByOne(b *testing.B) {
	poolBench(b, "", `(pool, items) => {
		let s = 0;
		for (const x of items) s += pool.submit(x).get();
		return s;
	}`)
}

// clonePayloadJS builds the 1 MiB JSON-like payload of scripts/bench's
// clone pair (thousands of small objects), as the variable payload.
const clonePayloadJS = `
	const payload = [];
	for (let i = 0, size = 2; size < 1 << 20; i++) {
		const o = {id: i, name: "item-" + i, active: i % 3 === 0, price: Math.round(i * 1.37 * 100) / 100,
			tags: ["t" + (i % 7), "g" + (i % 11)], pos: {x: i % 100, y: (i * 7) % 100}};
		payload.push(o);
		size += JSON.stringify(o).length + 1;
	}
`

// BenchmarkRunClone is the 1 MiB JSON-like payload through a thread:
// "in" clones it into the thread only (the result is a number), "roundtrip"
// clones it in and back (x => x).
func BenchmarkRunClone(b *testing.B) {
	b.Run("in", func(b *testing.B) {
		b.SetBytes(1 << 20)
		b.ReportAllocs()
		benchJS(b, clonePayloadJS+`
			for (let i = 0; i < 3; i++) threads.run((x) => x.length, payload).get();
			benchStart();
			for (let i = 0; i < N; i++) if (threads.run((x) => x.length, payload).get() !== payload.length) throw new Error("wrong length");
			benchStop();
		`)
	})
	// local is one clone in the same runtime (Shared set+get), the
	// counterpart of Node's structuredClone: "in" minus "local" is what
	// the thread adds to one clone.
	b.Run("local", func(b *testing.B) {
		b.SetBytes(1 << 20)
		b.ReportAllocs()
		benchJS(b, clonePayloadJS+`
			const shared = new threads.Shared(null);
			for (let i = 0; i < 3; i++) { shared.set(payload); shared.get(); }
			benchStart();
			for (let i = 0; i < N; i++) { shared.set(payload); if (shared.get().length !== payload.length) throw new Error("wrong copy"); }
			benchStop();
		`)
	})
	b.Run("roundtrip", func(b *testing.B) {
		b.SetBytes(1 << 20)
		b.ReportAllocs()
		benchJS(b, clonePayloadJS+`
			for (let i = 0; i < 3; i++) threads.run((x) => x, payload).get();
			benchStart();
			for (let i = 0; i < N; i++) if (threads.run((x) => x, payload).get().length !== payload.length) throw new Error("wrong copy");
			benchStop();
		`)
	})
}

// cpuWorkJS is the task of scripts/bench's cpu pair (common.js work):
// integer arithmetic that allocates in goja (it boxes the numbers).
const cpuWorkJS = `
	function work(n) {
		let x = 0;
		for (let i = 0; i < n; i++) x = (x + i * i) % 1000003;
		return x;
	}
	function tasks(n, k) {
		let r = 0;
		for (let i = 0; i < k; i++) r += work(n);
		return r;
	}
	const n = 300000;
`

// BenchmarkCPU is scripts/bench's cpu pair in small: one op is 4 tasks,
// "seq" on one thread, "par" 2 + 2 on two threads. On a machine others
// load, wall time (ns/op) says little about the speedup; cpu-ms/op (the
// process's CPU time) and gc-% say what the parallel run costs more than
// the sequential one, and how much of it is the collector's.
func BenchmarkCPU(b *testing.B) {
	b.Run("seq", func(b *testing.B) {
		b.ReportAllocs()
		benchJS(b, cpuWorkJS+`
			threads.run(tasks, 1000, 1).get();
			benchStart();
			for (let i = 0; i < N; i++) threads.run(tasks, n, 4).get();
			benchStop();
		`)
	})
	b.Run("par", func(b *testing.B) {
		b.ReportAllocs()
		benchJS(b, cpuWorkJS+`
			threads.run(tasks, 1000, 1).get();
			benchStart();
			for (let i = 0; i < N; i++) {
				const a = threads.run(tasks, n, 2), c = threads.run(tasks, n, 2);
				a.get() + c.get();
			}
			benchStop();
		`)
	})
}

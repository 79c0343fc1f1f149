package engine

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/internal/race"
)

func TestAtomic(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const a = threads.Atomic(5);
		const b = new threads.Atomic();
		print(a.add(), a.add(10), a.get(), b.get(), a instanceof threads.Atomic);
		a.set(1); print(a.swap(7), a.get(), a.compareAndSwap(7, 8), a.compareAndSwap(7, 9), a.get());
		const ps = [];
		for (let i = 0; i < 1000; i++) ps.push(threads.run(() => { b.add(1) }));
		ps.forEach(p => p.get());
		print(b.get());
		for (const bad of ["1", 1.5, NaN, 2 ** 60, {}]) {
			try { a.add(bad) } catch (e) { print(e.name + ": " + e.message) }
		}
		a.set(9223372036854775807n); print(a.get() === 9223372036854775807 || a.get() > 9e18);
		try { a.add(1) } catch (e) { print(e.name) }
		print(threads.run(() => a === a).get(), threads.run(x => x === a, a).get());
	`, "6 16 16 0 true\n"+
		"1 7 true false 8\n"+
		"1000\n"+
		"TypeError: Atomic.add: argument 'delta' must be an integer, got string\n"+
		"TypeError: Atomic.add: argument 'delta' must be an integer, got 1.5\n"+
		"TypeError: Atomic.add: argument 'delta' must be an integer, got NaN\n"+
		"RangeError: Atomic.add: argument 'delta' must be a safe integer (|n| <= 2^53-1) or a BigInt, got 1152921504606847000\n"+
		"TypeError: Atomic.add: argument 'delta' must be an integer, got object\n"+
		"true\nRangeError\ntrue true")
}

func TestSharedUpdateIsAtomicAndGetIsACopy(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const s = threads.Shared([]);
		const ps = [];
		for (let i = 0; i < 100; i++) ps.push(threads.run((i) => s.update(list => { list.push(i); return list }), i));
		ps.forEach(p => p.get());
		const list = s.get();
		print(list.length, new Set(list).size);
		list.push("local");
		print(s.get().length);
		s.set({ a: 1 });
		print(JSON.stringify(s.get()), s.get() !== s.get());
		try { s.update(v => s.get()) } catch (e) { print(e.message) }
		print(JSON.stringify(s.get()));
	`, "100 100\n100\n{\"a\":1} true\nShared.get: called from inside update() of the same Shared; use the value update() passes in\n{\"a\":1}")
}

func TestWaitGroup(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const wg = threads.WaitGroup();
		const n = threads.Atomic();
		for (let i = 0; i < 10; i++) { wg.add(1); threads.run(() => { n.add(); wg.done() }) }
		wg.wait();
		print(n.get(), wg.count);
		try { wg.done() } catch (e) { print(e.name + ": " + e.message) }
		try { wg.add(-5) } catch (e) { print(e.message) }
		wg.add(1);
		try { wg.wait({ timeout: 20 }) } catch (e) { print(e.name) }
		wg.waitAsync().then(() => print("async done"));
		threads.run(() => wg.done());
	`, "10 0\nError: WaitGroup.done: called more times than add() counted (the counter would go negative)\n"+
		"WaitGroup.add: the counter would go negative (adding -5)\nTimeoutError\nasync done")
}

func TestQueueBasics(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const q = threads.Queue(2);
		q.put(1); q.put({ x: [2] });
		print(q.size(), q.tryPut(3), q.closed);
		try { q.put(3, { timeout: 10 }) } catch (e) { print(e.name) }
		print(q.get(), JSON.stringify(q.get()), q.tryGet(), q.tryGet("empty"));
		try { q.get({ timeout: 10 }) } catch (e) { print(e.name) }
		q.put("a"); q.put("b"); q.close(); q.close();
		const seen = [];
		for (const x of q) seen.push(x);
		print(seen.join(","), q.closed);
		try { q.put(1) } catch (e) { print(e.name, e instanceof threads.QueueClosedError) }
		try { q.get() } catch (e) { print(e.name) }
	`, "2 false false\nTimeoutError\n1 {\"x\":[2]} undefined empty\nTimeoutError\na,b true\nQueueClosedError true\nQueueClosedError")
}

func TestQueueProducerConsumerAfterMainEnds(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const queue = threads.Queue(100);
		function producer() { for (let i = 0; i < 10; i++) queue.put(i); queue.put(null) }
		function consumer() {
			let sum = 0;
			for (;;) { const item = queue.get(); if (item === null) break; sum += item }
			print("consumed", sum);
		}
		threads.run(producer);
		threads.run(consumer);
	`, "consumed 45")
}

func TestQueueCloseWakesWaitingPut(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const q = threads.Queue(1);
		q.put(0);
		const p = threads.run(() => { try { q.put(1); return "put" } catch (e) { return e.name } });
		threads.run(() => { const t = Date.now(); while (Date.now() - t < 30); q.close() }).get();
		print(p.get(), q.get());
		try { q.get() } catch (e) { print(e.name) }
	`, "QueueClosedError 0\nQueueClosedError")
}

func TestQueueAsync(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const q = threads.Queue(1);
		(async () => {
			const got = q.getAsync();
			threads.run(() => q.put("from thread"));
			print(await got);
			await q.putAsync(1);
			const second = q.putAsync(2);
			print(q.get());
			await second;
			print(q.get());
			q.close();
			try { await q.getAsync() } catch (e) { print(e.name) }
		})();
	`, "from thread\n1\n2\nQueueClosedError")
}

func TestQueueOfQueuesTravelsByReference(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const outer = threads.Queue();
		const inner = threads.Queue();
		outer.put(inner);
		threads.run(() => { const q = outer.get(); q.put("hello") }).get();
		print(inner.get(), outer.size());
		const got = threads.run(() => inner).get();
		print(got === inner);
	`, "hello 0\ntrue")
}

// TestQueueManyProducersConsumers is the acceptance case of a bounded queue
// with several producers and consumers: no lost wake-up, no lost item.
// Under the race detector, 50 runs (the plain run does 200).
func TestQueueManyProducersConsumers(t *testing.T) {
	t.Parallel()
	runs := 200
	if testing.Short() {
		runs = 20
	} else if race.Enabled {
		runs = 50
	}
	const src = `
		const q = threads.Queue(1);
		const sum = threads.Atomic();
		const count = threads.Atomic();
		const producers = [], consumers = [];
		for (let p = 0; p < 4; p++) producers.push(threads.run((p) => { for (let i = 0; i < 500; i++) q.put(p * 500 + i) }, p));
		for (let c = 0; c < 4; c++) consumers.push(threads.run(() => { for (const x of q) { sum.add(x); count.add() } }));
		producers.forEach(p => p.get());
		q.close();
		consumers.forEach(p => p.get());
		print(count.get(), sum.get());
	`
	for i := range runs {
		got, err := evalJS(t, Config{}, 30*time.Second, src)
		if err != nil || got != "2000 1999000" {
			t.Fatalf("run %d: %q, %v", i, got, err)
		}
	}
}

func TestPool(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		let calls = 0; // per worker: state persists across items
		function square(x) { calls++; if (x === 3) throw new RangeError("three"); return x * x }
		const pool = threads.Pool(square, { workers: 2, queueDepth: 4 });
		print(pool.workers);
		const ps = [1, 2, 3, 4].map(x => pool.submit(x));
		print(ps[0].get(), ps[1].get(), ps[3].get());
		try { ps[2].get() } catch (e) { print(e.name, e.message) }
		const p2 = new threads.Pool((x) => x + 1, 3);
		print(p2.map([1, 2, 3]).join(","));
		p2.mapAsync([10, 20]).then(r => print("async", r.join(",")));
		pool.close(); pool.close();
		try { pool.submit(1) } catch (e) { print(e.name, e instanceof threads.PoolClosedError) }
		print(threads.Pool(async (x) => { await null; return x * 10 }, 1).map([1, 2]).join(","));
	`, "2\n1 4 16\nRangeError three\n2,3,4\nPoolClosedError true\n10,20\nasync 11,21")
}

func TestDeadlockIsReportedNamingTheWait(t *testing.T) {
	t.Parallel()
	start := time.Now()
	_, err := evalJS(t, Config{}, 10*time.Second, `
		const wg = threads.WaitGroup();
		wg.add(1);
		const q = threads.Queue();
		threads.run(() => q.get());
		wg.wait();
	`)
	if !errors.Is(err, ErrDeadlock) {
		t.Fatalf("err = %v, want a deadlock", err)
	}
	for _, want := range []string{"main: WaitGroup.wait", "thread 1: Queue.get"} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("%q lacks %q", err, want)
		}
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
}

func TestDeadlockOnAwaitedThreadThatBlocks(t *testing.T) {
	t.Parallel()
	_, err := evalJS(t, Config{}, 10*time.Second, `
		const q = threads.Queue();
		(async () => { await threads.run(() => q.get()) })();
	`)
	if !errors.Is(err, ErrDeadlock) || !strings.Contains(err.Error(), "main: waiting for threads") {
		t.Fatalf("err = %v", err)
	}
}

func TestIdlePoolDoesNotHangOrDeadlock(t *testing.T) {
	t.Parallel()
	mustEval(t, `const p = threads.Pool(x => x, 2); print(p.submit(1).get())`, "1")
}

func TestMaxQueuedItemsAcrossQueues(t *testing.T) {
	t.Parallel()
	got, err := evalJS(t, Config{MaxQueuedItems: 5}, 10*time.Second, `
		const a = threads.Queue(), b = threads.Queue();
		for (let i = 0; i < 3; i++) a.put(i);
		b.put(0); b.put(1);
		try { b.put(2) } catch (e) { print(e.name, e.message.includes("MaxQueuedItems")) }
		try { b.tryPut(2) } catch (e) { print(e.name) } // a limit, not a full queue
		a.get();
		b.put(2);
		print(a.size() + b.size());
		// A handed-over item is never held: a waiting get takes it past the limit.
		const c = threads.Queue();
		const p = threads.run(() => c.get());
		// Until the thread waits in get, the put is refused (the limit
		// is reached): try again, for up to about 5 s on a loaded machine.
		for (let i = 0; ; i++) {
			try { c.put("direct"); break } catch (e) { if (e.name !== "RangeError" || i === 5000) throw e }
			threads.sleep(1);
		}
		print(p.get());
	`)
	if err != nil || got != "RangeError true\nRangeError\n5\ndirect" {
		t.Fatalf("got %q, %v", got, err)
	}
}

// TestPoolPendingAndClosed: pending counts the items submitted and not yet
// settled, queued or running; closed says close ran.
func TestPoolPendingAndClosed(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const gate = new threads.Queue();
		const pool = new threads.Pool((x) => gate.get() + x, { workers: 1, queueDepth: 4 });
		const ps = [1, 2, 3].map(x => pool.submit(x));
		print(pool.pending, pool.closed);
		gate.put(10); ps[0].get();
		// The item settles just before the pool counts it done.
		for (let i = 0; i < 2000 && pool.pending !== 2; i++) threads.sleep(1);
		print(pool.pending);
		gate.put(20); gate.put(30);
		const sum = ps[1].get() + ps[2].get();
		for (let i = 0; i < 2000 && pool.pending !== 0; i++) threads.sleep(1);
		print(sum, pool.pending);
		pool.close();
		print(pool.pending, pool.closed);
	`, "3 false\n2\n55 0\n0 true")
}

package engine

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Among cases ready at once the choice is uniform, as in Go: 10,000
// selects over two queues that always hold an item pick each 45–55%.
func TestSelectFairness(t *testing.T) {
	t.Parallel()
	out, err := evalJS(t, Config{}, 20*time.Second, `
		const a = threads.Queue(), b = threads.Queue();
		a.put("a"); b.put("b");
		const n = [0, 0];
		for (let i = 0; i < 10000; i++) {
			const r = threads.select([{get: a}, {get: b}]);
			n[r.index]++;
			(r.index === 0 ? a : b).put(r.value); // ready again
		}
		print(n[0], n[1], a.size(), b.size());
	`)
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(out)
	if len(f) != 4 || f[2] != "1" || f[3] != "1" {
		t.Fatalf("printed %q", out)
	}
	for _, s := range f[:2] {
		n, _ := strconv.Atoi(s)
		if n < 4500 || n > 5500 {
			t.Fatalf("a case was chosen %d times of 10000 (printed %q): not uniform", n, out)
		}
	}
}

// A select takes effect at one point under the queues' locks: racing
// close() and plain consumers over 100 rounds, with selects waiting on two
// queues that both get items, every item is received exactly once, and a
// select on a closed, drained queue sees ok false.
func TestSelectRacesCloseAndConsumers(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		function viaSelect(qs) {
			const got = [];
			while (qs.length > 0) {
				const r = threads.select(qs.map((q) => ({get: q})));
				if (r.ok) got.push(r.value);
				else qs.splice(r.index, 1); // closed and drained
			}
			return got;
		}
		function viaGet(q) {
			const got = [];
			for (;;) {
				try { got.push(q.get()); } catch (e) {
					if (e instanceof threads.QueueClosedError) return got;
					throw e;
				}
			}
		}
		function produce(q, from) { for (let i = from; i < from + 30; i++) q.put(i); q.close(); }
		let bad = 0;
		for (let round = 0; round < 100; round++) {
			const a = threads.Queue(2), b = threads.Queue(2);
			const cs = [threads.run(viaSelect, [a, b]), threads.run(viaSelect, [b, a]), threads.run(viaGet, a), threads.run(viaGet, b)];
			threads.run(produce, a, 0);
			threads.run(produce, b, 100);
			const all = cs.flatMap((p) => p.get()).sort((x, y) => x - y);
			const want = [];
			for (let i = 0; i < 30; i++) want.push(i);
			for (let i = 100; i < 130; i++) want.push(i);
			if (all.join() !== want.join()) bad++;
		}
		print("bad rounds:", bad);
	`, "bad rounds: 0")
}

func TestSelectShapes(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const a = threads.Queue(), b = threads.Queue(1);
		let r = threads.select([{get: a}, {put: b, value: {x: 1}}]);
		print(r.index, r.kind, r.value, r.ok, b.get().x);
		r = threads.select([{get: a}], {default: true});
		print(r.index, r.kind, r.ok);
		r = threads.select([{get: a}], {timeout: 10});
		print(r.index, r.kind, r.ok);
		b.put(0);
		r = threads.select([{put: b, value: 1}], {timeout: 1});
		print(r.kind);
		const p = threads.run(() => 7);
		const wg = threads.WaitGroup();
		r = threads.select([{wait: p}]);
		print(r.kind, r.value);
		print(threads.select([{wait: wg}]).kind);
		const failing = threads.run(() => { throw new RangeError("no") });
		try { threads.select([{wait: failing}]) } catch (e) { print(e.name, e.message) }
		a.close();
		try { threads.select([{put: a, value: 1}]) } catch (e) { print(e.name) }
		r = threads.select([{get: a}]);
		print(r.kind, r.value, r.ok);
		for (const bad of [5, [5], [{}], [{get: 1}], [{get: a, put: a}], [{wait: {}}]]) {
			try { threads.select(bad) } catch (e) { print(e.name + ": " + e.message) }
		}
		try { threads.select([], {default: 1}) } catch (e) { print(e.name + ": " + e.message) }
		try { threads.select([], {timeout: -1}) } catch (e) { print(e.name + ": " + e.message) }
	`, "1 put undefined true 1\n"+
		"-1 default false\n"+
		"-1 timeout false\n"+
		"timeout\n"+
		"wait 7\n"+
		"wait\n"+
		"RangeError no\n"+
		"QueueClosedError\n"+
		"get undefined false\n"+
		"TypeError: threads.select: argument 'cases' must be an array of cases like {get: queue}, {put: queue, value} or {wait: promise}, got number\n"+
		"TypeError: threads.select: cases[0] must be an object like {get: queue}, {put: queue, value} or {wait: promise}, got number\n"+
		"TypeError: threads.select: cases[0] must have 'get', 'put' or 'wait'\n"+
		"TypeError: threads.select: cases[0]: 'get' must be a threads.Queue, got number\n"+
		"TypeError: threads.select: cases[0] has both 'get' and 'put': a case does one thing\n"+
		"TypeError: threads.select: cases[0]: 'wait' must be a ThreadPromise or a threads.WaitGroup, got object\n"+
		"TypeError: threads.select: option 'default' must be a boolean, got number\n"+
		"RangeError: threads.select: option 'timeout' must be a non-negative number of milliseconds, got -1")
}

// A select that sleeps is woken by exactly one case: a put into one of two
// queues it waits on, from another thread; and a put case waits for room.
func TestSelectWakes(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const a = threads.Queue(), b = threads.Queue();
		threads.run(() => { threads.sleep(5); b.put("late"); });
		const r = threads.select([{get: a}, {get: b}]);
		print(r.index, r.value, a.size(), b.size());
		const full = threads.Queue(1); full.put(1);
		const taker = threads.run(() => { threads.sleep(5); return [full.get(), full.get()]; });
		print(threads.select([{put: full, value: 2}, {get: a}]).kind, taker.get());
		const p = threads.run(() => { threads.sleep(5); return "done"; });
		print(threads.select([{get: a}, {wait: p}]).value);
	`, "1 late 0 0\nput 1,2\ndone")
}

func TestSelectAsync(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		(async () => {
			const a = threads.Queue(), b = threads.Queue();
			threads.run((a) => { threads.sleep(5); a.put(1); }, a);
			let r = await threads.selectAsync([{get: a}, {get: b}]);
			print(r.kind, r.index, r.value);
			r = await threads.selectAsync([{get: a}], {timeout: 5});
			print(r.kind);
			r = await threads.selectAsync([{get: a}], {default: true});
			print(r.kind);
			b.put(2);
			r = await threads.selectAsync([{get: a}, {get: b}]);
			print(r.index, r.value, b.size());
		})();
	`, "get 0 1\ntimeout\ndefault\n1 2 0")
}

// The deadlock detector names a select and its cases.
func TestSelectDeadlockIsNamed(t *testing.T) {
	t.Parallel()
	_, err := evalJS(t, Config{}, 20*time.Second, `
		const a = threads.Queue(1), b = threads.Queue(1);
		b.put(0);
		threads.run(() => threads.select([{get: a}])).get();
		threads.select([{get: a}, {put: b, value: 1}]);
	`)
	if !errors.Is(err, ErrDeadlock) {
		t.Fatalf("got %v, want a deadlock", err)
	}
	for _, want := range []string{"main: ThreadPromise.get (thread 1)", "thread 1: select [Queue.get]"} {
		if !strings.Contains(err.Error(), want) {
			t.Fatalf("deadlock report %q lacks %q", err, want)
		}
	}
	_, err = evalJS(t, Config{}, 20*time.Second, `
		const a = threads.Queue(1), b = threads.Queue(1);
		b.put(0);
		threads.select([{get: a}, {put: b, value: 1}]);
	`)
	if !errors.Is(err, ErrDeadlock) || !strings.Contains(err.Error(), "main: select [Queue.get, Queue.put]") {
		t.Fatalf("got %v, want a deadlock naming main: select [Queue.get, Queue.put]", err)
	}
}

// A select in a thread cancelled while it sleeps takes nothing: the item
// put after the cancel is still there.
func TestSelectCancelledTakesNothing(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const a = threads.Queue(), b = threads.Queue();
		const started = threads.WaitGroup(); started.add(1);
		const p = threads.run(() => { started.done(); return threads.select([{get: a}, {get: b}]); });
		started.wait();
		threads.sleep(5);
		p.cancel();
		try { p.get() } catch (e) { print(e.name) }
		a.put(1);
		print(a.size(), a.get());
	`, "CancelledError\n1 1")
}

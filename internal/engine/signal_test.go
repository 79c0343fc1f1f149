package engine

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// An aborted signal makes every call that takes one throw its reason, the
// very value, before it does anything (as Node's APIs reject).
func TestSignalAlreadyAborted(t *testing.T) {
	t.Parallel()
	mustEvalAbort(t, `
		const reason = new Error("why");
		const signal = AbortSignal.abort(reason);
		const q = threads.Queue(), wg = threads.WaitGroup(), pool = threads.Pool((x) => x, 1);
		wg.add(1);
		const p = threads.run(() => 1);
		const calls = {
			"Queue.get": () => q.get({signal}),
			"Queue.put": () => q.put(1, {signal}),
			"WaitGroup.wait": () => wg.wait({signal}),
			"Pool.submit": () => pool.submit(1, {signal}),
			"select": () => threads.select([{get: q}], {signal}),
			"sleep": () => threads.sleep(1, {signal}),
			"ThreadPromise.get": () => p.get({signal}),
			"ThreadPromise.wait": () => p.wait({signal}),
			"spawn": () => threads.spawn({signal}, () => 1),
			"Group": () => threads.Group({signal}),
			"Group.wait": () => threads.Group().wait({signal}),
		};
		for (const [name, f] of Object.entries(calls)) {
			try { f(); print(name, "did not throw"); } catch (e) { print(name, e === reason); }
		}
		print(q.size(), p.get(), pool.pending);
		threads.selectAsync([{get: q}], {signal}).catch((e) => print("selectAsync", e === reason));
		wg.done();
		pool.close();
	`, "Queue.get true\nQueue.put true\nWaitGroup.wait true\nPool.submit true\nselect true\n"+
		"sleep true\nThreadPromise.get true\nThreadPromise.wait true\nspawn true\nGroup true\n"+
		"Group.wait true\n0 1 0\nselectAsync true")
}

// A signal another runtime aborts (a Group's, when a thread of it fails)
// ends every blocked call that took it, with its reason.
func TestSignalAbortsBlockedCalls(t *testing.T) {
	t.Parallel()
	mustEvalAbort(t, `
		function failing() {
			const g = threads.Group();
			g.run(() => { threads.sleep(5); throw new Error("stop"); });
			return g;
		}
		const q = threads.Queue(1), full = threads.Queue(1), wg = threads.WaitGroup();
		full.put(0);
		wg.add(1);
		const gate = threads.WaitGroup(); gate.add(1);
		const pool = threads.Pool((x) => { gate.wait(); return x; }, {workers: 1, queueDepth: 1});
		pool.submit(1); pool.submit(2);
		const slow = threads.run(() => { gate.wait(); return "late"; });
		const calls = {
			"Queue.get": (signal) => q.get({signal}),
			"Queue.put": (signal) => full.put(1, {signal}),
			"WaitGroup.wait": (signal) => wg.wait({signal}),
			"Pool.submit": (signal) => pool.submit(3, {signal}),
			"select": (signal) => threads.select([{get: q}, {put: full, value: 1}], {signal}),
			"sleep": (signal) => threads.sleep(60000, {signal}),
			"ThreadPromise.get": (signal) => slow.get({signal}),
			"ThreadPromise.wait": (signal) => slow.wait({signal}),
		};
		for (const [name, f] of Object.entries(calls)) {
			const g = failing();
			try { f(g.signal); print(name, "returned"); } catch (e) { print(name, e.message, e === g.signal.reason); }
			try { g.wait() } catch {} // the group's failure is handled
		}
		print(q.size(), full.size(), pool.pending);
		gate.done(); wg.done();
		print(slow.get());
		(async () => {
			const g = failing();
			try { await threads.selectAsync([{get: q}], {signal: g.signal}); } catch (e) { print("selectAsync", e.message); }
			try { await g } catch {}
			pool.close();
		})();
	`, "Queue.get stop true\nQueue.put stop true\nWaitGroup.wait stop true\nPool.submit stop true\n"+
		"select stop true\nsleep stop true\nThreadPromise.get stop true\nThreadPromise.wait stop true\n"+
		"0 1 2\nlate\nselectAsync stop")
}

// threads.spawn: a signal of the caller aborts the thread's own
// threads.signal (cooperatively, with a clone of the reason); a timeout
// cancels the thread; a name shows in its errors.
func TestSpawnOptions(t *testing.T) {
	t.Parallel()
	mustEvalAbort(t, `
		(async () => {
			const ac = new AbortController();
			const ready = threads.WaitGroup(); ready.add(1);
			const p = threads.spawn({signal: ac.signal, name: "watcher"}, (ready) => {
				ready.done();
				try { threads.sleep(60000, {signal: threads.signal}); } catch (e) { return [e.name, e.message, threads.signal.aborted]; }
			}, ready);
			await ready.waitAsync();
			ac.abort(new RangeError("enough"));
			print((await p).join(" "));
			try { threads.spawn({timeout: 10, name: "spinner"}, () => { for (;;) {} }).get(); } catch (e) { print(e.name, e.message); }
			const late = threads.spawn({timeout: 10}, () => threads.sleep(60000));
			try { await late } catch (e) { print(e.name) }
			print(threads.spawn({}, (a, b) => a + b, 2, 3).get(), threads.spawn(undefined, () => "plain").get());
			print(threads.signal instanceof AbortSignal, threads.signal.aborted, threads.run(() => threads.signal.aborted).get());
			for (const bad of [() => threads.spawn(5, () => 1), () => threads.spawn({name: 5}, () => 1), () => threads.spawn({timeout: "1"}, () => 1), () => threads.spawn({}, 5), () => threads.sleep(1, 5)]) {
				try { bad(); print("no error") } catch (e) { print(e.name + ": " + e.message) }
			}
		})();
	`, "RangeError enough true\n"+
		"TimeoutError thread 2 (spinner) timed out after 10ms\n"+
		"TimeoutError\n"+
		"5 plain\n"+
		"true false false\n"+
		"TypeError: threads.spawn: argument 'options' must be an object like {signal, timeout, name}, got number\n"+
		"TypeError: threads.spawn: option 'name' must be a string, got number\n"+
		"TypeError: threads.spawn: option 'timeout' must be a number of milliseconds, got string\n"+
		"TypeError: threads.spawn: argument 'fn' must be a function, got number\n"+
		"TypeError: threads.sleep: argument 'options' must be an object like {signal}, got number")
}

func TestThreadPromiseGetTimeout(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const gate = threads.WaitGroup(); gate.add(1);
		const p = threads.run(() => { gate.wait(); return 1; });
		try { p.get({timeout: 5}) } catch (e) { print(e.name, e.message) }
		try { p.wait({timeout: 1}) } catch (e) { print(e.name) }
		gate.done();
		print(p.get({timeout: 60000}));
		try { p.get(5) } catch (e) { print(e.name + ": " + e.message) }
	`, "TimeoutError ThreadPromise.get: timed out waiting for thread 1\nTimeoutError\n1\n"+
		"TypeError: ThreadPromise.get: argument 'options' must be an object like {timeout: ms}, got number")
}

// A wait on a signal nothing can abort any more is part of a deadlock.
func TestSignalWaitCanDeadlock(t *testing.T) {
	t.Parallel()
	_, err := evalJS(t, withAbort(Config{}), 20*time.Second, `
		const g = threads.Group();
		threads.Queue().get({signal: g.signal});
	`)
	if !errors.Is(err, ErrDeadlock) || !strings.Contains(err.Error(), "main: Queue.get") {
		t.Fatalf("got %v, want a deadlock naming main: Queue.get", err)
	}
}

// A {signal} that is not an AbortSignal is a TypeError naming the call and
// the option.
func TestSignalOptionBadInput(t *testing.T) {
	t.Parallel()
	mustEvalAbort(t, `
		const q = threads.Queue(), wg = threads.WaitGroup(), pool = threads.Pool((x) => x, 1), p = threads.run(() => 1);
		const signal = {aborted: true};
		for (const f of [
			() => q.get({signal}), () => q.put(1, {signal}), () => wg.wait({signal}), () => pool.submit(1, {signal}),
			() => threads.select([], {signal}), () => threads.sleep(1, {signal}), () => p.get({signal}),
			() => threads.spawn({signal}, () => 1), () => threads.Group({signal}), () => threads.Group().wait({signal}),
			() => threads.selectAsync([], {signal}), // bad input throws at the call, as threads.run's does
		]) {
			try { f(); print("no error") } catch (e) { print(e.name + ": " + e.message) }
		}
		pool.close();
	`, strings.Join([]string{
		"TypeError: Queue.get: option 'signal' must be an AbortSignal, got object",
		"TypeError: Queue.put: option 'signal' must be an AbortSignal, got object",
		"TypeError: WaitGroup.wait: option 'signal' must be an AbortSignal, got object",
		"TypeError: Pool.submit: option 'signal' must be an AbortSignal, got object",
		"TypeError: threads.select: option 'signal' must be an AbortSignal, got object",
		"TypeError: threads.sleep: option 'signal' must be an AbortSignal, got object",
		"TypeError: ThreadPromise.get: option 'signal' must be an AbortSignal, got object",
		"TypeError: threads.spawn: option 'signal' must be an AbortSignal, got object",
		"TypeError: threads.Group: option 'signal' must be an AbortSignal, got object",
		"TypeError: Group.wait: option 'signal' must be an AbortSignal, got object",
		"TypeError: threads.selectAsync: option 'signal' must be an AbortSignal, got object",
	}, "\n"))
}

// A reason that cannot be cloned reaches the thread as an AbortError
// DOMException saying so.
func TestSpawnSignalReasonNotCloneable(t *testing.T) {
	t.Parallel()
	mustEvalAbort(t, `
		(async () => {
			const ac = new AbortController();
			const ready = threads.WaitGroup(); ready.add(1);
			const p = threads.spawn({signal: ac.signal}, (ready) => {
				ready.done();
				try { threads.sleep(60000, {signal: threads.signal}); } catch (e) { return [e.name, e.constructor.name, e.message.includes("could not be cloned")]; }
			}, ready);
			await ready.waitAsync();
			ac.abort(Symbol("not cloneable"));
			print((await p).join(" "));
		})();
	`, "AbortError DOMException true")
}

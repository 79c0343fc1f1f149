package engine

import (
	"strings"
	"time"

	"testing"

	"github.com/jsrun/jsrun/internal/abort"
)

// withAbort gives cfg's runtimes AbortController and AbortSignal, as the
// host's node globals do.
func withAbort(cfg Config) Config {
	for _, name := range []string{"AbortController", "AbortSignal"} {
		cfg = withGlobal(cfg, name, func(r *Runtime) any {
			a, err := abort.For(r.RT, r.Loop)
			if err != nil {
				panic(err)
			}
			return a.Class(name)
		})
	}
	return cfg
}

// mustEvalAbort is mustEval with AbortController and AbortSignal.
func mustEvalAbort(t *testing.T, src, want string) {
	t.Helper()
	got, err := evalJS(t, withAbort(Config{}), 20*time.Second, src)
	if err != nil {
		t.Fatalf("error: %v\noutput so far:\n%s", err, got)
	}
	if got != want {
		t.Fatalf("printed:\n%s\nwant:\n%s", got, want)
	}
}

// Results come in the order run was called, and never more than limit
// threads of the group run at once (checked with an Atomic high-water
// mark).
func TestGroupLimitAndOrder(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const running = threads.Atomic(0), most = threads.Atomic(0);
		function work(i) {
			const n = running.add(1);
			for (let m = most.get(); m < n && !most.compareAndSwap(m, n); m = most.get()) {}
			threads.sleep(2);
			running.add(-1);
			return i * 10;
		}
		const g = threads.Group({limit: 3});
		for (let i = 0; i < 12; i++) g.run(work, i);
		print(g.wait().join(" "));
		print("most at once:", most.get() <= 3, most.get() >= 1, g.running);
	`, "0 10 20 30 40 50 60 70 80 90 100 110\nmost at once: true true 0")
}

// The first error fails wait and aborts the group's signal: every other
// thread of the group sees it, in threads.signal and in the calls it
// passed that signal to (sleep, Queue.get, and a loop reading aborted).
func TestGroupFirstErrorCancelsTheRest(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const seen = threads.Queue(), idle = threads.Queue();
		const started = threads.WaitGroup();
		started.add(3);
		const g = threads.Group();
		g.run(() => { started.done(); try { threads.sleep(60000, {signal: threads.signal}); } catch (e) { seen.put("sleep: " + e.message); } });
		g.run(() => { started.done(); try { idle.get({signal: threads.signal}); } catch (e) { seen.put("get: " + e.message); } });
		g.run(() => { started.done(); while (!threads.signal.aborted) {} seen.put("loop: " + threads.signal.reason.message); });
		g.run(() => { started.wait(); throw new RangeError("first"); });
		try { g.wait(); } catch (e) { print("wait threw", e.name, e.message); }
		const lines = [seen.get(), seen.get(), seen.get()].sort();
		print(lines.join("\n"));
		print(g.signal.aborted, g.signal.reason.name);
		try { g.run(() => 1) } catch (e) { print("run after failure:", e.message) }
	`, "wait threw RangeError first\n"+
		"get: first\nloop: first\nsleep: first\n"+
		"true RangeError\n"+
		"run after failure: first")
}

func TestGroupAwaitInThreadsAndWithPool(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		(async () => {
			const g = threads.Group({limit: 2});
			g.run((x) => x + 1, 1);
			g.run(() => Promise.resolve("later"));
			print((await g).join(" "));
			const inner = threads.run(() => {
				const g = threads.Group();
				for (let i = 0; i < 3; i++) g.run((i) => i * i, i);
				return g.wait();
			}).get();
			print(inner.join(" "));
			const pool = threads.Pool((x) => x * 2, 2);
			const pg = threads.Group({limit: 2});
			for (let i = 0; i < 5; i++) pg.submit(pool, i);
			print(pg.wait().join(" "));
			const bad = threads.Group();
			bad.submit(pool, "x");
			bad.run(() => { throw new TypeError("nope") });
			try { await bad } catch (e) { print(e.name, e.message) }
			pool.close();
		})();
	`, "2 later\n0 1 4\n0 2 4 6 8\nTypeError nope")
}

func TestGroupBadInput(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		for (const f of [
			() => threads.Group(5),
			() => threads.Group({limit: 0}),
			() => threads.Group({limit: 1.5}),
			() => threads.Group({signal: 1}),
			() => threads.Group().run(5),
			() => threads.Group().submit({}, 1),
			() => threads.Group.prototype.wait.call({}),
		]) {
			try { f(); print("no error") } catch (e) { print(e.name + ": " + e.message) }
		}
	`, "TypeError: threads.Group: argument 'options' must be an object like {limit, signal}, got number\n"+
		"RangeError: threads.Group: option 'limit' must be between 1 and 1048576, got 0\n"+
		"TypeError: threads.Group: option 'limit' must be an integer, got 1.5\n"+
		"TypeError: threads.Group: option 'signal' must be an AbortSignal, got number\n"+
		"TypeError: Group.run: argument 'fn' must be a function, got number\n"+
		"TypeError: Group.submit: argument 'pool' must be a threads.Pool, got object\n"+
		"TypeError: Group.wait: 'this' must be a threads.Group")
}

// A failure nobody waits for is not lost: the evaluation fails at its end,
// saying so; a wait that comes after other awaits still gets it.
func TestGroupFailureWithoutWaitIsReported(t *testing.T) {
	t.Parallel()
	_, err := evalJS(t, Config{}, 20*time.Second, `
		const g = threads.Group();
		g.run(() => { throw new Error("nobody waits for me") });
	`)
	if err == nil || !strings.Contains(err.Error(), "thread 1 failed, and nothing waited for its group") {
		t.Fatalf("got %v, want the unwaited failure reported", err)
	}
	// Waited for later, after other awaits, it is the group's to report.
	mustEval(t, `
		(async () => {
			const g = threads.Group();
			g.run(() => { throw new Error("late") });
			await new Promise((resolve) => setTimeout(resolve, 5));
			try { await g } catch (e) { print("caught", e.message) }
		})();
	`, "caught late")
}

// A run waiting for its turn when the group fails throws the first error.
func TestGroupRunWaitingForATurnSeesTheFailure(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const g = threads.Group({limit: 1});
		g.run(() => { threads.sleep(5); throw new Error("first") });
		try { g.run(() => 1); print("started"); } catch (e) { print("run threw", e.message); }
		try { g.wait() } catch (e) { print("wait threw", e.message) }
	`, "run threw first\nwait threw first")
}

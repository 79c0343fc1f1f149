package engine

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRunReturnsResultThroughGetAndAwait(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		function add(a, b) { return a + b }
		const p = threads.run(add, 1, 2);
		print(p instanceof Promise, p.get(), p.get());
		p.then(v => print("then", v));
		(async () => {
			print("await", await threads.run(add, 20, 22));
			const all = await Promise.all([1, 2, 3].map(i => threads.run(add, i, i)));
			print("all", all.join(","));
			print("async fn", await threads.run(async (x) => { await null; return x * 2 }, 21));
		})();
	`, "true 3 3\nthen 3\nawait 42\nall 2,4,6\nasync fn 42")
}

func TestRunWaitReturnsUndefinedAndThrows(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		print(threads.run(() => 5).wait());
		try { threads.run(() => { throw new TypeError("bad") }).wait() } catch (e) { print(e.name, e.message) }
	`, "undefined\nTypeError bad")
}

func TestRunNonFunctionIsTypeErrorAtTheCall(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		for (const v of [undefined, 1, "f", {}, null]) {
			try { threads.run(v) } catch (e) { print(e.name + ": " + e.message) }
		}
	`, "TypeError: threads.run: argument 'fn' must be a function, got undefined\n"+
		"TypeError: threads.run: argument 'fn' must be a function, got number\n"+
		"TypeError: threads.run: argument 'fn' must be a function, got string\n"+
		"TypeError: threads.run: argument 'fn' must be a function, got object\n"+
		"TypeError: threads.run: argument 'fn' must be a function, got null")
}

func TestThreadErrorKeepsNameMessageAndStack(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		class ValidationError extends Error { constructor(m) { super(m); this.name = "ValidationError" } }
		function fails() {
			throw new ValidationError("no good");
		}
		try { threads.run(fails).get() } catch (e) {
			print(e instanceof Error, e.name, e.message, /test\.js:4:\d+/.test(e.stack));
		}
		try { threads.run(() => { throw new RangeError("r") }).get() } catch (e) { print(e instanceof RangeError, e.name) }
		try { threads.run(() => { throw 42 }).get() } catch (e) { print(typeof e, e) }
	`, "true ValidationError no good true\ntrue RangeError\nnumber 42")
}

func TestIsolationAndCarriedTopLevelBindings(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const items = [1, 2, 3];
		let counter = 10;
		var config = { scale: 2 };
		globalThis.fromGlobal = "g";
		class Point { constructor(x, y) { this.x = x; this.y = y } sum() { return scale(this.x + this.y) } }
		function scale(v) { return v * config.scale }
		const [first, { nested }] = [1, { nested: "n" }];
		print(threads.run(() => { items.push(4); counter++; return items.length + ":" + counter }).get());
		print(items.length, counter);
		print(threads.run(() => new Point(1, 2).sum()).get());
		print(threads.run(() => first + nested + fromGlobal).get());
		print(threads.run(() => typeof notDefinedAnywhere).get());
	`, "4:11\n3 10\n6\n1ng\nundefined")
}

func TestClosureOverLocalIsRefusedNamingTheVariable(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		function makeAdder(n) { return function adder(x) { return x + n } }
		try { threads.run(makeAdder(1), 1) } catch (e) { print(e.name); print(e.message) }
		try { threads.run((f) => f(1), makeAdder(2)) } catch (e) { print(e.message.startsWith("args[0]")) }
		print(threads.run((f, x) => f(x), (v) => v * 3, 5).get());
	`, "DataCloneError\nfn: function adder uses \"n\", a local variable of function makeAdder; a thread cannot share it: pass it to the function as an argument instead\ntrue\n15")
}

func TestNestedThreads(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		function leaf(x) { return x + 1 }
		function middle(x) { return threads.run(leaf, x).get() * 10 }
		print(threads.run(middle, 1).get());
		print(threads.run(() => threads.run(() => threads.run(() => "deep").get()).get()).get());
	`, "20\ndeep")
}

func TestCancelRejectsWithCancelledError(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const p = threads.run(() => { for (;;) {} });
		p.cancel();
		try { p.get() } catch (e) { print(e.name, e instanceof threads.CancelledError) }
		const done = threads.run(() => 1);
		done.get();
		done.cancel();
		print(done.get());
	`, "CancelledError true\n1")
}

func TestDeepRecursionIsRangeError(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		function down(n) { return down(n + 1) + 1 }
		try { threads.run(down, 0).get() } catch (e) { print(e.name, e.message) }
	`, "RangeError Maximum call stack size exceeded")
}

func TestUnhandledThreadRejectionFailsTheEvaluation(t *testing.T) {
	t.Parallel()
	_, err := evalJS(t, Config{}, 10*time.Second, `threads.run(() => { throw new Error("lost") })`)
	if err == nil || !strings.Contains(err.Error(), "lost") {
		t.Fatalf("err = %v, want the unhandled rejection", err)
	}
}

func TestTimeoutReachesBlockedGet(t *testing.T) {
	t.Parallel()
	start := time.Now()
	_, err := evalJS(t, Config{}, 200*time.Millisecond, `threads.run(() => { for (;;) {} }).get()`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
}

func TestMaxThreadsIsRangeError(t *testing.T) {
	t.Parallel()
	got, err := evalJS(t, Config{MaxThreads: 3}, 10*time.Second, `
		const q = threads.Queue();
		const ps = [];
		try { for (let i = 0; i < 10; i++) ps.push(threads.run(() => q.get())) } catch (e) { print(e.name, ps.length) }
		q.close();
		for (const p of ps) { try { p.get() } catch (e) {} }
	`)
	if err != nil || got != "RangeError 3" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCancelReachesTheThreadsItStarted(t *testing.T) {
	t.Parallel()
	start := time.Now()
	mustEval(t, `
		const started = threads.Atomic();
		const parent = threads.run(() => {
			threads.run(() => { started.add(); for (;;) {} }); // never awaited
			const child = threads.run(() => { started.add(); for (;;) {} });
			child.get();
		});
		while (started.get() < 2) threads.sleep(1);
		parent.cancel();
		try { parent.get() } catch (e) { print(e.name) }
	`, "CancelledError")
	if time.Since(start) > 10*time.Second {
		t.Fatalf("took %v: the children kept running", time.Since(start))
	}
}

// TestFunctionEntryFollowsReplacedScript runs a file, then the file changed
// (a host reloading it), in one Env: the same function text, first at top
// level, then closing over a local. The second run must see the second
// version and refuse the closure, not reuse what it learnt of the first.
func TestFunctionEntryFollowsReplacedScript(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var out []string
	env := NewEnv(withPrint(Config{}, &mu, &out))
	for _, src := range []string{
		`const k = 1; function f() { return k + 1 } print(threads.run(f).get())`,
		`const g = (() => { const k = 5; return function f() { return k + 1 } })();
		try { threads.run(g).get(); print("carried") } catch (e) { print(e.name, e.message.includes("k")) }`,
	} {
		if _, err := run(context.Background(), env, "reloaded.js", src); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := strings.Join(out, "\n"), "2\nDataCloneError true"; got != want {
		t.Errorf("printed:\n%s\nwant:\n%s", got, want)
	}
}

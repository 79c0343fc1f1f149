package engine

import (
	"strings"
	"testing"
	"time"
)

// Issue 13 point 7: values cross exactly, or fail loudly.

// TestPassedPromiseRejectionHandledBySenderLater: the sender passes a
// failing thread's promise to another thread, which ignores it, and then
// catches the rejection itself with get(). One promise, one handler: not
// an unhandled rejection anywhere.
func TestPassedPromiseRejectionHandledBySenderLater(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		for (let i = 0; i < 10; i++) {
			const p = threads.run(() => { throw new Error("boom") });
			const r = threads.run((q) => typeof q.get, p);
			r.get();
			try { p.get() } catch (e) { if (i === 0) print("sender caught", e.message) }
		}
	`, "sender caught boom")
}

// TestPassedPromiseRejectionHandledByReceiver: the receiver handles it and
// the sender never looks: still handled.
func TestPassedPromiseRejectionHandledByReceiver(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		for (let i = 0; i < 10; i++) {
			const p = threads.run(() => { throw new Error("boom") });
			const got = threads.run((q) => { try { q.get() } catch (e) { return "receiver caught " + e.message } }, p).get();
			if (i === 0) print(got);
		}
		const gate = threads.Queue();
		const p = threads.run((g) => { g.get(); throw new Error("late") }, gate);
		threads.run((q, g) => { q.catch((e) => print("receiver catch", e.message)); g.put(1) }, p, gate).get();
	`, "receiver caught boom\nreceiver catch late")
}

// TestPassedPromiseRejectionNobodyHandlesIsReported: passing the promise
// on never hides a rejection that no holder handles; it is reported once.
func TestPassedPromiseRejectionNobodyHandlesIsReported(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`const p = threads.run(() => { throw new Error("boom") }); threads.run((q) => 1, p).get();`,
		`const p = threads.run(() => { throw new Error("boom") }); threads.run((q) => { q.then(() => {}) }, p).get(); try { p.get() } catch {}`,
	} {
		_, err := evalJS(t, Config{}, 20*time.Second, src)
		if err == nil || !strings.Contains(err.Error(), "boom") {
			t.Errorf("%s\nerr = %v, want the unhandled rejection boom", src, err)
		}
	}
}

// TestIdenticalFunctionTextsAreToldApartBySite: one text written where
// it means different things (a closure over a parameter, a top-level
// function) is carried as written where the value was made, in either
// order: the closure is refused naming its variable, the other carried.
func TestIdenticalFunctionTextsAreToldApartBySite(t *testing.T) {
	t.Parallel()
	const closure = `DataCloneError fn: function <anonymous> uses "factor", a local variable of function makeScaler; ` +
		`a thread cannot share it: pass it to the function as an argument instead`
	for _, src := range []string{
		`const factor = 10;
const scale = (v) => v * factor;
function makeScaler(factor) { return (v) => v * factor }
try { print(threads.run(makeScaler(3), 2).get()) } catch (e) { print(e.name, e.message) }
try { print(threads.run(scale, 2).get()) } catch (e) { print(e.name, e.message) }`,
		`const factor = 10;
function makeScaler(factor) { return (v) => v * factor }
const scale = (v) => v * factor;
try { print(threads.run(makeScaler(3), 2).get()) } catch (e) { print(e.name, e.message) }
try { print(threads.run(scale, 2).get()) } catch (e) { print(e.name, e.message) }`,
	} {
		mustEval(t, src, closure+"\n20")
	}
	// Identical texts that mean the same are fine.
	mustEval(t, `
		const factor = 10;
		const a = (v) => v * factor;
		const b = (v) => v * factor;
		function twice() { return [(x) => x + 1, (x) => x + 1] }
		print(threads.run(a, 2).get(), threads.run(b, 3).get(), threads.run(twice()[1], 4).get());
	`, "20 30 5")
}

// TestDeclarationsAreToldApartBySite: function declarations of one text,
// at top level and inside a function whose parameter they use.
func TestDeclarationsAreToldApartBySite(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const k = 1;
		print(threads.run(f).get()); // hoisted: tagged before any code runs
		function f() { return k + 1 }
		function outer(k) { return f; function f() { return k + 1 } }
		try { threads.run(outer(5)).get() } catch (e) { print(e.name, e.message.includes('"k", a local variable of function outer')) }
		class C { get() { return k } }
		function makeClass(k) { return class C { get() { return k } } }
		print(threads.run((C) => new C().get(), C).get());
		try { threads.run((C) => 1, makeClass(2)).get() } catch (e) { print(e.name, e.message.includes('"k"')) }
	`, "2\nDataCloneError true\n1\nDataCloneError true")
}

// TestSitesKeepNames: a function tagged with its site keeps the name
// JavaScript gave it where it stands, and its stack frames.
func TestSitesKeepNames(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const factor = 2;
		function mk(factor) { return [(v) => v * factor, () => { throw new Error(factor) }] }
		const scale = (v) => v * factor;
		const o = { scale: (v) => v * factor };
		class C { static s = (v) => v * factor }
		let assigned; assigned = (v) => v * factor;
		const { d = (v) => v * factor } = {};
		const boom = () => { throw new Error(factor) };
		print(scale.name, o.scale.name, C.s.name, assigned.name, d.name, boom.name);
		print([scale, o.scale, C.s, assigned, d].map((f) => threads.run(f, 3).get()).join(" "));
		try { boom() } catch (e) { print(e.message, /^Error: 2\n\s+at boom \(test\.js:9:/.test(e.stack)) }
		try { threads.run(boom).get() } catch (e) { print(e.message, /^Error: 2\n\s+at test\.js:9:/.test(e.stack)) }
	`, "scale scale s assigned d boom\n6 6 6 6 6\n2 true\n2 true")
}

// TestSitesInThreads: a function carried into a thread makes, there, a
// function whose text is written elsewhere with another meaning: it is
// told apart as in the main runtime.
func TestSitesInThreads(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const factor = 10;
		function mk(factor) { return (v) => v * factor }
		function outer() { return threads.run((v) => v * factor, 2).get() }
		function outerClosure(factor) { return threads.run((v) => v * factor, 2).get() }
		print(threads.run(outer).get());
		try { threads.run(() => outerClosure(1)).get() } catch (e) { print(e.name, e.message.includes('"factor", a local variable of function outerClosure')) }
	`, "20\nDataCloneError true")
}

// TestUntaggedSitesStayRefused: a method, or a function under a name
// computed at run time, carries no site: its text written elsewhere with
// another meaning is refused as before.
func TestUntaggedSitesStayRefused(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const k = 1;
		const a = { m() { return k } };
		function g(k) { return { m() { return k } } }
		try { threads.run(a.m).get() } catch (e) { print(e.name, e.message.includes("is written 2 times with different meanings")) }
		const key = "f";
		const b = { [key]: () => k };
		function h(k) { return () => k }
		try { threads.run(b.f).get() } catch (e) { print(e.name, e.message.includes("is written 2 times with different meanings")) }
	`, "DataCloneError true\nDataCloneError true")
}

// TestFunctionMadeByEvalIsNotGuessed: eval's functions are written in no
// script, and may close over the locals where eval ran.
func TestFunctionMadeByEvalIsNotGuessed(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const factor = 10;
		function make(factor) { return eval("(v) => v * factor") }
		try { print(threads.run(make(3), 2).get()) } catch (e) { print(e.name, e.message) }
		print(threads.run(new Function("v", "return v * factor"), 2).get());
	`, `DataCloneError fn: function <anonymous> cannot be carried into a thread: its text "(v) => v * factor" is written in no script `+
		`(test.js names eval, whose functions may use local variables of the code that called it), and a function value does not say where it was made; `+
		`define it in a script rather than in code run by eval`+"\n20")
}

// TestThreadErrorWithUncloneableCause keeps the error's class, message
// and stack, drops only the cause and says so in the message.
func TestThreadErrorWithUncloneableCause(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		class MyError extends Error { constructor(m, o) { super(m, o); this.name = "MyError" } }
		function fail() {
			throw new TypeError("boom", { cause: Symbol("s") });
		}
		try { threads.run(fail).get() } catch (e) {
			print(e instanceof TypeError, e.name, "cause" in e);
			print(e.message);
			print(/^TypeError: boom[^\n]*\n\s+at fail \(test\.js:4:\d+/.test(e.stack), e.stack.includes("threads.run (test.js:6:"));
		}
		try { threads.run(() => { throw new MyError("custom", { cause: new WeakMap() }) }).get() } catch (e) {
			print(e.name, e.message.startsWith("custom (cause not cloned: "));
		}
		try { threads.run(() => { throw new Error("ok", { cause: { n: 1 } }) }).get() } catch (e) {
			print(e.message, e.cause.n);
		}
		try { threads.run(() => { throw { s: Symbol("t") } }).get() } catch (e) {
			print(e.name, e.message);
		}
	`, "true TypeError false\n"+
		"boom (cause not cloned: error.cause: Symbol values cannot be cloned)\n"+
		"true true\n"+
		"MyError true\n"+
		"ok 1\n"+
		"DataCloneError thread 4 threw a value that cannot be cloned: error.s: Symbol values cannot be cloned")
}

// TestAtomicStaysExactPast2To53: results beyond the safe integers come back
// as BigInt, never rounded; an Atomic made from a BigInt always returns
// BigInts.
func TestAtomicStaysExactPast2To53(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const a = threads.Atomic(2 ** 53 - 1);
		print(a.add(1) === 9007199254740992n, a.add(1) === 9007199254740993n, a.get() === 9007199254740993n);
		print(a.swap(5) === 9007199254740993n, a.get() === 5, typeof a.get());
		a.set(-(2 ** 53 - 1)); print(a.get() === -(2 ** 53 - 1), a.add(-1) === -9007199254740992n);
		print(a.compareAndSwap(-9007199254740992n, 1), a.get());
		a.set(2n ** 63n - 1n); print(a.get() === 9223372036854775807n);
		try { a.add(1) } catch (e) { print(e.name) }
		const b = threads.Atomic(10n);
		print(b.get() === 10n, b.add() === 11n, b.add(2) === 13n, b.swap(1n) === 13n, typeof b.get(), b.compareAndSwap(1, 2));
		print(threads.run((x) => x.add(1n) === 3n && x.get() === 3n, b).get(), b.get() === 3n);
		const c = threads.Atomic();
		print(threads.run((x) => { x.set(2 ** 53 - 1); x.add(2); return x.get() === 9007199254740993n }, c).get(), c.get() === 9007199254740993n);
	`, "true true true\n"+
		"true true number\n"+
		"true true\n"+
		"true 1\n"+
		"true\nRangeError\n"+
		"true true true true bigint true\n"+
		"true true\n"+
		"true true")
}

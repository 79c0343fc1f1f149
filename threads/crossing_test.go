package threads

import (
	"testing"
)

// Issue 13 point 7: values cross exactly, or fail loudly.

// TestThreadErrorWithUncloneableCause keeps the error's class, message
// and stack, drops only the cause and says so in the message.
func TestThreadErrorWithUncloneableCause(t *testing.T) {
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

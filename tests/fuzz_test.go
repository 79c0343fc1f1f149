package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/threads"
)

// The fuzz targets build small scripts that call one part of the script
// API with values made from the fuzz input, and check that the host never
// panics, never hangs, and that every failure is a JavaScript error with a
// name (from the expected set). Where the contract (README.md) fixes the outcome (integer
// arguments, {timeout} options, clone round trips) the script checks it
// exactly and prints a "bad|" line otherwise.
//
// Values are made by jsLit from a kind and a number, an integer and a
// string, always as a well-formed JavaScript expression (strings go through
// JSON), so no input can inject code of its own.
//
// go test -run XXX -fuzz FuzzQueueArgs -fuzztime 20s ./tests/

const fuzzPrelude = `
class FuzzError extends Error { constructor(m) { super(m); this.name = "FuzzError" } }
// Objects whose getters or traps throw. the contract (README.md) wants a TypeError for them as
// for any object given as an integer; whether the library first touches
// them (so that their FuzzError escapes) is checked exactly by the
// badinput table, not here.
function fuzzGetters(m) {
	const o = { get timeout() { throw new FuzzError(m) }, get workers() { throw new FuzzError(m) }, get queueDepth() { throw new FuzzError(m) } };
	fuzzObjects.add(o);
	return o;
}
const fuzzObjects = new Set();
function fuzzProxy() {
	const p = new Proxy({}, { get() { throw new FuzzError("proxy get") }, ownKeys() { throw new FuzzError("proxy keys") } });
	fuzzObjects.add(p);
	return p;
}
function outcomeIs(got, want) { return want.split("|").includes(got) }
function clean(x) { return String(x).replace(/[\r\n\u2028\u2029|]/g, " ") }
function show(v) {
	try {
		if (typeof v === "bigint") return v + "n";
		if (typeof v === "symbol") return "symbol";
		return clean(v);
	} catch (e) { return "<unprintable>" }
}
function isErr(e) { return e !== null && typeof e === "object" && typeof e.name === "string" && e.name !== "" }
function report(label, e) {
	console.log(isErr(e) ? e.name + "|" + label + "|" + clean(e.message) : "non-error|" + label + "|" + show(e));
}
function step(label, f) {
	try { console.log("ok|" + label + "|" + show(f())) } catch (e) { report(label, e) }
}
async function stepAsync(label, f) {
	try { console.log("ok|" + label + "|" + show(await f())) } catch (e) { report(label, e) }
}
function bad(label, why) { console.log("bad|" + label + "|" + clean(why)) }
// intOutcome is the contract's rule for an integer argument: a Number that is a safe
// integer or a BigInt within int64; anything else is a TypeError or a
// RangeError, never silently truncated.
function intOutcome(v) {
	if (fuzzObjects.has(v)) return "TypeError|FuzzError";
	if (typeof v === "bigint") return v >= -(2n ** 63n) && v < 2n ** 63n ? "ok" : "RangeError";
	if (typeof v !== "number") return "TypeError";
	if (!Number.isInteger(v)) return "TypeError";
	return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? "ok" : "RangeError";
}
function same(a, b, seen) {
	seen = seen || new Map();
	if (typeof a !== typeof b) return false;
	if (typeof a === "number") return Object.is(a, b);
	if (a === b) return true;
	if (typeof a === "function") return String(a) === String(b);
	if (typeof a !== "object" || a === null || b === null) return false;
	if (seen.has(a)) return seen.get(a) === b;
	seen.set(a, b);
	const tag = Object.prototype.toString.call(a);
	if (tag !== Object.prototype.toString.call(b)) return false;
	if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
	if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags;
	if (a instanceof Error) return a.name === b.name && a.message === b.message;
	if (tag === "[object Number]" || tag === "[object String]" || tag === "[object Boolean]" || tag === "[object BigInt]") return Object.is(a.valueOf(), b.valueOf());
	if (a instanceof Map || a instanceof Set) {
		const ea = [...a], eb = [...b];
		return ea.length === eb.length && ea.every((e, i) => same(e, eb[i], seen));
	}
	const ka = Object.keys(a), kb = Object.keys(b);
	return ka.join("\u0000") === kb.join("\u0000") && ka.every(k => same(a[k], b[k], seen));
}
`

// Kinds of fuzzed values.
const (
	kUndefined = iota
	kNull
	kNumber      // f
	kIntNumber   // i, as a Number (may be unsafe)
	kBigInt      // i, as a BigInt
	kHugeBigInt  // i**3 as a BigInt
	kString      // s
	kBool        // i is even
	kTimeoutNum  // {timeout: f}
	kTimeoutStr  // {timeout: s}
	kPoolOptions // {workers: i, queueDepth: f}
	kArray       // [f, s, i]
	kFunction    // x => x
	kSymbol      // Symbol(s)
	kGetters     // an object whose getters throw FuzzError
	kBoxed       // new Number(f)
	kProxy       // a Proxy whose traps throw
	kThreadsObj  // a threads.Atomic or threads.Queue
	kNested      // nested objects, arrays and a Map
	kDate        // new Date(f)
	kinds
)

// numLit writes f as a JavaScript number expression.
func numLit(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0 && math.Signbit(f):
		return "-0"
	}
	return "(" + strconv.FormatFloat(f, 'g', -1, 64) + ")"
}

func strLit(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsLit is a JavaScript expression for a value of kind k made from f, i, s.
func jsLit(k uint8, f float64, i int64, s string) string {
	is := strconv.FormatInt(i, 10)
	switch k % kinds {
	case kUndefined:
		return "undefined"
	case kNull:
		return "null"
	case kNumber:
		return numLit(f)
	case kIntNumber:
		return "(" + is + ")"
	case kBigInt:
		return "(" + is + "n)"
	case kHugeBigInt:
		return "((" + is + "n) ** 3n)"
	case kString:
		return strLit(s)
	case kBool:
		return strconv.FormatBool(i%2 == 0)
	case kTimeoutNum:
		return "({ timeout: " + numLit(f) + " })"
	case kTimeoutStr:
		return "({ timeout: " + strLit(s) + " })"
	case kPoolOptions:
		return "({ workers: (" + is + "), queueDepth: " + numLit(f) + " })"
	case kArray:
		return "[" + numLit(f) + ", " + strLit(s) + ", (" + is + ")]"
	case kFunction:
		return "(x => x)"
	case kSymbol:
		return "Symbol(" + strLit(s) + ")"
	case kGetters:
		return "fuzzGetters(" + strLit(s) + ")"
	case kBoxed:
		return "new Number(" + numLit(f) + ")"
	case kProxy:
		return "fuzzProxy()"
	case kThreadsObj:
		if i%2 == 0 {
			return "threads.Atomic(1)"
		}
		return "threads.Queue()"
	case kNested:
		return "({ a: [" + numLit(f) + ", { b: " + strLit(s) + " }], m: new Map([[" + strLit(s) + ", (" + is + "n)]]), e: new RangeError(" + strLit(s) + ") })"
	case kDate:
		return "new Date(" + numLit(f) + ")"
	}
	panic("unreachable")
}

// fuzzVal is one fuzzed value: kind, number, integer, string.
type fuzzVal struct {
	k uint8
	f float64
	i int64
	s string
}

func (v fuzzVal) lit() string { return jsLit(v.k, v.f, v.i, v.s) }

// addSeeds gives a target (whose arguments are two fuzzed values and an
// op) a corpus that reaches every kind, the usual edge numbers, and every op.
func addSeeds(f *testing.F) {
	nums := []float64{0, math.Copysign(0, -1), 1, -1, 1.5, math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 1 << 53, 1<<53 - 1, 4, 2, 1 << 31, 1e-9}
	ints := []int64{0, 1, -1, 4, 1 << 53, math.MaxInt64, math.MinInt64, 1 << 31, 4097, 1e9}
	strs := []string{"", "x", "5", "line\nbreak|pipe", "\u2028", "__proto__", "\xff"}
	n := 0
	for k := range uint8(kinds) {
		for j := range 3 {
			f.Add(k, nums[n%len(nums)], ints[(n+j)%len(ints)], strs[n%len(strs)],
				uint8((int(k)+j*7)%kinds), nums[(n+3)%len(nums)], ints[(n+5)%len(ints)], strs[(n+1)%len(strs)], uint8(n))
			n++
		}
	}
}

// fuzzResult is a fuzzed script's printed steps.
type fuzzResult struct {
	lines []string
	err   error
}

// runFuzzScript evaluates body (after the prelude) and fails the fuzz
// input if the host panics, hangs, ends with an error other than one in
// okErr, prints a "bad|" or "non-error|" line, prints other than want
// lines, or fails a step with a name outside allowed.
func runFuzzScript(t *testing.T, body string, want int, allowed map[string]bool, opts ...host.Option) fuzzResult {
	t.Helper()
	var out, errOut bytes.Buffer
	h, err := host.New(append([]host.Option{host.WithStdout(&out), host.WithStderr(&errOut)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close() // now: a fuzz test runs many scripts
	src := fuzzPrelude + body
	const limit = 10 * time.Second
	type outcome struct {
		err      error
		panicked any
	}
	done := make(chan outcome, 1)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{panicked: p}
			}
		}()
		_, err := h.Eval(ctx, src)
		done <- outcome{err: err}
	}()
	var o outcome
	select {
	case o = <-done:
	case <-time.After(limit + 20*time.Second):
		buf := make([]byte, 1<<22)
		t.Fatalf("the host ignored its deadline\nscript:\n%s\ngoroutines:\n%s", body, buf[:runtime.Stack(buf, true)])
	}
	if o.panicked != nil {
		t.Fatalf("the host panicked: %v\nscript:\n%s", o.panicked, body)
	}
	if ctx.Err() != nil {
		t.Fatalf("hung: still running after %v\nscript:\n%s\nprinted:\n%s", limit, body, out.String())
	}
	if o.err != nil && !errors.Is(o.err, threads.ErrDeadlock) {
		t.Fatalf("evaluation failed: %v\nscript:\n%s\nprinted:\n%s\nstderr:\n%s", o.err, body, out.String(), errOut.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if out.Len() == 0 {
		lines = nil
	}
	if len(lines) != want {
		t.Fatalf("printed %d lines, want %d (err %v)\nscript:\n%s\nprinted:\n%s", len(lines), want, o.err, body, out.String())
	}
	for _, l := range lines {
		name, _, _ := strings.Cut(l, "|")
		if name == "ok" {
			continue
		}
		if name == "" || !allowed[name] {
			t.Fatalf("step failed with %q\nscript:\n%s\nprinted:\n%s", l, body, out.String())
		}
	}
	return fuzzResult{lines: lines, err: o.err}
}

func names(ns ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range ns {
		m[n] = true
	}
	return m
}

var fuzzErrorNames = names("TypeError", "RangeError", "DataCloneError", "FuzzError", "TimeoutError", "QueueClosedError", "PoolClosedError", "Error")

// FuzzRunArgs: threads.run with a fuzzed fn and arguments; a cloneable
// argument must come back the same (the contract's structured clone), anything
// else must fail with a named error.
func FuzzRunArgs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		var fn string
		switch op % 4 {
		case 0:
			fn = "(x => x)"
		case 1:
			fn = "((x, y) => [x, y])"
		case 2:
			fn = a.lit() // usually not a function: TypeError at the call
		case 3:
			fn = "(async x => { await null; return x })"
		}
		body := fmt.Sprintf(`(async () => {
			const fn = %s;
			const A = %s, B = %s;
			let p;
			step("run", () => { p = threads.run(fn, A, B); return typeof p });
			if (p) await stepAsync("result", async () => {
				const r = await p;
				const want = fn.length === 2 ? [A, B] : A;
				if (!same(r, want)) bad("result", "round trip changed the value: " + show(r) + " vs " + show(want));
				return "same";
			});
			else console.log("ok|result|skipped");
			step("run-get", () => threads.run(fn, A).get());
		})()`, fn, a.lit(), b.lit())
		r := runFuzzScript(t, body, 3, fuzzErrorNames)
		if r.err != nil {
			t.Fatalf("evaluation failed: %v", r.err)
		}
	})
}

// FuzzThreadPromiseThis calls get, wait and cancel with a fuzzed this and
// arguments: only a ThreadPromise of this runtime is a valid this. get and
// wait take {timeout, signal}: a bad one is a TypeError or RangeError, a
// tiny timeout a TimeoutError.
func FuzzThreadPromiseThis(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		method := []string{"get", "wait", "cancel"}[op%3]
		body := fmt.Sprintf(`
			const p = threads.run(x => x, 1);
			const V = %[1]s;
			step("wrong-this", () => {
				try { p.%[2]s.call(V, %[3]s) } catch (e) {
					if (!(e instanceof TypeError) || !e.message.includes("ThreadPromise.%[2]s")) bad("wrong-this", e.name + ": " + e.message);
					throw e;
				}
				bad("wrong-this", "accepted a this of kind %[4]d");
			});
			step("right-this", () => p.%[2]s(%[3]s));
			step("get-after", () => p.get());
		`, a.lit(), method, b.lit(), a.k%kinds)
		r := runFuzzScript(t, body, 3, names("TypeError", "RangeError", "TimeoutError", "CancelledError", "FuzzError"))
		if !strings.HasPrefix(r.lines[0], "TypeError|") {
			t.Fatalf("wrong this: %q", r.lines[0])
		}
	})
}

// FuzzAtomicArgs: the constructor and every method with fuzzed integers,
// checked against the contract's integer rule with BigInt arithmetic. Results are
// exact: a Number while safe, a BigInt beyond, or always a BigInt for an
// Atomic made from one.
func FuzzAtomicArgs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		method := []string{"add", "set", "swap", "compareAndSwap", "addDefault"}[op%5]
		body := fmt.Sprintf(`
			const V = %s, W = %s, method = %q;
			const exact = (n) => typeof V === "bigint" || n > 9007199254740991n || n < -9007199254740991n ? n : Number(n);
			let a;
			step("construct", () => {
				const want = V === undefined ? "ok" : intOutcome(V);
				let got;
				try { a = threads.Atomic(V); got = "ok" } catch (e) { got = e.name; if (got === want && !e.message.includes("threads.Atomic: argument 'initial'")) bad("construct", "message: " + e.message); }
				if (!outcomeIs(got, want)) bad("construct", "got " + got + ", want " + want);
				if (!a) return "no atomic";
				const v = V === undefined ? 0 : V;
				if (a.get() !== exact(BigInt(v))) bad("construct", "get() = " + a.get() + ", want " + exact(BigInt(v)));
				return a.get();
			});
			step("method", () => {
				if (!a) return "skipped";
				const before = BigInt(a.get());
				const exactBefore = V === undefined ? 0n : BigInt(V);
				const want = W === undefined && method === "add" ? "ok" : intOutcome(W);
				let got, ret;
				try {
					switch (method) {
						case "add": ret = a.add(W); break;
						case "addDefault": ret = a.add(); break;
						case "set": ret = a.set(W); break;
						case "swap": ret = a.swap(W); break;
						case "compareAndSwap": ret = a.compareAndSwap(W, W); break;
					}
					got = "ok";
				} catch (e) { got = e.name }
				let expect = method === "addDefault" ? "ok" : want;
				if (expect === "ok" && (method === "add" || method === "addDefault")) {
					const sum = exactBefore + (method === "add" && W !== undefined ? BigInt(W) : 1n);
					if (sum < -(2n ** 63n) || sum >= 2n ** 63n) expect = "RangeError";
					else if (got === "ok" && ret !== exact(sum)) bad("method", "add returned " + ret + ", want " + sum);
				}
				if (got === "ok" && method === "swap" && ret !== exact(before)) bad("method", "swap returned " + ret);
				if (got === "ok" && method === "set" && a.get() !== exact(BigInt(W))) bad("method", "set then get " + a.get());
				if (!outcomeIs(got, expect)) bad("method", method + ": got " + got + ", want " + expect);
				return got;
			});
		`, a.lit(), b.lit(), method)
		runFuzzScript(t, body, 2, names("TypeError", "RangeError", "FuzzError"))
	})
}

// FuzzSharedArgs: the constructor, set and update with fuzzed values and
// update functions (returning a value, throwing, re-entering, async).
func FuzzSharedArgs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		updater := []string{
			"(v => W)", "(v => { throw new FuzzError(\"in update\") })", "(v => s.get())", "(async v => v)",
			"W", "(v => v)", "(v => threads.run(x => x, v).get())", "(v => { s.set(W); return v })",
		}[op%8]
		body := fmt.Sprintf(`
			const V = %s, W = %s;
			let s;
			step("construct", () => { s = threads.Shared(V); return same(s.get(), V) || bad("construct", "get() differs from the initial value") });
			if (!s) s = threads.Shared(0);
			step("set", () => { s.set(W); return same(s.get(), W) || bad("set", "get() differs from the value set") });
			step("update", () => s.update(%s));
			step("get", () => typeof s.get());
			step("thread-get", () => threads.run(() => typeof s.get()).get());
		`, a.lit(), b.lit(), updater)
		runFuzzScript(t, body, 5, fuzzErrorNames)
	})
}

// FuzzWaitGroupArgs: add with fuzzed deltas and wait/waitAsync with fuzzed
// options (waits happen at zero, so a valid call returns at once).
func FuzzWaitGroupArgs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		body := fmt.Sprintf(`(async () => {
			const V = %s, W = %s;
			const wg = threads.WaitGroup();
			step("add", () => {
				const want = V === undefined ? "ok" : intOutcome(V);
				let got;
				try { wg.add(V); got = "ok" } catch (e) { got = e.name }
				const n = V === undefined ? 1 : Number(V);
				if (want === "ok" && n < 0) { if (got !== "Error") bad("add", "negative: got " + got) }
				else if (want === "ok" && n > Number.MAX_SAFE_INTEGER) { if (got !== "RangeError") bad("add", "too large: got " + got) }
				else if (!outcomeIs(got, want)) bad("add", "got " + got + ", want " + want);
				return wg.count;
			});
			step("drain", () => { let n = 0; while (wg.count > 0 && n < 5) { wg.done(); n++ } if (wg.count > 0) wg.add(-wg.count); return wg.count });
			step("wait", () => wg.wait(W));
			await stepAsync("waitAsync", () => wg.waitAsync(W));
			step("done-at-zero", () => wg.done());
		})()`, a.lit(), b.lit())
		r := runFuzzScript(t, body, 5, names("TypeError", "RangeError", "Error", "FuzzError", "TimeoutError"))
		if !strings.HasPrefix(r.lines[4], "Error|done-at-zero|") {
			t.Fatalf("done() at zero: %q", r.lines[4])
		}
	})
}

// FuzzQueueArgs: the constructor, put/tryPut/get/tryGet/putAsync with
// fuzzed items and options, then the same on the closed queue. No call can
// block: the queue has room for a put and an item for a get.
func FuzzQueueArgs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		// The item is a (safe) fuzzed value too, of another kind than the options.
		item := fuzzVal{op, f2, i1, s2}
		body := fmt.Sprintf(`(async () => {
			const V = %s, OPTS = %s, ITEM = %s;
			let q;
			step("construct", () => {
				try { q = threads.Queue(V) } catch (e) {
					if (V !== undefined && typeof V === "number" && !Number.isInteger(V) && e.name !== "TypeError" && e.name !== "RangeError") bad("construct", e.name);
					throw e;
				}
				if (typeof V === "number" && !Number.isInteger(V)) bad("construct", "accepted a non-integer maxsize " + V);
				return q.size();
			});
			if (!q) q = threads.Queue();
			step("put", () => q.put(ITEM, OPTS));
			step("tryPut", () => q.tryPut(ITEM));
			step("size", () => q.size());
			step("get", () => q.size() > 0 ? q.get(OPTS) : "empty");
			step("tryGet", () => q.tryGet(OPTS));
			await stepAsync("putAsync", () => q.putAsync(ITEM));
			await stepAsync("getAsync", () => q.size() > 0 ? q.getAsync() : "empty");
			q.close();
			step("closed-put", () => q.put(ITEM, OPTS));
			step("closed-get", () => { while (q.size() > 0) q.get(); return q.get(OPTS) });
		})()`, a.lit(), b.lit(), item.lit())
		runFuzzScript(t, body, 10, fuzzErrorNames)
	})
}

// FuzzPoolArgs: the constructor with fuzzed worker functions and options
// (at most 8 threads alive), then submit and map with fuzzed items.
func FuzzPoolArgs(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, k1 uint8, f1 float64, i1 int64, s1 string, k2 uint8, f2 float64, i2 int64, s2 string, op uint8) {
		a, b := fuzzVal{k1, f1, i1, s1}, fuzzVal{k2, f2, i2, s2}
		fn := []string{"(x => x)", "(x => { throw new FuzzError(\"item\") })", "(async x => x)", a.lit()}[op%4]
		opts := b.lit()
		if op%8 >= 4 {
			opts = a.lit()
		}
		item := fuzzVal{op >> 2, f1, i2, s1}
		body := fmt.Sprintf(`(async () => {
			const FN = %s, OPTS = %s, ITEM = %s;
			let p;
			step("construct", () => {
				p = threads.Pool(FN, OPTS);
				const w = p.workers;
				const want = OPTS === undefined || OPTS === null ? 4 : typeof OPTS === "object" ? (OPTS.workers === undefined ? 4 : Number(OPTS.workers)) : Number(OPTS);
				if (w !== want) bad("construct", "workers " + w + ", want " + want);
				return w;
			});
			if (!p) { console.log("ok|submit|skipped"); console.log("ok|map|skipped"); console.log("ok|mapAsync|skipped"); console.log("ok|close|skipped"); console.log("ok|closed-submit|skipped"); return }
			step("submit", () => p.submit(ITEM).get());
			step("map", () => p.map([ITEM, 1]).length);
			// (a Queue is iterable, and iterating an empty one blocks for ever)
			await stepAsync("mapAsync", () => p.mapAsync(ITEM instanceof threads.Queue ? [ITEM] : ITEM));
			step("close", () => p.close());
			step("closed-submit", () => p.submit(1));
		})()`, fn, opts, item.lit())
		r := runFuzzScript(t, body, 6, names("TypeError", "RangeError", "DataCloneError", "FuzzError", "PoolClosedError"), host.WithMaxThreads(8))
		if strings.HasPrefix(r.lines[0], "ok|") && !strings.HasPrefix(r.lines[5], "PoolClosedError|") {
			t.Fatalf("submit after close: %q", r.lines[5])
		}
	})
}

// FuzzTimeoutOption checks {timeout: ms} exactly on every method that
// takes it, each called where it cannot block: a non-negative number
// (Infinity included) is accepted, NaN and negatives are a RangeError,
// anything else a TypeError, and the message names the method and option.
func FuzzTimeoutOption(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1e-300, 5, -1, -1e-300, math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 9.3e12} {
		f.Add(v, "", uint8(0))
		f.Add(v, "5", uint8(1))
	}
	f.Fuzz(func(t *testing.T, ms float64, s string, which uint8) {
		timeout := numLit(ms)
		want := "ok"
		switch {
		case which%2 == 1:
			timeout, want = strLit(s), "TypeError"
		case math.IsNaN(ms) || ms < 0:
			want = "RangeError"
		}
		body := fmt.Sprintf(`
			const T = { timeout: %s };
			const q = threads.Queue(), wg = threads.WaitGroup();
			step("Queue.put", () => q.put(1, T));
			q.tryPut(2);
			step("Queue.get", () => q.get(T));
			step("WaitGroup.wait", () => wg.wait(T));
		`, timeout)
		r := runFuzzScript(t, body, 3, names("TypeError", "RangeError"))
		for _, l := range r.lines {
			name, rest, _ := strings.Cut(l, "|")
			method, msg, _ := strings.Cut(rest, "|")
			if name != want {
				t.Fatalf("{timeout: %s} on %s: got %q, want %s", timeout, method, l, want)
			}
			if want != "ok" && (!strings.Contains(msg, method) || !strings.Contains(msg, "'timeout'")) {
				t.Fatalf("{timeout: %s} on %s: message %q does not name the method and option", timeout, method, msg)
			}
		}
	})
}

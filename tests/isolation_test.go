package tests

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// The isolation tests try to reach another runtime's objects through every
// way a value crosses: arguments, results, thrown errors, Shared, Queue,
// getters that run during a clone, functions carried as source, and the
// threads objects that travel by reference. Each one uses what it received
// (prototypes, constructors, the Function constructor behind them) and
// mutates it, then checks that the other side is untouched. If a live
// object ever crossed, goja would panic ("Illegal runtime transition") or
// the other side would see the change; the host turns a panic into an
// error, and every test wants an exact output and no error.

// mustPrint evaluates src through a host and fails unless it succeeds and
// prints exactly want.
func mustPrint(t *testing.T, src, want string) {
	t.Helper()
	defer leakcheck.VerifyNone(t)
	var out, errOut bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&errOut))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := h.Eval(ctx, src); err != nil {
		t.Fatalf("evaluation failed: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
	}
	if got := out.String(); got != want {
		t.Fatalf("printed:\n%s\nwant:\n%s\nstderr:\n%s", got, want, errOut.String())
	}
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestIsolationArgumentsAreCopiesInTheThreadsRealm(t *testing.T) {
	mustPrint(t, `
		class Point { constructor(x, y) { this.x = x; this.y = y } sum() { return this.x + this.y } }
		const arg = {
			p: new Point(1, 2), list: [1, 2], map: new Map([["k", { v: 1 }]]), date: new Date(0),
			re: /a/g, err: new TypeError("t"), bytes: new Uint8Array([1, 2]), set: new Set([1]),
		};
		const r = threads.run(x => {
			const out = [];
			out.push(Object.getPrototypeOf(x) === Object.prototype, x instanceof Object, x.constructor === Object);
			out.push(Object.getPrototypeOf(x.p) === Object.prototype, typeof x.p.sum, x.p instanceof Object);
			out.push(x.list instanceof Array, Object.getPrototypeOf(x.list) === Array.prototype, x.map instanceof Map,
				x.map.get("k") instanceof Object, x.date instanceof Date, x.re instanceof RegExp, x.err instanceof TypeError,
				Object.getPrototypeOf(x.err) === TypeError.prototype, x.bytes instanceof Uint8Array, x.set instanceof Set);
			out.push(x.constructor.constructor("return this")() === globalThis);
			// Mutate everything reachable from the copies, built-ins included.
			x.p.x = 100; x.list.push(3); x.map.get("k").v = 2; x.bytes[0] = 9; x.set.add(2);
			Object.getPrototypeOf(x).polluted = "thread";
			Object.getPrototypeOf(x.list).push = function () { return "hijacked" };
			Object.getPrototypeOf(x.map).get = function () { return "hijacked" };
			x.err.constructor.prototype.name = "Hijacked";
			x.date.constructor.prototype.getTime = () => -1;
			x.constructor.constructor("globalThis.definedViaReceived = 42")();
			x.constructor.prototype.toString = () => "hijacked";
			// out.push is hijacked now: build the rest as a literal.
			const after = [({}).polluted, [].push(1), new Map().get(1), typeof definedViaReceived, new TypeError("x").name, new Date(5).getTime(), String({})];
			return out.concat(after).join(" ");
		}, arg).get();
		console.log(r);
		console.log("main:", arg.p.x, arg.list.length, arg.map.get("k").v, arg.bytes[0], arg.set.size, arg.p instanceof Point, arg.p.sum());
		console.log("main:", ({}).polluted, [].push(1), new Map([[1, 2]]).get(1), typeof definedViaReceived, new TypeError("x").name, new Date(5).getTime(), String({}));
	`, lines(
		"true true true true undefined true true true true true true true true true true true true thread hijacked hijacked number Hijacked -1 hijacked",
		"main: 1 2 1 1 1 true 3",
		"main: undefined 1 2 undefined TypeError 5 [object Object]",
	))
}

func TestIsolationResultsAreCopiesInTheCallersRealm(t *testing.T) {
	mustPrint(t, `
		const r = threads.run(() => {
			Object.prototype.fromThread = "polluted";
			Array.prototype.fromThread = "polluted";
			Map.prototype.get = () => "hijacked";
			const o = { arr: [1, 2], map: new Map([[1, 2]]), set: new Set([1]), date: new Date(5), err: new RangeError("r"), get computed() { return "c" } };
			o.self = o;
			return o;
		}).get();
		console.log(Object.getPrototypeOf(r) === Object.prototype, r instanceof Object, r.constructor === Object, r.self === r,
			r.computed, Object.getOwnPropertyDescriptor(r, "computed").get === undefined);
		console.log(r.arr instanceof Array, r.map instanceof Map, r.map.get(1), r.set instanceof Set, r.date instanceof Date,
			r.err instanceof RangeError, Object.getPrototypeOf(r.err) === RangeError.prototype);
		console.log("main:", r.fromThread, r.arr.fromThread, ({}).fromThread, "fromThread" in r, Object.keys(r).join());
		console.log(r.constructor.constructor("return this")() === globalThis);
		// get() hands out one copy, the caller's to change; the thread never sees it.
		const p = threads.run(() => ({ n: 1 }));
		p.get().n = 2;
		console.log(p.get().n, p.get() === p.get());
	`, lines(
		"true true true true c true",
		"true true 2 true true true true",
		"main: undefined undefined undefined false arr,map,set,date,err,computed,self",
		"true",
		"2 true",
	))
}

func TestIsolationThrownErrorsAreCopies(t *testing.T) {
	mustPrint(t, `
		class ValidationError extends Error { constructor(m) { super(m); this.name = "ValidationError" } }
		function fails() {
			Error.prototype.message = "hijacked default";
			TypeError.prototype.extra = "thread";
			const e = new TypeError("bad", { cause: { field: "x", list: [1] } });
			e.detail = { deep: true };
			throw e;
		}
		try { threads.run(fails).get() } catch (e) {
			console.log(e instanceof TypeError, Object.getPrototypeOf(e) === TypeError.prototype, e.constructor === TypeError,
				e.name, e.message, e.extra, e.cause instanceof Object, Object.getPrototypeOf(e.cause) === Object.prototype,
				e.cause.list instanceof Array, e.cause.field);
			e.cause.field = "changed";
		}
		console.log(new Error().message === "", TypeError.prototype.extra);
		try { threads.run(() => { throw new ValidationError("v") }).get() } catch (e) {
			console.log(e instanceof Error, e instanceof ValidationError, e.name, e.message);
		}
		try { threads.run(() => { Object.prototype.thrownPollution = 1; throw { plain: [1, 2] } }).get() } catch (e) {
			console.log(Object.getPrototypeOf(e) === Object.prototype, e.plain instanceof Array, e.thrownPollution, ({}).thrownPollution);
		}
		// The same error read twice is the same copy in the caller.
		const p = threads.run(() => { throw new RangeError("twice") });
		let first;
		try { p.get() } catch (e) { first = e }
		try { p.get() } catch (e) { console.log(e === first, e.message) }
	`, lines(
		"true true true TypeError bad undefined true true true x",
		"true undefined",
		"true false ValidationError v",
		"true true undefined undefined",
		"true twice",
	))
}

func TestIsolationSharedAndQueueHoldCopies(t *testing.T) {
	mustPrint(t, `
		const s = threads.Shared({ list: [1], nested: { v: 1 } });
		const q = threads.Queue();
		const original = { list: [1] };
		q.put(original);
		original.list.push("after put");
		const kept = { a: 1 };
		const s2 = threads.Shared(kept);
		kept.a = 2;
		threads.run(() => {
			const v = s.get();
			v.list.push("thread local");
			Object.getPrototypeOf(v).polluted = "via Shared.get";
			s.update(cur => {
				Object.getPrototypeOf(cur.nested).fromUpdate = "yes";
				cur.constructor.constructor("globalThis.viaUpdate = 1")();
				cur.list.push(2);
				return cur;
			});
			const item = q.get();
			Object.getPrototypeOf(item.list).push = () => "hijacked";
			item.list[0] = "changed in thread";
			q.put(item);
		}).get();
		const v = s.get();
		console.log(JSON.stringify(v), ({}).polluted, ({}).fromUpdate, v.nested.fromUpdate, typeof viaUpdate, s.get() !== s.get());
		const back = q.get();
		console.log(JSON.stringify(back), JSON.stringify(original), [].push(1), Object.getPrototypeOf(back.list) === Array.prototype);
		console.log(s2.get().a, s2.get() !== kept);
		// update's fn gets a copy: changing it and then throwing stores nothing.
		try { s.update(cur => { cur.list.length = 0; throw new Error("abort") }) } catch (e) { console.log(e.message, s.get().list.length) }
	`, lines(
		`{"list":[1,2],"nested":{"v":1}} undefined undefined undefined undefined true`,
		`{"list":["changed in thread"]} {"list":[1,"after put"]} 1 true`,
		"1 true",
		"abort 2",
	))
}

func TestIsolationGettersRunOnceInTheSendingRuntime(t *testing.T) {
	mustPrint(t, `
		let calls = 0;
		globalThis.whereAmI = "main";
		const arg = {
			get where() { calls++; return globalThis.whereAmI + ":" + (Object.getPrototypeOf(this) === Object.prototype) },
			get builtins() { calls++; return Math },
		};
		const r = threads.run(x => {
			globalThis.whereAmI = "thread";
			return [x.where, x.where, typeof Object.getOwnPropertyDescriptor(x, "where").get, Object.keys(x.builtins).length,
				x.builtins === Math, typeof x.builtins.max].join(" ");
		}, arg).get();
		console.log(r, calls, whereAmI);
		// A getter that hands out the caller's global object cannot smuggle it:
		// the clone refuses its native functions instead.
		try { threads.run(x => x, { get g() { return globalThis } }) } catch (e) { console.log(e.name, e.message.startsWith("args[0].g.")) }
		// A getter in a thread's result runs there, once, before it crosses.
		const got = threads.run(() => { globalThis.side = "thread"; return { get side() { return globalThis.side } } }).get();
		console.log(got.side, typeof side, Object.getOwnPropertyDescriptor(got, "side").value);
	`, lines(
		"main:true main:true undefined 0 false undefined 2 main",
		"DataCloneError true",
		"thread undefined thread",
	))
}

// TestIsolationResultGettersRunOnce: the contract (README.md) says getters are read once when a
// value is cloned; that holds for a thread's result and a Pool item's result
// as it does for arguments and Queue items.
func TestIsolationResultGettersRunOnce(t *testing.T) {
	mustPrint(t, `
		let n = 0;
		threads.run(x => x, { get g() { return ++n } }).get();
		const q = threads.Queue();
		q.put({ get g() { return ++n } });
		console.log("argument and queue item:", n);
		const r = threads.run(() => { let reads = 0; return { get once() { return ++reads } } }).get();
		const pool = threads.Pool(() => { let reads = 0; return { get once() { return ++reads } } }, 1);
		const pr = pool.submit(0).get();
		pool.close();
		const ar = threads.run(async () => { let reads = 0; return { get once() { return ++reads } } }).get();
		console.log("result:", r.once, "pool result:", pr.once, "async result:", ar.once);
	`, lines("argument and queue item: 2", "result: 1 pool result: 1 async result: 1"))
}

func TestIsolationFunctionsTravelAsSource(t *testing.T) {
	mustPrint(t, `
		var counter = 0;
		function bump() { counter++; globalThis.touched = true; Object.prototype.bumped = true; return counter }
		class K { static make() { return new K() } hello() { return "hi" } }
		const r = threads.run((g, C) => {
			const k = C.make();
			return [g(), g(), g instanceof Function, Object.getPrototypeOf(g) === Function.prototype,
				g.constructor("return this")() === globalThis, k instanceof C, k.hello()].join(" ");
		}, bump, K).get();
		console.log(r, counter, typeof touched, ({}).bumped);
		const back = threads.run(() => {
			globalThis.threadOnly = 1;
			return { made() { return [typeof threadOnly, String(({}).bumped), typeof counter].join(" ") }, k: K.make() };
		}).get();
		console.log(typeof back.made, back.made instanceof Function, Object.getPrototypeOf(back.made) === Function.prototype,
			back.made(), back.k instanceof K, Object.getPrototypeOf(back.k) === Object.prototype);
		// A function stored in a Shared comes back compiled in whoever reads it.
		const sf = threads.Shared(function whereAmI() { return globalThis.label });
		globalThis.label = "main";
		console.log(sf.get()(), threads.run(() => { globalThis.label = "thread"; return sf.get()() }).get());
	`, lines(
		"1 2 true true true true hi 0 undefined undefined",
		"function true true undefined undefined number false true",
		"main thread",
	))
}

func TestIsolationThreadsObjectsAreSharedButTheirFacesAreNot(t *testing.T) {
	mustPrint(t, `
		const a = threads.Atomic(1), q = threads.Queue(), s = threads.Shared(0), wg = threads.WaitGroup();
		const p = threads.run(() => 7);
		const r = threads.run((a, q, s, wg, holder) => {
			const out = [];
			// The same underlying objects...
			a.add(10); q.put("from thread"); s.set({ x: 1 }); wg.add(1);
			out.push(a instanceof threads.Atomic, Object.getPrototypeOf(a) === threads.Atomic.prototype, a.constructor === threads.Atomic);
			const pp = holder.p;
			out.push(pp instanceof Promise, pp.get());
			// ...behind this runtime's own faces and prototypes.
			Object.getPrototypeOf(a).add = function () { return "hijacked" };
			threads.Atomic.prototype.get = () => -1;
			Object.getPrototypeOf(q).put = function () { return "hijacked" };
			Object.getPrototypeOf(pp).get = () => "hijacked";
			Promise.prototype.then = function () { return "hijacked" };
			a.extra = "thread";
			a.constructor.constructor("globalThis.viaFace = 1")();
			out.push(a.add(), a.get(), q.put(1), pp.get(), typeof viaFace);
			return out.join(" ");
		}, a, q, s, wg, { p }).get();
		console.log(r);
		console.log(a.get(), q.get(), JSON.stringify(s.get()), wg.count, q.size());
		console.log(a.add(), q.put(2), q.size(), a.extra, p.get(), typeof viaFace, typeof Promise.prototype.then, Object.keys(a).length);
		wg.done();
		// Received back, a threads object is the caller's own face again.
		console.log(threads.run(x => x, a).get() === a, threads.run(x => ({ q: x }), q).get().q === q);
	`, lines(
		"true true true true 7 hijacked -1 hijacked hijacked number",
		"11 from thread {\"x\":1} 1 0",
		"12 undefined 1 undefined 7 undefined function 0",
		"true true",
	))
}

func TestIsolationProtoKeysInDataStayData(t *testing.T) {
	mustPrint(t, `
		const evil = () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
		function probe(x) { return [Object.getPrototypeOf(x) === Object.prototype, x.polluted === undefined, ({}).polluted === undefined, Object.keys(x).join()].join(" ") }
		console.log(threads.run(x => probe(x), evil()).get());
		console.log(probe(threads.run(() => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')).get()));
		console.log(probe(threads.Shared(evil()).get()));
		const q = threads.Queue();
		q.put(evil());
		console.log(probe(q.get()));
		console.log(probe(threads.run(() => { Object.defineProperty(Object.prototype, "a", { set(v) { throw new Error("setter ran") } }); return { a: 1, __proto__x: 2 } }).get()).replace("__proto__x", "p"));
	`, lines(
		"true true true __proto__,a",
		"true true true __proto__,a",
		"true true true __proto__,a",
		"true true true __proto__,a",
		"true true true a,p",
	))
}

func TestIsolationReferenceMarksCannotBeForgedAcrossRuntimes(t *testing.T) {
	mustPrint(t, `
		const a = threads.Atomic(5);
		const sym = Object.getOwnPropertySymbols(a)[0];
		const box = a[sym];
		// The mark's value crosses as an empty plain object: in the thread it
		// marks nothing, whatever symbol it is put under.
		const r = threads.run((box, b) => {
			const sym = Object.getOwnPropertySymbols(b)[0];
			const o = {};
			Object.defineProperty(o, sym, { value: box });
			let forged;
			try { forged = "forged " + threads.Atomic.prototype.get.call(o) } catch (e) { forged = e.name + ": " + e.message }
			return [typeof box, Object.keys(box).length, Object.getPrototypeOf(box) === Object.prototype, forged].join(" | ");
		}, box, threads.Atomic(0)).get();
		console.log(r);
		const q = threads.Queue();
		q.put(box);
		console.log(threads.run(() => { const got = q.get(); return Object.keys(got).length + " " + (Object.getPrototypeOf(got) === Object.prototype) }).get());
		// Within one runtime a mark cannot make one class pass for another.
		const o = {};
		Object.defineProperty(o, sym, { value: box });
		try { threads.Queue.prototype.size.call(o) } catch (e) { console.log(e.name + ": " + e.message) }
	`, lines(
		"object | 0 | true | TypeError: Atomic.get: 'this' must be a threads.Atomic",
		"0 true",
		"TypeError: Queue.size: 'this' must be a threads.Queue",
	))
}

// TestIsolationOnlyRealFacesTravelByReference: a plain object that copied
// the mark of a threads object is still a plain object (the contract (README.md): symbol-keyed
// properties are dropped, only threads objects travel by reference); it
// must not arrive as that threads object, nor lose its own data.
func TestIsolationOnlyRealFacesTravelByReference(t *testing.T) {
	mustPrint(t, `
		const a = threads.Atomic(5);
		const sym = Object.getOwnPropertySymbols(a)[0];
		const holder = { n: 1 };
		Object.defineProperty(holder, sym, { value: a[sym] });
		console.log(threads.run((h, a) => {
			let get;
			try { get = "get " + threads.Atomic.prototype.get.call(h) } catch (e) { get = e.name }
			return [h === a, h.n, Object.getOwnPropertySymbols(h).length, get].join(" ");
		}, holder, a).get());
	`, lines("false 1 0 TypeError"))
}

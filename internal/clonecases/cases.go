// Package clonecases holds the structured-clone cases that jsrun's tests
// share: clone's own round trips, and the same cases sent through
// threads.run. It is test data in a package so that both can import it.
package clonecases

// Case is a value built from Src in one runtime, cloned, and compared with
// Want built in the receiving runtime (Want empty: Src itself).
type Case struct {
	Name, Src, Want string
	// PreserveErrorNames: the case needs clone's option of that name (a
	// thread's thrown error), not the HTML rule.
	PreserveErrorNames bool
}

// Comparator defines __cloneEq(want, got) in a runtime: "" when got is
// structurally what want is, else the first difference with its path. It
// compares type tags, prototypes, own keys (all of them, in order, with
// their attributes), internal data (Date, RegExp, Map and Set entries in
// order, buffer bytes, view geometry, wrapped primitives), -0 and NaN with
// Object.is, and the identity graph: a bijection between want's and got's
// objects, so sharing and cycles must match exactly. Error stacks are
// compared by type only (their text depends on where the value was built;
// TestErrorStackKept checks the text itself).
const Comparator = `
function __cloneEq(want, got) {
	// Built-ins are looked up once, and the path of a difference is built
	// only when there is one (cmp returns it relative to its arguments):
	// the comparator walks every object of big values, and goja makes each
	// iterator step, closure call and string concatenation cost.
	const ab = new Map(), ba = new Map();
	const toStr = Object.prototype.toString, is = Object.is, protoOf = Object.getPrototypeOf;
	const isArray = Array.isArray, isView = ArrayBuffer.isView, ownKeys = Reflect.ownKeys;
	const desc = Object.getOwnPropertyDescriptor;
	const show = x => {
		if (typeof x === "bigint") return x + "n";
		if (typeof x === "string") return JSON.stringify(x);
		if (is(x, -0)) return "-0";
		try { return String(x); } catch (e) { return "?"; }
	};
	const key = k => typeof k === "symbol" ? "[" + k.toString() + "]" : "." + k;
	function cmp(a, b) {
		const t = typeof a;
		if (t !== typeof b) return ": typeof " + t + " vs " + typeof b;
		if (a === null || b === null || (t !== "object" && t !== "function")) {
			return is(a, b) ? "" : ": want " + show(a) + ", got " + show(b);
		}
		if (ab.has(a) || ba.has(b)) {
			return ab.get(a) === b && ba.get(b) === a ? "" : ": identity graph differs";
		}
		ab.set(a, b); ba.set(b, a);
		if (protoOf(a) !== protoOf(b)) return ": prototype differs";
		const tag = toStr.call(a), tagB = toStr.call(b);
		if (tag !== tagB) return ": " + tag + " vs " + tagB;
		if (isArray(a) !== isArray(b)) return ": Array.isArray differs";
		if (t === "function") return String(a) === String(b) ? "" : ": function source differs";
		let r = "";
		switch (tag) {
		case "[object Date]":
			if (!is(a.getTime(), b.getTime())) return ": time " + a.getTime() + " vs " + b.getTime();
			break;
		case "[object RegExp]":
			if (a.source !== b.source || a.flags !== b.flags) return ": " + a + " vs " + b;
			break;
		case "[object Map]":
		case "[object Set]": {
			const ea = [...a.entries()], eb = [...b.entries()];
			if (ea.length !== eb.length) return ": size " + ea.length + " vs " + eb.length;
			for (let i = 0; i < ea.length; i++) {
				if ((r = cmp(ea[i][0], eb[i][0]))) return ".keys()[" + i + "]" + r;
				if ((r = cmp(ea[i][1], eb[i][1]))) return ".values()[" + i + "]" + r;
			}
			break;
		}
		case "[object ArrayBuffer]": {
			if (a.byteLength !== b.byteLength) return ": byteLength differs";
			const x = new Uint8Array(a), y = new Uint8Array(b);
			for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return ": byte " + i + " differs";
			break;
		}
		case "[object Number]": case "[object String]": case "[object Boolean]": case "[object BigInt]":
			if (!is(a.valueOf(), b.valueOf())) return ": wrapped " + show(a.valueOf()) + " vs " + show(b.valueOf());
			break;
		}
		if (isView(a)) {
			if (a.byteOffset !== b.byteOffset || a.byteLength !== b.byteLength) return ": view geometry differs";
			if ((r = cmp(a.buffer, b.buffer))) return ".buffer" + r;
		}
		const ka = ownKeys(a), kb = ownKeys(b);
		let same = ka.length === kb.length;
		for (let i = 0; same && i < ka.length; i++) same = is(ka[i], kb[i]);
		if (!same) return ": own keys " + JSON.stringify(ka.map(String)) + " vs " + JSON.stringify(kb.map(String));
		for (let i = 0; i < ka.length; i++) {
			const k = ka[i], da = desc(a, k), db = desc(b, k);
			if (da.enumerable !== db.enumerable) return key(k) + ": enumerable " + da.enumerable + " vs " + db.enumerable;
			if (da.configurable !== db.configurable) return key(k) + ": configurable " + da.configurable + " vs " + db.configurable;
			if (da.writable !== db.writable) return key(k) + ": writable " + da.writable + " vs " + db.writable;
			const data = "value" in da;
			if (data !== ("value" in db)) return key(k) + ": data vs accessor";
			if (!data) continue;
			if (k === "stack" && tag === "[object Error]") {
				if (typeof da.value !== typeof db.value) return key(k) + ": stack type differs";
				continue;
			}
			if ((r = cmp(da.value, db.value))) return key(k) + r;
		}
		return "";
	}
	const r = cmp(want, got);
	return r && "v" + r;
}
`

// RoundTrip lists the cases, by kind, after the HTML standard's
// StructuredSerializeInternal and web-platform-tests' structured-clone
// battery, as far as they apply to an engine without a DOM.
var RoundTrip = []Case{
	// primitives
	{"undefined", `undefined`, ``, false},
	{"null", `null`, ``, false},
	{"bools", `[true, false]`, ``, false},
	{"numbers", `[0, -0, NaN, Infinity, -Infinity, 1.5, 2**53, -(2**31), 5e-324]`, ``, false},
	{"negative zero root", `-0`, ``, false},
	{"strings", `["", "ascii", "é€😀", "\ud800", "a\udc00b", "\udbff\udfff"]`, ``, false},
	{"lone surrogate root", `"x\ud800"`, ``, false},
	{"bigint", `[0n, 1n, -(2n**100n), 2n**64n-1n]`, ``, false},
	// wrapper objects
	{"wrappers", `[Object(-0), new Number(NaN), new Number(7), new String("\ud800x"), new Boolean(false), Object(2n**70n)]`, ``, false},
	// Date, RegExp
	{"dates", `[new Date(0), new Date(-1), new Date(8.64e15), new Date(NaN), new Date(1234567.5)]`, ``, false},
	{"regexp lastIndex reset", `(() => { const r = /a+b/gimsuy; r.lastIndex = 3; return r })()`, `/a+b/gimsuy`, false},
	{"regexp escapes", `[/\//, /[/]/, new RegExp("\n"), new RegExp(""), /\ud800/u]`, ``, false},
	{"regexp extra props dropped", `(() => { const r = /x/; r.extra = 1; return r })()`, `/x/`, false},
	// ArrayBuffer, typed arrays, DataView
	{"array buffers", `(() => { const b = new ArrayBuffer(8); new Uint8Array(b).set([1, 2, 3, 4, 5, 6, 7, 255]); return [b, new ArrayBuffer(0)] })()`, ``, false},
	{"every typed array", `[new Int8Array([-1, 2]), new Uint8Array([255, 0]), new Uint8ClampedArray([255, 3]),
		new Int16Array([-300]), new Uint16Array([65535]), new Int32Array([-1e9]), new Uint32Array([4e9]),
		new Float32Array([1.5, -0]), new Float64Array([-0, NaN, 1e300]),
		new BigInt64Array([-1n, 2n**62n]), new BigUint64Array([2n**64n-1n])]`, ``, false},
	{"views share one buffer", `(() => { const b = new ArrayBuffer(16); new Uint8Array(b).forEach((_, i, a) => a[i] = i);
		return [new Uint8Array(b, 1, 3), new Float32Array(b, 4, 2), new DataView(b, 2, 5), b] })()`, ``, false},
	{"views without their buffer", `(() => { const b = new ArrayBuffer(8); return [new Uint8Array(b, 1), new Int16Array(b, 2, 2)] })()`, ``, false},
	{"dataview", `new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1)`, ``, false},
	// Internal slots are read through the built-ins, not the instance's
	// (possibly shadowed) properties.
	{"shadowed typed array", `(() => { const t = new Uint8Array([1, 2, 3, 4]); Object.defineProperty(t, "length", {value: 99}); Object.defineProperty(t, "buffer", {value: new ArrayBuffer(1)}); return t })()`, `new Uint8Array([1, 2, 3, 4])`, false},
	{"shadowed regexp", `(() => { const r = /a/g; Object.defineProperty(r, "source", {value: "zzz"}); Object.defineProperty(r, "global", {value: false}); return r })()`, `/a/g`, false},
	{"shadowed map", `(() => { const m = new Map([[1, 2]]); m.forEach = () => {}; return m })()`, `new Map([[1, 2]])`, false},
	{"shadowed dataview", `(() => { const v = new DataView(new ArrayBuffer(4), 1); Object.defineProperty(v, "byteOffset", {value: 3}); return v })()`, `new DataView(new ArrayBuffer(4), 1)`, false},
	{"typed array extra props dropped", `(() => { const a = new Uint8Array(2); a.x = 1; return a })()`, `new Uint8Array(2)`, false},
	// Map, Set
	{"map", `new Map([[1, "a"], ["1", "b"], [{}, []], [NaN, -0], [undefined, null]])`, ``, false},
	{"map object key identity", `(() => { const k = {n: 1}; return {k, m: new Map([[k, k]])} })()`, ``, false},
	{"set", `new Set([1, "1", {}, NaN, [2]])`, ``, false},
	{"map extra props dropped", `(() => { const m = new Map([[1, 2]]); m.x = 1; return m })()`, `new Map([[1, 2]])`, false},
	// Arrays
	{"holes", `[1, , 3, , ]`, ``, false},
	{"array extra props and length", `(() => { const a = [1, 2]; a.x = "y"; a[5] = 6; a.length = 10; return a })()`, ``, false},
	{"sparse array", `(() => { const a = []; a[1e9] = 1; a.k = 2; return a })()`, ``, false},
	{"max length array", `(() => { const a = [1]; a.length = 4294967295; a[4294967294] = 2; return a })()`, ``, false},
	{"nested arrays", `[[[]], [undefined, null], [[1, [2, [3]]]]]`, ``, false},
	{"Array.prototype", `Array.prototype`, `[]`, false},
	// ordinary objects
	{"plain", `({a: 1, b: {c: [1, 2]}, "": 0, "a b": "\u0000"})`, ``, false},
	{"key order", `({b: 1, 2: 1, a: 1, 1: 1, [-1]: 1, "01": 1})`, ``, false},
	{"__proto__ key stays a key", `JSON.parse('{"__proto__": {"x": 1}, "y": 2}')`, ``, false},
	{"null prototype", `Object.assign(Object.create(null), {a: 1})`, `({a: 1})`, false},
	{"class instance", `(() => { class P { constructor() { this.x = 1 } get y() { return 2 } m() {} }; return new P })()`, `({x: 1})`, false},
	{"dropped keys", `(() => { const o = {a: 1}; Object.defineProperty(o, "h", {value: 2, enumerable: false}); o[Symbol("s")] = Symbol("v"); return o })()`, `({a: 1})`, false},
	{"inherited dropped", `Object.assign(Object.create({inh: 1}), {own: 2})`, `({own: 2})`, false},
	{"getter becomes data", `({get g() { return {n: 5} }, x: 1})`, `({g: {n: 5}, x: 1})`, false},
	{"frozen becomes plain", `Object.freeze({a: Object.freeze([1])})`, `({a: [1]})`, false},
	{"lone surrogate keys", `({"\ud800": 1, "a\udc00": {"\ud800x": 2}, "\ufffd": 3, "é": 4})`, ``, false},
	{"lone surrogate array prop", `(() => { const a = [1]; a["\udc00"] = 2; return a })()`, ``, false},
	{"Math and JSON", `[Math, JSON]`, `[{}, {}]`, false},
	{"getter deleting a later key", `({get a() { delete this.b; return 1 }, b: 2, c: 3})`, `({a: 1, c: 3})`, false},
	{"getter truncating its array", `(() => { const a = [0, 1, 2]; Object.defineProperty(a, 0, {get() { a.length = 1; return "x" }, enumerable: true}); return a })()`,
		`(() => { const a = ["x"]; a.length = 3; return a })()`, false},
	// Errors
	{"error", `new Error("m")`, ``, false},
	{"error without message", `new Error`, ``, false},
	{"native error kinds", `[new EvalError("a"), new RangeError("b"), new ReferenceError("c"), new SyntaxError("d"), new TypeError("e"), new URIError("f")]`, ``, false},
	{"error cause", `new RangeError("r", {cause: {x: [1]}})`, ``, false},
	{"error custom name", `(() => { const e = new Error("m"); e.name = "Foo"; return e })()`, `new Error("m")`, false},
	{"error custom name preserved", `(() => { const e = new Error("m"); e.name = "Foo"; return e })()`,
		`(() => { const e = new Error("m"); Object.defineProperty(e, "name", {value: "Foo", writable: true, configurable: true}); return e })()`, true},
	{"error renamed native", `(() => { const e = new Error("m"); e.name = "TypeError"; return e })()`, `new TypeError("m")`, false},
	{"error subclass", `(() => { class MyErr extends Error {}; return new MyErr("q") })()`, `new Error("q")`, false},
	{"error subclass named preserved", `(() => { class MyErr extends RangeError { get name() { return "MyErr" } }; return new MyErr("q") })()`,
		`(() => { const e = new Error("q"); Object.defineProperty(e, "name", {value: "MyErr", writable: true, configurable: true}); return e })()`, true},
	{"aggregate error", `new AggregateError([1], "m")`, `new Error("m")`, false},
	// goja formats a stack lazily, on first access, reading name and message:
	// that may run this getter; the clone still takes no accessor message.
	{"error message accessor not copied", `(() => { const e = new Error; Object.defineProperty(e, "message", {get() { return "g" }}); return e })()`, `new Error`, false},
	{"error message to string", `(() => { const e = new Error("x"); e.message = 42; return e })()`,
		`(() => { const e = new Error("x"); e.message = "42"; return e })()`, false},
	{"error extra props dropped", `(() => { const e = new Error("x"); e.extra = 1; return e })()`, `new Error("x")`, false},
	{"error without stack", `(() => { const e = new Error("x"); delete e.stack; return e })()`, ``, false},
	// sharing and cycles
	{"self cycle", `(() => { const o = {}; o.o = o; return o })()`, ``, false},
	{"array cycle", `(() => { const a = []; a.push(a, a, [a]); return a })()`, ``, false},
	{"shared", `(() => { const s = {}; return [s, s, {s}] })()`, ``, false},
	{"map cycle", `(() => { const m = new Map(); m.set(m, m); m.set("a", [m]); return m })()`, ``, false},
	{"set cycle", `(() => { const s = new Set(); s.add(s); s.add({s}); return s })()`, ``, false},
	{"error cause cycle", `(() => { const o = {}; const e = new Error("c", {cause: o}); o.e = e; return e })()`, ``, false},
	{"mixed cycle", `(() => { const a = []; const m = new Map([["a", a]]); const o = {m, a, d: new Date(3)}; a.push(o, m, new Set([o])); return [o, a, m] })()`, ``, false},
}

package guard_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
)

// On ordinary inputs a guarded built-in does what the original does: the
// same value, the same error, the same calls to valueOf, toString, getters
// and replacers, in the same order. Each expression runs in a plain and in
// a guarded runtime, and the results must be equal.

// show renders a value for comparison, with the built-ins it can trust
// least.
const show = `
var log = [];
function note(x) { log.push(x); return x }
function show(v, depth) {
	depth = depth || 0;
	if (depth > 6) return "...";
	if (typeof v === "bigint") return v + "n";
	if (typeof v === "string") return '"' + v + '"';
	if (typeof v === "function") return "function " + v.name + "/" + v.length;
	if (typeof v === "symbol") return v.toString();
	if (v === null || typeof v !== "object") return String(v);
	var parts = [];
	for (var k of Reflect.ownKeys(v)) {
		var d = Object.getOwnPropertyDescriptor(v, k);
		parts.push(String(k) + (d.get || d.set ? ":accessor" : "=" + show(d.value, depth + 1)));
	}
	var tag = Object.prototype.toString.call(v);
	if (ArrayBuffer.isView(v)) tag += v.length + ":" + Array.prototype.slice.call(v);
	if (v instanceof ArrayBuffer) tag += v.byteLength;
	return tag + "{" + parts.join(",") + "}";
}
function run(f) {
	log = [];
	var r;
	try { r = show(f()) } catch (e) { r = "throws " + e.name + ": " + e.message }
	return r + (log.length ? " log " + log.join(" ") : "");
}
`

var same = []string{
	// JSON
	`JSON.parse('{"a":[1,2,{"b":null}],"c":"\u00e9"}')`,
	`JSON.parse('[1,2', )`,
	`JSON.parse({toString() { note("toString"); return "[1]" }})`,
	`JSON.parse('{"a":{"b":[1,2]}}', (k, v) => (note(k), typeof v === "number" ? v * 2 : v))`,
	`JSON.parse("[" + "1,".repeat(20000) + "1]").length`,
	`JSON.parse('"' + "[".repeat(20000) + '"').length`,
	`JSON.stringify({a: [1, "x", null, undefined, () => 1], b: {c: true}, d: new Date(0), e: 1n === 1n})`,
	`JSON.stringify({a: 1, b: [1, 2]}, null, 2)`,
	`JSON.stringify({a: 1, b: [1, 2]}, null, "--")`,
	`JSON.stringify({a: 1, b: {c: 2, d: 3}, 2: "two", 1: "one"}, ["d", "b", "2", 1, "a", "a"])`,
	`JSON.stringify({a: {a: {b: 1}}, b: 2}, ["a"])`,
	`JSON.stringify([{a: 1, b: 2}], ["b"])`,
	`JSON.stringify({get a() { note("get a"); return 1 }, b: 2}, ["a", "b"])`,
	`JSON.stringify(Object.create({inherited: 1}, {own: {value: 2, enumerable: true}}), ["inherited", "own"])`,
	`JSON.stringify({a: [1, {b: 2}]}, function (k, v) { note(k + ":" + (this === undefined)); return typeof v === "number" ? v + 1 : v })`,
	`JSON.stringify({toJSON(k) { note("toJSON " + k); return {x: [1]} }})`,
	`(() => { const o = {a: 1}; o.self = o; return JSON.stringify(o) })()`,
	`(() => { const o = {a: 1}; o.self = o; return JSON.stringify(o, ["self", "a"]) })()`,
	`(() => { const a = [1]; a.push(a); return JSON.stringify(a) })()`,
	`JSON.stringify(1n)`,
	`JSON.stringify({a: 1n})`,
	`JSON.stringify("plain")`,
	`JSON.stringify(undefined)`,
	`JSON.stringify(Object.create(null, {x: {value: 1, enumerable: true}}))`,
	`JSON.stringify([new Number(1), new String("s"), new Boolean(false)])`,
	`JSON.stringify({a: 1}, ["a", new String("b"), new Number(2), {}, true])`,
	`JSON.stringify(new Uint8Array([1, 2]))`,
	`JSON.stringify({a: new Uint8Array([1, 2])}, ["a", "0"])`,
	`JSON.stringify(new Map([[1, 2]]), ["size"])`,
	// Array.prototype
	`[1, [2, [3, [4]]], null, undefined, "x"].join()`,
	`[1, 2, 3].join({toString() { note("sep"); return "-" }})`,
	`[1, 2, 3].join(undefined)`,
	`String([1, [2, 3], {}, [[]]])`,
	"`${[1, [2, [3]]]}`",
	`(() => { const a = [1]; a.push(a); return a.join() })()`,
	`Array.prototype.join.call({length: 3, 0: "a", 2: "c"}, "+")`,
	`Array.prototype.join.call({get length() { note("length"); return 2 }, 0: 1, 1: 2})`,
	`Array.prototype.join.call("abc", "-")`,
	`Array.prototype.join.call(null)`,
	`new Array(5).join("ab")`,
	`[1.5, 1000, new Date(0)].toLocaleString()`,
	`[[1, [2]], {toLocaleString() { note("tls"); return "o" }}].toLocaleString()`,
	`[1, [2, [3, [4, [5]]]]].flat()`,
	`[1, [2, [3, [4, [5]]]]].flat(2)`,
	`[1, [2, [3, [4, [5]]]]].flat(Infinity)`,
	`[1, [2, [3]]].flat(-1)`,
	`[1, [2, [3]]].flat("2")`,
	`[1, [2, [3]]].flat({valueOf() { note("depth"); return 1 }})`,
	`[1, , [2, , 3]].flat(Infinity)`,
	`[1, 2].flatMap(x => [x, [x]])`,
	`Array.prototype.flatMap.call({length: 2, 0: 1, 1: 2}, x => x)`,
	`[3, 1, 10, 2].sort()`,
	`[3, 1, 10, 2].sort((a, b) => a - b)`,
	`[3, 1].sort("nope")`,
	`Array.prototype.sort.call({length: 3, 0: "b", 1: "a"})`,
	`[1, 2, 3].map((x, i, a) => x * i + a.length)`,
	`Array.prototype.map.call("ab", c => c + c)`,
	`[1, 2, 3, 4].fill(0, 1, -1)`,
	`Array.prototype.fill.call({length: 2}, "x")`,
	`[1].concat([2, [3]], 4, {length: 1, 0: 5, [Symbol.isConcatSpreadable]: true})`,
	`Array.from("héllo")`,
	`Array.from(new Set([1, 2, 2]))`,
	`Array.from({length: 3}, (v, i) => i * 2)`,
	`Array.from({length: 2, 0: "a", 1: "b"})`,
	`Array.from({get length() { note("length"); return 1 }, 0: "z"})`,
	`Array.from([1, , 3])`,
	`Array.from(null)`,
	`class A2 extends Array {}; A2.from([1, 2]) instanceof A2`,
	// String.prototype
	`"ab".repeat(3)`,
	`"ab".repeat(0) + "|" + "".repeat(1e9)`,
	`"ab".repeat(-1)`,
	`"ab".repeat(Infinity)`,
	`"ab".repeat("2")`,
	`"ab".repeat({valueOf() { note("count"); return 2 }})`,
	`String.prototype.repeat.call({toString() { note("this"); return "q" }}, 2)`,
	`String.prototype.repeat.call(null, 2)`,
	`"5".padStart(3, "0") + "|" + "5".padEnd(4, "ab") + "|" + "5".padStart(2)`,
	`"5".padStart(1e9, "")`,
	`"5".padStart(3, {toString() { note("fill"); return "x" }})`,
	`"abc".padEnd(2)`,
	`"a".concat(1, null, undefined, [2, 3], {toString() { note("arg"); return "o" }})`,
	`"a".concat(Symbol("s"))`,
	`"a-b-c".replaceAll("-", "+")`,
	"\"a-b-c\".replaceAll(\"-\", \"[$&$`$'$$]\")",
	`"aaa".replaceAll("", "-")`,
	`"a-b-c".replaceAll(/-/g, "+")`,
	`"a-b-c".replaceAll(/-/, "+")`,
	`"a-b-c".replaceAll("-", (m, i) => i)`,
	`"a-b".replaceAll({toString() { note("search"); return "-" }}, "+")`,
	`"a-b".replaceAll("-", {toString() { note("repl"); return "+" }})`,
	// calls from array-likes
	`Math.max.apply(null, [1, 5, 3])`,
	`(function () { return Math.max.apply(null, arguments) })(4, 9, 2)`,
	`Math.max.apply(null, {length: 2, 0: 7, 1: 8})`,
	`Math.max.apply(null, null)`,
	`Math.max.apply(null, 5)`,
	`String.fromCharCode.apply(null, new Array(1000).fill(65)).length`,
	`Reflect.apply(Math.min, null, [3, 2])`,
	`Reflect.construct(Date, [0]).getTime()`,
	`Reflect.construct(function F() { this.t = new.target === F }, [], Array).t`,
	// ArrayBuffer and typed arrays
	`new ArrayBuffer(8).byteLength`,
	`new ArrayBuffer({valueOf() { note("len"); return 4 }}).byteLength`,
	`new ArrayBuffer(-1)`,
	`new ArrayBuffer(2 ** 53)`,
	`new Uint8Array(4)`,
	`new Uint8Array([1, 2, 300])`,
	`new Int16Array(new Uint8Array([1, 2]))`,
	`new Uint8Array(new ArrayBuffer(8), 2, 3).length`,
	`new Float64Array(new Set([1.5, 2.5]))`,
	`new Uint8Array({length: 2, 0: 7})`,
	`new Uint8Array({get length() { note("length"); return 1 }, 0: 9})`,
	`new Uint8Array(-1)`,
	`Uint8Array(2)`,
	`Uint8Array.from([1, 2], x => x * 3)`,
	`Uint16Array.of(1, 2, 3)`,
	`new Uint8Array(2) instanceof Uint8Array`,
	`[] instanceof Uint8Array`,
	`new Uint8Array(2).constructor === Uint8Array`,
	`new Uint8Array(2).buffer.constructor === ArrayBuffer`,
	`Uint8Array.name + Uint8Array.length + Uint8Array.BYTES_PER_ELEMENT + Uint8Array.prototype.BYTES_PER_ELEMENT`,
	`Object.getPrototypeOf(Int8Array).name`,
	`Uint8Array[Symbol.species] === Uint8Array`,
	`new Uint8Array([1, 2, 3]).map(x => x * 2)`,
	`new Uint8Array([1, 2, 3]).subarray(1).length`,
	`new Uint8Array([1, 2, 3]).slice(1)`,
	`new ArrayBuffer(4).slice(1).byteLength`,
	`ArrayBuffer.isView(new DataView(new ArrayBuffer(1)))`,
	`class U extends Uint8Array {}; const u = new U(3); [u instanceof U, u instanceof Uint8Array, u.length, U.from([1]) instanceof U].join()`,
	`class B extends ArrayBuffer {}; new B(3) instanceof B`,
	`typeof Uint8Array + typeof ArrayBuffer`,
	`Object.getOwnPropertyNames(Uint8Array).sort().join()`,
	`Uint8Array.fromHex ? Uint8Array.fromHex("0aff") : "no fromHex"`,
	`new BigInt64Array([1n, -1n])`,
	`new Float32Array(2).fill(1.5)`,
	// BigInt
	`BigInt.asUintN(8, 257n)`,
	`BigInt.asIntN(8, 255n)`,
	`BigInt.asUintN(64, -1n)`,
	`BigInt.asUintN(-1, 1n)`,
	`BigInt.asIntN(8)`,
	`BigInt.asUintN(8, 1)`,
	`BigInt.asUintN({valueOf() { note("bits"); return 4 }}, 31n)`,
	// the functions themselves
	`[[].join, [].toLocaleString, [].flat, [].sort, [].map, "".repeat, "".padStart, "".concat, "".replaceAll, Function.prototype.apply, Array.from, BigInt.asUintN, JSON.parse, JSON.stringify, Reflect.apply].map(f => f.name + "/" + f.length + "/" + typeof f).join()`,
	`Object.getOwnPropertyDescriptor(Array.prototype, "join").writable + "," + Object.getOwnPropertyDescriptor(Array.prototype, "join").enumerable`,
	`new [].join()`,
	`Object.keys(JSON).length + Object.getOwnPropertyNames(JSON).join()`,
}

func TestSameAsUnguarded(t *testing.T) {
	run := func(guarded bool, expr string) string {
		rt := goja.New()
		if guarded {
			guard.Install(rt)
		}
		if _, err := rt.RunString(show); err != nil {
			t.Fatal(err)
		}
		v, err := rt.RunString("run(() => " + expr + ")")
		if err != nil {
			return "error: " + err.Error()
		}
		return v.String()
	}
	for _, expr := range same {
		want, got := run(false, expr), run(true, expr)
		if got != want {
			t.Errorf("%s\nguarded:   %.400s\nunguarded: %.400s", expr, got, want)
		}
	}
}

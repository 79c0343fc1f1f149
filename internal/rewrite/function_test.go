package rewrite

import "testing"

// functionCases use the Function constructors every way a script can;
// each must do under the rewrite what it does under goja alone.
var functionCases = []string{
	`new Function("a", "b", "return a ** b")(2, 10)`,
	`Function("a, b", "return [a, b].join()")(1, 2)`,
	`Function("return this")() === globalThis`,
	`new Function("a", "b", "return a ** b").toString()`,
	`new Function("...xs", "return Math.max(...xs)").toString()`,
	`new Function("...xs", "return Math.max(...xs)")(1, 5, 2)`,
	`[Function.name, Function.length, new Function().name, new Function("a", "b", "").length].join()`,
	`Function.prototype.constructor === Function && (function () {}).constructor === Function`,
	`new Function("return 1") instanceof Function && Object.getPrototypeOf(Function("")) === Function.prototype`,
	`Object.getOwnPropertyNames(Function).sort().join()`,
	`JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, "Function"))`,
	`JSON.stringify(Object.getOwnPropertyDescriptor(Function, "prototype"))`,
	`JSON.stringify(Object.getOwnPropertyDescriptor(Function.prototype, "constructor"))`,
	`Function({ toString() { log.push("a"); return "x" } }, { toString() { log.push("body"); return "return x ** 2" } })(3)`,
	`Function({ toString() { log.push("a"); return "x" } }, { toString() { log.push("body"); return "return x ** y" } }).length`,
	`Function(Symbol("s"), "")`,
	`new Function("a b", "return 1")`,
	`new Function("return 1n ** ")`,
	`new Function("return a ** ", "b")`,
	`new Function("a) { return 1 }; (function (", "")`,
	`(() => { class F extends Function {} const f = new F("x", "return x ** 3n"); return [f instanceof F, f(2n)].join() })()`,
	`(() => { class F extends Function {} const f = new F("x", "return x + 1"); return [f instanceof F, f(2)].join() })()`,
	`Reflect.construct(Function, ["return 2 ** 3"], Array) instanceof Array`,
	`(() => { const AF = Object.getPrototypeOf(async function () {}).constructor; return [AF.name, AF.length, Object.getPrototypeOf(AF) === Function, AF("return 1 ** 2") instanceof AF, AF.prototype.constructor === AF].join() })()`,
	`(() => { const GF = Object.getPrototypeOf(function* () {}).constructor; const g = GF("a", "yield a ** 2n; yield 3"); return [GF.name, [...g(3n)].join(), g.toString()].join("|") })()`,
	`(() => { let out; Object.getPrototypeOf(async function () {}).constructor("a", "return await a ** 2n")(3n).then((v) => { out = v }); return typeof out })()`,
	`new Function("a", "b", "return a ** b")(2n, -1n)`,
	`new Function("a", "b", "return a ** b")(2n, 1)`,
	`new Function("\n  throw new Error('where')")`,
	`(() => { try { new Function("a", "\nreturn a **\n b")(2) } catch (e) { return e.stack.replace(/\(\d+\)/g, "").replace(/\n\s+at native/, "") } })()`,
}

func TestFunctionConstructorsKeepTheirMeaning(t *testing.T) {
	compareCasesWith(t, "", functionCases)
}

// TestFunctionConstructorsRewrite checks that code made at run time goes
// through the rewrite: the BigInt shift by 2^64 gives Node's 0n, where
// goja alone gives 1n.
func TestFunctionConstructorsRewrite(t *testing.T) {
	for src, want := range map[string]string{
		`Function("x", "return String(x >> (2n ** 64n))")(1n)`:                                                      "0",
		`new Function("x", "x >>= 2n ** 64n; return String(x)")(1n)`:                                                "0",
		`String([...Object.getPrototypeOf(function* () {}).constructor("yield 1n >> (2n ** 64n)")()])`:              "0",
		`(() => { class F extends Function {} return String(new F("return 1n >> (2n ** 64n)")()) })()`:              "0",
		`(() => { try { Function("return Math.max(...Array(2e5).fill(0))")() } catch (e) { return e.message } })()`: "Maximum call stack size exceeded",
	} {
		if got := runScript(t, true, src); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}

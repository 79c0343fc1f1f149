package rewrite

import "testing"

// spreadCases spread every kind of value into calls and constructors;
// logging iterables record each step of the iteration protocol.
var spreadCases = []string{
	`args(...[1, 2, 3])`,
	`args(...[1, , 3])`,
	`args(0, ...[], 4)`,
	`args(..."héllo 👍")`,
	`args(...new Set([1, 2, 2]))`,
	`args(...new Map([[1, 2]]))`,
	`args(...new Uint8Array([5, 6]))`,
	`(function () { return args(...arguments) })(7, 8)`,
	`args(...(function* () { log.push("gen start"); yield 1; log.push("gen mid"); yield 2; log.push("gen end") })())`,
	`args(...loggingIterable(3))`,
	`args(...Object.assign([1, 2], { [Symbol.iterator]: loggingIterable(2)[Symbol.iterator] }))`,
	`new (class { constructor(...a) { this.a = a } })(...[4, 5]).a.join()`,
	`Reflect.construct(function (...a) { this.a = a }, [1]) && args(...[Symbol.for("s")].map(String))`,
	`(() => { class P { constructor(...a) { log.push("P " + a.join()) } } class C extends P { constructor() { super(...[1, 2]) } } new C(); return "done" })()`,
	`Math.max(...[3, 9, 4])`,
	`args?.(...[1])`,
	// Errors: not iterable, iterators that break the protocol.
	`args(...5)`,
	`args(...undefined)`,
	`args(...null)`,
	`args(...{})`,
	`args(...{ [Symbol.iterator]: 5 })`,
	`args(...{ [Symbol.iterator]() { return 5 } })`,
	`args(...{ [Symbol.iterator]() { return {} } })`,
	`args(...{ [Symbol.iterator]() { return { next: 3 } } })`,
	`args(...{ [Symbol.iterator]() { return { next() { return 1 } } } })`,
	`args(...{ [Symbol.iterator]() { return { next() { throw new EvalError("in next") } } } })`,
	`args(...{ [Symbol.iterator]() { throw new EvalError("in @@iterator") } })`,
	`args(...{ get [Symbol.iterator]() { log.push("get @@iterator"); return [][Symbol.iterator] } })`,
	`(() => { const a = [1, 2]; a[Symbol.iterator] = Array(1e5).fill({ x: [1, 2, 3] }); return args(...a) })()`,
	`(() => { const a = [1, 2]; a[Symbol.iterator] = new Proxy(function* () { yield 7 }, {}); return args(...a) })()`,
	// A spread whose own evaluation throws, and an argument after it.
	`args(...(() => { throw new EvalError("operand") })(), log.push("after"))`,
	`args(...[1], log.push("after"))`,
}

// TestSpreadKeepsItsMeaning compares each spread under goja alone and
// through the rewrite: the arguments the callee got, or the error, and the
// order of every step of the iteration protocol.
func TestSpreadKeepsItsMeaning(t *testing.T) {
	const spreadPrelude = `
function args(...a) { return a.map(String).join("|") }
function loggingIterable(n) {
	return {
		[Symbol.iterator]() {
			log.push("@@iterator");
			let i = 0;
			return {
				get next() {
					log.push("get next");
					return () => {
						log.push("next " + i);
						const done = i >= n;
						return { get done() { log.push("get done"); return done }, get value() { log.push("get value"); return i++ } };
					};
				},
				return() { log.push("return") },
			};
		},
	};
}
`
	compareCasesWith(t, spreadPrelude, spreadCases)
}

package rewrite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

const (
	sizeError  = "RangeError: Maximum BigInt size exceeded"
	stackError = "RangeError: Maximum call stack size exceeded"
)

// hazards are scripts that, compiled by goja alone, kill the process (Go's
// fatal out of memory), run for hours, or get a BigInt result wrong; each
// must end with the value Node gives (want), most of them a RangeError.
// The script's completion value, or the string of what it threw, is
// compared; `out` is read after the promise jobs have run, for async ones.
var hazards = []struct{ name, src, want string }{
	{"shl", `1n << (2n ** 40n)`, sizeError},
	{"pow", `2n ** (2n ** 40n)`, sizeError},
	{"pow-odd-base", `7n ** (2n ** 40n)`, sizeError},
	{"pow-estimate", `3n ** 700000000n`, sizeError},
	{"pow-names", `let a = 10n, b = 2n ** 40n; a ** b`, sizeError},
	{"sar-negative", `1n >> -(2n ** 40n)`, sizeError},
	{"shl-at-limit", `1n << (2n ** 30n)`, sizeError},
	{"shl-long-operand", `(1n << 1000n) << (2n ** 30n - 1000n)`, sizeError},
	{"folded-constant", `const k = 1n << 1000000000000n; k`, sizeError},
	{"compound-name-shl", `let x = 1n, n = 2n ** 40n; x <<= n`, sizeError},
	{"compound-name-pow", `let x = 3n, n = 2n ** 40n; x **= n`, sizeError},
	{"compound-name-sar", `let x = 1n, n = -(2n ** 40n); x >>= n`, sizeError},
	{"compound-property", `const o = { p: 1n }; o.p <<= 2n ** 40n`, sizeError},
	{"compound-index", `const a = [2n]; let i = 0; a[i] **= 2n ** 40n`, sizeError},
	{"compound-call-base", `const o = { p: 1n }; const get = () => o; get().p <<= 2n ** 40n`, sizeError},
	{"compound-chain", `const o = { a: { b: 1n } }; o.a.b >>= -(2n ** 40n)`, sizeError},
	{"compound-private", `class C { #p = 2n; m(o) { o.#p **= 2n ** 40n } } const c = new C(); c.m(c)`, sizeError},
	{"compound-this-private", `class C { #p = 2n; m() { this.#p **= 2n ** 40n } } new C().m()`, sizeError},
	{"compound-super", `class P { get p() { return 1n } set p(v) {} } class C extends P { m() { super.p <<= 2n ** 40n } } new C().m()`, sizeError},
	{"generator-yield", `function* g() { let x = 1n; x <<= yield; } const it = g(); it.next(); it.next(2n ** 40n)`, sizeError},
	{"generator-yield-cell", `function* g(o) { o.a.b <<= yield; } const it = g({ a: { b: 1n } }); it.next(); it.next(2n ** 40n)`, sizeError},
	{"async-await", `var out; (async () => { let x = 1n; x <<= await (2n ** 40n) })().catch((e) => { out = String(e) })`, sizeError},
	{"class-field", `class C { f = 1n << (2n ** 40n) } new C()`, sizeError},
	{"default-parameter", `function f(a = 2n, b = a ** (2n ** 40n)) {} f()`, sizeError},
	{"template", "`${1n << (2n ** 40n)}`", sizeError},
	{"computed-key", `({ [1n << (2n ** 40n)]: 1 })`, sizeError},
	{"arrow-body", `const f = (a, b) => a << b; f(1n, 2n ** 40n)`, sizeError},
	{"object-operand", `const n = { valueOf() { return 2n ** 40n } }; 1n << n`, sizeError},
	{"new-function", `new Function("return 1n << (2n ** 40n)")()`, sizeError},
	{"generator-function", `Object.getPrototypeOf(function* () {}).constructor("yield 2n ** (2n ** 40n)")().next()`, sizeError},
	{"async-function", `var out; Object.getPrototypeOf(async function () {}).constructor("return 1n << (2n ** 40n)")().catch((e) => { out = String(e) })`, sizeError},
	{"async-function-from-function", `var out; Function("return async function () {}")().constructor("return 1n << (2n ** 40n)")().catch((e) => { out = String(e) })`, sizeError},
	{"generator-function-from-function", `Object.getPrototypeOf(Function("return function* () {}")()).constructor("yield 1n << (2n ** 40n)")().next()`, sizeError},
	{"replaced-range-error", `RangeError = function () { return { fake: true } }; try { 1n << (2n ** 40n) } catch (e) { e.fake ? "fake" : e.name + " " + (e instanceof Error) + " " + e.stack.split("\n")[0] }`, "RangeError true RangeError: Maximum BigInt size exceeded"},
	{"range-error-is-one", `try { 1n << (2n ** 40n) } catch (e) { [e instanceof RangeError, e.constructor === RangeError, Object.prototype.toString.call(e), Object.keys(e).length].join() }`, "true,true,[object Error],0"},
	// Results Node gives (goja reads only a count's low 64 bits, and
	// squares a power of two the long way).
	{"sar-far", `1n >> (2n ** 64n)`, "0"},
	{"sar-far-negative", `-1n >> (2n ** 64n)`, "-1"},
	{"shl-far-right", `5n << -(2n ** 64n)`, "0"},
	{"shl-far-right-negative", `-5n << -(2n ** 70n)`, "-1"},
	{"shl-zero", `0n << (2n ** 40n)`, "0"},
	{"pow-one", `1n ** (2n ** 40n)`, "1"},
	{"pow-minus-one", `(-1n) ** (2n ** 40n + 1n)`, "-1"},
	{"pow-zero", `0n ** (2n ** 40n)`, "0"},
	{"pow-two", `(2n ** 1000000n).toString(16).length`, "250001"},
	{"pow-minus-two", `String([(-2n) ** 3n, (-4n) ** 2n, 8n ** 5n])`, "-8,16,32768"},
	{"shl-below-limit", `(1n << (2n ** 30n - 1n)) > 0n`, "true"},
	// Spread arguments: Node's RangeError instead of a call that never ends.
	{"spread-array", `Math.max(...Array(2e5).fill(1))`, stackError},
	{"spread-new", `new Array(...Array(2e5).fill(1))`, stackError},
	{"spread-set", `Math.max(...new Set(Array.from({ length: 2e5 }, (_, i) => i)))`, stackError},
	{"spread-endless-generator", `function* g() { for (;;) yield 1 } Math.max(...g())`, stackError},
	{"spread-string", `String.fromCharCode(..."x".repeat(2e5))`, stackError},
	{"spread-super", `class P { constructor(...a) {} } class C extends P { constructor(a) { super(...a) } } new C(Array(2e5).fill(0))`, stackError},
	{"spread-patched-iterator", `Array.prototype[Symbol.iterator] = function* () { for (;;) yield 1 }; Math.max(...[1, 2])`, stackError},
	{"spread-patched-string-iterator", `String.prototype[Symbol.iterator] = function* () { for (;;) yield 1 }; Math.max(..."12")`, stackError},
	{"spread-at-limit", `Math.max(...Array(125000).fill(1))`, "1"},
}

// childEnv makes the test binary a child that runs the hazards and prints
// their outcomes (see TestMain).
const childEnv = "JSRUN_REWRITE_HAZARDS_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		runHazards()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runHazards prints "name<TAB>outcome" for each hazard.
func runHazards() {
	for _, hz := range hazards {
		fmt.Printf("%s\t%s\n", hz.name, hazardOutcome(hz.src))
	}
}

func hazardOutcome(src string) string {
	rt := goja.New()
	Install(rt)
	prg, err := Compile("hazard.js", src, false)
	if err != nil {
		return "compile error: " + err.Error()
	}
	v, err := rt.RunProgram(prg)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			return ex.Value().String()
		}
		return err.Error()
	}
	if out := rt.Get("out"); out != nil && !goja.IsUndefined(out) {
		return out.String()
	}
	return v.String()
}

// TestHazardsEndAsNodeDoes runs the hazards in a child process, so that
// one that kills the process fails the test instead of ending the test
// binary, and one that never ends is stopped.
func TestHazardsEndAsNodeDoes(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute) // a guard against a hang only
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	got := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if name, outcome, ok := strings.Cut(sc.Text(), "\t"); ok {
			got[name] = outcome
		}
	}
	for _, hz := range hazards {
		outcome, ran := got[hz.name]
		switch {
		case !ran:
			t.Errorf("%s: did not finish (%s)", hz.name, hz.src)
		case outcome != hz.want:
			t.Errorf("%s: %s\n  got  %q\n  want %q", hz.name, hz.src, outcome, hz.want)
		}
	}
	if err != nil {
		tail := stderr.String()
		if len(tail) > 2000 {
			tail = tail[:2000]
		}
		t.Fatalf("the child failed: %v\n%s", err, tail)
	}
}

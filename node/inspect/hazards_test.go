package inspect_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/node/inspect"
)

// newRT is a runtime with inspect(v, opts) bound to an Inspector.
func newRT(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	rt.SetMaxCallStackSize(10000)
	if err := rt.Set("inspect", inspect.For(rt).InspectFunction()); err != nil {
		t.Fatal(err)
	}
	return rt
}

// TestHazards: values that could crash or hang a naive inspector print
// (or throw a JavaScript error) instead.
func TestHazards(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"throwing getter is not called", `inspect({ get x() { throw new Error("no") } })`, "{ x: [Getter] }"},
		{"proxy traps are not run", `inspect(new Proxy({a: 1}, { get() { throw 1 }, ownKeys() { throw 2 }, getOwnPropertyDescriptor() { throw 3 }, getPrototypeOf() { throw 4 } }))`, "{ a: 1 }"},
		{"revoked proxy", `const r = Proxy.revocable({}, {}); r.revoke(); inspect(r.proxy)`, "<Revoked Proxy>"},
		{"revoked proxy nested", `const r = Proxy.revocable({}, {}); r.revoke(); inspect({ p: r.proxy })`, "{ p: <Revoked Proxy> }"},
		{"proxy of proxy", `inspect(new Proxy(new Proxy([1], {}), {}))`, "[ 1 ]"},
		{"huge dense array", `inspect(new Array(2e5).fill(1), { maxArrayLength: 2 })`, "[ 1, 1, ... 199998 more items ]"},
		{"huge sparse array", `const a = []; a[4e9] = 1; inspect(a)`, "[ <4000000001 empty items> ]"},
		{"huge sparse array with one element", `const a = new Array(2 ** 32 - 1); a[7] = 1; inspect(a)`, "[ <7 empty items>, 1, <4294967287 empty items> ]"},
		{"deep nesting, depth Infinity", `let o = {}; const root = o; for (let i = 0; i < 100000; i++) { o.n = {}; o = o.n } inspect(root, { depth: Infinity }).includes("Inspection interrupted prematurely")`, "true"},
		{"deep arrays, default depth", `let a = []; const root = a; for (let i = 0; i < 100000; i++) { const b = []; a.push(b); a = b } inspect(root)`, "[ [ [ [Array] ] ] ]"},
		{"throwing toStringTag propagates", `try { inspect({ get [Symbol.toStringTag]() { throw new TypeError("tag") } }) } catch (e) { e.name + ": " + e.message }`, "TypeError: tag"},
		{"throwing custom inspect propagates", `try { inspect({ [inspect.custom]() { throw new RangeError("custom") } }) } catch (e) { e.name + ": " + e.message }`, "RangeError: custom"},
		{"constructor getter not called", `function F() {}; Object.defineProperty(F.prototype, "constructor", { get() { throw 1 } }); inspect(new F())`, "{}"},
		{"getter on prototype chain of error name", `const e = new Error("m"); e.stack = "E: m"; Object.defineProperty(e, "name", { get() { return "E" } }); inspect(e)`, "[E: m]"},
		{"huge string is cut", `inspect("x".repeat(20000)).length`, "10027"},
		{"symbol description printed raw", `inspect([Symbol("a\nb")])`, "[\n  Symbol(a\nb)\n]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rt := newRT(t)
			v, err := rt.RunString(tc.src)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got := v.String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCustomInspectRecursion: a custom inspector that inspects itself
// ends in goja's stack overflow error, not a Go crash.
func TestCustomInspectRecursion(t *testing.T) {
	rt := newRT(t)
	_, err := rt.RunString(`const o = { [inspect.custom]() { return inspect(this) } }; inspect(o)`)
	if _, ok := err.(*goja.StackOverflowError); !ok {
		t.Fatalf("got %T %v, want a *goja.StackOverflowError", err, err)
	}
}

// TestColors: the colour codes are Node's styles.
func TestColors(t *testing.T) {
	rt := newRT(t)
	v, err := rt.RunString(`inspect([1, "s", null, undefined, true, Symbol("x"), 1n, /r/, new Date(0)], { colors: true })`)
	if err != nil {
		t.Fatal(err)
	}
	want := "[\n  \x1b[33m1\x1b[39m,\n  \x1b[32m's'\x1b[39m,\n  \x1b[1mnull\x1b[22m,\n  \x1b[90mundefined\x1b[39m,\n  \x1b[33mtrue\x1b[39m,\n  \x1b[32mSymbol(x)\x1b[39m,\n  \x1b[33m1n\x1b[39m,\n  \x1b[31m/r/\x1b[39m,\n  \x1b[35m1970-01-01T00:00:00.000Z\x1b[39m\n]"
	if got := v.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestDefaultOptionsShared: util.inspect.defaultOptions set through one
// user of a runtime's Inspector applies to every other.
func TestDefaultOptionsShared(t *testing.T) {
	rt := newRT(t)
	if _, err := rt.RunString(`inspect.defaultOptions = { depth: 0 }`); err != nil {
		t.Fatal(err)
	}
	got := inspect.For(rt).Format(nil, []goja.Value{rt.ToValue(map[string]any{"a": map[string]any{"b": 1}})})
	if !strings.Contains(got, "[Object]") {
		t.Errorf("console-side format %q ignores defaultOptions.depth = 0", got)
	}
}

// TestGuard: a Go panic in a native function becomes a JavaScript Error;
// goja's own throws pass through unchanged.
func TestGuard(t *testing.T) {
	rt := goja.New()
	_ = rt.Set("bug", func(goja.FunctionCall) goja.Value {
		inspect.Guard(rt, func() { var m map[string]int; m["x"]++ })
		return nil
	})
	_ = rt.Set("throws", func(goja.FunctionCall) goja.Value {
		inspect.Guard(rt, func() { panic(rt.NewTypeError("typed")) })
		return nil
	})
	v, err := rt.RunString(`
		const r = [];
		try { bug() } catch (e) { r.push(e instanceof Error, e.name, e.message.startsWith("inspect: internal error")) }
		try { throws() } catch (e) { r.push(e.name, e.message) }
		r.join(",")`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "true,Error,true,TypeError,typed"; v.String() != want {
		t.Errorf("got %q, want %q", v, want)
	}
}

// TestGoValues: objects wrapping Go values print like plain objects.
func TestGoValues(t *testing.T) {
	rt := newRT(t)
	type point struct{ X, Y int }
	_ = rt.Set("goMap", map[string]any{"a": 1})
	_ = rt.Set("goStruct", point{1, 2})
	_ = rt.Set("goSlice", []any{1, "x"})
	v, err := rt.RunString(`[inspect(goMap), inspect(goStruct), inspect(goSlice)].join(" | ")`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "{ a: 1 } | { X: 1, Y: 2 } | [ 1, 'x' ]"; v.String() != want {
		t.Errorf("got %q, want %q", v, want)
	}
}

package clone

import (
	"testing"

	"github.com/dop251/goja"
)

// Cases where the fast readers must hand over to the public path, or see
// what a script changed while the walk was under way.
func TestFastPathEdgeCases(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, src, want string }{
		{"lossy key before an unsorted index key", `({"\ud800": 1, 5: 2, b: "\ud800"})`, ``},
		{"unsorted index keys", `(() => { const o = {b: 1}; o[3] = 2; o.a = 3; o[1] = 4; return o })()`, ``},
		{"getter makes its array sparse", `(() => { const a = [{get g() { a[1e9] = 5; a[2] = "new"; return 1 }}, 2, 3]; return a })()`, `[{g: 1}, 2, "new"]`},
		{"getter changes a later element", `(() => { const a = [{get g() { a[2] = "new"; return 1 }}, 2, 3]; return a })()`, `[{g: 1}, 2, "new"]`},
		{"getter deletes a later element", `(() => { const a = [{get g() { delete a[2]; return 1 }}, 2, 3]; return a })()`, `[{g: 1}, 2, , ]`},
		{"getter changes a later property", `(() => { const o = {x: {get g() { o.y = "new"; delete o.z; return 1 }}, y: 2, z: 3}; return o })()`, `({x: {g: 1}, y: "new"})`},
		{"getter defines a later accessor", `(() => { const o = {x: {get g() { Object.defineProperty(o, "y", {get() { return "got" }}); return 1 }}, y: 2}; return o })()`, `({x: {g: 1}, y: "got"})`},
		{"non-enumerable element", `(() => { const a = [1, 2, 3]; Object.defineProperty(a, 1, {value: 9, enumerable: false}); return a })()`, `[1, , 3]`},
		{"accessor element", `(() => { const a = [1, 2]; Object.defineProperty(a, 1, {get() { return "g" }, enumerable: true}); return a })()`, `[1, "g"]`},
		{"frozen leaf", `Object.freeze({a: 1, b: "x"})`, `({a: 1, b: "x"})`},
		{"error with stack accessor", `(() => { const e = new Error("m"); Object.defineProperty(e, "stack", {get() { return "s" }}); return e })()`,
			`(() => { const e = new Error("m"); delete e.stack; return e })()`},
		{"error with own name and cause", `(() => { const e = new RangeError("m", {cause: [1, {a: 2}]}); e.name = "RangeError"; return e })()`, `new RangeError("m", {cause: [1, {a: 2}]})`},
		{"symbol-keyed property on plain object", `(() => { const o = {a: 1}; o[Symbol("s")] = 2; return o })()`, `({a: 1})`},
		{"shared leaves", `(() => { const l = {a: 1}, m = [1, 2]; return [l, m, {l, m}, l] })()`, ``},
		{"many objects", `Array.from({length: 300}, (_, i) => ({i, s: "v" + i, a: [i, {j: i}]}))`, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			b, got, err := roundTrip(t, c.src, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if want == "" {
				want = c.src
			}
			if d := diff(t, b, run(t, b, want), got); d != "" {
				t.Error(d)
			}
		})
	}
}

// An Interrupt pending when a clone needs the invoker (built from a shared
// Program) propagates as a panic and stays pending, as it did when the
// invoker was compiled by the Function constructor.
func TestInterruptWhileBuildingInvoker(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	v := run(t, rt, `new Map([[1, 2]])`)
	rt.Interrupt("stop")
	func() {
		defer func() {
			if _, ok := recover().(*goja.InterruptedError); !ok {
				t.Error("no InterruptedError panic")
			}
		}()
		_, err := SnapshotValue(rt, v, "v", nil)
		t.Errorf("snapshot returned (%v)", err)
	}()
	if _, err := rt.RunString(`1`); err == nil {
		t.Error("the interrupt was lost")
	}
	if _, err := SnapshotValue(rt, v, "v", nil); err != nil {
		t.Errorf("after the interrupt: %v", err)
	}
}

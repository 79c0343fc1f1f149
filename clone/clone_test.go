package clone

import (
	"errors"
	"github.com/jsrun/jsrun/internal/clonecases"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// roundTripCases are clonecases.RoundTrip with their options.
var roundTripCases = func() []struct {
	name, src, want string
	opts            *Options
} {
	out := make([]struct {
		name, src, want string
		opts            *Options
	}, len(clonecases.RoundTrip))
	for i, c := range clonecases.RoundTrip {
		out[i].name, out[i].src, out[i].want = c.Name, c.Src, c.Want
		if c.PreserveErrorNames {
			out[i].opts = &Options{PreserveErrorNames: true}
		}
	}
	return out
}()

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, c := range roundTripCases {
		t.Run(c.name, func(t *testing.T) {
			b, got, err := roundTrip(t, c.src, c.opts, nil)
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

// The comparator must be able to fail, or TestRoundTrip proves nothing.
func TestComparatorDetectsDifferences(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t)
	for _, c := range []struct{ a, b string }{
		{`0`, `-0`}, {`NaN`, `0`}, {`"\ud800"`, `"\ufffd"`}, {`1n`, `1`},
		{`({a: 1, b: 2})`, `({b: 2, a: 1})`}, {`[1, , 3]`, `[1, undefined, 3]`},
		{`(() => { const s = {}; return [s, s] })()`, `[{}, {}]`},
		{`(() => { const o = {}; o.o = o; return o })()`, `({o: {o: {}}})`},
		{`new Map([[1, 2], [3, 4]])`, `new Map([[3, 4], [1, 2]])`}, {`new Set([1])`, `new Set([2])`},
		{`new Date(0)`, `new Date(1)`}, {`/a/g`, `/a/`}, {`new Uint8Array([1])`, `new Int8Array([1])`},
		{`new Uint8Array([1])`, `new Uint8Array([2])`},
		{`(() => { const b = new ArrayBuffer(4); return [new Uint8Array(b), new Uint8Array(b)] })()`, `[new Uint8Array(4), new Uint8Array(4)]`},
		{`new Uint8Array(new ArrayBuffer(4), 1)`, `new Uint8Array(3)`},
		{`new TypeError("x")`, `new Error("x")`}, {`new Error("x")`, `new Error("y")`},
		{`Object(-0)`, `Object(0)`}, {`({})`, `Object.create(null)`}, {`[1]`, `({0: 1})`},
		{`({a: 1})`, `Object.defineProperty({}, "a", {value: 1, enumerable: false})`},
	} {
		if d := diff(t, rt, run(t, rt, c.a), run(t, rt, c.b)); d == "" {
			t.Errorf("comparator sees %s and %s as equal", c.a, c.b)
		}
	}
}

// refusalCases: cloning src fails with exactly err.
var refusalCases = []struct{ name, src, err string }{
	{"symbol root", `Symbol("x")`, `v: Symbol values cannot be cloned`},
	{"symbol in array", `({items: [1, 2, 3, Symbol("x")]})`, `v.items[3]: Symbol values cannot be cloned`},
	{"symbol under odd key", `({"a b": {"1x": Symbol()}})`, `v["a b"]["1x"]: Symbol values cannot be cloned`},
	{"symbol map value", `new Map([["k", Symbol()]])`, `v.get("k"): Symbol values cannot be cloned`},
	{"symbol map value numeric key", `({m: new Map([[3, Symbol()]])})`, `v.m.get(3): Symbol values cannot be cloned`},
	{"symbol map key", `new Map([[Symbol(), 1]])`, `v.keys()[0]: Symbol values cannot be cloned`},
	{"symbol map value object key", `new Map([[1, 1], [{}, Symbol()]])`, `v.values()[1]: Symbol values cannot be cloned`},
	{"symbol set", `new Set([1, Symbol()])`, `v.values()[1]: Symbol values cannot be cloned`},
	{"symbol cause", `new Error("x", {cause: [Symbol()]})`, `v.cause[0]: Symbol values cannot be cloned`},
	{"symbol object", `({s: Object(Symbol())})`, `v.s: Symbol objects cannot be cloned`},
	{"weakmap", `({w: new WeakMap})`, `v.w: WeakMap objects cannot be cloned`},
	{"weakset", `new WeakSet`, `v: WeakSet objects cannot be cloned`},
	{"promise", `({p: Promise.resolve(1)})`, `v.p: Promise objects cannot be cloned`},
	{"async function result", `[(async () => 1)()]`, `v[0]: Promise objects cannot be cloned`},
	{"proxy", `[new Proxy({}, {})]`, `v[0]: Proxy objects cannot be cloned`},
	{"callable proxy", `new Proxy(function () {}, {})`, `v: Proxy objects cannot be cloned`},
	{"revoked proxy", `(() => { const p = Proxy.revocable({}, {}); p.revoke(); return {p: p.proxy} })()`, `v.p: Proxy objects cannot be cloned`},
	{"generator", `(function* () {})()`, `v: Generator objects cannot be cloned`},
	{"array iterator", `[1].values()`, `v: Array Iterator objects cannot be cloned`},
	{"map iterator", `new Map().keys()`, `v: Map Iterator objects cannot be cloned`},
	{"set iterator", `new Set().entries()`, `v: Set Iterator objects cannot be cloned`},
	{"string iterator", `""[Symbol.iterator]()`, `v: String Iterator objects cannot be cloned`},
	{"arguments", `(function () { return arguments })(1)`, `v: Arguments objects cannot be cloned`},
	{"function", `({f() {}})`, `v.f: functions cannot be cloned`},
	{"nested arrow", `({a: {b: [0, () => 1]}})`, `v.a.b[1]: functions cannot be cloned`},
	{"class", `[class {}]`, `v[0]: functions cannot be cloned`},
	{"bound", `[(function () {}).bind(null)]`, `v[0]: functions cannot be cloned`},
	{"native function", `({f: Math.max})`, `v.f: functions cannot be cloned`},
	{"after a cycle", `(() => { const o = {}; o.self = o; o.z = Symbol(); return o })()`, `v.z: Symbol values cannot be cloned`},
}

func TestRefusals(t *testing.T) {
	t.Parallel()
	for _, c := range refusalCases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := roundTrip(t, c.src, nil, nil)
			var dce *DataCloneError
			if !errors.As(err, &dce) {
				t.Fatalf("got %v (%T), want a *DataCloneError", err, err)
			}
			if err.Error() != c.err {
				t.Errorf("got  %q\nwant %q", err.Error(), c.err)
			}
			if dce.Path+": "+dce.Reason != c.err {
				t.Errorf("Path %q Reason %q do not make %q", dce.Path, dce.Reason, c.err)
			}
		})
	}
}

// A Proxy is detected without running any of its traps, also when it sits
// on the prototype chain of an ordinary object.
func TestProxyTrapsNeverRun(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `
		var log = [];
		const handler = {};
		for (const trap of ["get", "set", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf",
			"setPrototypeOf", "defineProperty", "deleteProperty", "isExtensible", "preventExtensions", "apply", "construct"]) {
			handler[trap] = function () { log.push(trap); throw new Error("trap " + trap) };
		}
		const p = new Proxy({a: 1}, handler);
		const child = Object.create(p);
		Object.defineProperty(child, "own", {value: 1, enumerable: true, writable: true, configurable: true});
		[p, child]`)
	arr := v.(*goja.Object)
	if _, err := SnapshotValue(a, arr.Get("0"), "p", nil); err == nil || err.Error() != "p: Proxy objects cannot be cloned" {
		t.Errorf("proxy: got %v", err)
	}
	s, err := SnapshotValue(a, arr.Get("1"), "child", nil)
	if err != nil {
		t.Fatalf("object with a proxy prototype: %v", err)
	}
	if got := run(t, a, `log.join()`).String(); got != "" {
		t.Errorf("traps ran: %s", got)
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(t, b, run(t, b, `({own: 1})`), got); d != "" {
		t.Error(d)
	}
}

func TestDetachedArrayBuffer(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `({b: new ArrayBuffer(4)})`)
	ab := v.(*goja.Object).Get("b").Export().(goja.ArrayBuffer)
	ab.Detach()
	_, err := SnapshotValue(a, v, "v", nil)
	if err == nil || err.Error() != "v.b: detached ArrayBuffers cannot be cloned" {
		t.Errorf("got %v", err)
	}
}

// Bytes are copied, never aliased: not with the source, not between two
// restores of one snapshot.
func TestBuffersNotAliased(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `var src = new Uint8Array([1, 2, 3]); src`)
	s, err := SnapshotValue(a, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	run(t, a, `src[0] = 100`)
	b := goja.New()
	for i := 0; i < 2; i++ {
		got, err := s.RestoreValue(b, nil)
		if err != nil {
			t.Fatal(err)
		}
		b.Set("got", got)
		if r := run(t, b, `var r = got.join(); got[1] = 200; r`).String(); r != "1,2,3" {
			t.Errorf("restore %d: %s, want 1,2,3", i, r)
		}
	}
	if r := run(t, a, `src.join()`).String(); r != "100,2,3" {
		t.Errorf("source changed: %s", r)
	}
}

// Getters run exactly once, in the order of the spec's depth-first walk.
func TestGettersRunOnceInOrder(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `
		var log = [];
		({
			get a() { log.push("a"); return {get c() { log.push("c"); return 1 }} },
			get b() { log.push("b"); return [{get d() { log.push("d"); return 2 }}] },
		})`)
	s, err := SnapshotValue(a, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := run(t, a, `log.join()`).String(); got != "a,c,b,d" {
		t.Errorf("getter log %q, want a,c,b,d", got)
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(t, b, run(t, b, `({a: {c: 1}, b: [{d: 2}]})`), got); d != "" {
		t.Error(d)
	}
	if got := run(t, a, `log.join()`).String(); got != "a,c,b,d" {
		t.Errorf("restore ran source getters: %q", got)
	}
}

// A getter's exception is returned unchanged, for the caller to re-throw.
func TestThrowingGetter(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `var boom = new RangeError("boom"); ({ok: 1, deep: [{get bad() { throw boom }}]})`)
	_, err := SnapshotValue(a, v, "v", nil)
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("got %v (%T), want *goja.Exception", err, err)
	}
	if !ex.Value().SameAs(a.Get("boom")) {
		t.Errorf("exception value %v is not the thrown object", ex.Value())
	}
	// The runtime is still usable after the failed snapshot.
	if got := run(t, a, `1 + 1`).ToInteger(); got != 2 {
		t.Errorf("runtime broken: %d", got)
	}
	// A message whose toString throws propagates the same way.
	v = run(t, a, `const e = new Error; e.message = {toString() { throw boom }}; e`)
	if _, err := SnapshotValue(a, v, "v", nil); !errors.As(err, &ex) || !ex.Value().SameAs(a.Get("boom")) {
		t.Errorf("message toString: got %v", err)
	}
}

// The stack text travels as it was in the source.
func TestErrorStackKept(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `function thrower() { return new TypeError("x") } thrower()`)
	want := v.(*goja.Object).Get("stack").String()
	if !strings.Contains(want, "thrower") {
		t.Fatalf("unexpected source stack %q", want)
	}
	s, err := SnapshotValue(a, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := goja.New()
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st := got.(*goja.Object).Get("stack").String(); st != want {
		t.Errorf("stack %q, want %q", st, want)
	}
}

func TestCrossRootIdentity(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `const o = {n: 1}; [o, o, {o}, 5]`).(*goja.Object)
	vals := []goja.Value{v.Get("0"), v.Get("1"), v.Get("2"), v.Get("3")}
	s, err := SnapshotValues(a, vals, func(i int) string { return "args[" + string(rune('0'+i)) + "]" }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 4 {
		t.Errorf("Len %d", s.Len())
	}
	b := newRuntime(t)
	got, err := s.Restore(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(t, b, run(t, b, `const o = {n: 1}; [o, o, {o}, 5]`), b.NewArray(got[0], got[1], got[2], got[3])); d != "" {
		t.Error(d)
	}
	// The root name labels error paths.
	v = run(t, a, `[1, {x: Symbol()}]`).(*goja.Object)
	_, err = SnapshotValues(a, []goja.Value{v.Get("0"), v.Get("1")}, func(i int) string { return "args[" + string(rune('0'+i)) + "]" }, nil)
	if err == nil || err.Error() != "args[1].x: Symbol values cannot be cloned" {
		t.Errorf("got %v", err)
	}
	// Without rootName, roots are numbered.
	_, err = SnapshotValues(a, []goja.Value{v.Get("0"), v.Get("1")}, nil, nil)
	if err == nil || err.Error() != "[1].x: Symbol values cannot be cloned" {
		t.Errorf("got %v", err)
	}
}

func TestEmptyAndPrimitiveRoots(t *testing.T) {
	t.Parallel()
	a := goja.New()
	s, err := SnapshotValues(a, nil, nil, nil)
	if err != nil || s.Len() != 0 {
		t.Fatalf("%v %v", s, err)
	}
	b := goja.New()
	if v, err := s.RestoreValue(b, nil); err != nil || !goja.IsUndefined(v) {
		t.Errorf("empty RestoreValue: %v %v", v, err)
	}
	s, err = SnapshotValues(a, []goja.Value{nil, a.ToValue(-0.0), a.ToValue("x")}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Restore(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !goja.IsUndefined(got[0]) || got[1].String() != "0" || got[2].String() != "x" {
		t.Errorf("got %v", got)
	}
	if _, err := SnapshotValues(a, []goja.Value{a.ToValue(1), run(t, a, `Symbol()`)}, nil, nil); err == nil || err.Error() != "[1]: Symbol values cannot be cloned" {
		t.Errorf("fast path symbol: %v", err)
	}
}

// Go values exposed with ToValue arrive as native copies.
func TestGoWrappedValues(t *testing.T) {
	t.Parallel()
	a := goja.New()
	// One key per map: Go map order is random.
	v := a.ToValue(map[string]any{"s": []any{"x", 2, map[string]any{"a": 1}}})
	s, err := SnapshotValue(a, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(t, b, run(t, b, `({s: ["x", 2, {a: 1}]})`), got); d != "" {
		t.Error(d)
	}
}

// Primitive-only clones, the hot path of thread arguments, allocate almost
// nothing.
func TestPrimitiveFastPathAllocs(t *testing.T) {
	a, b := goja.New(), goja.New()
	args := []goja.Value{a.ToValue(1), a.ToValue(2)}
	allocs := testing.AllocsPerRun(100, func() {
		s, err := SnapshotValues(a, args, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Restore(b, nil); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 3 {
		t.Errorf("%v allocations for two ints, want <= 3", allocs)
	}
}

// TestRestoreOnce: RestoreOnce rebuilds what Restore does, its buffers are
// the snapshot's own (no copy) yet not the source's, and the snapshot
// cannot be restored again.
func TestRestoreOnce(t *testing.T) {
	t.Parallel()
	src := newRuntime(t)
	v := run(t, src, `(() => {
		const buf = new ArrayBuffer(16);
		new Uint8Array(buf).fill(7);
		return {buf, a: new Uint8Array(buf, 4, 8), d: new DataView(buf), f: new Float64Array([1.5, -0]), list: [1, {x: "y"}]};
	})()`)
	s, err := SnapshotValue(src, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	dst := newRuntime(t)
	want, err := s.RestoreValue(dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.RestoreOnce(dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := diff(t, dst, want, got[0]); d != "" {
		t.Fatal(d)
	}
	if err := dst.Set("got", got[0]); err != nil {
		t.Fatal(err)
	}
	// The views still share the one buffer; writing it changes neither the
	// source nor the other restore.
	if res := run(t, dst, `got.a[0] = 99; [got.a.buffer === got.buf, new Uint8Array(got.buf)[4]].join()`); res.String() != "true,99" {
		t.Errorf("restored views: %s", res)
	}
	if err := src.Set("v", v); err != nil {
		t.Fatal(err)
	}
	if res := run(t, src, `new Uint8Array(v.buf)[4]`); res.ToInteger() != 7 {
		t.Errorf("the source's buffer changed: %v", res)
	}
	if err := dst.Set("want", want); err != nil {
		t.Fatal(err)
	}
	if res := run(t, dst, `new Uint8Array(want.buf)[4]`); res.ToInteger() != 7 {
		t.Errorf("the other restore's buffer changed: %v", res)
	}
	var dce *DataCloneError
	for _, f := range []func(*goja.Runtime, Codec) ([]goja.Value, error){s.Restore, s.RestoreOnce} {
		if _, err := f(newRuntime(t), nil); !errors.As(err, &dce) {
			t.Errorf("restoring again: %v, want a DataCloneError", err)
		}
	}
}

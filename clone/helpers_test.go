package clone

import (
	"fmt"
	"testing"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// comparatorJS defines __cloneEq(want, got) in a runtime: "" when got is
// structurally what want is, else the first difference with its path. It
// compares type tags, prototypes, own keys (all of them, in order, with
// their attributes), internal data (Date, RegExp, Map and Set entries in
// order, buffer bytes, view geometry, wrapped primitives), -0 and NaN with
// Object.is, and the identity graph: a bijection between want's and got's
// objects, so sharing and cycles must match exactly. Error stacks are
// compared by type only (their text depends on where the value was built;
// TestErrorStackKept checks the text itself).
const comparatorJS = `
function __cloneEq(want, got) {
	const ab = new Map(), ba = new Map();
	const tag = x => Object.prototype.toString.call(x);
	const show = x => {
		if (typeof x === "bigint") return x + "n";
		if (typeof x === "string") return JSON.stringify(x);
		if (Object.is(x, -0)) return "-0";
		try { return String(x); } catch (e) { return "?"; }
	};
	const key = k => typeof k === "symbol" ? "[" + k.toString() + "]" : "." + k;
	function cmp(a, b, path) {
		if (typeof a !== typeof b) return path + ": typeof " + typeof a + " vs " + typeof b;
		if (a === null || b === null || (typeof a !== "object" && typeof a !== "function")) {
			return Object.is(a, b) ? "" : path + ": want " + show(a) + ", got " + show(b);
		}
		if (ab.has(a) || ba.has(b)) {
			return ab.get(a) === b && ba.get(b) === a ? "" : path + ": identity graph differs";
		}
		ab.set(a, b); ba.set(b, a);
		if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return path + ": prototype differs";
		if (tag(a) !== tag(b)) return path + ": " + tag(a) + " vs " + tag(b);
		if (Array.isArray(a) !== Array.isArray(b)) return path + ": Array.isArray differs";
		if (typeof a === "function") return String(a) === String(b) ? "" : path + ": function source differs";
		let r = "";
		switch (tag(a)) {
		case "[object Date]":
			if (!Object.is(a.getTime(), b.getTime())) return path + ": time " + a.getTime() + " vs " + b.getTime();
			break;
		case "[object RegExp]":
			if (a.source !== b.source || a.flags !== b.flags) return path + ": " + a + " vs " + b;
			break;
		case "[object Map]":
		case "[object Set]": {
			const ea = [...a.entries()], eb = [...b.entries()];
			if (ea.length !== eb.length) return path + ": size " + ea.length + " vs " + eb.length;
			for (let i = 0; i < ea.length; i++) {
				if ((r = cmp(ea[i][0], eb[i][0], path + ".keys()[" + i + "]"))) return r;
				if ((r = cmp(ea[i][1], eb[i][1], path + ".values()[" + i + "]"))) return r;
			}
			break;
		}
		case "[object ArrayBuffer]": {
			if (a.byteLength !== b.byteLength) return path + ": byteLength differs";
			const x = new Uint8Array(a), y = new Uint8Array(b);
			for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return path + ": byte " + i + " differs";
			break;
		}
		case "[object Number]": case "[object String]": case "[object Boolean]": case "[object BigInt]":
			if (!Object.is(a.valueOf(), b.valueOf())) return path + ": wrapped " + show(a.valueOf()) + " vs " + show(b.valueOf());
			break;
		}
		if (ArrayBuffer.isView(a)) {
			if (a.byteOffset !== b.byteOffset || a.byteLength !== b.byteLength) return path + ": view geometry differs";
			if ((r = cmp(a.buffer, b.buffer, path + ".buffer"))) return r;
		}
		const ka = Reflect.ownKeys(a), kb = Reflect.ownKeys(b);
		if (ka.length !== kb.length || ka.some((k, i) => !Object.is(k, kb[i]))) {
			return path + ": own keys " + JSON.stringify(ka.map(String)) + " vs " + JSON.stringify(kb.map(String));
		}
		for (const k of ka) {
			const da = Object.getOwnPropertyDescriptor(a, k), db = Object.getOwnPropertyDescriptor(b, k);
			const p = path + key(k);
			for (const attr of ["enumerable", "configurable", "writable"]) {
				if (da[attr] !== db[attr]) return p + ": " + attr + " " + da[attr] + " vs " + db[attr];
			}
			if (("value" in da) !== ("value" in db)) return p + ": data vs accessor";
			if (!("value" in da)) continue;
			if (k === "stack" && tag(a) === "[object Error]") {
				if (typeof da.value !== typeof db.value) return p + ": stack type differs";
				continue;
			}
			if ((r = cmp(da.value, db.value, p))) return r;
		}
		return "";
	}
	return cmp(want, got, "v");
}
`

// newRuntime returns a runtime with the comparator installed.
func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if _, err := rt.RunString(comparatorJS); err != nil {
		t.Fatal(err)
	}
	return rt
}

func run(t testing.TB, rt *goja.Runtime, src string) goja.Value {
	t.Helper()
	v, err := rt.RunString(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

// diff runs the comparator in rt on two values of rt.
func diff(t testing.TB, rt *goja.Runtime, want, got goja.Value) string {
	t.Helper()
	eq, ok := goja.AssertFunction(rt.Get("__cloneEq"))
	if !ok {
		t.Fatal("comparator not installed")
	}
	res, err := eq(goja.Undefined(), want, got)
	if err != nil {
		t.Fatalf("comparator: %v", err)
	}
	return res.String()
}

// roundTrip evaluates src in a new runtime, clones the result into another
// runtime and returns that runtime and the restored value.
func roundTrip(t testing.TB, src string, opts *Options, codec Codec) (*goja.Runtime, goja.Value, error) {
	t.Helper()
	a := newRuntime(t)
	s, err := SnapshotValue(a, run(t, a, src), "v", opts)
	if err != nil {
		return nil, nil, err
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, codec)
	return b, got, err
}

// fakeCodec carries functions as source text and host objects by a
// registry, recording what it was asked.
type fakeCodec struct {
	paths    []string
	restored int
}

type hostThing struct{ id int }

func (c *fakeCodec) SnapshotFunction(rt *goja.Runtime, fn *goja.Object, path string) (any, error) {
	c.paths = append(c.paths, path)
	if fn.Get("nope") != nil {
		return nil, fmt.Errorf("refusing %s", path)
	}
	return fn.String(), nil
}

func (c *fakeCodec) RestoreFunction(rt *goja.Runtime, payload any) (goja.Value, error) {
	c.restored++
	return rt.RunString("(" + payload.(string) + ")")
}

func (c *fakeCodec) RestoreRef(rt *goja.Runtime, ref any) (goja.Value, error) {
	c.restored++
	h := ref.(*hostThing)
	o := rt.NewObject()
	if err := o.Set("id", h.id); err != nil {
		return nil, err
	}
	Attach(rt, o, h)
	return o, nil
}

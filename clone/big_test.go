package clone

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// Big values: arrays of hundreds of records, with sharing, cycles, every
// kind of element and getters that change what is still to be read.

// recordsJS defines records(n): n small objects like a program's data,
// built one at a time.
const recordsJS = `
function records(n) {
	const out = [];
	for (let i = 0; i < n; i++) {
		out.push({id: i, name: "item-" + i, active: i % 3 === 0, price: i * 1.25,
			tags: ["t" + (i % 7), "g" + (i % 11)], pos: {x: i % 100, y: {z: [i]}}});
		JSON.stringify(out[i]);
	}
	return out;
}
`

// bigCases are cloned and compared with want (empty: src) built afresh in
// the receiving runtime.
var bigCases = []struct{ name, src, want string }{
	{"records", `records(900)`, ``},
	{"shared", `(() => {
		const a = records(900), s = {shared: true};
		a[5].x = s; a[700].y = s; a[899].z = a[3].pos; a[2].w = a[850].tags;
		return a;
	})()`, ``},
	{"shared within an element and with a later one", `(() => {
		const a = records(900), s = [1, 2];
		a[500].p = s; a[500].q = s; a[501].r = s;
		return a;
	})()`, ``},
	{"cycles", `(() => {
		const a = records(900);
		a[700].self = a; a[400].me = a[400]; a[10].next = a[800]; a[800].prev = a[10];
		a[550].pos.up = a[550];
		return a;
	})()`, ``},
	{"elements of every kind", `(() => {
		const a = records(900);
		a[3] = new Map([[a[4], a[650]]]); a[603] = new Set([a[2]]);
		a[20].d = new Date(5); a[620].r = /x/gi; a[621].t = new Uint8Array([1, 2]);
		a[622] = new TypeError("boom"); a[30] = [1, , 3]; a[31] = "str"; a[32] = 7n;
		class P { constructor() { this.k = 1; } }
		a[640] = new P(); a[641] = Object.create({inherited: 1});
		return a;
	})()`, `(() => {
		const a = records(900);
		a[3] = new Map([[a[4], a[650]]]); a[603] = new Set([a[2]]);
		a[20].d = new Date(5); a[620].r = /x/gi; a[621].t = new Uint8Array([1, 2]);
		a[622] = new TypeError("boom"); a[30] = [1, , 3]; a[31] = "str"; a[32] = 7n;
		a[640] = {k: 1}; a[641] = {};
		return a;
	})()`},
	{"odd properties on elements", `(() => {
		const a = records(900);
		Object.defineProperty(a[100], "hidden", {value: 1, enumerable: false});
		Object.defineProperty(a[650], "ro", {value: 2, enumerable: true, writable: false});
		a[651][Symbol("s")] = 1;
		a[652]["\uD800x"] = "lone";
		a[653] = JSON.parse('{"__proto__": 1, "10": 2, "2": 3}');
		a[654][7] = "late index key";
		a[655].tags.extra = "named";
		return a;
	})()`, `(() => {
		const a = records(900);
		a[650].ro = 2;
		a[652]["\uD800x"] = "lone";
		a[653] = JSON.parse('{"__proto__": 1, "10": 2, "2": 3}');
		a[654][7] = "late index key";
		a[655].tags.extra = "named";
		return a;
	})()`},
	{"holey, with named properties", `(() => {
		const a = records(900);
		delete a[100]; delete a[700]; a.length = 1100; a.extra = {e: 1};
		return a;
	})()`, ``},
	{"big arrays inside one array", `(() => {
		const x = records(520), y = records(520);
		y[450].fromX = x[10]; x[500].fromY = y[20];
		return [x, y, x];
	})()`, ``},
	{"primitives among the objects", `(() => {
		const a = records(900);
		a[10] = "hello"; a[11] = 42; a[12] = null; a[13] = undefined; a[14] = 1.5;
		a[600] = "éè"; a[601] = true; a[602] = -(2n ** 70n); a[603] = -0; a[899] = "last";
		return a;
	})()`, ``},
	{"big array of primitives", `Array.from({length: 3000}, (_, i) => i % 2 ? "s" + i : i)`, ``},
	{"getter changes later elements", `(() => {
		const a = records(900);
		Object.defineProperty(a[3], "g", {enumerable: true, get() { a[800].name = "changed"; a[801].extra = {n: 1}; delete a[802].tags; return 1; }});
		return a;
	})()`, `(() => {
		const a = records(900);
		a[3].g = 1; a[800].name = "changed"; a[801].extra = {n: 1}; delete a[802].tags;
		return a;
	})()`},
	{"getter replaces a later element", `(() => {
		const a = records(900);
		Object.defineProperty(a[650], "g", {enumerable: true, get() { a[700] = {replaced: true}; return 1; }});
		return a;
	})()`, `(() => {
		const a = records(900);
		a[650].g = 1; a[700] = {replaced: true};
		return a;
	})()`},
}

func TestBigValues(t *testing.T) {
	t.Parallel()
	for _, c := range bigCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src, dst := newRuntime(t), newRuntime(t)
			run(t, src, recordsJS)
			run(t, dst, recordsJS)
			s, err := SnapshotValue(src, run(t, src, c.src), "v", nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.RestoreValue(dst, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if want == "" {
				want = c.src
			}
			if d := diff(t, dst, run(t, dst, want), got); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestBigValueErrors: a refusal or a throwing getter deep in a big value
// names the path of the offending value.
func TestBigValueErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, src string
		max       int64
		want      string
	}{
		{"symbol deep in a late element", `(() => { const a = records(900); a[800].tags[1] = Symbol("x"); return a; })()`, 0,
			"*clone.DataCloneError v[800].tags[1]: Symbol values cannot be cloned"},
		{"symbol in an early element", `(() => { const a = records(900); a[3].pos.y.z = Symbol("x"); return a; })()`, 0,
			"*clone.DataCloneError v[3].pos.y.z: Symbol values cannot be cloned"},
		{"function in a late element", `(() => { const a = records(900); a[850].cb = () => 1; return a; })()`, 0,
			"*clone.DataCloneError v[850].cb: functions cannot be cloned"},
		{"getter throws in a late element", `(() => { const a = records(900); Object.defineProperty(a[700], "g", {enumerable: true, get() { throw new RangeError("from getter"); }}); return a; })()`, 0,
			"*goja.Exception RangeError: from getter"},
		{"promise in a late element", `(() => { const a = records(900); a[870].p = Promise.resolve(1); return a; })()`, 0,
			"*clone.DataCloneError v[870].p: Promise objects cannot be cloned"},
		{"size limit in a late element", `records(900)`, 120_000,
			"*clone.DataCloneError v[524].pos.y: value exceeds the clone size limit of 120000 bytes"},
		{"size limit in an early element", `(() => { const a = records(900); a[10].big = "x".repeat(100000); return a; })()`, 50_000,
			"*clone.DataCloneError v[10].big: value exceeds the clone size limit of 50000 bytes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rt := newRuntime(t)
			run(t, rt, recordsJS)
			_, err := SnapshotValue(rt, run(t, rt, c.src), "v", &Options{MaxBytes: c.max})
			var dce *DataCloneError
			var ex *goja.Exception
			if !errors.As(err, &dce) && !errors.As(err, &ex) {
				t.Fatalf("%T %v", err, err)
			}
			if msg := fmt.Sprintf("%T %v", err, err); msg != c.want && !(ex != nil && strings.HasPrefix(msg, c.want)) {
				t.Errorf("got  %s\nwant %s", msg, c.want)
			}
		})
	}
}

// TestBigValueHostObjects: elements holding host objects (own symbol
// marks) go through the Codec.
func TestBigValueHostObjects(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t)
	run(t, rt, recordsJS)
	v := run(t, rt, `records(900)`)
	arr := v.(*goja.Object)
	for _, i := range []string{"7", "707"} {
		h := rt.NewObject()
		Attach(rt, h, &hostThing{id: 1})
		if err := arr.Get(i).(*goja.Object).Set("host", h); err != nil {
			t.Fatal(err)
		}
	}
	codec := &fakeCodec{}
	s, err := SnapshotValue(rt, v, "v", &Options{Codec: codec})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.RestoreValue(newRuntime(t), codec)
	if err != nil {
		t.Fatal(err)
	}
	if codec.restored != 2 {
		t.Errorf("restored %d host objects, want 2", codec.restored)
	}
	for _, i := range []string{"7", "707"} {
		if id := got.(*goja.Object).Get(i).(*goja.Object).Get("host").(*goja.Object).Get("id"); id.ToInteger() != 1 {
			t.Errorf("element %s: host id %v", i, id)
		}
	}
}

// TestRestoredObjectsAreOrdinary: restored objects belong to the target
// runtime like any other (usable, mutable, clonable again).
func TestRestoredObjectsAreOrdinary(t *testing.T) {
	t.Parallel()
	src := newRuntime(t)
	run(t, src, recordsJS)
	s, err := SnapshotValue(src, run(t, src, `records(3000)`), "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	dst := newRuntime(t)
	got, err := s.RestoreValue(dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := dst.Set("got", got); err != nil {
		t.Fatal(err)
	}
	res := run(t, dst, `
		got[2999].name += "!"; got[5].tags.push("more"); delete got[6].pos; got[7][3] = "idx"; got[7].z = 1;
		[got.length, got[2999].name, got[5].tags.length, "pos" in got[6], Object.keys(got[7]).join(),
		 got[8] instanceof Object, Array.isArray(got[8].tags), JSON.stringify(got[9])].join("|")`)
	want := `3000|item-2999!|3|false|3,id,name,active,price,tags,pos,z|true|true|{"id":9,"name":"item-9","active":true,"price":11.25,"tags":["t2","g9"],"pos":{"x":9,"y":{"z":[9]}}}`
	if res.String() != want {
		t.Errorf("got  %s\nwant %s", res, want)
	}
}

// TestGoStringsInBigValue: strings a Go program put in a value (goja scans
// them lazily, so the snapshot normalizes them) among the elements of a
// big array.
func TestGoStringsInBigValue(t *testing.T) {
	t.Parallel()
	src := newRuntime(t)
	run(t, src, recordsJS)
	v := run(t, src, `records(900)`).(*goja.Object)
	for _, e := range []struct{ i, s string }{{"20", strings.Repeat("x", 40)}, {"700", strings.Repeat("\u00e9", 40)}} {
		if err := v.Set(e.i, src.ToValue(e.s)); err != nil {
			t.Fatal(err)
		}
		if err := v.Get("30").(*goja.Object).Set("go", src.ToValue(e.s)); err != nil {
			t.Fatal(err)
		}
	}
	s, err := SnapshotValue(src, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	eager, err := SnapshotValue(src, v, "v", &Options{MaxBytes: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	if s.Size() != eager.Size() {
		t.Errorf("Size: %d without a limit, %d with one", s.Size(), eager.Size())
	}
	dst := newRuntime(t)
	got, err := s.RestoreValue(dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := dst.Set("got", got); err != nil {
		t.Fatal(err)
	}
	if res := run(t, dst, `[got[20].length, got[700].length, got[700][0], got[30].go.length].join()`); res.String() != "40,40,\u00e9,40" {
		t.Errorf("got %s", res)
	}
}

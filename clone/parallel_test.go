package clone

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/race"
)

// The parallel paths (snapshot_parallel.go, restore_parallel.go) must give
// exactly what the sequential walk gives: each case is cloned with them
// forced off and forced on, and both clones must equal the source (shared
// references and cycles included) or fail with the same error.

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

// snapshotProcs and restoreProcs are the parallelisms tried: fewer under
// the race detector, which makes goja several times slower.
func snapshotProcs() []int {
	if race.Enabled {
		return []int{1, 2}
	}
	return []int{1, 2, 3}
}

func restoreProcs() []int {
	if race.Enabled {
		return []int{2}
	}
	return []int{2, 4}
}

// withParallelism runs f with the clone's parallelism forced to procs.
func withParallelism(t *testing.T, procs int, f func()) {
	t.Helper()
	saved := parallelism
	parallelism = func() int { return procs }
	defer func() { parallelism = saved }()
	f()
}

var parallelCases = []struct {
	name, src string
	// parallel: the parallel paths must run (the snapshot takes some
	// elements from the parallel walk; the restore builds in parallel)
	parallel bool
}{
	{"records", `records(900)`, true},
	{"shared across parts", `(() => {
		const a = records(900), s = {shared: true};
		a[5].x = s; a[700].y = s; a[899].z = a[3].pos; a[2].w = a[850].tags;
		return a;
	})()`, true},
	{"shared within an element and with a later one", `(() => {
		const a = records(900), s = [1, 2];
		a[500].p = s; a[500].q = s; a[501].r = s;
		return a;
	})()`, true},
	{"cycles", `(() => {
		const a = records(900);
		a[700].self = a; a[400].me = a[400]; a[10].next = a[800]; a[800].prev = a[10];
		a[550].pos.up = a[550];
		return a;
	})()`, true},
	{"elements of every kind", `(() => {
		const a = records(900);
		a[3] = new Map([[a[4], a[650]]]); a[603] = new Set([a[2]]);
		a[20].d = new Date(5); a[620].r = /x/gi; a[621].t = new Uint8Array([1, 2]);
		a[622] = new TypeError("boom"); a[30] = [1, , 3]; a[31] = "str"; a[32] = 7n;
		class P { constructor() { this.k = 1; } }
		a[640] = new P(); a[641] = Object.create({inherited: 1});
		return a;
	})()`, true},
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
	})()`, true},
	{"holey, with named properties", `(() => {
		const a = records(900);
		delete a[100]; delete a[700]; a.length = 1100; a.extra = {e: 1};
		return a;
	})()`, true},
	{"big arrays inside one array", `(() => {
		const x = records(520), y = records(520);
		y[450].fromX = x[10]; x[500].fromY = y[20];
		return [x, y, x];
	})()`, true},
	{"primitives among the objects", `(() => {
		const a = records(900);
		a[10] = "hello"; a[11] = 42; a[12] = null; a[13] = undefined; a[14] = 1.5;
		a[600] = "éè"; a[601] = true; a[602] = -(2n ** 70n); a[603] = -0; a[899] = "last";
		return a;
	})()`, true},
	{"big array of primitives", `Array.from({length: 3000}, (_, i) => i % 2 ? "s" + i : i)`, false},
	{"getter changes a later element", `(() => {
		const a = records(900);
		Object.defineProperty(a[3], "g", {enumerable: true, get() { a[800].name = "changed"; a[801].extra = {n: 1}; delete a[802].tags; return 1; }});
		return a;
	})()`, true},
	{"getter replaces a later element", `(() => {
		const a = records(900);
		Object.defineProperty(a[650], "g", {enumerable: true, get() { a[700] = {replaced: true}; return 1; }});
		return a;
	})()`, true},
}

func TestParallelSnapshotMatchesSequential(t *testing.T) {
	for _, c := range parallelCases {
		t.Run(c.name, func(t *testing.T) {
			// Each snapshot is of a fresh source (getters change it),
			// and every clone is restored into dst, sequentially.
			dst := newRuntime(t)
			var clones []goja.Value
			for _, procs := range snapshotProcs() {
				withParallelism(t, procs, func() {
					src := newRuntime(t)
					run(t, src, recordsJS)
					v := run(t, src, c.src)
					taken := parallelStats.taken.Load()
					s, err := SnapshotValue(src, v, "v", nil)
					if err != nil {
						t.Fatalf("procs %d: %v", procs, err)
					}
					took := parallelStats.taken.Load() - taken
					if procs == 1 && took != 0 {
						t.Errorf("procs 1: %d elements taken from a parallel walk", took)
					}
					if procs > 1 && c.parallel && took == 0 {
						t.Errorf("procs %d: the parallel walk was not used", procs)
					}
					got, err := restoreIn(dst, s)
					if err != nil {
						t.Fatalf("procs %d: restore: %v", procs, err)
					}
					clones = append(clones, got)
				})
			}
			for i, got := range clones[1:] {
				if d := diff(t, dst, clones[0], got); d != "" {
					t.Errorf("procs %d: %s", i+2, d)
				}
			}
		})
	}
}

// restoreIn restores s into rt sequentially (the reference path).
func restoreIn(rt *goja.Runtime, s *Snapshot) (goja.Value, error) {
	saved := parallelism
	parallelism = func() int { return 1 }
	defer func() { parallelism = saved }()
	return s.RestoreValue(rt, nil)
}

// diffSequential compares the restores of s and of a sequential
// snapshot of v, a value of src.
func diffSequential(t *testing.T, src *goja.Runtime, v goja.Value, s *Snapshot) string {
	t.Helper()
	dst := newRuntime(t)
	want, err := restoreIn(dst, snapshotIn(src, v))
	if err != nil {
		t.Fatal(err)
	}
	got, err := restoreIn(dst, s)
	if err != nil {
		t.Fatal(err)
	}
	return diff(t, dst, want, got)
}

// snapshotIn snapshots v of rt sequentially (the reference path).
func snapshotIn(rt *goja.Runtime, v goja.Value) *Snapshot {
	saved := parallelism
	parallelism = func() int { return 1 }
	defer func() { parallelism = saved }()
	s, err := SnapshotValue(rt, v, "v", nil)
	if err != nil {
		panic(err)
	}
	return s
}

func TestParallelSnapshotErrorsMatchSequential(t *testing.T) {
	for _, c := range []struct {
		name, src string
		max       int64
	}{
		{"symbol deep in a late element", `(() => { const a = records(900); a[800].tags[1] = Symbol("x"); return a; })()`, 0},
		{"symbol in an early element", `(() => { const a = records(900); a[3].pos.y.z = Symbol("x"); return a; })()`, 0},
		{"function in a late element", `(() => { const a = records(900); a[850].cb = () => 1; return a; })()`, 0},
		{"getter throws in a late element", `(() => { const a = records(900); Object.defineProperty(a[700], "g", {enumerable: true, get() { throw new RangeError("from getter"); }}); return a; })()`, 0},
		{"promise in a late element", `(() => { const a = records(900); a[870].p = Promise.resolve(1); return a; })()`, 0},
		{"size limit in a late element", `records(900)`, 120_000},
		{"size limit in an early element", `(() => { const a = records(900); a[10].big = "x".repeat(5000); return a; })()`, 8000},
	} {
		t.Run(c.name, func(t *testing.T) {
			var msgs [2]string
			for i, procs := range []int{1, 2} {
				withParallelism(t, procs, func() {
					rt := newRuntime(t)
					run(t, rt, recordsJS)
					v := run(t, rt, c.src)
					_, err := SnapshotValue(rt, v, "v", &Options{MaxBytes: c.max})
					if err == nil {
						t.Fatalf("procs %d: no error", procs)
					}
					var dce *DataCloneError
					var ex *goja.Exception
					if !errors.As(err, &dce) && !errors.As(err, &ex) {
						t.Fatalf("procs %d: %T %v", procs, err, err)
					}
					msgs[i] = fmt.Sprintf("%T %v", err, err)
				})
			}
			if msgs[0] != msgs[1] {
				t.Errorf("sequential: %s\nparallel:   %s", msgs[0], msgs[1])
			}
		})
	}
}

// TestParallelSnapshotHostObjects: elements holding host objects (own
// symbol marks) go through the Codec, in order.
func TestParallelSnapshotHostObjects(t *testing.T) {
	withParallelism(t, 2, func() {
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
		dst := newRuntime(t)
		got, err := s.RestoreValue(dst, codec)
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
	})
}

func TestParallelRestoreMatchesSequential(t *testing.T) {
	for _, c := range parallelCases {
		t.Run(c.name, func(t *testing.T) {
			src := newRuntime(t)
			run(t, src, recordsJS)
			s := snapshotIn(src, run(t, src, c.src))
			dst := newRuntime(t)
			want, err := restoreIn(dst, s)
			if err != nil {
				t.Fatal(err)
			}
			for _, procs := range restoreProcs() {
				withParallelism(t, procs, func() {
					built := parallelStats.built.Load()
					got, err := s.RestoreValue(dst, nil)
					if err != nil {
						t.Fatalf("procs %d: %v", procs, err)
					}
					if c.parallel && parallelStats.built.Load() == built {
						t.Errorf("procs %d: %d nodes not built in parallel", procs, s.nnodes)
					}
					if d := diff(t, dst, want, got); d != "" {
						t.Errorf("procs %d: %s", procs, d)
					}
				})
			}
		})
	}
}

// TestParallelRestoreObjectsAreOrdinary: objects made by helpers belong
// to the target runtime like any other (usable, mutable, clonable again).
func TestParallelRestoreObjectsAreOrdinary(t *testing.T) {
	withParallelism(t, 2, func() {
		src := newRuntime(t)
		run(t, src, recordsJS)
		s := snapshotIn(src, run(t, src, `records(3000)`))
		dst := newRuntime(t)
		got, err := s.RestoreValue(dst, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := dst.Set("got", got); err != nil {
			t.Fatal(err)
		}
		res := run(t, dst, `
			got[2999].name += "!"; got[5].tags.push("more"); delete got[6].pos;
			[got.length, got[2999].name, got[5].tags.length, "pos" in got[6], Object.keys(got[7]).join(),
			 got[8] instanceof Object, Array.isArray(got[8].tags), JSON.stringify(got[9])].join("|")`)
		want := `3000|item-2999!|3|false|id,name,active,price,tags,pos|true|true|{"id":9,"name":"item-9","active":true,"price":11.25,"tags":["t2","g9"],"pos":{"x":9,"y":{"z":[9]}}}`
		if res.String() != want {
			t.Errorf("got  %s\nwant %s", res, want)
		}
	})
}

// TestParallelHelperPanic: a Go panic in a helper goroutine (a bug) must
// not kill the process: a snapshot falls back to the ordinary walk for
// the helper's elements, a restore fails with a DataCloneError.
func TestParallelHelperPanic(t *testing.T) {
	withParallelism(t, 2, func() {
		helperFault = func() { panic("injected") }
		defer func() { helperFault = nil }()
		src := newRuntime(t)
		run(t, src, recordsJS)
		v := run(t, src, `(() => { const a = records(900); a[700].self = a; return a; })()`)
		s, err := SnapshotValue(src, v, "v", nil)
		if err != nil {
			t.Fatal(err)
		}
		if d := diffSequential(t, src, v, s); d != "" {
			t.Error(d)
		}
		_, err = s.RestoreValue(newRuntime(t), nil)
		var dce *DataCloneError
		if !errors.As(err, &dce) || dce.Reason != "cannot restore: internal error in a parallel build: injected" {
			t.Errorf("restore: %v", err)
		}
	})
}

// TestParallelGoStrings: strings a Go program put in a value (goja scans
// them lazily, so normalizing them writes them) among the elements of a
// big array, in the parts the parallel walk takes whole and in elements.
func TestParallelGoStrings(t *testing.T) {
	build := func(rt *goja.Runtime) goja.Value {
		run(t, rt, recordsJS)
		v := run(t, rt, `records(900)`).(*goja.Object)
		for _, e := range []struct {
			i string
			s string
		}{{"20", strings.Repeat("x", 40)}, {"700", strings.Repeat("\u00e9", 40)}} {
			if err := v.Set(e.i, rt.ToValue(e.s)); err != nil {
				t.Fatal(err)
			}
			if err := v.Get("30").(*goja.Object).Set("go", rt.ToValue(e.s)); err != nil {
				t.Fatal(err)
			}
		}
		return v
	}
	dst := newRuntime(t)
	var clones []goja.Value
	var sizes []int64
	for _, procs := range []int{1, 2} {
		withParallelism(t, procs, func() {
			src := newRuntime(t)
			s, err := SnapshotValue(src, build(src), "v", nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := restoreIn(dst, s)
			if err != nil {
				t.Fatal(err)
			}
			clones, sizes = append(clones, got), append(sizes, s.Size())
		})
	}
	if d := diff(t, dst, clones[0], clones[1]); d != "" {
		t.Error(d)
	}
	if sizes[0] != sizes[1] {
		t.Errorf("Size: %d sequential, %d parallel", sizes[0], sizes[1])
	}
	if err := dst.Set("got", clones[1]); err != nil {
		t.Fatal(err)
	}
	if res := run(t, dst, `[got[20].length, got[700].length, got[700][0], got[30].go.length].join()`); res.String() != "40,40,\u00e9,40" {
		t.Errorf("got %s", res)
	}
}

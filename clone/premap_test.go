package clone

import (
	"testing"

	"github.com/dop251/goja"
)

// premapCases are values whose big array is scanned in parallel; premapped
// says premap takes its parts (nothing in it is shared with what comes
// before it or between its parts). What follows the array refers back
// into it, so the memo premap filled is used too.
var premapCases = []struct {
	name, src string
	premapped bool
}{
	{"records", `records(900)`, true},
	{"referred to after the array", `(() => {
		const a = records(900);
		return {a, first: a[0], late: a[899].pos, tags: [a[450].tags, a[451].tags], again: a};
	})()`, true},
	{"an array after another", `(() => {
		const x = records(600), y = records(600);
		y[590].x = x[3]; // shared with the first array: y's parts clash
		return [x, y, x[599]];
	})()`, true},
	{"shared between parts", `(() => {
		const a = records(900), s = {s: 1};
		a[1].s = s; a[880].s = s;
		return a;
	})()`, false},
	{"shared with what came before", `(() => {
		const a = records(900), s = {s: 1};
		return {before: s, a: (a[700].s = s, a)};
	})()`, false},
	{"an element twice", `(() => {
		const a = records(900);
		a[800] = a[5];
		return a;
	})()`, false},
	{"an element that is not whole", `(() => {
		const a = records(900);
		Object.defineProperty(a[300], "g", {enumerable: true, get() { return 1; }});
		return a;
	})()`, false},
}

// TestPremapMatchesSequential: with premap taking the parts, or finding
// it cannot, the snapshot restores to what the sequential walk gives.
func TestPremapMatchesSequential(t *testing.T) {
	for _, c := range premapCases {
		t.Run(c.name, func(t *testing.T) {
			for _, procs := range snapshotProcs()[1:] {
				src := newRuntime(t)
				run(t, src, recordsJS)
				v := run(t, src, c.src)
				before := parallelStats.premapped.Load()
				var s *Snapshot
				var err error
				withParallelism(t, procs, func() { s, err = SnapshotValue(src, v, "v", nil) })
				if err != nil {
					t.Fatalf("procs %d: %v", procs, err)
				}
				if premapped := parallelStats.premapped.Load() > before; premapped != c.premapped {
					t.Errorf("procs %d: premapped %v, want %v", procs, premapped, c.premapped)
				}
				if d := diffSequential(t, src, v, s); d != "" {
					t.Errorf("procs %d: %s", procs, d)
				}
			}
		})
	}
}

// TestPremapPanic: a Go panic on a helper in either step of premap leaves
// the walk as if premap had not run (step 1: the memo is emptied of what
// it entered; step 2: the parts are not used at all).
func TestPremapPanic(t *testing.T) {
	for _, step := range []int{1, 2} {
		withParallelism(t, 2, func() {
			premapFault = func(s int) {
				if s == step {
					panic("injected")
				}
			}
			defer func() { premapFault = nil }()
			src := newRuntime(t)
			run(t, src, recordsJS)
			v := run(t, src, `(() => { const a = records(900); return {a, again: a[600], b: [a[1], a[899]]}; })()`)
			taken := parallelStats.taken.Load()
			s, err := SnapshotValue(src, v, "v", nil)
			if err != nil {
				t.Fatal(err)
			}
			if step == 2 && parallelStats.taken.Load() != taken {
				t.Errorf("step 2: elements taken from parts half renumbered")
			}
			if d := diffSequential(t, src, v, s); d != "" {
				t.Errorf("step %d: %s", step, d)
			}
		})
	}
}

// TestInsertAllConcurrent enters disjoint object lists from goroutines at
// once, then one that clashes, and checks the table against what was
// entered (the race detector checks the rest).
func TestInsertAllConcurrent(t *testing.T) {
	rt := goja.New()
	objs := make([]*goja.Object, 6000)
	for i := range objs {
		objs[i] = rt.NewObject()
	}
	var tab objTable
	tab.reserve(len(objs))
	ps := &parallelScan{parts: []scanPart{
		{objs: objs[:2000], base: 0}, {objs: objs[2000:4000], base: 2048}, {objs: objs[4000:], base: 4096},
	}}
	if !ps.onEach(1, func(part *scanPart) { tab.insertAll(part) }) {
		t.Fatal("a goroutine panicked")
	}
	for p, part := range ps.parts {
		if part.clash || part.inserted != len(part.objs) {
			t.Fatalf("part %d: clash %v, inserted %d of %d", p, part.clash, part.inserted, len(part.objs))
		}
		tab.n += part.inserted
		for k, o := range part.objs {
			if idx, ok := tab.get(o); !ok || idx != part.base+int32(k) {
				t.Fatalf("part %d, object %d: %d, %v", p, k, idx, ok)
			}
		}
	}
	again := &scanPart{objs: []*goja.Object{rt.NewObject(), objs[4500]}, base: 9000}
	tab.insertAll(again)
	if !again.clash || again.inserted != 1 {
		t.Errorf("clash %v after %d entered; want a clash after 1", again.clash, again.inserted)
	}
}

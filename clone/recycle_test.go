package clone

import (
	"fmt"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/race"
)

// TestRecycledSnapshotsDoNotAlias clones values of changing shapes one
// after the other with RestoreOnce, so that each snapshot is made in the
// chunks (and each walk and restore with the scratch) the ones before it
// gave back, and then checks every restored value against a restore of a
// snapshot that was never recycled. A restored value sharing memory with
// its snapshot, or a snapshot built on chunks not cleared, would come out
// different.
func TestRecycledSnapshotsDoNotAlias(t *testing.T) {
	t.Parallel()
	src := newRuntime(t)
	run(t, src, recordsJS)
	// Shapes differ from round to round (keys, counts, kinds), and every
	// other round shares objects across the array. Big enough for full
	// chunks; smaller under the race detector, which makes goja several
	// times slower.
	rounds, base := 6, 1200
	if race.Enabled {
		rounds, base = 4, 600
	}
	if err := src.Set("base", base); err != nil {
		t.Fatal(err)
	}
	run(t, src, `function shaped(round) {
		const shared = {round};
		return records(base + 100 * round).map((r, i) => {
			if (round % 2 === 1 && i % 97 === 0) r.shared = shared;
			if (round % 3 === 0) { r["k" + round] = "r" + round; delete r.tags; }
			if (round % 3 === 1) r.list = [i, "s" + i, {deep: [round]}];
			// Nodes with no children, no keys or a kind's extra data, made
			// where earlier rounds left nodes that had them.
			if (round % 2 === 0) { r.pos = {}; r.none = []; }
			else { r["\ud800" + round] = new Date(i); }
			return r;
		});
	}`)
	shaped, ok := goja.AssertFunction(src.Get("shaped"))
	if !ok {
		t.Fatal("shaped is not a function")
	}
	dst := newRuntime(t)
	var got, want []goja.Value
	for round := range rounds {
		v, err := shaped(goja.Undefined(), src.ToValue(round))
		if err != nil {
			t.Fatal(err)
		}
		ref, err := SnapshotValue(src, v, "v", nil)
		if err != nil {
			t.Fatal(err)
		}
		s, err := SnapshotValue(src, v, "v", nil)
		if err != nil {
			t.Fatal(err)
		}
		vals, err := s.RestoreOnce(dst, nil)
		if err != nil {
			t.Fatal(err)
		}
		if s.Len() != 1 || s.Size() != 0 {
			t.Errorf("after RestoreOnce: Len %d, Size %d; want 1, 0", s.Len(), s.Size())
		}
		if _, err := s.RestoreValue(dst, nil); err == nil {
			t.Error("a recycled snapshot restored again")
		}
		r, err := ref.RestoreValue(dst, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, want = append(got, vals[0]), append(want, r)
	}
	for round := range got {
		if d := diff(t, dst, want[round], got[round]); d != "" {
			t.Errorf("round %d: %s", round, d)
		}
	}
}

// TestMemoSizes: walks that need a big memo, then smaller and bigger ones
// (the walker and its memo are pooled), each finding every object it met
// (shared references come out shared).
func TestMemoSizes(t *testing.T) {
	t.Parallel()
	src := newRuntime(t)
	dst := newRuntime(t)
	for _, n := range []int{5000, 300, 9000, 5000, 20} {
		v := run(t, src, fmt.Sprintf(`(() => {
			const objs = Array.from({length: %d}, (_, i) => ({i}));
			return {objs, again: objs.filter((_, i) => i %% 7 === 0)};
		})()`, n))
		got, err := restoreOf(t, dst, src, v)
		if err != nil {
			t.Fatal(err)
		}
		if err := dst.Set("got", got); err != nil {
			t.Fatal(err)
		}
		if res := run(t, dst, `got.again.every(o => got.objs[o.i] === o) && got.objs.length`); res.ToInteger() != int64(n) {
			t.Errorf("n %d: shared references lost (%v)", n, res)
		}
	}
}

// TestRecycleClears checks that what RestoreOnce gives back holds nothing:
// a pooled chunk must not keep a runtime's values alive, nor show them to
// the snapshot that gets it next. It does not run in parallel: another
// test could take the chunks from the pool before they are checked.
func TestRecycleClears(t *testing.T) {
	src := newRuntime(t)
	run(t, src, recordsJS)
	s, err := SnapshotValue(src, run(t, src, `records(1500)`), "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	nodes := append([][]node(nil), s.chunks...)
	var slots []*[slotChunk]slot
	if s.pooled != nil {
		slots = append(slots, s.pooled.slots...)
	}
	full := 0
	for _, c := range nodes {
		if len(c) == nodeChunk {
			full++
		}
	}
	if full == 0 || len(slots) == 0 {
		t.Fatalf("%d full node chunks, %d slot chunks: the value is too small to test recycling", full, len(slots))
	}
	if _, err := s.RestoreOnce(newRuntime(t), nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range nodes {
		for i := range c {
			if len(c) == nodeChunk && (c[i].slots != nil || c[i].keys != nil || c[i].extra != nil || c[i].kind != 0) {
				t.Fatalf("node %d of a recycled chunk not cleared", i)
			}
		}
	}
	for _, c := range slots {
		for i := range c {
			if c[i] != (slot{}) {
				t.Fatalf("slot %d of a recycled chunk not cleared", i)
			}
		}
	}
}

// restoreOf restores into dst a snapshot of v, a value of src.
func restoreOf(t *testing.T, dst, src *goja.Runtime, v goja.Value) (goja.Value, error) {
	t.Helper()
	s, err := SnapshotValue(src, v, "v", nil)
	if err != nil {
		return nil, err
	}
	return s.RestoreValue(dst, nil)
}

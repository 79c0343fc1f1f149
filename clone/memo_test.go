package clone

import (
	"math/rand/v2"
	"testing"

	"github.com/dop251/goja"
)

// TestObjTable checks the memo table against a Go map through random
// puts, lookups, reserves and removes (removal shifts entries back, the
// delicate part).
func TestObjTable(t *testing.T) {
	rt := goja.New()
	objs := make([]*goja.Object, 3000)
	for i := range objs {
		objs[i] = rt.NewObject()
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var tab objTable
	ref := map[*goja.Object]int32{}
	for step := range 200_000 {
		o := objs[rng.IntN(len(objs))]
		_, in := ref[o]
		switch op := rng.IntN(10); {
		case op < 5 && !in:
			tab.put(o, int32(step))
			ref[o] = int32(step)
		case op < 8 && in:
			tab.remove(o)
			delete(ref, o)
		case op == 8:
			tab.reserve(rng.IntN(500))
		}
		idx, ok := tab.get(o)
		want, wantOK := ref[o]
		if ok != wantOK || idx != want {
			t.Fatalf("step %d: get = %d, %v; want %d, %v", step, idx, ok, want, wantOK)
		}
		if tab.n != len(ref) {
			t.Fatalf("step %d: n = %d, want %d", step, tab.n, len(ref))
		}
	}
	for o, want := range ref {
		if idx, ok := tab.get(o); !ok || idx != want {
			t.Fatalf("final: get = %d, %v; want %d", idx, ok, want)
		}
	}
}

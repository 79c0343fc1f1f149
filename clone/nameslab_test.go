package clone

import (
	"testing"

	"github.com/dop251/goja/unistring"
)

// Key lists cut from one block must never share memory: growing one,
// in place up to its capacity and then beyond, leaves its neighbours as
// they were.
func TestNameSlabCutsApart(t *testing.T) {
	var s nameSlab
	var lists [][]unistring.String
	for i := range 40 {
		l := s.cut(3)
		if cap(l) != 3 || len(l) != 0 {
			t.Fatalf("cut(3) = len %d cap %d", len(l), cap(l))
		}
		l = append(l, "a", unistring.String(rune('A'+i%26)))
		lists = append(lists, l)
	}
	for i := range lists {
		lists[i] = append(lists[i], "spare", "beyond")
	}
	for i, l := range lists {
		if len(l) != 4 || l[0] != "a" || l[1] != unistring.String(rune('A'+i%26)) || l[2] != "spare" || l[3] != "beyond" {
			t.Fatalf("list %d = %v", i, l)
		}
	}
}

// Restored objects filled from one slab keep their own keys when a script
// adds, deletes and re-adds properties of one of them.
func TestRestoredKeyListsIndependent(t *testing.T) {
	b, got, err := roundTrip(t, `Array.from({length: 600}, (_, i) => ({a: i, b: [i], c: {d: i}}))`, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Set("v", got); err != nil {
		t.Fatal(err)
	}
	res := run(t, b, `(() => {
		for (let i = 0; i < v.length; i += 2) { v[i].x = 1; v[i].y = 2; delete v[i].a; v[i].a = 0; v[i].c.e = 1 }
		for (let i = 0; i < v.length; i++) {
			const want = i % 2 ? "a,b,c" : "b,c,x,y,a", got = Object.keys(v[i]).join();
			if (got !== want) return "object " + i + ": " + got;
			const inner = Object.keys(v[i].c).join();
			if (inner !== (i % 2 ? "d" : "d,e")) return "object " + i + ".c: " + inner;
		}
		return "ok";
	})()`)
	if res.String() != "ok" {
		t.Fatal(res)
	}
}

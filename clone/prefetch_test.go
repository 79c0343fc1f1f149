package clone

import (
	"strconv"
	"testing"

	"github.com/dop251/goja"
)

// findKids reads map groups directly: it must find exactly the object
// values a property read finds, in any slot.
func TestFindKids(t *testing.T) {
	loadImpl()
	rt := goja.New()
	v, err := rt.RunString(`[
		{a: 1, b: {x: 1}, c: "s", d: [1]},
		{p: 1, q: 2},
		(() => { const o = {}; for (let i = 0; i < 8; i++) o["k" + i] = i % 3 ? i : {i}; return o })(),
		(() => { const o = {a: {}, b: {}, c: 1}; delete o.a; return o })(),
		[1, {}, "x", [], {}, {}, {}, {}],
		{a: {}, b: {}, c: {}, d: {}, e: {}, f: {}},
		(() => { const o = {}; for (let i = 0; i < 12; i++) o["k" + i] = {}; return o })(),
	]`)
	if err != nil {
		t.Fatal(err)
	}
	arr := v.(*goja.Object)
	for i := range arr.Get("length").ToInteger() {
		o := arr.Get(strconv.Itoa(int(i))).(*goja.Object)
		values := map[*goja.Object]bool{}
		for _, k := range o.Keys() {
			if c, isObj := o.Get(k).(*goja.Object); isObj {
				values[c] = true
			}
		}
		want := min(len(values), maxKids)
		if o.ClassName() == "Object" && len(o.Keys()) > groupSlots {
			want = 0 // a directory of groups: not read
		}
		var kids [maxKids]*goja.Object
		findKids(o, &kids)
		got := map[*goja.Object]bool{}
		for _, c := range kids {
			if c != nil {
				got[c] = true
			}
		}
		if len(got) != want {
			t.Errorf("element %d: found %d objects, want %d", i, len(got), want)
		}
		for c := range got {
			if !values[c] {
				t.Errorf("element %d: found an object that is not a value of it", i)
			}
		}
	}
}

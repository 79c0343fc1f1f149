package clone

import (
	"strconv"
	"testing"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
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
		(() => { const o = {}; for (let i = 0; i < 12; i++) o["k" + i] = {}; for (let i = 0; i < 8; i++) delete o["k" + i]; return o })(),
		{},
		Object.assign(Object.create(null), {a: {}, b: 1}),
		[],
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
		if o.ClassName() == "Object" && smallGroup(propMap(selfData(o))) == nil {
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

// smallGroup must answer only for a map of one group: not for an empty map
// (no group yet), nor for one that has grown a directory, even after
// deletes bring it back to a few entries.
func TestSmallGroup(t *testing.T) {
	loadImpl()
	rt := goja.New()
	cases := []struct {
		src   string
		group bool
	}{
		{`({})`, false},
		{`({a: 1})`, true},
		{`({a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8})`, true},
		{`(() => { const o = {}; for (let i = 0; i < 9; i++) o["k" + i] = i; return o })()`, false},
		{`(() => { const o = {}; for (let i = 0; i < 9; i++) o["k" + i] = i; for (let i = 0; i < 7; i++) delete o["k" + i]; return o })()`, false},
		{`(() => { const o = {a: 1}; delete o.a; return o })()`, true},
	}
	for _, c := range cases {
		o := run(t, rt, c.src).(*goja.Object)
		g := smallGroup(propMap(selfData(o)))
		if (g != nil) != c.group {
			t.Errorf("%s: group %v, want %v", c.src, g != nil, c.group)
		}
		if g == nil {
			continue
		}
		for _, k := range o.Keys() {
			if got, want := groupGet(g, unistring.NewFromString(k)), o.Get(k); !got.SameAs(want) {
				t.Errorf("%s: groupGet(%q) = %v, want %v", c.src, k, got, want)
			}
		}
		if groupGet(g, "absent") != nil {
			t.Errorf("%s: groupGet of an absent key found a value", c.src)
		}
	}
}

func selfData(o *goja.Object) unsafe.Pointer {
	_, p := readSelf(o)
	return p
}

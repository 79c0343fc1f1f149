package clone

// Learning goja's layout, and checking it, for the fast path.

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// learnLayout learns goja's layout from sample values of rt, then checks
// it against the public API. It returns nil, and why, if either fails.
func learnLayout(rt *goja.Runtime) (*layout, string) {
	l := &layout{}
	if !l.learnFields(rt) {
		return nil, "goja's object layout is not the one clone reads (a field was renamed or retyped)"
	}
	if !l.check(rt) {
		return nil, "goja's object layout failed clone's start-up checks"
	}
	return l, ""
}

func (l *layout) learnFields(rt *goja.Runtime) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	obj := rt.NewObject()
	arr := rt.NewArray(1)
	errV, err := rt.RunString(`new Error("x")`)
	if err != nil {
		return false
	}
	errObj := errV.(*goja.Object)

	base := implStruct(obj)
	if base == nil || base.Name() != "baseObject" {
		return false
	}
	mapType := reflect.TypeOf(map[unistring.String]goja.Value(nil))
	namesType := reflect.TypeOf([]unistring.String(nil))
	intType := reflect.TypeOf(0)
	boolType := reflect.TypeOf(false)
	valueType := reflect.TypeOf((*goja.Value)(nil)).Elem()
	var okFields bool
	if l.values, okFields = fieldOffset(base, "values", mapType); !okFields {
		return false
	}
	if l.namesOff, okFields = fieldOffset(base, "propNames", namesType); !okFields {
		return false
	}
	if l.sortedOff, okFields = fieldOffset(base, "lastSortedPropLen", intType); !okFields {
		return false
	}
	if f, found := base.FieldByName("symValues"); !found || f.Type.Kind() != reflect.Pointer || len(f.Index) != 1 {
		return false
	} else {
		l.symValues = f.Offset
	}
	// arrayObject and errorObject embed baseObject first.
	for _, o := range []*goja.Object{arr, errObj} {
		st := implStruct(o)
		if st == nil || st.NumField() == 0 {
			return false
		}
		if f := st.Field(0); !f.Anonymous || f.Type != base || f.Offset != 0 {
			return false
		}
	}
	if l.arrValues, okFields = fieldOffset(implStruct(arr), "values", reflect.TypeOf([]goja.Value(nil))); !okFields {
		return false
	}
	if l.arrLength, okFields = fieldOffset(implStruct(arr), "length", reflect.TypeOf(uint32(0))); !okFields {
		return false
	}
	if l.arrObjCount, okFields = fieldOffset(implStruct(arr), "objCount", intType); !okFields {
		return false
	}
	if l.stackOff, okFields = fieldOffset(implStruct(errObj), "stackPropAdded", boolType); !okFields {
		return false
	}
	if l.jobQueue, okFields = fieldOffset(reflect.TypeOf(goja.Runtime{}), "jobQueue", reflect.TypeOf([]func(){})); !okFields {
		return false
	}
	l.tabObject, l.tabArray, l.tabError = implType(obj), implType(arr), implType(errObj)
	if l.tabObject == l.tabArray || l.tabObject == l.tabError || l.tabArray == l.tabError {
		return false
	}
	// valueProperty, from an accessor.
	if err := obj.DefineAccessorProperty("g", rt.ToValue(func() {}), nil, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return false
	}
	_, p := l.selfWords(obj)
	v := l.propMap(p)["g"]
	vt := reflect.TypeOf(v)
	if vt == nil || vt.Kind() != reflect.Pointer || vt.Elem().Kind() != reflect.Struct || vt.Elem().Name() != "valueProperty" {
		return false
	}
	if l.vpValue, okFields = fieldOffset(vt.Elem(), "value", valueType); !okFields {
		return false
	}
	if l.vpAccessor, okFields = fieldOffset(vt.Elem(), "accessor", boolType); !okFields {
		return false
	}
	if l.vpEnumerable, okFields = fieldOffset(vt.Elem(), "enumerable", boolType); !okFields {
		return false
	}
	l.vpType = vt
	return true
}

// implStruct is the struct type o.self points to, nil if it is not a
// pointer to a struct.
func implStruct(o *goja.Object) reflect.Type {
	t := implType(o)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil
	}
	return t.Elem()
}

func fieldOffset(st reflect.Type, name string, typ reflect.Type) (uintptr, bool) {
	f, ok := st.FieldByName(name)
	if !ok || f.Type != typ || len(f.Index) != 1 {
		return 0, false
	}
	return f.Offset, true
}

// check compares what the fast readers see with the public API on
// samples covering what they must get right.
func (l *layout) check(rt *goja.Runtime) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	v, err := rt.RunString(`[
		{b: 1, a: 2, "é": 3, "\ud800": 4},
		(() => { const o = {z: 1, 10: 2, 2: 3, y: 4}; Object.keys(o); return o })(),
		Object.defineProperties({a: 1}, {h: {value: 2, enumerable: false}, g: {get() { return 3 }, enumerable: true}, r: {value: 4, enumerable: true, writable: false}}),
		Object.freeze({f: 1, g: [2]}),
		(() => { const a = [1, , 3]; a.x = 4; Object.defineProperty(a, 0, {value: 5, enumerable: false}); return a })(),
	]`)
	if err != nil {
		return false
	}
	samples := v.(*goja.Object)
	for i := 0; i < 5; i++ {
		o := samples.Get(string(rune('0' + i))).(*goja.Object)
		want := o.Keys()
		tab, p := l.selfWords(o)
		var got []string
		var lossy map[int32]rawKey
		if tab == l.tabArray {
			for ix, e := range l.arrayValues(p) {
				if e == nil {
					continue
				}
				if l.isProp(e) {
					if _, _, enum := l.propFields(e); !enum {
						continue
					}
				}
				got = append(got, strconv.Itoa(ix))
			}
		} else if tab != l.tabObject {
			return false
		}
		got, ok := l.namedKeys(p, got, 0, &lossy, nil)
		if !ok || strings.Join(got, ",") != strings.Join(want, ",") {
			return false
		}
		if i == 0 && (len(lossy) != 1 || lossy[3].real.String() != want[3]) {
			return false
		}
		if i == 4 {
			// arrays: element values, holes, length
			vals := l.arrayValues(p)
			if len(vals) != 3 || vals[1] != nil || !vals[2].SameAs(o.Get("2")) || !l.isProp(vals[0]) || l.arrayLength(p) != 3 || l.onlyLength(p) {
				return false
			}
			a := rt.NewArray(1, 2)
			if _, p := l.selfWords(a); !l.onlyLength(p) || l.arrayLength(p) != 2 {
				return false
			}
			if err := a.Set("length", 5); err != nil {
				return false
			}
			if _, p := l.selfWords(a); l.arrayLength(p) != 5 || len(l.arrayValues(p)) != 2 || a.Keys()[1] != "1" || len(a.Keys()) != 2 {
				return false
			}
			continue
		}
		for _, k := range want {
			pv := l.propMap(p)[unistring.NewFromString(k)]
			if k == "\ufffd" {
				continue
			}
			if l.isProp(pv) {
				val, accessor, _ := l.propFields(pv)
				if accessor != (k == "g" && i == 2) || !accessor && !val.SameAs(o.Get(k)) {
					return false
				}
			} else if pv == nil || !pv.SameAs(o.Get(k)) {
				return false
			}
		}
	}
	// An object whose integer keys goja has not sorted yet is refused.
	o, err := rt.RunString(`({b: 1, 1: 2})`)
	if err != nil {
		return false
	}
	_, p := l.selfWords(o.(*goja.Object))
	var lossy map[int32]rawKey
	if _, ok := l.namedKeys(p, nil, 0, &lossy, nil); ok {
		return false
	}
	// Errors: message and cause are own data properties, stack is added
	// lazily.
	ev, err := rt.RunString(`new Error("m", {cause: 7})`)
	if err != nil {
		return false
	}
	e := ev.(*goja.Object)
	if tab, _ := l.selfWords(e); tab != l.tabError {
		return false
	}
	_, p = l.selfWords(e)
	if m, ok := l.ownDataFast(p, "message"); !ok || m.String() != "m" {
		return false
	}
	if c, ok := l.ownDataFast(p, "cause"); !ok || c.ToInteger() != 7 {
		return false
	}
	if _, ok := l.ownDataFast(p, "stack"); ok || l.stackAdded(p) {
		return false
	}
	stack := e.Get("stack")
	if s, ok := l.ownDataFast(p, "stack"); !ok || !l.stackAdded(p) || !s.SameAs(stack) {
		return false
	}
	// The job queue: a getter run by Get from Go queues a job without
	// running it; running JS from Go runs it.
	if !l.noPendingJobs(rt) {
		return false
	}
	q, err := rt.RunString(`({get g() { Promise.resolve().then(() => {}) }})`)
	if err != nil || !l.noPendingJobs(rt) {
		return false
	}
	if q.(*goja.Object).Get("g"); l.noPendingJobs(rt) {
		return false
	}
	if _, err := rt.RunString(``); err != nil || !l.noPendingJobs(rt) {
		return false
	}
	// Own symbols: none on a fresh object; Attach makes some.
	sym := rt.NewObject()
	_, p = l.selfWords(sym)
	if l.hasOwnSymbols(p) {
		return false
	}
	Attach(rt, sym, 1)
	if !l.hasOwnSymbols(p) {
		return false
	}
	// arrayOf: the array must behave as one NewArray made.
	if err := rt.Set("__a", l.arrayOf(rt, []goja.Value{rt.ToValue(1), rt.ToValue("x"), rt.NewObject()})); err != nil {
		return false
	}
	res, err := rt.RunString(`(() => {
		const a = __a, out = [];
		out.push(Array.isArray(a), a.length, JSON.stringify(a), Object.keys(a).join(), 1 in a, 3 in a);
		a.push(4); a[6] = 7; out.push(a.length, JSON.stringify(a));
		a.length = 2; out.push(JSON.stringify(a), a.indexOf("x"));
		return out.join("|");
	})()`)
	if err != nil || res.String() != `true|3|[1,"x",{}]|0,1,2|true|false|7|[1,"x",{},4,null,null,7]|[1,"x"]|1` {
		return false
	}
	// fillFresh: the object must behave as if its properties had been
	// defined with DefineDataProperty.
	f := rt.NewObject()
	_, p = l.selfWords(f)
	inner := rt.NewObject()
	if !l.fillFresh(p, []string{"b", "10", "skip", "__proto__", "é", "2", "a"},
		[]goja.Value{rt.ToValue(1), rt.ToValue("x"), nil, inner, rt.ToValue(2.5), goja.Null(), goja.Undefined()}) {
		return false
	}
	if l.fillFresh(p, []string{"c"}, []goja.Value{rt.ToValue(3)}) {
		return false // not fresh any more
	}
	if err := rt.Set("__f", f); err != nil {
		return false
	}
	res, err = rt.RunString(`(() => {
		const f = __f, out = [];
		out.push(Object.keys(f).join());
		out.push(JSON.stringify(Object.entries(f)));
		out.push(Object.getPrototypeOf(f) === Object.prototype, typeof f.__proto__, f.hasOwnProperty("__proto__"));
		const d = Object.getOwnPropertyDescriptor(f, "b");
		out.push(d.writable, d.enumerable, d.configurable);
		f.c = 3; delete f.b; f[1] = 4;
		out.push(Object.keys(f).join(), "skip" in f);
		return out.join("|");
	})()`)
	if err != nil {
		return false
	}
	want := `2,10,b,__proto__,é,a|[["2",null],["10","x"],["b",1],["__proto__",{}],["é",2.5],["a",null]]|true|object|true|true|true|true|1,2,10,__proto__,é,a,c|false`
	if res.String() != want {
		return false
	}
	return true
}

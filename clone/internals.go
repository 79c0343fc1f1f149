package clone

import (
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// Reading goja's representation directly.
//
// goja's public API pays dearly for what a clone does most: Object.Keys
// allocates a closure, a string value and a Go string per key (more than
// half of the time of a snapshot of JSON-like data went there), an array's
// elements are listed as decimal strings and parsed back by Get, the own
// data properties of an Error can only be read through
// Object.getOwnPropertyDescriptor, a JS call (with, from plain Go, a JS
// invoker compiled for it in every runtime: ~100 µs for one thrown Error),
// and DefineDataProperty costs an exception frame, a descriptor and an
// allocation per property.
//
// So for the three representations that make up nearly all cloned data
// (plain objects, arrays, Errors), the clone uses goja's own fields:
//
//   - Snapshot reads baseObject's property map and ordered names,
//     arrayObject's elements and length, errorObject's stack flag and the
//     attributes of a valueProperty. It reads plain data values there and
//     nothing else: accessors are still read with Get (so getters run
//     exactly as before), and what it cannot settle alone (integer-like
//     keys goja has not sorted yet) goes to the public path.
//   - Restore fills a plain object fresh from NewObject by storing its
//     properties the way goja's own definition of a new data property does
//     (see fillFresh).
//   - The invoker (see realm.getInvoker) reads whether the runtime's
//     promise job queue is empty.
//
// All on the runtime's goroutine, where goja itself would touch them.
//
// The layout is learned with reflect from sample values, by field name and
// exact field type, and then checked against the public API on samples
// (key lists, values, attributes, the objects fillFresh makes). If anything
// differs (a goja upgrade that renamed or retyped a field), gi.ok stays
// false and every object takes the public path: slower, never wrong.
// TestInternalsLearned fails loudly in that case, so the slowdown cannot go
// unnoticed, and TestPublicPath runs the main tests on the public path.
var gi struct {
	ok      bool
	selfOff uintptr // goja.Object.self, an objectImpl interface
	// itab words of goja.Object.self for the representations read here:
	// *baseObject, *arrayObject and *errorObject. Comparing them classifies
	// an object with one load.
	tabObject, tabArray, tabError unsafe.Pointer
	// baseObject (first field of arrayObject and errorObject, at offset 0)
	values, propNames, lastSorted, symValues uintptr
	arrValues, arrLength, arrObjCount        uintptr // arrayObject.values, .length, .objCount
	stackAdded                               uintptr // errorObject.stackPropAdded
	// Runtime.jobQueue, the promise jobs waiting to run
	jobQueue uintptr
	// valueProperty, the boxed form of accessors and of data properties
	// whose attributes are not all true
	vpType                            reflect.Type
	vpValue, vpAccessor, vpEnumerable uintptr
}

// selfWords returns the two words of o.self: the itab (which identifies the
// representation) and the pointer to it; nil, nil when the layout is
// unknown, which matches no representation.
func selfWords(o *goja.Object) (tab, data unsafe.Pointer) {
	if !gi.ok {
		return nil, nil
	}
	return readSelf(o)
}

func readSelf(o *goja.Object) (tab, data unsafe.Pointer) {
	w := (*[2]unsafe.Pointer)(unsafe.Add(unsafe.Pointer(o), gi.selfOff))
	return w[0], w[1]
}

func propMap(p unsafe.Pointer) map[unistring.String]goja.Value {
	return *(*map[unistring.String]goja.Value)(unsafe.Add(p, gi.values))
}

func propNames(p unsafe.Pointer) []unistring.String {
	return *(*[]unistring.String)(unsafe.Add(p, gi.propNames))
}

func lastSorted(p unsafe.Pointer) int {
	return *(*int)(unsafe.Add(p, gi.lastSorted))
}

func arrayValues(p unsafe.Pointer) []goja.Value {
	return *(*[]goja.Value)(unsafe.Add(p, gi.arrValues))
}

// hasOwnSymbols reports whether the baseObject at p may have own
// symbol-keyed properties (goja keeps them in a table made on first use).
func hasOwnSymbols(p unsafe.Pointer) bool {
	return *(*unsafe.Pointer)(unsafe.Add(p, gi.symValues)) != nil
}

func arrayLength(p unsafe.Pointer) uint32 {
	return *(*uint32)(unsafe.Add(p, gi.arrLength))
}

// arrayOf returns a new array of rt holding vals, which it takes over (the
// caller must not use it again): what goja's own NewArray ends with
// (values, length, count of elements), without the []interface{} it takes
// and the conversion of each element back. vals must hold plain values
// only (no holes, no property boxes).
func arrayOf(rt *goja.Runtime, vals []goja.Value) *goja.Object {
	a := rt.NewArray()
	_, p := selfWords(a)
	*(*[]goja.Value)(unsafe.Add(p, gi.arrValues)) = vals
	*(*uint32)(unsafe.Add(p, gi.arrLength)) = uint32(len(vals))
	*(*int)(unsafe.Add(p, gi.arrObjCount)) = len(vals)
	return a
}

// onlyLength reports whether the arrayObject at p has no named property
// but its length (which goja keeps first, and is never enumerable).
func onlyLength(p unsafe.Pointer) bool {
	names := propNames(p)
	return len(names) == 1 && names[0] == "length"
}

// noPendingJobs reports whether rt's promise job queue is known to be
// empty (false when the layout is unknown).
func noPendingJobs(rt *goja.Runtime) bool {
	return gi.ok && len(*(*[]func())(unsafe.Add(unsafe.Pointer(rt), gi.jobQueue))) == 0
}

func stackAdded(p unsafe.Pointer) bool {
	return *(*bool)(unsafe.Add(p, gi.stackAdded))
}

// isProp reports whether a stored property value is a valueProperty rather
// than a plain value (an enumerable, writable, configurable data property).
func isProp(v goja.Value) bool {
	return reflect.TypeOf(v) == gi.vpType
}

// propFields reads a valueProperty (isProp(v) must hold).
func propFields(v goja.Value) (value goja.Value, accessor, enumerable bool) {
	p := (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]
	return *(*goja.Value)(unsafe.Add(p, gi.vpValue)), *(*bool)(unsafe.Add(p, gi.vpAccessor)), *(*bool)(unsafe.Add(p, gi.vpEnumerable))
}

// rawKey is a property key as goja stores it, kept next to the Go string
// when the Go string cannot carry it (lone surrogates).
type rawKey struct {
	real goja.String      // the key as a JS string
	raw  unistring.String // the key as goja stores it
}

// namedKeys appends to dst the own enumerable string keys of the baseObject
// at p, in the order Object.Keys lists them, and reports in lossy (by
// position in the result, offset by pos0) the keys a Go string cannot
// carry. ok is false when goja has not settled the order yet (integer-like
// keys added since it last sorted): Keys settles it. If vals is not nil,
// the stored property values (plain values or valueProperty boxes) are
// appended to it, parallel to the keys.
func namedKeys(p unsafe.Pointer, dst []string, pos0 int, lossy *map[int32]rawKey, vals *[]goja.Value) (_ []string, ok bool) {
	names := propNames(p)
	ls := lastSorted(p)
	m := propMap(p)
	for i, n := range names {
		if i >= ls && isIndexKey(n) {
			*lossy = nil
			if vals != nil {
				*vals = (*vals)[:0]
			}
			return dst, false
		}
		v := m[n]
		if v == nil {
			continue
		}
		if isProp(v) {
			if _, _, enum := propFields(v); !enum {
				continue
			}
		}
		if vals != nil {
			*vals = append(*vals, v)
		}
		if u := n.AsUtf16(); u != nil {
			s := n.String()
			if strings.Contains(s, "\uFFFD") {
				if *lossy == nil {
					*lossy = make(map[int32]rawKey)
				}
				(*lossy)[int32(pos0+len(dst))] = rawKey{real: normalizeString(goja.StringFromUTF16(u[1:])), raw: n}
			}
			dst = append(dst, s)
			continue
		}
		dst = append(dst, string(n))
	}
	return dst, true
}

// isIndexKey reports whether goja would sort n among the integer keys (a
// canonical array index). Non-ASCII keys never are.
func isIndexKey(n unistring.String) bool {
	if n == "" || n[0] < '0' || n[0] > '9' {
		return false
	}
	_, ok := arrayIndex(string(n))
	return ok
}

// ownDataFast reads o's own data property name from an errorObject,
// without running anything. ok is false when there is none (absent or an
// accessor).
func ownDataFast(p unsafe.Pointer, name unistring.String) (goja.Value, bool) {
	v := propMap(p)[name]
	if v == nil {
		return nil, false
	}
	if isProp(v) {
		val, accessor, _ := propFields(v)
		if accessor {
			return nil, false
		}
		if val == nil {
			val = goja.Undefined()
		}
		return val, true
	}
	return v, true
}

// fillFresh gives the plain object at p, fresh from Runtime.NewObject (no
// property yet), the properties keys[i]: vals[i] (nil: none), as
// enumerable, writable, configurable data properties, in order. ok is
// false, with nothing done, if the object is not fresh.
//
// This is exactly what goja does for each property when DefineDataProperty
// creates it (or Set, on an object whose prototype does not have the key):
// store the value in the property map and append the key to the ordered
// names. Done directly it costs half as much: no exception frame, no
// descriptor, one right-sized allocation for the names, and no special
// case for keys of Object.prototype (__proto__), since nothing is assigned.
// Keys are unique (they come from one object), and integer-like keys are
// sorted by goja when it first enumerates them, as for any object.
//
// The key list is cut from slab (nil: allocated alone).
func fillFresh(p unsafe.Pointer, keys []string, vals []goja.Value, slab *nameSlab) bool {
	m := propMap(p)
	namesPtr := (*[]unistring.String)(unsafe.Add(p, gi.propNames))
	if m == nil || len(m) != 0 || len(*namesPtr) != 0 {
		return false
	}
	// One spare: goja copies a full names slice before enumerating it.
	names := slab.cut(len(keys) + 1)
	for i, k := range keys {
		v := vals[i]
		if v == nil {
			continue
		}
		uk := unistring.NewFromString(k)
		m[uk] = v
		names = append(names, uk)
	}
	*namesPtr = names
	return true
}

// learnLayout fills gi from sample values of rt, then checks it against
// the public API; gi.ok says whether it can be used.
func learnLayout(rt *goja.Runtime) {
	if learnFields(rt) && checkLayout(rt) {
		gi.ok = true
		return
	}
	gi.ok = false
}

func learnFields(rt *goja.Runtime) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	self, found := reflect.TypeOf(goja.Object{}).FieldByName("self")
	if !found || self.Type.Kind() != reflect.Interface {
		return false
	}
	gi.selfOff = self.Offset
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
	if gi.values, okFields = fieldOffset(base, "values", mapType); !okFields {
		return false
	}
	if gi.propNames, okFields = fieldOffset(base, "propNames", namesType); !okFields {
		return false
	}
	if gi.lastSorted, okFields = fieldOffset(base, "lastSortedPropLen", intType); !okFields {
		return false
	}
	if f, found := base.FieldByName("symValues"); !found || f.Type.Kind() != reflect.Pointer || len(f.Index) != 1 {
		return false
	} else {
		gi.symValues = f.Offset
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
	if gi.arrValues, okFields = fieldOffset(implStruct(arr), "values", reflect.TypeOf([]goja.Value(nil))); !okFields {
		return false
	}
	if gi.arrLength, okFields = fieldOffset(implStruct(arr), "length", reflect.TypeOf(uint32(0))); !okFields {
		return false
	}
	if gi.arrObjCount, okFields = fieldOffset(implStruct(arr), "objCount", intType); !okFields {
		return false
	}
	if gi.stackAdded, okFields = fieldOffset(implStruct(errObj), "stackPropAdded", boolType); !okFields {
		return false
	}
	if gi.jobQueue, okFields = fieldOffset(reflect.TypeOf(goja.Runtime{}), "jobQueue", reflect.TypeOf([]func(){})); !okFields {
		return false
	}
	gi.tabObject, _ = readSelf(obj)
	gi.tabArray, _ = readSelf(arr)
	gi.tabError, _ = readSelf(errObj)
	if gi.tabObject == gi.tabArray || gi.tabObject == gi.tabError || gi.tabArray == gi.tabError {
		return false
	}
	// valueProperty, from an accessor.
	if err := obj.DefineAccessorProperty("g", rt.ToValue(func() {}), nil, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		return false
	}
	_, p := readSelf(obj)
	v := propMap(p)["g"]
	vt := reflect.TypeOf(v)
	if vt == nil || vt.Kind() != reflect.Pointer || vt.Elem().Kind() != reflect.Struct || vt.Elem().Name() != "valueProperty" {
		return false
	}
	if gi.vpValue, okFields = fieldOffset(vt.Elem(), "value", valueType); !okFields {
		return false
	}
	if gi.vpAccessor, okFields = fieldOffset(vt.Elem(), "accessor", boolType); !okFields {
		return false
	}
	if gi.vpEnumerable, okFields = fieldOffset(vt.Elem(), "enumerable", boolType); !okFields {
		return false
	}
	gi.vpType = vt
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

// checkLayout compares what the fast readers see with the public API on
// samples covering what they must get right.
func checkLayout(rt *goja.Runtime) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	gi.ok = true // the readers below check it
	defer func() { gi.ok = false }()
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
		tab, p := selfWords(o)
		var got []string
		var lossy map[int32]rawKey
		if tab == gi.tabArray {
			for ix, e := range arrayValues(p) {
				if e == nil {
					continue
				}
				if isProp(e) {
					if _, _, enum := propFields(e); !enum {
						continue
					}
				}
				got = append(got, strconv.Itoa(ix))
			}
		} else if tab != gi.tabObject {
			return false
		}
		got, ok := namedKeys(p, got, 0, &lossy, nil)
		if !ok || strings.Join(got, ",") != strings.Join(want, ",") {
			return false
		}
		if i == 0 && (len(lossy) != 1 || lossy[3].real.String() != want[3]) {
			return false
		}
		if i == 4 {
			// arrays: element values, holes, length
			vals := arrayValues(p)
			if len(vals) != 3 || vals[1] != nil || !vals[2].SameAs(o.Get("2")) || !isProp(vals[0]) || arrayLength(p) != 3 || onlyLength(p) {
				return false
			}
			a := rt.NewArray(1, 2)
			if _, p := selfWords(a); !onlyLength(p) || arrayLength(p) != 2 {
				return false
			}
			if err := a.Set("length", 5); err != nil {
				return false
			}
			if _, p := selfWords(a); arrayLength(p) != 5 || len(arrayValues(p)) != 2 || a.Keys()[1] != "1" || len(a.Keys()) != 2 {
				return false
			}
			continue
		}
		for _, k := range want {
			pv := propMap(p)[unistring.NewFromString(k)]
			if k == "\ufffd" {
				continue
			}
			if isProp(pv) {
				val, accessor, _ := propFields(pv)
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
	_, p := selfWords(o.(*goja.Object))
	var lossy map[int32]rawKey
	if _, ok := namedKeys(p, nil, 0, &lossy, nil); ok {
		return false
	}
	// Errors: message and cause are own data properties, stack is added
	// lazily.
	ev, err := rt.RunString(`new Error("m", {cause: 7})`)
	if err != nil {
		return false
	}
	e := ev.(*goja.Object)
	if tab, _ := selfWords(e); tab != gi.tabError {
		return false
	}
	_, p = selfWords(e)
	if m, ok := ownDataFast(p, "message"); !ok || m.String() != "m" {
		return false
	}
	if c, ok := ownDataFast(p, "cause"); !ok || c.ToInteger() != 7 {
		return false
	}
	if _, ok := ownDataFast(p, "stack"); ok || stackAdded(p) {
		return false
	}
	stack := e.Get("stack")
	if s, ok := ownDataFast(p, "stack"); !ok || !stackAdded(p) || !s.SameAs(stack) {
		return false
	}
	// The job queue: a getter run by Get from Go queues a job without
	// running it; running JS from Go runs it.
	if !noPendingJobs(rt) {
		return false
	}
	q, err := rt.RunString(`({get g() { Promise.resolve().then(() => {}) }})`)
	if err != nil || !noPendingJobs(rt) {
		return false
	}
	if q.(*goja.Object).Get("g"); noPendingJobs(rt) {
		return false
	}
	if _, err := rt.RunString(``); err != nil || !noPendingJobs(rt) {
		return false
	}
	// Own symbols: none on a fresh object; Attach makes some.
	sym := rt.NewObject()
	_, p = selfWords(sym)
	if hasOwnSymbols(p) {
		return false
	}
	Attach(rt, sym, 1)
	if !hasOwnSymbols(p) {
		return false
	}
	// arrayOf: the array must behave as one NewArray made.
	if err := rt.Set("__a", arrayOf(rt, []goja.Value{rt.ToValue(1), rt.ToValue("x"), rt.NewObject()})); err != nil {
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
	_, p = selfWords(f)
	inner := rt.NewObject()
	if !fillFresh(p, []string{"b", "10", "skip", "__proto__", "é", "2", "a"},
		[]goja.Value{rt.ToValue(1), rt.ToValue("x"), nil, inner, rt.ToValue(2.5), goja.Null(), goja.Undefined()}, nil) {
		return false
	}
	if fillFresh(p, []string{"c"}, []goja.Value{rt.ToValue(3)}, nil) {
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

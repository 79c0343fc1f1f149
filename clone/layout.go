package clone

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// The fast path: reading goja's representation directly.
//
// goja's public API pays dearly for what a clone does most: Object.Keys
// allocates a closure, a string value and a Go string per key, an array's
// elements are listed as decimal strings and parsed back by Get, the own
// data properties of an Error can only be read through
// Object.getOwnPropertyDescriptor (a JS call), and DefineDataProperty
// costs an exception frame, a descriptor and an allocation per property.
// So for the three representations that make up nearly all cloned data
// (plain objects, arrays, Errors), the fast path uses goja's own fields:
//
//   - Snapshot reads baseObject's property map and ordered names,
//     arrayObject's elements and length, errorObject's stack flag and the
//     attributes of a valueProperty. It reads plain data values there and
//     nothing else: accessors are still read with Get (so getters run
//     exactly as before), and what it cannot settle alone (integer-like
//     keys goja has not sorted yet) goes to the public path.
//   - Restore fills a plain object fresh from NewObject by storing its
//     properties the way goja's own definition of a new data property does
//     (see fillFresh), and makes a dense array from its element slice
//     (arrayOf).
//   - The invoker (see realm.getInvoker) reads whether the runtime's
//     promise job queue is empty.
//
// All on the runtime's goroutine, where goja itself would touch them.
//
// The layout is learned with reflect from sample values, by field name and
// exact field type, and then checked against the public API on samples
// (key lists, values, attributes, the objects fillFresh and arrayOf make).
// It is used only for a goja version listed in fastpath.go as verified;
// see FastPath.

// layout is what the fast path knows of goja's representation. A nil
// *layout is the public path: its readers report nothing.
type layout struct {
	// The types behind goja.Object.self for the representations read
	// here: *baseObject, *arrayObject and *errorObject.
	tabObject, tabArray, tabError reflect.Type
	// baseObject (first field of arrayObject and errorObject, at offset 0)
	values, namesOff, sortedOff, symValues uintptr
	arrValues, arrLength, arrObjCount      uintptr // arrayObject.values, .length, .objCount
	stackOff                               uintptr // errorObject.stackPropAdded
	// Runtime.jobQueue, the promise jobs waiting to run
	jobQueue uintptr
	// valueProperty, the boxed form of accessors and of data properties
	// whose attributes are not all true
	vpType                            reflect.Type
	vpValue, vpAccessor, vpEnumerable uintptr
}

// selfWords returns o's representation (what goja.Object.self holds): its
// type, which tells the kinds apart, and the pointer to it; nil, nil on the
// public path, which matches no representation.
func (l *layout) selfWords(o *goja.Object) (tab reflect.Type, data unsafe.Pointer) {
	if l == nil {
		return nil, nil
	}
	v := reflect.ValueOf(o).Elem().Field(impl.selfField).Elem()
	return v.Type(), v.UnsafePointer()
}

func (l *layout) propMap(p unsafe.Pointer) map[unistring.String]goja.Value {
	return *(*map[unistring.String]goja.Value)(unsafe.Add(p, l.values))
}

func (l *layout) propNames(p unsafe.Pointer) []unistring.String {
	return *(*[]unistring.String)(unsafe.Add(p, l.namesOff))
}

func (l *layout) lastSorted(p unsafe.Pointer) int {
	return *(*int)(unsafe.Add(p, l.sortedOff))
}

func (l *layout) arrayValues(p unsafe.Pointer) []goja.Value {
	return *(*[]goja.Value)(unsafe.Add(p, l.arrValues))
}

// hasOwnSymbols reports whether the baseObject at p may have own
// symbol-keyed properties (goja keeps them in a table made on first use).
func (l *layout) hasOwnSymbols(p unsafe.Pointer) bool {
	return *(*unsafe.Pointer)(unsafe.Add(p, l.symValues)) != nil
}

func (l *layout) arrayLength(p unsafe.Pointer) uint32 {
	return *(*uint32)(unsafe.Add(p, l.arrLength))
}

// arrayOf returns a new array of rt holding vals, which it takes over (the
// caller must not use it again): what goja's own NewArray ends with
// (values, length, count of elements), without the []interface{} it takes
// and the conversion of each element back. vals must hold plain values
// only (no holes, no property boxes).
func (l *layout) arrayOf(rt *goja.Runtime, vals []goja.Value) *goja.Object {
	a := rt.NewArray()
	_, p := l.selfWords(a)
	*(*[]goja.Value)(unsafe.Add(p, l.arrValues)) = vals
	*(*uint32)(unsafe.Add(p, l.arrLength)) = uint32(len(vals))
	*(*int)(unsafe.Add(p, l.arrObjCount)) = len(vals)
	return a
}

// onlyLength reports whether the arrayObject at p has no named property
// but its length (which goja keeps first, and is never enumerable).
func (l *layout) onlyLength(p unsafe.Pointer) bool {
	names := l.propNames(p)
	return len(names) == 1 && names[0] == "length"
}

// noPendingJobs reports whether rt's promise job queue is known to be
// empty (false on the public path).
func (l *layout) noPendingJobs(rt *goja.Runtime) bool {
	return l != nil && len(*(*[]func())(unsafe.Add(unsafe.Pointer(rt), l.jobQueue))) == 0
}

func (l *layout) stackAdded(p unsafe.Pointer) bool {
	return *(*bool)(unsafe.Add(p, l.stackOff))
}

// isProp reports whether a stored property value is a valueProperty rather
// than a plain value (an enumerable, writable, configurable data property).
func (l *layout) isProp(v goja.Value) bool {
	return l != nil && reflect.TypeOf(v) == l.vpType
}

// propFields reads a valueProperty (l.isProp(v) must hold).
func (l *layout) propFields(v goja.Value) (value goja.Value, accessor, enumerable bool) {
	p := reflect.ValueOf(v).UnsafePointer()
	return *(*goja.Value)(unsafe.Add(p, l.vpValue)), *(*bool)(unsafe.Add(p, l.vpAccessor)), *(*bool)(unsafe.Add(p, l.vpEnumerable))
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
func (l *layout) namedKeys(p unsafe.Pointer, dst []string, pos0 int, lossy *map[int32]rawKey, vals *[]goja.Value) (_ []string, ok bool) {
	names := l.propNames(p)
	ls := l.lastSorted(p)
	m := l.propMap(p)
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
		if l.isProp(v) {
			if _, _, enum := l.propFields(v); !enum {
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
func (l *layout) ownDataFast(p unsafe.Pointer, name unistring.String) (goja.Value, bool) {
	v := l.propMap(p)[name]
	if v == nil {
		return nil, false
	}
	if l.isProp(v) {
		val, accessor, _ := l.propFields(v)
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
func (l *layout) fillFresh(p unsafe.Pointer, keys []string, vals []goja.Value) bool {
	m := l.propMap(p)
	namesPtr := (*[]unistring.String)(unsafe.Add(p, l.namesOff))
	if m == nil || len(m) != 0 || len(*namesPtr) != 0 {
		return false
	}
	// One spare: goja copies a full names slice before enumerating it.
	names := make([]unistring.String, 0, len(keys)+1)
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

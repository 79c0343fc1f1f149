package clone

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// class is what the walk does with an object, decided from goja's internal
// representation of it.
type class uint8

const (
	cOrdinary class = iota
	cArray
	cMap
	cSet
	cDate
	cRegExp
	cArrayBuffer
	cTypedArray
	cDataView
	cPrimitiveWrapper // Boolean, Number, BigInt (and Symbol) objects
	cStringWrapper
	cError
	cRefused
)

// implClass is the learned classification of one goja object representation.
type implClass struct {
	class class
	what  string // for cRefused: what the message calls it, e.g. "WeakMap"
}

// Structured clone has to tell a WeakMap, a DataView or an iterator from a
// plain object, and goja's public API cannot: they all export as
// map[string]interface{} with class "Object". What does tell them apart is
// the concrete type behind *goja.Object's unexported self field, which
// reflect can read (type only, without touching the value). Rather than
// hard-coding goja's type names, the table is learned from sample values in
// a scratch runtime, so it follows goja's representation, and a goja upgrade
// that merges two representations we must distinguish fails loudly (panic on
// first use, caught by the tests) instead of cloning wrongly. The checks the
// algorithm cannot afford to get wrong (Proxy, functions) use the public
// ExportType and do not depend on this table.
var impl struct {
	once      sync.Once
	selfField int
	table     map[reflect.Type]implClass
	// primitive value types that may be kept in a snapshot as they are
	prims    []reflect.Type
	imported reflect.Type // goja's lazily scanned string, see normalizeString

	// the most common primitives: numbers that fit an int, other numbers,
	// ASCII strings
	intType, floatType, asciiType reflect.Type

	// layout is what the fast path reads, nil for the public path; reason
	// says why (see FastPath).
	layout *layout
	reason string
	// err says this goja cannot be cloned from at all (see loadImpl).
	err error
}

// proxyType is what ExportType reports for every Proxy, revoked ones
// included, without running a trap: the cheap, public Proxy check.
var proxyType = reflect.TypeOf(goja.Proxy{})

var implSamples = []struct {
	src  string
	cls  class
	what string
}{
	{`({})`, cOrdinary, ""},
	{`Math`, cOrdinary, ""},
	{`globalThis`, cOrdinary, ""},
	{`[]`, cArray, ""},
	{`(() => { const a = []; a[1e9] = 1; return a })()`, cArray, ""},
	{`Array.prototype`, cArray, ""},
	{`new Map`, cMap, ""},
	{`new Set`, cSet, ""},
	{`new Date(0)`, cDate, ""},
	{`/x/`, cRegExp, ""},
	{`new ArrayBuffer(1)`, cArrayBuffer, ""},
	{`new Uint8Array(1)`, cTypedArray, ""},
	{`new Float64Array(1)`, cTypedArray, ""},
	{`new DataView(new ArrayBuffer(1))`, cDataView, ""},
	{`Object(1)`, cPrimitiveWrapper, ""},
	{`Object(true)`, cPrimitiveWrapper, ""},
	{`Object(1n)`, cPrimitiveWrapper, ""},
	{`new String("")`, cStringWrapper, ""},
	{`new Error`, cError, ""},
	{`new TypeError`, cError, ""},
	{`new WeakMap`, cRefused, "WeakMap"},
	{`new WeakSet`, cRefused, "WeakSet"},
	{`Promise.resolve()`, cRefused, "Promise"},
	{`(function* () {})()`, cRefused, "Generator"},
	{`[].values()`, cRefused, "Array Iterator"},
	{`new Map().entries()`, cRefused, "Map Iterator"},
	{`new Set().values()`, cRefused, "Set Iterator"},
	{`""[Symbol.iterator]()`, cRefused, "String Iterator"},
	{`"a".matchAll(/a/g)`, cRefused, "RegExp String Iterator"},
	{`(function () { return arguments })()`, cRefused, "Arguments"},
	// Only when this goja has them:
	{`typeof WeakRef === "function" ? new WeakRef({}) : null`, cRefused, "WeakRef"},
	{`typeof FinalizationRegistry === "function" ? new FinalizationRegistry(() => {}) : null`, cRefused, "FinalizationRegistry"},
}

var primSamples = []string{`1`, `1.5`, `-0`, `true`, `null`, `undefined`, `"a"`, `"é"`, `1n`}

// loadImpl learns, once, what the clone needs to know of goja: the kinds
// of objects and primitives, and the layout of the fast path.
func loadImpl() {
	impl.once.Do(func() {
		rt := goja.New()
		if err := learnKinds(rt); err != nil {
			// Every clone then fails with this (see snapshot): loudly,
			// and without a panic.
			impl.err = err
			impl.reason = err.Error()
			return
		}
		info, ok := debug.ReadBuildInfo()
		impl.layout, impl.reason = chooseLayout(rt, info, ok, safeBuild)
	})
}

// learnKinds fills impl's tables from sample values of rt.
func learnKinds(rt *goja.Runtime) error {
	f, ok := reflect.TypeOf(goja.Object{}).FieldByName("self")
	if !ok || f.Type.Kind() != reflect.Interface {
		return errors.New("unsupported goja version: *goja.Object has no self interface field")
	}
	impl.selfField = f.Index[0]
	impl.table = make(map[reflect.Type]implClass)
	for _, s := range implSamples {
		v, err := rt.RunString(s.src)
		if err != nil {
			return fmt.Errorf("unsupported goja version: sample %s: %w", s.src, err)
		}
		o, ok := v.(*goja.Object)
		if !ok {
			continue // not supported by this goja
		}
		t := implType(o)
		want := implClass{s.cls, s.what}
		if got, dup := impl.table[t]; dup && got != want {
			return fmt.Errorf("unsupported goja version: %s and another kind share representation %v", s.src, t)
		}
		impl.table[t] = want
	}
	for _, src := range primSamples {
		v, err := rt.RunString(src)
		if err != nil {
			return fmt.Errorf("unsupported goja version: sample %s: %w", src, err)
		}
		impl.prims = append(impl.prims, reflect.TypeOf(v))
	}
	impl.intType, impl.floatType, impl.asciiType = impl.prims[0], impl.prims[1], impl.prims[6]
	impl.imported = reflect.TypeOf(rt.ToValue(strings.Repeat("x", 32)))
	impl.prims = append(impl.prims, impl.imported)
	return nil
}

// implType is the concrete type of o's internal representation. Reading a
// type through an unexported field is allowed by reflect and allocates
// nothing.
func implType(o *goja.Object) reflect.Type {
	return reflect.ValueOf(o).Elem().Field(impl.selfField).Elem().Type()
}

// classify decides how to clone o, which is known not to be a Proxy, a host
// object or a function.
func classify(o *goja.Object) implClass {
	if c, ok := impl.table[implType(o)]; ok {
		return c
	}
	// Representations not in the table are Go values exposed with ToValue,
	// dynamic objects and anything a later goja adds: copy them as what
	// they look like from JS.
	if o.ClassName() == "Array" {
		return implClass{class: cArray}
	}
	return implClass{class: cOrdinary}
}

// knownPrimitive reports whether v (not an object, not a symbol) is one of
// the primitive representations that are safe to keep in a snapshot.
func knownPrimitive(t reflect.Type) bool {
	for _, p := range impl.prims {
		if p == t {
			return true
		}
	}
	return false
}

package clone

import (
	"fmt"
	"reflect"

	"github.com/dop251/goja"
)

// refSymbol keys the property that marks host objects. A symbol the package
// never hands out keeps the mark out of string-keyed enumeration, JSON and
// clones; it is still observable (and copyable) through
// Object.getOwnPropertySymbols, which only lets a script mark an object as
// the same host object it already holds. goja symbols are runtime-independent,
// so one serves every runtime.
var refSymbol = goja.NewSymbol("jsrun.clone.ref")

// refBox wraps the ref. It has no exported fields or methods, so the JS
// object goja makes of it shows nothing to scripts. owner is the object it
// was attached to: a script can copy the mark onto another object, and
// that copy must not make the other object pass for the host object.
type refBox struct {
	ref   any
	owner *goja.Object
}

var refBoxType = reflect.TypeOf(&refBox{})

// refBox is a goja.DynamicObject with no properties: cheaper to make than a
// reflection wrapper, and as opaque (scripts see an empty object that
// refuses properties).
func (*refBox) Get(string) goja.Value       { return nil }
func (*refBox) Set(string, goja.Value) bool { return false }
func (*refBox) Has(string) bool             { return false }
func (*refBox) Delete(string) bool          { return false }
func (*refBox) Keys() []string              { return nil }

// Attach marks obj (created by the caller in rt) as a host object that
// travels by reference as ref: a snapshot stores ref instead of copying obj,
// and Restore asks the Codec's RestoreRef for the object to put in its place.
// ref must be safe to use from any goroutine.
//
// The mark is a non-enumerable, non-writable, non-configurable property
// keyed by a package-private symbol, observable through
// Object.getOwnPropertySymbols. Attach panics if obj cannot take the
// property (already attached, or not extensible): both are programming
// errors of the caller.
func Attach(rt *goja.Runtime, obj *goja.Object, ref any) {
	box := rt.NewDynamicObject(&refBox{ref: ref, owner: obj})
	if err := obj.DefineDataPropertySymbol(refSymbol, box, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(fmt.Sprintf("clone.Attach: %v", err))
	}
}

// RefOf returns the ref obj was attached with. Only an own mark counts: an
// object whose prototype is a host object is not one. RefOf never runs a
// Proxy trap: a Proxy, or an object with a Proxy on its prototype chain, is
// not a host object. Like goja's Object.Get it may panic with a
// *goja.Exception if a script defined a getter under the mark's symbol.
func RefOf(obj *goja.Object) (ref any, ok bool) {
	if obj == nil || obj.ExportType() == proxyType {
		return nil, false
	}
	proto := obj.Prototype()
	for p := proto; p != nil; p = p.Prototype() {
		if p.ExportType() == proxyType {
			return nil, false
		}
	}
	v, isObj := obj.GetSymbol(refSymbol).(*goja.Object)
	if !isObj || v.ExportType() != refBoxType {
		return nil, false
	}
	// A mark found on a prototype has another owner: the owner check is
	// what tells an own mark (reading the prototype's again would run a
	// getter there a second time).
	box, _ := v.Export().(*refBox)
	if box == nil || box.owner != obj {
		return nil, false
	}
	return box.ref, true
}

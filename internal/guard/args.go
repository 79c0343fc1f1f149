package guard

import (
	"math"

	"github.com/dop251/goja"
)

// Helpers that read a guarded call's arguments the way the original will,
// once: a guard that converts an argument passes the converted value on, so
// that no valueOf, toString or getter runs twice.

// number converts v as ToNumber does, once.
func number(v goja.Value) goja.Value {
	if _, ok := v.(*goja.Object); ok {
		return v.ToNumber()
	}
	return v
}

// toInteger is ToIntegerOrInfinity of a number value: NaN is 0.
func toInteger(v goja.Value) float64 {
	f := v.ToFloat()
	if math.IsNaN(f) {
		return 0
	}
	return math.Trunc(f)
}

// str converts v as ToString does, once; symbols and nil are left for the
// original to refuse.
func str(v goja.Value) goja.Value {
	if o, ok := v.(*goja.Object); ok {
		return o.ToString()
	}
	return v
}

// strLen is the length in UTF-16 units of a primitive's string form.
func strLen(v goja.Value) int {
	if s, ok := v.(goja.String); ok {
		return s.Length()
	}
	if v == nil || goja.IsUndefined(v) {
		return len("undefined")
	}
	if _, ok := v.(*goja.Symbol); ok {
		return 0
	}
	s, ok := v.ToString().(goja.String)
	if !ok {
		return 0
	}
	return s.Length()
}

// withConverted returns call with argument i replaced by v, its
// conversion: call itself when argument i was no object, which a
// conversion leaves as it is.
func withConverted(call goja.FunctionCall, i int, v goja.Value) goja.FunctionCall {
	if _, ok := call.Argument(i).(*goja.Object); !ok {
		return call
	}
	return withArg(call, i, v)
}

// withArg returns call with argument i replaced by v, in a copy of the
// arguments: the caller's slice is the VM's stack.
func withArg(call goja.FunctionCall, i int, v goja.Value) goja.FunctionCall {
	args := make([]goja.Value, max(len(call.Arguments), i+1))
	copy(args, call.Arguments)
	for j := len(call.Arguments); j < i; j++ {
		args[j] = goja.Undefined()
	}
	args[i] = v
	call.Arguments = args
	return call
}

// withThis returns call with this converted to a string, once, when it is
// an object (null and undefined are left for the original to refuse).
func withThis(call goja.FunctionCall) (goja.FunctionCall, goja.Value) {
	if o, ok := call.This.(*goja.Object); ok {
		call.This = o.ToString()
	}
	return call, call.This
}

// loopLength is the length a method on this will walk, when reading it has
// no side effects: an Array's, or an array-like's own data property. ok is
// false otherwise (a getter, a proxy, an inherited length), and the guard
// then leaves the call alone.
func (s *state) loopLength(this goja.Value) (n float64, ok bool) {
	o, isObj := this.(*goja.Object)
	if !isObj {
		return 0, false
	}
	if o.ClassName() == "Array" {
		return o.Get("length").ToFloat(), true
	}
	return s.dataLength(o)
}

// dataLength reads o.length when it is an own data property.
func (s *state) dataLength(o *goja.Object) (float64, bool) {
	d := s.ownDescriptor(o, "length")
	if d == nil {
		return 0, false
	}
	v := d.Get("value")
	if v == nil || d.Get("get") != nil && !goja.IsUndefined(d.Get("get")) {
		return 0, false
	}
	f := toInteger(number(v))
	return max(0, min(f, 1<<53-1)), true
}

// ownDescriptor is Object.getOwnPropertyDescriptor(o, name), nil when o has
// no such own property.
func (s *state) ownDescriptor(o *goja.Object, name string) *goja.Object {
	if s.getOwnPropertyDescriptor == nil {
		s.getOwnPropertyDescriptor, _ = goja.AssertFunction(s.global.Get("Object").(*goja.Object).Get("getOwnPropertyDescriptor"))
	}
	d, err := s.getOwnPropertyDescriptor(goja.Undefined(), o, s.rt.ToValue(name))
	if err != nil {
		panic(err)
	}
	if d, ok := d.(*goja.Object); ok {
		return d
	}
	return nil
}

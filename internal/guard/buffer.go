package guard

import (
	"fmt"
	"github.com/jsrun/jsrun/internal/memlimit"
	"reflect"

	"github.com/dop251/goja"
)

// ArrayBuffer and the typed arrays allocate their bytes at once: Go dies of
// a fatal out of memory on new ArrayBuffer(2**40) instead of failing. Each
// constructor is replaced by a Proxy whose construct trap checks the
// length; each prototype's constructor becomes the proxy, so that an
// instance never leads back to an unguarded constructor. goja refuses a
// Proxy on the right of instanceof, so the proxy answers
// Symbol.hasInstance itself. The group is installed together, on the first
// read of any of them.

// elemSize maps the guarded constructors to their element sizes
// (ArrayBuffer's "elements" are bytes).
var elemSize = map[string]int{
	"ArrayBuffer": 1,
	"Int8Array":   1, "Uint8Array": 1, "Uint8ClampedArray": 1,
	"Int16Array": 2, "Uint16Array": 2,
	"Int32Array": 4, "Uint32Array": 4, "Float32Array": 4,
	"Float64Array": 8, "BigInt64Array": 8, "BigUint64Array": 8,
}

func (s *state) installBuffers() {
	s.buffers = make(map[string]*goja.Object, len(elemSize))
	for name, size := range elemSize {
		ctor, ok := s.global.Get(name).(*goja.Object)
		if !ok {
			continue // a goja without this one
		}
		var g ctorGuardFunc
		if name == "ArrayBuffer" {
			g = guardArrayBuffer
		} else {
			g = typedArrayGuard(size)
		}
		p := s.wrapCtor(ctor, g)
		if proto, ok := ctor.Get("prototype").(*goja.Object); ok {
			if err := proto.Set("constructor", p); err != nil {
				panic(err)
			}
		}
		s.buffers[name] = p
	}
}

// wrapCtor returns a proxy of ctor whose constructions go through g.
func (s *state) wrapCtor(ctor *goja.Object, g ctorGuardFunc) *goja.Object {
	orig, _ := goja.AssertConstructor(ctor)
	if s.hasInstance == nil {
		s.hasInstance = s.rt.ToValue(s.ordinaryHasInstance).(*goja.Object)
	}
	return s.proxy(ctor, &goja.ProxyTrapConfig{
		Construct: func(_ *goja.Object, args []goja.Value, newTarget *goja.Object) *goja.Object {
			return g(s, orig, args, newTarget)
		},
		GetSym: func(target *goja.Object, sym *goja.Symbol, receiver goja.Value) goja.Value {
			switch sym {
			case goja.SymHasInstance:
				return s.hasInstance
			case goja.SymSpecies:
				return receiver // the constructors' species getters return this
			}
			return target.GetSymbol(sym)
		},
	})
}

// ordinaryHasInstance is Function.prototype[Symbol.hasInstance] for the
// guarded constructors: v instanceof C.
func (s *state) ordinaryHasInstance(call goja.FunctionCall) goja.Value {
	c, _ := call.This.(*goja.Object)
	v, ok := call.Argument(0).(*goja.Object)
	if c == nil || !ok {
		return s.rt.ToValue(false)
	}
	proto, _ := c.Get("prototype").(*goja.Object)
	for p := v.Prototype(); p != nil; p = p.Prototype() {
		if p.SameAs(proto) {
			return s.rt.ToValue(true)
		}
	}
	return s.rt.ToValue(false)
}

func construct(orig goja.Constructor, args []goja.Value, newTarget *goja.Object) *goja.Object {
	o, err := orig(newTarget, args...)
	if err != nil {
		panic(err)
	}
	return o
}

var arrayBufferType = reflect.TypeOf(goja.ArrayBuffer{})

func guardArrayBuffer(s *state, orig goja.Constructor, args []goja.Value, newTarget *goja.Object) *goja.Object {
	if len(args) > 0 {
		args = withFirst(args, number(args[0]))
		if n := toInteger(args[0]); tooBig(n) && n <= 1<<53-1 {
			s.throwRange(msgBuffer)
		}
	}
	return construct(orig, args, newTarget)
}

// withFirst returns args with its first element v, copied unless v is
// the conversion of a primitive, which leaves it as it is.
func withFirst(args []goja.Value, v goja.Value) []goja.Value {
	if _, ok := args[0].(*goja.Object); !ok {
		if _, isObj := v.(*goja.Object); !isObj {
			return args
		}
	}
	args = append([]goja.Value(nil), args...)
	args[0] = v
	return args
}

// typedArrayGuard checks the length a typed array of size-byte elements
// is made with: a number, an Array, another typed array, or an array-like
// (whose length is checked as the original reads it). A buffer and an
// iterable need no check: the one is in memory, the other yields each
// element first.
func typedArrayGuard(size int) ctorGuardFunc {
	return func(s *state, orig goja.Constructor, args []goja.Value, newTarget *goja.Object) *goja.Object {
		if len(args) == 0 {
			return construct(orig, args, newTarget)
		}
		src, isObj := args[0].(*goja.Object)
		if !isObj {
			args = withFirst(args, number(args[0]))
			if n := toInteger(args[0]); n <= 1<<53-1 {
				s.checkTyped(size, n)
			}
			return construct(orig, args, newTarget)
		}
		if src.ClassName() == "Array" {
			s.checkTyped(size, src.Get("length").ToFloat())
			return construct(orig, args, newTarget)
		}
		switch t := src.ExportType(); {
		case t == arrayBufferType:
			// A view of bytes in memory.
		case t != nil && t.Kind() == reflect.Slice:
			// A typed array (or arguments): elements in memory, but the
			// new array's may be larger.
			s.checkTyped(size, float64(reflect.ValueOf(src.Export()).Len()))
		default:
			if iter := src.GetSymbol(goja.SymIterator); iter == nil || goja.IsUndefined(iter) {
				args = withFirst(args, s.lengthChecked(src, func(n float64) { s.checkTyped(size, n) }))
			}
		}
		return construct(orig, args, newTarget)
	}
}

// checkTyped throws if a typed array of n size-byte elements is too long.
func (s *state) checkTyped(size int, n float64) {
	if n > MaxTypedArrayLength {
		s.throwRange(fmt.Sprintf(msgTypedArrayFm, int64(n)))
	}
	if tooBig(n * float64(size)) {
		s.throwRange(msgBuffer)
	}
}

// tooBig reports whether one buffer of n bytes is past MaxBufferBytes or
// past what the host's memory limit leaves (memlimit.Headroom).
func tooBig(n float64) bool {
	return n > MaxBufferBytes || n > float64(memlimit.Headroom())
}

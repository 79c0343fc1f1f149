package rewrite

import (
	"reflect"
	"strconv"
	"sync"

	"github.com/dop251/goja"
)

// maxSpread is the most arguments a spread may pass to one call: about
// where Node 20 throws "Maximum call stack size exceeded" (125,277
// arguments at top level, a little less deeper in the stack). goja pushes
// spread arguments one by one, growing its stack each time, so its time
// grows with their square: 100,000 take 0.7 s, ten million would take
// hours.
const maxSpread = 125_000

// callStackExceeded is Node's message for too many arguments.
const callStackExceeded = "Maximum call stack size exceeded"

// spreadGuard is the $spread helper: it hands a spread argument back as
// it is when its length is known without running script code (an array
// or a string whose iteration is still the built-in one), and otherwise
// wraps it in an iterable that counts what the spread takes. Either way
// the spread sees the same iteration protocol, in the same order; only
// the check reads Symbol.iterator of an array or String.prototype, and
// the iterators' next, once more (a getter a script put there would run
// twice).
//
// Built-in iteration is recognised by the Go code behind a function
// (the same in every runtime, see builtins), which no script can forge:
// so nothing needs to be taken from a runtime before scripts run.
type spreadGuard struct {
	h *helpers
	// The prototypes of array and string iterators, and String.prototype,
	// found at the first spread of each kind.
	arrayIterProto, stringProto, stringIterProto *goja.Object
}

// builtinCode is the Go code behind the built-in iteration functions, the
// same in every runtime: Array.prototype.values (which is also
// Array.prototype[Symbol.iterator]), String.prototype[Symbol.iterator],
// and the next methods of their iterators.
type builtinCode struct {
	arrayValues, arrayNext, stringIter, stringNext uintptr
}

var builtins = sync.OnceValue(func() builtinCode {
	rt := goja.New()
	v, err := rt.RunString(`[
		Array.prototype.values,
		Object.getPrototypeOf([].values()).next,
		String.prototype[Symbol.iterator],
		Object.getPrototypeOf(""[Symbol.iterator]()).next,
	]`)
	if err != nil {
		panic(err) // not reached: a fresh runtime has them
	}
	list := v.(*goja.Object)
	code := func(i int) uintptr { return codeOf(list.Get(strconv.Itoa(i))) }
	return builtinCode{code(0), code(1), code(2), code(3)}
})

// codeOf is the Go code behind a native function, or 0. Only a function
// is exported: a script may have put any object where a method was.
func codeOf(v goja.Value) uintptr {
	o, ok := v.(*goja.Object)
	if !ok || o.ClassName() != "Function" {
		return 0
	}
	if f := reflect.ValueOf(o.Export()); f.Kind() == reflect.Func {
		return f.Pointer()
	}
	return 0
}

func (s *spreadGuard) guard(xs goja.Value) goja.Value {
	b := builtins()
	switch {
	case goja.IsString(xs):
		if s.stringProto == nil {
			s.stringProto = xs.ToObject(s.h.rt).Prototype()
		}
		if codeOf(s.stringProto.GetSymbol(goja.SymIterator)) == b.stringIter && s.nextIs(&s.stringIterProto, xs, b.stringNext) {
			// A string yields at most one argument per UTF-16 unit.
			if str, ok := xs.(goja.String); ok && str.Length() <= maxSpread {
				return xs
			}
		}
	default:
		// An array (not a Proxy of one, whose class is Object) iterating
		// the built-in way. Its length is an own data property: reading it
		// runs no script code.
		if o, ok := xs.(*goja.Object); ok && o.ClassName() == "Array" &&
			codeOf(o.GetSymbol(goja.SymIterator)) == b.arrayValues && s.nextIs(&s.arrayIterProto, o, b.arrayNext) {
			if o.Get("length").ToInteger() > maxSpread {
				s.h.throwRange(callStackExceeded)
			}
			return xs
		}
	}
	return s.counting(xs)
}

// nextIs reports whether the iterators of v (whose Symbol.iterator is the
// built-in one) still have the built-in next, whose code is want. Their
// prototype is found once, from an iterator of v.
func (s *spreadGuard) nextIs(proto **goja.Object, v goja.Value, want uintptr) bool {
	if *proto == nil {
		iter, _ := goja.AssertFunction(v.ToObject(s.h.rt).GetSymbol(goja.SymIterator))
		it, err := iter(v) // the built-in: it only makes an iterator
		if err != nil {
			return false
		}
		*proto = it.ToObject(s.h.rt).Prototype()
	}
	return codeOf((*proto).Get("next")) == want
}

// counting wraps xs in an iterable whose iterator passes every step of
// xs's own on unchanged and throws the RangeError at the step past
// maxSpread. The method lookups happen here, once each, where the spread
// would make them; a value that is not iterable goes on unwrapped, for
// goja to throw its own error.
func (s *spreadGuard) counting(xs goja.Value) goja.Value {
	rt := s.h.rt
	if xs == nil || goja.IsUndefined(xs) || goja.IsNull(xs) {
		return xs
	}
	method, ok := goja.AssertFunction(xs.ToObject(rt).GetSymbol(goja.SymIterator))
	if !ok {
		return xs
	}
	wrapper := rt.NewObject()
	iterate := rt.ToValue(func(goja.FunctionCall) goja.Value {
		it, err := method(xs)
		if err != nil {
			panic(err)
		}
		itObj, ok := it.(*goja.Object)
		if !ok {
			return it // goja throws for an iterator that is not an object
		}
		next, ok := goja.AssertFunction(itObj.Get("next"))
		steps := 0
		counter := rt.NewObject()
		_ = counter.Set("next", func(goja.FunctionCall) goja.Value {
			if !ok {
				panic(rt.NewTypeError("iterator.next is missing or not a function"))
			}
			if steps++; steps > maxSpread+1 { // the last step only says done
				s.h.throwRange(callStackExceeded)
			}
			res, err := next(itObj)
			if err != nil {
				panic(err)
			}
			return res
		})
		return counter
	})
	_ = wrapper.SetSymbol(goja.SymIterator, iterate)
	return wrapper
}

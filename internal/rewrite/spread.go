package rewrite

import "github.com/dop251/goja"

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
// the check reads Symbol.iterator of an array, and the iterators' next,
// once more (a getter a script put there would run twice).
type spreadGuard struct {
	h *helpers
	// The built-in iteration of arrays and strings, as they were when the
	// runtime was made: a script that changes them gets the counting path.
	arrayProto, arrayIter, arrayIterProto, arrayNext     *goja.Object
	stringProto, stringIter, stringIterProto, stringNext *goja.Object
}

func (s *spreadGuard) init(h *helpers) {
	rt := h.rt
	s.h = h
	s.arrayProto, s.arrayIter, s.arrayIterProto, s.arrayNext = builtinIteration(rt, rt.NewArray())
	s.stringProto, s.stringIter, s.stringIterProto, s.stringNext = builtinIteration(rt, rt.ToValue(""))
}

// builtinIteration returns v's prototype, its Symbol.iterator method, its
// iterators' prototype and their next method.
func builtinIteration(rt *goja.Runtime, v goja.Value) (proto, iter, iterProto, next *goja.Object) {
	proto = v.ToObject(rt).Prototype()
	iter, _ = proto.GetSymbol(goja.SymIterator).(*goja.Object)
	call, _ := goja.AssertFunction(iter)
	it, _ := call(v)
	iterProto = it.ToObject(rt).Prototype()
	next, _ = iterProto.Get("next").(*goja.Object)
	return
}

func (s *spreadGuard) guard(c goja.FunctionCall) goja.Value {
	xs := c.Argument(0)
	switch {
	case goja.IsString(xs):
		if s.stringProto.GetSymbol(goja.SymIterator) == goja.Value(s.stringIter) && s.builtinNext(s.stringIterProto, s.stringNext) {
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
			o.GetSymbol(goja.SymIterator) == goja.Value(s.arrayIter) && s.builtinNext(s.arrayIterProto, s.arrayNext) {
			if o.Get("length").ToInteger() > maxSpread {
				s.h.throwRange(callStackExceeded)
			}
			return xs
		}
	}
	return s.counting(xs)
}

// builtinNext reports whether an iterator prototype's next is still the
// built-in one.
func (s *spreadGuard) builtinNext(iterProto, next *goja.Object) bool {
	return iterProto.Get("next") == goja.Value(next)
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

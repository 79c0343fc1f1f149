package guard

import (
	"strconv"

	"github.com/dop251/goja"
)

// enter counts a guarded conversion in progress: join and toLocaleString
// convert nested arrays by calling themselves again, in Go, once per level.
func (s *state) enter() {
	if s.depth >= MaxDepth {
		s.throwRange(msgStack)
	}
	s.depth++
}

func (s *state) leave() { s.depth-- }

// checkLoop throws if this is longer than a method may walk.
func (s *state) checkLoop(method string, this goja.Value) (n float64, ok bool) {
	n, ok = s.loopLength(this)
	if ok && n > MaxLoop {
		s.throwRangef("%s: length %.0f is too long to walk (jsrun limit %d)", method, n, MaxLoop)
	}
	return n, ok
}

func guardJoin(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	s.enter()
	defer s.leave()
	n, ok := s.loopLength(call.This)
	if ok && n > 1 {
		sep := 1 // ","
		if v := call.Argument(0); !goja.IsUndefined(v) {
			v = str(v)
			call = withConverted(call, 0, v)
			sep = strLen(v)
		}
		if (n-1)*float64(sep) > MaxStringLength {
			s.throwRange(msgString)
		}
		if n > MaxLoop {
			s.throwRangef("Array.prototype.join: length %.0f is too long to walk (jsrun limit %d)", n, MaxLoop)
		}
	}
	return orig(call)
}

func guardToLocaleString(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	s.enter()
	defer s.leave()
	if n, ok := s.loopLength(call.This); ok && n > 1 && n-1 > MaxStringLength {
		s.throwRange(msgString)
	}
	s.checkLoop("Array.prototype.toLocaleString", call.This)
	return orig(call)
}

// loopGuard bounds a method that walks this's length: sort and map
// allocate for all of it at once, fill and flatMap walk it hole by hole.
func loopGuard(method string) guardFunc {
	return func(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
		s.checkLoop(method, call.This)
		return orig(call)
	}
}

// guardConcat bounds the length of the result, which concat walks.
func guardConcat(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	total, _ := s.loopLength(call.This)
	for _, a := range call.Arguments {
		if o, ok := a.(*goja.Object); ok && o.ClassName() == "Array" {
			total += o.Get("length").ToFloat()
		}
	}
	if total > MaxLoop {
		s.throwRangef("Array.prototype.concat: length %.0f is too long to walk (jsrun limit %d)", total, MaxLoop)
	}
	return orig(call)
}

// guardFlat flattens at most MaxDepth levels, the depth goja recurses to;
// a result still holding arrays was nested deeper than that.
func guardFlat(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	s.checkLoop("Array.prototype.flat", call.This)
	d := call.Argument(0)
	if goja.IsUndefined(d) {
		return orig(call)
	}
	d = number(d)
	call = withConverted(call, 0, d)
	if toInteger(d) <= MaxDepth {
		return orig(call)
	}
	res := orig(withArg(call, 0, s.rt.ToValue(MaxDepth)))
	o := res.(*goja.Object)
	n := int(o.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		if e, ok := o.Get(strconv.Itoa(i)).(*goja.Object); ok && e.ClassName() == "Array" {
			s.throwRange(msgStack)
		}
	}
	return res
}

// guardArrayFrom bounds Array.from of an array-like: it makes a new
// Array(length) and walks it, so {length: 2**32} fails as in Node and
// {length: 2**32 - 1} does not walk four billion holes.
func guardArrayFrom(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	src, ok := call.Argument(0).(*goja.Object)
	if !ok {
		return orig(call) // a string is iterated, others refused
	}
	check := func(n float64) {
		if n > MaxArrayLength {
			s.throwRange(msgArray)
		}
		if n > MaxLoop {
			s.throwRangef("Array.from: length %.0f is too long to walk (jsrun limit %d)", n, MaxLoop)
		}
	}
	if src.ClassName() == "Array" {
		// Iterated, as many times as it is long, holes included.
		check(src.Get("length").ToFloat())
		return orig(call)
	}
	if iter := src.GetSymbol(goja.SymIterator); iter != nil && !goja.IsUndefined(iter) {
		return orig(call) // iterated: bounded by what the iterator yields
	}
	if n, ok := s.dataLength(src); ok {
		check(n)
		return orig(call)
	}
	return orig(withArg(call, 0, s.lengthChecked(src, check)))
}

package guard

import (
	"github.com/dop251/goja"
)

// A call made from an array-like (Function.prototype.apply, Reflect.apply,
// Reflect.construct) makes a Go slice of its length before reading it:
// {length: 2**40} asks for 16 TiB at once.

func guardApply(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	return orig(s.checkArgList(call, 1))
}

func guardReflectApply(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	return orig(s.checkArgList(call, 2))
}

func guardReflectConstruct(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	return orig(s.checkArgList(call, 1))
}

// checkArgList checks the array-like argument i of call, and returns call,
// with that argument replaced by a proxy that checks its length as it is
// read when the length cannot be read beforehand without side effects.
func (s *state) checkArgList(call goja.FunctionCall, i int) goja.FunctionCall {
	o, ok := call.Argument(i).(*goja.Object)
	if !ok {
		return call // undefined or null: no arguments; others: the original's TypeError
	}
	if n, ok := s.loopLength(o); ok {
		s.checkArgCount(n)
		return call
	}
	return withArg(call, i, s.lengthChecked(o, s.checkArgCount))
}

func (s *state) checkArgCount(n float64) {
	if n > MaxArrayLength {
		s.throwRange(msgArray)
	}
	if n > MaxArgs {
		s.throwRange(msgStack)
	}
}

// lengthChecked returns a proxy of o whose length, read once by the
// original, goes through check first.
func (s *state) lengthChecked(o *goja.Object, check func(float64)) *goja.Object {
	return s.proxy(o, &goja.ProxyTrapConfig{
		Get: func(target *goja.Object, name string, _ goja.Value) goja.Value {
			v := target.Get(name)
			if name == "length" && v != nil {
				v = number(v)
				check(max(0, toInteger(v)))
			}
			return v
		},
	})
}

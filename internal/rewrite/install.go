package rewrite

import (
	"github.com/dop251/goja"
)

// helpers is one runtime's set of helper functions. A runtime runs on one
// goroutine at a time, so no lock guards it.
type helpers struct {
	rt         *goja.Runtime
	hintNumber goja.Value
	rangeProto *goja.Object // RangeError.prototype, found at the first throw
	spread     spreadGuard
	prepared   bool // the async and generator function constructors are wrapped
	sites      Sites
}

// Install defines in rt's global object the helpers that rewritten
// programs call, and puts a wrapper in place of the Function constructor,
// so that code made at run time is rewritten too. Call it once per
// runtime, before running any program Compile made and before any script
// runs. It returns the sites of the runtime's tagged functions.
//
// It does little else: goja makes most built-ins only when first used,
// and a thread's runtime that Install made them all in took 6 times as
// long to start. What the helpers must know of the built-ins they find
// when needed, by means no script can forge (see spreadGuard, throwRange
// and prepare).
func Install(rt *goja.Runtime) *Sites {
	h := &helpers{rt: rt, hintNumber: rt.ToValue("number")}
	h.spread.h = h
	fn := rt.ToValue(h.call).(*goja.Object)
	// Unnamed, its frame reads "at native" in a stack (goja would name it
	// after its Go symbol). DefineDataProperty's flags: writable,
	// configurable, enumerable.
	_ = fn.DefineDataProperty("name", rt.ToValue(""), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = rt.GlobalObject().DefineDataProperty(nameHelper, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	h.wrapFunction()
	return &h.sites
}

// call is the helper: its first argument says which job it does (see
// helper), the others are the job's.
func (h *helpers) call(c goja.FunctionCall) goja.Value {
	a, b := c.Argument(1), c.Argument(2)
	switch helper(c.Argument(0).ToInteger()) {
	case helperPow:
		return h.pow(a, b)
	case helperShl:
		return h.shift(a, b, true)
	case helperSar:
		return h.shift(a, b, false)
	case helperSpread:
		return h.spread.guard(a)
	case helperPrepare:
		h.prepare()
		return goja.Undefined()
	case helperTag:
		return h.tag(a, b)
	case helperEvalText:
		h.checkText(a)
		return a
	}
	panic(h.rt.NewTypeError("%s is jsrun's own and takes no calls from scripts", nameHelper))
}

// findRangeError evaluates to a RangeError goja's BigInt division throws:
// its prototype is the runtime's own RangeError.prototype whatever a
// script did to the global RangeError. (The operands are parameters, or
// goja would divide them when compiling.)
var findRangeError = goja.MustCompile("<jsrun>", "((a, b) => { try { a / b } catch (e) { return e } })(1n, 0n)", true)

// throwRange throws a RangeError with msg: an error object goja makes,
// with its stack taken here, given the runtime's own RangeError.prototype
// (found at the first throw, see findRangeError). Its stack text is
// written when first read, from the name and message it then has.
func (h *helpers) throwRange(msg string) {
	if h.rangeProto == nil {
		e, err := h.rt.RunProgram(findRangeError)
		if err != nil {
			panic(err)
		}
		h.rangeProto = e.(*goja.Object).Prototype()
	}
	e := h.rt.NewTypeError(msg)
	_ = e.SetPrototype(h.rangeProto)
	panic(e)
}

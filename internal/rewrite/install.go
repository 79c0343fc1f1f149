package rewrite

import (
	"github.com/dop251/goja"
)

// helpers is one runtime's set of helper functions and the values they
// hand from one call to the next. A runtime runs on one goroutine at a
// time, so no lock guards them.
type helpers struct {
	rt *goja.Runtime
	// cellValue is a cell's old value until $cellValue takes it: it is set
	// and taken with no script code between (see assign).
	cellValue  goja.Value
	rangeError goja.Constructor // the runtime's own, taken before any script runs
	hintNumber goja.Value
	spread     spreadGuard
}

// Install defines the helpers that rewritten programs call in rt's global
// object, and puts wrappers in place of the Function constructors, so that
// code made at run time is rewritten too. Call it once per runtime, before
// running any program Compile made, and before any script runs: it keeps
// the runtime's own RangeError, iterators and constructors, which a
// script could replace later.
func Install(rt *goja.Runtime) {
	h := &helpers{rt: rt, hintNumber: rt.ToValue("number")}
	h.rangeError, _ = goja.AssertConstructor(rt.Get("RangeError"))
	h.spread.init(h)
	h.define(namePow, "**", h.pow)
	h.define(nameShl, "<<", h.shl)
	h.define(nameSar, ">>", h.sar)
	h.define(nameSpread, "...", h.spread.guard)
	h.wrapFunctionConstructors()
}

// define makes f a global under name, shown as shown in stack traces (goja
// would otherwise name a Go function after its Go symbol).
func (h *helpers) define(name, shown string, f func(goja.FunctionCall) goja.Value) {
	fn := h.rt.ToValue(f).(*goja.Object)
	// DefineDataProperty's flags: writable, configurable, enumerable.
	_ = fn.DefineDataProperty("name", h.rt.ToValue(shown), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = h.rt.GlobalObject().DefineDataProperty(name, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

// throwRange throws a RangeError made by the runtime's own constructor.
func (h *helpers) throwRange(msg string) {
	err, e := h.rangeError(nil, h.rt.ToValue(msg))
	if e != nil {
		panic(e)
	}
	panic(err)
}

package rewrite

import (
	"github.com/dop251/goja"
)

// helpers is one runtime's set of helper functions and the values they
// hand from one call to the next. A runtime runs on one goroutine at a
// time, so no lock guards them.
type helpers struct {
	rt *goja.Runtime
	// rhs is the right operand an operand helper converted, until $rhs
	// takes it; cellValue is a cell's old value until $cellValue takes it.
	// Each is set and taken with no script code between (see binary and
	// assign).
	rhs, cellValue goja.Value
	rangeError     goja.Constructor // the runtime's own, taken before any script runs
	hintNumber     goja.Value
	spread         spreadGuard
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
	h.define(nameRHS, "", h.takeRHS)
	h.define(nameCell, "", h.cell)
	h.define(nameCellValue, "", h.takeCellValue)
	h.define(nameCellSet, "", h.cellSet)
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

func (h *helpers) takeRHS(goja.FunctionCall) goja.Value {
	v := h.rhs
	h.rhs = nil // do not keep a big value alive
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// cell reads a cell's reference (see cellOf) and keeps the value for
// $cellValue; it returns the cell, which $cellSet writes through.
func (h *helpers) cell(c goja.FunctionCall) goja.Value {
	cell := c.Argument(0).(*goja.Object)
	get, _ := goja.AssertFunction(cell.Get("0"))
	v, err := get(goja.Undefined())
	if err != nil {
		panic(err)
	}
	h.cellValue = v
	return cell
}

func (h *helpers) takeCellValue(goja.FunctionCall) goja.Value {
	v := h.cellValue
	h.cellValue = nil
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// cellSet writes value through the cell and returns it, the value of the
// compound assignment.
func (h *helpers) cellSet(c goja.FunctionCall) goja.Value {
	cell := c.Argument(0).(*goja.Object)
	value := c.Argument(1)
	set, _ := goja.AssertFunction(cell.Get("1"))
	if _, err := set(goja.Undefined(), value); err != nil {
		panic(err)
	}
	return value
}

package util

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/inspect"
)

// ModuleName is the name `require` knows the module by; "node:util" is
// the same module.
const ModuleName = "util"

//go:embed helpers.js
var helpersSrc string

// helpersProg is compiled on the first require("util"), not at start-up:
// the compile took 2.7 ms of every jsrun process's start.
var helpersProg = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("node:util", helpersSrc, true)
})

// Require fills module.exports with the util module for rt: the loader
// for goja_nodejs's require registry (RegisterNativeModule).
func Require(rt *goja.Runtime, module *goja.Object) {
	_ = module.Set("exports", New(rt))
}

// New builds the util module object for rt.
func New(rt *goja.Runtime) *goja.Object {
	in := inspect.For(rt)
	exports := rt.NewObject()
	fn := func(name string, f func(goja.FunctionCall) goja.Value) {
		_ = exports.Set(name, jsutil.Func(rt, name, func(c goja.FunctionCall) (v goja.Value) {
			inspect.Guard(rt, func() { v = f(c) })
			return v
		}))
	}
	_ = exports.Set("inspect", in.InspectFunction())
	fn("format", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(in.Format(nil, c.Arguments))
	})
	fn("formatWithOptions", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(invalidArgType(rt, in, "inspectOptions", "object", c.Argument(0)))
		}
		opts, _, _ := in.OptionsFrom(o)
		return rt.ToValue(in.Format(&opts, c.Arguments[1:]))
	})
	fn("isArray", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		return rt.ToValue(ok && o.ClassName() == "Array")
	})
	fn("stripVTControlCharacters", func(c goja.FunctionCall) goja.Value {
		if !goja.IsString(c.Argument(0)) {
			panic(invalidArgType(rt, in, "str", "string", c.Argument(0)))
		}
		return rt.ToValue(inspect.StripVT(c.Argument(0).String()))
	})
	types := newTypes(rt, in)
	_ = exports.Set("types", types)
	v, err := rt.RunProgram(helpersProg())
	if err != nil {
		panic(err)
	}
	install, _ := goja.AssertFunction(v)
	if _, err := install(goja.Undefined(), exports, types); err != nil {
		panic(err)
	}
	return exports
}

// invalidArgType is Node's ERR_INVALID_ARG_TYPE TypeError.
func invalidArgType(rt *goja.Runtime, in *inspect.Inspector, name, want string, v goja.Value) *goja.Object {
	must := "must be of type " + want
	if strings.HasPrefix(want, "an instance of ") {
		must = "must be " + want
	}
	e := rt.NewTypeError(`The "` + name + `" argument ` + must + "." + received(in, v))
	_ = e.Set("code", "ERR_INVALID_ARG_TYPE")
	return e
}

// received is the message's tail: " Received type number (1)".
func received(in *inspect.Inspector, v goja.Value) string {
	switch {
	case goja.IsUndefined(v), goja.IsNull(v):
		return " Received " + v.String()
	}
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return " Received function " + o.Get("name").String()
		}
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				return " Received an instance of " + n.String()
			}
		}
		o := *in.Defaults
		o.Depth = -1
		return " Received " + in.Inspect(v, o)
	}
	o := *in.Defaults
	o.Colors = false
	shown := in.Inspect(v, o)
	if len(shown) > 28 {
		shown = shown[:25] + "..."
	}
	return " Received type " + jsutil.TypeOf(v) + " (" + shown + ")"
}

// InvalidArgType is Node's ERR_INVALID_ARG_TYPE TypeError for the
// argument name of a function of rt that must be of type want ("function",
// "number", ...): `The "name" argument must be of type want. Received ...`,
// with the value shown as Node shows it; "must be an instance of X" for a
// want of "an instance of X".
func InvalidArgType(rt *goja.Runtime, name, want string, v goja.Value) *goja.Object {
	return invalidArgType(rt, inspect.For(rt), name, want, v)
}

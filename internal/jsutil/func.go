package jsutil

import "github.com/dop251/goja"

// Func makes a native function that reads as name in stack traces, in its
// name property and in its source text. goja names a function made by
// ToValue after its Go function ("github.com/....(*T).m.func1") and has no
// constructor that takes a name; its stack frames and its toString read
// the name property, so redefining that property is enough.
func Func(rt *goja.Runtime, name string, f func(goja.FunctionCall) goja.Value) *goja.Object {
	fn := rt.ToValue(f).(*goja.Object)
	SetName(rt, fn, name)
	return fn
}

// SetName gives fn the name property a built-in function has: not
// writable, not enumerable, configurable.
func SetName(rt *goja.Runtime, fn *goja.Object, name string) {
	_ = fn.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

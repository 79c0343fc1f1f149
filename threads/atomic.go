package threads

import (
	"sync/atomic"

	"github.com/dop251/goja"
)

// Atomic is threads.Atomic: a signed 64-bit integer shared by every
// runtime that holds it, read and written with sync/atomic (no lock).
type Atomic struct{ v atomic.Int64 }

func (a *Atomic) face(lib *library) *goja.Object { return lib.newFace(atomicClass) }

func atomicThis(lib *library, this goja.Value, m string) *Atomic {
	return thisOf[*Atomic](lib, this, "Atomic", m)
}

var atomicClass = &class{
	name: "Atomic",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		a := &Atomic{}
		a.v.Store(lib.optionalInt(c.Argument(0), 0, "threads.Atomic: argument 'initial'"))
		return a
	},
	methods: []method{
		{"add", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "add")
			delta := lib.optionalInt(c.Argument(0), 1, "Atomic.add: argument 'delta'")
			for {
				old := a.v.Load()
				n := old + delta
				if (delta > 0 && n < old) || (delta < 0 && n > old) {
					lib.rangeError("Atomic.add: %d + %d overflows a signed 64-bit integer", old, delta)
				}
				if a.v.CompareAndSwap(old, n) {
					return lib.r.RT.ToValue(n)
				}
			}
		}},
		{"get", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(atomicThis(lib, this, "get").v.Load())
		}},
		{"set", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "set")
			a.v.Store(lib.intArg(c.Argument(0), "Atomic.set: argument 'value'"))
			return goja.Undefined()
		}},
		{"swap", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "swap")
			return lib.r.RT.ToValue(a.v.Swap(lib.intArg(c.Argument(0), "Atomic.swap: argument 'value'")))
		}},
		{"compareAndSwap", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "compareAndSwap")
			old := lib.intArg(c.Argument(0), "Atomic.compareAndSwap: argument 'old'")
			n := lib.intArg(c.Argument(1), "Atomic.compareAndSwap: argument 'new'")
			return lib.r.RT.ToValue(a.v.CompareAndSwap(old, n))
		}},
	},
}

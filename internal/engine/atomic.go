package engine

import (
	"math/big"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Atomic is threads.Atomic: a signed 64-bit integer shared by every
// runtime that holds it, read and written with sync/atomic (no lock).
//
// Every int64 is returned exactly: a Number cannot hold the integers past
// 2^53-1, so those come back as BigInt rather than rounded. An Atomic made
// from a BigInt returns BigInts always, as Atomics does on a BigInt64Array,
// so that its users never see the type change.
type Atomic struct {
	v   atomic.Int64
	big bool // made from a BigInt: every result is a BigInt
	// remote, for threads.Atomic(n, {cluster}), holds the value instead
	// of v (remote_atomic.go).
	remote RemoteAtomic
}

// value is n as this Atomic returns it.
func (a *Atomic) value(lib *library, n int64) goja.Value {
	if a.big || n > maxSafe || n < -maxSafe {
		return lib.r.RT.ToValue(big.NewInt(n))
	}
	return lib.r.RT.ToValue(n)
}

func (a *Atomic) face(lib *library) *goja.Object { return lib.newFace(atomicClass) }

func atomicThis(lib *library, this goja.Value, m string) *Atomic {
	return thisOf[*Atomic](lib, this, "Atomic", m)
}

var atomicClass = &class{
	name: "Atomic",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		a := &Atomic{big: jsutil.TypeOf(c.Argument(0)) == "bigint"}
		a.v.Store(lib.optionalInt(c.Argument(0), 0, "threads.Atomic: argument 'initial'"))
		lib.openRemoteAtomic(a, c.Argument(1))
		return a
	},
	methods: []method{
		{"add", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "add")
			delta := lib.optionalInt(c.Argument(0), 1, "Atomic.add: argument 'delta'")
			if a.remote != nil {
				return a.remoteAdd(lib, delta)
			}
			for {
				old := a.v.Load()
				n := old + delta
				if (delta > 0 && n < old) || (delta < 0 && n > old) {
					lib.rangeError("Atomic.add: %d + %d overflows a signed 64-bit integer", old, delta)
				}
				if a.v.CompareAndSwap(old, n) {
					return a.value(lib, n)
				}
			}
		}},
		{"get", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "get")
			if a.remote != nil {
				return a.value(lib, a.remoteLoad(lib))
			}
			return a.value(lib, a.v.Load())
		}},
		{"set", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "set")
			v := lib.intArg(c.Argument(0), "Atomic.set: argument 'value'")
			if a.remote != nil {
				a.remoteUpdate(lib, "set", func(int64) (int64, bool, error) { return v, true, nil })
				return goja.Undefined()
			}
			a.v.Store(v)
			return goja.Undefined()
		}},
		{"swap", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "swap")
			v := lib.intArg(c.Argument(0), "Atomic.swap: argument 'value'")
			if a.remote != nil {
				old, _ := a.remoteUpdate(lib, "swap", func(int64) (int64, bool, error) { return v, true, nil })
				return a.value(lib, old)
			}
			return a.value(lib, a.v.Swap(v))
		}},
		{"compareAndSwap", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			a := atomicThis(lib, this, "compareAndSwap")
			old := lib.intArg(c.Argument(0), "Atomic.compareAndSwap: argument 'old'")
			n := lib.intArg(c.Argument(1), "Atomic.compareAndSwap: argument 'new'")
			if a.remote != nil {
				_, changed := a.remoteUpdate(lib, "compareAndSwap", func(cur int64) (int64, bool, error) { return n, cur == old, nil })
				return lib.r.RT.ToValue(changed)
			}
			return lib.r.RT.ToValue(a.v.CompareAndSwap(old, n))
		}},
	},
}

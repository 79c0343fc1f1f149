package engine

import (
	"math"
	"math/big"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// maxSafe is Number.MAX_SAFE_INTEGER: past it a Number no longer holds
// every integer, so taking one as an int64 would silently round.
const maxSafe = 1<<53 - 1

// intArg reads an integer argument: a Number that is a safe integer, or a
// BigInt that fits int64. what names it in errors ("Atomic.add: argument 'delta'").
func (lib *library) intArg(v goja.Value, what string) int64 {
	// The type first: Export of an object would run its getters.
	switch jsutil.TypeOf(v) {
	case "number":
	case "bigint":
		b := v.Export().(*big.Int)
		if !b.IsInt64() {
			lib.rangeError("%s must fit in a signed 64-bit integer, got %s", what, b.String())
		}
		return b.Int64()
	default:
		lib.typeError("%s must be an integer, got %s", what, jsutil.TypeOf(v))
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) {
		lib.typeError("%s must be an integer, got %s", what, v.String())
	}
	if math.Abs(f) > maxSafe {
		lib.rangeError("%s must be a safe integer (|n| <= 2^53-1) or a BigInt, got %s", what, v.String())
	}
	return int64(f)
}

// optionalInt is intArg with a default for undefined.
func (lib *library) optionalInt(v goja.Value, def int64, what string) int64 {
	if v == nil || goja.IsUndefined(v) {
		return def
	}
	return lib.intArg(v, what)
}

// functionArg reads a function argument, as a callable and as the object
// (which threads.run and Pool carry into other runtimes).
func (lib *library) functionArg(v goja.Value, what string) (goja.Callable, *goja.Object) {
	fn, ok := goja.AssertFunction(v)
	if !ok {
		lib.typeError("%s must be a function, got %s", what, jsutil.TypeOf(v))
	}
	return fn, v.(*goja.Object)
}

// timeoutOption reads {timeout: ms} from an options argument; 0 means none.
func (lib *library) timeoutOption(v goja.Value, what string) time.Duration {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	obj, ok := v.(*goja.Object)
	if !ok || jsutil.TypeOf(v) != "object" {
		lib.typeError("%s: argument 'options' must be an object like {timeout: ms}, got %s", what, jsutil.TypeOf(v))
	}
	t := obj.Get("timeout")
	if t == nil || goja.IsUndefined(t) {
		return 0
	}
	if jsutil.TypeOf(t) != "number" {
		lib.typeError("%s: option 'timeout' must be a number of milliseconds, got %s", what, jsutil.TypeOf(t))
	}
	ms := t.ToFloat()
	if math.IsNaN(ms) || ms < 0 {
		lib.rangeError("%s: option 'timeout' must be a non-negative number of milliseconds, got %s", what, t.String())
	}
	if ms > math.MaxInt64/float64(time.Millisecond) {
		return 0
	}
	d := time.Duration(ms * float64(time.Millisecond))
	if d <= 0 {
		d = time.Nanosecond // {timeout: 0}: do not wait at all
	}
	return d
}

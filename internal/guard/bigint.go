package guard

import (
	"math/big"

	"github.com/dop251/goja"
)

// BigInt.asUintN(bits, x) and asIntN build 2**bits whatever x is: bits
// 2**40 asks for 128 GiB, 2**53-1 panics in make. Past MaxBigIntBits the
// guard answers itself when x is a BigInt (x fits: it is already in
// memory), and throws otherwise, as V8 does when the result cannot fit.

func guardAsUintN(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	return s.bigN(orig, call, false)
}

func guardAsIntN(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	return s.bigN(orig, call, true)
}

func (s *state) bigN(orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall, signed bool) goja.Value {
	if len(call.Arguments) < 2 {
		return orig(call)
	}
	bits := number(call.Arguments[0])
	call = withConverted(call, 0, bits)
	b := toInteger(bits)
	if b > 64 && b <= 1<<53-1 {
		// goja builds 2**bits even when x fits as it is (asIntN(1e9, -1n)
		// took seconds for 125 MB of bits): a BigInt that fits is its own
		// result.
		if x, ok := call.Arguments[1].Export().(*big.Int); ok && fits(x, b, signed) {
			return call.Arguments[1]
		}
	}
	if b <= MaxBigIntBits || b > 1<<53-1 {
		return orig(call) // small enough, or the original's RangeError
	}
	x, ok := call.Arguments[1].Export().(*big.Int)
	if !ok {
		s.throwRange(msgBigInt)
	}
	// |x| < 2**(bits-1) <= 2**bits: x is its own result, except a negative
	// x for asUintN, which needs all the bits.
	if x.Sign() < 0 && !signed {
		s.throwRange(msgBigInt)
	}
	if float64(x.BitLen()) < b-1 {
		return call.Arguments[1]
	}
	return orig(call) // x itself is that large: the work is its size
}

// fits reports whether x is its own result of asIntN (signed) or asUintN
// with b bits: -2**(b-1) <= x < 2**(b-1), or 0 <= x < 2**b.
func fits(x *big.Int, b float64, signed bool) bool {
	if signed {
		return float64(x.BitLen()) <= b-1
	}
	return x.Sign() >= 0 && float64(x.BitLen()) <= b
}

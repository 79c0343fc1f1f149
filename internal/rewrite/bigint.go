package rewrite

import (
	"math"
	"math/big"

	"github.com/dop251/goja"
)

// maxBits is the largest BigInt magnitude, in bits, that an operation may
// make: V8's limit, so that the RangeError comes where Node's does (Node
// 20: `1n << (2n ** 30n - 1n)` works, `1n << (2n ** 30n)` throws).
const maxBits = 1 << 30

// sizeExceeded is Node's message for a BigInt past maxBits.
const sizeExceeded = "Maximum BigInt size exceeded"

// pow is the operand helper of **; shl of <<; sar of >>. Each converts
// both operands to numerics (left first, as the operators do), checks a
// BigInt operation against maxBits, keeps the right operand for $rhs and
// returns the left. Two Numbers pass straight through.
func (h *helpers) pow(c goja.FunctionCall) goja.Value {
	a, b := c.Argument(0), c.Argument(1)
	if !goja.IsNumber(a) || !goja.IsNumber(b) {
		a, b = h.numeric(a), h.numeric(b)
		if goja.IsBigInt(a) && goja.IsBigInt(b) {
			a, b = h.checkPow(a, b)
		}
	}
	h.rhs = b
	return a
}

func (h *helpers) shl(c goja.FunctionCall) goja.Value { return h.shift(c, true) }

func (h *helpers) sar(c goja.FunctionCall) goja.Value { return h.shift(c, false) }

func (h *helpers) shift(c goja.FunctionCall, left bool) goja.Value {
	a, b := c.Argument(0), c.Argument(1)
	if !goja.IsNumber(a) || !goja.IsNumber(b) {
		a, b = h.numeric(a), h.numeric(b)
		if goja.IsBigInt(a) && goja.IsBigInt(b) {
			b = h.checkShift(a, b, left)
		}
	}
	h.rhs = b
	return a
}

// checkPow throws for x ** y past maxBits and returns the operands for
// goja to compute with. A negative exponent is goja's own RangeError, and
// 0n, 1n and -1n raised to anything are quick. A power of two is computed
// here, by a shift, and handed on as (result, 1n): goja's exponentiation
// squares it as if it were any number, which takes minutes near the limit.
func (h *helpers) checkPow(a, b goja.Value) (goja.Value, goja.Value) {
	x, y := a.Export().(*big.Int), b.Export().(*big.Int)
	abs := new(big.Int).Abs(x)
	if y.Sign() <= 0 || abs.BitLen() <= 1 {
		return a, b
	}
	// |x| >= 2, so the result has more than y bits.
	if !y.IsInt64() || y.Int64() >= maxBits {
		h.throwRange(sizeExceeded)
	}
	e := y.Int64()
	if k := int64(abs.BitLen() - 1); abs.TrailingZeroBits() == uint(k) {
		// |x| = 2^k: the result has k*e+1 bits.
		if k*e+1 > maxBits {
			h.throwRange(sizeExceeded)
		}
		r := new(big.Int).Lsh(big.NewInt(1), uint(k*e))
		if x.Sign() < 0 && e&1 == 1 {
			r.Neg(r)
		}
		return h.rt.ToValue(r), h.rt.ToValue(big.NewInt(1))
	}
	// Otherwise floor(e*log2|x|)+1 bits; float64 decides it except within
	// a millionth of a bit of the limit.
	if float64(e)*log2(abs) >= maxBits {
		h.throwRange(sizeExceeded)
	}
	return a, b
}

// log2 of a positive x, from its top 64 bits.
func log2(x *big.Int) float64 {
	n := x.BitLen()
	if n <= 64 {
		return math.Log2(float64(x.Uint64()))
	}
	top := new(big.Int).Rsh(x, uint(n-64))
	return math.Log2(float64(top.Uint64())) + float64(n-64)
}

// checkShift throws for x << n (left) or x >> n (!left) whose result
// would pass maxBits, and returns the count goja should use. goja reads
// only a count's low 64 bits, so a shift that shrinks x by more than its
// length (to 0n or -1n) gets the count of exactly its length instead, and
// a count for 0n becomes 0n: the results are Node's.
func (h *helpers) checkShift(a, b goja.Value, left bool) goja.Value {
	x, n := a.Export().(*big.Int), b.Export().(*big.Int)
	if n.Sign() == 0 {
		return b
	}
	if x.Sign() == 0 {
		return h.rt.ToValue(new(big.Int))
	}
	count := new(big.Int).Abs(n)
	length := int64(x.BitLen())
	if grows := (n.Sign() > 0) == left; grows {
		if !count.IsInt64() || length+count.Int64() > maxBits {
			h.throwRange(sizeExceeded)
		}
		return b
	}
	if count.IsInt64() && count.Int64() <= length {
		return b
	}
	clamped := big.NewInt(length)
	if n.Sign() < 0 {
		clamped.Neg(clamped)
	}
	return h.rt.ToValue(clamped)
}

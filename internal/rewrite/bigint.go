package rewrite

import (
	"math"
	"math/big"
	"math/bits"
	"reflect"

	"github.com/dop251/goja"
)

// maxBits is the largest BigInt magnitude, in bits, that an operation may
// make: V8's limit, so that the RangeError comes where Node's does (Node
// 20: `1n << (2n ** 30n - 1n)` works, `1n << (2n ** 30n)` throws).
const maxBits = 1 << 30

// Messages: Node's for a BigInt too big; goja's own for the rest, as its
// operators throw them.
const (
	sizeExceeded     = "Maximum BigInt size exceeded"
	mixedTypes       = "Cannot mix BigInt and other types, use explicit conversions"
	negativeExponent = "exponent must be positive"
)

// maxSafe is the largest integer goja keeps as an integer value (beyond
// it, a Number is a float64 even when whole).
const maxSafe = 1 << 53

var int64Type = reflect.TypeOf(int64(0))

// pow computes a ** b, and shift a << b or a >> b, exactly as goja's
// operators do (the tests compare the two on every kind of operand): both
// operands become numerics, left first; two Numbers give goja's Number
// result; a BigInt and a Number, goja's TypeError; two BigInts, the
// result unless it would pass maxBits, which throws Node's RangeError.
// One helper call does it all: it costs a third of what keeping goja's
// operator behind two calls did (see the package doc).
func (h *helpers) pow(a, b goja.Value) goja.Value {
	a, aInt := h.powOperand(a)
	b, bInt := h.powOperand(b)
	x, xBig := bigOf(a)
	y, yBig := bigOf(b)
	switch {
	case xBig && yBig:
		return h.bigPow(x, y)
	case xBig || yBig:
		panic(h.rt.NewTypeError(mixedTypes))
	}
	return h.numberPow(a, b, aInt && bInt)
}

// powOperand converts an operand of ** to a numeric and tells whether goja
// would hold it as an integer: its ** first makes a whole float Number an
// integer (not one a conversion returned, which it takes as it comes).
func (h *helpers) powOperand(v goja.Value) (goja.Value, bool) {
	if !goja.IsNumber(v) {
		v = h.numeric(v)
		return v, goja.IsNumber(v) && isInt(v)
	}
	if isInt(v) {
		return v, true
	}
	f := v.ToFloat()
	whole := (f != 0 || !math.Signbit(f)) && !math.IsInf(f, 0) && f == math.Trunc(f) && math.Abs(f) <= maxSafe
	return v, whole
}

func (h *helpers) shift(a, b goja.Value, left bool) goja.Value {
	a, b = h.operands(a, b)
	x, xBig := bigOf(a)
	n, nBig := bigOf(b)
	switch {
	case xBig && nBig:
		return h.bigShift(x, n, left)
	case xBig || nBig:
		panic(h.rt.NewTypeError(mixedTypes))
	}
	count := toUint32(b) & 31
	if left {
		return h.rt.ToValue(int64(toInt32(a) << count))
	}
	return h.rt.ToValue(int64(toInt32(a) >> count))
}

// operands converts both operands to numerics, left first.
func (h *helpers) operands(a, b goja.Value) (goja.Value, goja.Value) {
	if goja.IsNumber(a) && goja.IsNumber(b) {
		return a, b // the common case: nothing to convert
	}
	a = h.numeric(a)
	return a, h.numeric(b)
}

func bigOf(v goja.Value) (*big.Int, bool) {
	if !goja.IsBigInt(v) {
		return nil, false
	}
	return v.Export().(*big.Int), true
}

// isInt reports whether a Number is held as an integer (goja computes
// some operations on those exactly, and on floats otherwise).
func isInt(v goja.Value) bool { return v.ExportType() == int64Type }

// toInt32 and toUint32 are goja's conversions of a Number for the shifts
// (a float beyond int64 converts as Go converts it, as in goja).
func toInt32(v goja.Value) int32 {
	if isInt(v) {
		return int32(v.ToInteger())
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int32(int64(f))
}

func toUint32(v goja.Value) uint32 {
	if isInt(v) {
		return uint32(v.ToInteger())
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return uint32(int64(f))
}

// numberPow is goja's Number exponentiation: integers raised to a
// non-negative integer are computed exactly when the result fits in an
// int64 (and then made a Number as goja makes any integer), the rest by
// math.Pow, with the two cases where JavaScript and Go differ.
func (h *helpers) numberPow(a, b goja.Value, ints bool) goja.Value {
	if ints {
		x, y := a.ToInteger(), b.ToInteger()
		if y == 0 {
			return h.rt.ToValue(int64(1))
		}
		if y > 0 {
			if r, ok := exactPow(x, y); ok {
				return h.rt.ToValue(r)
			}
		}
	}
	x, y := a.ToFloat(), b.ToFloat()
	if math.Abs(x) == 1 && math.IsInf(y, 0) || x == 1 && math.IsNaN(y) {
		return h.rt.ToValue(math.NaN())
	}
	return h.rt.ToValue(math.Pow(x, y))
}

// exactPow is x**y for y >= 1 when |x**y| fits in an int64 without being
// -2^63 (what goja computes exactly; it gives up on the rest).
func exactPow(x, y int64) (int64, bool) {
	switch {
	case x == 0 || x == 1 || y == 1:
		return x, true
	case x == -1:
		return 1 - 2*(y&1), true
	case y >= 63:
		return 0, false
	}
	neg := x < 0 && y&1 == 1
	base := uint64(x)
	if x < 0 {
		base = uint64(-x)
	}
	r := uint64(1)
	for i := int64(0); i < y; i++ {
		hi, lo := bits.Mul64(r, base)
		if hi != 0 || lo > math.MaxInt64 {
			return 0, false
		}
		r = lo
	}
	if neg {
		return -int64(r), true
	}
	return int64(r), true
}

// bigPow is x ** y for BigInts. A negative exponent is goja's RangeError;
// 0n, 1n and -1n raised to anything are quick. A power of two is a shift,
// which goja's exponentiation would compute the long way (minutes near
// the limit).
func (h *helpers) bigPow(x, y *big.Int) goja.Value {
	if y.Sign() < 0 {
		h.throwRange(negativeExponent)
	}
	abs := new(big.Int).Abs(x)
	if y.Sign() == 0 || abs.BitLen() <= 1 {
		return h.rt.ToValue(new(big.Int).Exp(x, y, nil))
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
		return h.rt.ToValue(r)
	}
	// Otherwise floor(e*log2|x|)+1 bits; float64 decides it except within
	// a millionth of a bit of the limit.
	if float64(e)*log2(abs) >= maxBits {
		h.throwRange(sizeExceeded)
	}
	return h.rt.ToValue(new(big.Int).Exp(x, y, nil))
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

// bigShift is x << n (left) or x >> n (!left) for BigInts; a negative
// count shifts the other way. A result past maxBits throws; a shift that
// shrinks x by more than its length gives 0n or -1n, as in Node (goja
// reads only a count's low 64 bits).
func (h *helpers) bigShift(x, n *big.Int, left bool) goja.Value {
	if x.Sign() == 0 || n.Sign() == 0 {
		return h.rt.ToValue(x)
	}
	count := new(big.Int).Abs(n)
	length := int64(x.BitLen())
	if grows := (n.Sign() > 0) == left; grows {
		if !count.IsInt64() || length+count.Int64() > maxBits {
			h.throwRange(sizeExceeded)
		}
		return h.rt.ToValue(new(big.Int).Lsh(x, uint(count.Int64())))
	}
	if !count.IsInt64() || count.Int64() > length {
		count.SetInt64(length) // as far as it matters: to 0n or -1n
	}
	return h.rt.ToValue(new(big.Int).Rsh(x, uint(count.Int64())))
}

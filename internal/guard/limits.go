package guard

// The limits the guards enforce. They are fixed, like V8's, so that a
// script behaves the same under every host.
const (
	// MaxDepth bounds the nesting that a built-in recursing in Go may
	// follow: JSON.parse and JSON.stringify, Array.prototype.join (and
	// toString, which calls it), toLocaleString and flat. Node stops such
	// recursion between 3,000 and 6,000 levels; 10,000 is jsrun's default
	// call stack depth too. Past it the built-in throws RangeError
	// "Maximum call stack size exceeded".
	MaxDepth = 10_000

	// MaxStringLength is V8's longest string (2**29 - 24 UTF-16 units). A
	// guarded built-in whose result would be longer throws RangeError
	// "Invalid string length" before it allocates.
	MaxStringLength = 1<<29 - 24

	// MaxArrayLength is the longest array JavaScript allows (2**32 - 1).
	MaxArrayLength = 1<<32 - 1

	// MaxArgs bounds the arguments of one call made from an array-like
	// (Function.prototype.apply, Reflect.apply, Reflect.construct). Node
	// overflows its stack between 120,000 and 130,000; past MaxArgs the
	// call throws RangeError "Maximum call stack size exceeded".
	MaxArgs = 1 << 17

	// MaxLoop bounds the length a guarded Array.prototype method walks
	// index by index. goja walks holes one by one, so new Array(2**32-1)
	// would keep a goroutine busy for minutes without allocating; past
	// MaxLoop (about a second of walking) the method throws a RangeError
	// that names the length. A dense array this long would take more than
	// a gigabyte, so only sparse arrays and array-likes meet the limit.
	MaxLoop = 1 << 26

	// MaxBufferBytes bounds one ArrayBuffer or typed array allocation.
	// Go cannot refuse an allocation the machine lacks (it dies of a fatal
	// out of memory), so a larger one throws RangeError "Array buffer
	// allocation failed", as Node does when calloc fails.
	MaxBufferBytes = 1 << 32

	// MaxTypedArrayLength is V8's longest typed array (2**32 elements);
	// past it a constructor throws RangeError "Invalid typed array
	// length: N".
	MaxTypedArrayLength = 1 << 32

	// MaxBigIntBits is V8's largest BigInt (2**30 bits); BigInt.asUintN
	// and asIntN that would build a larger one throw RangeError "Maximum
	// BigInt size exceeded".
	MaxBigIntBits = 1 << 30
)

// Package guard puts cheap checks in front of the goja built-ins that
// recurse in Go or allocate in proportion to an argument, so that each such
// hazard throws a catchable RangeError (with Node's message where Node
// throws one) instead of killing the process with a Go stack overflow or a
// fatal out of memory, or keeping a goroutine busy for minutes. goja itself
// is not changed: Install replaces built-ins of one runtime with guarded
// proxies of them. The limits are in limits.go.
//
// Install is called on every runtime jsrun makes (threads.newRuntime): the
// main runtime and each thread. The built-ins reached only through the
// global object are guarded lazily, on the first read of their global (see
// global.go). What a script reaches from a literal ([].join, "".repeat,
// f.apply, (0n).constructor, [].constructor) is guarded at once (wrap.go):
// goja makes each built-in on its first use, and a guard must make the
// original to call it, so each of these costs a new runtime about one
// native function (BenchmarkInstallCPU).
//
// # Catalogue
//
// Built-in: hazard → guard. Test: TestHazards/<name> (each also runs under
// jsrun in the main runtime and in a thread, TestHazardsInJsrun/<name>;
// the Issue* cases are issue 13's at their sizes there). On ordinary
// inputs each guarded built-in gives what the original gives
// (TestSameAsUnguarded), and the global object behaves as goja's but for
// what global.go lists (TestGlobalSameAsUnguarded, TestGlobalDifferences).
//
//	JSON.parse: Go recursion per nesting level, stack overflow at ~3e6 →
//	  texts longer than MaxDepth are scanned for bracket depth first.
//	  JSONParseDeepArray, JSONParseDeepObject, JSONParseDeepWithReviver
//	JSON.stringify: Go recursion per level and a cycle check against every
//	  level above (100,000 levels: 18 s; deeper: stack overflow) → its own
//	  replacer counts the levels (calling the script's replacer; a replacer
//	  array becomes substitute objects holding the listed properties).
//	  JSONStringifyDeepArray, ...DeepObject, ...DeepReplacerFunction,
//	  ...DeepReplacerArray, ...DeepToJSON, ...HugeReplacerArray
//	Array.prototype.join (and toString, String(a), `${a}`, which call it):
//	  Go recursion per nesting level and a cycle check per level → a
//	  counter of conversions in progress; a sparse length walked hole by
//	  hole (new Array(2**32-1).join("") runs for minutes) → MaxLoop; a
//	  result over MaxStringLength from separators alone → "Invalid string
//	  length". StringOfDeepArray, JoinDeepArray, TemplateOfDeepArray,
//	  JoinSparse, JoinSparseSeparators, JoinArrayLike, ToStringSparse
//	Array.prototype.toLocaleString: the same recursion → the same counter.
//	  ToLocaleStringDeepArray
//	Array.prototype.flat: Go recursion per level → at most MaxDepth
//	  levels, and a result still holding arrays throws. FlatDeepArray
//	Array.prototype.sort, map: allocate for the whole length at once
//	  ({length: 2**40}: fatal out of memory) → MaxLoop. SortArrayLike,
//	  MapSparse
//	Array.prototype.fill, flatMap, concat, toReversed, toSorted, with,
//	  toSpliced: walk the (result's) length hole
//	  by hole → MaxLoop. FillSparse, FlatMapSparse, ConcatSparse,
//	  ToReversedSparse, ToSortedArrayLike, WithSparse, ToSplicedSparse
//	Array.from: new Array(length) then a walk of it → "Invalid array
//	  length" past 2**32-1 (Node's), MaxLoop below. ArrayFromHugeArrayLike,
//	  ArrayFromSparse, ArrayFromViaConstructor
//	String.prototype.repeat, padStart, padEnd, concat: one allocation of
//	  the result ("x".repeat(2**40): fatal out of memory) → the result's
//	  length is computed first, "Invalid string length" past
//	  MaxStringLength. RepeatHuge, RepeatPastMaxString, PadStartHuge,
//	  PadEndHuge, ConcatStrings
//	String.prototype.replaceAll (string pattern and replacement): a result
//	  up to the square of the string's length → its length is bounded,
//	  then counted. ReplaceAllBlowup, ReplaceAllRestOfString
//	ArrayBuffer, the typed arrays (constructors, from): one allocation of
//	  length × element size (new ArrayBuffer(2**40): fatal out of memory)
//	  → "Array buffer allocation failed" past MaxBufferBytes, "Invalid typed
//	  array length: N" past MaxTypedArrayLength; the prototypes'
//	  constructor is the guarded one. ArrayBufferHuge, TypedArrayHuge,
//	  TypedArrayTooManyBytes, TypedArrayFromArrayLike,
//	  TypedArrayFromGetterLength, TypedArrayFromStatic,
//	  TypedArrayViaConstructor, ArrayBufferViaBuffer
//	BigInt.asUintN, asIntN: 2**bits built whatever the value
//	  (asUintN(2**53-1, -1n): Go panic in make; 2**40 bits: fatal out of
//	  memory) → past MaxBigIntBits the value is its own result, or
//	  "Maximum BigInt size exceeded". BigIntAsUintNHugeBits,
//	  BigIntAsUintN2To40, BigIntAsIntNFits, BigIntViaConstructor
//	Function.prototype.apply, Reflect.apply, Reflect.construct: a Go slice
//	  of the array-like's length made first ({length: 2**40}: fatal out of
//	  memory) → "Invalid array length" past 2**32-1, "Maximum call stack
//	  size exceeded" past MaxArgs (String.fromCharCode and the like get
//	  their huge argument lists only this way or by spread).
//	  ApplyHugeArrayLike, ApplyTooManyArgs, ApplyGetterLength,
//	  FromCharCodeApply, ReflectApplyHuge, ReflectConstructHuge
//	BigInt ** and <<, spread f(...xs): operators, not built-ins: see
//	  internal/rewrite.
//
// Not guarded: the other Array.prototype methods (reverse, indexOf,
// includes, copyWithin, unshift, slice, splice, toReversed, with,
// toSpliced, ...) walk a huge sparse array or array-like hole by hole, and
// the last three allocate as they go; RegExp methods; a replacer or
// toString that returns huge strings to join, replace or stringify. These
// end by the evaluation's timeout (an abandoned goroutine) or its memory
// limit; guarding each would cost every runtime another native function.
//
// A guard reads an argument the way the original will, once: it converts
// it (valueOf, toString) and passes the converted value on. A length it
// cannot read without side effects (a getter, a proxy) is checked when the
// original reads it, through a proxy of the argument.
package guard

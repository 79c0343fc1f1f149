// Package rewrite guards the operations that no wrapper of a built-in
// reaches, by rewriting a script's AST before goja compiles it.
//
// # What is guarded, and why
//
// BigInt ** and << (and >> by a negative count) make a result whose size
// grows with the value of an operand: goja computes 1n << (2n ** 40n)
// with math/big and the process dies of Go's fatal out of memory (no
// try/catch, no thread boundary contains it); 2n ** (2n ** 40n) runs for
// ever. goja even computes such an expression while compiling when both
// operands are literals. Spread arguments, f(...xs) and new C(...xs),
// are pushed one by one onto goja's stack, at a cost that grows with the
// square of their number: Math.max(...Array(1e7).fill(1)) never ends.
//
// Compile parses a source as goja.Compile does (a syntax error is goja's
// own), rewrites the AST in place (Program) and compiles it with
// goja.CompileAST. Install defines the one helper the rewritten code
// calls, __jsrun$, in a runtime's global object (non-enumerable,
// read-only, non-configurable; a script may call it, and gets what
// rewritten code gets, or a TypeError). ProgramTagged and CompileTagged
// also make the functions of the literals a Tagger names carry their site
// (see Sites): threads.run tells apart one text written where it means
// different things. A script that calls the helper to tag a function can
// tag only one that carries no site yet.
//
//	a ** b, a << b, a >> b   ->  __jsrun$(op, a, b)
//	x **= n (and <<=, >>=)   ->  x = __jsrun$(op, x, n)
//	o.p **= n, o[k] **= n    ->  a cell, see below
//	f(...xs), new C(...xs)   ->  f(...__jsrun$(spread, xs))
//	eval(x, ...)             ->  eval(__jsrun$(evalText, x), ...)
//
// The helper converts both operands as goja's operators do (valueOf or
// Symbol.toPrimitive once each, left first) and computes what goja
// computes: the same Numbers (the tests compare values, -0, the int64 or
// float64 Go sees, conversion order and errors on ~40,000 operand pairs
// and every kind of assignment target), goja's TypeError for a BigInt
// mixed with a Number, goja's RangeError for a negative BigInt exponent.
// Two BigInts whose result would pass V8's limit of 2^30 bits throw
// Node's RangeError, "Maximum BigInt size exceeded", where Node throws it.
// A BigInt shift by 2^64 or more, which goja reads modulo 2^64, gives
// Node's result (0n or -1n), and a power of two is raised by a shift.
//
// An expression whose operand cannot be a BigInt by its syntax alone (a
// Number, string or boolean literal, +x, x - 1, a template, ...) is left
// as it is (see neverBigInt): x ** 2, 1 << n, h >> 8 and x << (32 - n)
// keep goja's operator and cost nothing.
//
// A compound assignment evaluates its target once. A name, or a property
// of this, super or a name with a literal key, is written twice, which
// reads the same reference. Any other target (o.a.p, f().p, o[k], o.#p,
// super[k]) goes through a cell, two arrow functions over its object and
// key: ((t, k, g = t[k]) => (v) => t[k] = __jsrun$(op, g, v))(o, k)(n).
// The key is converted at the read and at the write, as goja does.
//
// The spread helper hands an array or a string back as it is when it
// iterates the built-in way (recognised by the Go code behind
// Array.prototype.values and the iterators' next, which no script can
// forge) and has at most 125,000 elements; past that it throws Node's
// "Maximum call stack size exceeded" (Node 20 throws from about 125,277
// arguments). Anything else is wrapped in an iterable that passes each
// step of its own iteration on and throws at step 125,001.
//
// Code made at run time is guarded too. Install puts a wrapper in place
// of Function (global and Function.prototype.constructor); a program that
// makes an async function or a generator starts with a call that wraps
// their constructors (only from such a function can a script reach
// them). The wrappers build the text goja's constructors build and
// compile it through the rewrite; a text with nothing to rewrite, or that
// does not parse, goes to the original constructor, so the function or
// goja's SyntaxError is exactly goja's. Modules loaded by goja_nodejs's
// require are compiled by require itself, from text: Modules wraps the
// source loader so that a module with something to rewrite is compiled
// here and require runs a one-line stub in its place (see Modules).
//
// # Positions
//
// Every node the rewrite makes carries the position of the expression it
// replaces, so an error keeps its line and column: a binary operation at
// its left operand, as goja places it; a compound one without a position
// of its own, as goja gives it none. The helper's own frame shows as "at
// native" in a stack through it (a valueOf that throws, goja's TypeError
// for mixed types, the RangeError), and a cell's arrows add frames to an
// error in a getter or setter of the target. goja's bytecode offsets
// ("(12)" after a frame) change, as after any edit; the host drops them.
// The source text of functions (toString) is the original.
//
// # Cost
//
// Medians of 100,000-step loops (go test -bench Operators, two runs of 8
// and 10 on a 2-core machine shared with other work): x << y 1.3-1.75x
// the plain operator's time (+45-100 ns a step), x >> y 1.3-1.55x, x ** y
// 1.6x, x <<= y up to 1.4x, o.p <<= y 1.3x, a[0].z <<= y (a cell) 7-11x
// (+1.6-3.3 us); f(...xs) of three elements within noise (goja's own
// spread costs 3-6 us); literal forms (x << 1, x ** 2) and ordinary code
// the same. Keeping goja's operator behind two helper calls
// ($op(a, b) ** $rhs()) cost about 3 times as much a step as the one call.
// Compiling a 1 MB script: 154 -> 173 ms (the walk itself 6-8 ms; the
// parse 58 ms). Install adds 6 us to a runtime (goja.New 0.9 us, with
// Install 6.7 us): threads.run of a trivial function went from 18.7 to
// 29.7 us (median of paired runs); an Eval of a small script that
// compiles each time, 6.7 ms before and after.
//
// # Gaps
//
//   - Code run by eval, direct or indirect, is compiled by goja alone: a
//     direct eval needs the eval function itself (goja compares it with
//     its own), and there is no hook in goja's compiler. eval("1n << (2n
//     ** 40n)") still ends the process; WithoutEval-like switches are the
//     host's to add. The one check made: a direct eval in rewritten code,
//     eval(x), becomes eval($evalText(x)), which throws Node's RangeError
//     for a text nested too deep for goja's parser (internal/nesting); the
//     Function wrappers and Compile check their texts the same way. An
//     eval reached as a value (globalThis.eval(s), (0, eval)(s)) or
//     written inside an eval'd text is not checked: such a text nested
//     300,000 deep still ends the process.
//   - BigInt * is not guarded: its result is at most as big as its two
//     operands together, so it cannot allocate far beyond what the script
//     already holds; a loop of squarings grows memory step by step, which
//     the host's memory limit bounds. Within V8's limit, goja's (math/big)
//     multiplication and ** of a non-power-of-two base are much slower
//     than V8's: 3n ** 10000000n takes seconds, sizes near 2^30 bits
//     minutes, and so does converting such a BigInt to a string. Those end
//     on their own; the evaluation's deadline is what bounds them.
//   - A name read twice by a compound assignment is looked up twice: the
//     same binding, unless a with statement's object or a global accessor
//     changes between the two lookups (or logs them).
//   - The spread helper reads an array's Symbol.iterator, and the
//     iterators' next, once more than the spread does (a getter a script
//     put there runs twice); for anything but such an array or a string,
//     it wraps the iterable, and an error thrown at step 125,001 does not
//     close the iterator (as a throwing next does not).
//   - The global __jsrun$ (and __jsrun$module with require) are visible
//     to Object.getOwnPropertyNames(globalThis), and a local binding or a
//     with statement's property of that name would catch the calls in its
//     scope: that scope's results go wrong, but the guarded operators
//     stay guarded (its own ** or << calls the same name).
//   - A program that makes an async function or a generator and whose
//     last value is a directive ("use strict") now completes with
//     undefined.
package rewrite

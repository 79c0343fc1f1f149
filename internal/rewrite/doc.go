// Package rewrite guards the operations no wrapper of a built-in reaches:
// BigInt ** and << (>> with a negative count), whose result grows with the
// value of an operand, and spread arguments, which goja pushes one by one
// at a cost that grows with the square of their number. Compile parses a
// script as goja.Compile does, replaces those expressions with calls of
// helper functions that Install defines in a runtime, and compiles the
// result, so that `1n << (2n ** 40n)` throws Node's RangeError ("Maximum
// BigInt size exceeded") instead of ending the process with Go's fatal out
// of memory, and `Math.max(...Array(1e7).fill(1))` throws "Maximum call
// stack size exceeded" instead of running for hours.
package rewrite

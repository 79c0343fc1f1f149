// Package nesting tells, before any parser reads a JavaScript or
// TypeScript text, whether reading it could exhaust the Go stack.
//
// goja's parser and compiler and esbuild's parser recurse in Go once per
// level of nesting (a bracket, a unary operator, an arrow, an if, a
// binary operator chained to the left): between 200 bytes and 3.3 KiB of
// Go stack a level, so about 300,000 levels pass Go's 1 GB stack limit
// and end the process with a fatal error no recover catches. Neither
// parser has a depth limit of its own, so the text is scanned first and
// refused past Limit levels; Node refuses such texts too, with
// "RangeError: Maximum call stack size exceeded" (V8's parser stops at a
// few thousand brackets).
//
// The scan is a small lexer (strings, templates, comments, regular
// expressions), not a parser, so it counts an upper bound: the open
// brackets, plus in each open bracket the tokens since its last ";" or
// "," or a line break where a statement must end. Ordinary code stays
// far below Limit; a text that goes past it nests, or chains operators,
// tens of thousands deep. Where the lexer cannot follow the text (an
// unterminated string, a closing bracket with none open) only the raw
// bracket depth is counted, which no literal can hide.
//
// Written here rather than taken from a library: no Go JavaScript lexer
// is public (esbuild's is internal, goja's parser is what must be
// protected).
package nesting

import "errors"

// Limit is the most levels a text may nest, counted as Check counts:
// at most about 66 MB of Go stack in the costliest construct measured.
const Limit = 20_000

// ErrTooDeep is Check's error: the text nests past Limit. Its text is
// the message Node gives for such a text.
var ErrTooDeep = errors.New("Maximum call stack size exceeded")

// Check returns ErrTooDeep if src nests past Limit, nil otherwise. It
// reads src once, and not at all when src is too short to nest that deep.
func Check(src string) error {
	if len(src) <= Limit/2 { // each byte adds at most 2 levels
		return nil
	}
	if rawDepth(src) > Limit {
		return ErrTooDeep
	}
	s := scanner{src: src}
	if s.scan() > Limit {
		return ErrTooDeep
	}
	return nil
}

// rawDepth is the deepest the brackets of src go, counted byte by byte
// with no regard for strings or comments (a closing bracket with none
// open is ignored).
func rawDepth(src string) int {
	depth, most := 0, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '(', '[', '{':
			depth++
			most = max(most, depth)
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return most
}

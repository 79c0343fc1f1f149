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
// Cost: about 140-180 MB/s of text (BenchmarkCheck; goja parses about
// 17 MB/s), once per text: the hash of a text that passed is kept, so the
// compiler's check of what the transform checked is a hash (8 GB/s). A
// 1.1 MB script runs about 5% longer as a whole process (median of 10
// paired runs); a text under Limit/2 bytes is not read at all.
//
// Written here rather than taken from a library: no Go JavaScript lexer
// is public (esbuild's is internal, goja's parser is what must be
// protected).
package nesting

import (
	"errors"
	"hash/maphash"
	"sync"
)

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
	h := maphash.String(seed, src)
	if passed.has(h) {
		return nil
	}
	if err := check(src); err != nil {
		return err
	}
	passed.add(h)
	return nil
}

// check is Check without the memory of texts that passed.
func check(src string) error {
	if rawDepth(src) > Limit {
		return ErrTooDeep
	}
	s := scanner{src: src}
	if s.scan() > Limit {
		return ErrTooDeep
	}
	return nil
}

// passed remembers the last texts that passed, by a hash of them: a
// file's text is checked by the transform and then again by the compiler
// (or cached by one and not the other), and hashing is 50 times as fast
// as scanning. The seed is random, so no script can make a deep text
// collide with one that passed.
var (
	seed   = maphash.MakeSeed()
	passed memo
)

type memo struct {
	mu   sync.Mutex
	keys [16]uint64
	next int
}

func (m *memo) has(h uint64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, k := range m.keys {
		if k == h {
			return true
		}
	}
	return false
}

func (m *memo) add(h uint64) {
	m.mu.Lock()
	m.keys[m.next] = h
	m.next = (m.next + 1) % len(m.keys)
	m.mu.Unlock()
}

// rawDepth is the deepest the brackets of src go, counted byte by byte
// with no regard for strings or comments (a closing bracket with none
// open is ignored).
func rawDepth(src string) int {
	depth, most := 0, 0
	for i := 0; i < len(src); i++ {
		if d := bracket[src[i]]; d > 0 {
			depth++
			most = max(most, depth)
		} else if d < 0 && depth > 0 {
			depth--
		}
	}
	return most
}

// bracket is +1 for an opening bracket's byte, -1 for a closing one's.
var bracket = [256]int8{'(': 1, '[': 1, '{': 1, ')': -1, ']': -1, '}': -1}

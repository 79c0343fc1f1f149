package clone

import "github.com/dop251/goja/unistring"

// nameSlab hands out the key lists of restored objects from shared blocks:
// one allocation for a few dozen objects rather than one each. A list is
// cut with its capacity equal to what was asked, so goja, which appends
// to an object's list when it gains a property, reallocates rather than
// writes into a neighbour's. Blocks start at the first list's size and
// double up to nameBlock, so that a restore of one small object allocates
// what it did without a slab, and are small so that an object kept alone
// keeps little of its block's neighbours alive. The zero value is ready;
// a slab is used by one goroutine.
type nameSlab struct {
	free []unistring.String
	last int // size of the last block
}

// nameBlock is the most keys a block holds: 2 KiB.
const nameBlock = 128

// cut returns an empty key list with capacity n; s nil: allocated alone.
func (s *nameSlab) cut(n int) []unistring.String {
	if s == nil || n > nameBlock/4 {
		return make([]unistring.String, 0, n)
	}
	if len(s.free) < n {
		s.last = max(n, min(nameBlock, 2*s.last))
		s.free = make([]unistring.String, s.last)
	}
	names := s.free[:0:n]
	s.free = s.free[n:]
	return names
}

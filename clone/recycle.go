package clone

// Recycling the big buffers of big clones.
//
// Go's collector is not generational: every cycle marks the whole live
// heap (the value being cloned included), and a cycle comes each time the
// program has allocated GOGC% of what was live. So every byte a clone does
// not allocate is marking not done. Cloning 1 MiB of JSON-like data into a
// thread made about 8 MB of snapshot (nodes and child slots) and 3 MB of
// walk and restore scratch (the memo, the parallel walk's object lists,
// the restore's node tables) on top of the 18 MB of goja objects the
// restore must make, and the collector took a third of the CPU.
//
// The snapshot's full-size node and slot chunks go back to pools when
// RestoreOnce has consumed the snapshot (a thread's arguments: the common
// big clone), and walk and restore scratch when the walk or restore ends.
// Everything pooled is cleared first: the pools hold no pointer into any
// runtime. sync.Pool lets the collector drop what stays unused for two
// cycles, so a burst of big clones does not pin its memory.

import (
	"math/bits"
	"sync"
	"unsafe"
)

// slotChunk is the size of a full child-slot arena chunk (see reserve).
const slotChunk = 4096

var (
	nodeChunks = sync.Pool{New: func() any { return new([nodeChunk]node) }}
	slotChunks = sync.Pool{New: func() any { return new([slotChunk]slot) }}
)

// newNodeChunk returns an empty full-size node chunk.
func newNodeChunk() []node {
	return nodeChunks.Get().(*[nodeChunk]node)[:]
}

// pooledChunks are the full-size slot chunks a snapshot's nodes use.
type pooledChunks struct {
	slots []*[slotChunk]slot
}

// newSlotChunk returns an empty full-size slot arena chunk, owned by s.
func (s *Snapshot) newSlotChunk() []slot {
	c := slotChunks.Get().(*[slotChunk]slot)
	if s.pooled == nil {
		s.pooled = &pooledChunks{}
	}
	s.pooled.slots = append(s.pooled.slots, c)
	return c[:0]
}

// recycle returns the snapshot's full-size chunks to the pools and drops
// its nodes. Nothing may read s afterwards but through its methods: Len is
// unchanged, Size is 0, and a restore fails as for any snapshot restored
// once.
func (s *Snapshot) recycle() {
	for _, c := range s.chunks {
		if len(c) == nodeChunk {
			clear(c)
			nodeChunks.Put((*[nodeChunk]node)(c))
		}
	}
	if s.pooled != nil {
		for _, c := range s.pooled.slots {
			clear(c[:])
			slotChunks.Put(c)
		}
	}
	s.chunks, s.pooled = nil, nil
	s.nnodes, s.size, s.lazyStrings = 0, 0, false
}

// Memo tables of 2^minTableBits entries and more go to pools by size
// rather than staying with a pooled walker: a walk takes a table sized by
// its own need, so that clearing it afterwards costs in proportion to that
// walk, not to the biggest walk the walker ever made.
const (
	minTableBits = 12 // 64 KiB
	maxTableBits = 17 // 2 MiB
)

var tables [maxTableBits - minTableBits + 1]sync.Pool // of *objEntry, the first of 2^(minTableBits+i)

// newTable returns a zeroed table of size entries, a power of two.
func newTable(size int) []objEntry {
	if k := bits.Len(uint(size)) - 1; k >= minTableBits && k <= maxTableBits {
		if p, ok := tables[k-minTableBits].Get().(*objEntry); ok {
			return unsafe.Slice(p, size)
		}
	}
	return make([]objEntry, size)
}

// recycleTable clears t and pools it when it is of a pooled size. It
// reports whether it did; the caller then must not use t.
func recycleTable(t []objEntry) bool {
	k := bits.Len(uint(len(t))) - 1
	if len(t) == 0 || k < minTableBits || k > maxTableBits {
		return false
	}
	clear(t)
	tables[k-minTableBits].Put(&t[0])
	return true
}

// maxScratch bounds the scratch slices (memo table, object lists, node
// tables) a pooled walker or restorer keeps between clones: a few MB.
const maxScratch = 1 << 17

// keep returns b emptied for reuse, its first used elements cleared, or
// nil if it is too big to keep.
func keep[T any](b []T, used int) []T {
	if cap(b) > maxScratch {
		return nil
	}
	clear(b[:used])
	return b[:0]
}

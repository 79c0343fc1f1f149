package clone

// Recycling the big buffers of big clones.
//
// Go's collector is not generational: every cycle marks the whole live
// heap (the value being cloned included), and a cycle comes each time the
// program has allocated GOGC% of what was live. So every byte a clone does
// not allocate is marking not done. Cloning 1 MiB of JSON-like data into a
// thread makes about 6 MB of snapshot (nodes and child slots) and some
// walk and restore scratch (the memo, the restore's node tables) on top of
// the 18 MB of goja objects the restore must make.
//
// The snapshot's full-size node and slot chunks go back to pools when
// RestoreOnce has consumed the snapshot (a thread's arguments: the common
// big clone), and walk and restore scratch when the walk or restore ends.
// Everything pooled is cleared first: the pools hold no pointer into any
// runtime. sync.Pool lets the collector drop what stays unused for two
// cycles, so a burst of big clones does not pin its memory.

import "sync"

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

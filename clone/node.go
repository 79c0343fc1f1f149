package clone

import (
	"reflect"
	"sync/atomic"

	"github.com/dop251/goja"
)

// kind says what a node rebuilds.
type kind uint8

const (
	kObject      kind = iota // plain object; slots are named properties
	kArray                   // array; nIdx index slots, then named properties
	kMap                     // slots alternate key, value
	kSet                     // one slot per element
	kDate                    // extra: float64 time value (NaN: invalid date)
	kRegExp                  // extra: *regexpData
	kArrayBuffer             // extra: []byte, never aliased with a runtime
	kTypedArray              // sub: element type; extra: *viewData; slot 0: the buffer
	kDataView                // extra: *viewData; slot 0: the buffer
	kWrapper                 // Boolean, Number, BigInt or String object; extra: the primitive
	kError                   // extra: *errorData; one slot for cause when present
	kRef                     // host object by reference; extra: the ref given to Attach
	kFunction                // extra: the Codec's payload
)

// slot is one child value of a node (or a root): a primitive, or a reference
// to another node. Keeping primitives inline avoids a node per number or
// string, which is most of a JSON-like value.
type slot struct {
	// v is the primitive value, nil when the slot refers to a node.
	// Primitive goja values are runtime-independent and goroutine-safe.
	v goja.Value
	// ref is the node index when v is nil; skipped marks a property that a
	// getter deleted before it was read (the spec skips it).
	ref int32
	// key is the array index for the element slots of an array, unused
	// otherwise (a named property's key is in its node's keys).
	key uint32
}

const skipped = -1

// node is one object of the cloned graph. Its children are slots carved
// from large shared chunks, so a snapshot is a few big allocations whatever
// its shape, and nothing is copied as it grows.
type node struct {
	kind kind
	sub  uint8 // typed array element type; arrays: holey flag
	// parent and pslot record where the walk first met this node: child
	// pslot of node parent, or root pslot when parent is -1. They exist so
	// error paths can be built lazily, only when something fails.
	parent int32
	pslot  int32
	nIdx   int32  // arrays: how many leading slots are elements
	length uint32 // arrays: the length property
	slots  []slot // the children
	// keys are the named property keys of objects and arrays, parallel to
	// slots[nIdx:].
	keys []string
	// extra is the kind-specific immutable payload, see kind. Objects and
	// arrays: a map[int32]goja.Value from child position to the real key of
	// properties whose key a Go string cannot carry (lone surrogates; keys
	// then holds a readable approximation), or nil.
	extra any
}

// holey marks an array whose elements are not exactly 0..n-1 with
// n == length, which rules out building it in one NewArray call.
const holey = 1

type regexpData struct {
	source goja.Value // String, as the source getter returns it
	flags  string
}

type viewData struct {
	offset, length int64 // byteOffset and length (typed array) or byteLength (DataView)
}

type errorData struct {
	proto   string     // constructor to rebuild with: one of nativeErrors
	name    goja.Value // own name to define (PreserveErrorNames), or nil
	message goja.Value // own message, or nil
	stack   goja.Value // own stack, or nil
}

// Snapshot is a structured clone of some values, detached from any runtime:
// nodes and slots in a few large chunks, linked by index, holding Go data and
// runtime-independent primitive goja values only. It is immutable once
// SnapshotValues returns: any number of goroutines may hold it and restore it
// at the same time.
type Snapshot struct {
	roots []slot
	// chunks hold the nodes, nodeChunk to a chunk (the first one grows to
	// that size), so a big snapshot never copies its nodes as it grows.
	chunks [][]node
	// pooled lists the pooled chunks the nodes' slots were carved from,
	// for recycle; nil until the first (a pointer: small snapshots, the
	// hot path, keep their size class).
	pooled *pooledChunks
	nnodes int32
	// kinds has bit 1<<k set for every kind k of node held; nplain counts
	// the plain objects and arrays, props the properties of the plain
	// objects. Restore plans its passes by them without reading the nodes.
	kinds    uint32
	nplain   int32
	props    int32
	size     int64
	rootName func(int) string
	name     string  // label of every root when rootName is nil (SnapshotValue)
	rootBuf  [4]slot // roots of up to four values, saving an allocation on the hot path
	// used says RestoreOnce took the snapshot's buffers.
	used atomic.Bool
	// lazyStrings says size leaves out the length of the ASCII strings
	// held in slots, for Size to add (see checkPrimitive).
	lazyStrings bool
}

// objectSnapshot is the Snapshot of values that hold objects, with room for
// a small value's nodes, children and keys: a small object costs one
// allocation, not one per slice. Chunks beyond these come from the heap.
type objectSnapshot struct {
	Snapshot
	chunkBuf [1][]node
	nodeBuf  [2]node
	slotBuf  [4]slot
	keyBuf   [4]string
}

// Len reports how many values the snapshot holds.
func (s *Snapshot) Len() int { return len(s.roots) }

// Size reports the approximate number of bytes the snapshot stands for: the
// measure Options.MaxBytes is compared with. It counts string and buffer
// contents, property names and a small fixed cost per value and object; it
// is not the Go heap size of the snapshot. For a snapshot taken without
// MaxBytes it walks the snapshot's values, as the walk that took it did
// not count their ASCII strings.
func (s *Snapshot) Size() int64 {
	n := s.size
	if s.lazyStrings {
		n += asciiLengths(s.roots)
		for i := range s.nnodes {
			n += asciiLengths(s.node(i).slots)
		}
	}
	return n
}

// asciiLengths adds up the lengths of the ASCII strings in slots.
func asciiLengths(slots []slot) int64 {
	var n int64
	for i := range slots {
		if v := slots[i].v; v != nil && reflect.TypeOf(v) == impl.asciiType {
			n += int64(len(v.String()))
		}
	}
	return n
}

// Approximate sizes, in bytes, charged against Options.MaxBytes.
const (
	sizeSlot = 8  // any value, the same as a JS number
	sizeNode = 16 // any object, on top of its contents
)

const (
	nodeShift = 8
	nodeChunk = 1 << nodeShift
)

// node returns node i.
func (s *Snapshot) node(i int32) *node {
	return &s.chunks[i>>nodeShift][i&(nodeChunk-1)]
}

// count adds node n, new to the snapshot, to its kinds and counts.
func (s *Snapshot) count(n *node) {
	s.kinds |= 1 << n.kind
	switch n.kind {
	case kObject:
		s.nplain++
		s.props += int32(len(n.slots))
	case kArray:
		s.nplain++
	}
}

// addNode appends n and returns its index. Pointers from node are
// invalidated while the first chunk grows. Chunks are allocated at their
// full length, so adding a node is a few stores: field by field, so that
// the pointer fields n leaves nil (most nodes, when they are added) cost
// no write barrier. The place must be zero.
func (s *Snapshot) addNode(n node) int32 {
	idx := s.nnodes
	c := int(idx >> nodeShift)
	if c == len(s.chunks) {
		if c == 0 {
			s.chunks = append(s.chunks, make([]node, 4))
		} else {
			s.chunks = append(s.chunks, newNodeChunk())
		}
	} else if c == 0 && int(idx) == len(s.chunks[0]) {
		var grown []node
		if size := 2 * len(s.chunks[0]); size < nodeChunk {
			grown = make([]node, size)
		} else {
			grown = newNodeChunk()
		}
		copy(grown, s.chunks[0])
		s.chunks[0] = grown
	}
	p := &s.chunks[c][idx&(nodeChunk-1)]
	p.kind, p.sub, p.parent, p.pslot, p.nIdx, p.length = n.kind, n.sub, n.parent, n.pslot, n.nIdx, n.length
	if n.slots != nil {
		p.slots = n.slots
	}
	if n.keys != nil {
		p.keys = n.keys
	}
	if n.extra != nil {
		p.extra = n.extra
	}
	s.nnodes++
	return idx
}

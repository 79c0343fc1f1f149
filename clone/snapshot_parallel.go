package clone

// Reading the elements of a big array on several goroutines at once.
//
// A snapshot of JSON-like data spends most of its time waiting for memory:
// a goja object is five or six heap blocks (the Object, its representation,
// the property map and its group, the ordered key list, each string value's
// header), and the objects of a program's data lie wherever the allocator
// put them while the program ran, so nearly every one of those reads misses
// the cache. Such waiting overlaps perfectly across cores. So when the walk
// meets an array with many object elements, it has the elements' subtrees
// walked speculatively, split between itself and a few helper goroutines,
// each into a private snapshot, and then takes each element's result in
// order as the ordinary walk reaches it.
//
// What keeps this exactly equivalent to the sequential walk:
//
//   - No JavaScript runs and nothing of the runtime is written while the
//     helpers read: the owner goroutine waits for them, and a speculative
//     walk gives up on an element (errSpec) wherever the ordinary walk
//     would call goja's public API or might run JavaScript: getters,
//     anything that is not a plain object or an array, keys goja has not
//     sorted yet, own symbols (a host object's mark), goja's lazily scanned
//     strings. The element is then walked normally.
//   - Results are used only while no JavaScript has run since they were
//     taken (walker.js unchanged): a getter in an earlier element may have
//     changed a later one.
//   - An element's result is self-contained: each element is walked with a
//     memo of its own, and the owner takes a result only if none of its
//     objects was met before (the owner's memo), so an object shared with
//     anything walked earlier sends the element to the ordinary walk.
//     Shared references and cycles then come out as the sequential walk
//     makes them.
//   - Sizes are charged as the owner takes each result; a result that would
//     exceed Options.MaxBytes is walked normally, so the error names the
//     same path.

import (
	"errors"
	"math"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
)

// helperFault, when set (by tests), runs at the start of every piece of
// parallel work but the first (a scan part, a restore range), on whichever
// goroutine takes it. premapFault runs in each of premap's steps, for
// every part but the first.
var (
	helperFault func()
	premapFault func(step int)
)

// parallelStats counts the work done in parallel, for tests to see that
// the parallel paths ran: elements taken from speculative walks, restores
// built by several goroutines, and scans whose parts premap took.
var parallelStats struct{ taken, built, premapped atomic.Int64 }

// errSpec stops a speculative walk of one element.
var errSpec = errors.New("clone: not walked speculatively")

// parallelElems is how many object elements an array needs for its
// elements to be walked in parallel.
const parallelElems = 512

// maxScanners bounds the goroutines that walk one array.
const maxScanners = 4

// partsPerWorker is how many parts the elements are split into per
// goroutine, taken in turn (see fanOutTasks), so that a goroutine that
// gets less of the CPU walks fewer of them.
const partsPerWorker = 4

// elemResult is what a speculative walk made of one element.
type elemResult struct {
	ok         bool
	start, end int32 // its nodes in the part's snapshot
	size       int64 // what it charged
}

// scanPart is one goroutine's share of the elements: a private walker and
// snapshot, and a result per element.
type scanPart struct {
	s       *Snapshot
	objs    []*goja.Object // by node of s: the object it was made from
	lo, hi  int32          // element positions
	results []elemResult
	roots   []slot // backing of s.roots, kept with objs and results for reuse
	// whole says every element is an object walked to the end or a plain
	// primitive, so the part can be taken at once (see takePart); size
	// is then what it all charged.
	whole bool
	size  int64
	// failed says the speculative walk stopped on a panic: nothing of it
	// is used.
	failed bool
	// adopted says the owner took the part's node chunks (takePart).
	adopted bool
	// base is where premap put the part's nodes, inserted how many of
	// its objects it entered in the memo, clash whether it met one
	// already there.
	base     int32
	inserted int
	clash    bool
}

// parallelScan is the speculative walk of one array's elements.
type parallelScan struct {
	parts   []scanPart
	workers int    // goroutines that share the parts
	gen     uint32 // walker.js when it ran
	// premapped says premap entered every part in the memo and
	// renumbered it: each must be taken whole, or taken out (unmap).
	premapped bool
}

// scanElements walks the object elements of an array (its first nIdx
// elements, elems as goja stores them, the node's slots giving each
// element's index) speculatively, or returns nil when the array is not
// worth it.
func (w *walker) scanElements(array int32, elems []goja.Value, slots []slot, nIdx int) *parallelScan {
	if nIdx < parallelElems || w.spec || !gi.ok {
		return nil
	}
	procs := min(parallelism(), maxScanners)
	if procs < 2 {
		return nil
	}
	objects := 0
	for j := range nIdx {
		if _, isObj := elems[slots[j].key].(*goja.Object); isObj {
			objects++
		}
	}
	if objects < parallelElems {
		return nil
	}
	procs = min(procs, objects/(parallelElems/2))
	nparts := min(procs*partsPerWorker, objects/(parallelElems/4))
	ps := scans.Get().(*parallelScan)
	ps.gen, ps.workers = w.js, procs
	if cap(ps.parts) < nparts {
		ps.parts = make([]scanPart, nparts)
	}
	ps.parts = ps.parts[:nparts]
	for p := range ps.parts {
		ps.parts[p].lo, ps.parts[p].hi = int32(nIdx*p/nparts), int32(nIdx*(p+1)/nparts)
	}
	fanOutTasks(procs, nparts, func(p int) { ps.parts[p].scan(w, elems, slots, p > 0) })
	n := 0
	for _, part := range ps.parts {
		n += len(part.objs)
	}
	if !w.tabled {
		w.toTable(w.s.nnodes - w.first)
	}
	w.memo.reserve(n)
	w.premap(ps, array)
	return ps
}

// scan walks the part's elements, each alone, with a speculative walker.
// A Go panic (a bug: nothing in a speculative walk should panic) leaves
// the part unused, its elements to the ordinary walk, rather than killing
// the process from a goroutine nothing recovers. notFirst says it is not
// the array's first part, for helperFault.
func (part *scanPart) scan(owner *walker, elems []goja.Value, slots []slot, notFirst bool) {
	w := walkers.Get().(*walker)
	defer func() {
		if recover() != nil {
			part.failed, part.whole = true, false
			// Its object list is the part's scratch: keep it known, so
			// that release clears it.
			part.objs = w.specObjs
			return // w is dropped, not pooled: its state is unknown
		}
		w.release()
	}()
	if notFirst && helperFault != nil {
		helperFault()
	}
	// Full-size chunks from the first node on, so that the owner can
	// adopt them whole (see takePart).
	n := int(part.hi - part.lo)
	part.roots = grow(part.roots, n)
	s := &Snapshot{roots: part.roots, spec: true, chunks: [][]node{newNodeChunk()}}
	w.rt, w.s, w.spec = owner.rt, s, true
	// A part is big: its children's slots start in a full-size chunk from
	// the pool rather than growing from a few (which allocates afresh).
	w.slotArena = s.newSlotChunk()
	w.specObjs = part.objs[:0]
	w.opts = owner.opts
	// Sizes are checked as the owner takes each result: count them as the
	// owner would (exactly, when it has a limit), but never fail here.
	if w.opts.MaxBytes > 0 {
		w.opts.MaxBytes = math.MaxInt64
	}
	part.results = grow(part.results, n)
	part.whole = true
	la := lookahead{elems: elems, slots: slots, hi: part.hi}
	for j := part.lo; j < part.hi; j++ {
		if havePrefetch {
			la.step(j)
		}
		e := elems[slots[j].key]
		v, isObj := e.(*goja.Object)
		if !isObj {
			if !knownPrimitive(reflect.TypeOf(e)) {
				// An accessor (the walk runs it in order) or a Symbol
				// (the walk refuses it in order). A primitive is stored
				// by the owner (see takePart), not here.
				part.whole = false
			}
			continue
		}
		r := &part.results[j-part.lo]
		// Each element has a memo of its own: sharing across elements is
		// for the owner to find (see take).
		r.start, w.first = s.nnodes, s.nnodes
		w.small = [len(w.small)]*goja.Object{}
		if w.tabled {
			clear(w.memo.entries)
			w.memo.n, w.memo.miss, w.tabled = 0, nil, false
		}
		size := s.size
		err := w.visit(v, loc{-1, j - part.lo})
		if err == nil {
			err = w.drain()
		}
		if err != nil || w.gaveUp {
			// Keep the nodes (numbering stays dense), drop the work list.
			part.whole = false
			clear(w.stack)
			w.stack = w.stack[:0]
			clear(w.pre)
			w.pre = w.pre[:0]
			w.gaveUp = false
			continue
		}
		r.ok, r.end, r.size = true, s.nnodes, s.size-size
	}
	part.size = s.size
	part.whole = part.whole && s.nnodes > 0
	part.s, part.objs = s, w.specObjs
	w.specObjs = nil
}

// take moves the speculative result of element position j of the array
// frame f, or of all the elements of j's part when j is the first, into the
// walk, and reports how many elements it took; the first one not taken is
// walked normally.
func (w *walker) take(f *frame, j int32) (int32, error) {
	ps := f.scan
	p := 0
	for j >= ps.parts[p].hi {
		p++
	}
	part := &ps.parts[p]
	if ps.premapped && (ps.gen != w.js || j != part.lo || roundUp(w.s.nnodes) != part.base) {
		// Not taken where premap put it (it cannot happen: a whole
		// part runs no JavaScript, and parts are taken in a row).
		ps.unmap(w, p, true)
	}
	if ps.gen != w.js || part.failed {
		return 0, nil
	}
	if j == part.lo {
		if took, err := w.takePart(f, part, ps.premapped); took || err != nil {
			return part.hi - part.lo, err
		}
	}
	if w.takeElement(f, part, j) {
		return 1, nil
	}
	return 0, nil
}

// takeElement takes the result of element position j alone: its nodes are
// copied after the walk's and renumbered.
func (w *walker) takeElement(f *frame, part *scanPart, j int32) bool {
	r := &part.results[j-part.lo]
	if !r.ok {
		return false
	}
	if max := w.opts.MaxBytes; max > 0 && w.s.size+r.size > max {
		return false
	}
	base := w.s.nnodes
	objs := part.objs[r.start:r.end]
	for k, o := range objs {
		if _, seen := w.memo.get(o); seen {
			// Met before: undo, and let the walk find the reference.
			for _, o := range objs[:k] {
				w.memo.remove(o)
			}
			for i := base; i < w.s.nnodes; i++ {
				*w.s.node(i) = node{}
			}
			w.s.nnodes = base
			return false
		}
		w.memo.put(o, base+int32(k))
		w.s.addNode(*part.s.node(r.start + int32(k)))
	}
	w.s.renumber(base, base-r.start, f.node, part.lo)
	w.s.size += r.size
	w.s.lazyStrings = w.s.lazyStrings || part.s.lazyStrings
	parallelStats.taken.Add(1)
	sl := &f.slots[j]
	sl.v, sl.ref = nil, base
	return true
}

// takePart takes the results of all the elements of part at once (when it
// is whole and shares no object with what the walk met before): the walk
// adopts the part's node chunks, padding its own last chunk with dead
// nodes so that they line up, and renumbers them in place. No node is
// copied.
func (w *walker) takePart(f *frame, part *scanPart, premapped bool) (bool, error) {
	if !part.whole || w.opts.MaxBytes > 0 {
		// With a size limit, elements are taken one at a time, so that
		// the element that crosses it is the one named.
		return false, nil
	}
	base := roundUp(w.s.nnodes)
	if !premapped {
		for k, o := range part.objs {
			if _, seen := w.memo.get(o); seen {
				for _, o := range part.objs[:k] {
					w.memo.remove(o)
				}
				return false, nil
			}
			w.memo.put(o, base+int32(k))
		}
	}
	for w.s.nnodes < base {
		w.s.addNode(node{kind: kDead, parent: -1})
	}
	// Chunks past base are unused (an element taken alone and undone may
	// have added one): the part's go right after.
	w.s.chunks = append(w.s.chunks[:base>>nodeShift], part.s.chunks...)
	part.adopted = true
	w.s.nnodes = base + part.s.nnodes
	if premapped {
		// premap renumbered and counted the nodes.
		w.s.kinds |= part.s.kinds
		w.s.nplain += part.s.nplain
		w.s.props += part.s.props
	} else {
		w.s.renumber(base, base, f.node, part.lo)
	}
	w.s.size += part.size
	w.s.lazyStrings = w.s.lazyStrings || part.s.lazyStrings
	for j := part.lo; j < part.hi; j++ {
		if part.results[j-part.lo].ok {
			sl := &f.slots[j]
			sl.v, sl.ref = nil, part.s.roots[j-part.lo].ref+base
			continue
		}
		// A plain primitive (see scan), stored as the walk stores one.
		if err := w.s.primitive(w.elem(f.obj, f.slots[j].key), loc{f.node, j}, 0); err != nil {
			return true, err
		}
	}
	parallelStats.taken.Add(int64(part.hi - part.lo))
	return true, nil
}

// renumber fixes s's nodes from index from on, taken from a part whose
// first element is element lo of the array node array, with their
// indices moved by shift: references among them move too, an element's
// root (a root of the part) becomes a child of the array, and s counts
// them (see count).
func (s *Snapshot) renumber(from, shift, array, lo int32) {
	for k := from; k < s.nnodes; k++ {
		n := s.node(k)
		s.count(n)
		if n.parent < 0 {
			n.parent, n.pslot = array, lo+n.pslot
		} else {
			n.parent += shift
		}
		for c := range n.slots {
			if sl := &n.slots[c]; sl.v == nil && sl.ref != skipped {
				sl.ref += shift
			}
		}
	}
}

// scans recycles parallel scans and their parts' scratch.
var scans = sync.Pool{New: func() any { return new(parallelScan) }}

// release ends the scan once its array is walked. The owner's snapshot s
// takes the parts' slot chunks, which the nodes it took refer to; node
// chunks the owner copied from rather than adopted go back to their pool.
func (ps *parallelScan) release(s *Snapshot) {
	for p := range ps.parts {
		part := &ps.parts[p]
		if part.s != nil {
			s.adoptSlotChunks(part.s)
			if !part.adopted {
				part.s.recycle()
			}
		}
		*part = scanPart{
			objs:    keep(part.objs, len(part.objs)),
			results: keep(part.results, len(part.results)),
			roots:   keep(part.roots, len(part.roots)),
		}
	}
	ps.parts = ps.parts[:0]
	scans.Put(ps)
}

// grow returns b resliced to length n, reallocated if it is too short.
// Its elements must be zero (see keep).
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

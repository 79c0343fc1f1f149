package clone

// Taking the parts of a parallel walk on all their goroutines at once.
//
// When every part of a parallel scan is whole (see takePart), where each
// will land in the walk is known as soon as the scan ends: the parts are
// taken one after the other, each at the next chunk boundary. What taking
// a part costs the owner, then, need not wait for the owner: entering its
// objects in the walk's memo (which is also how an object shared with
// anything met before is found) and renumbering its nodes. premap does
// both for every part on the part's own goroutine, and takePart is left
// with adopting the chunks. This was most of the time one goroutine spent
// alone in a big snapshot (a memo lookup of every object, in a table too
// big for the cache).
//
// The memo is entered concurrently, each entry claimed by compare-and-swap,
// and nothing else reads or writes it meanwhile. If any object is already
// there (shared with what came before, or between parts), everything
// entered is taken out again and the parts are taken as before, which
// sorts out the sharing exactly as the sequential walk would.

import (
	"sync/atomic"
	"unsafe"

	"github.com/dop251/goja"
)

// premap enters the objects of every part of ps in the walk's memo and
// renumbers their nodes to where takePart will put them, if every part is
// whole; array is the node of the array whose elements ps walked. It
// reports whether it did: ps.premapped.
func (w *walker) premap(ps *parallelScan, array int32) bool {
	if w.opts.MaxBytes > 0 {
		return false
	}
	base := roundUp(w.s.nnodes)
	for p := range ps.parts {
		part := &ps.parts[p]
		if !part.whole || part.failed {
			return false
		}
		part.base = base
		base = roundUp(base + part.s.nnodes)
	}
	ok := ps.onEach(1, func(part *scanPart) { w.memo.insertAll(part) })
	for p := range ps.parts {
		w.memo.n += ps.parts[p].inserted
		ok = ok && !ps.parts[p].clash
	}
	w.memo.miss = nil
	if !ok {
		// The parts are as the scan left them: takePart and takeElement
		// sort out what is shared.
		ps.unmap(w, 0, false)
		return false
	}
	if !ps.onEach(2, func(part *scanPart) {
		s := part.s
		s.kinds, s.nplain, s.props = 0, 0, 0 // counted again, for takePart to add up
		s.renumber(0, part.base, array, part.lo)
	}) {
		// Some nodes are renumbered, some not: no part can be used.
		ps.unmap(w, 0, true)
		return false
	}
	ps.premapped = true
	parallelStats.premapped.Add(1)
	return true
}

// roundUp is n rounded up to a chunk boundary.
func roundUp(n int32) int32 {
	return (n + nodeChunk - 1) &^ (nodeChunk - 1)
}

// onEach runs step f for every part, on the scan's goroutines (see
// fanOutTasks), and reports whether none panicked.
func (ps *parallelScan) onEach(step int, f func(part *scanPart)) bool {
	return fanOutTasks(ps.workers, len(ps.parts), func(p int) {
		f(&ps.parts[p])
		if p > 0 && premapFault != nil {
			premapFault(step) // after f: a part half done is the worst case
		}
	}) == nil
}

// unmap takes the objects the parts from the from-th on entered out of the
// memo. renumbered says premap moved their nodes: those parts are then
// marked failed, and their elements walked as if no scan had run.
func (ps *parallelScan) unmap(w *walker, from int, renumbered bool) {
	for p := from; p < len(ps.parts); p++ {
		part := &ps.parts[p]
		for _, o := range part.objs[:part.inserted] {
			w.memo.remove(o)
		}
		part.inserted = 0
		if renumbered {
			part.failed, part.whole = true, false
		}
	}
	ps.premapped = false
}

// memoAhead is how many objects ahead insertAll prefetches.
const memoAhead = 8

// insertAll enters the part's objects in t, object i as node base+i, with
// other goroutines doing the same and nothing else using t, which must
// have room for all of them (see reserve). It stops at the first object
// already in t (part.clash). part.inserted counts those entered, for the
// caller to add to t.n once every goroutine is done.
func (t *objTable) insertAll(part *scanPart) {
	mask := uint(len(t.entries) - 1)
	for k, o := range part.objs {
		// The table is far bigger than the cache and the slots random:
		// ask for the slot of an object a few ahead.
		if ahead := k + memoAhead; ahead < len(part.objs) {
			prefetch(uintptr(unsafe.Pointer(&t.entries[hashObj(part.objs[ahead])&mask])))
		}
		for i := hashObj(o) & mask; ; i = (i + 1) & mask {
			e := &t.entries[i]
			p := (*unsafe.Pointer)(unsafe.Pointer(&e.o))
			cur := (*goja.Object)(atomic.LoadPointer(p))
			if cur == nil {
				if !atomic.CompareAndSwapPointer(p, nil, unsafe.Pointer(o)) {
					cur = (*goja.Object)(atomic.LoadPointer(p))
				} else {
					// Read by the owner only, after every goroutine is done.
					e.idx = part.base + int32(k)
					break
				}
			}
			if cur == o {
				part.clash = true
				return
			}
		}
		part.inserted = k + 1
	}
}

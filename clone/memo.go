package clone

import (
	"unsafe"

	"github.com/dop251/goja"
)

// objTable maps objects to their node index: open addressing with linear
// probing on the object's address (Go's heap does not move objects). It
// costs a fraction of a Go map per lookup and insertion, the two things a
// walk does for every object it meets.
type objTable struct {
	entries []objEntry // len a power of two; o nil: free
	n       int
	// miss and missAt remember where the last unsuccessful lookup ended,
	// which is where put, called next for that object, stores it.
	miss   *goja.Object
	missAt uint
}

type objEntry struct {
	o   *goja.Object
	idx int32
}

func hashObj(o *goja.Object) uint {
	x := uint64(uintptr(unsafe.Pointer(o)))
	x ^= x >> 31
	x *= 0x9e3779b97f4a7c15
	return uint(x >> 29)
}

func (t *objTable) get(o *goja.Object) (int32, bool) {
	if len(t.entries) == 0 {
		return 0, false
	}
	mask := uint(len(t.entries) - 1)
	for i := hashObj(o) & mask; ; i = (i + 1) & mask {
		e := &t.entries[i]
		if e.o == o {
			return e.idx, true
		}
		if e.o == nil {
			t.miss, t.missAt = o, i
			return 0, false
		}
	}
}

// put adds o, which must not be in t.
func (t *objTable) put(o *goja.Object, idx int32) {
	if 4*(t.n+1) > 3*len(t.entries) {
		t.resize(max(2*len(t.entries), 64))
	}
	mask := uint(len(t.entries) - 1)
	i := hashObj(o) & mask
	if t.miss == o {
		// The free entry where the last lookup, of o, ended: nothing was
		// added since, or the table would have forgotten it.
		i = t.missAt
	}
	for t.entries[i].o != nil {
		i = (i + 1) & mask
	}
	t.entries[i] = objEntry{o, idx}
	t.n++
	t.miss = nil
}

// reserve makes room for n more objects without growing again.
func (t *objTable) reserve(n int) {
	size := max(len(t.entries), 64)
	for 4*(t.n+n) > 3*size {
		size *= 2
	}
	if size > len(t.entries) {
		t.resize(size)
	}
}

// resize moves the entries to a table of size entries, a power of two.
func (t *objTable) resize(size int) {
	old := t.entries
	t.entries = newTable(size)
	t.n = 0
	t.miss = nil
	for _, e := range old {
		if e.o != nil {
			t.put(e.o, e.idx)
		}
	}
	recycleTable(old)
}

// release empties t for reuse: a small table is kept, cleared, a big one
// goes back to its pool (see recycleTable).
func (t *objTable) release() {
	if len(t.entries) > 1024 {
		recycleTable(t.entries) // or dropped, when too big to pool
		*t = objTable{}
		return
	}
	if t.n > 0 {
		clear(t.entries)
	}
	t.n, t.miss = 0, nil
}

// remove deletes o, which must be in t, shifting back the entries after it
// that probed past it, so that lookups need no tombstones.
func (t *objTable) remove(o *goja.Object) {
	mask := uint(len(t.entries) - 1)
	i := hashObj(o) & mask
	for t.entries[i].o != o {
		i = (i + 1) & mask
	}
	for j := i; ; {
		j = (j + 1) & mask
		e := t.entries[j]
		if e.o == nil {
			break
		}
		// e may move to the hole at i unless its home h lies cyclically
		// in (i, j].
		h := hashObj(e.o) & mask
		if (i < j && (h <= i || h > j)) || (i > j && h <= i && h > j) {
			t.entries[i] = e
			i = j
		}
	}
	t.entries[i] = objEntry{}
	t.n--
	t.miss = nil
}

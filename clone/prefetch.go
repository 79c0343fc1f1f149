package clone

// Reading ahead of a parallel scan part.
//
// A part of the parallel scan (snapshot_parallel.go) waits for memory most
// of the time: an element's object is a chain of heap blocks (the Object,
// its representation, the property map and its group of slots, the key
// list), and each block's address is known only once the block before it
// has arrived, so the misses come one after another. The elements a part
// will walk are known in advance, though. So while the part walks element
// j, a lookahead asks for the blocks of the next few elements, one level
// deeper at each step closer, and then, the same way, for those of the
// objects directly inside them (a record's nested array or object): when
// the walk reaches an element, what it reads is on its way or in the cache.
//
// A prefetch is a hint and never faults, whatever its address. The
// pointers the lookahead follows to find the next level are real reads,
// though, so it reads only what the walk itself reads (gi's checked
// layout), plus the slots of a small map's only group when learnMapLayout
// has found this Go's maps laid out as it expects (the swiss tables of Go
// 1.24 on); otherwise it stops at the map header. It reads while the
// walk's own reads are safe: no JavaScript runs during the scan.

import (
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// mapLayout is what learnMapLayout found of Go's map representation.
var mapLayout struct {
	ok bool
	// objTab is the type word of a goja.Value holding an *Object.
	objTab unsafe.Pointer
}

// The swiss-table layout learnMapLayout checks for (Go 1.24 on): the map
// header is used uint64, seed uintptr, dirPtr, dirLen int; it holds the
// group of a small map (no directory) at dirPtr; a group is a control
// word, a byte per slot (little-endian order), then eight slots of key and
// value.
const (
	ptrSize     = unsafe.Sizeof(uintptr(0))
	mapUsed     = 0             // Map.used
	mapDirPtr   = 8 + ptrSize   // Map.dirPtr
	mapDirLen   = 8 + 2*ptrSize // Map.dirLen; 0 for a small map
	groupSlots  = 8
	groupCtrl   = 8 // bytes of control word before the first slot
	slotSize    = int(unsafe.Sizeof(unistring.String("")) + unsafe.Sizeof(goja.Value(nil)))
	slotElemOff = int(unsafe.Sizeof(unistring.String("")))
	// groupBytes is a group's extent, prefetched a line at a time.
	groupBytes = groupCtrl + groupSlots*slotSize
)

// learnMapLayout checks the layout above on maps it fills itself, with
// values it knows, and sets mapLayout.ok only if every entry is where the
// layout says. Each pointer it follows is checked for plausibility first
// (a map of three entries says 3 where used should be and has a group but
// no directory, a big one has a directory), so that a Go with another
// layout fails the check rather than the process.
func learnMapLayout(rt *goja.Runtime) {
	vals := [3]goja.Value{rt.NewObject(), rt.NewObject(), rt.NewObject()}
	keys := [3]unistring.String{"a", "b", "c"}
	m := make(map[unistring.String]goja.Value)
	for i, k := range keys {
		m[k] = vals[i]
	}
	big := make(map[unistring.String]goja.Value)
	for i := range 2 * groupSlots {
		big[unistring.String(string(rune('a'+i)))] = nil
	}
	mapLayout.objTab = (*[2]unsafe.Pointer)(unsafe.Pointer(&vals[0]))[0]
	word := func(mp unsafe.Pointer, off uintptr) uintptr { return *(*uintptr)(unsafe.Add(mp, off)) }
	mp, bp := mapHeader(m), mapHeader(big)
	if *(*uint64)(unsafe.Add(mp, mapUsed)) != uint64(len(keys)) || *(*uint64)(unsafe.Add(bp, mapUsed)) != uint64(len(big)) ||
		word(mp, mapDirLen) != 0 || word(mp, mapDirPtr) == 0 || word(bp, mapDirLen) == 0 {
		return
	}
	g := smallGroup(m)
	found := 0
	for i := range groupSlots {
		if !slotFull(g, i) {
			continue
		}
		k := *(*unistring.String)(unsafe.Add(g, groupCtrl+i*slotSize))
		v := (*[2]unsafe.Pointer)(unsafe.Add(g, groupCtrl+i*slotSize+slotElemOff))
		for j := range keys {
			want := (*[2]unsafe.Pointer)(unsafe.Pointer(&vals[j]))
			if k == keys[j] && v[0] == want[0] && v[1] == want[1] {
				found++
			}
		}
	}
	mapLayout.ok = found == len(keys)
}

// mapHeader is the address of m's header.
func mapHeader(m map[unistring.String]goja.Value) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&m))
}

// smallGroup returns the only group of m, or nil when m is nil or has a
// directory of groups.
func smallGroup(m map[unistring.String]goja.Value) unsafe.Pointer {
	mp := mapHeader(m)
	if mp == nil || *(*int)(unsafe.Add(mp, mapDirLen)) != 0 {
		return nil
	}
	return *(*unsafe.Pointer)(unsafe.Add(mp, mapDirPtr))
}

// slotFull reads the control byte of slot i of group g: full slots have
// the top bit clear.
func slotFull(g unsafe.Pointer, i int) bool {
	return *(*uint8)(unsafe.Add(g, i))&0x80 == 0
}

// An element's own blocks are asked for lookDepth down to lookDepth-3
// elements ahead of the walk, a level an element (one element's walk
// outlasts a miss; larger steps measured the same); the objects directly
// in it are found kidsAhead elements ahead and their blocks asked for from
// there down to 1.
const (
	levels    = 4 // Object, representation, map header and lists, group
	lookDepth = 2 * levels
	kidsAhead = levels
	maxKids   = 4
)

// lookahead prefetches for a part's elements.
type lookahead struct {
	elems []goja.Value
	slots []slot
	hi    int32
	// kids of the element at position k, in kids[k%lookDepth], found when
	// k is kidsAhead ahead and used until it is 1 ahead.
	kids [lookDepth][maxKids]*goja.Object
}

// step prefetches for the elements after j, the element about to be
// walked.
func (la *lookahead) step(j int32) {
	for lv := range int32(levels) {
		if o := la.object(j + lookDepth - lv); o != nil {
			prefetchLevel(o, int(lv))
		}
	}
	if k := j + kidsAhead; k < la.hi {
		kids := &la.kids[k%lookDepth]
		*kids = [maxKids]*goja.Object{}
		if o := la.object(k); o != nil {
			findKids(o, kids)
			for _, c := range kids {
				if c != nil {
					prefetchLevel(c, 0)
				}
			}
		}
	}
	for lv := int32(1); lv < levels; lv++ {
		k := j + kidsAhead - lv
		if k >= la.hi {
			continue
		}
		for _, c := range la.kids[k%lookDepth] {
			if c != nil {
				prefetchLevel(c, int(lv))
			}
		}
	}
}

// object returns the element at position k if it is an object.
func (la *lookahead) object(k int32) *goja.Object {
	if k >= la.hi {
		return nil
	}
	o, _ := la.elems[la.slots[k].key].(*goja.Object)
	return o
}

// prefetchLevel asks for level 0 to 3 of the blocks the walk reads of o:
// the Object; its representation; the map header, key list and array
// elements; the map's group. Every level before has been asked for a step
// earlier, so the reads that find this level's addresses hit the cache.
func prefetchLevel(o *goja.Object, level int) {
	if level == 0 {
		prefetch(uintptr(unsafe.Pointer(o)))
		return
	}
	tab, p := readSelf(o)
	if tab != gi.tabObject && tab != gi.tabArray {
		return
	}
	switch level {
	case 1:
		prefetch(uintptr(p))
		prefetch(uintptr(p) + 64)
		if tab == gi.tabArray {
			prefetch(uintptr(p) + 128)
		}
	case 2:
		if names := propNames(p); len(names) > 0 {
			prefetch(uintptr(unsafe.Pointer(unsafe.SliceData(names))))
		}
		if tab == gi.tabArray {
			if vals := arrayValues(p); len(vals) > 0 {
				prefetch(uintptr(unsafe.Pointer(unsafe.SliceData(vals))))
			}
			return
		}
		prefetch(uintptr(mapHeader(propMap(p))))
	case 3:
		if tab != gi.tabObject || !mapLayout.ok {
			return
		}
		if g := smallGroup(propMap(p)); g != nil {
			for off := 0; off < groupBytes; off += 64 {
				prefetch(uintptr(g) + uintptr(off))
			}
		}
	}
}

// findKids lists into kids the first objects held directly by o: the
// values of a plain object's own data properties, a dense array's first
// elements.
func findKids(o *goja.Object, kids *[maxKids]*goja.Object) {
	tab, p := readSelf(o)
	n := 0
	switch tab {
	case gi.tabObject:
		if !mapLayout.ok {
			return
		}
		g := smallGroup(propMap(p))
		if g == nil {
			return
		}
		for i := 0; i < groupSlots && n < maxKids; i++ {
			if !slotFull(g, i) {
				continue
			}
			v := (*[2]unsafe.Pointer)(unsafe.Add(g, groupCtrl+i*slotSize+slotElemOff))
			if v[0] == mapLayout.objTab {
				kids[n] = (*goja.Object)(v[1])
				n++
			}
		}
	case gi.tabArray:
		vals := arrayValues(p)
		for _, v := range vals[:min(len(vals), 2*maxKids)] {
			if c, isObj := v.(*goja.Object); isObj && n < maxKids {
				kids[n] = c
				n++
			}
		}
	}
}

// groupGet is m[n] for the small map whose group is g: the keys compared
// in place rather than hashed.
func groupGet(g unsafe.Pointer, n unistring.String) goja.Value {
	for j := range groupSlots {
		if slotFull(g, j) && *(*unistring.String)(unsafe.Add(g, groupCtrl+j*slotSize)) == n {
			return *(*goja.Value)(unsafe.Add(g, groupCtrl+j*slotSize+slotElemOff))
		}
	}
	return nil
}

package clone

import (
	"fmt"
	"reflect"
	"sync"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
)

// SnapshotValues copies vals (which may share objects: identity across roots
// is kept) out of rt. (It would be called Snapshot, but Go does not allow a
// function and a type of one name in a package; it pairs with SnapshotValue
// as Restore pairs with RestoreValue.)
//
// rootName(i) labels root i in error paths, e.g. "args[0]". It is called
// only when building an error, possibly later by Restore and from another
// goroutine, so it must be a pure function. A nil rootName labels roots
// "[0]", "[1]", ... opts may be nil.
//
// A *goja.Exception thrown while reading the value (by a getter, or by a
// ToString the algorithm performs) is returned unchanged, for the caller to
// re-throw; every other failure is a *DataCloneError. Uncatchable goja
// conditions (Interrupt, stack overflow) propagate as panics, as they do from
// any goja call. Call it on rt's goroutine.
func SnapshotValues(rt *goja.Runtime, vals []goja.Value, rootName func(i int) string, opts *Options) (*Snapshot, error) {
	loadImpl()
	return snapshot(impl.layout, rt, vals, rootName, "", opts)
}

// SnapshotValue is SnapshotValues of the single value v, labelled name in error
// paths.
func SnapshotValue(rt *goja.Runtime, v goja.Value, name string, opts *Options) (*Snapshot, error) {
	loadImpl()
	return snapshot(impl.layout, rt, []goja.Value{v}, nil, name, opts)
}

// snapshot takes a snapshot reading objects as l says (nil: the public
// path).
func snapshot(l *layout, rt *goja.Runtime, vals []goja.Value, rootName func(int) string, name string, opts *Options) (*Snapshot, error) {
	if impl.err != nil {
		return nil, &DataCloneError{Reason: "cannot clone: " + impl.err.Error(), err: impl.err}
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	// Fast path, the common shape of thread arguments and results: no
	// object means no walk, no memo, no JS, nothing to catch.
	simple := true
	for _, v := range vals {
		if _, isObj := v.(*goja.Object); isObj {
			simple = false
			break
		}
	}
	var s *Snapshot
	var bufs *objectSnapshot
	if simple {
		s = &Snapshot{}
	} else {
		bufs = &objectSnapshot{}
		s = &bufs.Snapshot
		bufs.chunkBuf[0] = bufs.nodeBuf[:]
		s.chunks = bufs.chunkBuf[:]
	}
	s.rootName, s.name = rootName, name
	if len(vals) <= len(s.rootBuf) {
		s.roots = s.rootBuf[:len(vals):len(vals)]
	} else {
		s.roots = make([]slot, len(vals))
	}
	if err := s.charge(int64(len(vals))*sizeSlot, o.MaxBytes, loc{-1, 0}); err != nil {
		return nil, err
	}
	if simple {
		for i, v := range vals {
			if err := s.primitive(v, loc{-1, int32(i)}, o.MaxBytes); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
	w := walkers.Get().(*walker)
	w.l, w.rt, w.opts, w.s = l, rt, o, s
	w.realm.l, w.realm.rt = l, rt
	w.slotArena, w.keyArena = bufs.slotBuf[:0], bufs.keyBuf[:0]
	var err error
	ex := rt.Try(func() { err = w.run(vals) })
	w.release()
	if ex != nil {
		return nil, ex
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// refOf is RefOf(o), short-cut for the common representations: a mark is
// an own property, so an object with no own symbol-keyed property at all is
// not a host object. (RefOf would still look the symbol up through the
// prototype chain, which could only find, and run, an accessor a script
// defined on a prototype with the mark's symbol.)
// p is o's representation when common.
func (w *walker) refOf(o *goja.Object, common bool, p unsafe.Pointer) (any, bool) {
	if common && !w.l.hasOwnSymbols(p) {
		return nil, false
	}
	w.mayRunJS() // a getter on the prototype chain may run
	return RefOf(o)
}

// walkers recycles walker state (work list, memo) between snapshots.
var walkers = sync.Pool{New: func() any {
	w := &walker{}
	w.stack = w.frames[:0]
	return w
}}

// release returns w to the pool, keeping only runtime-independent scratch
// space: the work list and a small memo, emptied.
func (w *walker) release() {
	stack := w.stack[:0]
	if cap(stack) > 64 {
		stack = nil // a deep value's work list is not worth keeping
	}
	clear(stack[:cap(stack)])
	// The memo keeps its capacity for the next walk: growing it again
	// costs more than clearing it.
	memo := w.memo
	if len(memo) > maxScratch {
		memo = nil
	}
	clear(memo)
	vals, pre := w.vals[:0], w.pre[:0]
	if cap(vals) > 1024 {
		vals = nil
	}
	if cap(pre) > 1024 {
		pre = nil
	}
	clear(vals[:cap(vals)])
	clear(pre[:cap(pre)])
	*w = walker{stack: stack, memo: memo, vals: vals, pre: pre}
	if w.stack == nil {
		w.stack = w.frames[:0]
	}
	walkers.Put(w)
}

// walker is the state of one snapshot: an explicit depth-first work list
// instead of Go recursion, so depth costs heap, not stack.
type walker struct {
	l    *layout // nil: the public path
	rt   *goja.Runtime
	opts Options
	s    *Snapshot
	// memo maps objects to their node (identity, cycles). The first few
	// live in small, scanned linearly, sparing small values a table.
	small  [8]*goja.Object
	memo   map[*goja.Object]int32
	tabled bool // the memo is in the map, no longer in small
	stack  []frame
	frames [4]frame // initial backing of stack
	realm  realm
	// Map entries are read through the forEach intrinsic, whose callback
	// mapCB appends to collect.
	collect []goja.Value
	mapCB   goja.Value
	// slotArena and keyArena back the children and key lists of nodes: one
	// allocation for many nodes.
	slotArena []slot
	keyArena  []string
	// recent key lists, to share (see namedKeys)
	recent     [4][]string
	nextRecent uint8
	vals       []goja.Value // scratch: the stored values of one object
	// pre holds the property values of the objects on the work list, read
	// when they were listed (a stack: each frame owns a range); js counts
	// the operations that may have run JS since (see frame.gen).
	pre []goja.Value
	js  uint32
}

// mayRunJS is called before anything that may run JavaScript or change the
// runtime's objects: values read ahead are stale from then on.
func (w *walker) mayRunJS() { w.js++ }

// frame is an object whose children are still being read. Children are read
// one at a time, in order, each fully walked before the next is read, so
// getters run in the order (and as many times: once) the recursive
// algorithm of the spec runs them.
type frame struct {
	obj   *goja.Object
	keys  []string         // named property keys (after nIdx elements), read with Get
	lossy map[int32]rawKey // by child position: keys a Go string cannot carry
	vals  []goja.Value     // children read up front (Map, Set, view buffer, cause)
	slots []slot           // the node's children
	node  int32
	i, n  int32
	nIdx  int32 // arrays: the first nIdx children are elements, read by index
	// Named children [0, npre) were read with the keys, into walker.pre
	// from pre on, when walker.js was gen. While it still is, no JS has run
	// since (no getter, no user code of any kind), so the object is as it
	// was and those values are current: they save looking each property
	// up again.
	pre, npre int32
	gen       uint32
	// tab and p are obj's representation (see layout.selfWords) as it was
	// when walker.js was selfGen: goja may change it when JS runs.
	tab     reflect.Type
	p       unsafe.Pointer
	selfGen uint32
}

// self returns the representation of f's object.
func (w *walker) self(f *frame) (reflect.Type, unsafe.Pointer) {
	if f.tab == nil || f.selfGen != w.js {
		f.tab, f.p = w.l.selfWords(f.obj)
		f.selfGen = w.js
	}
	return f.tab, f.p
}

func (w *walker) run(vals []goja.Value) error {
	for i, v := range vals {
		if err := w.visit(v, loc{-1, int32(i)}); err != nil {
			return err
		}
		if err := w.drain(); err != nil {
			return err
		}
	}
	return nil
}

// drain walks until the work list is empty.
func (w *walker) drain() error {
	for len(w.stack) > 0 {
		top := len(w.stack) - 1
		f := &w.stack[top]
		i := f.i
		f.i++
		l := loc{f.node, i}
		var v goja.Value
		switch {
		case f.vals != nil:
			v = f.vals[i]
		case i < f.nIdx:
			v = w.elem(f, f.slots[i].key)
		default:
			if f.lossy != nil {
				if k, ok := f.lossy[i]; ok {
					var err error
					if v, err = w.getLossy(f, k); err != nil {
						return w.fail(l, err)
					}
					break
				}
			}
			j := i - f.nIdx
			if j < f.npre && f.gen == w.js {
				if pv := w.pre[f.pre+j]; !w.l.isProp(pv) {
					v = pv
					break
				}
			}
			key := f.keys[j]
			// A plain value straight from goja's property map, else Get,
			// which runs a getter, if any, exactly once. (A key that is
			// not ASCII is stored differently and so never found here.)
			if tab, p := w.self(f); tab != nil && (tab == w.l.tabObject || tab == w.l.tabArray) {
				if v = w.l.propMap(p)[unistring.String(key)]; v != nil && !w.l.isProp(v) {
					break
				}
			}
			w.mayRunJS()
			v = f.obj.Get(key)
		}
		if v == nil {
			// An earlier getter deleted the property; the spec skips it.
			f.slots[i].ref = skipped
			if i < f.nIdx {
				w.s.node(f.node).sub |= holey
			}
		}
		if f.i == f.n {
			// Pop before walking the last child: a chain of last children
			// (nested arrays, linked lists) then needs one frame, not one
			// per level.
			w.pop(top)
		}
		if v == nil {
			continue
		}
		if err := w.visit(v, l); err != nil {
			return err
		}
	}
	return nil
}

// pop removes frame top, the last one.
func (w *walker) pop(top int) {
	f := &w.stack[top]
	if f.npre > 0 {
		clear(w.pre[f.pre:])
		w.pre = w.pre[:f.pre]
	}
	w.stack[top] = frame{}
	w.stack = w.stack[:top]
}

func (w *walker) push(f frame) {
	if f.n > 0 {
		w.stack = append(w.stack, f)
	}
}

// visit stores v at l: inline if primitive, as a reference if already seen,
// else as a new node.
func (w *walker) visit(v goja.Value, l loc) error {
	o, isObj := v.(*goja.Object)
	if !isObj {
		return w.s.primitive(v, l, w.opts.MaxBytes)
	}
	if idx, seen := w.seen(o); seen {
		sl := w.s.slotAt(l)
		sl.v, sl.ref = nil, idx
		return nil
	}
	return w.object(o, l)
}

// seen returns the node o was recorded as, if any.
func (w *walker) seen(o *goja.Object) (int32, bool) {
	if !w.tabled {
		for i, p := range w.small[:w.s.nnodes] {
			if p == o {
				return int32(i), true
			}
		}
		return 0, false
	}
	idx, ok := w.memo[o]
	return idx, ok
}

func (s *Snapshot) slotAt(l loc) *slot {
	if l.parent < 0 {
		return &s.roots[l.slot]
	}
	return &s.node(l.parent).slots[l.slot]
}

// primitive stores a non-object value at l.
func (s *Snapshot) primitive(v goja.Value, l loc, max int64) error {
	v, err := s.checkPrimitive(v, l, max)
	if err != nil {
		return err
	}
	s.slotAt(l).v = v
	return nil
}

// checkPrimitive returns what a snapshot stores for the non-object value v
// found at l, or why it cannot.
func (s *Snapshot) checkPrimitive(v goja.Value, l loc, max int64) (goja.Value, error) {
	if v == nil {
		v = goja.Undefined()
	}
	t := reflect.TypeOf(v)
	if t == impl.intType || t == impl.floatType {
		return v, nil
	}
	if t == impl.asciiType {
		// An ASCII string's length is its Go string's. Reading it costs a
		// cache miss per string (its header is a heap block of its own),
		// so with no limit to enforce, Size adds the lengths up if asked.
		if max <= 0 {
			s.lazyStrings = true
			return v, nil
		}
		return v, s.charge(int64(len(v.String())), max, l)
	}
	if t == impl.imported {
		v = normalizeString(v.(goja.String))
		if max <= 0 && reflect.TypeOf(v) == impl.asciiType {
			// Counted by Size, as for any ASCII string.
			s.lazyStrings = true
			return v, nil
		}
	} else if !knownPrimitive(t) {
		if _, isSym := v.(*goja.Symbol); isSym {
			return nil, s.refuse(l, "Symbol values cannot be cloned")
		}
		return nil, s.refuse(l, fmt.Sprintf("%T values cannot be cloned", v))
	}
	if str, ok := v.(goja.String); ok {
		if err := s.charge(int64(str.Length()), max, l); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// normalizeString replaces goja's importedString (what ToValue makes of a
// long Go string), which scans itself lazily on first use and so mutates
// when read: two runtimes restoring the same snapshot would race on it.
// Substring(0, n) returns goja's ASCII or UTF-16 form, which never changes.
func normalizeString(s goja.String) goja.String {
	return s.Substring(0, s.Length())
}

// charge adds n bytes to the snapshot's size and enforces max.
func (s *Snapshot) charge(n, max int64, l loc) error {
	s.size += n
	if max > 0 && s.size > max {
		return s.refuse(l, fmt.Sprintf("value exceeds the clone size limit of %d bytes", max))
	}
	return nil
}

func (s *Snapshot) refuse(l loc, reason string) error {
	return &DataCloneError{Path: s.path(l), Reason: reason}
}

// fail reports an error from an intrinsic: exceptions unchanged, a missing
// intrinsic as a DataCloneError.
func (w *walker) fail(l loc, err error) error {
	if _, ok := err.(*goja.Exception); ok {
		return err
	}
	return w.s.refuse(l, "cannot clone: "+err.Error())
}

// newNode records o as node n reached at l, and makes l refer to it.
func (w *walker) newNode(o *goja.Object, l loc, n node) (int32, error) {
	n.parent, n.pslot = l.parent, l.slot
	w.s.count(&n)
	idx := w.s.addNode(n)
	w.remember(o, idx)
	sl := w.s.slotAt(l)
	sl.v, sl.ref = nil, idx
	return idx, w.s.charge(sizeNode, w.opts.MaxBytes, l)
}

// remember records that o is node idx, the last node added.
func (w *walker) remember(o *goja.Object, idx int32) {
	if !w.tabled {
		if int(idx) < len(w.small) {
			w.small[idx] = o
			return
		}
		w.toTable(idx)
	}
	w.memo[o] = idx
}

// toTable moves the memo, its first n objects in small, to the map.
func (w *walker) toTable(n int32) {
	if w.memo == nil {
		w.memo = make(map[*goja.Object]int32)
	}
	for i, p := range w.small[:n] {
		w.memo[p] = int32(i)
	}
	w.small = [len(w.small)]*goja.Object{}
	w.tabled = true
}

// reserve returns n empty child slots for node idx, and makes them its
// slots. l locates the object, for the error if that exceeds MaxBytes.
func (w *walker) reserve(idx int32, n int, l loc) ([]slot, error) {
	if cap(w.slotArena)-len(w.slotArena) < n {
		// Chunks grow with the value, so a small one allocates little and
		// a big one a few big chunks.
		if size := max(n, min(2*cap(w.slotArena), slotChunk), 8); size == slotChunk {
			w.slotArena = w.s.newSlotChunk()
		} else {
			w.slotArena = make([]slot, 0, size)
		}
	}
	start := len(w.slotArena)
	w.slotArena = w.slotArena[:start+n]
	slots := w.slotArena[start : start+n : start+n]
	w.s.node(idx).slots = slots
	return slots, w.s.charge(int64(n)*sizeSlot, w.opts.MaxBytes, l)
}

// object stores a not yet seen object at l. The order of the checks is the
// contract: Proxy (decided without running a trap), host object, function,
// then the kind of object.
func (w *walker) object(o *goja.Object, l loc) error {
	// The representations read directly are neither a Proxy nor a
	// function: those checks are only needed for the others.
	tab, p := w.l.selfWords(o)
	common := tab != nil && (tab == w.l.tabObject || tab == w.l.tabArray || tab == w.l.tabError)
	if !common || tab == w.l.tabError {
		w.mayRunJS() // anything else may run JS: getters, built-ins, a Codec
	}
	var et reflect.Type
	if !common {
		et = o.ExportType()
		if et == proxyType {
			return w.s.refuse(l, "Proxy objects cannot be cloned")
		}
	}
	if !common {
		if f, ok := w.opts.Codec.(RefFinder); ok {
			if ref, ok := f.FindRef(o); ok {
				_, err := w.newNode(o, l, node{kind: kRef, extra: ref})
				return err
			}
		}
	}
	js := w.js
	if ref, ok := w.refOf(o, common, p); ok {
		if w.opts.Codec == nil {
			return w.s.refuse(l, "host objects cannot be cloned without a Codec")
		}
		_, err := w.newNode(o, l, node{kind: kRef, extra: ref})
		return err
	}
	if common {
		kind := tab
		if w.js != js {
			tab, p = w.l.selfWords(o) // JS ran: goja may have changed o's representation
		}
		switch kind {
		case w.l.tabObject:
			return w.ordinary(o, l, tab, p)
		case w.l.tabArray:
			return w.array(o, l, tab, p)
		default:
			return w.error(o, l)
		}
	}
	if et != nil && et.Kind() == reflect.Func {
		if w.opts.Codec == nil {
			return w.s.refuse(l, "functions cannot be cloned")
		}
		payload, err := w.opts.Codec.SnapshotFunction(w.rt, o, w.s.path(l))
		if err != nil {
			return codecError(err, func() string { return w.s.path(l) })
		}
		_, err = w.newNode(o, l, node{kind: kFunction, extra: payload})
		return err
	}
	c := classify(o)
	switch c.class {
	case cOrdinary:
		return w.ordinary(o, l, nil, nil)
	case cArray:
		return w.array(o, l, nil, nil)
	case cMap, cSet:
		return w.collection(o, l, c.class == cMap)
	case cDate:
		return w.date(o, l)
	case cRegExp:
		return w.regexp(o, l)
	case cArrayBuffer:
		return w.arrayBuffer(o, l)
	case cTypedArray, cDataView:
		return w.view(o, l, c.class == cTypedArray)
	case cPrimitiveWrapper, cStringWrapper:
		return w.wrapper(o, l, c.class == cStringWrapper)
	case cError:
		return w.error(o, l)
	default:
		return w.s.refuse(l, c.what+" objects cannot be cloned")
	}
}

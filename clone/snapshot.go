package clone

import (
	"fmt"
	"reflect"

	"github.com/dop251/goja"
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
	return snapshot(rt, vals, rootName, "", opts)
}

// SnapshotValue is SnapshotValues of the single value v, labelled name in error
// paths.
func SnapshotValue(rt *goja.Runtime, v goja.Value, name string, opts *Options) (*Snapshot, error) {
	return snapshot(rt, []goja.Value{v}, nil, name, opts)
}

func snapshot(rt *goja.Runtime, vals []goja.Value, rootName func(int) string, name string, opts *Options) (*Snapshot, error) {
	loadImpl()
	var o Options
	if opts != nil {
		o = *opts
	}
	s := &Snapshot{rootName: rootName, name: name}
	if len(vals) <= len(s.rootBuf) {
		s.roots = s.rootBuf[:len(vals):len(vals)]
	} else {
		s.roots = make([]slot, len(vals))
	}
	if err := s.charge(int64(len(vals))*sizeSlot, o.MaxBytes, loc{-1, 0}); err != nil {
		return nil, err
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
	if simple {
		for i, v := range vals {
			if err := s.primitive(v, loc{-1, int32(i)}, o.MaxBytes); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
	w := &walker{rt: rt, opts: o, s: s}
	w.realm.rt = rt
	w.stack = w.frames[:0]
	s.nodes = make([]node, 0, 8)
	s.slots = make([]slot, 0, 16)
	var err error
	if ex := rt.Try(func() { err = w.run(vals) }); ex != nil {
		return nil, ex
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// walker is the state of one snapshot: an explicit depth-first work list
// instead of Go recursion, so depth costs heap, not stack.
type walker struct {
	rt   *goja.Runtime
	opts Options
	s    *Snapshot
	// memo maps objects to their node (identity, cycles). The first few
	// live in small, scanned linearly, sparing small values a map.
	small  [8]*goja.Object
	memo   map[*goja.Object]int32
	stack  []frame
	frames [4]frame // initial backing of stack
	realm  realm
	// Map entries are read through the forEach intrinsic, whose callback
	// mapCB appends to collect.
	collect []goja.Value
	mapCB   goja.Value
}

// frame is an object whose children are still being read. Children are read
// one at a time, in order, each fully walked before the next is read, so
// getters run in the order (and as many times: once) the recursive
// algorithm of the spec runs them.
type frame struct {
	obj   *goja.Object
	keys  []string             // property keys, read with Get
	lossy map[int32]goja.Value // real keys of positions whose Go string is lossy
	vals  []goja.Value         // children read up front (Map, Set, view buffer, cause)
	node  int32
	base  int32 // slot of child 0
	i, n  int32
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
		l := loc{f.node, f.base + i}
		var v goja.Value
		switch {
		case f.vals != nil:
			v = f.vals[i]
		case f.lossy != nil && f.lossy[i] != nil:
			var err error
			if v, err = w.realm.call(inReflectGet, goja.Undefined(), f.obj, f.lossy[i]); err != nil {
				return w.fail(l, err)
			}
		default:
			v = f.obj.Get(f.keys[i]) // runs a getter, if any, exactly once
		}
		if f.i == f.n {
			// Pop before walking the last child: a chain of last children
			// (nested arrays, linked lists) then needs one frame, not one
			// per level.
			w.stack[top] = frame{}
			w.stack = w.stack[:top]
		}
		if v == nil {
			// An earlier getter deleted the property; the spec skips it.
			w.s.slots[l.slot].ref = skipped
			if n := &w.s.nodes[l.parent]; n.kind == kArray && l.slot-n.first < n.nIdx {
				n.sub |= holey
			}
			continue
		}
		if err := w.visit(v, l); err != nil {
			return err
		}
	}
	return nil
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
	if w.memo == nil {
		for i, p := range w.small[:min(len(w.s.nodes), len(w.small))] {
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
	return &s.slots[l.slot]
}

// primitive stores a non-object value at l.
func (s *Snapshot) primitive(v goja.Value, l loc, max int64) error {
	if v == nil {
		v = goja.Undefined()
	}
	t := reflect.TypeOf(v)
	if t == impl.imported {
		v = normalizeString(v.(goja.String))
	} else if !knownPrimitive(t) {
		if _, isSym := v.(*goja.Symbol); isSym {
			return s.refuse(l, "Symbol values cannot be cloned")
		}
		return s.refuse(l, fmt.Sprintf("%T values cannot be cloned", v))
	}
	if str, ok := v.(goja.String); ok {
		if err := s.charge(int64(str.Length()), max, l); err != nil {
			return err
		}
	}
	s.slotAt(l).v = v
	return nil
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
	idx := int32(len(w.s.nodes))
	n.parent, n.pslot = l.parent, l.slot
	w.s.nodes = append(w.s.nodes, n)
	switch {
	case int(idx) < len(w.small):
		w.small[idx] = o
	case int(idx) == len(w.small):
		w.memo = make(map[*goja.Object]int32, 2*len(w.small))
		for i, p := range w.small {
			w.memo[p] = int32(i)
		}
		w.small = [len(w.small)]*goja.Object{}
		fallthrough
	default:
		w.memo[o] = idx
	}
	sl := w.s.slotAt(l)
	sl.v, sl.ref = nil, idx
	return idx, w.s.charge(sizeNode, w.opts.MaxBytes, l)
}

// reserve appends n empty child slots and returns the first one's index.
// l locates the object, for the error if that exceeds MaxBytes.
func (w *walker) reserve(n int, l loc) (int32, error) {
	first := int32(len(w.s.slots))
	w.s.slots = append(w.s.slots, make([]slot, n)...)
	return first, w.s.charge(int64(n)*sizeSlot, w.opts.MaxBytes, l)
}

// object stores a not yet seen object at l. The order of the checks is the
// contract: Proxy (decided without running a trap), host object, function,
// then the kind of object.
func (w *walker) object(o *goja.Object, l loc) error {
	et := o.ExportType()
	if et == proxyType {
		return w.s.refuse(l, "Proxy objects cannot be cloned")
	}
	if ref, ok := RefOf(o); ok {
		if w.opts.Codec == nil {
			return w.s.refuse(l, "host objects cannot be cloned without a Codec")
		}
		_, err := w.newNode(o, l, node{kind: kRef, extra: ref})
		return err
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
		return w.ordinary(o, l)
	case cArray:
		return w.array(o, l)
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

package clone

// The walk of objects whose properties or entries are walked in turn:
// ordinary objects, arrays, Maps and Sets.

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/dop251/goja"
)

// ordinary copies own enumerable string-keyed properties, in order; symbol
// keys, non-enumerable and inherited properties are dropped, and the
// prototype is not kept (class instances arrive as plain objects).
// tab and p are o's representation (nil, nil: the public path).
func (w *walker) ordinary(o *goja.Object, l loc, tab reflect.Type, p unsafe.Pointer) error {
	js := w.js
	var keys []string
	var lossy map[int32]rawKey
	fast := false
	w.vals = w.vals[:0]
	if tab != nil && tab == w.l.tabObject {
		keys, fast = w.namedKeys(p, 0, &lossy, &w.vals)
	}
	if !fast {
		keys = o.Keys()
	}
	idx, err := w.newNode(o, l, node{kind: kObject})
	if err != nil {
		return err
	}
	slots, err := w.reserve(idx, len(keys), l)
	if err != nil {
		return err
	}
	if lossy, err = w.names(o, idx, keys, 0, lossy, fast, l); err != nil {
		return err
	}
	w.s.node(idx).keys = keys
	w.s.props += int32(len(keys)) // count saw none: the slots came after
	if fast && w.l.leaf(w.vals) {
		return w.leaf(idx, slots, w.vals)
	}
	f := frame{obj: o, keys: keys, lossy: lossy, slots: slots, node: idx, n: int32(len(keys))}
	if w.js == js {
		f.tab, f.p, f.selfGen = tab, p, js
	}
	if fast && len(keys) > 0 {
		f.pre, f.npre, f.gen = int32(len(w.pre)), int32(len(w.vals)), w.js
		w.pre = append(w.pre, w.vals...)
	}
	w.push(f)
	return nil
}

// leaf reports whether vals, the stored values of an object's children,
// are all plain primitives: no getter to run, no object to walk.
//
// Then nothing can run between reading the first child and the last, so
// they may be read at once, as goja stores them, rather than one at a time
// as the walk reaches them: the result is the same, for one property
// lookup instead of two, and no work list frame.
func (l *layout) leaf(vals []goja.Value) bool {
	for _, v := range vals {
		if _, isObj := v.(*goja.Object); isObj || l.isProp(v) {
			return false
		}
	}
	return true
}

// leaf stores the children of a leaf node (see leaf).
func (w *walker) leaf(idx int32, slots []slot, vals []goja.Value) error {
	for i, v := range vals {
		pv, err := w.s.checkPrimitive(v, loc{idx, int32(i)}, w.opts.MaxBytes)
		if err != nil {
			return err
		}
		slots[i].v = pv
	}
	return nil
}

// namedKeys lists the keys of the baseObject at p into the walk's key
// arena (see the package-level namedKeys); pos0 is the child position of
// the first one.
func (w *walker) namedKeys(p unsafe.Pointer, pos0 int, lossy *map[int32]rawKey, vals *[]goja.Value) ([]string, bool) {
	n := len(w.l.propNames(p))
	if cap(w.keyArena)-len(w.keyArena) < n {
		w.keyArena = make([]string, 0, max(n, min(2*cap(w.keyArena), 1024), 8))
	}
	start := len(w.keyArena)
	keys, ok := w.l.namedKeys(p, w.keyArena[start:start], pos0, lossy, vals)
	if !ok {
		return nil, false
	}
	keys = keys[:len(keys):len(keys)]
	if *lossy == nil {
		// Objects built by the same code have the same keys: share the
		// list with a recent object that has them too.
		for _, r := range w.recent {
			if equalKeys(r, keys) {
				return r, true
			}
		}
		w.recent[w.nextRecent%uint8(len(w.recent))] = keys
		w.nextRecent++
	}
	w.keyArena = w.keyArena[:start+len(keys)]
	return keys, true
}

// equalKeys reports whether key lists a and b hold the very same strings
// (same data, not merely equal): keys read from goja objects made by the
// same code do, and comparing them is then a pointer compare per key.
func equalKeys(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) || unsafe.StringData(a[i]) != unsafe.StringData(b[i]) {
			return false
		}
	}
	return true
}

// names charges the named keys (children pos0 and on of node idx) against
// MaxBytes and records the keys a Go string cannot carry.
//
// goja hands keys out as Go strings, which cannot hold a lone surrogate (it
// becomes U+FFFD). When the keys were read from goja's representation
// (fast), lossy already holds the real keys of those; otherwise a key
// containing U+FFFD is fetched again, as a JS string, through Object.keys.
// The returned map gives the real keys by child position, for reading the
// value, and the node keeps them by position too.
func (w *walker) names(o *goja.Object, idx int32, keys []string, pos0 int, lossy map[int32]rawKey, fast bool, l loc) (map[int32]rawKey, error) {
	var real *goja.Object
	n := 0
	for j, k := range keys {
		n += len(k)
		if fast || !strings.Contains(k, "\uFFFD") {
			continue
		}
		i := pos0 + j
		if real == nil {
			w.mayRunJS()
			v, err := w.realm.call(inObjectKeys, goja.Undefined(), o)
			if err != nil {
				return nil, w.fail(l, err)
			}
			real, _ = v.(*goja.Object)
			if real == nil {
				return nil, w.s.refuse(l, "cannot clone: Object.keys returned no array")
			}
			lossy = make(map[int32]rawKey)
		}
		kv, ok := real.Get(strconv.Itoa(i)).(goja.String)
		if !ok {
			return nil, w.s.refuse(l, "cannot clone: the object's keys changed while it was read")
		}
		lossy[int32(i)] = rawKey{real: normalizeString(kv)}
	}
	if len(lossy) > 0 {
		real := make(map[int32]goja.Value, len(lossy))
		for i, k := range lossy {
			real[i] = k.real
		}
		w.s.node(idx).extra = real
	}
	return lossy, w.s.charge(int64(n), w.opts.MaxBytes, l)
}

// getLossy reads the property of o whose key a Go string cannot carry:
// straight from goja's representation when it is a plain data property,
// else through Reflect.get.
func (w *walker) getLossy(f *frame, k rawKey) (goja.Value, error) {
	o := f.obj
	if tab, p := w.self(f); tab != nil && k.raw != "" && (tab == w.l.tabObject || tab == w.l.tabArray) {
		if v := w.l.propMap(p)[k.raw]; v != nil && !w.l.isProp(v) {
			return v, nil
		}
	}
	w.mayRunJS()
	return w.realm.call(inReflectGet, goja.Undefined(), o, k.real)
}

// array copies length, elements (holes stay holes) and other enumerable
// properties.
// tab and p are o's representation (nil, nil: the public path).
func (w *walker) array(o *goja.Object, l loc, tab reflect.Type, p unsafe.Pointer) error {
	js := w.js
	var length int64
	if tab != nil && tab == w.l.tabArray {
		length = int64(w.l.arrayLength(p))
	} else {
		length = o.Get("length").ToInteger()
	}
	if length < 0 || length > math.MaxUint32 {
		return w.s.refuse(l, "cannot clone: invalid array length")
	}
	var named []string
	var lossy map[int32]rawKey
	var elems []goja.Value
	fast := false
	nIdx := 0
	isLeaf := true
	w.vals = w.vals[:0]
	if tab != nil && tab == w.l.tabArray {
		elems = w.l.arrayValues(p)
		for _, e := range elems {
			if e == nil {
				continue
			}
			if w.l.isProp(e) {
				isLeaf = false
				if !w.l.enumerable(e) {
					continue
				}
			} else if _, isObj := e.(*goja.Object); isObj {
				isLeaf = false
			}
			nIdx++
		}
		if w.l.onlyLength(p) {
			fast = true
		} else {
			named, fast = w.namedKeys(p, nIdx, &lossy, &w.vals)
		}
	}
	var keys []string
	if !fast {
		keys = o.Keys()
		nIdx = 0
		for nIdx < len(keys) {
			if _, ok := arrayIndex(keys[nIdx]); !ok {
				break
			}
			nIdx++
		}
		named = keys[nIdx:]
	}
	idx, err := w.newNode(o, l, node{kind: kArray, length: uint32(length)})
	if err != nil {
		return err
	}
	slots, err := w.reserve(idx, nIdx+len(named), l)
	if err != nil {
		return err
	}
	// Elements first, ascending; then named properties.
	dense := true
	if fast {
		j := 0
		for ix, e := range elems {
			if e != nil && (!w.l.isProp(e) || w.l.enumerable(e)) {
				slots[j].key = uint32(ix)
				dense = dense && ix == j
				j++
			}
		}
	} else {
		for j := range nIdx {
			ix, _ := arrayIndex(keys[j])
			slots[j].key = ix
			dense = dense && ix == uint32(j)
		}
	}
	if lossy, err = w.names(o, idx, named, nIdx, lossy, fast, l); err != nil {
		return err
	}
	n := w.s.node(idx)
	n.nIdx, n.keys = int32(nIdx), named
	if !dense || int64(nIdx) != length {
		n.sub |= holey
	}
	if fast && isLeaf && w.l.leaf(w.vals) {
		for j := range nIdx {
			v, err := w.s.checkPrimitive(elems[slots[j].key], loc{idx, int32(j)}, w.opts.MaxBytes)
			if err != nil {
				return err
			}
			slots[j].v = v
		}
		return w.leaf(idx, slots[nIdx:], w.vals)
	}
	f := frame{obj: o, keys: named, lossy: lossy, slots: slots, node: idx, n: int32(nIdx + len(named)), nIdx: int32(nIdx)}
	if w.js == js {
		f.tab, f.p, f.selfGen = tab, p, js
	}
	w.push(f)
	return nil
}

func (l *layout) enumerable(prop goja.Value) bool {
	_, _, e := l.propFields(prop)
	return e
}

// elem reads element ix of array o: straight from goja's element slice when
// it holds a plain value there, else with Get (a getter, a hole a getter
// made, an array goja no longer stores densely).
func (w *walker) elem(f *frame, ix uint32) goja.Value {
	o := f.obj
	if tab, p := w.self(f); tab != nil && tab == w.l.tabArray {
		if vals := w.l.arrayValues(p); int64(ix) < int64(len(vals)) {
			if v := vals[ix]; v != nil && !w.l.isProp(v) {
				return v
			}
		}
	}
	w.mayRunJS()
	return o.Get(strconv.FormatUint(uint64(ix), 10))
}

// arrayIndex parses a canonical array index ("0", "17"; not "01", not
// 4294967295).
func arrayIndex(k string) (uint32, bool) {
	if k == "" || len(k) > 10 || (k[0] == '0' && len(k) > 1) {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	if n >= math.MaxUint32 {
		return 0, false
	}
	return uint32(n), true
}

// collection copies a Map's entries or a Set's elements in insertion order.
// As the spec does, the entries are listed first and walked afterwards.
func (w *walker) collection(o *goja.Object, l loc, isMap bool) error {
	var vals []goja.Value
	k := kSet
	if isMap {
		k = kMap
		// Map.prototype.forEach reads [[MapData]] directly (an exported
		// Map would lose its keys' identity); its callback appends. It
		// keeps its Go name: only the built-in forEach sees it.
		if w.mapCB == nil {
			w.mapCB = w.rt.ToValue(func(c goja.FunctionCall) goja.Value {
				w.collect = append(w.collect, c.Argument(1), c.Argument(0)) // key, value
				return goja.Undefined()
			})
		}
		w.collect = nil
		if _, err := w.realm.call(inMapForEach, o, w.mapCB); err != nil {
			return w.fail(l, err)
		}
		vals, w.collect = w.collect, nil
	} else if err := w.rt.ExportTo(o, &vals); err != nil {
		// goja exports a Set into []goja.Value straight from its
		// internal list: elements as they are, in order, no JS run.
		return w.fail(l, err)
	}
	idx, err := w.newNode(o, l, node{kind: k})
	if err != nil {
		return err
	}
	slots, err := w.reserve(idx, len(vals), l)
	if err != nil {
		return err
	}
	w.push(frame{vals: vals, slots: slots, node: idx, n: int32(len(vals))})
	return nil
}

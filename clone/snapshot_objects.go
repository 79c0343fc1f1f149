package clone

// The walk of objects whose properties or entries are walked in turn:
// ordinary objects, arrays, Maps and Sets.

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// ordinary copies own enumerable string-keyed properties, in order; symbol
// keys, non-enumerable and inherited properties are dropped, and the
// prototype is not kept (class instances arrive as plain objects).
func (w *walker) ordinary(o *goja.Object, l loc) error {
	keys := o.Keys()
	idx, err := w.newNode(o, l, node{kind: kObject})
	if err != nil {
		return err
	}
	first, err := w.reserve(len(keys), l)
	if err != nil {
		return err
	}
	lossy, err := w.names(o, keys, 0, first, l)
	if err != nil {
		return err
	}
	n := &w.s.nodes[idx]
	n.first, n.count, n.keys = first, int32(len(keys)), keys
	w.push(frame{obj: o, keys: keys, lossy: lossy, node: idx, base: first, n: int32(len(keys))})
	return nil
}

// names charges keys[from:] against MaxBytes and handles the keys a Go
// string cannot carry.
//
// goja hands keys out as Go strings, which cannot hold a lone surrogate (it
// becomes U+FFFD). A key containing U+FFFD is therefore fetched again, as a
// JS string, through Object.keys; the returned map gives those real keys by
// position, for reading the value, and the snapshot keeps them by slot.
func (w *walker) names(o *goja.Object, keys []string, from int, first int32, l loc) (map[int32]goja.Value, error) {
	var lossy map[int32]goja.Value
	var real *goja.Object
	n := 0
	for i := from; i < len(keys); i++ {
		k := keys[i]
		n += len(k)
		if !strings.Contains(k, "\uFFFD") {
			continue
		}
		if real == nil {
			v, err := w.realm.call(inObjectKeys, goja.Undefined(), o)
			if err != nil {
				return nil, w.fail(l, err)
			}
			real, _ = v.(*goja.Object)
			if real == nil {
				return nil, w.s.refuse(l, "cannot clone: Object.keys returned no array")
			}
			lossy = make(map[int32]goja.Value)
		}
		kv, ok := real.Get(strconv.Itoa(i)).(goja.String)
		if !ok {
			return nil, w.s.refuse(l, "cannot clone: the object's keys changed while it was read")
		}
		kv = normalizeString(kv)
		lossy[int32(i)] = kv
		if w.s.lossy == nil {
			w.s.lossy = make(map[int32]goja.Value)
		}
		w.s.lossy[first+int32(i)] = kv
	}
	return lossy, w.s.charge(int64(n), w.opts.MaxBytes, l)
}

// array copies length, elements (holes stay holes) and other enumerable
// properties.
func (w *walker) array(o *goja.Object, l loc) error {
	keys := o.Keys()
	length := o.Get("length").ToInteger()
	if length < 0 || length > math.MaxUint32 {
		return w.s.refuse(l, "cannot clone: invalid array length")
	}
	idx, err := w.newNode(o, l, node{kind: kArray, length: uint32(length)})
	if err != nil {
		return err
	}
	first, err := w.reserve(len(keys), l)
	if err != nil {
		return err
	}
	// Own keys list array indices first, ascending; the rest are named.
	nIdx := 0
	dense := true
	for nIdx < len(keys) {
		ix, ok := arrayIndex(keys[nIdx])
		if !ok {
			break
		}
		w.s.slots[first+int32(nIdx)].key = ix
		dense = dense && ix == uint32(nIdx)
		nIdx++
	}
	lossy, err := w.names(o, keys, nIdx, first, l)
	if err != nil {
		return err
	}
	n := &w.s.nodes[idx]
	n.first, n.count, n.nIdx, n.keys = first, int32(len(keys)), int32(nIdx), keys
	if !dense || int64(nIdx) != length {
		n.sub |= holey
	}
	w.push(frame{obj: o, keys: keys, lossy: lossy, node: idx, base: first, n: int32(len(keys))})
	return nil
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
		// Map would lose its keys' identity); its callback appends.
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
	first, err := w.reserve(len(vals), l)
	if err != nil {
		return err
	}
	n := &w.s.nodes[idx]
	n.first, n.count = first, int32(len(vals))
	w.push(frame{vals: vals, node: idx, base: first, n: int32(len(vals))})
	return nil
}

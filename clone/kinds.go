package clone

import (
	"bytes"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// One function per kind of object: each records the node, reads what the
// object holds, and queues the children to walk.

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
	n.first, n.count = first, int32(len(keys))
	w.push(frame{obj: o, keys: keys, lossy: lossy, node: idx, base: first, n: int32(len(keys))})
	return nil
}

// names records keys[from:] as the names of slots first+from...
//
// goja hands keys out as Go strings, which cannot hold a lone surrogate (it
// becomes U+FFFD). A key containing U+FFFD is therefore fetched again, as a
// JS string, through Object.keys; the returned map gives those real keys by
// position, for reading the value and for the snapshot.
func (w *walker) names(o *goja.Object, keys []string, from int, first int32, l loc) (map[int32]goja.Value, error) {
	var lossy map[int32]goja.Value
	var real *goja.Object
	for i := from; i < len(keys); i++ {
		k := keys[i]
		nameIdx := uint32(len(w.s.names))
		w.s.slots[first+int32(i)].key = nameIdx
		w.s.names = append(w.s.names, k)
		if err := w.s.charge(int64(len(k)), w.opts.MaxBytes, l); err != nil {
			return nil, err
		}
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
			w.s.lossy = make(map[uint32]goja.Value)
		}
		w.s.lossy[nameIdx] = kv
	}
	return lossy, nil
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
	n.first, n.count, n.nIdx = first, int32(len(keys)), int32(nIdx)
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
	id, cb := inSetForEach, &w.setCB
	if isMap {
		id, cb = inMapForEach, &w.mapCB
	}
	if *cb == nil {
		if isMap {
			*cb = w.rt.ToValue(func(c goja.FunctionCall) goja.Value {
				w.collect = append(w.collect, c.Argument(1), c.Argument(0)) // key, value
				return goja.Undefined()
			})
		} else {
			*cb = w.rt.ToValue(func(c goja.FunctionCall) goja.Value {
				w.collect = append(w.collect, c.Argument(0))
				return goja.Undefined()
			})
		}
	}
	w.collect = nil
	if _, err := w.realm.call(id, o, *cb); err != nil {
		return w.fail(l, err)
	}
	vals := w.collect
	w.collect = nil
	k := kSet
	if isMap {
		k = kMap
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

// date copies the time value; an invalid Date stays invalid.
func (w *walker) date(o *goja.Object, l loc) error {
	ms := math.NaN()
	if t, ok := o.Export().(time.Time); ok {
		ms = float64(t.UnixMilli())
	}
	_, err := w.newNode(o, l, node{kind: kDate, extra: ms})
	return err
}

// regexp copies source and flags, read through RegExp.prototype's getters;
// lastIndex is not copied (it restarts at 0).
func (w *walker) regexp(o *goja.Object, l loc) error {
	src, err := w.realm.call(inRegExpSource, o)
	if err != nil {
		return w.fail(l, err)
	}
	str, ok := src.(goja.String)
	if !ok {
		return w.s.refuse(l, "cannot clone: RegExp source is not a string")
	}
	getters, err := w.realm.regexpFlagGetters()
	if err != nil {
		return w.fail(l, err)
	}
	var flags []byte
	for i, g := range getters {
		if g == nil {
			continue
		}
		on, err := g(o)
		if err != nil {
			return w.fail(l, err)
		}
		if on.ToBoolean() {
			flags = append(flags, regexpFlags[i].flag...)
		}
	}
	str = normalizeString(str)
	if err := w.s.charge(int64(str.Length()), w.opts.MaxBytes, l); err != nil {
		return err
	}
	_, err = w.newNode(o, l, node{kind: kRegExp, extra: &regexpData{source: str, flags: string(flags)}})
	return err
}

// arrayBuffer copies the bytes: the snapshot never aliases runtime memory.
func (w *walker) arrayBuffer(o *goja.Object, l loc) error {
	ab, ok := o.Export().(goja.ArrayBuffer)
	if !ok {
		return w.s.refuse(l, "cannot clone: unexpected ArrayBuffer representation")
	}
	if ab.Detached() {
		return w.s.refuse(l, "detached ArrayBuffers cannot be cloned")
	}
	data := ab.Bytes()
	if err := w.s.charge(int64(len(data)), w.opts.MaxBytes, l); err != nil {
		return err
	}
	_, err := w.newNode(o, l, node{kind: kArrayBuffer, extra: bytes.Clone(data)})
	return err
}

// typedArrayNames are the typed array constructors; a node's sub indexes it.
var typedArrayNames = [...]string{
	"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
	"Int32Array", "Uint32Array", "Float32Array", "Float64Array",
	"BigInt64Array", "BigUint64Array", "Float16Array",
}

// view copies a typed array or DataView as its buffer (walked like any
// object, so views of one buffer share one copy), offset and length.
func (w *walker) view(o *goja.Object, l loc, typed bool) error {
	ids := [3]intrinsicID{inDVBuffer, inDVByteOffset, inDVByteLength}
	k, sub := kDataView, 0
	if typed {
		ids = [3]intrinsicID{inTABuffer, inTAByteOffset, inTALength}
		k = kTypedArray
		tag, err := w.realm.call(inTATag, o)
		if err != nil {
			return w.fail(l, err)
		}
		sub = -1
		for i, name := range typedArrayNames {
			if tag.String() == name {
				sub = i
			}
		}
		if sub < 0 {
			return w.s.refuse(l, "cannot clone: unknown typed array "+tag.String())
		}
	}
	var got [3]goja.Value
	for i, id := range ids {
		v, err := w.realm.call(id, o)
		if err != nil {
			return w.fail(l, err)
		}
		got[i] = v
	}
	buf, ok := got[0].(*goja.Object)
	if !ok {
		return w.s.refuse(l, "cannot clone: view without a buffer")
	}
	vd := &viewData{offset: got[1].ToInteger(), length: got[2].ToInteger()}
	idx, err := w.newNode(o, l, node{kind: k, sub: uint8(sub), extra: vd})
	if err != nil {
		return err
	}
	first, err := w.reserve(1, l)
	if err != nil {
		return err
	}
	n := &w.s.nodes[idx]
	n.first, n.count = first, 1
	w.push(frame{vals: []goja.Value{buf}, node: idx, base: first, n: 1})
	return nil
}

// wrapper copies a Boolean, Number, BigInt or String object as its primitive.
// Symbol objects are refused, as in the spec.
func (w *walker) wrapper(o *goja.Object, l loc, isString bool) error {
	var prim goja.Value
	if isString {
		v, err := w.realm.call(inStringValueOf, o)
		if err != nil {
			return w.fail(l, err)
		}
		str, ok := v.(goja.String)
		if !ok {
			return w.s.refuse(l, "cannot clone: String object without a string")
		}
		str = normalizeString(str)
		if err := w.s.charge(int64(str.Length()), w.opts.MaxBytes, l); err != nil {
			return err
		}
		prim = str
	} else {
		switch x := o.Export().(type) {
		case bool, int64, float64, *big.Int:
			prim = w.rt.ToValue(x)
		default:
			return w.s.refuse(l, "Symbol objects cannot be cloned")
		}
	}
	_, err := w.newNode(o, l, node{kind: kWrapper, extra: prim})
	return err
}

// nativeErrors are the names HTML keeps; any other becomes "Error" unless
// Options.PreserveErrorNames.
var nativeErrors = [...]string{"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"}

func isNativeError(name string) bool {
	for _, n := range nativeErrors {
		if n == name {
			return true
		}
	}
	return false
}

// error copies an Error: name (read with Get, as the spec does), and the own
// data properties message (as a string), stack (when a string) and cause
// (any cloneable value). Accessors among those are not run, and other
// properties are dropped.
func (w *walker) error(o *goja.Object, l loc) error {
	d := &errorData{proto: "Error"}
	if nv := o.Get("name"); nv != nil && goja.IsString(nv) {
		name := nv.String()
		switch {
		case isNativeError(name):
			d.proto = name
		case w.opts.PreserveErrorNames:
			d.name = normalizeString(nv.(goja.String))
		}
	}
	msg, ok, err := w.ownData(o, "message", l)
	if err != nil {
		return err
	}
	if ok {
		d.message = normalizeString(msg.ToString().(goja.String))
	}
	stack, ok, err := w.ownData(o, "stack", l)
	if err != nil {
		return err
	}
	if ok && goja.IsString(stack) {
		d.stack = normalizeString(stack.(goja.String))
	}
	cause, hasCause, err := w.ownData(o, "cause", l)
	if err != nil {
		return err
	}
	for _, v := range []goja.Value{d.name, d.message, d.stack} {
		if v != nil {
			if err := w.s.charge(int64(v.(goja.String).Length()), w.opts.MaxBytes, l); err != nil {
				return err
			}
		}
	}
	idx, err := w.newNode(o, l, node{kind: kError, extra: d})
	if err != nil {
		return err
	}
	if hasCause {
		first, err := w.reserve(1, l)
		if err != nil {
			return err
		}
		n := &w.s.nodes[idx]
		n.first, n.count = first, 1
		w.push(frame{vals: []goja.Value{cause}, node: idx, base: first, n: 1})
	}
	return nil
}

// ownData returns o's own data property name, without running an accessor.
func (w *walker) ownData(o *goja.Object, name string, l loc) (goja.Value, bool, error) {
	dv, err := w.realm.call(inGetOwnPropertyDescriptor, goja.Undefined(), o, w.rt.ToValue(name))
	if err != nil {
		return nil, false, w.fail(l, err)
	}
	desc, ok := dv.(*goja.Object)
	if !ok {
		return nil, false, nil
	}
	// A data descriptor has a boolean writable; an accessor has none.
	if wr := desc.Get("writable"); wr == nil || !isBool(wr) {
		return nil, false, nil
	}
	v := desc.Get("value")
	if v == nil {
		v = goja.Undefined()
	}
	return v, true, nil
}

func isBool(v goja.Value) bool {
	_, ok := v.Export().(bool)
	return ok
}

package clone

// The walk of binary data: ArrayBuffers, typed arrays and DataViews.

import (
	"bytes"
	"reflect"

	"github.com/dop251/goja"
)

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

// typedArrayKinds maps what goja's Export of a typed array returns (a slice
// of the element type, documented) to typedArrayNames, for every kind but
// the two that share []uint8.
var typedArrayKinds = map[reflect.Type]int{
	reflect.TypeOf([]int8(nil)):    0,
	reflect.TypeOf([]int16(nil)):   3,
	reflect.TypeOf([]uint16(nil)):  4,
	reflect.TypeOf([]int32(nil)):   5,
	reflect.TypeOf([]uint32(nil)):  6,
	reflect.TypeOf([]float32(nil)): 7,
	reflect.TypeOf([]float64(nil)): 8,
	reflect.TypeOf([]int64(nil)):   9,
	reflect.TypeOf([]uint64(nil)):  10,
}

// view copies a typed array or DataView as its buffer (walked like any
// object, so views of one buffer share one copy), offset and length.
func (w *walker) view(o *goja.Object, l loc, typed bool) error {
	ids := [3]intrinsicID{inDVBuffer, inDVByteOffset, inDVByteLength}
	k, sub := kDataView, 0
	if typed {
		ids = [3]intrinsicID{inTABuffer, inTAByteOffset, inTALength}
		k = kTypedArray
		var ok bool
		if sub, ok = typedArrayKinds[o.ExportType()]; !ok {
			// Uint8Array and Uint8ClampedArray both export as []uint8: ask
			// %TypedArray%.prototype[Symbol.toStringTag], which reads the
			// internal slot.
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
	slots, err := w.reserve(idx, 1, l)
	if err != nil {
		return err
	}
	w.push(frame{vals: []goja.Value{buf}, slots: slots, node: idx, n: 1})
	return nil
}

package clone

import (
	"bytes"
	"strconv"

	"github.com/dop251/goja"
)

// Restore rebuilds the snapshot's values as native JS values of rt (real
// Arrays, Maps, Dates...; never Go wrappers), with the same sharing and
// cycles. codec rebuilds functions and host objects; nil is fine when the
// snapshot holds neither, and a *DataCloneError otherwise. Restore only
// reads the snapshot: any number of goroutines may restore one snapshot at
// the same time, each into its own runtime, on that runtime's goroutine.
//
// Errors: a *goja.Exception from JS that ran (a Codec, or a built-in a
// script replaced) is returned unchanged, anything else is a
// *DataCloneError.
func (s *Snapshot) Restore(rt *goja.Runtime, codec Codec) ([]goja.Value, error) {
	out := make([]goja.Value, len(s.roots))
	if len(s.nodes) == 0 {
		for i := range s.roots {
			out[i] = s.roots[i].v
		}
		return out, nil
	}
	r := &restorer{s: s, rt: rt, codec: codec}
	r.realm.rt = rt
	var err error
	if ex := rt.Try(func() { err = r.run() }); ex != nil {
		return nil, ex
	}
	if err != nil {
		return nil, err
	}
	for i := range s.roots {
		out[i] = r.value(&s.roots[i])
	}
	return out, nil
}

// RestoreValue restores root 0 (undefined if the snapshot holds no value).
func (s *Snapshot) RestoreValue(rt *goja.Runtime, codec Codec) (goja.Value, error) {
	if len(s.roots) == 0 {
		return goja.Undefined(), nil
	}
	if len(s.nodes) == 0 {
		return s.roots[0].v, nil
	}
	vals, err := s.Restore(rt, codec)
	if err != nil {
		return nil, err
	}
	return vals[0], nil
}

// restorer is the state of one Restore. It works in flat passes over the
// nodes, so depth never reaches the Go stack: first every object is created
// empty (so any node can refer to any other, cycles included), then filled.
type restorer struct {
	s       *Snapshot
	rt      *goja.Runtime
	codec   Codec
	realm   realm
	objs    []goja.Value // node -> restored object
	filled  []bool       // arrays built complete in one NewArray call
	scratch []interface{}
}

func (r *restorer) value(sl *slot) goja.Value {
	if sl.v != nil {
		return sl.v
	}
	return r.objs[sl.ref]
}

func (r *restorer) run() error {
	s := r.s
	r.objs = make([]goja.Value, len(s.nodes))
	// Pass 1: everything but arrays and views.
	for i := range s.nodes {
		if err := r.create(int32(i)); err != nil {
			return err
		}
	}
	// Pass 2: views, now that every buffer exists.
	for i := range s.nodes {
		n := &s.nodes[i]
		if n.kind != kTypedArray && n.kind != kDataView {
			continue
		}
		name := "DataView"
		if n.kind == kTypedArray {
			name = typedArrayNames[n.sub]
		}
		vd := n.extra.(*viewData)
		v, err := r.construct(int32(i), name, r.value(&s.slots[n.first]), r.rt.ToValue(vd.offset), r.rt.ToValue(vd.length))
		if err != nil {
			return err
		}
		r.objs[i] = v
	}
	// Pass 3: arrays, last first: a nested array is usually discovered
	// after its parent, so it exists when the parent is built and a dense
	// array can be made in one call.
	r.filled = make([]bool, len(s.nodes))
	for i := len(s.nodes) - 1; i >= 0; i-- {
		if s.nodes[i].kind == kArray {
			r.objs[i] = r.newArray(int32(i))
		}
	}
	r.scratch = nil
	// Pass 4: fill.
	for i := range s.nodes {
		if err := r.fill(int32(i)); err != nil {
			return err
		}
	}
	return nil
}

// create makes node i (pass 1).
func (r *restorer) create(i int32) error {
	n := &r.s.nodes[i]
	var v goja.Value
	var err error
	switch n.kind {
	case kObject:
		v = r.rt.NewObject()
	case kMap:
		v, err = r.construct(i, "Map")
	case kSet:
		v, err = r.construct(i, "Set")
	case kDate:
		v, err = r.construct(i, "Date", r.rt.ToValue(n.extra.(float64)))
	case kRegExp:
		d := n.extra.(*regexpData)
		v, err = r.construct(i, "RegExp", d.source, r.rt.ToValue(d.flags))
	case kArrayBuffer:
		v = r.rt.ToValue(r.rt.NewArrayBuffer(bytes.Clone(n.extra.([]byte))))
	case kWrapper:
		v = n.extra.(goja.Value).ToObject(r.rt)
	case kError:
		v, err = r.newError(i)
	case kRef, kFunction:
		if r.codec == nil {
			return r.refuse(i, "functions and host objects cannot be restored without a Codec")
		}
		if n.kind == kRef {
			v, err = r.codec.RestoreRef(r.rt, n.extra)
		} else {
			v, err = r.codec.RestoreFunction(r.rt, n.extra)
		}
		if err != nil {
			return codecError(err, func() string { return r.s.path(loc{n.parent, n.pslot}) })
		}
		if v == nil {
			v = goja.Undefined()
		}
	default: // arrays and views come later
		return nil
	}
	if err != nil {
		return err
	}
	r.objs[i] = v
	return nil
}

func (r *restorer) refuse(i int32, reason string) error {
	n := &r.s.nodes[i]
	return r.s.refuse(loc{n.parent, n.pslot}, reason)
}

// construct calls new name(args...) with the runtime's global constructor.
func (r *restorer) construct(i int32, name string, args ...goja.Value) (goja.Value, error) {
	c, err := r.realm.ctor(name)
	if err != nil {
		return nil, r.refuse(i, "cannot restore: "+err.Error())
	}
	o, err := r.rt.New(c, args...)
	if err != nil {
		return nil, err
	}
	return o, nil
}

func (r *restorer) newError(i int32) (goja.Value, error) {
	d := r.s.nodes[i].extra.(*errorData)
	v, err := r.construct(i, d.proto)
	if err != nil {
		return nil, err
	}
	o := v.(*goja.Object)
	// The attributes of these properties on a fresh Error: writable,
	// configurable, not enumerable.
	if d.name != nil {
		if err := o.DefineDataProperty("name", d.name, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil, err
		}
	}
	if d.message != nil {
		if err := o.DefineDataProperty("message", d.message, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil, err
		}
	}
	// Without this the Error would show the stack of the Restore call.
	if d.stack != nil {
		err = o.DefineDataProperty("stack", d.stack, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	} else {
		err = o.Delete("stack")
	}
	if err != nil {
		return nil, err
	}
	return o, nil
}

// newArray makes array node i (pass 3): complete in one NewArray call when
// it is dense and all its elements exist, else empty for fill to populate.
func (r *restorer) newArray(i int32) goja.Value {
	n := &r.s.nodes[i]
	if n.sub&holey == 0 {
		items := r.scratch[:0]
		complete := true
		for j := n.first; j < n.first+n.nIdx; j++ {
			sl := &r.s.slots[j]
			if sl.v != nil {
				items = append(items, sl.v)
				continue
			}
			o := r.objs[sl.ref]
			if o == nil {
				complete = false
				break
			}
			items = append(items, o)
		}
		if complete {
			a := r.rt.NewArray(items...)
			clear(items)
			r.scratch = items[:0]
			r.filled[i] = true
			return a
		}
		clear(items)
		r.scratch = items[:0]
	}
	return r.rt.NewArray()
}

// fill sets the children of node i (pass 4), with CreateDataProperty
// semantics: defined, never assigned, so no setter (not even __proto__'s)
// runs.
func (r *restorer) fill(i int32) error {
	s := r.s
	n := &s.nodes[i]
	switch n.kind {
	case kObject:
		return r.fillNamed(r.objs[i].(*goja.Object), n.first, n.first+n.count)
	case kArray:
		a := r.objs[i].(*goja.Object)
		if !r.filled[i] {
			for j := n.first; j < n.first+n.nIdx; j++ {
				sl := &s.slots[j]
				if sl.v == nil && sl.ref == skipped {
					continue
				}
				key := strconv.FormatUint(uint64(sl.key), 10)
				if err := a.DefineDataProperty(key, r.value(sl), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
					return err
				}
			}
			if err := a.Set("length", n.length); err != nil {
				return err
			}
		}
		return r.fillNamed(a, n.first+n.nIdx, n.first+n.count)
	case kMap, kSet:
		id, step := inSetAdd, int32(1)
		if n.kind == kMap {
			id, step = inMapSet, 2
		}
		this := r.objs[i]
		for j := n.first; j < n.first+n.count; j += step {
			var err error
			if n.kind == kMap {
				_, err = r.realm.call(id, this, r.value(&s.slots[j]), r.value(&s.slots[j+1]))
			} else {
				_, err = r.realm.call(id, this, r.value(&s.slots[j]))
			}
			if err != nil {
				return r.fail(i, err)
			}
		}
	case kError:
		if n.count == 1 {
			o := r.objs[i].(*goja.Object)
			return o.DefineDataProperty("cause", r.value(&s.slots[n.first]), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	return nil
}

// fillNamed defines the named properties in slots [from, to) on o.
func (r *restorer) fillNamed(o *goja.Object, from, to int32) error {
	s := r.s
	for j := from; j < to; j++ {
		sl := &s.slots[j]
		if sl.v == nil && sl.ref == skipped {
			continue
		}
		v := r.value(sl)
		if s.lossy != nil {
			if key := s.lossy[sl.key]; key != nil {
				if err := r.defineLossy(o, key, v); err != nil {
					return err
				}
				continue
			}
		}
		if err := o.DefineDataProperty(s.names[sl.key], v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			return err
		}
	}
	return nil
}

// defineLossy defines a property whose key a Go string cannot carry, through
// Object.defineProperty.
func (r *restorer) defineLossy(o *goja.Object, key, v goja.Value) error {
	desc := r.rt.NewObject()
	for _, p := range [...]struct {
		k string
		v goja.Value
	}{{"value", v}, {"writable", r.rt.ToValue(true)}, {"enumerable", r.rt.ToValue(true)}, {"configurable", r.rt.ToValue(true)}} {
		if err := desc.Set(p.k, p.v); err != nil {
			return err
		}
	}
	_, err := r.realm.call(inDefineProperty, goja.Undefined(), o, key, desc)
	return err
}

func (r *restorer) fail(i int32, err error) error {
	if _, ok := err.(*goja.Exception); ok {
		return err
	}
	return r.refuse(i, "cannot restore: "+err.Error())
}

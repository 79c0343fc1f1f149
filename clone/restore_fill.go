package clone

// The last pass of Restore: every object exists, fill in the children.

import (
	"strconv"

	"github.com/dop251/goja"
)

// fill sets the children of node i (pass 4), with CreateDataProperty
// semantics: defined, never assigned, so no setter (not even __proto__'s)
// runs.
func (r *restorer) fill(i int32) error {
	s := r.s
	n := &s.nodes[i]
	switch n.kind {
	case kObject:
		return r.fillNamed(r.objs[i].(*goja.Object), n, n.first, n.first+n.count)
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
		return r.fillNamed(a, n, n.first+n.nIdx, n.first+n.count)
	case kMap, kSet:
		if r.filled[i] {
			return nil
		}
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

// fillNamed defines the named properties of n in slots [from, to) on o.
func (r *restorer) fillNamed(o *goja.Object, n *node, from, to int32) error {
	s := r.s
	for j := from; j < to; j++ {
		sl := &s.slots[j]
		if sl.v == nil && sl.ref == skipped {
			continue
		}
		v := r.value(sl)
		if s.lossy != nil {
			if key := s.lossy[j]; key != nil {
				if err := r.defineLossy(o, key, v); err != nil {
					return err
				}
				continue
			}
		}
		if err := o.DefineDataProperty(n.keys[j-n.first], v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
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

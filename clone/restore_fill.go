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
	n := s.node(i)
	switch n.kind {
	case kObject:
		if r.state[i]&stFilled != 0 {
			return nil
		}
		return r.fillObject(r.objs[i].(*goja.Object), n)
	case kArray:
		a := r.objs[i].(*goja.Object)
		if r.state[i]&stFilled == 0 {
			for j := range n.nIdx {
				sl := &n.slots[j]
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
		return r.fillNamed(a, n, n.nIdx, int32(len(n.slots)), false)
	case kMap, kSet:
		if r.state[i]&stFilled != 0 {
			return nil
		}
		id, step := inSetAdd, 1
		if n.kind == kMap {
			id, step = inMapSet, 2
		}
		this := r.objs[i]
		for j := 0; j < len(n.slots); j += step {
			var err error
			if n.kind == kMap {
				_, err = r.realm.call(id, this, r.value(&n.slots[j]), r.value(&n.slots[j+1]))
			} else {
				_, err = r.realm.call(id, this, r.value(&n.slots[j]))
			}
			r.proto = nil // JS may have run
			if err != nil {
				return r.fail(i, err)
			}
		}
	case kError:
		if len(n.slots) == 1 {
			o := r.objs[i].(*goja.Object)
			return o.DefineDataProperty("cause", r.value(&n.slots[0]), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
	return nil
}

// ready reports whether every object slots refer to exists.
func (r *restorer) ready(slots []slot) bool {
	for j := range slots {
		if sl := &slots[j]; sl.v == nil && sl.ref != skipped && r.objs[sl.ref] == nil {
			return false
		}
	}
	return true
}

// fillObject gives plain object o, fresh from NewObject, the properties of
// node n.
func (r *restorer) fillObject(o *goja.Object, n *node) error {
	if _, lossy := n.extra.(map[int32]goja.Value); !lossy {
		if tab, p := r.l.selfWords(o); tab != nil && tab == r.l.tabObject && r.l.fillFresh(p, n.keys, r.props(n)) {
			return nil
		}
	}
	return r.fillNamed(o, n, 0, int32(len(n.slots)), true)
}

// props returns, in r.vals, the values of plain object n (skipped
// properties as nil), parallel to n.keys.
func (r *restorer) props(n *node) []goja.Value {
	vals := r.vals[:0]
	for j := range n.slots {
		sl := &n.slots[j]
		if sl.v == nil && sl.ref == skipped {
			vals = append(vals, nil)
			continue
		}
		vals = append(vals, r.value(sl))
	}
	r.vals = vals
	return vals
}

// fillNamed defines the named properties of n in slots [from, to) on o.
//
// A plain object (assign true: a fresh NewObject, Object.prototype its
// prototype) takes most keys by assignment, which goja does without the
// descriptor machinery (and allocations) of a definition. On
// such an object assignment and CreateDataProperty do the same thing
// unless Object.prototype has the key (an accessor such as __proto__, a
// setter or a read-only property a script put there): those keys are still
// defined.
func (r *restorer) fillNamed(o *goja.Object, n *node, from, to int32, assign bool) error {
	var proto map[string]struct{}
	if assign && r.assign {
		proto = r.protoKeys(o)
	}
	keys := n.keys[from-n.nIdx:]
	lossy, _ := n.extra.(map[int32]goja.Value)
	for j := from; j < to; j++ {
		sl := &n.slots[j]
		if sl.v == nil && sl.ref == skipped {
			continue
		}
		v := r.value(sl)
		if lossy != nil {
			if key := lossy[j]; key != nil {
				if err := r.defineLossy(o, key, v); err != nil {
					return err
				}
				proto = nil
				if assign && r.assign {
					proto = r.protoKeys(o) // a replaced defineProperty may have changed it
				}
				continue
			}
		}
		k := keys[j-from]
		if proto != nil {
			if _, shadowed := proto[k]; !shadowed {
				if err := o.Set(k, v); err != nil {
					return err
				}
				continue
			}
		}
		if err := o.DefineDataProperty(k, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			return err
		}
	}
	return nil
}

// protoKeys returns the own keys of Object.prototype, the prototype of o
// (a fresh plain object), computed once per restore: nothing a restore
// runs changes them but JS through realm calls, which reset r.proto.
func (r *restorer) protoKeys(o *goja.Object) map[string]struct{} {
	if r.proto == nil {
		p := o.Prototype()
		if p == nil {
			return nil
		}
		names := p.GetOwnPropertyNames()
		r.proto = make(map[string]struct{}, len(names))
		for _, k := range names {
			r.proto[k] = struct{}{}
		}
	}
	return r.proto
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
	r.proto = nil // JS may have run
	return err
}

package clone

import (
	"bytes"
	"sync"

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
	loadImpl()
	return s.restore(impl.layout, rt, codec, false)
}

// RestoreOnce is Restore for a snapshot that is restored this once and
// then dropped (a thread's arguments): the ArrayBuffers it rebuilds take
// the snapshot's bytes instead of copies of them, and once it succeeds
// the snapshot's memory is reused by later snapshots (Size then reports
// 0). Any later restore of s fails with a *DataCloneError. Do not call it
// on a snapshot another goroutine may be using.
func (s *Snapshot) RestoreOnce(rt *goja.Runtime, codec Codec) ([]goja.Value, error) {
	if !s.used.CompareAndSwap(false, true) {
		return nil, errUsed
	}
	loadImpl()
	vals, err := s.restore(impl.layout, rt, codec, true)
	if err == nil {
		// Not after an error, which may name a path through the nodes
		// when its message is read.
		s.recycle()
	}
	return vals, err
}

var errUsed = &DataCloneError{Reason: "cannot restore: the snapshot was restored once already (RestoreOnce)"}

// restore restores s into rt, making objects as l says (nil: the public
// path).
func (s *Snapshot) restore(l *layout, rt *goja.Runtime, codec Codec, once bool) ([]goja.Value, error) {
	if !once && s.used.Load() {
		return nil, errUsed
	}
	out := make([]goja.Value, len(s.roots))
	if s.nnodes == 0 {
		for i := range s.roots {
			out[i] = s.roots[i].v
		}
		return out, nil
	}
	r := restorers.Get().(*restorer)
	r.l, r.s, r.rt, r.codec, r.once = l, s, rt, codec, once
	r.realm.l, r.realm.rt = l, rt
	var err error
	ex := rt.Try(func() { err = r.run() })
	if ex == nil && err == nil {
		for i := range s.roots {
			out[i] = r.value(&s.roots[i])
		}
	}
	r.release()
	if ex != nil {
		return nil, ex
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// restorers recycles restorer state between restores.
var restorers = sync.Pool{New: func() any { return &restorer{} }}

// release returns r to the pool, keeping its (emptied) per-node slices
// unless they are very big (see keep), and its per-object scratch when it
// is small.
func (r *restorer) release() {
	objs, state := keep(r.objs, len(r.objs)), keep(r.state, 0)
	if objs == nil {
		state = nil
	}
	vals, scratch := r.vals[:0], r.scratch[:0]
	if cap(vals) > 1024 {
		vals = nil
	}
	if cap(scratch) > 1024 {
		scratch = nil
	}
	clear(vals[:cap(vals)])
	clear(scratch[:cap(scratch)])
	*r = restorer{objs: objs, state: state, vals: vals, scratch: scratch}
	restorers.Put(r)
}

// RestoreValue restores root 0 (undefined if the snapshot holds no value).
func (s *Snapshot) RestoreValue(rt *goja.Runtime, codec Codec) (goja.Value, error) {
	if len(s.roots) == 0 {
		return goja.Undefined(), nil
	}
	if s.nnodes == 0 && !s.used.Load() {
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
	l     *layout // nil: the public path
	s     *Snapshot
	rt    *goja.Runtime
	codec Codec
	realm realm
	objs  []goja.Value // node -> restored object
	// state says, by node, what is done: stFilled (the elements or
	// properties are in), stDone (nothing left for pass 4). Passes 3 and 4
	// read it rather than the nodes, so that the nodes already done (most
	// of them) cost them no memory traffic.
	state   []uint8
	vals    []goja.Value // scratch: the property values of one object
	scratch []interface{}
	proto   map[string]struct{} // see protoKeys; nil: not known (yet)
	// once says the snapshot is restored this once (RestoreOnce).
	once bool
	// assign says plain objects are filled by assignment (see fillNamed):
	// only worth listing Object.prototype's keys for when there are many.
	assign bool
}

// assignMin is how many properties of plain objects a snapshot needs for
// Restore to fill them by assignment.
const assignMin = 64

// value is what slot sl restores to; nil for an object not yet created.
func (r *restorer) value(sl *slot) goja.Value {
	if sl.v != nil {
		return sl.v
	}
	return r.objs[sl.ref]
}

// The states of a node in a restore.
const (
	stFilled uint8 = 1 << iota
	stDone
)

// done marks node i complete: filled, nothing left for pass 4.
func (r *restorer) done(i int32) { r.state[i] = stFilled | stDone }

// filledArray marks array node i's elements in, and the array complete
// unless it has named properties too.
func (r *restorer) filledArray(i int32, n *node) {
	if int(n.nIdx) == len(n.slots) {
		r.done(i)
	} else {
		r.state[i] = stFilled
	}
}

// Kinds that pass 1 makes, and views (pass 2).
const (
	createKinds = 1<<kDate | 1<<kRegExp | 1<<kArrayBuffer | 1<<kWrapper | 1<<kError | 1<<kRef | 1<<kFunction
	viewKinds   = 1<<kTypedArray | 1<<kDataView
)

func (r *restorer) run() error {
	s := r.s
	num := s.nnodes
	if int(num) <= cap(r.objs) {
		r.objs, r.state = r.objs[:num], r.state[:num]
		clear(r.state)
	} else {
		r.objs, r.state = make([]goja.Value, num), make([]uint8, num)
	}
	// Pass 1: everything but plain objects, arrays, Maps, Sets and views.
	if s.kinds&createKinds != 0 {
		for i := range num {
			if err := r.create(i); err != nil {
				return err
			}
		}
	}
	views := s.kinds&viewKinds != 0
	r.assign = s.props >= assignMin
	// Pass 2: views, now that every buffer exists.
	for i := int32(0); views && i < num; i++ {
		n := s.node(i)
		if n.kind != kTypedArray && n.kind != kDataView {
			continue
		}
		name := "DataView"
		if n.kind == kTypedArray {
			name = typedArrayNames[n.sub]
		}
		vd := n.extra.(*viewData)
		v, err := r.construct(i, name, r.value(&n.slots[0]), r.rt.ToValue(vd.offset), r.rt.ToValue(vd.length))
		if err != nil {
			return err
		}
		r.objs[i] = v
	}
	// Pass 3: plain objects, arrays, Maps and Sets, last first: a child is
	// usually discovered after its parent, so it exists when the parent is
	// built, and the parent can be made complete at once. Only a reference
	// back to one not built yet (a cycle, a shared value met earlier)
	// leaves one to fill in pass 4.
	for i := num - 1; i >= 0; i-- {
		if r.state[i] != 0 {
			continue // built complete already
		}
		var err error
		switch n := s.node(i); n.kind {
		case kObject:
			if r.objs[i] == nil {
				r.objs[i] = r.rt.NewObject()
			}
			if r.ready(n.slots) {
				r.done(i)
				err = r.fillObject(r.objs[i].(*goja.Object), n)
			}
		case kArray:
			if r.objs[i] == nil {
				r.objs[i] = r.newArray(i)
			}
		case kMap, kSet:
			r.objs[i], err = r.newCollection(i)
		}
		if err != nil {
			return err
		}
	}
	// Pass 4: fill.
	for i := range num {
		if r.state[i]&stDone != 0 {
			continue
		}
		if err := r.fill(i); err != nil {
			return err
		}
	}
	return nil
}

// create makes node i (pass 1).
func (r *restorer) create(i int32) error {
	n := r.s.node(i)
	var v goja.Value
	var err error
	switch n.kind {
	case kDate:
		v, err = r.construct(i, "Date", r.rt.ToValue(n.extra.(float64)))
	case kRegExp:
		d := n.extra.(*regexpData)
		v, err = r.construct(i, "RegExp", d.source, r.rt.ToValue(d.flags))
	case kArrayBuffer:
		// The runtime's ArrayBuffer is read first, as a script would read
		// it: a guarded runtime guards its buffers on that read
		// (internal/guard), and the buffer made here leads to its
		// constructor.
		if _, err = r.realm.ctor("ArrayBuffer"); err != nil {
			break
		}
		data := n.extra.([]byte)
		if !r.once {
			data = bytes.Clone(data)
		}
		v = r.rt.ToValue(r.rt.NewArrayBuffer(data))
	case kWrapper:
		v = n.extra.(goja.Value).ToObject(r.rt)
	case kError:
		v, err = r.newError(i)
	case kRef, kFunction:
		if r.codec == nil {
			return r.refuse(i, "functions and host objects cannot be restored without a Codec")
		}
		r.proto = nil // the Codec may run JS
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
	default: // plain objects, arrays, Maps, Sets and views come later
		return nil
	}
	if err != nil {
		return err
	}
	r.objs[i] = v
	return nil
}

// newCollection makes Map or Set node i (pass 3): with its entries, through
// the constructor, when they all exist, else empty for fill to populate.
// The constructor path keeps plain Go from calling into JS (see
// realm.apply), so it does not need the invoker.
func (r *restorer) newCollection(i int32) (goja.Value, error) {
	n := r.s.node(i)
	name, step := "Set", 1
	if n.kind == kMap {
		name, step = "Map", 2
	}
	if len(n.slots) == 0 {
		r.done(i)
		return r.construct(i, name)
	}
	items := make([]interface{}, 0, len(n.slots)/step)
	for j := 0; j < len(n.slots); j += step {
		v := r.value(&n.slots[j])
		if v == nil {
			return r.construct(i, name)
		}
		if step == 1 {
			items = append(items, v)
			continue
		}
		w := r.value(&n.slots[j+1])
		if w == nil {
			return r.construct(i, name)
		}
		items = append(items, r.rt.NewArray(v, w))
	}
	r.done(i)
	return r.construct(i, name, r.rt.NewArray(items...))
}

func (r *restorer) refuse(i int32, reason string) error {
	n := r.s.node(i)
	return r.s.refuse(loc{n.parent, n.pslot}, reason)
}

// construct calls new name(args...) with the runtime's global constructor.
func (r *restorer) construct(i int32, name string, args ...goja.Value) (goja.Value, error) {
	c, err := r.realm.ctor(name)
	if err != nil {
		return nil, r.refuse(i, "cannot restore: "+err.Error())
	}
	r.proto = nil // a constructor a script replaced may change Object.prototype
	o, err := r.rt.New(c, args...)
	if err != nil {
		return nil, err
	}
	return o, nil
}

func (r *restorer) newError(i int32) (goja.Value, error) {
	d := r.s.node(i).extra.(*errorData)
	v, err := r.construct(i, d.proto)
	if err != nil {
		return nil, err
	}
	o := v.(*goja.Object)
	// The attributes of these properties on a fresh Error: writable,
	// configurable, not enumerable.
	// Message before name: the key order of an Error whose name was set
	// after construction.
	if d.message != nil {
		if err := o.DefineDataProperty("message", d.message, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil, err
		}
	}
	if d.name != nil {
		if err := o.DefineDataProperty("name", d.name, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
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
	n := r.s.node(i)
	if n.sub&holey == 0 && r.l != nil && r.ready(n.slots[:n.nIdx]) {
		vals := make([]goja.Value, n.nIdx)
		for j := range vals {
			vals[j] = r.value(&n.slots[j])
		}
		r.filledArray(i, n)
		return r.l.arrayOf(r.rt, vals)
	} else if n.sub&holey == 0 {
		if cap(r.scratch) < int(n.nIdx) {
			r.scratch = make([]interface{}, 0, n.nIdx)
		}
		items := r.scratch[:0]
		complete := true
		for j := range n.nIdx {
			sl := &n.slots[j]
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
			r.filledArray(i, n)
			return r.rt.NewArray(items...)
		}
	}
	return r.rt.NewArray()
}

func (r *restorer) fail(i int32, err error) error {
	if _, ok := err.(*goja.Exception); ok {
		return err
	}
	return r.refuse(i, "cannot restore: "+err.Error())
}

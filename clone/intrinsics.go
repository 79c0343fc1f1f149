package clone

import (
	"fmt"

	"github.com/dop251/goja"
)

// The algorithm needs a few built-ins: to read internal slots (a typed
// array's buffer, a Map's entries, a RegExp's source) without going through
// properties a script could shadow on the instance, and to build Maps, Dates
// and so on in the target. goja does not expose its intrinsics, so they are
// looked up on the runtime's global object, lazily (a clone of plain data
// never pays for them) and once per Snapshot or Restore call. A script that
// replaces those globals gets what it asked for, as with `new Map` in its own
// code.

type intrinsicID uint8

const (
	inMapForEach intrinsicID = iota
	inSetForEach
	inStringValueOf
	inRegExpSource
	inTABuffer
	inTAByteOffset
	inTALength
	inTATag
	inDVBuffer
	inDVByteOffset
	inDVByteLength
	inGetOwnPropertyDescriptor
	inObjectKeys
	inReflectGet
	inMapSet
	inSetAdd
	inDefineProperty
	numIntrinsics
)

type intrinsicDef struct {
	ctor   string // global constructor (or namespace) name
	name   string // property name; "" with tag: Symbol.toStringTag
	where  uint8  // onStatic, onProto or onTypedArrayProto
	getter bool   // the property's get function rather than its value
	tag    bool
}

const (
	onStatic uint8 = iota
	onProto
	onTypedArrayProto // %TypedArray%.prototype, found via Uint8Array
)

var intrinsicDefs = [numIntrinsics]intrinsicDef{
	inMapForEach:               {"Map", "forEach", onProto, false, false},
	inSetForEach:               {"Set", "forEach", onProto, false, false},
	inStringValueOf:            {"String", "valueOf", onProto, false, false},
	inRegExpSource:             {"RegExp", "source", onProto, true, false},
	inTABuffer:                 {"Uint8Array", "buffer", onTypedArrayProto, true, false},
	inTAByteOffset:             {"Uint8Array", "byteOffset", onTypedArrayProto, true, false},
	inTALength:                 {"Uint8Array", "length", onTypedArrayProto, true, false},
	inTATag:                    {"Uint8Array", "", onTypedArrayProto, true, true},
	inDVBuffer:                 {"DataView", "buffer", onProto, true, false},
	inDVByteOffset:             {"DataView", "byteOffset", onProto, true, false},
	inDVByteLength:             {"DataView", "byteLength", onProto, true, false},
	inGetOwnPropertyDescriptor: {"Object", "getOwnPropertyDescriptor", onStatic, false, false},
	inObjectKeys:               {"Object", "keys", onStatic, false, false},
	inReflectGet:               {"Reflect", "get", onStatic, false, false},
	inMapSet:                   {"Map", "set", onProto, false, false},
	inSetAdd:                   {"Set", "add", onProto, false, false},
	inDefineProperty:           {"Object", "defineProperty", onStatic, false, false},
}

// regexpFlags lists RegExp flag getters in canonical flags order; the ones
// this goja lacks are skipped.
var regexpFlags = []struct{ getter, flag string }{
	{"hasIndices", "d"}, {"global", "g"}, {"ignoreCase", "i"}, {"multiline", "m"},
	{"dotAll", "s"}, {"unicode", "u"}, {"unicodeSets", "v"}, {"sticky", "y"},
}

// realm caches the intrinsics of one runtime for one Snapshot or Restore.
type realm struct {
	rt    *goja.Runtime
	fns   [numIntrinsics]goja.Callable
	ctors map[string]*goja.Object
	flags []goja.Callable // parallel to regexpFlags; nil entries: unsupported
}

func (r *realm) ctor(name string) (*goja.Object, error) {
	if c, ok := r.ctors[name]; ok {
		return c, nil
	}
	c, ok := r.rt.GlobalObject().Get(name).(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("the runtime has no %s built-in", name)
	}
	if r.ctors == nil {
		r.ctors = make(map[string]*goja.Object)
	}
	r.ctors[name] = c
	return c, nil
}

func (r *realm) fn(id intrinsicID) (goja.Callable, error) {
	if f := r.fns[id]; f != nil {
		return f, nil
	}
	d := intrinsicDefs[id]
	holder, err := r.ctor(d.ctor)
	if err != nil {
		return nil, err
	}
	if d.where != onStatic {
		proto, ok := holder.Get("prototype").(*goja.Object)
		if ok && d.where == onTypedArrayProto {
			proto = proto.Prototype()
			ok = proto != nil
		}
		if !ok {
			return nil, fmt.Errorf("the runtime's %s has no prototype", d.ctor)
		}
		holder = proto
	}
	var v goja.Value
	if d.getter {
		var key goja.Value = r.rt.ToValue(d.name)
		if d.tag {
			key = goja.SymToStringTag
		}
		v, err = r.getter(holder, key)
		if err != nil {
			return nil, err
		}
	} else {
		v = holder.Get(d.name)
	}
	f, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("the runtime's %s.%s is not a function", d.ctor, d.name)
	}
	r.fns[id] = f
	return f, nil
}

// getter returns the get function of holder's own accessor property key.
func (r *realm) getter(holder *goja.Object, key goja.Value) (goja.Value, error) {
	gopd, err := r.fn(inGetOwnPropertyDescriptor)
	if err != nil {
		return nil, err
	}
	desc, err := gopd(goja.Undefined(), holder, key)
	if err != nil {
		return nil, err
	}
	d, ok := desc.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("the runtime lacks the %s accessor", key)
	}
	return d.Get("get"), nil
}

// call invokes intrinsic id with this and args.
func (r *realm) call(id intrinsicID, this goja.Value, args ...goja.Value) (goja.Value, error) {
	f, err := r.fn(id)
	if err != nil {
		return nil, err
	}
	return f(this, args...)
}

// regexpFlagGetters returns RegExp.prototype's flag getters, parallel to
// regexpFlags.
func (r *realm) regexpFlagGetters() ([]goja.Callable, error) {
	if r.flags != nil {
		return r.flags, nil
	}
	c, err := r.ctor("RegExp")
	if err != nil {
		return nil, err
	}
	proto, ok := c.Get("prototype").(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("the runtime's RegExp has no prototype")
	}
	flags := make([]goja.Callable, len(regexpFlags))
	for i, f := range regexpFlags {
		g, err := r.getter(proto, r.rt.ToValue(f.getter))
		if err != nil {
			continue
		}
		flags[i], _ = goja.AssertFunction(g)
	}
	r.flags = flags
	return flags, nil
}

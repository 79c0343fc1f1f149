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
	l     *layout // nil: the public path
	rt    *goja.Runtime
	fns   [numIntrinsics]*goja.Object
	ctors map[string]*goja.Object
	flags []*goja.Object // parallel to regexpFlags; nil entries: unsupported
	// Calling a JS function from Go needs care, see apply.
	depth   int8         // 0: not checked yet; 1: JS on the call stack; -1: none
	invoker *goja.Object // see apply
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

func (r *realm) fn(id intrinsicID) (*goja.Object, error) {
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
	f, ok := v.(*goja.Object)
	if _, callable := goja.AssertFunction(v); !ok || !callable {
		return nil, fmt.Errorf("the runtime's %s.%s is not a function", d.ctor, d.name)
	}
	r.fns[id] = f
	return f, nil
}

// getter returns the get function of holder's own accessor property key.
func (r *realm) getter(holder *goja.Object, key goja.Value) (goja.Value, error) {
	desc, err := r.call(inGetOwnPropertyDescriptor, goja.Undefined(), holder, key)
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
	return r.apply(f, this, args...)
}

// apply calls f(this, ...args).
//
// A goja Callable invoked while no JavaScript is on the runtime's call stack
// runs the promise job queue when it returns, as a host call into the
// runtime should. In the middle of a clone that would run microtasks (queued
// by a getter, say) while the value is half read or half built, which
// structured clone never does. So when the clone was started from plain Go,
// f is called from JavaScript instead: through a small invoker function
// called as a constructor, a path that does not touch the job queue. With
// JavaScript already on the stack (a clone started by a native function) a
// Callable does not touch the queue either, and is cheaper.
func (r *realm) apply(f *goja.Object, this goja.Value, args ...goja.Value) (goja.Value, error) {
	if r.depth == 0 {
		var buf [1]goja.StackFrame
		r.depth = 1
		if len(r.rt.CaptureCallStack(1, buf[:0])) == 0 {
			r.depth = -1
		}
	}
	if r.depth > 0 {
		call, _ := goja.AssertFunction(f)
		return call(this, args...)
	}
	inv, err := r.getInvoker()
	if err != nil {
		return nil, err
	}
	res, err := r.rt.New(inv, f, this, r.rt.NewArray(toInterfaces(args)...))
	if err != nil {
		return nil, err
	}
	return res.Get("r"), nil
}

// invokerSource is the invoker's factory: called (as a constructor) with
// Reflect.apply, it returns the invoker.
const invokerSource = "return function (f, t, a) { this.r = apply(f, t, a) }"

// invokerProgram evaluates to the factory. A compiled Program belongs to no
// runtime, so it is compiled once for all of them.
var invokerProgram = goja.MustCompile("clone-invoker", "(function (apply) { "+invokerSource+" })", false)

// getInvoker builds the invoker: new inv(f, this, args) stores
// Reflect.apply(f, this, args) as the new object's r. It is done at most
// once per clone, and only when a clone started from Go needs an intrinsic.
//
// The factory comes from invokerProgram when the runtime's job queue is
// empty (running a Program from Go ends by running that queue; the program
// itself runs nothing but a function expression), else from the Function
// constructor, which compiles it in this runtime, several times slower.
func (r *realm) getInvoker() (*goja.Object, error) {
	if r.invoker != nil {
		return r.invoker, nil
	}
	reflectObj, err := r.ctor("Reflect")
	if err != nil {
		return nil, err
	}
	var factory *goja.Object
	if r.l.noPendingJobs(r.rt) {
		v, err := r.rt.RunProgram(invokerProgram)
		if err != nil {
			if _, ok := err.(*goja.Exception); !ok {
				// RunProgram returns, and clears, what a call inside a
				// clone would raise and leave pending (an Interrupt):
				// restore it and raise it, as that call would have.
				if ie, ok := err.(*goja.InterruptedError); ok {
					r.rt.Interrupt(ie.Value())
				}
				panic(err)
			}
			return nil, err
		}
		factory, _ = v.(*goja.Object)
	}
	if factory == nil {
		function, err := r.ctor("Function")
		if err != nil {
			return nil, err
		}
		if factory, err = r.rt.New(function, r.rt.ToValue("apply"), r.rt.ToValue(invokerSource)); err != nil {
			return nil, err
		}
	}
	// A constructor that returns an object yields that object: the inner
	// function, closed over Reflect.apply as it is now.
	inv, err := r.rt.New(factory, reflectObj.Get("apply"))
	if err != nil {
		return nil, err
	}
	r.invoker = inv
	return inv, nil
}

func toInterfaces(vals []goja.Value) []interface{} {
	out := make([]interface{}, len(vals))
	for i, v := range vals {
		out[i] = v
	}
	return out
}

// regexpFlagGetters returns RegExp.prototype's flag getters, parallel to
// regexpFlags.
func (r *realm) regexpFlagGetters() ([]*goja.Object, error) {
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
	flags := make([]*goja.Object, len(regexpFlags))
	for i, f := range regexpFlags {
		g, err := r.getter(proto, r.rt.ToValue(f.getter))
		if err != nil {
			if _, ok := err.(*goja.Exception); ok {
				return nil, err
			}
			continue // this goja lacks the flag
		}
		flags[i], _ = g.(*goja.Object)
	}
	r.flags = flags
	return flags, nil
}

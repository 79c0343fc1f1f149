package engine

import (
	"fmt"
	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// A class is one of the library's shared objects (Atomic, Shared, ...):
// a Go value shared by every runtime that holds it, with a JavaScript face
// per runtime. Faces share a per-runtime prototype holding native methods,
// so a face costs one object and no function objects.
type class struct {
	name    string
	methods []method
	getters []method
	// iterate, when set, is the prototype's [Symbol.iterator].
	iterate func(lib *library, this goja.Value) goja.Value
	// asyncIterate, when set, is the prototype's [Symbol.asyncIterator].
	asyncIterate func(lib *library, this goja.Value) goja.Value
	// construct makes the Go value from the constructor's arguments.
	construct func(lib *library, c goja.FunctionCall) refHolder
}

type method struct {
	name string
	fn   func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value
}

// classState is a class installed in one runtime.
type classState struct {
	ctor, proto *goja.Object
}

// installClass makes the constructor (callable with or without new) and
// the prototype of cl in this runtime.
//
// The prototype holds the getters (which need their receiver) and
// [Symbol.iterator]; the methods sit behind it on a dynamic object that
// makes each on first use: a native function costs about a microsecond and
// a kilobyte, and a thread that receives a Queue to call get() on should
// not pay for the other nine. Methods are not enumerable, as in a class.
func (lib *library) installClass(cl *class) *classState {
	if st, ok := lib.classes[cl.name]; ok {
		return st
	}
	rt := lib.r.RT
	st := &classState{proto: rt.NewObject()}
	front := st.proto
	for _, g := range cl.getters {
		g := g
		what := cl.name + "." + g.name
		getter := jsutil.Func(rt, "get "+g.name, func(c goja.FunctionCall) goja.Value {
			defer lib.recoverGo(what)
			return g.fn(lib, c.This, c)
		})
		_ = front.DefineAccessorProperty(g.name, getter, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	if cl.iterate != nil {
		_ = front.SetSymbol(goja.SymIterator, jsutil.Func(rt, "[Symbol.iterator]", func(c goja.FunctionCall) goja.Value { return cl.iterate(lib, c.This) }))
	}
	if s := asyncIteratorSymbol(rt); cl.asyncIterate != nil && s != nil {
		_ = front.SetSymbol(s, jsutil.Func(rt, "[Symbol.asyncIterator]", func(c goja.FunctionCall) goja.Value { return cl.asyncIterate(lib, c.This) }))
	}
	_ = front.SetPrototype(rt.NewDynamicObject(&lazyMethods{lib: lib, cl: cl}))
	// A native constructor: with `new` or without, it returns the face it
	// makes itself, so `threads.Atomic(1)` works like `new threads.Atomic(1)`.
	st.ctor = rt.ToValue(func(c goja.ConstructorCall) *goja.Object {
		defer lib.recoverGo("threads." + cl.name)
		h := cl.construct(lib, goja.FunctionCall{This: goja.Undefined(), Arguments: c.Arguments})
		return lib.wrapRef(h)
	}).(*goja.Object)
	jsutil.SetName(rt, st.ctor, cl.name)
	_ = st.ctor.DefineDataProperty("prototype", front, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = front.DefineDataProperty("constructor", st.ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	if lib.classes == nil {
		lib.classes = map[string]*classState{}
	}
	lib.classes[cl.name] = st
	return st
}

// lazyMethods is a class's prototype in one runtime (see installClass).
type lazyMethods struct {
	lib  *library
	cl   *class
	made map[string]goja.Value
}

func (m *lazyMethods) Get(key string) goja.Value {
	if v, ok := m.made[key]; ok {
		return v
	}
	for _, me := range m.cl.methods {
		if me.name != key {
			continue
		}
		me, lib := me, m.lib
		what := m.cl.name + "." + me.name
		v := jsutil.Func(lib.r.RT, me.name, func(c goja.FunctionCall) goja.Value {
			defer lib.recoverGo(what)
			return me.fn(lib, c.This, c)
		})
		if m.made == nil {
			m.made = map[string]goja.Value{}
		}
		m.made[key] = v
		return v
	}
	return nil
}

func (m *lazyMethods) Has(key string) bool { return m.Get(key) != nil }

// Set lets a script replace a method of its own runtime's prototype, as it
// could on a class.
func (m *lazyMethods) Set(key string, v goja.Value) bool {
	if m.made == nil {
		m.made = map[string]goja.Value{}
	}
	m.made[key] = v
	return true
}

func (m *lazyMethods) Delete(key string) bool {
	m.Set(key, goja.Undefined())
	return true
}

// Keys is empty: methods are not enumerable.
func (m *lazyMethods) Keys() []string { return nil }

// recoverGo turns a Go panic in a native method of the library (a bug of
// ours) into a JavaScript Error in the calling runtime, instead of a crash.
// A JavaScript throw, which goja implements as a panic too, passes through.
func (lib *library) recoverGo(what string) {
	r := recover()
	switch r.(type) {
	case nil:
		return
	case goja.Value, *goja.Exception, *goja.InterruptedError, *goja.StackOverflowError:
		panic(r)
	}
	panic(lib.faultValue(&Fault{Name: "Error", Message: fmt.Sprintf("%s: internal error: %v", what, r)}))
}

// newFace makes a face of class name with its prototype.
func (lib *library) newFace(cl *class) *goja.Object {
	obj := lib.r.RT.NewObject()
	_ = obj.SetPrototype(lib.installClass(cl).proto)
	return obj
}

// thisOf finds the Go value behind `this` of a method of class.
func thisOf[T refHolder](lib *library, this goja.Value, class, method string) T {
	if obj, ok := this.(*goja.Object); ok {
		if ref, ok := clone.RefOf(obj); ok {
			if v, ok := ref.(T); ok {
				return v
			}
		}
	}
	lib.typeError("%s.%s: 'this' must be a threads.%s", class, method, class)
	var zero T
	return zero
}

package guard

import (
	"slices"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// Some built-ins are reachable only through the global object (JSON,
// Reflect, ArrayBuffer and the typed arrays, ...). goja makes each global
// on its first use, and making them all to guard them would cost a new
// runtime far more than the runtime itself. So the global object scripts
// see (seen) starts empty, above a proxy of the runtime's own global object
// (global): the first read of a built-in name reaches the proxy, which
// copies the built-in to seen (guarding it first, and its group, if it is
// one of lazyGroups), so that later reads find it directly. Scripts write
// to seen only; global keeps goja's built-ins as they were made, which is
// where the guards find the originals they call.
//
// The host's own globals given to Guard.Lazy are made the same way, on
// their first read, and behave as the built-ins below.
//
// What a script can tell, of a built-in global not read yet: it is no own
// property of globalThis (Object.getOwnPropertyNames(globalThis) lists the
// built-ins used so far); `var JSON` at the top of a script shadows it with
// undefined (as a CommonJS module's var would); strict code assigning it
// throws a ReferenceError; deleting it leaves it in place. And the
// prototype of globalThis is the proxy.

// attrs are a global property's attributes.
type attrs struct{ writable, enumerable, configurable bool }

// builtinGlobals lists the runtime's own global properties: every new
// runtime has the same ones.
var builtinGlobals = sync.OnceValue(func() map[string]attrs {
	rt := goja.New()
	desc, _ := goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("getOwnPropertyDescriptor"))
	g := rt.GlobalObject()
	m := map[string]attrs{}
	for _, name := range g.GetOwnPropertyNames() {
		d, err := desc(goja.Undefined(), g, rt.ToValue(name))
		if err != nil {
			panic(err)
		}
		o := d.ToObject(rt)
		m[name] = attrs{o.Get("writable").ToBoolean(), o.Get("enumerable").ToBoolean(), o.Get("configurable").ToBoolean()}
	}
	return m
})

func flag(b bool) goja.Flag {
	if b {
		return goja.FLAG_TRUE
	}
	return goja.FLAG_FALSE
}

func (s *state) installGlobal() {
	rt := s.rt
	s.global = rt.GlobalObject()
	proxy := rt.NewProxy(s.global, &goja.ProxyTrapConfig{
		Get:                      s.globalGet,
		Has:                      s.globalHas,
		Set:                      s.globalSet,
		GetOwnPropertyDescriptor: s.globalOwnProperty,
		OwnKeys:                  s.globalOwnKeys,
		DefineProperty:           func(*goja.Object, string, goja.PropertyDescriptor) bool { return false },
		DeleteProperty:           func(*goja.Object, string) bool { return false },
		SetPrototypeOf:           func(*goja.Object, *goja.Object) bool { return false },
		PreventExtensions:        func(*goja.Object) bool { return false },
	})
	s.seen = rt.CreateObject(rt.ToValue(proxy).(*goja.Object))
	rt.SetGlobalObject(s.seen)
	// The values that cannot be changed or deleted are seen's from the
	// start, so that strict code assigning them fails as it should.
	for _, name := range [...]string{"undefined", "NaN", "Infinity"} {
		s.builtin(name)
	}
}

// builtin copies the built-in name to seen, guarded, and returns it. ok is
// false for a name that is no built-in global or that the script deleted.
func (s *state) builtin(name string) (v goja.Value, ok bool) {
	a, ok := builtinGlobals()[name]
	if !ok || s.copied[name] {
		return nil, false
	}
	if s.copied == nil {
		s.copied = map[string]bool{}
	}
	s.copied[name] = true
	v = s.lazy(name)
	if v == nil {
		v = s.global.Get(name)
	}
	if f, ok := s.onBuiltin[name]; ok {
		delete(s.onBuiltin, name)
		if o, ok := v.(*goja.Object); ok {
			f(s.rt, o)
		}
	}
	if err := s.seen.DefineDataProperty(name, v, flag(a.writable), flag(a.configurable), flag(a.enumerable)); err != nil {
		panic(err)
	}
	return v, true
}

func (s *state) globalGet(target *goja.Object, name string, receiver goja.Value) goja.Value {
	if make, ok := s.lazyGlobals[name]; ok {
		delete(s.lazyGlobals, name)
		v := make()
		if err := s.seen.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
		return v
	}
	if v, ok := s.builtin(name); ok {
		return v
	}
	if _, ok := builtinGlobals()[name]; ok {
		return nil // deleted by the script
	}
	return target.Get(name) // Object.prototype's, or nothing
}

func (s *state) globalHas(target *goja.Object, name string) bool {
	if _, ok := s.lazyGlobals[name]; ok {
		return true
	}
	if _, ok := builtinGlobals()[name]; ok {
		return !s.copied[name]
	}
	return target.Get(name) != nil
}

// globalSet assigns to a name seen lacks: a built-in not read yet is
// copied first, so that it keeps its attributes; anything else (a new
// global, or a built-in the script deleted) becomes a plain property.
func (s *state) globalSet(target *goja.Object, name string, value, receiver goja.Value) bool {
	delete(s.lazyGlobals, name) // assigned before it was read: never made
	_, copiedNow := s.builtin(name)
	obj, ok := receiver.(*goja.Object)
	if !ok {
		return false
	}
	if copiedNow && obj == s.seen {
		if !builtinGlobals()[name].writable {
			return false
		}
		return s.seen.Set(name, value) == nil
	}
	return obj.DefineDataProperty(name, value, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE) == nil
}

// globalOwnProperty answers Object.getOwnPropertyDescriptor on the proxy
// (reached only through Object.getPrototypeOf(globalThis)): the built-ins
// are seen's, so the proxy reports none of its own but the few that
// cannot be configured away, whose values are not functions.
func (s *state) globalOwnProperty(target *goja.Object, name string) goja.PropertyDescriptor {
	if a, ok := builtinGlobals()[name]; ok && !a.configurable {
		return goja.PropertyDescriptor{Value: target.Get(name), Writable: flag(a.writable), Enumerable: flag(a.enumerable), Configurable: goja.FLAG_FALSE}
	}
	return goja.PropertyDescriptor{}
}

// globalOwnKeys lists the keys globalOwnProperty reports, so that a walk
// of the proxy's keys finds a descriptor for each.
func (s *state) globalOwnKeys(target *goja.Object) *goja.Object {
	var keys []any
	for name, a := range builtinGlobals() {
		if !a.configurable {
			keys = append(keys, name)
		}
	}
	slices.SortFunc(keys, func(a, b any) int { return strings.Compare(a.(string), b.(string)) })
	return s.rt.NewArray(keys...)
}

package guard

import (
	"github.com/dop251/goja"
)

// A guarded built-in is a Proxy of the original: the cheapest callable goja
// makes (a native function costs more), and one that keeps the original's
// name, length and prototype without copying them. Its apply trap runs the
// guard, which calls the original's Go function directly.

// guardFunc checks a call and makes it through orig, or throws.
type guardFunc func(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value

// ctorGuardFunc checks a construction and makes it through orig, or
// throws.
type ctorGuardFunc func(s *state, orig goja.Constructor, args []goja.Value, newTarget *goja.Object) *goja.Object

type wrapper struct {
	s      *state
	orig   func(goja.FunctionCall) goja.Value
	guard  guardFunc
	ctor   goja.Constructor
	cguard ctorGuardFunc
	cfg    goja.ProxyTrapConfig
}

func (w *wrapper) apply(_ *goja.Object, this goja.Value, args []goja.Value) goja.Value {
	return w.guard(w.s, w.orig, goja.FunctionCall{This: this, Arguments: args})
}

// wrap replaces holder[name], a native function, with its guarded proxy
// and returns the proxy. w is where the wrapper lives (in state for the
// eager guards).
func (s *state) wrap(w *wrapper, holder *goja.Object, name string, g guardFunc) *goja.Object {
	orig := holder.Get(name).(*goja.Object)
	w.s, w.guard = s, g
	w.orig, _ = orig.Export().(func(goja.FunctionCall) goja.Value)
	w.cfg.Apply = w.apply
	p := s.proxy(orig, &w.cfg)
	if err := holder.Set(name, p); err != nil {
		panic(err)
	}
	return p
}

// wrapNative is wrap with a native function in place of the proxy: it
// costs a runtime more to make, but goja calls it from Go without making a
// closure each time (as Array.prototype.toString calls join).
func (s *state) wrapNative(w *wrapper, holder *goja.Object, name string, g guardFunc) *goja.Object {
	orig := holder.Get(name).(*goja.Object)
	w.s, w.guard = s, g
	w.orig, _ = orig.Export().(func(goja.FunctionCall) goja.Value)
	f := s.rt.ToValue(w.call).(*goja.Object)
	for _, p := range [...]string{"name", "length"} {
		if err := f.DefineDataProperty(p, orig.Get(p), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			panic(err)
		}
	}
	if err := holder.Set(name, f); err != nil {
		panic(err)
	}
	return f
}

func (w *wrapper) call(c goja.FunctionCall) goja.Value { return w.guard(w.s, w.orig, c) }

func (s *state) proxy(target *goja.Object, cfg *goja.ProxyTrapConfig) *goja.Object {
	return s.rt.ToValue(s.rt.NewProxy(target, cfg)).(*goja.Object)
}

// eagerGuards are the guards every runtime gets at once: built-ins that a
// script reaches without naming a global (from an array, string, function
// or BigInt literal, and Array through [].constructor), so the lazy global
// cannot wait for them.
var eagerGuards = [...]struct {
	on     holder
	name   string
	guard  guardFunc
	native bool // see wrapNative
}{
	{onArrayProto, "join", guardJoin, true},
	{onArrayProto, "toLocaleString", guardToLocaleString, true},
	{onArrayProto, "flat", guardFlat, false},
	{onArrayProto, "flatMap", loopGuard("Array.prototype.flatMap"), false},
	{onArrayProto, "sort", loopGuard("Array.prototype.sort"), false},
	{onArrayProto, "map", loopGuard("Array.prototype.map"), false},
	{onArrayProto, "fill", loopGuard("Array.prototype.fill"), false},
	{onArrayProto, "concat", guardConcat, false},
	{onArrayProto, "toReversed", loopGuard("Array.prototype.toReversed"), false},
	{onArrayProto, "toSorted", loopGuard("Array.prototype.toSorted"), false},
	{onArrayProto, "with", loopGuard("Array.prototype.with"), false},
	{onArrayProto, "toSpliced", loopGuard("Array.prototype.toSpliced"), false},
	{onStringProto, "repeat", guardRepeat, false},
	{onStringProto, "padStart", guardPad, false},
	{onStringProto, "padEnd", guardPad, false},
	{onStringProto, "concat", guardStringConcat, false},
	{onStringProto, "replaceAll", guardReplaceAll, false},
	{onFunctionProto, "apply", guardApply, false},
	{onArray, "from", guardArrayFrom, false},
	{onBigInt, "asUintN", guardAsUintN, false},
	{onBigInt, "asIntN", guardAsIntN, false},
}

type holder int

const (
	onArrayProto holder = iota
	onStringProto
	onFunctionProto
	onArray
	onBigInt
	numHolders
)

func (s *state) installEager() {
	s.wrapped = make([]wrapper, len(eagerGuards))
	var holders [numHolders]*goja.Object
	for i, g := range eagerGuards {
		h := holders[g.on]
		if h == nil {
			h = s.holder(g.on, holders[onArrayProto])
			holders[g.on] = h
		}
		if g.native {
			s.wrapNative(&s.wrapped[i], h, g.name, g.guard)
		} else {
			s.wrap(&s.wrapped[i], h, g.name, g.guard)
		}
	}
}

// holder finds the object that holds eager guards, without making globals
// the runtime may never use.
func (s *state) holder(on holder, arrayProto *goja.Object) *goja.Object {
	rt := s.rt
	switch on {
	case onArrayProto:
		return rt.NewArray().Prototype()
	case onStringProto:
		return rt.ToValue("").ToObject(rt).Prototype()
	case onFunctionProto:
		// A method made already: Function.prototype holds it.
		return arrayProto.Get("join").(*goja.Object).Prototype()
	case onArray:
		return s.global.Get("Array").(*goja.Object)
	default:
		return s.global.Get("BigInt").(*goja.Object)
	}
}

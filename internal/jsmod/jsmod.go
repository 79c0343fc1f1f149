// Package jsmod runs the parts of jsrun's Node modules that are written in
// JavaScript: their argument checks and classes read most plainly, and
// throw Node's errors most faithfully, in the language whose behaviour
// they copy. The heavy work (hashing, codecs, the clock) stays in Go and
// reaches the JavaScript as native functions.
//
// A Source is compiled once per process and called in each runtime that
// loads it. Its text is the body of a function of (exports, natives):
// natives holds the Go functions the module needs, and natives.inspect
// formats a value as util.inspect does (it is used for error messages).
// The body may use the helpers of errors.js (nodeError,
// errInvalidArgType, validateString, ...), which are appended to it.
package jsmod

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

//go:embed errors.js
var errorsJS string

// Source is one module's JavaScript.
type Source struct {
	name string
	body string
	once sync.Once
	prog *goja.Program
	err  error
}

// New makes the Source of a module whose frames read as name in stacks
// ("node:events", as in Node).
func New(name, body string) *Source { return &Source{name: name, body: body} }

func (s *Source) compile() {
	// The opening stays on the body's first line, so that the module's
	// line numbers are its own.
	text := "(function (exports, natives) { 'use strict'; " + s.body + "\n" + errorsJS + "\n})"
	s.prog, s.err = goja.Compile(s.name, text, true)
}

// Load runs the module in rt: it fills exports, using natives. The program
// is compiled on the first Load in the process.
func (s *Source) Load(rt *goja.Runtime, exports, natives *goja.Object) error {
	s.once.Do(s.compile)
	if s.err != nil {
		return s.err
	}
	fn, err := rt.RunProgram(s.prog)
	if err != nil {
		return err
	}
	call, _ := goja.AssertFunction(fn)
	_, err = call(goja.Undefined(), exports, natives)
	return err
}

// MustLoad is Load for a module loader, which can only report failure
// by panicking (see Throw).
func (s *Source) MustLoad(rt *goja.Runtime, exports, natives *goja.Object) {
	Throw(rt, s.name, s.Load(rt, exports, natives))
}

//go:embed inspect.js
var inspectJS string

var placeholder = New("node:internal/inspect", inspectJS)

// Inspector gives util.inspect for a runtime: a function (value, options)
// that returns a string. The modules take it as a dependency, since
// util.inspect is built elsewhere.
type Inspector func(rt *goja.Runtime) (goja.Value, error)

// PlaceholderInspect is an Inspector with a small stand-in for
// util.inspect (inspect.js): primitives as Node prints them, containers in
// Node's layout for the options assert uses.
func PlaceholderInspect(rt *goja.Runtime) (goja.Value, error) {
	exports := rt.NewObject()
	if err := placeholder.Load(rt, exports, rt.NewObject()); err != nil {
		return nil, err
	}
	return exports.Get("inspect"), nil
}

// Natives makes the natives object of a module in rt, with inspect from
// inspector (PlaceholderInspect if nil), read when first called: most
// modules need it only for an error message.
func Natives(rt *goja.Runtime, inspector Inspector) *goja.Object {
	if inspector == nil {
		inspector = PlaceholderInspect
	}
	var fn goja.Callable
	natives := rt.NewObject()
	_ = natives.Set("inspect", jsutil.Func(rt, "inspect", func(c goja.FunctionCall) goja.Value {
		if fn == nil {
			v, err := inspector(rt)
			if err != nil {
				panic(err)
			}
			f, ok := goja.AssertFunction(v)
			if !ok {
				panic(rt.NewTypeError("inspect is not a function"))
			}
			fn = f
		}
		s, err := fn(goja.Undefined(), c.Argument(0), c.Argument(1))
		if err != nil {
			panic(err)
		}
		return s
	}))
	return natives
}

// PerRuntime returns what build makes in rt, made on rt's first call for
// key and kept on rt's global object under key: a symbol no script can
// name (Object.getOwnPropertySymbols(globalThis) lists it). A module that
// is both required and a global (Buffer, URL) is one object this way, as
// in Node.
func PerRuntime(rt *goja.Runtime, key *goja.Symbol, build func() (*goja.Object, error)) (*goja.Object, error) {
	g := rt.GlobalObject()
	if v := g.GetSymbol(key); v != nil {
		if o, ok := v.(*goja.Object); ok {
			return o, nil
		}
	}
	o, err := build()
	if err != nil {
		return nil, err
	}
	if err := g.DefineDataPropertySymbol(key, o, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		return nil, err
	}
	return o, nil
}

// Throw panics with err as a module loader or a native function must: a
// JavaScript exception, an interrupt or a stack overflow passes through as
// goja expects it; anything else (a bug of jsrun) becomes a TypeError
// naming what failed.
func Throw(rt *goja.Runtime, what string, err error) {
	switch e := err.(type) {
	case nil:
		return
	case *goja.InterruptedError:
		rt.Interrupt(e.Value())
		panic(e)
	case *goja.Exception, *goja.StackOverflowError:
		panic(e)
	}
	panic(rt.NewTypeError(fmt.Sprintf("%s: internal error: %v", what, err)))
}

package host

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Runtime is one runtime of an evaluation, the main one or a thread's, as
// an embedder's module or global sees it. Use it only in the callbacks it
// is given and in the functions they install (goja runtimes are not safe
// for concurrent use: each runs on its own goroutine).
type Runtime struct {
	// Runtime is the goja runtime, to make values and functions.
	*goja.Runtime
	r *engine.Runtime
}

// Context ends when this runtime must stop (its thread was cancelled, or
// the evaluation ended). A blocking Go function called from JavaScript
// should return when it ends: goja cannot interrupt Go code.
func (r *Runtime) Context() context.Context { return r.r.Context() }

// Name is "main", or "thread N" for a thread.
func (r *Runtime) Name() string { return r.r.Name }

// Func makes a native function that scripts see as name, in stack traces,
// in its name property and in its source text. A function made by ToValue
// shows its Go name there (main.mydb.func1).
func (r *Runtime) Func(name string, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return jsutil.Func(r.Runtime, name, f)
}

// WithModule makes require(name) give, in every runtime of the host (main
// and each thread, afresh in each), the exports that load fills in. load
// runs in that runtime, on its goroutine, the first time it requires the
// module. Functions in it may block: each thread runs on its own goroutine,
// so threads fan blocking Go calls out in parallel.
//
// name must not be empty nor one of the host's own modules ("fs",
// "console", ...), and load must not be nil.
func WithModule(name string, load func(r *Runtime, exports *goja.Object) error) Option {
	return func(o *options) {
		switch {
		case name == "":
			o.fail(`WithModule(""): a module needs a name`)
		case load == nil:
			o.fail("WithModule(%q, nil): a module needs a load function", name)
		default:
			o.modules = append(o.modules, module{name, load})
		}
	}
}

// WithGlobal installs the global name, with the value make builds, in
// every runtime: at once in the main one, and in a thread when a function
// it receives names it.
//
// name must not be empty nor one of the globals jsrun installs itself
// (threads, console, require, process, setTimeout, ...), and make must not
// be nil.
func WithGlobal(name string, make func(r *Runtime) (goja.Value, error)) Option {
	return func(o *options) {
		switch {
		case name == "":
			o.fail(`WithGlobal(""): a global needs a name`)
		case make == nil:
			o.fail("WithGlobal(%q, nil): a global needs a make function", name)
		case slices.Contains(ownGlobals(), name):
			o.fail("WithGlobal(%q): jsrun installs %s itself", name, name)
		default:
			o.globals = append(o.globals, global{name, make})
		}
	}
}

type module struct {
	name string
	load func(r *Runtime, exports *goja.Object) error
}

type global struct {
	name string
	make func(r *Runtime) (goja.Value, error)
}

// runtimes finds the Runtime of a goja runtime for module loaders, which
// goja_nodejs calls with the goja runtime alone. An entry is made when
// require is enabled in its runtime and lives as long as its context (a
// Program's runtime: as long as its instance).
type runtimes struct{ m sync.Map }

func (rs *runtimes) add(r *engine.Runtime) {
	if _, known := rs.m.LoadOrStore(r.RT, r); known {
		return
	}
	life := r.Context()
	if in := engine.InstanceOf(r); in != nil {
		life = in.Lifetime() // a Program's runtime serves call after call
	}
	context.AfterFunc(life, func() { rs.m.Delete(r.RT) })
}

func (rs *runtimes) of(rt *goja.Runtime) *engine.Runtime {
	v, _ := rs.m.Load(rt)
	r, _ := v.(*engine.Runtime)
	return r
}

// registerEmbedder registers the embedder's modules with the registry.
// None may take the name of one of the host's own.
func (h *Host) registerEmbedder() error {
	for _, m := range h.opts.modules {
		if h.native[m.name] {
			return fmt.Errorf("jsrun: %w: WithModule(%q): the host has a module of that name", ErrInvalidOption, m.name)
		}
	}
	for _, m := range h.opts.modules {
		h.registry.RegisterNativeModule(m.name, func(rt *goja.Runtime, module *goja.Object) {
			r := h.runtimes.of(rt)
			if r == nil {
				panic(rt.NewTypeError(fmt.Sprintf("require(%q): the module's runtime is gone", m.name)))
			}
			exports := module.Get("exports").ToObject(rt)
			if err := safeCall(func() error { return m.load(&Runtime{Runtime: rt, r: r}, exports) }); err != nil {
				panic(newError(rt, "Error", fmt.Sprintf("require(%q): %v", m.name, err)))
			}
		})
	}
	return nil
}

// installEmbedderGlobal installs one of the embedder's globals.
func (h *Host) installEmbedderGlobal(r *engine.Runtime, name string) (bool, error) {
	for _, g := range h.opts.globals {
		if g.name != name {
			continue
		}
		var v goja.Value
		err := safeCall(func() (err error) {
			v, err = g.make(&Runtime{Runtime: r.RT, r: r})
			return err
		})
		if err != nil {
			return true, fmt.Errorf("jsrun: global %s: %w", name, err)
		}
		return true, r.RT.Set(name, v)
	}
	return false, nil
}

// safeCall runs an embedder's callback, turning a Go panic into an error:
// no callback can bring the host down.
func safeCall(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if v, ok := p.(goja.Value); ok {
				panic(v) // a JavaScript throw: let goja deliver it
			}
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return f()
}

package esm

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/transform"
)

// Loader finds and loads modules for a Linker.
type Loader interface {
	// Resolve returns the id (an absolute path, or a built-in's name) of
	// the module specifier names when importer imports it. An error with
	// a Code method (ERR_MODULE_NOT_FOUND) gives the thrown Error its code.
	Resolve(specifier, importer string) (string, error)
	// Load returns the module with that id.
	Load(id string) (*Source, error)
}

// Source is a loaded module: an ES module's transform, or the exports of
// any other module.
type Source struct {
	Module *transform.Result
	// Exports evaluates a module that is not an ES module and returns its
	// module.exports; it is called once.
	Exports func() (goja.Value, error)
}

// Options tune a Linker.
type Options struct {
	// Compile compiles a module's code; goja.Compile by default.
	Compile func(name, src string) (*goja.Program, error)
	// Error makes the value thrown for a Go error of the Loader or of
	// Compile. By default: a SyntaxError for a *transform.SyntaxError,
	// else an Error with the error's text and code.
	Error func(rt *goja.Runtime, err error) goja.Value
	// Scope, when set, is what the module id's code hands its scope
	// reader to when it calls the record's scope function (code compiled
	// so by the host: see engine.ModuleInfo).
	Scope func(id string, reader goja.Value)
}

// Linker holds the module records of one runtime. It is not safe for
// concurrent use, as the runtime is not.
type Linker struct {
	rt      *goja.Runtime
	loader  Loader
	opts    Options
	records map[string]*record
	nsOf    map[*goja.Object]*record // namespace objects, for toESM
	dynamic map[*goja.Object]dynamicImport
	seal    goja.Callable // Object.preventExtensions, taken before any script runs
}

type dynamicImport struct {
	spec, importer string
}

type state int

const (
	stateNew state = iota
	stateEvaluating
	stateEvaluated
	stateFailed
)

type record struct {
	id      string
	state   state
	onStack bool // being evaluated by the current depth-first walk
	ns      *goja.Object
	err     goja.Value
	waiters []func(goja.Value)
	src     *Source

	// The imports' evaluation, which the body starts (link).
	linkDone bool
	linkErr  goja.Value
	linked   func(goja.Value) // set while the body awaits its imports
}

// New makes the Linker of rt.
func New(rt *goja.Runtime, loader Loader, opts Options) *Linker {
	if opts.Compile == nil {
		opts.Compile = func(name, src string) (*goja.Program, error) { return goja.Compile(name, src, true) }
	}
	if opts.Error == nil {
		opts.Error = DefaultError
	}
	l := &Linker{rt: rt, loader: loader, opts: opts, records: map[string]*record{},
		nsOf: map[*goja.Object]*record{}, dynamic: map[*goja.Object]dynamicImport{}}
	if obj, ok := rt.GlobalObject().Get("Object").(*goja.Object); ok {
		l.seal, _ = goja.AssertFunction(obj.Get("preventExtensions"))
	}
	return l
}

// Import evaluates the module id (and what it imports) and returns a
// promise of its namespace. The promise is settled when Import returns
// unless a module on the way awaits at top level.
func (l *Linker) Import(id string) *goja.Promise {
	p, resolve, reject := l.rt.NewPromise()
	rec := l.record(id)
	l.evaluate(rec, func(err goja.Value) {
		if err != nil {
			_ = reject(err)
			return
		}
		_ = resolve(rec.ns)
	})
	return p
}

func (l *Linker) record(id string) *record {
	if r := l.records[id]; r != nil {
		return r
	}
	r := &record{id: id, ns: l.namespace()}
	l.records[id] = r
	l.nsOf[r.ns] = r
	return r
}

// namespace makes an empty module namespace object.
func (l *Linker) namespace() *goja.Object {
	ns := l.rt.CreateObject(nil)
	_ = ns.DefineDataPropertySymbol(goja.SymToStringTag, l.rt.ToValue("Module"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return ns
}

// fail makes the value thrown for a Go error.
func (l *Linker) fail(err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	return l.opts.Error(l.rt, err)
}

// evaluate evaluates rec, then calls done with nil or the thrown value:
// at once, or later when a module on the way awaits at top level.
func (l *Linker) evaluate(rec *record, done func(goja.Value)) {
	switch rec.state {
	case stateEvaluated:
		done(nil)
		return
	case stateFailed:
		done(rec.err)
		return
	case stateEvaluating:
		if rec.onStack {
			done(nil) // a cycle: its importer goes on, as in Node
		} else {
			rec.waiters = append(rec.waiters, done)
		}
		return
	}
	rec.state, rec.onStack = stateEvaluating, true
	rec.waiters = append(rec.waiters, done)
	src, err := l.loader.Load(rec.id)
	if err != nil {
		l.settle(rec, l.fail(err))
		return
	}
	rec.src = src
	if src.Module == nil {
		l.settle(rec, l.commonJS(rec))
		return
	}
	fn, err := l.compile(src.Module)
	if err != nil {
		l.settle(rec, l.fail(err))
		return
	}
	l.run(rec, fn)
}

// evaluateImports evaluates rec's static imports in order, then calls
// done once all have finished, with the first one's error in source
// order.
func (l *Linker) evaluateImports(rec *record, done func(goja.Value)) {
	imports := rec.src.Module.Imports
	errs := make([]goja.Value, len(imports))
	pending := len(imports) + 1
	finish := func() {
		if pending--; pending > 0 {
			return
		}
		for _, e := range errs {
			if e != nil {
				done(e)
				return
			}
		}
		done(nil)
	}
	for i, im := range imports {
		dep, err := l.resolve(im.Specifier, rec.id)
		if err != nil {
			errs[i] = err
			finish()
			continue
		}
		l.evaluate(dep, func(err goja.Value) {
			errs[i] = err
			finish()
		})
	}
	finish()
}

func (l *Linker) resolve(spec, importer string) (*record, goja.Value) {
	id, err := l.loader.Resolve(spec, importer)
	if err != nil {
		return nil, l.fail(err)
	}
	return l.record(id), nil
}

func (l *Linker) compile(m *transform.Result) (goja.Callable, error) {
	prg, err := l.opts.Compile(m.Path, m.Code)
	if err != nil {
		return nil, err
	}
	v, err := l.rt.RunProgram(prg)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("%s: the module's code is not a function", m.Path)
	}
	return fn, nil
}

// run calls the module's body; it settles rec when the body's promise
// settles.
func (l *Linker) run(rec *record, fn goja.Callable) {
	dyn := l.rt.ToValue(func(spec string) goja.Value {
		return l.marker(spec, rec.id)
	}).(*goja.Object)
	jsutil.SetName(l.rt, dyn, "import")
	v, err := fn(goja.Undefined(), l.moduleObject(rec), dyn)
	if err != nil {
		l.settle(rec, l.fail(err))
		return
	}
	p, _ := v.Export().(*goja.Promise)
	if p == nil {
		l.settle(rec, nil)
		return
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		l.settle(rec, nil)
		return
	case goja.PromiseStateRejected:
		// Handled here: the error goes to the module's importers.
		l.then(v, func(goja.Value) {}, func(goja.Value) {})
		l.settle(rec, p.Result())
		return
	}
	// The body awaits at top level: the walk goes on without it.
	rec.onStack = false
	l.then(v, func(goja.Value) { l.settle(rec, nil) }, func(e goja.Value) { l.settle(rec, e) })
}

// then attaches Go reactions to a promise.
func (l *Linker) then(p goja.Value, ok, fail func(goja.Value)) {
	obj := p.ToObject(l.rt)
	then, _ := goja.AssertFunction(obj.Get("then"))
	wrap := func(f func(goja.Value)) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value { f(c.Argument(0)); return goja.Undefined() }
	}
	_, _ = then(obj, l.rt.ToValue(wrap(ok)), l.rt.ToValue(wrap(fail)))
}

// settle ends rec's evaluation and tells those who wait.
func (l *Linker) settle(rec *record, err goja.Value) {
	rec.onStack = false
	if err != nil {
		rec.state, rec.err = stateFailed, err
	} else {
		rec.state = stateEvaluated
		if l.seal != nil {
			_, _ = l.seal(goja.Undefined(), rec.ns)
		}
	}
	waiters := rec.waiters
	rec.waiters = nil
	for _, w := range waiters {
		w(err)
	}
}

// commonJS evaluates a module that is not an ES module and fills its
// namespace.
func (l *Linker) commonJS(rec *record) goja.Value {
	exports, err := rec.src.Exports()
	if err != nil {
		return l.fail(err)
	}
	if obj, ok := exports.(*goja.Object); ok {
		for _, k := range obj.Keys() {
			if k != "default" {
				_ = rec.ns.DefineDataProperty(k, obj.Get(k), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
			}
		}
	}
	_ = rec.ns.DefineDataProperty("default", exports, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return nil
}

// fileURL is the file: URL of an absolute path.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

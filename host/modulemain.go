package host

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/transform"
	"github.com/jsrun/jsrun/transform/esm"
	"github.com/jsrun/jsrun/transform/resolve"
)

// An ES module main file runs through package esm: the main runtime gets a
// Linker, whose Loader resolves as Node does (package resolve) through the
// host's files, runs ES modules from transform's code compiled by
// Env.Script (the rewrite and the analysis, as for a main script), and
// evaluates CommonJS modules, JSON and built-ins (threads, fs, node:...)
// through the runtime's require. Everything is read through h.files: a
// module outside the confined directory is never read.

// linkerKey keys a runtime's Linker on its global object.
var linkerKey = goja.NewSymbol("jsrun.linker")

// evalModule runs the ES module main file res.
func (h *Host) evalModule(ctx context.Context, res *transform.Result) (any, error) {
	end, err := h.life.begin()
	if err != nil {
		return nil, err
	}
	defer end()
	ctx, oom, unwatch := h.watchMemory(ctx)
	defer unwatch()
	// The main Script is the module's code: the cache, the rewrite and the
	// analysis of the file are the linker's too.
	script, err := h.env.ModuleScript(ctx, res.Path, res.Code, moduleInfoOf(res))
	if errors.Is(err, engine.ErrStopped) {
		return nil, h.stopError(ctx, oom, err)
	}
	if err != nil {
		return nil, syntaxError(err, res.Code)
	}
	evalCtx, st := withEvalState(ctx)
	then := func(r *engine.Runtime, _ goja.Value) (goja.Value, error) {
		p := h.linkerOf(r).Import(res.Path)
		if p.State() == goja.PromiseStateRejected {
			markHandled(r.RT, p)
			return nil, throwValue(r.RT, p.Result())
		}
		return r.RT.ToValue(p), nil
	}
	completion, err := h.env.Eval(evalCtx, script, then)
	if err != nil {
		return nil, importSyntaxError(h.stopError(ctx, oom, err))
	}
	if code := st.code(); code != 0 {
		return nil, &ExitError{Code: code}
	}
	return export(completion), nil
}

// importSyntaxError reports a module that did not parse, which the
// linker threw as a SyntaxError whose stack starts with the file:line and
// the caret, as a syntax error, as a main file's: not as an uncaught
// exception.
func importSyntaxError(err error) error {
	var se *ScriptError
	if errors.As(err, &se) && se.Kind != "syntax error" && strings.Contains(se.Stack, "\nSyntaxError: ") &&
		!strings.HasPrefix(se.Stack, "SyntaxError") && !strings.Contains(se.Stack, "\n    at ") {
		se.Kind, se.Name = "syntax error", "SyntaxError"
		if _, msg, ok := strings.Cut(se.Stack, "\nSyntaxError: "); ok {
			se.Message = msg
		}
	}
	return err
}

// throwValue is the error of throwing v in rt: an uncaught exception.
func throwValue(rt *goja.Runtime, v goja.Value) error {
	fn, _ := goja.AssertFunction(rt.ToValue(func(goja.FunctionCall) goja.Value { panic(v) }))
	_, err := fn(goja.Undefined())
	return err
}

// runtimeModules is what a runtime holds of ES modules: its Linker, and
// the scope reader of each module it evaluated (for threads.run).
type runtimeModules struct {
	linker *esm.Linker
	loader *moduleLoader
	scopes map[string]goja.Callable
}

// linkerOf returns r's Linker, made on first use.
func (h *Host) linkerOf(r *engine.Runtime) *esm.Linker { return h.modulesOf(r, true).linker }

// modulesOf returns r's modules, made on first use if make is set (else
// nil when r has none).
func (h *Host) modulesOf(r *engine.Runtime, make bool) *runtimeModules {
	rt := r.RT
	if v := rt.GlobalObject().GetSymbol(linkerKey); v != nil {
		if m, ok := v.Export().(*runtimeModules); ok {
			return m
		}
	}
	if !make {
		return nil
	}
	m := &runtimeModules{scopes: map[string]goja.Callable{}}
	m.loader = &moduleLoader{h: h, rt: rt}
	m.loader.resolver = resolve.Resolver{FS: hostFS{h}, Builtin: h.builtinModule}
	ctx := r.Context()
	m.linker = esm.New(rt, m.loader, esm.Options{
		Compile: func(name, src string) (*goja.Program, error) {
			info := moduleInfo
			if res := m.loader.loaded[name]; res != nil && res.Code == src {
				info = moduleInfoOf(res)
			}
			s, err := h.env.ModuleScript(ctx, name, src, info)
			if err != nil {
				return nil, err
			}
			return s.Program(), nil
		},
		Error: linkError,
		Scope: func(id string, reader goja.Value) {
			if fn, ok := goja.AssertFunction(reader); ok {
				m.scopes[id] = fn
			}
		},
	})
	_ = rt.GlobalObject().DefineDataPropertySymbol(linkerKey, rt.ToValue(m), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return m
}

// moduleInfo is what the engine needs to know of a module's code.
var moduleInfo = engine.ModuleInfo{Imports: transform.ImportBindings, Scope: transform.Param + ".scope"}

// moduleInfoOf is moduleInfo for res, whose source map names original
// places in the engine's messages.
func moduleInfoOf(res *transform.Result) engine.ModuleInfo {
	info := moduleInfo
	if res.Map != nil {
		info.Original = func(line, col int) (int, int, bool) {
			p, ok := res.Map.Original(line, col)
			return p.Line, p.Column, ok
		}
	}
	return info
}

// importIn is engine.Config.Import: a thread imports again what a carried
// function's module imported. A module that awaits at top level cannot be
// imported so (the thread's function must start now).
func (h *Host) importIn(r *engine.Runtime, spec, importer string) (goja.Value, error) {
	m := h.modulesOf(r, true)
	rt := r.RT
	id, err := m.loader.Resolve(spec, importer)
	if err != nil {
		return nil, throwValue(rt, linkError(rt, err))
	}
	p := m.linker.Import(id)
	switch p.State() {
	case goja.PromiseStateFulfilled:
		return p.Result(), nil
	case goja.PromiseStateRejected:
		markHandled(rt, p)
		return nil, throwValue(rt, p.Result())
	}
	e := newError(rt, "Error", "threads: the function uses a binding imported from "+id+
		", which awaits at top level; a thread imports it synchronously: import it in the thread with await import() instead")
	_ = e.Set("code", "ERR_REQUIRE_ASYNC_MODULE")
	return nil, throwValue(rt, e)
}

// markHandled gives a rejected promise a handler, so that its rejection,
// reported another way, is not also an unhandled one.
func markHandled(rt *goja.Runtime, p *goja.Promise) {
	obj := rt.ToValue(p).ToObject(rt)
	if then, ok := goja.AssertFunction(obj.Get("then")); ok {
		noop := rt.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() })
		_, _ = then(obj, noop, noop)
	}
}

// moduleBinding is engine.Config.ModuleBinding.
func (h *Host) moduleBinding(r *engine.Runtime, module, name string) (goja.Value, bool) {
	m := h.modulesOf(r, false)
	if m == nil {
		return nil, false
	}
	read := m.scopes[module]
	if read == nil {
		return nil, false
	}
	v, err := read(goja.Undefined(), r.RT.ToValue(name))
	if err != nil || v == nil {
		return nil, false
	}
	return v, true
}

// linkError is the value thrown for a Go error of the linker: a goja
// syntax error as a main script's, a file the host may not read as fs's
// error, else esm's default.
func linkError(rt *goja.Runtime, err error) goja.Value {
	var se *goja.CompilerSyntaxError
	if errors.As(err, &se) {
		return newError(rt, "SyntaxError", moduleSyntaxMessage(se))
	}
	var read *moduleError
	if errors.As(err, &read) {
		return fsError(rt, read.err, "open", read.path)
	}
	return esm.DefaultError(rt, err)
}

// builtinModule tells whether name (without node:) is a module the host
// provides without a file: node's, the host's own, the embedder's.
func (h *Host) builtinModule(name string) bool {
	if h.native[name] || h.native["node:"+name] {
		return true
	}
	for _, m := range h.opts.modules {
		if m.name == name {
			return true
		}
	}
	return false
}

// moduleLoader is a runtime's esm.Loader.
type moduleLoader struct {
	h        *Host
	rt       *goja.Runtime
	resolver resolve.Resolver
	loaded   map[string]*transform.Result // the ES modules loaded, by path, for Compile
}

func (ld *moduleLoader) Resolve(spec, importer string) (string, error) {
	return ld.resolver.Import(spec, importer)
}

func (ld *moduleLoader) Load(id string) (*esm.Source, error) {
	if name, ok := strings.CutPrefix(id, "node:"); ok {
		// A built-in: by the name it was registered under.
		if !ld.h.native[id] {
			id = name
		}
		return &esm.Source{Exports: func() (goja.Value, error) { return ld.require(id) }}, nil
	}
	src, err := ld.h.readModuleFile(id)
	if err != nil {
		var me *moduleError
		if errors.As(err, &me) {
			return nil, err
		}
		return nil, &resolveError{"ERR_MODULE_NOT_FOUND", "Cannot find module '" + id + "'"}
	}
	if strings.HasSuffix(id, ".json") {
		return &esm.Source{Exports: func() (goja.Value, error) { return ld.require(id) }}, nil
	}
	res, err := ld.h.transformFile(id, string(src))
	if err != nil {
		return nil, err
	}
	if res.Kind == transform.Module {
		if ld.loaded == nil {
			ld.loaded = map[string]*transform.Result{}
		}
		ld.loaded[id] = res
		return &esm.Source{Module: res}, nil
	}
	return &esm.Source{Exports: func() (goja.Value, error) { return ld.require(id) }}, nil
}

// require calls the runtime's require.
func (ld *moduleLoader) require(id string) (goja.Value, error) {
	fn, ok := goja.AssertFunction(ld.rt.Get("require"))
	if !ok {
		return nil, errors.New("this runtime has no require")
	}
	return fn(goja.Undefined(), ld.rt.ToValue(id))
}

// resolveError is a module that vanished between resolution and load.
type resolveError struct{ code, msg string }

func (e *resolveError) Error() string { return e.msg }
func (e *resolveError) Code() string  { return e.code }

// hostFS is what package resolve reads: the host's files, as require
// reads them.
type hostFS struct{ h *Host }

func (f hostFS) Stat(path string) (fs.FileInfo, error) {
	files := f.h.files
	if files == nil {
		return nil, fs.ErrNotExist
	}
	name, err := files.resolve(path)
	if err != nil {
		return nil, fs.ErrNotExist // outside the directory: as if absent
	}
	return files.stat(name)
}

func (f hostFS) ReadFile(path string) ([]byte, error) {
	b, err := f.h.readModuleFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
	}
	return b, nil
}

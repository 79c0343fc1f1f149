package host

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/rewrite"
)

// Host runs scripts. One Host may run many evaluations, one after another
// or at once; they share compiled programs and module sources but nothing
// of their state. A Host is safe for concurrent use.
type Host struct {
	opts     options
	env      *engine.Env
	registry *require.Registry
	modules  *rewrite.Modules // the rewrite of required modules

	files    *files   // what require("fs") and require reach; nil when off
	environ  []envVar // process.env
	runtimes runtimes
	setupErr error // a bad option, reported by every evaluation

	mu    sync.Mutex
	mains map[string]*mainProgram // main script files by name: the last source run under each
	evals map[string]*mainProgram // Eval and Call sources, by source (see compileMain)
	uses  uint64                  // counts compileMain calls, to find the least recently used
}

// New makes a Host.
func New(opts ...Option) *Host {
	h := &Host{opts: defaultOptions(), mains: map[string]*mainProgram{}, evals: map[string]*mainProgram{}}
	for _, o := range opts {
		o(&h.opts)
	}
	h.environ = environ(h.opts.env)
	h.modules = rewrite.NewModules()
	h.setupFiles()
	loaders := []require.Option{require.WithLoader(h.modules.Loader(h.readModule))}
	if h.files == nil || h.files.root != nil {
		loaders = append(loaders, require.WithPathResolver(h.modulePath))
	}
	h.registry = require.NewRegistry(loaders...)
	h.registerModules()
	h.registerEmbedder()
	names := append([]string(nil), hostGlobals...)
	for _, g := range h.opts.globals {
		names = append(names, g.name)
	}
	cfg := engine.Config{
		MaxThreads:       h.opts.maxThreads,
		MaxCallStackSize: h.opts.maxStack,
		MaxCloneBytes:    h.opts.maxCloneBytes,
		MaxQueuedItems:   h.opts.maxQueued,
		Install:          h.installGlobal,
		Globals:          names,
	}
	h.env = engine.NewEnv(cfg)
	return h
}

// Eval runs src as the main script and returns its completion value (see
// EvalFile for the Go form and for when it returns).
func (h *Host) Eval(ctx context.Context, src string) (any, error) {
	return h.eval(ctx, evalName, src)
}

// EvalFile runs the script at path. It returns when the script, its event
// loop and every thread it started (transitively) have finished, or when
// ctx ends: then every runtime is interrupted, every blocked call returns,
// and no goroutine outlives the call but one stuck where goja cannot
// interrupt it, abandoned half a second later (see the package doc).
//
// The result is the script's completion value, or what it settled to if
// it is a promise, exported to Go by goja's rules (numbers as int64 or
// float64, objects as map[string]any, arrays as []any). The error is a
// *ScriptError for a JavaScript error nothing caught, an *ExitError after
// process.exit, a *ScriptError wrapping ErrMemoryLimit when the memory
// limit stopped it, or an error wrapping context.Canceled or
// context.DeadlineExceeded when ctx ended first.
func (h *Host) EvalFile(ctx context.Context, path string) (any, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("jsrun: %w", err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("jsrun: %w", err)
	}
	return h.eval(ctx, abs, string(src))
}

// EvalWithTimeout is Eval under a deadline d from now.
func (h *Host) EvalWithTimeout(d time.Duration, src string) (any, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return h.Eval(ctx, src)
}

// Call runs src as the main script, then calls its global function
// function with args (converted by goja's ToValue: Go numbers, strings,
// bools, slices and maps become their JavaScript counterparts), and returns
// what it returned (or what the promise it returned settled to) in the Go
// form EvalFile describes. Like Eval, it returns when every thread has
// finished or ctx ends.
func (h *Host) Call(ctx context.Context, src, function string, args ...any) (any, error) {
	return h.evalCall(ctx, evalName, src, function, args)
}

func (h *Host) eval(ctx context.Context, name, src string) (any, error) {
	return h.evalCall(ctx, name, src, "", nil)
}

func (h *Host) evalCall(ctx context.Context, name, src, function string, args []any) (any, error) {
	if h.setupErr != nil {
		return nil, h.setupErr
	}
	ctx, oom, unwatch := h.watchMemory(ctx)
	defer unwatch()
	prog, release, err := h.compileUnder(ctx, name, src)
	if errors.Is(err, errStopped) {
		return nil, h.stopError(ctx, oom, err)
	}
	if err != nil {
		return nil, syntaxError(err, src)
	}
	defer release()
	completion, err := h.env.Eval(ctx, func(main *engine.Runtime) (goja.Value, error) {
		v, err := main.RT.RunProgram(prog)
		if err != nil || function == "" {
			return v, err
		}
		return callGlobal(main.RT, function, args)
	})
	if err != nil {
		return nil, h.stopError(ctx, oom, err)
	}
	return export(completion), nil
}

// evalError tells why an evaluation ended: a deadline or cancellation of
// ctx wins over the interrupt it caused.
func (h *Host) evalError(ctx context.Context, err error) error {
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit
	}
	if ctx.Err() != nil {
		return fmt.Errorf("jsrun: evaluation stopped: %w", context.Cause(ctx))
	}
	return scriptError(err)
}

func export(v goja.Value) any {
	if v == nil {
		return nil
	}
	if obj, ok := v.(*goja.Object); ok && obj.ExportType() == reflect.TypeOf((*goja.Promise)(nil)) {
		if p, ok := obj.Export().(*goja.Promise); ok {
			if p.State() == goja.PromiseStateFulfilled {
				return export(p.Result())
			}
			return nil
		}
	}
	return v.Export()
}

// evalName names the source text Eval and Call run, in stack traces.
const evalName = "<eval>"

// maxEvalSources is how many sources of Eval and Call a host keeps
// compiled, and analysed for threads, when no evaluation is running them.
const maxEvalSources = 64

// mainProgram is a main script's source and its compiled program.
type mainProgram struct {
	src   string
	prog  *goja.Program
	key   string // its key in the env's index (Eval and Call sources only)
	users int    // evaluations running it (the same)
	used  uint64 // Host.uses when last taken (the same)
}

// compileMain compiles a main script, or reuses its program, and returns
// a release to call when the evaluation ends. Its analysis joins the env's
// index, so that its functions can be carried into threads.
//
// A file is kept as the last source run under its name (a file run again
// changed replaces it). The sources of Eval and Call all carry one name,
// and evaluations of different ones may run at once: each is kept under a
// key of its own, so that an evaluation's functions are looked up in its
// own source (the one run last first, for a function text several hold),
// and the least recently used beyond maxEvalSources that no evaluation is
// running are dropped, so that a host evaluating endless distinct sources
// does not keep them all. What the index holds changes only under h.mu,
// with the table, so that the two always agree.
func (h *Host) compileMain(name, src string) (*goja.Program, func(), error) {
	if name != evalName {
		return h.compileFile(name, src)
	}
	h.mu.Lock()
	if p := h.evals[src]; p != nil {
		defer h.mu.Unlock()
		return h.reuseEval(p)
	}
	h.mu.Unlock()
	prepared, prog, err := h.prepare(name, src)
	if err != nil {
		return nil, nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if p := h.evals[src]; p != nil {
		// Another evaluation of this source got here first.
		return h.reuseEval(p)
	}
	p := &mainProgram{src: src, prog: prog, key: evalName + "\x00" + src}
	h.take(p) // before evicting: it is in use
	h.env.AddPrepared(p.key, prepared)
	h.evals[src] = p
	for _, old := range h.evictLocked() {
		h.env.RemoveScript(old.key)
	}
	return p.prog, h.releaser(p), nil
}

// prepare parses a main script for the env's index and compiles it
// through the rewrite (internal/rewrite), with no lock held: other
// evaluations go on meanwhile.
func (h *Host) prepare(name, src string) (*engine.PreparedScript, *goja.Program, error) {
	prepared, err := h.env.PrepareScript(name, src)
	if err != nil {
		return nil, nil, err
	}
	// A source map comment may name any file: it is read as require reads.
	ast, err := goja.Parse(name, src, parser.WithSourceMapLoader(h.readModuleFile))
	if err != nil {
		return nil, nil, err
	}
	rewrite.Program(ast) // guard BigInt operators and spread arguments
	prog, err := goja.CompileAST(ast, false)
	if err != nil {
		return nil, nil, err
	}
	return prepared, prog, nil
}

// reuseEval takes the kept Eval source p for one more evaluation. h.mu is
// held.
func (h *Host) reuseEval(p *mainProgram) (*goja.Program, func(), error) {
	h.take(p)
	h.env.TouchScript(p.key)
	return p.prog, h.releaser(p), nil
}

// compileFile is compileMain for a file.
// Files are never evicted, so their use is not counted.
func (h *Host) compileFile(name, src string) (*goja.Program, func(), error) {
	h.mu.Lock()
	p := h.mains[name]
	h.mu.Unlock()
	if p != nil && p.src == src {
		return p.prog, noRelease, nil
	}
	prepared, prog, err := h.prepare(name, src)
	if err != nil {
		return nil, nil, err
	}
	// The index and the table change together, as for Eval sources: two
	// versions of a file run at once must not leave one in each.
	h.mu.Lock()
	h.env.AddPrepared(name, prepared) // a file's key is its name: it replaces itself
	h.mains[name] = &mainProgram{src: src, prog: prog}
	h.mu.Unlock()
	return prog, noRelease, nil
}

func noRelease() {}

// take marks p used by one more evaluation. h.mu is held.
func (h *Host) take(p *mainProgram) {
	h.uses++
	p.users++
	p.used = h.uses
}

func (h *Host) releaser(p *mainProgram) func() {
	return func() {
		h.mu.Lock()
		p.users--
		h.mu.Unlock()
	}
}

// evictLocked drops the least recently used Eval sources beyond
// maxEvalSources that no evaluation runs, and returns them. h.mu is held.
func (h *Host) evictLocked() []*mainProgram {
	var evicted []*mainProgram
	for len(h.evals) > maxEvalSources {
		var oldest *mainProgram
		for _, p := range h.evals {
			if p.users == 0 && (oldest == nil || p.used < oldest.used) {
				oldest = p
			}
		}
		if oldest == nil {
			break // every one is running: keep them for now
		}
		delete(h.evals, oldest.src)
		evicted = append(evicted, oldest)
	}
	return evicted
}

// setupFiles opens what require("fs") and require may reach.
func (h *Host) setupFiles() {
	switch h.opts.fsMode {
	case fsWhole:
		h.files = &files{}
	case fsConfined:
		dir, err := filepath.Abs(h.opts.fsRoot)
		if err == nil {
			var root *os.Root
			if root, err = os.OpenRoot(dir); err == nil {
				h.files = &files{root: root, dir: dir, real: dir}
				if real, err := filepath.EvalSymlinks(dir); err == nil {
					h.files.real = real
				}
			}
		}
		if err != nil {
			h.setupErr = fmt.Errorf("jsrun: WithFileSystem(%q): %w", h.opts.fsRoot, err)
		}
	}
}

// callGlobal calls the global function name with args.
func callGlobal(rt *goja.Runtime, name string, args []any) (goja.Value, error) {
	fn, ok := goja.AssertFunction(rt.Get(name))
	if !ok {
		return nil, fmt.Errorf("jsrun: Call: the script defines no global function %q", name)
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		vals[i] = rt.ToValue(a)
	}
	return fn(goja.Undefined(), vals...)
}

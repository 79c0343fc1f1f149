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
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/rewrite"
	"github.com/jsrun/jsrun/node/console"
	"github.com/jsrun/jsrun/transform"
)

// Host runs scripts. One Host may run many evaluations, one after another
// or at once; they share compiled programs and module sources but nothing
// of their state. A Host is safe for concurrent use. Close releases what
// it holds.
type Host struct {
	opts     options
	env      *engine.Env
	registry *require.Registry
	modules  *rewrite.Modules // the rewrite of required modules
	native   map[string]bool  // the names of the host's own modules
	// nodeGlobals install node's globals (Buffer, URL, ...) by name.
	nodeGlobals map[string]func(*goja.Runtime) error

	transforms  *transform.Cache // main files and modules made ready for goja
	files       *files           // what require("fs") and require reach; nil when off
	printer     *console.Printer
	consoleOpts console.Options
	environ     []envVar // process.env
	runtimes    runtimes
	life        lifetime
	programs    sync.Map // *Program → struct{}: the open ones, for Close
}

// New makes a Host. It reports every bad option at once (wrapping
// ErrInvalidOption), and a directory WithFileSystem cannot open.
func New(opts ...Option) (*Host, error) {
	h := &Host{opts: defaultOptions()}
	for _, o := range opts {
		if o == nil {
			h.opts.fail("a nil Option")
			continue
		}
		o(&h.opts)
	}
	if err := h.opts.check(); err != nil {
		return nil, err
	}
	if err := h.setupFiles(); err != nil {
		return nil, err
	}
	h.environ = environ(h.opts.env)
	h.printer = console.NewPrinter(h.opts.stdout, h.opts.stderr)
	h.consoleOpts = consoleOptions(&h.opts, h.environ)
	h.modules = rewrite.NewModules()
	h.transforms = transform.NewCache(0)
	loaders := []require.Option{require.WithLoader(h.modules.Loader(h.readModule))}
	if h.files == nil || h.files.root != nil {
		loaders = append(loaders, require.WithPathResolver(h.modulePath))
	}
	h.registry = require.NewRegistry(loaders...)
	h.registerModules()
	if err := h.registerEmbedder(); err != nil {
		h.closeFiles()
		return nil, err
	}
	names := append(append([]string(nil), hostGlobals...), nodeGlobalNames()...)
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
		ReadSourceMap:    h.readModuleFile, // read as require reads
		Import:           h.importIn,
		ModuleBinding:    h.moduleBinding,
		Exiting:          exiting,
	}
	if !h.opts.goFieldNames {
		cfg.FieldNames = jsonFieldNames{}
	}
	if h.opts.cluster != nil {
		cfg.Remote = h.opts.cluster
	}
	h.env = engine.NewEnv(cfg)
	lowerRegexpTimeout(h.opts.regexpTimeout)
	return h, nil
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
	return h.evalFile(ctx, abs, string(src))
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
	end, err := h.life.begin()
	if err != nil {
		return nil, err
	}
	defer end()
	ctx, oom, unwatch := h.watchMemory(ctx)
	defer unwatch()
	script, err := h.env.Script(ctx, name, src)
	if errors.Is(err, engine.ErrStopped) {
		return nil, h.stopError(ctx, oom, err)
	}
	if err != nil {
		return nil, syntaxError(err, src)
	}
	var then func(*engine.Runtime, goja.Value) (goja.Value, error)
	if function != "" {
		then = func(main *engine.Runtime, _ goja.Value) (goja.Value, error) {
			return callGlobal(main.RT, function, args)
		}
	}
	evalCtx, st := withEvalState(ctx)
	completion, err := h.env.Eval(evalCtx, script, then)
	if err != nil {
		return nil, h.stopError(ctx, oom, err)
	}
	if code := st.code(); code != 0 {
		return nil, &ExitError{Code: code} // process.exitCode, at the natural end
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
	if errors.Is(err, ErrClosed) {
		return fmt.Errorf("jsrun: evaluation stopped: %w", ErrClosed)
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

// setupFiles opens what require("fs") and require may reach.
func (h *Host) setupFiles() error {
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
			return fmt.Errorf("jsrun: %w: WithFileSystem(%q): %w", ErrInvalidOption, h.opts.fsRoot, err)
		}
	}
	return nil
}

// closeFiles closes the directory of WithFileSystem, if any.
func (h *Host) closeFiles() error {
	if h.files == nil || h.files.root == nil {
		return nil
	}
	return h.files.root.Close()
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

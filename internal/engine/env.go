package engine

import (
	"context"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/engine/analysis"
	"github.com/jsrun/jsrun/internal/guard"
	"github.com/jsrun/jsrun/internal/rewrite"
)

// Config is what a host decides for every runtime it makes.
type Config struct {
	// MaxThreads bounds the threads alive at once in one evaluation;
	// threads.run throws a RangeError beyond it. 0 means DefaultMaxThreads.
	MaxThreads int
	// MaxCallStackSize bounds each runtime's call depth (goja's
	// SetMaxCallStackSize). 0 means DefaultMaxCallStackSize.
	MaxCallStackSize int
	// MaxCloneBytes bounds the size of one cloned value; 0 means no bound.
	MaxCloneBytes int64
	// MaxQueuedItems bounds the items held at once by all the Queues of
	// one evaluation; a put past it is a RangeError. 0 means
	// DefaultMaxQueuedItems.
	MaxQueuedItems int64
	// Install installs the host's global name (one of Globals: console,
	// process, require, ...) into r. The main runtime gets every global at
	// once; a thread gets a global only when a function it receives names
	// it, since making native functions is most of what a fresh runtime
	// would otherwise cost. It may be nil.
	Install func(r *Runtime, name string) error
	// Globals names the globals Install installs. A function's free name
	// that refers to one of them is the thread's own, not carried.
	Globals []string
	// Exiting is asked, on the goroutine of the main runtime or a thread
	// whose loop has run out without error, for what to run before the
	// runtime ends (the host's process 'exit' listeners; not for Pool
	// workers, which outlive their items); nil for nothing, which is
	// nearly always. What it returns runs interrupted when the evaluation
	// must stop, an exception it returns ends the evaluation as an uncaught
	// one, and what it leaves for later never runs. Exiting may be nil.
	Exiting func(r *Runtime) func() error
	// ReadSourceMap reads the file a main script's source map comment
	// names (see Env.Script). It may be nil: then no source map is read.
	ReadSourceMap func(path string) ([]byte, error)
	// Import imports, in r, the module specifier names in the ES module
	// importer, and returns its namespace: a thread's own copy of an
	// import binding of a function carried from a module (see
	// ModuleScript). It may be nil: then such a function is refused.
	Import func(r *Runtime, specifier, importer string) (goja.Value, error)
	// ModuleBinding reads, in r, the top-level binding name of the ES
	// module file (ok false when r has not evaluated it).
	ModuleBinding func(r *Runtime, module, name string) (v goja.Value, ok bool)
	// FieldNames names the fields and methods of Go values in every
	// runtime (goja's SetFieldNameMapper); nil keeps Go's names.
	FieldNames goja.FieldNameMapper
	// Remote opens the cluster pools of threads.Pool(fn, {cluster});
	// nil: such a Pool is an Error that says no cluster is configured.
	Remote RemotePools
}

// Defaults for Config.
const (
	DefaultMaxThreads       = 1000
	DefaultMaxCallStackSize = 10000
	DefaultMaxQueuedItems   = 1_000_000
)

// Env is what a host shares across evaluations: its configuration, the
// compiled main scripts (see Script), the analysis of the modules they
// require, and the compiled program of every function that crossed into
// a thread. It is safe for concurrent use.
type Env struct {
	cfg      Config
	scripts  scripts
	index    *analysis.Index // the modules
	builtins map[string]bool
	// installers install the globals made on demand, by name.
	installers map[string]func(r *Runtime) error
	// seeds are the cluster pool seeds RunItem decoded.
	seeds     seedCache
	abandoned abandonCounts
	live      live
	stats     stats
}

// live is the evaluations an Env runs, for Close to stop.
type live struct {
	mu     sync.Mutex
	closed error // Close's cause, once closed
	groups map[*Group]struct{}
}

// NewEnv makes an Env for cfg.
func NewEnv(cfg Config) *Env {
	if cfg.MaxThreads <= 0 {
		cfg.MaxThreads = DefaultMaxThreads
	}
	if cfg.MaxQueuedItems <= 0 {
		cfg.MaxQueuedItems = DefaultMaxQueuedItems
	}
	if cfg.MaxCallStackSize <= 0 {
		cfg.MaxCallStackSize = DefaultMaxCallStackSize
	}
	e := &Env{cfg: cfg, index: analysis.NewIndex(), builtins: builtinNames(), installers: map[string]func(*Runtime) error{}}
	for _, name := range eventloop.Globals {
		e.installers[name] = func(r *Runtime) error {
			r.Loop.InstallGlobals(func(n string) bool { return n == name })
			return nil
		}
	}
	e.installers["threads"] = func(r *Runtime) error { return r.lib.installThreadsGlobal() }
	for _, name := range cfg.Globals {
		e.builtins[name] = true
		if cfg.Install != nil {
			e.installers[name] = func(r *Runtime) error { return cfg.Install(r, name) }
		}
	}
	return e
}

// catchAll names free names after which a thread may use any global at
// all: code it requires, evaluates or reaches through the global object.
var catchAll = map[string]bool{"require": true, "eval": true, "Function": true, "globalThis": true}

// globalsNeeded lists what a function with these free names needs
// installed: the on-demand globals it names, or every one of them.
func (e *Env) globalsNeeded(free []string) []string {
	var out []string
	for _, n := range free {
		if catchAll[n] {
			return e.allGlobals()
		}
		if e.installers[n] != nil {
			out = append(out, n)
		}
	}
	return out
}

func (e *Env) allGlobals() []string {
	names := make([]string, 0, len(e.installers))
	for n := range e.installers {
		names = append(names, n)
	}
	return names
}

// ensure installs the on-demand globals in names that r lacks.
func (r *Runtime) ensure(names []string) error {
	for _, n := range names {
		if r.installed[n] {
			continue
		}
		if r.installed == nil {
			r.installed = map[string]bool{}
		}
		r.installed[n] = true
		if err := r.group.env.installers[n](r); err != nil {
			return err
		}
	}
	return nil
}

// Close stops the evaluations still running, with cause as their error,
// and fails every later Eval with it; it drops the Env's compiled scripts
// and the analysis of its modules. It does not wait for the evaluations
// to return.
func (e *Env) Close(cause error) {
	e.live.mu.Lock()
	if e.live.closed != nil {
		e.live.mu.Unlock()
		return
	}
	e.live.closed = cause
	groups := e.live.groups
	e.live.groups = nil
	e.live.mu.Unlock()
	for g := range groups {
		g.Stop(cause)
	}
	e.scripts.close()
	e.index.Close()
}

// join counts g among the running evaluations, or returns Close's cause.
func (e *Env) join(g *Group) error {
	e.live.mu.Lock()
	defer e.live.mu.Unlock()
	if e.live.closed != nil {
		return e.live.closed
	}
	if e.live.groups == nil {
		e.live.groups = map[*Group]struct{}{}
	}
	e.live.groups[g] = struct{}{}
	return nil
}

// leave forgets g, ended.
func (e *Env) leave(g *Group) {
	e.live.mu.Lock()
	delete(e.live.groups, g)
	e.live.mu.Unlock()
}

// AddModule parses a CommonJS module file and remembers its top-level
// bindings and functions, so that functions defined there can be carried
// into threads by every evaluation. The same text again changes nothing.
// A syntax error is returned as goja reports it.
func (e *Env) AddModule(name, src string) error {
	s, err := analysis.ParseModule(name, src)
	if err != nil {
		return err
	}
	e.index.Add(s)
	return nil
}

// builtinNames lists the globals every runtime has of its own: those of the
// language and those jsrun installs.
func builtinNames() map[string]bool {
	names := map[string]bool{}
	for _, k := range goja.New().GlobalObject().GetOwnPropertyNames() {
		names[k] = true
	}
	// module, exports, __filename and __dirname are not: a CommonJS main
	// file's are its globals, carried to threads like its other globals
	// (tsc's output calls (0, exports.f)(...)).
	for _, k := range []string{"threads", "console", "require", "process", "arguments"} {
		names[k] = true
	}
	for _, k := range eventloop.Globals {
		names[k] = true
	}
	return names
}

// Runtime is one goja runtime of an evaluation, main or thread, with its
// event loop. Config.Install receives it.
type Runtime struct {
	// RT is the goja runtime. Touch it only on the loop's goroutine.
	RT *goja.Runtime
	// Loop is the runtime's event loop.
	Loop *eventloop.Loop
	// Name is "main" or "thread N", as deadlock reports name it.
	Name string

	group     *Group
	ctx       context.Context
	lib       *library
	installed map[string]bool // on-demand globals installed so far
	pool      *Pool           // the pool this runtime is a worker of, if any
	thread    *thread         // the thread this runtime runs; nil for main and Pool workers
	sites     *rewrite.Sites  // where the functions made here at tagged literals were written
	guard     *guard.Guard
	goSignals goSignals // its signals Go aborts; guarded by group.mu (signal.go)
}

// LazyGlobal makes name a global of r that make builds on its first read
// (see guard.Guard.Lazy): for Config.Install, of a global whose value
// costs more to build than a native function, in the main runtime (which
// gets every global) and in a thread that names it or may reach it.
func (r *Runtime) LazyGlobal(name string, make func() goja.Value) { r.guard.Lazy(name, make) }

// Context ends when this runtime must stop: its thread was cancelled, or the
// evaluation ended.
func (r *Runtime) Context() context.Context { return r.ctx }

// finish tells the evaluation that the main runtime's loop has returned;
// the host calls it once, after Run.
func (r *Runtime) finish() { r.group.leave() }

// Exit ends the whole evaluation with cause, as process.exit does.
func (r *Runtime) Exit(cause error) { r.group.Stop(cause) }

// blank is a runtime made ahead of its use, before any code runs in it:
// goja's, with the guards and the rewrite's helpers, which need nothing of
// the thread it will be. Its goroutine hands it over once (see spawner).
type blank struct {
	rt    *goja.Runtime
	guard *guard.Guard
	sites *rewrite.Sites
}

// newBlank makes a blank runtime with the env's configuration.
func (e *Env) newBlank() *blank {
	rt := goja.New()
	gd := guard.Install(rt)                // first: it sets the global object the rest defines on
	sites := rewrite.Install(rt)           // before any script: the helper of rewritten code, and Function wrapped
	gd.OnBuiltin("Symbol", installSymbols) // Symbol.asyncIterator, dispose, asyncDispose (queue_async.go)
	rt.SetMaxCallStackSize(e.cfg.MaxCallStackSize)
	if m := e.cfg.FieldNames; m != nil {
		rt.SetFieldNameMapper(m)
	}
	// eval and Function read no source map: its comment may name any file
	// (a named pipe blocks the open for ever), and the host decides alone
	// which files a script reaches.
	rt.SetParserOptions(parser.WithDisableSourceMaps)
	return &blank{rt: rt, guard: gd, sites: sites}
}

// newRuntime makes a runtime with its loop and the threads library; the
// other globals come on demand (see Runtime.ensure), or all at once with
// every.
func (g *Group) newRuntime(ctx context.Context, name string, every bool) (*Runtime, error) {
	return g.newRuntimeFrom(g.env.newBlank(), ctx, name, every)
}

// newRuntimeFrom is newRuntime from b, a blank runtime never used before.
func (g *Group) newRuntimeFrom(b *blank, ctx context.Context, name string, every bool) (*Runtime, error) {
	rt, gd, sites := b.rt, b.guard, b.sites
	r := &Runtime{RT: rt, Loop: eventloop.New(rt), Name: name, group: g, ctx: ctx, sites: sites, guard: gd}
	r.Loop.SetIdleFunc(func(waiting bool) {
		if waiting {
			r.group.sleep(r, "waiting for threads or async operations to report back")
		} else {
			r.group.wake(r)
		}
	})
	installLibrary(r)
	if every {
		if err := r.ensure(g.env.allGlobals()); err != nil {
			return nil, err
		}
	}
	return r, nil
}

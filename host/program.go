package host

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
)

// Program is a script loaded once into a set of warm instances, each a
// main runtime of its own, whose functions Call runs one call at a time
// per instance. Make one with Host.Load; it is safe for concurrent use.
//
// An instance keeps what the script keeps between calls, as a worker in
// Node does: its globals, the variables of its top level and of the
// modules it required, and their caches. Two calls may land on different
// instances, so such state is per instance, never shared; keep shared
// state in Go (a module of WithModule) or a database.
//
// Each call is an evaluation of its own: its threads, Queues and Pools
// belong to it, it returns when the function's promise has settled, its
// event loop has nothing left to run and its threads have ended (or when
// its context ends, which cancels them), and objects of the threads
// library are not for keeping to a later call. A call that throws or
// rejects fails alone and leaves its instance for the next call. A call
// that was stopped (its context or the call timeout ended, a deadlock,
// process.exit, the memory limit) or abandoned fails alone too, and its
// instance is dropped: the next call that needs it loads a fresh one.
//
// Call finds a function by name. Load's source string is a classic
// script, whose global functions Call calls. LoadFile runs a file by its
// kind, as EvalFile does: an ES module's exports are what Call calls, and
// a CommonJS file's module.exports, then its global functions.
type Program struct {
	h      *Host
	script *engine.Script
	kind   programKind
	file   string // the absolute path of LoadFile's file
	opts   programOptions

	slots  chan *instance // the idle instances; a nil one is made on demand
	done   chan struct{}  // closed by Close
	closed atomic.Bool
	once   sync.Once
}

// instance is one runtime of a Program and the calls it has served.
type instance struct {
	p     *Program
	in    *engine.Instance
	calls int
	// Where Call finds functions besides the globals: a CommonJS file's
	// module object, a module's namespace (imported: its promise, until
	// the first Run has settled it).
	module   *goja.Object
	exports  *goja.Object
	imported *goja.Promise
	job      func(*engine.Runtime) (goja.Value, error) // inst.call, made once
	// The call under way, for job, and the functions called so far.
	name string
	args []any
	fns  map[string]cachedFunc
}

// cachedFunc is a function of an instance, kept while its name still
// finds the same object: goja.AssertFunction makes a closure on
// every call.
type cachedFunc struct {
	obj *goja.Object
	fn  goja.Callable
}

// call calls the function inst.name with inst.args, on the runtime's
// goroutine.
func (inst *instance) call(r *engine.Runtime) (goja.Value, error) {
	rt := r.RT
	fn, err := inst.find(rt, inst.p, inst.name)
	if err != nil {
		return nil, err
	}
	vals := make([]goja.Value, len(inst.args))
	for i, a := range inst.args {
		vals[i] = rt.ToValue(a)
	}
	return fn(goja.Undefined(), vals...)
}

// function is v's function if v is one, from the cache while name still
// finds the same object.
func (inst *instance) function(name string, v goja.Value) (goja.Callable, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if c, ok := inst.fns[name]; ok && c.obj == obj {
		return c.fn, true
	}
	fn, ok := goja.AssertFunction(obj)
	if !ok {
		return nil, false
	}
	if inst.fns == nil {
		inst.fns = map[string]cachedFunc{}
	}
	inst.fns[name] = cachedFunc{obj, fn}
	return fn, true
}

// ProgramOption configures a Program made by Host.Load.
type ProgramOption func(*programOptions)

type programOptions struct {
	instances int
	maxCalls  int
	timeout   time.Duration
	errs      []error
}

// WithInstances sets how many instances a Program keeps, the calls it
// runs at once (default, and 0: runtime.GOMAXPROCS(0)).
func WithInstances(n int) ProgramOption {
	return func(o *programOptions) {
		if n < 0 {
			o.errs = append(o.errs, fmt.Errorf("jsrun: %w: WithInstances(%d): must not be negative", ErrInvalidOption, n))
			return
		}
		o.instances = n
	}
}

// WithCallsPerInstance replaces an instance by a fresh one after it has
// served n calls (default, and 0: never), for a script whose state grows.
func WithCallsPerInstance(n int) ProgramOption {
	return func(o *programOptions) {
		if n < 0 {
			o.errs = append(o.errs, fmt.Errorf("jsrun: %w: WithCallsPerInstance(%d): must not be negative", ErrInvalidOption, n))
			return
		}
		o.maxCalls = n
	}
}

// Load evaluates src into a Program's instances, each running it once
// (its top level, its event loop, its threads), and returns when all
// are ready. Its error is one an Eval of src would return.
func (h *Host) Load(ctx context.Context, src string, opts ...ProgramOption) (*Program, error) {
	return h.load(ctx, evalName, src, "", opts)
}

// LoadFile is Load of the file at path, named by its absolute path in
// stack traces, run by its kind as EvalFile runs it: an ES module is
// imported in each instance (its top-level await settled before LoadFile
// returns) and Call calls its exports; a CommonJS file, TypeScript
// stripped, runs with module, exports, require, __filename and
// __dirname, and Call calls module.exports[name], else the global
// function name.
func (h *Host) LoadFile(ctx context.Context, path string, opts ...ProgramOption) (*Program, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("jsrun: %w", err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("jsrun: %w", err)
	}
	return h.load(ctx, abs, string(src), abs, opts)
}

// load makes the Program of src, the content of file, or a source
// string when file is "".
func (h *Host) load(ctx context.Context, name, src, file string, opts []ProgramOption) (*Program, error) {
	o := programOptions{}
	for _, f := range opts {
		if f == nil {
			o.errs = append(o.errs, fmt.Errorf("jsrun: %w: a nil ProgramOption", ErrInvalidOption))
			continue
		}
		f(&o)
	}
	if len(o.errs) > 0 {
		return nil, o.errs[0]
	}
	if o.instances == 0 {
		o.instances = runtime.GOMAXPROCS(0)
	}
	end, err := h.life.begin()
	if err != nil {
		return nil, err
	}
	defer end()
	var script *engine.Script
	kind := classicProgram
	if file == "" {
		script, err = h.scriptOf(ctx, name, src)
	} else {
		script, kind, err = h.fileProgram(ctx, file, src)
	}
	if err != nil {
		return nil, err
	}
	p := &Program{h: h, script: script, kind: kind, file: file, opts: o,
		slots: make(chan *instance, o.instances), done: make(chan struct{})}
	for range o.instances {
		in, err := p.newInstance(ctx)
		if err != nil {
			for range len(p.slots) {
				(<-p.slots).in.Close()
			}
			return nil, err
		}
		p.slots <- in
	}
	h.programs.Store(p, struct{}{})
	return p, nil
}

// newInstance runs the program in a fresh instance.
func (p *Program) newInstance(ctx context.Context) (*instance, error) {
	values := context.Background()
	if p.kind == commonJSProgram {
		values = context.WithValue(values, mainFileKey{}, &mainFile{p.file, true})
	}
	values, st := withEvalState(values)
	in := p.h.env.NewInstance(values, p.script)
	ctx, oom, unwatch := p.h.watchMemory(ctx)
	defer unwatch()
	inst := &instance{p: p, in: in}
	_, err := in.Run(ctx, p.start(inst))
	if err != nil {
		err = p.h.stopError(ctx, oom, err)
		if p.kind == moduleProgram {
			err = importSyntaxError(err)
		}
	} else if st.code() != 0 {
		err = &ExitError{Code: st.code()}
	} else {
		err = p.started(inst)
	}
	if err != nil {
		in.Close()
		return nil, err
	}
	inst.job = inst.call
	return inst, nil
}

// Call calls the script's function name with args on an idle instance,
// waiting for one while all are busy, and returns what it returned, or
// what its promise settled to, in the Go form of Eval. Args reach the
// script as goja's ToValue makes them, struct fields named by their json
// tags (see WithGoFieldNames). The error is one an Eval would return, or
// wraps ErrClosed after Close.
func (p *Program) Call(ctx context.Context, name string, args ...any) (any, error) {
	var out any
	err := p.call(ctx, name, args, &out, false)
	return out, err
}

// CallInto is Call decoding the result into out, a non-nil pointer, as
// encoding/json would decode its JSON (see Decode).
func (p *Program) CallInto(ctx context.Context, out any, name string, args ...any) error {
	if err := checkDecodeTarget(out); err != nil {
		return err
	}
	return p.call(ctx, name, args, out, true)
}

// call runs one call on an instance and exports its result into out
// (an *any), or decodes it, while the instance is still held: the
// result's objects belong to its runtime.
func (p *Program) call(ctx context.Context, name string, args []any, out any, decode bool) error {
	h := p.h
	end, err := h.life.begin()
	if err != nil {
		return err
	}
	defer end()
	if t := p.opts.timeout; t > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	ctx, oom, unwatch := h.watchMemory(ctx)
	defer unwatch()
	inst, err := p.acquire(ctx)
	if err != nil {
		return err
	}
	defer p.release(inst)
	if inst.in != nil && !inst.in.Usable() { // stopped since its last call
		inst.in.Close()
		inst.in = nil
	}
	if inst.in == nil {
		fresh, err := p.newInstance(ctx)
		if err != nil {
			return err
		}
		*inst = *fresh
		inst.job = inst.call // bound to inst, not to fresh
	}
	inst.calls++
	inst.name, inst.args = name, args
	v, err := inst.in.Run(ctx, inst.job)
	inst.args = nil
	if err != nil {
		return h.stopError(ctx, oom, err)
	}
	if inst.in.Broken() {
		return nil // abandoned after its result: the value is not to be read
	}
	if decode {
		return decodeInto(export(v), out)
	}
	*out.(*any) = export(v)
	return nil
}

// acquire takes an idle instance, waiting for one.
func (p *Program) acquire(ctx context.Context) (*instance, error) {
	var inst *instance
	select {
	case inst = <-p.slots:
	default:
		select {
		case inst = <-p.slots:
		case <-ctx.Done():
			return nil, fmt.Errorf("jsrun: waiting for an instance: %w", context.Cause(ctx))
		case <-p.done:
			return nil, fmt.Errorf("jsrun: program closed: %w", ErrClosed)
		}
	}
	if p.closed.Load() {
		p.slots <- inst
		return nil, fmt.Errorf("jsrun: program closed: %w", ErrClosed)
	}
	return inst, nil
}

// release gives inst back, replaced by an empty slot when it is broken
// or has served its calls.
func (p *Program) release(inst *instance) {
	if inst.in != nil && (!inst.in.Usable() || p.opts.maxCalls > 0 && inst.calls >= p.opts.maxCalls) {
		inst.in.Close()
		inst = &instance{}
	}
	p.slots <- inst
}

// Close waits for the calls running to return, releases the instances
// and fails every later call with an error wrapping ErrClosed. Cancel
// the calls' contexts to stop them sooner; Host.Close stops them and
// closes every Program of the host. A second Close does nothing.
func (p *Program) Close() error {
	p.once.Do(func() {
		p.h.programs.Delete(p)
		p.closed.Store(true)
		close(p.done)
		for range cap(p.slots) {
			if inst := <-p.slots; inst.in != nil {
				inst.in.Close()
			}
		}
	})
	return nil
}

// closePrograms closes the host's open Programs, once their calls have
// been stopped.
func (h *Host) closePrograms() {
	h.programs.Range(func(k, _ any) bool {
		k.(*Program).Close()
		return true
	})
}

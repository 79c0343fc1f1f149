package host

import (
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/util"
)

// A runtime's `process` is Node's for what scripts use. It is a dynamic
// object whose members are made on first read: most runtimes read one or
// two of them, and making thirty native functions and the environment's
// object for each would cost a new runtime more than the runtime itself.
// Scripts may add, replace and delete members as on any object.
//
// What differs from Node: process is not an instance of EventEmitter
// (it has on, once, off, emit, ... of its own); nextTick callbacks run as
// microtasks, in order among themselves but after promise callbacks
// queued before them (Node runs them first); exitCode is the
// evaluation's, shared by its runtimes as process.exit is; 'exit' is
// emitted in the main runtime when its loop has run out, and in the
// runtime that calls process.exit; warnings print without Node's
// "(node:PID)" prefix, as console's own do.

// processMembers are the members a process object starts with, in the
// order Object.keys lists them.
var processMembers = []string{
	"version", "versions", "arch", "platform", "release", "title", "argv", "argv0", "execArgv", "execPath", "env", "pid", "ppid",
	"exitCode", "stdout", "stderr", "cwd", "exit", "nextTick", "hrtime", "memoryUsage", "uptime", "emitWarning",
	"on", "addListener", "prependListener", "once", "prependOnceListener", "off", "removeListener", "removeAllListeners",
	"emit", "listeners", "listenerCount", "eventNames",
}

var isProcessMember = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range processMembers {
		m[k] = true
	}
	return m
}()

// process is one runtime's process object.
type process struct {
	h       *Host
	r       *engine.Runtime
	rt      *goja.Runtime
	obj     *goja.Object
	eval    *evalState
	members map[string]goja.Value // made or set so far
	deleted map[string]bool       // own members the script deleted
	added   []string              // members the script added, in order
	events  emitter
	ticks   ticks
}

// processOf is r's process object, made on first use: the global
// process and require("process") are one object.
func (h *Host) processOf(r *engine.Runtime) *goja.Object {
	return perRuntime(r.RT, processKey, func() *goja.Object {
		p := &process{h: h, r: r, rt: r.RT, eval: evalStateOf(r), members: map[string]goja.Value{}}
		p.obj = r.RT.NewDynamicObject(p)
		p.events.p = p
		return p.obj
	})
}

var processKey = goja.NewSymbol("jsrun.process")

// madeProcess is rt's process, if made.
func madeProcess(rt *goja.Runtime) *process {
	if o, ok := rt.GlobalObject().GetSymbol(processKey).(*goja.Object); ok {
		p, _ := o.Export().(*process)
		return p
	}
	return nil
}

func (p *process) Get(key string) goja.Value {
	if key == "exitCode" && !p.deleted[key] {
		return p.eval.exitCodeValue(p.rt)
	}
	if v, ok := p.members[key]; ok {
		return v
	}
	if !isProcessMember[key] || p.deleted[key] {
		return nil
	}
	v := p.make(key)
	p.members[key] = v
	return v
}

func (p *process) Set(key string, v goja.Value) bool {
	if key == "exitCode" && !p.deleted[key] {
		p.eval.setExitCode(p.rt, v)
		return true
	}
	if _, ok := p.members[key]; !ok && (!isProcessMember[key] || p.deleted[key]) {
		p.added = append(p.added, key)
	}
	p.members[key] = v
	return true
}

func (p *process) Has(key string) bool {
	if _, ok := p.members[key]; ok {
		return true
	}
	return isProcessMember[key] && !p.deleted[key]
}

func (p *process) Delete(key string) bool {
	delete(p.members, key)
	if isProcessMember[key] {
		if p.deleted == nil {
			p.deleted = map[string]bool{}
		}
		p.deleted[key] = true
	}
	if i := slices.Index(p.added, key); i >= 0 {
		p.added = slices.Delete(p.added, i, i+1)
	}
	return true
}

func (p *process) Keys() []string {
	keys := make([]string, 0, len(processMembers)+len(p.added))
	for _, k := range processMembers {
		if !p.deleted[k] {
			keys = append(keys, k)
		}
	}
	return append(keys, p.added...)
}

// fn makes a member function.
func (p *process) fn(name string, f func(goja.FunctionCall) goja.Value) *goja.Object {
	return jsutil.Func(p.rt, name, f)
}

// make builds the member key.
func (p *process) make(key string) goja.Value {
	rt := p.rt
	switch key {
	case "version":
		return rt.ToValue("v" + Version)
	case "versions":
		v := rt.NewObject()
		_ = v.Set("jsrun", Version)
		_ = v.Set("goja", gojaVersion())
		_ = v.Set("go", runtime.Version())
		return v
	case "arch":
		return rt.ToValue(nodeArch())
	case "platform":
		return rt.ToValue(nodePlatform())
	case "release":
		v := rt.NewObject()
		_ = v.Set("name", "jsrun")
		return v
	case "title", "argv0":
		return rt.ToValue("jsrun")
	case "argv":
		argv := make([]any, 0, len(p.h.opts.args)+1)
		argv = append(argv, "jsrun")
		for _, a := range p.h.opts.args {
			argv = append(argv, a)
		}
		return rt.NewArray(argv...)
	case "execArgv":
		return rt.NewArray()
	case "execPath":
		exe, _ := os.Executable()
		return rt.ToValue(exe)
	case "env":
		env := rt.NewObject()
		for _, kv := range p.h.environ {
			_ = env.Set(kv.name, kv.value)
		}
		return env
	case "pid":
		return rt.ToValue(os.Getpid())
	case "ppid":
		return rt.ToValue(os.Getppid())
	case "stdout":
		return p.stream(false)
	case "stderr":
		return p.stream(true)
	case "cwd":
		return p.fn("cwd", func(goja.FunctionCall) goja.Value { return rt.ToValue(p.h.cwd()) })
	case "exit":
		return p.fn("exit", p.exit)
	case "nextTick":
		return p.fn("nextTick", p.nextTick)
	case "hrtime":
		return p.hrtime()
	case "memoryUsage":
		return p.memoryUsage()
	case "uptime":
		return p.fn("uptime", func(goja.FunctionCall) goja.Value {
			return rt.ToValue(time.Since(processStart).Seconds())
		})
	case "emitWarning":
		return p.fn("emitWarning", p.emitWarning)
	}
	return p.events.method(key)
}

// exit is process.exit([code]): the 'exit' listeners of this runtime run
// with the code, then the whole evaluation ends with an ExitError.
func (p *process) exit(c goja.FunctionCall) goja.Value {
	if arg := c.Argument(0); !goja.IsUndefined(arg) {
		p.eval.setExitCode(p.rt, arg)
	}
	p.emitExit()
	exit := &ExitError{Code: p.eval.code()}
	p.r.Exit(exit)
	p.rt.Interrupt(exit)
	return goja.Undefined()
}

// emitExit emits 'exit' once per runtime, with the exit code.
func (p *process) emitExit() {
	if p.events.exited {
		return
	}
	p.events.exited = true
	p.events.emit("exit", p.rt.ToValue(p.eval.code()))
}

// cwd is process.cwd(): the root with a confined file system (relative
// paths are taken from it), "/" with none, and the process's working
// directory otherwise.
func (h *Host) cwd() string {
	switch {
	case h.files == nil:
		return "/"
	case h.files.root != nil:
		return h.files.dir
	}
	dir, err := os.Getwd()
	if err != nil {
		return "/"
	}
	return dir
}

// stream is process.stdout or process.stderr: write(chunk[, encoding][,
// callback]) through the console's Printer.
func (p *process) stream(toStderr bool) goja.Value {
	rt := p.rt
	s := rt.NewObject()
	fd, terminal := 1, p.h.opts.stdoutTerminal
	if toStderr {
		fd, terminal = 2, p.h.opts.stderrTerminal
	}
	_ = s.Set("fd", fd)
	if terminal {
		_ = s.Set("isTTY", true)
	}
	_ = s.Set("write", p.fn("write", func(c goja.FunctionCall) goja.Value {
		chunk := c.Argument(0)
		var text string
		if goja.IsString(chunk) {
			text = chunk.String()
		} else if b, ok := bytesOf(chunk); ok {
			text = string(b)
		} else {
			panic(util.InvalidArgType(rt, "chunk", "string or an instance of Buffer, TypedArray, or DataView", chunk))
		}
		p.h.printer.Write(toStderr, text)
		for _, a := range c.Arguments[1:] {
			if cb, ok := goja.AssertFunction(a); ok {
				p.ticks.add(p, cb, nil)
				break
			}
		}
		return rt.ToValue(true)
	}))
	return s
}

// exiting is the engine's Exiting: a runtime's 'exit' listeners, when
// its loop has run out.
func exiting(r *engine.Runtime) func() error {
	p := madeProcess(r.RT)
	if p == nil || len(p.events.events["exit"]) == 0 {
		return nil
	}
	return func() error {
		if ex := r.RT.Try(p.emitExit); ex != nil {
			return ex
		}
		return nil
	}
}

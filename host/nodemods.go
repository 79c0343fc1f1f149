package host

import (
	"slices"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/node"
	"github.com/jsrun/jsrun/node/fetch"
	"github.com/jsrun/jsrun/node/inspect"
)

// The modules and globals of package node, wired to the host: their
// event loop is the runtime's, util.inspect is node/inspect's (shared with
// console and util), their working directory is process.cwd()'s, and
// their warnings are process warnings.

// nodeGlobalNames are the globals of node and node/fetch.
func nodeGlobalNames() []string { return slices.Concat(node.GlobalNames, fetch.GlobalNames) }

// nodeConfig is what node's modules need from the host.
func (h *Host) nodeConfig() node.Config {
	return node.Config{
		Loop: func(rt *goja.Runtime) *eventloop.Loop {
			if r := h.runtimes.of(rt); r != nil {
				return r.Loop
			}
			panic(rt.NewTypeError("this runtime has ended"))
		},
		Inspect: func(rt *goja.Runtime) (goja.Value, error) { return inspect.For(rt).InspectFunction(), nil },
		Cwd:     h.cwd,
		Warn:    h.warn,
	}
}

// registerNodeModules registers node's modules under their names and
// node: names.
func (h *Host) registerNodeModules(cfg node.Config) {
	for name, load := range node.Modules(cfg) {
		h.registerNative(name, load)
	}
	h.nodeGlobals = node.Globals(cfg)
	for name, install := range fetch.Globals(h.fetchConfig(cfg)) {
		h.nodeGlobals[name] = install
	}
}

// installNodeGlobal makes node's global name in r on its first read:
// most of them run JavaScript to build their classes, which a runtime
// whose script never reads them should not pay for.
func (h *Host) installNodeGlobal(r *engine.Runtime, name string, install func(*goja.Runtime) error) {
	rt := r.RT
	if name == "fetch" {
		h.closeIdleAfter(r)
	}
	r.LazyGlobal(name, func() goja.Value {
		h.runtimes.add(r) // the classes may need the loop
		jsmod.Throw(rt, name, install(rt))
		return rt.GlobalObject().Get(name)
	})
}

// warn prints a warning of node's modules (MaxListenersExceededWarning)
// as process.emitWarning does.
func (h *Host) warn(rt *goja.Runtime, name, message string) {
	if r := h.runtimes.of(rt); r != nil {
		h.processOf(r)
		madeProcess(rt).warning(name, "", message)
		return
	}
	h.printer.WriteLine(true, name+": "+message)
}

package host

import (
	"os"
	"slices"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/node/util"
)

// hostGlobals are the globals the host installs, each on demand in a thread.
var hostGlobals = []string{"require", "console", "process", "structuredClone"}

// ownGlobals are every global jsrun installs: the host's, node's, the
// threads library's and the event loop's.
func ownGlobals() []string {
	return slices.Concat(hostGlobals, nodeGlobalNames(), []string{"threads"}, eventloop.Globals)
}

// installGlobal installs one of hostGlobals into r.
func (h *Host) installGlobal(r *engine.Runtime, name string) error {
	rt := r.RT
	switch name {
	case "require":
		h.enableRequire(r)
		if mf := mainFileOf(r); mf != nil {
			installCommonJSGlobals(rt, mf)
		}
	case "console":
		return rt.Set("console", h.consoleFor(rt, r))
	case "process":
		return rt.Set("process", h.processOf(r))
	case "structuredClone":
		r.LazyGlobal(name, func() goja.Value { return h.structuredClone(r) })
	default:
		if install, ok := h.nodeGlobals[name]; ok {
			h.installNodeGlobal(r, name, install)
			return nil
		}
		_, err := h.installEmbedderGlobal(r, name)
		return err
	}
	return nil
}

// enableRequire installs require, once per runtime. Module loaders
// (the embedder's, fs's asynchronous calls) run only through require and
// are given the goja runtime alone, so a runtime becomes known to them
// here rather than at its making: a thread that never requires pays
// nothing for it.
func (h *Host) enableRequire(r *engine.Runtime) {
	if r.RT.Get("require") == nil {
		h.runtimes.add(r)
		h.modules.Install(r.RT)
		h.installRequire(r.RT)
		h.installRequireESM(r)
	}
}

// registerModules registers the modules every runtime of this host can
// require without a file.
func (h *Host) registerModules() {
	h.registerNodeModules(h.nodeConfig())
	h.registerNative("console", func(rt *goja.Runtime, module *goja.Object) {
		_ = module.Set("exports", h.consoleOf(rt))
	})
	h.registerNative("node:console", sameModule("console"))
	h.registerNative(util.ModuleName, util.Require)
	h.registerNative("node:"+util.ModuleName, sameModule(util.ModuleName))
	loadFS, loadPromises := h.loadFS, h.loadFSPromises
	if h.files == nil {
		loadFS = func(rt *goja.Runtime, _ *goja.Object) { panic(fsOffError(rt)) } // see installRequire
		loadPromises = loadFS
	}
	h.registerNative("fs", loadFS)
	h.registerNative("node:fs", sameModule("fs"))
	h.registerNative("fs/promises", loadPromises)
	h.registerNative("node:fs/promises", sameModule("fs/promises"))
	h.registerNative("process", func(rt *goja.Runtime, module *goja.Object) {
		p, ok := rt.GlobalObject().GetSymbol(processKey).(*goja.Object)
		if !ok { // require implies every global, process included
			panic(rt.NewTypeError("require(\"process\"): this runtime has no process"))
		}
		_ = module.Set("exports", p)
	})
	h.registerNative("node:process", sameModule("process"))
	h.registerNative("threads", func(rt *goja.Runtime, module *goja.Object) {
		_ = module.Set("exports", rt.Get("threads")) // require implies every global, threads included
	})
}

// registerNative registers one of the host's own modules, whose name no
// WithModule may take.
func (h *Host) registerNative(name string, load require.ModuleLoader) {
	if h.native == nil {
		h.native = map[string]bool{}
	}
	h.native[name] = true
	h.registry.RegisterNativeModule(name, load)
}

// envVar is one entry of process.env.
type envVar struct{ name, value string }

// environ reads process.env's entries once for a host: every runtime sees
// the same environment, no thread pays for os.Environ, and neither a later
// os.Setenv nor a change to the caller's map races with threads reading
// it. The entries of a map are sorted, so that every runtime lists them in
// one order.
func environ(env map[string]string) []envVar {
	if env == nil {
		vars := os.Environ()
		out := make([]envVar, 0, len(vars))
		for _, kv := range vars {
			if k, v, ok := strings.Cut(kv, "="); ok {
				out = append(out, envVar{k, v})
			}
		}
		return out
	}
	out := make([]envVar, 0, len(env))
	for k, v := range env {
		out = append(out, envVar{k, v})
	}
	slices.SortFunc(out, func(a, b envVar) int { return strings.Compare(a.name, b.name) })
	return out
}

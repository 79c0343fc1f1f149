// Package node gives jsrun's runtimes the part of Node that does not
// depend on the host: the built-in modules path (posix), events, os, url,
// buffer, assert (and assert/strict), crypto and timers/promises, each
// also under its node: name, and the globals TextEncoder, TextDecoder,
// atob, btoa, performance, AbortController, AbortSignal, Event,
// EventTarget, DOMException, URL, URLSearchParams, Buffer and crypto.
// fs, process, console, util and fetch are elsewhere.
//
// Entry points, for the host:
//
//   - Modules(cfg) gives each module's goja_nodejs require loader by name
//     (node: names included); Register(registry, cfg) registers them all.
//   - Globals(cfg) gives each global's installer by name. A runtime
//     installs a global only when its code names it: nothing here runs
//     when a runtime is made, and a module or global is built in a
//     runtime on its first use (then kept on that runtime).
//
// A module that is also a global is one object in a runtime:
// require('buffer').Buffer === Buffer, require('url').URL === URL,
// require('crypto').webcrypto === crypto. AbortController and its
// classes live in internal/abort so that threads can use signals too.
//
// Each module is a package under node/ (one job each; the classes are
// JavaScript compiled once per process, the heavy work Go), checked
// against Node's own output: each package's testdata holds a script and
// the .expected file Node printed for it (scripts/node-expected.sh
// regenerates them).
package node

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/node/assert"
	"github.com/jsrun/jsrun/node/buffer"
	"github.com/jsrun/jsrun/node/crypto"
	"github.com/jsrun/jsrun/node/events"
	"github.com/jsrun/jsrun/node/os"
	"github.com/jsrun/jsrun/node/path"
	"github.com/jsrun/jsrun/node/timers"
	"github.com/jsrun/jsrun/node/url"
	"github.com/jsrun/jsrun/node/webapi"
)

// Inspector gives util.inspect for a runtime: a function (value,
// options) returning a string. The modules use it for the values in
// their messages (assert's above all).
type Inspector = jsmod.Inspector

// Config is what the modules need from the host.
type Config struct {
	// Loop gives a runtime's event loop: timers/promises,
	// AbortSignal.timeout, crypto's callbacks and the exceptions of
	// event listeners run on it. Required.
	Loop func(*goja.Runtime) *eventloop.Loop
	// Inspect gives util.inspect; nil: a small stand-in
	// (jsmod.PlaceholderInspect).
	Inspect Inspector
	// Cwd is the working directory of path.resolve and
	// url.pathToFileURL; nil: os.Getwd.
	Cwd func() string
	// Warn prints a process warning (MaxListenersExceededWarning); nil:
	// the process's stderr.
	Warn func(rt *goja.Runtime, name, message string)
}

// ModuleNames lists the modules Modules gives, without their node: names.
var ModuleNames = []string{"path", "events", "os", "url", "buffer", "assert", "assert/strict", "crypto", "timers/promises"}

// GlobalNames lists the globals Globals gives.
var GlobalNames = []string{
	"TextEncoder", "TextDecoder", "atob", "btoa", "performance",
	"AbortController", "AbortSignal", "Event", "EventTarget", "DOMException",
	"URL", "URLSearchParams", "Buffer", "crypto",
}

// Modules gives the loader of each module, under its name and its node:
// name (which loads the same module object, as in Node).
func Modules(cfg Config) map[string]require.ModuleLoader {
	base := map[string]require.ModuleLoader{
		"path":            path.Loader(cfg.Cwd, cfg.Inspect),
		"events":          events.Loader(cfg.Loop, cfg.Warn, cfg.Inspect),
		"os":              os.Loader,
		"url":             url.Loader(cfg.Cwd, cfg.Inspect),
		"buffer":          buffer.Loader(cfg.Inspect),
		"assert":          assert.Loader(cfg.Inspect),
		"assert/strict":   assert.StrictLoader(cfg.Inspect),
		"crypto":          crypto.Loader(cfg.Loop, cfg.Inspect),
		"timers/promises": timers.Promises(cfg.Loop, cfg.Inspect),
	}
	out := make(map[string]require.ModuleLoader, 2*len(base))
	for name, load := range base {
		out[name] = load
		out["node:"+name] = alias(name)
	}
	return out
}

// alias loads the module called name: the one module object, not a copy.
func alias(name string) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		_ = module.Set("exports", require.Require(rt, name))
	}
}

// Register registers every module of Modules with reg.
func Register(reg *require.Registry, cfg Config) {
	for name, load := range Modules(cfg) {
		reg.RegisterNativeModule(name, load)
	}
}

// Globals gives the installer of each global of GlobalNames. An installer
// sets its own global only (AbortController does not set AbortSignal).
func Globals(cfg Config) map[string]func(*goja.Runtime) error {
	out := webapi.Installers(cfg.Loop, cfg.Inspect)
	for _, name := range abort.Classes {
		out[name] = func(rt *goja.Runtime) error {
			a, err := abort.For(rt, cfg.Loop(rt))
			if err != nil {
				return err
			}
			return a.Install(name)
		}
	}
	for name, install := range url.Installers(cfg.Cwd, cfg.Inspect) {
		out[name] = install
	}
	out["Buffer"] = buffer.Install(cfg.Inspect)
	out["crypto"] = crypto.Install(cfg.Loop, cfg.Inspect)
	return out
}

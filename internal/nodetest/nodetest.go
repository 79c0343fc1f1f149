// Package nodetest runs the Node-oracle tests of jsrun's Node modules: a
// script under testdata runs in a goja runtime with the modules under test
// (require registry, event loop, the timer globals and a console.log that
// prints its arguments as strings), and what it prints must equal, byte
// for byte, the .expected file that Node printed for the same script
// (scripts/node-expected regenerates those files).
package nodetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Env is what a test script's runtime gets.
type Env struct {
	// Modules are registered under their names (give "node:" names
	// too).
	Modules map[string]require.ModuleLoader
	// Globals are installed before the script runs.
	Globals map[string]func(rt *goja.Runtime) error
}

var loops sync.Map // *goja.Runtime -> *eventloop.Loop, while a script runs

// LoopOf is the event loop of a runtime Env.Run made, for the modules
// that need one.
func LoopOf(rt *goja.Runtime) *eventloop.Loop {
	l, _ := loops.Load(rt)
	loop, _ := l.(*eventloop.Loop)
	return loop
}

// Run runs file in a fresh runtime and returns what it printed, and the
// error it ended with.
func (e Env) Run(file string) (string, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	return e.run(filepath.Base(file), string(src))
}

func (e Env) run(name, src string) (string, error) {
	rt := goja.New()
	loop := eventloop.New(rt)
	loops.Store(rt, loop)
	defer loops.Delete(rt)
	loop.InstallGlobals(nil)
	reg := require.NewRegistry()
	for name, load := range e.Modules {
		reg.RegisterNativeModule(name, load)
	}
	reg.Enable(rt)
	var out strings.Builder
	console := rt.NewObject()
	_ = console.Set("log", jsutil.Func(rt, "log", func(c goja.FunctionCall) goja.Value {
		parts := make([]string, len(c.Arguments))
		for i, a := range c.Arguments {
			parts[i] = a.String()
		}
		out.WriteString(strings.Join(parts, " ") + "\n")
		return goja.Undefined()
	}))
	_ = rt.Set("console", console)
	for name, install := range e.Globals {
		if err := install(rt); err != nil {
			return "", fmt.Errorf("installing %s: %w", name, err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := loop.Run(ctx, func() error {
		_, err := rt.RunScript(name, src)
		return err
	})
	return out.String(), err
}

// Check runs testdata/name.js and compares its output with
// testdata/name.expected.
func (e Env) Check(t *testing.T, name string) {
	t.Helper()
	got, err := e.Run(filepath.Join("testdata", name+".js"))
	if err != nil {
		t.Fatalf("%s.js failed: %v\noutput so far:\n%s", name, err, got)
	}
	want, err := os.ReadFile(filepath.Join("testdata", name+".expected"))
	if err != nil {
		t.Fatal(err)
	}
	Compare(t, got, string(want))
}

// Compare fails t at the first line where got and want differ.
func Compare(t *testing.T, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			t.Fatalf("output differs from Node's at line %d:\n got: %q\nwant: %q\n(%d lines, want %d)", i+1, gl, wl, len(g), len(w))
		}
	}
}

// RunString runs src as the script file name (not read: the name is for
// stacks) in a fresh runtime, as Run does.
func (e Env) RunString(name, src string) (string, error) {
	return e.run(name, src)
}

// Module registers load under name, and under "node:"+name as the same
// module (one exports object, as in Node).
func Module(name string, load require.ModuleLoader) map[string]require.ModuleLoader {
	return map[string]require.ModuleLoader{
		name: load,
		"node:" + name: func(rt *goja.Runtime, module *goja.Object) {
			_ = module.Set("exports", require.Require(rt, name))
		},
	}
}

// AbortGlobals installs AbortController, AbortSignal and the classes they
// need as globals, as node's installers do; the modules that take signals
// test with it.
func AbortGlobals(rt *goja.Runtime) error {
	a, err := abort.For(rt, LoopOf(rt))
	if err != nil {
		return err
	}
	for _, name := range abort.Classes {
		if err := a.Install(name); err != nil {
			return err
		}
	}
	return nil
}

package engine

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/engine/analysis"
	"github.com/jsrun/jsrun/internal/rewrite"
)

// funcEntry is what the env knows of one function source: its analysis,
// its compiled program, or why it cannot be carried. Computed once per
// analysis of the text (see funcEntry).
type funcEntry struct {
	info   *analysis.Func
	script *analysis.Script // the script of info.Site, or nil
	prog   *goja.Program
	needs  []string // on-demand globals the function names
	err    error
}

// funcPayload is a function in a snapshot: its entry, shared by all.
type funcPayload struct{ entry *funcEntry }

// funcEntry returns the entry of a function source met in an evaluation
// of main. It hangs off the index's analysis of the text, so that it is
// made again when the index analyses the text again (a module that holds
// it was added) and is dropped with main's cache, which is bounded: a
// script that makes endless distinct functions does not keep them all.
func (e *Env) funcEntry(main *Script, src string) *funcEntry {
	info, err := e.index.Lookup(main.an, src)
	if err != nil {
		return &funcEntry{err: err}
	}
	return e.entryOf(main, info)
}

// funcEntryAt is funcEntry for a function that carries its site in main
// (see rewrite.Sites), or nil when main holds no literal of src there.
func (e *Env) funcEntryAt(main *Script, src string, site int) *funcEntry {
	info, err := e.index.LookupAt(main.an, src, site)
	if err != nil {
		return &funcEntry{err: err}
	}
	if info == nil {
		return nil
	}
	return e.entryOf(main, info)
}

// entryOf makes the entry of info once. Its program tags the literals
// main tags, at their sites in main, so that a function the thread makes
// from one is told apart as in main.
func (e *Env) entryOf(main *Script, info *analysis.Func) *funcEntry {
	return info.Derive(func(info *analysis.Func) any {
		fe := &funcEntry{info: info}
		if s := info.Site; s != nil {
			fe.script = s.Script()
		}
		var tag rewrite.Tagger
		if sites := info.TaggedIn(main.an); sites != nil {
			tag = func(start file.Idx) (int, bool) { return sites(int(start) - 1) }
		}
		name, text := info.Program()
		if fe.script != nil && fe.script.MapComment != "" {
			// Its stacks name the original file, as in the caller.
			text += "\n" + fe.script.MapComment
		}
		fe.prog, fe.err = rewrite.CompileTagged(name, text, info.Strict, tag)
		fe.needs = e.globalsNeeded(info.Free)
		return fe
	}).(*funcEntry)
}

// codec carries functions as source and threads objects by reference, for
// one runtime. Its state is touched only on that runtime's goroutine.
type codec struct {
	lib *library
	// free collects the free names of the functions snapshotted since the
	// last reset, so that the top-level bindings they use travel too.
	free []freeName
}

// freeName is a free name of a carried function, with the script that
// tells how to resolve it.
type freeName struct {
	name   string
	script *analysis.Script
}

var (
	_ clone.Codec     = (*codec)(nil)
	_ clone.RefFinder = (*codec)(nil)
	// nativeSuffix ends the source text goja gives native and bound functions.
	nativeSuffix = "{ [native code] }"
)

// SnapshotFunction refuses what cannot be carried (native and bound
// functions, closures over locals) and records the free names of the rest.
func (c *codec) SnapshotFunction(rt *goja.Runtime, fn *goja.Object, path string) (any, error) {
	srcVal, err := c.lib.sourceOf(fn)
	if err != nil {
		return nil, err
	}
	src := srcVal.String()
	name := functionName(fn)
	if strings.HasSuffix(src, nativeSuffix) {
		return nil, &clone.DataCloneError{Path: path, Reason: fmt.Sprintf(
			"function %s is native or bound and cannot be carried into a thread; pass data and call it there", name)}
	}
	g := c.lib.r.group
	fe := g.env.funcEntry(g.script, src)
	if fe.info != nil && fe.info.Ambiguity != nil {
		// Written at places that mean different things: the value may
		// say which one it was made at.
		if site, ok := c.lib.r.sites.Of(fn); ok {
			if at := g.env.funcEntryAt(g.script, src, site); at != nil {
				fe = at
			}
		}
	}
	if fe.err != nil {
		return nil, &clone.DataCloneError{Path: path, Reason: fmt.Sprintf("function %s cannot be carried into a thread: %v", name, fe.err)}
	}
	if a := fe.info.Ambiguity; a != nil {
		return nil, &clone.DataCloneError{Path: path, Reason: fmt.Sprintf("function %s cannot be carried into a thread: %v", name, a)}
	}
	for _, cap := range fe.info.Captured {
		if cap.ModuleTop && fe.script != nil {
			if b := fe.script.Bindings[cap.Name]; b != nil && b.Require != nil {
				continue // a module's require() binding is required again in the thread
			}
			if fe.script.ESModule && g.env.cfg.Import != nil && g.env.cfg.ModuleBinding != nil {
				continue // an ES module's binding: imported again, or read and cloned
			}
		}
		return nil, &clone.DataCloneError{Path: path, Reason: fmt.Sprintf(
			"function %s uses %q, a local variable of %s; a thread cannot share it: pass it to the function as an argument instead",
			name, cap.Name, describeFunction(cap.Function))}
	}
	for _, n := range fe.info.Free {
		c.free = append(c.free, freeName{name: n, script: fe.script})
	}
	return &funcPayload{entry: fe}, nil
}

func describeFunction(name string) string { return analysis.DescribeOwner(name) }

func functionName(fn *goja.Object) string {
	if n := fn.Get("name"); n != nil && n.String() != "" {
		return n.String()
	}
	return "<anonymous>"
}

// sourceOf is fn's source text, through Function.prototype.toString as
// this runtime first saw it (read on first use: it is not free). A script
// that replaced it before can make a thread compile other text than fn's;
// that text still runs only in the thread's own fresh runtime, so
// isolation holds whatever it says.
func (lib *library) sourceOf(fn *goja.Object) (goja.Value, error) {
	if lib.toSource == nil {
		rt := lib.r.RT
		fnProto := rt.Get("Function").ToObject(rt).Get("prototype").ToObject(rt)
		lib.toSource, _ = goja.AssertFunction(fnProto.Get("toString"))
	}
	return lib.toSource(fn)
}

// RestoreFunction runs the function's cached program in rt.
func (c *codec) RestoreFunction(rt *goja.Runtime, payload any) (goja.Value, error) {
	p, ok := payload.(*funcPayload)
	if !ok {
		return nil, fmt.Errorf("threads: unknown function payload %T", payload)
	}
	if err := c.lib.r.ensure(p.entry.needs); err != nil {
		return nil, err
	}
	return rt.RunProgram(p.entry.prog)
}

// FindRef finds the view behind a ThreadPromise object, which carries no
// mark (see promiseFace).
func (c *codec) FindRef(obj *goja.Object) (any, bool) {
	if obj.ExportType() != promiseFaceType {
		return nil, false
	}
	return obj.Export().(*promiseFace).v, true
}

// RestoreRef makes this runtime's object for a threads object that
// travels by reference.
func (c *codec) RestoreRef(rt *goja.Runtime, ref any) (goja.Value, error) {
	switch r := ref.(type) {
	case *promiseView:
		return c.lib.newPromiseView(r.t, false).obj, nil
	}
	if h, ok := ref.(refHolder); ok {
		return c.lib.wrapRef(h), nil
	}
	return nil, fmt.Errorf("threads: unknown reference %T", ref)
}

// refHolder is a shared Go object (Atomic, Shared, ...) that has a
// JavaScript face in every runtime that holds it.
type refHolder interface {
	// face builds the object for lib's runtime.
	face(lib *library) *goja.Object
}

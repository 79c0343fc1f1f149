package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/jsrun/jsrun/internal/engine/analysis"
	"github.com/jsrun/jsrun/internal/nesting"
	"github.com/jsrun/jsrun/internal/rewrite"
)

// Script is a main script ready to run: its program, compiled through the
// rewrite (internal/rewrite), and the analysis that lets threads.run carry
// the functions written in it. One Script is shared by every evaluation
// that runs its source, and by every runtime of theirs; the analysis of
// the function texts they meet is cached in it, so it goes with the
// Script. It is safe for concurrent use.
type Script struct {
	name string
	prog *goja.Program
	an   *analysis.Script
}

// Name is the name the script was compiled under, as stack traces show it.
func (s *Script) Name() string { return s.name }

// maxScripts is how many scripts an Env keeps compiled for evaluations to
// come. An evaluation holds its own Script, so one dropped from the cache
// while it runs runs on; a source run again after that is compiled again.
const maxScripts = 64

// scriptKey is a script's place in the cache: its name and its source, so
// that a file changed since is compiled again and sources run at once
// under one name (Eval's) each keep their own.
type scriptKey struct{ name, src string }

// scripts is an Env's cache of compiled scripts: the least recently used
// beyond maxScripts are dropped.
type scripts struct {
	mu     sync.Mutex
	m      map[scriptKey]*cachedScript
	uses   uint64 // counts lookups, to find the least recently used
	closed bool   // the Env is closed: nothing more is kept
}

type cachedScript struct {
	s    *Script
	used uint64
}

func (c *scripts) get(k scriptKey) *Script {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.m[k]
	if e == nil {
		return nil
	}
	c.uses++
	e.used = c.uses
	return e.s
}

// put keeps s under k, unless another compile of the same source got
// there first: then that one is returned, so that every evaluation of a
// source shares one Script and its cache.
func (c *scripts) put(k scriptKey, s *Script) *Script {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.uses++
	if e := c.m[k]; e != nil {
		e.used = c.uses
		return e.s
	}
	if c.closed {
		return s
	}
	if c.m == nil {
		c.m = map[scriptKey]*cachedScript{}
	}
	c.m[k] = &cachedScript{s: s, used: c.uses}
	for len(c.m) > maxScripts {
		var oldest scriptKey
		var at uint64
		for k, e := range c.m {
			if at == 0 || e.used < at {
				oldest, at = k, e.used
			}
		}
		delete(c.m, oldest)
	}
	return s
}

// close drops every kept script, and keeps no more.
func (c *scripts) close() {
	c.mu.Lock()
	c.m, c.closed = nil, true
	c.mu.Unlock()
}

// ErrStopped is wrapped by the error of Env.Script when its context ended
// while the script was compiling.
var ErrStopped = errors.New("stopped while compiling")

// Script returns the compiled script of src under name: kept from an
// earlier call, or compiled now. A syntax error is returned as goja
// reports it (a parser.ErrorList, or a *goja.CompilerSyntaxError).
//
// The compile is bounded by ctx. goja folds constant expressions as it
// compiles (3n ** 30000000n is computed then, for seconds), and nothing
// can interrupt that: a compile still running AbandonAfter after ctx
// ended is left to finish on its own goroutine, counted as abandoned, and
// keeps its Script for the next call with the same source; the error then
// wraps ErrStopped and ctx's cause. A kept Script needs no goroutine.
func (e *Env) Script(ctx context.Context, name, src string) (*Script, error) {
	return e.script(ctx, scriptKey{name, src}, nil)
}

// script is Script for the key k; m is an ES module's information (see
// ModuleScript), nil for a script.
func (e *Env) script(ctx context.Context, k scriptKey, m *ModuleInfo) (*Script, error) {
	if s := e.scripts.get(k); s != nil {
		return s, nil
	}
	if ctx.Done() == nil {
		return e.compile(k, m)
	}
	type compiled struct {
		s   *Script
		err error
	}
	var (
		mu        sync.Mutex
		abandoned bool
		returned  func()
	)
	done := make(chan compiled, 1)
	go func() {
		s, err := e.compile(k, m)
		mu.Lock()
		defer mu.Unlock()
		if abandoned {
			returned()
			return
		}
		done <- compiled{s, err}
	}()
	select {
	case c := <-done:
		return c.s, c.err
	case <-ctx.Done():
	}
	grace := time.NewTimer(AbandonAfter)
	defer grace.Stop()
	select {
	case c := <-done:
		return c.s, c.err
	case <-grace.C:
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case c := <-done: // it ended just now
		return c.s, c.err
	default:
	}
	abandoned = true
	returned = e.Abandon()
	return nil, fmt.Errorf("jsrun: %w: %w", ErrStopped, context.Cause(ctx))
}

// compile parses src once, for the analysis and for the compiler, and
// keeps the Script it makes. A source map comment may name any file: it
// is read through the Config's ReadSourceMap, or not at all.
func (e *Env) compile(k scriptKey, m *ModuleInfo) (*Script, error) {
	opt := parser.WithDisableSourceMaps
	if e.cfg.ReadSourceMap != nil {
		opt = parser.WithSourceMapLoader(e.cfg.ReadSourceMap)
	}
	name, src := k.name, k.src
	if err := nesting.Check(src); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err) // goja's parser would end the process
	}
	if m != nil {
		name = m.name
		var err error
		if src, err = m.withScope(name, src); err != nil {
			return nil, err
		}
	}
	prg, err := parser.ParseFile(nil, name, src, 0, opt) // goja.Parse would hide the position in a message
	if err != nil {
		return nil, err
	}
	var an *analysis.Script // before the rewrite changes prg
	if m != nil {
		var imports map[string]string
		if m.Imports != nil {
			imports = m.Imports(k.src)
		}
		an, err = analysis.ESModuleOf(name, src, prg, imports)
	} else {
		an, err = analysis.ScriptOf(name, src, prg)
	}
	if err != nil {
		return nil, err
	}
	if m != nil {
		an.Original = m.Original
		e.index.Add(an) // its functions can be carried from any evaluation
	}
	// Guard BigInt operators and spread arguments, and make the functions
	// of texts written here with different meanings carry their site.
	rewrite.ProgramTagged(prg, func(start file.Idx) (int, bool) {
		site := int(start) - 1 // the program's Idx 1 is byte 0
		return site, an.Tagged(site)
	})
	prog, err := goja.CompileAST(prg, false)
	if err != nil {
		return nil, err
	}
	return e.scripts.put(k, &Script{name: name, prog: prog, an: an}), nil
}

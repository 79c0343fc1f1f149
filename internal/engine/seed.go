package engine

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/engine/analysis"
)

// seed is what a new thread is made from: immutable, built in the caller.
type seed struct {
	// first holds fn, then the nargs arguments, then the globals named in
	// names[0]; later passes hold only globals (found in functions inside
	// carried values), named in names[i].
	passes   []*clone.Snapshot
	names    [][]string
	nargs    int
	requires []requireBinding
}

// requireBinding is a top-level binding initialised by require("literal"):
// the thread requires the same module again instead of cloning it.
type requireBinding struct {
	name      string
	specifier string // resolved against the requiring file when relative
	path      []string
	// importer is set for an ES module's import binding: the thread
	// imports specifier from that module (Config.Import).
	importer string
}

// prepare snapshots fn, args and every top-level binding they need.
// fnName labels fn in error paths ("fn" for threads.run, "workerFn" for Pool).
func (lib *library) prepare(fn *goja.Object, fnName string, args []goja.Value) (*seed, error) {
	c := lib.codec
	c.free = c.free[:0]
	s := &seed{nargs: len(args)}
	roots := make([]goja.Value, 0, 1+len(args))
	roots = append(roots, fn)
	roots = append(roots, args...)
	var names []string // the globals of this pass: none in the first
	var seen map[string]bool
	for {
		snap, err := clone.SnapshotValues(lib.r.RT, roots, rootLabels(fnName, len(args), names), lib.opts)
		if err != nil {
			return nil, err
		}
		s.passes = append(s.passes, lib.r.group.env.stats.cloned(snap))
		s.names = append(s.names, names)
		// The free names of the functions just carried, transitively
		// through the top-level functions they name, are the next pass.
		names, roots = lib.resolveFree(&seen, s)
		if len(names) == 0 {
			return s, nil
		}
	}
}

// rootLabels names the roots of one pass in error paths. The snapshot
// keeps it (a restore error names its path too), so it captures only
// values that do not change.
func rootLabels(fnName string, nargs int, globals []string) func(i int) string {
	if globals != nil {
		return func(i int) string { return "global " + globals[i] }
	}
	return func(i int) string {
		if i == 0 {
			return fnName
		}
		if i <= nargs {
			return "args[" + strconv.Itoa(i-1) + "]"
		}
		return "#" + strconv.Itoa(i)
	}
}

// resolveFree turns the free names the codec collected into the values to
// carry, in the order of the contract (README.md): a require() binding of the function's script
// is required again; a top-level binding or an own property of the global
// object is carried; a built-in is the thread's own; anything else stays
// unresolved.
func (lib *library) resolveFree(seenp *map[string]bool, s *seed) ([]string, []goja.Value) {
	c := lib.codec
	var names []string
	var vals []goja.Value
	if len(c.free) > 0 && *seenp == nil {
		*seenp = map[string]bool{}
	}
	seen := *seenp
	for len(c.free) > 0 {
		f := c.free[len(c.free)-1]
		c.free = c.free[:len(c.free)-1]
		if seen[f.name] {
			continue
		}
		seen[f.name] = true
		var b *analysis.Binding
		if f.script != nil {
			b = f.script.Bindings[f.name]
		}
		if b != nil && f.script.ESModule && b.Require == nil {
			if b.Import != "" {
				s.requires = append(s.requires, requireBinding{name: f.name, specifier: b.Import, importer: f.script.Name})
				continue
			}
			if v, ok := lib.r.group.env.cfg.ModuleBinding(lib.r, f.script.Name, f.name); ok {
				names = append(names, f.name)
				vals = append(vals, v)
			}
			continue
		}
		if b != nil && b.Require != nil {
			s.requires = append(s.requires, requireBinding{name: f.name, specifier: resolveSpecifier(f.script.Name, b.Require.Specifier), path: b.Require.Path})
			continue
		}
		if b == nil && lib.r.group.env.builtins[f.name] {
			continue
		}
		v := lib.lookup(f.name)
		if v == nil {
			continue
		}
		names = append(names, f.name)
		vals = append(vals, v)
	}
	return names, vals
}

// lookup reads a global binding (lexical or global object) of this
// runtime, nil when there is none or it is not initialised yet.
func (lib *library) lookup(name string) (v goja.Value) {
	defer func() {
		if recover() != nil {
			v = nil
		}
	}()
	return lib.r.RT.Get(name)
}

// resolveSpecifier makes a relative module specifier absolute against the
// file that requires it, since the thread requires it from Go, not from
// that file. A source with no file (Eval's) keeps it relative: require
// resolves it from the same place as in the main runtime, which only the
// host knows (the working directory, or the host's file system root).
func resolveSpecifier(file, spec string) string {
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
		return spec
	}
	p := filepath.Join(filepath.Dir(file), spec)
	if !filepath.IsAbs(p) {
		return "./" + filepath.ToSlash(p)
	}
	return p
}

// plant rebuilds the seed in the thread's runtime: globals and required
// modules first, then fn and its arguments. once says this is the seed's
// only planting (a thread's, not a Pool's): its buffers are then handed
// over rather than copied (clone.Snapshot.RestoreOnce).
func (s *seed) plant(r *Runtime, once bool) (goja.Callable, []goja.Value, error) {
	rt := r.RT
	global := rt.GlobalObject()
	var fnVal goja.Value
	var args []goja.Value
	for i, snap := range s.passes {
		restore := snap.Restore
		if once {
			restore = snap.RestoreOnce
		}
		vals, err := restore(rt, r.lib.codec)
		if err != nil {
			return nil, nil, err
		}
		if i == 0 {
			fnVal, args = vals[0], vals[1:1+s.nargs]
			vals = vals[1+s.nargs:]
		}
		for j, name := range s.names[i] {
			if err := global.Set(name, vals[j]); err != nil {
				return nil, nil, err
			}
		}
	}
	if len(s.requires) > 0 {
		// A module the thread requires or imports may name any global (as
		// for a function that names require: see catchAll); require's
		// "threads" is the threads global.
		if err := r.ensure(r.group.env.allGlobals()); err != nil {
			return nil, nil, err
		}
	}
	for _, rb := range s.requires {
		var v goja.Value
		var err error
		if rb.importer != "" {
			v, err = r.group.env.cfg.Import(r, rb.specifier, rb.importer)
		} else {
			v, err = requireValue(rt, rb)
		}
		if err != nil {
			return nil, nil, err
		}
		if err := global.Set(rb.name, v); err != nil {
			return nil, nil, err
		}
	}
	fn, ok := goja.AssertFunction(fnVal)
	if !ok {
		return nil, nil, fmt.Errorf("threads: the carried fn is not a function")
	}
	return fn, args, nil
}

func requireValue(rt *goja.Runtime, rb requireBinding) (goja.Value, error) {
	req, ok := goja.AssertFunction(rt.Get("require"))
	if !ok {
		return nil, fmt.Errorf("threads: %s needs require(%q), and this runtime has no require", rb.name, rb.specifier)
	}
	v, err := req(goja.Undefined(), rt.ToValue(rb.specifier))
	if err != nil {
		return nil, err
	}
	for _, p := range rb.path {
		v = v.ToObject(rt).Get(p)
		if v == nil {
			v = goja.Undefined()
		}
	}
	return v, nil
}

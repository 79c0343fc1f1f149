package rewrite

import (
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/nesting"
)

// goja_nodejs's require compiles a module from the text its source loader
// returns, wrapped in this function (see its getCompiledSource); the
// rewrite parses the same text so that positions are the same.
const (
	moduleOpen  = "(function(exports,require,module,__filename,__dirname){"
	moduleClose = "\n})"
	nameModule  = prefix + "module"
)

// Modules carries the rewrite into modules loaded by goja_nodejs's
// require, which compiles them itself, from text. Its Loader hands
// require, for a module with something to rewrite, a one-line stub in
// place of the module's text; the stub calls a helper that runs the
// module's rewritten program, compiled from the real text under the real
// name, in its place. The module's functions are the rewritten program's,
// so their positions and their source text (toString) are the real ones;
// only a stack that passes through the module's top level shows two more
// frames (the helper and the stub, at line 1). A module with nothing to
// rewrite, or whose text does not parse (require then reports goja's own
// error), is handed on as it is.
//
// One Modules serves one require registry and every runtime it is
// enabled in; it keeps the programs it compiled for the registry's life.
type Modules struct {
	mu    sync.Mutex
	progs []*goja.Program // by stub number
	ids   map[string]int  // path and text -> stub number
}

// NewModules makes an empty Modules.
func NewModules() *Modules { return &Modules{ids: map[string]int{}} }

// Loader wraps a require source loader (require.WithLoader) so that
// modules are rewritten. Source maps are read through load, as require
// reads them.
func (m *Modules) Loader(load require.SourceLoader) require.SourceLoader {
	return func(path string) ([]byte, error) {
		src, err := load(path)
		if err != nil || strings.HasSuffix(path, ".json") {
			return src, err
		}
		// A source map, package.json or a data file does not parse as a
		// module body with something to rewrite: it goes on as it is. The
		// first look ignores source maps, so that a module with nothing to
		// rewrite costs no reading of its map.
		text := moduleOpen + string(src) + moduleClose
		if err := nesting.Check(text); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err) // require would parse it
		}
		prg, perr := goja.Parse(path, text, parser.WithDisableSourceMaps)
		if perr != nil || !Program(prg) {
			return src, nil
		}
		if prg, perr = goja.Parse(path, text, parser.WithSourceMapLoader(load)); perr != nil {
			return src, nil
		}
		Program(prg)
		p, cerr := goja.CompileAST(prg, false)
		if cerr != nil {
			return src, nil // require compiles the text and reports the error itself
		}
		return []byte(m.stub(path, string(src), p)), nil
	}
}

// stub records a module's program and returns the text that runs it.
func (m *Modules) stub(path, src string, p *goja.Program) string {
	key := path + "\x00" + src
	m.mu.Lock()
	id, ok := m.ids[key]
	if !ok {
		id = len(m.progs)
		m.progs = append(m.progs, p)
		m.ids[key] = id
	}
	m.mu.Unlock()
	return fmt.Sprintf("return %s(%d, this, arguments)", nameModule, id)
}

func (m *Modules) program(id int64) *goja.Program {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id < 0 || id >= int64(len(m.progs)) {
		return nil
	}
	return m.progs[id]
}

// Install defines the helper the stubs call in rt. Call it in every
// runtime the registry is enabled in, with the other helpers (Install).
func (m *Modules) Install(rt *goja.Runtime) {
	fn := rt.ToValue(func(c goja.FunctionCall) goja.Value {
		p := m.program(c.Argument(0).ToInteger())
		args, _ := c.Argument(2).(*goja.Object)
		if p == nil || args == nil {
			panic(rt.NewTypeError("%s is jsrun's own and takes no calls from scripts", nameModule))
		}
		// As require does: run the program, which evaluates to the module
		// function, then call it with the stub's this and arguments.
		v, err := rt.RunProgram(p)
		if err != nil {
			panic(err)
		}
		call, ok := goja.AssertFunction(v)
		if !ok {
			panic(rt.NewGoError(require.InvalidModuleError))
		}
		n := args.Get("length").ToInteger()
		list := make([]goja.Value, n)
		for i := range list {
			list[i] = args.Get(fmt.Sprint(i))
		}
		res, err := call(c.Argument(1), list...)
		if err != nil {
			panic(err)
		}
		return res
	}).(*goja.Object)
	_ = fn.DefineDataProperty("name", rt.ToValue(""), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = rt.GlobalObject().DefineDataProperty(nameModule, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
}

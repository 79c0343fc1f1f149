package analysis

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
)

// RequireRef says that a top-level binding was initialised from
// require("Specifier") followed by the property path Path, so a thread can
// obtain it by requiring the module again instead of cloning the value:
//
//	const x = require("m")            // x: {m, []}
//	const x = require("m").a.b        // x: {m, [a b]}
//	const {a} = require("m")          // a: {m, [a]}
//	const {a: {b: y}} = require("m")  // y: {m, [a b]}
type RequireRef struct {
	Specifier string   // the literal in require("...")
	Path      []string // property path from the module's exports to the value
}

// Binding is one top-level binding of a script.
type Binding struct {
	Name string
	Kind Kind
	// Require is set when the binding is declared exactly once, directly in a
	// top-level statement, as require("literal") or a property path or
	// destructuring of it (without defaults, rest or computed keys), and is
	// never assigned to afterwards. Otherwise nil.
	Require *RequireRef
	// Import is, in an ES module (ESModuleOf), the specifier of the import
	// the binding holds the namespace of: a thread imports it again.
	Import string
}

// Script is one parsed file: its top-level bindings and every function,
// class and method literal in it, indexed by exact source text.
type Script struct {
	Name string
	// Bindings holds the top-level bindings: var/let/const (every
	// destructuring form), function and class declarations. var inside
	// top-level blocks and for heads counts; let/const/class/function inside
	// a block do not. For a module these are the wrapper function's locals
	// (its parameters exports, require, module, __filename and __dirname are
	// not listed).
	Bindings map[string]*Binding
	// Module is true for a CommonJS module (ParseModule): its top level is a
	// function scope, so every function using a top-level name is a closure.
	Module bool
	// ESModule is true for an ES module as transform makes one
	// (ESModuleOf): its top-level bindings are the module's, and a thread
	// gets their values (or imports them again) from the host.
	ESModule bool
	// MapComment is the source's inline source map comment, if any: a
	// function carried from the script is compiled with it, so that its
	// stacks name the original file too.
	MapComment string
	// Original, when set, maps a line and column of the source (what goja
	// runs) to the original file's, for the places messages name.
	Original func(line, col int) (origLine, origCol int, ok bool)

	file *file.File          // the source, for line/column of a byte offset
	lits map[string]*literal // literal text -> first occurrence in file order
	// more holds every occurrence, in file order, of the texts written
	// more than once: a function value gives only its text, so each of
	// them may be the one (see Func.Ambiguity).
	more map[string][]*literal
	// evals says the script names the global eval: code it evaluates
	// makes functions whose text is written in no script, and they may
	// close over the locals where eval was called.
	evals bool
	// tags holds the offsets of the literals whose function values must
	// carry their site (see Tagged).
	tags map[int]bool
	// funcs caches Lookup's results for evaluations of this script as
	// their main script, sited LookupAt's: they go when the script goes.
	funcs atomic.Pointer[funcCache]
	sited sync.Map // siteKey -> *Func
}

// ParseScript parses src as a classic script (sloppy unless it starts with a
// "use strict" directive). A syntax error is returned as goja's parser error
// (parser.ErrorList, "file: Line l:c message").
func ParseScript(name, src string) (*Script, error) {
	prg, err := parser.ParseFile(nil, name, src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, err
	}
	return ScriptOf(name, src, prg)
}

// ScriptOf is ParseScript for a script the caller has parsed (prg is
// goja's parse of src as a classic script), so that one parse serves both
// the analysis and the compiler. It must run before anything changes prg.
func ScriptOf(name, src string, prg *ast.Program) (*Script, error) {
	top := newScope(nil, globalScope, "script "+name)
	return analyse(name, src, false, top, prg.Body, 1)
}

// The module wrapper ends with a newline so that the module's own text keeps
// its columns on its first line; only the line numbers shift, by one.
const (
	modulePrefix = "(function(exports, require, module, __filename, __dirname) {\n"
	moduleSuffix = "\n})"
)

// ParseModule parses src as a CommonJS module file: like ParseScript, but its
// top level is the scope of the module wrapper function
// function(exports, require, module, __filename, __dirname), so `return` is
// allowed there and its names are locals. Positions (in errors and Sites)
// are those of src itself.
func ParseModule(name, src string) (*Script, error) {
	prg, err := parser.ParseFile(nil, name, modulePrefix+src+moduleSuffix, 0, parser.WithDisableSourceMaps)
	if err != nil {
		if list, ok := err.(parser.ErrorList); ok {
			for _, e := range list {
				if e.Position.Line > 1 {
					e.Position.Line--
				}
			}
		}
		return nil, err
	}
	fl := moduleFunction(prg)
	if fl == nil {
		return nil, fmt.Errorf("%s: the module's source closes its wrapper function", name)
	}
	owner := "module " + name
	params := newScope(newScope(nil, globalScope, ""), functionScope, owner)
	for _, p := range [...]string{"exports", "require", "module", "__filename", "__dirname", "arguments"} {
		params.declare(p, Var)
	}
	top := newScope(params, functionScope, owner)
	top.moduleTop = true
	return analyse(name, src, true, top, fl.Body.List, file.Idx(1+len(modulePrefix)))
}

// moduleFunction returns the wrapper function of a parsed module, or nil if
// the module's text closed it early (`}); (function() {`).
func moduleFunction(prg *ast.Program) *ast.FunctionLiteral {
	if len(prg.Body) != 1 {
		return nil
	}
	if es, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
		if fl, ok := es.Expression.(*ast.FunctionLiteral); ok {
			return fl
		}
	}
	return nil
}

// analyse walks the top-level statements body (whose byte 0 of src is at
// Idx base) with top as the top-level scope.
func analyse(name, src string, module bool, top *scope, body []ast.Statement, base file.Idx) (*Script, error) {
	s := &Script{
		Name:     name,
		Bindings: make(map[string]*Binding),
		Module:   module,
		file:     file.NewFile(name, src, 1),
		lits:     make(map[string]*literal),
	}
	s.funcs.Store(new(funcCache))
	declareBody(top, body)
	reassigned := make(map[string]bool)
	w := &walker{scope: top, strict: hasUseStrict(body), base: base}
	w.onLiteral = func(l *literal) {
		old, seen := s.lits[l.source]
		if !seen || l.start < old.start {
			s.lits[l.source] = l
		}
		if seen && l.start != old.start {
			s.another(old, l)
		}
	}
	w.onRef = func(name string) {
		if name == "eval" && !s.evals && w.scope.lookup(name) == nil {
			s.evals = true
		}
	}
	w.onAssign = func(name string) {
		if w.scope.lookup(name) == top {
			reassigned[name] = true
		}
	}
	w.stmts(body)
	if w.err != nil {
		return nil, w.err
	}
	for _, ls := range s.more {
		slices.SortFunc(ls, func(a, b *literal) int { return a.start - b.start })
	}
	s.findTags()
	for n, k := range top.names {
		s.Bindings[n] = &Binding{Name: n, Kind: k}
	}
	if _, shadowed := top.names["require"]; !shadowed {
		for n, r := range topLevelRequires(body) {
			if b := s.Bindings[n]; b != nil && !reassigned[n] {
				b.Require = r
			}
		}
	}
	return s, nil
}

// another records l, a second or later occurrence of the text of first.
func (s *Script) another(first, l *literal) {
	if s.more == nil {
		s.more = make(map[string][]*literal)
	}
	ls := s.more[l.source]
	if ls == nil {
		ls = []*literal{first}
	}
	if slices.ContainsFunc(ls, func(m *literal) bool { return m.start == l.start }) {
		return
	}
	s.more[l.source] = append(ls, l)
}

// where names the place of a byte offset of the script's source for a
// message: file:line:col in the original file when the source maps to
// one.
func (s *Script) where(offset int) string {
	line, col := s.position(offset)
	if s.Original != nil {
		if l, c, ok := s.Original(line, col); ok {
			line, col = l, c
		}
	}
	return fmt.Sprintf("%s:%d:%d", s.Name, line, col)
}

// position returns the line and column (1-based, columns in bytes, as goja
// reports them) of a byte offset of the script's source.
func (s *Script) position(offset int) (line, col int) {
	p := s.file.Position(offset)
	return p.Line, p.Column
}

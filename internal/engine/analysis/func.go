package analysis

import "sync"

// Site is where a function text was written: the file and the position of
// its first byte (1-based line and column as goja's file.Position reports
// them, columns counted in bytes; Offset is the 0-based byte offset).
type Site struct {
	File         string
	Line, Column int
	Offset       int
	script       *Script
}

// Script is the script the function was found in.
func (s *Site) Script() *Script { return s.script }

// Capture is a free name of a function that, where the function was
// written, is bound by an enclosing non-global scope: the function is a
// closure over it and cannot run in another runtime.
type Capture struct {
	Name string
	// Function names the function that binds Name: its name (declared, or
	// inferred as JavaScript does from `const f = () => ...`, a property key
	// or a method name), "<anonymous>", "module <file>" for a module's top
	// level, or "script <file>" for a block at script top level.
	Function string
	// ModuleTop says Name is a top-level binding of a module (Function is
	// then "module <file>"): told by the scope, never by the name, which a
	// property key can imitate.
	ModuleTop bool
}

// Func is the analysis of one function text. It is shared by every caller of
// Index.Func for that text and must not be modified.
type Func struct {
	// Source is the function text, as goja's Function.prototype.toString
	// returns it.
	Source string
	// Free lists the names the function uses but does not bind itself
	// (parameters, locals, catch parameters, its own name as a named
	// function/class expression or declaration, arguments in non-arrow
	// functions), without duplicates, in order of first occurrence. Names
	// in computed method keys of a method text count: evaluating the text
	// evaluates them.
	Free []string
	// Captured lists the free names bound by an enclosing non-global scope
	// at Site (closures), in the order of Free. Empty when Site is nil.
	Captured []Capture
	// Site is the first place whose function text equals Source exactly
	// (in file order, the main script first, then the shared scripts in
	// the order they were added); nil if there is none.
	Site *Site
	// Ambiguity is set when Source is written at more than one place, in
	// Site's script or in scripts of other names, and they do not all mean
	// the same while at least one of them could be carried: the function
	// cannot be told from its text, and must be refused. Nil otherwise.
	Ambiguity *Ambiguity
	// Strict reports whether the text is strict code at Site (file or
	// enclosing "use strict", class body, or its own directive); without a
	// Site, whether it is strict on its own (directive, class, or a method
	// that needs a class body).
	Strict bool

	form    form
	private []string // #names Program declares when it wraps a method in a class
	full    string   // Source, or its complete form when toString cut it short

	ownPrivate string // a method's own #key, extracted through an instance
	accessor   bool   // getter or setter

	// derived is what the Index's user makes of f (see Derive). Kept in
	// f, it goes wherever f goes: recomputed with f when a script is
	// replaced, dropped with the cache past its limit.
	deriveOnce sync.Once
	derived    any
}

// Derive returns make(f), calling make once for f however many goroutines
// ask at once (threads keeps the compiled program of a function here).
func (f *Func) Derive(make func(*Func) any) any {
	f.deriveOnce.Do(func() { f.derived = make(f) })
	return f.derived
}

// newFunc combines what a text says on its own with where it was first
// written among scripts.
func newFunc(src string, pt *parsedText, scripts []*Script) *Func {
	f := newFuncOf(src, pt)
	for _, s := range scripts {
		if lit := s.lits[src]; lit != nil {
			f.place(s, lit)
			f.Ambiguity = ambiguity(src, f.Free, s, scripts)
			break
		}
	}
	if f.Site == nil {
		f.Ambiguity = unwritten(src, f.Free, scripts)
	}
	f.settle()
	return f
}

// newFuncOf is what a text says on its own.
func newFuncOf(src string, pt *parsedText) *Func {
	return &Func{Source: src, Free: pt.free, Strict: pt.strict, form: pt.form, private: pt.private, full: pt.full,
		ownPrivate: pt.ownPrivate, accessor: pt.accessor}
}

// place makes f the function written at lit in s.
func (f *Func) place(s *Script, lit *literal) {
	line, col := s.position(lit.start)
	f.Site = &Site{File: s.Name, Line: line, Column: col, Offset: lit.start, script: s}
	f.Strict = lit.strict
	f.form = lit.form
	for _, name := range f.Free {
		if b := lit.scope.lookup(name); b != nil && b.kind != globalScope {
			f.Captured = append(f.Captured, Capture{Name: name, Function: b.owner, ModuleTop: b.moduleTop})
		}
	}
}

// settle fixes the form and strictness a method's program needs.
func (f *Func) settle() {
	// Private names only compile inside a class body that declares them.
	if (len(f.private) > 0 || f.ownPrivate != "") && f.form == formObjectMethod {
		f.form = formClassMethod
	}
	if f.form == formClassMethod {
		f.Strict = true
	}
}

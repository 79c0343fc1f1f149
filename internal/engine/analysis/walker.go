package analysis

import (
	"fmt"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
)

// form is the syntactic shape of a function literal's text, which decides how
// Program turns the text back into an expression.
type form uint8

const (
	formExpr         form = iota // function, arrow or class: "(" + text + ")" is an expression
	formObjectMethod             // method, getter or setter of an object literal
	formClassMethod              // method, getter or setter of a class body
)

// literal is one function, arrow, class or method literal met by the walker.
type literal struct {
	source string
	start  int // byte offset of source in the walked text
	form   form
	scope  *scope // scope the literal is evaluated in (its free names resolve from here)
	strict bool   // the literal's own code is strict
}

// walker visits every node of a goja AST in source order, keeping the scope
// chain and strictness current, and reports what its owner asked for. The
// same walker serves ParseScript (index literals, notice assignments to
// top-level names) and Index.Func (collect free and private names).
type walker struct {
	scope  *scope
	strict bool
	base   file.Idx // Idx of byte 0 of the user's text

	onLiteral func(*literal)    // every function/arrow/class/method literal
	onRef     func(name string) // every identifier reference, w.scope current
	onAssign  func(name string) // every identifier assigned to, w.scope current
	onPrivate func(name string) // every #name referenced (not declared)

	err error // first node type the walker does not know
}

// unknown records a node type this walker was not written for. Analysis must
// not silently miss references (a missed closure would run with a wrong
// value), so the caller turns this into an error.
func (w *walker) unknown(n any) {
	if w.err == nil {
		w.err = fmt.Errorf("analysis: unsupported syntax node %T", n)
	}
}

func (w *walker) push(kind scopeKind, owner string) *scope {
	w.scope = newScope(w.scope, kind, owner)
	return w.scope
}

func (w *walker) pop() { w.scope = w.scope.parent }

func (w *walker) ref(name string) {
	if w.onRef != nil {
		w.onRef(name)
	}
}

func (w *walker) assign(name string) {
	w.ref(name)
	if w.onAssign != nil {
		w.onAssign(name)
	}
}

func (w *walker) private(name string) {
	if w.onPrivate != nil {
		w.onPrivate(name)
	}
}

func (w *walker) literal(source string, start file.Idx, f form, strict bool) {
	if w.onLiteral != nil {
		w.onLiteral(&literal{source: source, start: int(start - w.base), form: f, scope: w.scope, strict: strict})
	}
}

// declareBody binds what a function body (or script, module, static block)
// declares: var names and top-level lexical declarations, in scope s.
func declareBody(s *scope, stmts []ast.Statement) {
	hoistVars(stmts, func(name string) {
		if _, ok := s.names[name]; !ok {
			s.declare(name, Var)
		}
	})
	hoistLexical(stmts, s.declare)
}

// hasUseStrict reports whether a directive prologue contains "use strict"
// (spelled exactly so, without escapes, as the spec requires).
func hasUseStrict(stmts []ast.Statement) bool {
	for _, st := range stmts {
		es, ok := st.(*ast.ExpressionStatement)
		if !ok {
			return false
		}
		s, ok := es.Expression.(*ast.StringLiteral)
		if !ok {
			return false
		}
		if s.Literal == `"use strict"` || s.Literal == `'use strict'` {
			return true
		}
	}
	return false
}

package rewrite

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
	"github.com/jsrun/jsrun/internal/nesting"
)

// The helpers' global names. They start with a prefix no script is
// expected to use (nameHelper here, and the module helper); Install defines them non-enumerable, read-only and
// non-configurable, so a script can neither see them in a for-in over
// globalThis nor replace them.
const (
	prefix     = "__jsrun$"
	nameHelper = prefix
	nameSite   = prefix + "site" // the block-scoped constant of a declaration's tag
)

// helper says what a call of the helper does: its first argument.
type helper int

const (
	helperPow      helper = iota // (a, b) -> a ** b
	helperShl                    // (a, b) -> a << b
	helperSar                    // (a, b) -> a >> b
	helperSpread                 // (xs) -> xs, or an iterable that counts
	helperPrepare                // () -> wraps the async and generator constructors
	helperTag                    // (fn, site) -> fn, which carries site (see Sites)
	helperEvalText               // (x) -> x, a RangeError for a text nested too deep
)

func operandHelper(op token.Token) helper {
	switch op {
	case token.EXPONENT:
		return helperPow
	case token.SHIFT_LEFT:
		return helperShl
	}
	return helperSar
}

// Compile is goja.Compile with the rewrite: it parses src the same way
// (a syntax error is goja's, with its line and column), rewrites the
// guarded operations and spread arguments, and compiles the result. The
// program must run in a runtime Install has prepared.
func Compile(name, src string, strict bool) (*goja.Program, error) {
	return CompileTagged(name, src, strict, nil)
}

// CompileTagged is Compile whose functions made at the literals tag names
// carry their site (see Tagger).
func CompileTagged(name, src string, strict bool, tag Tagger) (*goja.Program, error) {
	if err := nesting.Check(src); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	prg, err := goja.Parse(name, src)
	if err != nil {
		return nil, err
	}
	ProgramTagged(prg, tag)
	return goja.CompileAST(prg, strict)
}

// Program rewrites a parsed program in place and reports whether it
// changed anything. Every node it makes carries the position of the
// expression it replaces, so that stack traces and errors point where
// they did.
//
// A program that makes an async function or a generator starts with a
// call of the prepare helper, after its directives ("use strict"): only
// such a program can reach their constructors, which prepare wraps. (The
// call is a statement: a program whose last value was a directive's now
// completes with undefined.)
func Program(prg *ast.Program) bool { return ProgramTagged(prg, nil) }

// ProgramTagged is Program whose functions made at the literals tag names
// carry their site (see Tagger).
func ProgramTagged(prg *ast.Program, tag Tagger) bool {
	w := &walker{tag: tag}
	prg.Body = w.stmts(prg.Body)
	if w.asyncOrGenerator {
		n := 0
		for n < len(prg.Body) && isDirective(prg.Body[n]) {
			n++
		}
		prepare := &ast.ExpressionStatement{Expression: call(helperPrepare, 0, 0)}
		prg.Body = append(prg.Body[:n:n], append([]ast.Statement{prepare}, prg.Body[n:]...)...)
		w.changed = true
	}
	return w.changed
}

func isDirective(s ast.Statement) bool {
	e, ok := s.(*ast.ExpressionStatement)
	if !ok {
		return false
	}
	_, ok = e.Expression.(*ast.StringLiteral)
	return ok
}

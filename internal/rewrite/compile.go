package rewrite

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// The helpers' global names. They start with a prefix no script is
// expected to use; Install defines them non-enumerable, read-only and
// non-configurable, so a script can neither see them in a for-in over
// globalThis nor replace them.
const (
	prefix     = "__jsrun$"
	namePow    = prefix + "pow"
	nameShl    = prefix + "shl"
	nameSar    = prefix + "sar"
	nameSpread = prefix + "spread"
)

func operandHelper(op token.Token) string {
	switch op {
	case token.EXPONENT:
		return namePow
	case token.SHIFT_LEFT:
		return nameShl
	}
	return nameSar
}

// Compile is goja.Compile with the rewrite: it parses src the same way
// (a syntax error is goja's, with its line and column), rewrites the
// guarded operations and spread arguments, and compiles the result. The
// program must run in a runtime Install has prepared.
func Compile(name, src string, strict bool) (*goja.Program, error) {
	prg, err := goja.Parse(name, src)
	if err != nil {
		return nil, err
	}
	Program(prg)
	return goja.CompileAST(prg, strict)
}

// Program rewrites a parsed program in place and reports whether it
// changed anything. Every node it makes carries the position of the
// expression it replaces, so that stack traces and errors point where
// they did.
func Program(prg *ast.Program) bool {
	w := &walker{}
	w.stmts(prg.Body)
	return w.changed
}

package rewrite

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/jsrun/jsrun/internal/nesting"
)

// guardEval rewrites a direct eval, eval(x, ...), as
// eval($evalText(x), ...): the callee stays the name eval, so goja still
// evaluates the text in the caller's scope, and the helper refuses a text
// nested too deep for goja's parser before goja reads it (see
// internal/nesting). A spread first argument is left alone (goja calls
// eval(...xs) as it calls any function: indirectly).
func (w *walker) guardEval(e *ast.CallExpression) {
	id, ok := e.Callee.(*ast.Identifier)
	if !ok || id.Name.String() != "eval" || len(e.ArgumentList) == 0 {
		return
	}
	arg := e.ArgumentList[0]
	if _, spread := arg.(*ast.SpreadElement); spread {
		return
	}
	w.changed = true
	e.ArgumentList[0] = call(helperEvalText, arg.Idx0(), arg.Idx1(), arg)
}

// checkText throws Node's RangeError, "Maximum call stack size exceeded",
// for a string nested past nesting.Limit. Anything else passes: eval
// returns a value that is not a string as it is.
func (h *helpers) checkText(v goja.Value) {
	s, ok := v.(goja.String)
	if !ok {
		return
	}
	if s.Length() <= nesting.Limit/2 {
		return // too short to nest that deep: no copy of it made
	}
	if err := nesting.Check(s.String()); err != nil {
		h.throwRange(err.Error())
	}
}

package analysis

import "github.com/dop251/goja/ast"

const anonymous = "<anonymous>"

func displayName(id *ast.Identifier, inferred string) string {
	if id != nil {
		return id.Name.String()
	}
	if inferred != "" {
		return inferred
	}
	return anonymous
}

// function walks a function literal: a declaration, an expression, or a
// method/getter/setter (f says which), named inferred if anonymous.
//
// Scopes, outermost first: the function expression's own name (expressions
// only: a declaration's name belongs to the enclosing scope); parameters and
// `arguments`; the body's var and lexical declarations. Parameters get their
// own scope so that a default value does not see the body's vars, as in the
// spec.
func (w *walker) function(fl *ast.FunctionLiteral, f form, declaration bool, inferred string) {
	strict := w.strict || hasUseStrict(fl.Body.List)
	w.literal(fl.Source, fl.Idx0(), f, strict)
	name := displayName(fl.Name, inferred)
	saved, savedStrict := w.scope, w.strict
	w.strict = strict
	if fl.Name != nil && !declaration && f == formExpr {
		w.push(blockScope, name).declare(fl.Name.Name.String(), Function)
	}
	params := w.push(functionScope, name)
	params.declare("arguments", Var)
	w.params(params, fl.ParameterList)
	declareBody(w.push(functionScope, name), fl.Body.List)
	w.stmts(fl.Body.List)
	w.scope, w.strict = saved, savedStrict
}

// arrow walks an arrow function: like a function, but without its own
// `arguments` (an arrow using it refers to the enclosing function's).
func (w *walker) arrow(af *ast.ArrowFunctionLiteral, inferred string) {
	strict := w.strict
	if b, ok := af.Body.(*ast.BlockStatement); ok {
		strict = strict || hasUseStrict(b.List)
	}
	w.literal(af.Source, af.Idx0(), formExpr, strict)
	name := displayName(nil, inferred)
	saved, savedStrict := w.scope, w.strict
	w.strict = strict
	w.params(w.push(functionScope, name), af.ParameterList)
	switch body := af.Body.(type) {
	case *ast.BlockStatement:
		declareBody(w.push(functionScope, name), body.List)
		w.stmts(body.List)
	case *ast.ExpressionBody:
		w.expr(body.Expression)
	default:
		w.unknown(body)
	}
	w.scope, w.strict = saved, savedStrict
}

// params declares the parameter names in s, then walks their default values
// and computed keys (which see the parameters to their left, and all of them
// here: a use before initialisation is a TDZ error at run time anyway).
func (w *walker) params(s *scope, pl *ast.ParameterList) {
	if pl == nil {
		return
	}
	for _, b := range pl.List {
		patternNames(b.Target, func(name string) { s.declare(name, Let) })
	}
	patternNames(pl.Rest, func(name string) { s.declare(name, Let) })
	for _, b := range pl.List {
		w.pattern(b.Target, false)
		w.exprNamed(b.Initializer, targetName(b.Target))
	}
	w.pattern(pl.Rest, false)
}

// class walks a class declaration or expression. The class has a scope of
// its own that binds its name (transparent for declarations, whose outer
// binding is the same class); the heritage, computed keys, methods, field
// initialisers and static blocks are all in it, and all strict.
func (w *walker) class(cl *ast.ClassLiteral, declaration bool, inferred string) {
	w.literal(cl.Source, cl.Idx0(), formExpr, true)
	name := displayName(cl.Name, inferred)
	saved, savedStrict := w.scope, w.strict
	w.strict = true
	cs := w.push(blockScope, name)
	if cl.Name != nil {
		cs.declare(cl.Name.Name.String(), Class)
		cs.transparent = declaration
	}
	w.expr(cl.SuperClass)
	for _, el := range cl.Body {
		switch el := el.(type) {
		case *ast.MethodDefinition:
			if el.Computed {
				w.expr(el.Key)
			}
			w.function(el.Body, formClassMethod, false, keyName(el.Key, el.Computed))
		case *ast.FieldDefinition:
			if el.Computed {
				w.expr(el.Key)
			}
			// An initialiser runs like a method body (own this, no arguments).
			w.push(functionScope, name)
			w.exprNamed(el.Initializer, keyName(el.Key, el.Computed))
			w.pop()
		case *ast.ClassStaticBlock:
			declareBody(w.push(functionScope, name), el.Block.List)
			w.stmts(el.Block.List)
			w.pop()
		default:
			w.unknown(el)
		}
	}
	w.scope, w.strict = saved, savedStrict
}

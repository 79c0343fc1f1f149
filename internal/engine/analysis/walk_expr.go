package analysis

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

func (w *walker) expr(e ast.Expression) { w.exprNamed(e, "") }

// exprNamed walks e; name is the name JavaScript would infer for e if it is an
// anonymous function or class (`const f = () => {}` is named "f"), used to
// name the owner of its scopes in Capture.Function.
func (w *walker) exprNamed(e ast.Expression, name string) {
	switch e := e.(type) {
	case nil:
	case *ast.Identifier:
		w.ref(e.Name.String())
	case *ast.PrivateIdentifier: // `#x in obj`
		w.private(e.Name.String())
	case *ast.BooleanLiteral, *ast.NullLiteral, *ast.NumberLiteral, *ast.StringLiteral,
		*ast.RegExpLiteral, *ast.ThisExpression, *ast.SuperExpression, *ast.MetaProperty,
		*ast.BadExpression:
		// no names: this, super and new.target are not bindings
	case *ast.TemplateLiteral:
		w.expr(e.Tag)
		for _, x := range e.Expressions {
			w.expr(x)
		}
	case *ast.ArrayLiteral:
		for _, x := range e.Value {
			w.expr(x)
		}
	case *ast.ObjectLiteral:
		for _, p := range e.Value {
			w.property(p)
		}
	case *ast.ArrayPattern, *ast.ObjectPattern: // destructuring assignment target
		w.pattern(e, true)
	case *ast.AssignExpression:
		if e.Operator == token.ASSIGN {
			w.pattern(e.Left, true)
		} else if id, ok := e.Left.(*ast.Identifier); ok { // x += 1 reads and writes x
			w.assign(id.Name.String())
		} else {
			w.expr(e.Left)
		}
		w.exprNamed(e.Right, targetName(e.Left))
	case *ast.UnaryExpression:
		if id, ok := e.Operand.(*ast.Identifier); ok && (e.Operator == token.INCREMENT || e.Operator == token.DECREMENT) {
			w.assign(id.Name.String())
		} else {
			w.expr(e.Operand) // includes typeof x: x is still a free name
		}
	case *ast.BinaryExpression:
		w.expr(e.Left)
		w.expr(e.Right)
	case *ast.ConditionalExpression:
		w.expr(e.Test)
		w.expr(e.Consequent)
		w.expr(e.Alternate)
	case *ast.SequenceExpression:
		for _, x := range e.Sequence {
			w.expr(x)
		}
	case *ast.DotExpression: // .x is a property name, not a reference
		w.expr(e.Left)
	case *ast.PrivateDotExpression:
		w.expr(e.Left)
		w.private(e.Identifier.Name.String())
	case *ast.BracketExpression:
		w.expr(e.Left)
		w.expr(e.Member)
	case *ast.CallExpression:
		w.expr(e.Callee)
		for _, x := range e.ArgumentList {
			w.expr(x)
		}
	case *ast.NewExpression:
		w.expr(e.Callee)
		for _, x := range e.ArgumentList {
			w.expr(x)
		}
	case *ast.OptionalChain:
		w.expr(e.Expression)
	case *ast.Optional:
		w.expr(e.Expression)
	case *ast.SpreadElement:
		w.expr(e.Expression)
	case *ast.YieldExpression:
		w.expr(e.Argument)
	case *ast.AwaitExpression:
		w.expr(e.Argument)
	case *ast.FunctionLiteral:
		w.function(e, formExpr, false, name)
	case *ast.ArrowFunctionLiteral:
		w.arrow(e, name)
	case *ast.ClassLiteral:
		w.class(e, false, name)
	default:
		w.unknown(e)
	}
}

// property walks one member of an object literal. Non-computed keys are
// names of properties, not references; shorthand `{x}` is a reference.
func (w *walker) property(p ast.Property) {
	switch p := p.(type) {
	case *ast.PropertyShort:
		w.ref(p.Name.Name.String())
		w.exprNamed(p.Initializer, p.Name.Name.String())
	case *ast.PropertyKeyed:
		if p.Computed {
			w.expr(p.Key)
		}
		key := keyName(p.Key, p.Computed)
		if fl, ok := p.Value.(*ast.FunctionLiteral); ok && p.Kind != ast.PropertyKindValue {
			w.function(fl, formObjectMethod, false, key)
			return
		}
		w.exprNamed(p.Value, key)
	case *ast.SpreadElement:
		w.expr(p.Expression)
	default:
		w.unknown(p)
	}
}

// pattern walks a binding or assignment target. With assign false the
// identifiers in it are declarations (already bound by hoisting); with assign
// true (destructuring assignment, for-in/of over an existing variable) they
// are references that are written. Either way default values and computed
// keys are ordinary expressions.
func (w *walker) pattern(target ast.Expression, assign bool) {
	switch t := target.(type) {
	case nil:
	case *ast.Identifier:
		if assign {
			w.assign(t.Name.String())
		}
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				if assign {
					w.assign(p.Name.Name.String())
				}
				w.exprNamed(p.Initializer, p.Name.Name.String())
			case *ast.PropertyKeyed:
				if p.Computed {
					w.expr(p.Key)
				}
				w.pattern(p.Value, assign)
			default:
				w.unknown(p)
			}
		}
		w.pattern(t.Rest, assign)
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			w.pattern(e, assign)
		}
		w.pattern(t.Rest, assign)
	case *ast.AssignExpression: // target = default
		w.pattern(t.Left, assign)
		w.exprNamed(t.Right, targetName(t.Left))
	default:
		if assign { // a.b, a[b], ... as an assignment target
			w.expr(t)
		} else {
			w.unknown(t)
		}
	}
}

// targetName is the name inferred for an anonymous function assigned to
// target, or "".
func targetName(target ast.Expression) string {
	if id, ok := target.(*ast.Identifier); ok {
		return id.Name.String()
	}
	return ""
}

// keyName is the name of a non-computed property or class element key, or "".
func keyName(key ast.Expression, computed bool) string {
	if computed {
		return ""
	}
	switch k := key.(type) {
	case *ast.StringLiteral:
		return k.Value.String()
	case *ast.NumberLiteral:
		return k.Literal
	case *ast.Identifier:
		return k.Name.String()
	case *ast.PrivateIdentifier:
		return "#" + k.Name.String()
	}
	return ""
}

package rewrite

import (
	"fmt"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// guarded are the operators a BigInt can make unbounded: the result of
// x ** y and x << y (x >> y with a negative y) grows with y's value, not
// its size.
func guarded(op token.Token) bool {
	return op == token.EXPONENT || op == token.SHIFT_LEFT || op == token.SHIFT_RIGHT
}

// binary rewrites a OP b as $op(a, b) OP $rhs(): $op converts both
// operands to numerics in the operator's order, throws the RangeError for
// a BigInt result past the limit, keeps b's numeric and returns a's; $rhs
// hands back b's. The operator itself then computes on the two
// primitives, so Number results, TypeErrors and their positions are
// goja's own.
func (w *walker) binary(e *ast.BinaryExpression) ast.Expression {
	safe := !guarded(e.Operator) || neverBigInt(e.Left) || neverBigInt(e.Right)
	if _, private := e.Left.(*ast.PrivateIdentifier); !private {
		e.Left = w.expr(e.Left)
	}
	e.Right = w.expr(e.Right)
	if safe {
		return e
	}
	w.changed = true
	return guardedOperation(e.Operator, e.Left, e.Right, e.Idx0(), e.Idx1())
}

// guardedOperation builds $op(left, right) OP $rhs() at the operator's
// position (goja places a binary operation at its left operand's start);
// at 0, it has none.
func guardedOperation(op token.Token, left, right ast.Expression, at, end file.Idx) ast.Expression {
	return &ast.BinaryExpression{
		Operator: op,
		Left:     call(operandHelper(op), at, end, left, right),
		Right:    call(nameRHS, at, end),
	}
}

// assign rewrites the compound forms x **= n, x <<= n and x >>= n as an
// assignment of the guarded operation. The target is evaluated once, as
// the compound form does:
//
//   - a name, or a property of this, super or a name with a fixed or named
//     key, is simply written twice (x = $op(x, n) OP $rhs()): reading it
//     again has no side effect;
//   - any other target goes through a cell, a pair of arrow functions over
//     the target's object and key evaluated once:
//     $cellSet($cell(CELL), $op($cellValue(), n) OP $rhs()).
func (w *walker) assign(e *ast.AssignExpression) ast.Expression {
	safe := !guarded(e.Operator) || neverBigInt(e.Right)
	e.Left = w.expr(e.Left)
	e.Right = w.expr(e.Right)
	if safe {
		return e
	}
	w.changed = true
	// goja gives a compound operation no position of its own: an error in
	// it is placed where the right operand's evaluation last was. The
	// nodes made here have none either (position 0), so the same holds.
	if repeatable(e.Left) {
		return &ast.AssignExpression{
			Operator: token.ASSIGN,
			Left:     e.Left,
			Right:    guardedOperation(e.Operator, copyTarget(e.Left), e.Right, 0, 0),
		}
	}
	cell := cellOf(e.Left, e.Left.Idx0())
	return call(nameCellSet, 0, 0,
		call(nameCell, 0, 0, cell),
		guardedOperation(e.Operator, call(nameCellValue, 0, 0), e.Right, 0, 0))
}

// repeatable reports whether evaluating target twice in a row reads the
// same reference without side effects: a name, or a property of this,
// super or a name whose key is a name or a literal. (A name bound by a
// with statement or a global accessor is looked up twice; the package doc
// says so.)
func repeatable(target ast.Expression) bool {
	switch t := target.(type) {
	case *ast.Identifier:
		return true
	case *ast.DotExpression:
		return plainBase(t.Left)
	case *ast.PrivateDotExpression:
		return plainBase(t.Left)
	case *ast.BracketExpression:
		if !plainBase(t.Left) {
			return false
		}
		switch t.Member.(type) {
		case *ast.StringLiteral, *ast.NumberLiteral:
			return true
		}
	}
	return false
}

func plainBase(e ast.Expression) bool {
	switch e.(type) {
	case *ast.Identifier, *ast.ThisExpression, *ast.SuperExpression:
		return true
	}
	return false
}

// copyTarget copies a repeatable target for the read, so that the AST
// stays a tree. goja places the read of a compound assignment at the
// target's start, so the copy's property access stands there too.
func copyTarget(target ast.Expression) ast.Expression {
	at := target.Idx0()
	switch t := target.(type) {
	case *ast.Identifier:
		c := *t
		return &c
	case *ast.DotExpression:
		c := *t
		c.Left = copyTarget(t.Left)
		c.Identifier.Idx = at
		return &c
	case *ast.PrivateDotExpression:
		c := *t
		c.Left = copyTarget(t.Left)
		c.Identifier.Idx = at
		return &c
	case *ast.BracketExpression:
		c := *t
		c.Left = copyTarget(t.Left)
		c.LeftBracket = at
		return &c // the key is a literal, shared harmlessly
	case *ast.ThisExpression:
		c := *t
		return &c
	case *ast.SuperExpression:
		c := *t
		return &c
	}
	return target
}

// cellOf builds, for a target whose object or key must be evaluated only
// once, an expression that evaluates them and returns [get, set]: two
// arrow functions that read and write the same reference. Arrows keep
// this, super, private names and strictness of the place they stand in.
//
//	o.p    ->  ((t) => [() => t.p, (v) => t.p = v])(o)
//	o.#p   ->  ((t) => [() => t.#p, (v) => t.#p = v])(o)
//	o[k]   ->  ((t, k) => [() => t[k], (v) => t[k] = v])(o, k)
//	super[k] -> ((k) => [() => super[k], (v) => super[k] = v])(k)
//
// The key is converted to a property key at the read and again at the
// write, as goja's compound assignment does. Inside the arrows, nodes
// stand at the target's position (at): a getter's error shows there.
func cellOf(target ast.Expression, at file.Idx) ast.Expression {
	var (
		params []string
		args   []ast.Expression
		ref    func() ast.Expression // the reference, inside the arrows
	)
	obj := func(left ast.Expression) {
		if _, isSuper := left.(*ast.SuperExpression); isSuper {
			return
		}
		params = append(params, "t")
		args = append(args, left)
	}
	base := func(left ast.Expression) ast.Expression {
		if s, isSuper := left.(*ast.SuperExpression); isSuper {
			c := *s
			return &c
		}
		return ident("t", at)
	}
	switch t := target.(type) {
	case *ast.DotExpression:
		obj(t.Left)
		ref = func() ast.Expression {
			return &ast.DotExpression{Left: base(t.Left), Identifier: t.Identifier}
		}
	case *ast.PrivateDotExpression:
		obj(t.Left)
		ref = func() ast.Expression {
			return &ast.PrivateDotExpression{Left: base(t.Left), Identifier: t.Identifier}
		}
	case *ast.BracketExpression:
		obj(t.Left)
		params = append(params, "k")
		args = append(args, t.Member)
		ref = func() ast.Expression {
			return &ast.BracketExpression{Left: base(t.Left), Member: ident("k", at), LeftBracket: at, RightBracket: at}
		}
	default:
		// The parser allows no other target of a compound assignment.
		panic(fmt.Sprintf("rewrite: compound assignment to a %T", target))
	}
	get := arrow(at, nil, ref())
	set := arrow(at, []string{"v"}, &ast.AssignExpression{Operator: token.ASSIGN, Left: ref(), Right: ident("v", at)})
	pair := &ast.ArrayLiteral{LeftBracket: at, RightBracket: at, Value: []ast.Expression{get, set}}
	return &ast.CallExpression{Callee: arrow(0, params, pair), ArgumentList: args}
}

// call builds name(args...) placed at the given position.
func call(name string, at, end file.Idx, args ...ast.Expression) *ast.CallExpression {
	if end <= at {
		end = at + 1
	}
	return &ast.CallExpression{
		Callee:           ident(name, at),
		LeftParenthesis:  at,
		ArgumentList:     args,
		RightParenthesis: end - 1,
	}
}

func ident(name string, at file.Idx) *ast.Identifier {
	return &ast.Identifier{Name: unistring.NewFromString(name), Idx: at}
}

// arrow builds (params) => body.
func arrow(at file.Idx, params []string, body ast.Expression) *ast.ArrowFunctionLiteral {
	list := make([]*ast.Binding, len(params))
	for i, p := range params {
		list[i] = &ast.Binding{Target: ident(p, at)}
	}
	return &ast.ArrowFunctionLiteral{
		Start:         at,
		ParameterList: &ast.ParameterList{Opening: at, List: list, Closing: at},
		Body:          &ast.ExpressionBody{Expression: body},
	}
}

// guardSpreads makes each spread argument of a call or new, f(...xs),
// f(...$spread(xs)): $spread throws the RangeError Node throws for too
// many arguments before goja pushes them one by one (its time grows with
// the square of their number), and otherwise hands the same iterable on.
// Even a literal is guarded: a script may have replaced the iterator of
// arrays or strings with an endless one.
func (w *walker) guardSpreads(args []ast.Expression) {
	for _, a := range args {
		if s, ok := a.(*ast.SpreadElement); ok {
			w.changed = true
			s.Expression = call(nameSpread, s.Expression.Idx0(), s.Expression.Idx1(), s.Expression)
		}
	}
}

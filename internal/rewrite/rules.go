package rewrite

import (
	"fmt"
	"strconv"

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

// binary rewrites a OP b as $op(a, b): the helper converts both operands
// as the operator would, throws the RangeError for a BigInt result past
// the limit, and otherwise computes what goja's operator computes.
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
	return call(operandHelper(e.Operator), e.Idx0(), e.Idx1(), e.Left, e.Right)
}

// assign rewrites the compound forms x **= n, x <<= n and x >>= n as an
// assignment of the guarded operation. The target is evaluated once, as
// the compound form does:
//
//   - a name, or a property of this, super or a name with a literal key,
//     is simply written twice (x = $op(x, n)): reading it again has no
//     side effect;
//   - any other target goes through a cell (see cellOf), which evaluates
//     its object and key once and reads the old value before n is
//     evaluated.
func (w *walker) assign(e *ast.AssignExpression) ast.Expression {
	safe := !guarded(e.Operator) || neverBigInt(e.Right)
	e.Left = w.expr(e.Left)
	if namingAssignment(e) {
		id := e.Left.(*ast.Identifier)
		w.next = naming{name: stringLiteral(id.Name.String(), id.Idx)}
	}
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
			Right:    call(operandHelper(e.Operator), 0, 0, copyTarget(e.Left), e.Right),
		}
	}
	return &ast.CallExpression{Callee: cellOf(e.Left, operandHelper(e.Operator), e.Left.Idx0()), ArgumentList: []ast.Expression{e.Right}}
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
// once, an expression that evaluates them, reads the target's value, and
// returns a function that takes the right operand and assigns the guarded
// operation: the compound form is then CELL(n). The arrows keep this,
// super, private names and strictness of the place they stand in, and n
// is evaluated outside them (it may yield or await).
//
//	o.p      ->  ((t, g = t.p) => (v) => t.p = $op(g, v))(o)
//	o.#p     ->  ((t, g = t.#p) => (v) => t.#p = $op(g, v))(o)
//	o[k]     ->  ((t, k, g = t[k]) => (v) => t[k] = $op(g, v))(o, k)
//	super[k] ->  ((k, g = super[k]) => (v) => super[k] = $op(g, v))(k)
//
// The key is converted to a property key at the read and again at the
// write, as goja's compound assignment does. Inside the arrows, the read
// stands at the target's start (at) and the write at the property, where
// goja places a compound assignment's read and write.
func cellOf(target ast.Expression, op helper, at file.Idx) ast.Expression {
	var (
		params []*ast.Binding
		args   []ast.Expression
		ref    func(write bool) ast.Expression // the reference, inside the arrows
	)
	param := func(name string, init ast.Expression) {
		params = append(params, &ast.Binding{Target: ident(name, at), Initializer: init})
	}
	obj := func(left ast.Expression) {
		if _, isSuper := left.(*ast.SuperExpression); !isSuper {
			param("t", nil)
			args = append(args, left)
		}
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
		ref = func(write bool) ast.Expression {
			id := t.Identifier
			if !write {
				id.Idx = at
			}
			return &ast.DotExpression{Left: base(t.Left), Identifier: id}
		}
	case *ast.PrivateDotExpression:
		obj(t.Left)
		ref = func(write bool) ast.Expression {
			id := t.Identifier
			if !write {
				id.Idx = at
			}
			return &ast.PrivateDotExpression{Left: base(t.Left), Identifier: id}
		}
	case *ast.BracketExpression:
		obj(t.Left)
		param("k", nil)
		args = append(args, t.Member)
		ref = func(write bool) ast.Expression {
			bracket := at
			if write {
				bracket = t.LeftBracket
			}
			return &ast.BracketExpression{Left: base(t.Left), Member: ident("k", at), LeftBracket: bracket, RightBracket: t.RightBracket}
		}
	default:
		// The parser allows no other target of a compound assignment.
		panic(fmt.Sprintf("rewrite: compound assignment to a %T", target))
	}
	param("g", ref(false))
	assign := &ast.AssignExpression{
		Operator: token.ASSIGN,
		Left:     ref(true),
		Right:    call(op, 0, 0, ident("g", at), ident("v", at)),
	}
	inner := arrow(at, []*ast.Binding{{Target: ident("v", at)}}, assign)
	return &ast.CallExpression{Callee: arrow(0, params, inner), ArgumentList: args}
}

// call builds a call of the helper, __jsrun$(job, args...), placed at the
// given position.
func call(job helper, at, end file.Idx, args ...ast.Expression) *ast.CallExpression {
	if end <= at {
		end = at + 1
	}
	n := strconv.Itoa(int(job))
	return &ast.CallExpression{
		Callee:           ident(nameHelper, at),
		LeftParenthesis:  at,
		ArgumentList:     append([]ast.Expression{&ast.NumberLiteral{Idx: at, Literal: n, Value: int64(job)}}, args...),
		RightParenthesis: end - 1,
	}
}

func ident(name string, at file.Idx) *ast.Identifier {
	return &ast.Identifier{Name: unistring.NewFromString(name), Idx: at}
}

// arrow builds (params) => body.
func arrow(at file.Idx, params []*ast.Binding, body ast.Expression) *ast.ArrowFunctionLiteral {
	return &ast.ArrowFunctionLiteral{
		Start:         at,
		ParameterList: &ast.ParameterList{Opening: at, List: params, Closing: at},
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
			s.Expression = call(helperSpread, s.Expression.Idx0(), s.Expression.Idx1(), s.Expression)
		}
	}
}

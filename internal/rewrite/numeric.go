package rewrite

import (
	"math/big"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// neverBigInt reports whether e's value, once an operator has made it a
// primitive, can never be a BigInt (or e throws first). Then `e ** x`,
// `x << e` and the like cannot be a BigInt operation: they compute on
// Numbers, or throw goja's TypeError for mixing a BigInt with a Number.
// The rewrite leaves such expressions as they are, so that ordinary
// numeric code (`x ** 2`, `1 << n`, `h >> 8`, `x << (32 - n)`) keeps the
// plain operator and pays nothing.
//
// Only what the syntax alone decides counts: literals other than BigInt
// ones, and operators whose result cannot be a BigInt, or can only be one
// when an operand is. Objects never count (their valueOf could return a
// BigInt), and neither do names (they could hold one).
func neverBigInt(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.NumberLiteral:
		_, isBig := e.Value.(*big.Int)
		return !isBig
	case *ast.StringLiteral, *ast.BooleanLiteral, *ast.NullLiteral:
		return true
	case *ast.TemplateLiteral:
		return e.Tag == nil // a string
	case *ast.UnaryExpression:
		switch e.Operator {
		case token.PLUS, token.NOT, token.TYPEOF, token.VOID, token.DELETE:
			return true // +x throws for a BigInt; the rest are not numeric
		case token.MINUS, token.BITWISE_NOT:
			return neverBigInt(e.Operand)
		}
		return false // ++ and -- keep a BigInt a BigInt
	case *ast.BinaryExpression:
		switch e.Operator {
		case token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE:
			return neverBigInt(e.Left) && neverBigInt(e.Right)
		case token.PLUS, token.MINUS, token.MULTIPLY, token.SLASH, token.REMAINDER, token.EXPONENT,
			token.SHIFT_LEFT, token.SHIFT_RIGHT, token.AND, token.OR, token.EXCLUSIVE_OR:
			// A BigInt result needs two BigInt operands (for + two
			// primitives that are neither strings nor anything else).
			return neverBigInt(e.Left) || neverBigInt(e.Right)
		}
		return true // comparisons, in, instanceof: booleans; >>>: a Number or a throw
	case *ast.ConditionalExpression:
		return neverBigInt(e.Consequent) && neverBigInt(e.Alternate)
	case *ast.SequenceExpression:
		return len(e.Sequence) > 0 && neverBigInt(e.Sequence[len(e.Sequence)-1])
	case *ast.AssignExpression:
		switch e.Operator {
		case token.ASSIGN:
			return neverBigInt(e.Right)
		case token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE:
			return false // the value may be the target's old one
		case token.UNSIGNED_SHIFT_RIGHT:
			return true
		}
		return neverBigInt(e.Right) // x op= r is x op r
	}
	return false
}

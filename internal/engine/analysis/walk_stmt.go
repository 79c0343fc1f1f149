package analysis

import "github.com/dop251/goja/ast"

func (w *walker) stmts(list []ast.Statement) {
	for _, st := range list {
		w.stmt(st)
	}
}

// block walks a statement list in a new block scope holding its lexical
// declarations. Blocks without let/const/class/function skip the scope.
func (w *walker) block(list []ast.Statement) {
	s := newScope(w.scope, blockScope, w.scope.owner)
	hoistLexical(list, s.declare)
	if s.names == nil {
		w.stmts(list)
		return
	}
	w.scope = s
	w.stmts(list)
	w.pop()
}

func (w *walker) stmt(st ast.Statement) {
	switch st := st.(type) {
	case nil, *ast.EmptyStatement, *ast.DebuggerStatement, *ast.BadStatement:
	case *ast.BranchStatement: // break/continue: a label is not a reference
	case *ast.BlockStatement:
		w.block(st.List)
	case *ast.ExpressionStatement:
		w.expr(st.Expression)
	case *ast.VariableStatement:
		w.bindings(st.List)
	case *ast.LexicalDeclaration:
		w.bindings(st.List)
	case *ast.FunctionDeclaration:
		w.function(st.Function, formExpr, true, "")
	case *ast.ClassDeclaration:
		w.class(st.Class, true, "")
	case *ast.IfStatement:
		w.expr(st.Test)
		w.stmt(st.Consequent)
		w.stmt(st.Alternate)
	case *ast.ForStatement:
		w.forStmt(st)
	case *ast.ForInStatement:
		w.forInto(st.Into, st.Source, st.Body)
	case *ast.ForOfStatement:
		w.forInto(st.Into, st.Source, st.Body)
	case *ast.WhileStatement:
		w.expr(st.Test)
		w.stmt(st.Body)
	case *ast.DoWhileStatement:
		w.stmt(st.Body)
		w.expr(st.Test)
	case *ast.LabelledStatement: // the label is not a reference
		w.stmt(st.Statement)
	case *ast.ReturnStatement:
		w.expr(st.Argument)
	case *ast.ThrowStatement:
		w.expr(st.Argument)
	case *ast.TryStatement:
		w.block(st.Body.List)
		if c := st.Catch; c != nil {
			w.push(blockScope, w.scope.owner)
			patternNames(c.Parameter, func(name string) { w.scope.declare(name, Let) })
			w.pattern(c.Parameter, false)
			w.block(c.Body.List)
			w.pop()
		}
		if st.Finally != nil {
			w.block(st.Finally.List)
		}
	case *ast.SwitchStatement:
		w.expr(st.Discriminant)
		// All cases share one block scope.
		s := w.push(blockScope, w.scope.owner)
		for _, c := range st.Body {
			hoistLexical(c.Consequent, s.declare)
		}
		for _, c := range st.Body {
			w.expr(c.Test)
			w.stmts(c.Consequent)
		}
		w.pop()
	case *ast.WithStatement:
		// Names inside may resolve to properties of the object at run time;
		// they are still reported as ordinary references (conservative).
		w.expr(st.Object)
		w.stmt(st.Body)
	default:
		w.unknown(st)
	}
}

// bindings walks a var/let/const declaration list. The names are already
// declared (hoisted); what remains are default values, computed keys and
// initialisers.
func (w *walker) bindings(list []*ast.Binding) {
	for _, b := range list {
		w.pattern(b.Target, false)
		w.exprNamed(b.Initializer, targetName(b.Target))
	}
}

func (w *walker) forStmt(st *ast.ForStatement) {
	switch init := st.Initializer.(type) {
	case nil:
	case *ast.ForLoopInitializerLexicalDecl:
		// `for (let i ...)`: the loop head has its own scope around the body.
		s := w.push(blockScope, w.scope.owner)
		hoistLexical([]ast.Statement{&init.LexicalDeclaration}, s.declare)
		w.bindings(init.LexicalDeclaration.List)
		defer w.pop()
	case *ast.ForLoopInitializerVarDeclList:
		w.bindings(init.List)
	case *ast.ForLoopInitializerExpression:
		w.expr(init.Expression)
	default:
		w.unknown(init)
	}
	w.expr(st.Test)
	w.expr(st.Update)
	w.stmt(st.Body)
}

func (w *walker) forInto(into ast.ForInto, source ast.Expression, body ast.Statement) {
	switch into := into.(type) {
	case *ast.ForDeclaration:
		// `for (const x of xs)`: x is bound in a scope around the body (the
		// spec also evaluates xs with x in its TDZ, so xs resolves there too).
		k := Let
		if into.IsConst {
			k = Const
		}
		s := w.push(blockScope, w.scope.owner)
		patternNames(into.Target, func(name string) { s.declare(name, k) })
		w.pattern(into.Target, false)
		defer w.pop()
	case *ast.ForIntoVar:
		w.pattern(into.Binding.Target, false)
		w.expr(into.Binding.Initializer)
	case *ast.ForIntoExpression:
		w.pattern(into.Expression, true)
	default:
		w.unknown(into)
	}
	w.expr(source)
	w.stmt(body)
}

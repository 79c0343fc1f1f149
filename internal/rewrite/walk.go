package rewrite

import "github.com/dop251/goja/ast"

// walker visits every expression of a program once, children first, and
// puts back what rewriteExpr returns for each. It knows every node type of
// goja's ast package: a node it skipped would hide its subtree from the
// rewrite.
type walker struct {
	changed bool // some node was rewritten
	// asyncOrGenerator: the program makes an async function or a
	// generator (see prepare).
	asyncOrGenerator bool
	// tag says which literals carry their site (see Tagger); nil: none.
	tag Tagger
	// next is what the place of the expression walked next does to an
	// anonymous function (see naming); expr takes it and resets it.
	next naming
}

// stmts walks the statements of a script, a function body or a block, and
// returns them with their declarations tagged (see tagDeclarations).
func (w *walker) stmts(list []ast.Statement) []ast.Statement {
	for _, s := range list {
		w.stmt(s)
	}
	return w.tagDeclarations(list)
}

func (w *walker) stmt(s ast.Statement) {
	switch s := s.(type) {
	case nil:
	case *ast.BlockStatement:
		w.block(s)
	case *ast.ExpressionStatement:
		s.Expression = w.expr(s.Expression)
	case *ast.IfStatement:
		s.Test = w.expr(s.Test)
		w.stmt(s.Consequent)
		w.stmt(s.Alternate)
	case *ast.ForStatement:
		switch init := s.Initializer.(type) {
		case *ast.ForLoopInitializerExpression:
			init.Expression = w.expr(init.Expression)
		case *ast.ForLoopInitializerVarDeclList:
			w.bindings(init.List)
		case *ast.ForLoopInitializerLexicalDecl:
			w.bindings(init.LexicalDeclaration.List)
		}
		s.Test = w.expr(s.Test)
		s.Update = w.expr(s.Update)
		w.stmt(s.Body)
	case *ast.ForInStatement:
		w.into(s.Into)
		s.Source = w.expr(s.Source)
		w.stmt(s.Body)
	case *ast.ForOfStatement:
		w.into(s.Into)
		s.Source = w.expr(s.Source)
		w.stmt(s.Body)
	case *ast.WhileStatement:
		s.Test = w.expr(s.Test)
		w.stmt(s.Body)
	case *ast.DoWhileStatement:
		s.Test = w.expr(s.Test)
		w.stmt(s.Body)
	case *ast.ReturnStatement:
		s.Argument = w.expr(s.Argument)
	case *ast.ThrowStatement:
		s.Argument = w.expr(s.Argument)
	case *ast.SwitchStatement:
		s.Discriminant = w.expr(s.Discriminant)
		for _, c := range s.Body {
			c.Test = w.expr(c.Test)
			for _, s := range c.Consequent { // a case is no scope of its own: nothing tagged
				w.stmt(s)
			}
		}
	case *ast.TryStatement:
		w.block(s.Body)
		if s.Catch != nil {
			s.Catch.Parameter = w.target(s.Catch.Parameter)
			w.block(s.Catch.Body)
		}
		w.block(s.Finally)
	case *ast.LabelledStatement:
		w.stmt(s.Statement)
	case *ast.VariableStatement:
		w.bindings(s.List)
	case *ast.LexicalDeclaration:
		w.bindings(s.List)
	case *ast.WithStatement:
		s.Object = w.expr(s.Object)
		w.stmt(s.Body)
	case *ast.FunctionDeclaration:
		w.function(s.Function)
	case *ast.ClassDeclaration:
		w.class(s.Class)
	case *ast.BranchStatement, *ast.EmptyStatement, *ast.DebuggerStatement, *ast.BadStatement:
	}
}

func (w *walker) block(b *ast.BlockStatement) {
	if b != nil {
		b.List = w.stmts(b.List)
	}
}

func (w *walker) into(into ast.ForInto) {
	switch into := into.(type) {
	case *ast.ForIntoVar:
		w.binding(into.Binding)
	case *ast.ForDeclaration:
		into.Target = w.target(into.Target)
	case *ast.ForIntoExpression:
		into.Expression = w.expr(into.Expression)
	}
}

func (w *walker) bindings(list []*ast.Binding) {
	for _, b := range list {
		w.binding(b)
	}
}

func (w *walker) binding(b *ast.Binding) {
	if b == nil {
		return
	}
	b.Target = w.target(b.Target)
	if id, ok := b.Target.(*ast.Identifier); ok {
		w.next = naming{name: stringLiteral(id.Name.String(), id.Idx)}
	}
	b.Initializer = w.expr(b.Initializer)
}

// target walks a binding target: an identifier or a pattern, whose
// defaults and computed keys may hold expressions to rewrite.
func (w *walker) target(t ast.BindingTarget) ast.BindingTarget {
	if t == nil {
		return nil
	}
	if e, ok := w.expr(t).(ast.BindingTarget); ok {
		return e
	}
	return t // not reached: patterns and identifiers come back as they are
}

func (w *walker) function(f *ast.FunctionLiteral) {
	if f == nil {
		return
	}
	w.asyncOrGenerator = w.asyncOrGenerator || f.Async || f.Generator
	w.params(f.ParameterList)
	w.block(f.Body)
}

func (w *walker) params(p *ast.ParameterList) {
	if p == nil {
		return
	}
	for _, b := range p.List {
		// Not w.binding: goja does not name a function that is a
		// parameter's default (f = () => {}).
		b.Target = w.target(b.Target)
		b.Initializer = w.expr(b.Initializer)
	}
	p.Rest = w.expr(p.Rest)
}

func (w *walker) class(c *ast.ClassLiteral) {
	if c == nil {
		return
	}
	c.SuperClass = w.expr(c.SuperClass)
	for _, el := range c.Body {
		switch el := el.(type) {
		case *ast.FieldDefinition:
			name, known := keyName(el.Key)
			if el.Computed {
				el.Key = w.expr(el.Key)
				known = false // goja names it with the key it computes
			}
			w.next = naming{name: name, unknown: !known}
			el.Initializer = w.expr(el.Initializer)
		case *ast.MethodDefinition:
			if el.Computed {
				el.Key = w.expr(el.Key)
			}
			w.function(el.Body)
		case *ast.ClassStaticBlock:
			w.block(el.Block)
		}
	}
	w.tagClass(c)
}

func (w *walker) exprs(list []ast.Expression) {
	for i, e := range list {
		list[i] = w.expr(e)
	}
}

// expr walks e's children, then returns what e becomes.
func (w *walker) expr(e ast.Expression) ast.Expression {
	n := w.next
	w.next = naming{}
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.BinaryExpression:
		return w.binary(e)
	case *ast.AssignExpression:
		return w.assign(e)
	case *ast.CallExpression:
		e.Callee = w.expr(e.Callee)
		w.exprs(e.ArgumentList)
		w.guardSpreads(e.ArgumentList)
		w.guardEval(e)
	case *ast.NewExpression:
		e.Callee = w.expr(e.Callee)
		w.exprs(e.ArgumentList)
		w.guardSpreads(e.ArgumentList)
	case *ast.ArrayLiteral:
		w.exprs(e.Value)
	case *ast.ArrayPattern:
		w.exprs(e.Elements)
		e.Rest = w.expr(e.Rest)
	case *ast.ObjectLiteral:
		w.properties(e.Value)
	case *ast.ObjectPattern:
		w.properties(e.Properties)
		e.Rest = w.expr(e.Rest)
	case *ast.SpreadElement:
		e.Expression = w.expr(e.Expression)
	case *ast.Binding:
		w.binding(e)
	case *ast.BracketExpression:
		e.Left = w.expr(e.Left)
		e.Member = w.expr(e.Member)
	case *ast.DotExpression:
		e.Left = w.expr(e.Left)
	case *ast.PrivateDotExpression:
		e.Left = w.expr(e.Left)
	case *ast.OptionalChain:
		e.Expression = w.expr(e.Expression)
	case *ast.Optional:
		e.Expression = w.expr(e.Expression)
	case *ast.ConditionalExpression:
		e.Test = w.expr(e.Test)
		e.Consequent = w.expr(e.Consequent)
		e.Alternate = w.expr(e.Alternate)
	case *ast.SequenceExpression:
		w.exprs(e.Sequence)
	case *ast.UnaryExpression:
		e.Operand = w.expr(e.Operand)
	case *ast.TemplateLiteral:
		e.Tag = w.expr(e.Tag)
		w.exprs(e.Expressions)
	case *ast.YieldExpression:
		e.Argument = w.expr(e.Argument)
	case *ast.AwaitExpression:
		e.Argument = w.expr(e.Argument)
	case *ast.FunctionLiteral:
		w.function(e)
		return w.tagged(e, n)
	case *ast.ArrowFunctionLiteral:
		w.asyncOrGenerator = w.asyncOrGenerator || e.Async
		w.params(e.ParameterList)
		switch body := e.Body.(type) {
		case *ast.BlockStatement:
			w.block(body)
		case *ast.ExpressionBody:
			body.Expression = w.expr(body.Expression)
		}
		return w.tagged(e, n)
	case *ast.ClassLiteral:
		w.class(e)
	case *ast.Identifier, *ast.PrivateIdentifier, *ast.NumberLiteral, *ast.StringLiteral,
		*ast.BooleanLiteral, *ast.NullLiteral, *ast.RegExpLiteral, *ast.ThisExpression,
		*ast.SuperExpression, *ast.MetaProperty, *ast.BadExpression:
	}
	return e
}

func (w *walker) properties(list []ast.Property) {
	for _, p := range list {
		switch p := p.(type) {
		case *ast.PropertyShort:
			w.next = naming{name: stringLiteral(p.Name.Name.String(), p.Name.Idx)}
			p.Initializer = w.expr(p.Initializer)
		case *ast.PropertyKeyed:
			if p.Computed {
				p.Key = w.expr(p.Key)
			}
			switch name, known := keyName(p.Key); {
			case p.Kind != ast.PropertyKindValue || p.Computed || !known:
				w.next = naming{unknown: true} // a method, or a name known at run time
			case name.Value.String() != "__proto__": // which sets the prototype
				w.next = naming{name: name}
			}
			p.Value = w.expr(p.Value)
		case *ast.SpreadElement:
			p.Expression = w.expr(p.Expression)
		}
	}
}

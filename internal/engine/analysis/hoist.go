package analysis

import (
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// Declarations are bound before any code of their scope runs, so a walker
// entering a scope first declares everything the scope will contain; only
// then are references resolved. These helpers find those declarations.

// hoistVars calls decl for every name declared with var in stmts, looking
// into nested statements (blocks, loops, if, try, switch, labels, with) but
// not into functions or classes, which have their own var scope.
func hoistVars(stmts []ast.Statement, decl func(name string)) {
	for _, st := range stmts {
		hoistVarsStmt(st, decl)
	}
}

func hoistVarsStmt(st ast.Statement, decl func(name string)) {
	switch st := st.(type) {
	case *ast.VariableStatement:
		for _, b := range st.List {
			patternNames(b.Target, decl)
		}
	case *ast.BlockStatement:
		hoistVars(st.List, decl)
	case *ast.IfStatement:
		hoistVarsStmt(st.Consequent, decl)
		hoistVarsStmt(st.Alternate, decl)
	case *ast.ForStatement:
		if init, ok := st.Initializer.(*ast.ForLoopInitializerVarDeclList); ok {
			for _, b := range init.List {
				patternNames(b.Target, decl)
			}
		}
		hoistVarsStmt(st.Body, decl)
	case *ast.ForInStatement:
		hoistForInto(st.Into, decl)
		hoistVarsStmt(st.Body, decl)
	case *ast.ForOfStatement:
		hoistForInto(st.Into, decl)
		hoistVarsStmt(st.Body, decl)
	case *ast.WhileStatement:
		hoistVarsStmt(st.Body, decl)
	case *ast.DoWhileStatement:
		hoistVarsStmt(st.Body, decl)
	case *ast.LabelledStatement:
		hoistVarsStmt(st.Statement, decl)
	case *ast.WithStatement:
		hoistVarsStmt(st.Body, decl)
	case *ast.TryStatement:
		hoistVarsStmt(st.Body, decl)
		if st.Catch != nil {
			hoistVarsStmt(st.Catch.Body, decl)
		}
		if st.Finally != nil {
			hoistVarsStmt(st.Finally, decl)
		}
	case *ast.SwitchStatement:
		for _, c := range st.Body {
			hoistVars(c.Consequent, decl)
		}
	}
}

func hoistForInto(into ast.ForInto, decl func(name string)) {
	if v, ok := into.(*ast.ForIntoVar); ok {
		patternNames(v.Binding.Target, decl)
	}
}

// hoistLexical calls decl for every let, const, class and function declared
// directly in stmts (one block's statement list). Function declarations are
// block scoped here, as in strict code; the sloppy-mode Annex B var copy is
// deliberately not modelled.
func hoistLexical(stmts []ast.Statement, decl func(name string, k Kind)) {
	for _, st := range stmts {
		switch st := st.(type) {
		case *ast.LexicalDeclaration:
			k := Let
			if st.Token == token.CONST {
				k = Const
			}
			for _, b := range st.List {
				patternNames(b.Target, func(name string) { decl(name, k) })
			}
		case *ast.FunctionDeclaration:
			if st.Function.Name != nil {
				decl(st.Function.Name.Name.String(), Function)
			}
		case *ast.ClassDeclaration:
			if st.Class.Name != nil {
				decl(st.Class.Name.Name.String(), Class)
			}
		}
	}
}

// patternNames calls decl for every name a binding target declares: a plain
// identifier or every leaf of an object/array destructuring pattern,
// including defaults (`{a = 1}`), renames (`{a: b}`), nesting and rest.
func patternNames(target ast.Expression, decl func(name string)) {
	switch t := target.(type) {
	case *ast.Identifier:
		decl(t.Name.String())
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				decl(p.Name.Name.String())
			case *ast.PropertyKeyed:
				patternNames(p.Value, decl)
			}
		}
		patternNames(t.Rest, decl)
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			patternNames(e, decl)
		}
		patternNames(t.Rest, decl)
	case *ast.AssignExpression: // a target with a default value
		patternNames(t.Left, decl)
	}
}

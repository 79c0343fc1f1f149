package analysis

import (
	"github.com/dop251/goja/ast"
)

// topLevelRequires finds the bindings that top-level var/let/const
// statements initialise from require("literal"). A name declared more than
// once at top level (in any form) is left out: which declaration wins is not
// something a thread should guess.
func topLevelRequires(body []ast.Statement) map[string]*RequireRef {
	count := make(map[string]int)
	hoistVars(body, func(n string) { count[n]++ })
	hoistLexical(body, func(n string, _ Kind) { count[n]++ })
	out := make(map[string]*RequireRef)
	for _, st := range body {
		var list []*ast.Binding
		switch st := st.(type) {
		case *ast.VariableStatement:
			list = st.List
		case *ast.LexicalDeclaration:
			list = st.List
		}
		for _, b := range list {
			spec, path, ok := requireCall(b.Initializer)
			if !ok {
				continue
			}
			requirePattern(b.Target, spec, path, func(n string, r *RequireRef) {
				if count[n] == 1 {
					out[n] = r
				}
			})
		}
	}
	return out
}

// requireCall matches require("m"), require(`m`) and property accesses on
// them (.a, ["a"]), returning the specifier and the property path.
func requireCall(e ast.Expression) (spec string, path []string, ok bool) {
	switch e := e.(type) {
	case *ast.CallExpression:
		id, isID := e.Callee.(*ast.Identifier)
		if !isID || id.Name != "require" || len(e.ArgumentList) != 1 {
			return "", nil, false
		}
		switch a := e.ArgumentList[0].(type) {
		case *ast.StringLiteral:
			return a.Value.String(), nil, true
		case *ast.TemplateLiteral:
			if a.Tag == nil && len(a.Expressions) == 0 && len(a.Elements) == 1 && a.Elements[0].Valid {
				return a.Elements[0].Parsed.String(), nil, true
			}
		}
	case *ast.DotExpression:
		if spec, path, ok = requireCall(e.Left); ok {
			return spec, appendPath(path, e.Identifier.Name.String()), true
		}
	case *ast.BracketExpression:
		if key, isStr := e.Member.(*ast.StringLiteral); isStr {
			if spec, path, ok = requireCall(e.Left); ok {
				return spec, appendPath(path, key.Value.String()), true
			}
		}
	}
	return "", nil, false
}

// requirePattern reports every name of a binding target together with the
// path that reaches its value. Parts a re-require cannot reproduce exactly
// (defaults, rest, computed keys, array patterns) report nothing.
func requirePattern(target ast.Expression, spec string, path []string, set func(string, *RequireRef)) {
	switch t := target.(type) {
	case *ast.Identifier:
		set(t.Name.String(), &RequireRef{Specifier: spec, Path: path})
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				if p.Initializer == nil {
					n := p.Name.Name.String()
					set(n, &RequireRef{Specifier: spec, Path: appendPath(path, n)})
				}
			case *ast.PropertyKeyed:
				if key := staticKey(p.Key, p.Computed); key != "" {
					requirePattern(p.Value, spec, appendPath(path, key), set)
				}
			}
		}
	}
}

// staticKey is the property name of a non-computed pattern key, or "" when
// it is computed or a number not written in canonical form.
func staticKey(key ast.Expression, computed bool) string {
	if computed {
		return ""
	}
	switch k := key.(type) {
	case *ast.StringLiteral:
		return k.Value.String()
	case *ast.NumberLiteral:
		if isCanonicalIndex(k.Literal) {
			return k.Literal
		}
	}
	return ""
}

func isCanonicalIndex(s string) bool {
	if s == "" || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// appendPath returns path+elem without sharing path's backing array, since
// sibling bindings extend the same prefix.
func appendPath(path []string, elem string) []string {
	out := make([]string, len(path), len(path)+1)
	copy(out, path)
	return append(out, elem)
}

package analysis

import (
	"errors"
	"fmt"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// parsedText is what the text of a function literal says on its own,
// independent of where it was written.
type parsedText struct {
	form    form
	free    []string // names used but not bound inside, first occurrence first
	private []string // #names used (not declared by the text itself as its key)
	strict  bool     // own "use strict" directive, or class code
}

// textWrappers turn a function text into a parseable program, in the order
// tried: most texts are expressions; methods, getters and setters (`m() {}`,
// `get x() {}`, `[k]() {}`) are only valid inside an object literal or a
// class body. The closing newline keeps a trailing line comment harmless.
var textWrappers = [...]struct {
	form        form
	open, close string
}{
	{formExpr, "(", "\n)"},
	{formObjectMethod, "({", "\n})"},
	{formClassMethod, "(class{", "\n})"},
}

// errNotFunction is wrapped by the error of a text that is not exactly one
// function, arrow, class or method literal.
var errNotFunction = errors.New("not the source text of a function or class")

// parseText parses src, the text of one function literal, and walks it.
func parseText(src string) (*parsedText, error) {
	var firstErr error
	for _, wr := range textWrappers {
		prg, err := parser.ParseFile(nil, "", wr.open+src+wr.close, 0, parser.WithDisableSourceMaps)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if node := findLiteral(prg, wr.form, src); node != nil {
			return walkText(node, wr.form)
		}
	}
	if firstErr == nil {
		return nil, fmt.Errorf("analysis: %w", errNotFunction)
	}
	return nil, fmt.Errorf("analysis: %w: %v", errNotFunction, firstErr)
}

// findLiteral returns the literal that a wrapped text parsed to, provided
// the program is exactly that literal and its recorded source is exactly
// src (which rejects things like `function(){}, 1`).
func findLiteral(prg *ast.Program, f form, src string) ast.Node {
	if len(prg.Body) != 1 {
		return nil
	}
	es, ok := prg.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	switch f {
	case formExpr:
		switch e := es.Expression.(type) {
		case *ast.FunctionLiteral:
			if e.Source == src {
				return e
			}
		case *ast.ArrowFunctionLiteral:
			if e.Source == src {
				return e
			}
		case *ast.ClassLiteral:
			if e.Source == src {
				return e
			}
		}
	case formObjectMethod:
		if o, ok := es.Expression.(*ast.ObjectLiteral); ok && len(o.Value) == 1 {
			if p, ok := o.Value[0].(*ast.PropertyKeyed); ok && p.Kind != ast.PropertyKindValue {
				if fl, ok := p.Value.(*ast.FunctionLiteral); ok && fl.Source == src {
					return p
				}
			}
		}
	case formClassMethod:
		if c, ok := es.Expression.(*ast.ClassLiteral); ok && len(c.Body) == 1 {
			if m, ok := c.Body[0].(*ast.MethodDefinition); ok && !m.Static && m.Body.Source == src {
				return m
			}
		}
	}
	return nil
}

// walkText collects the free and private names of a literal parsed on its
// own. The walk starts in an empty global scope, so a reference that no
// scope of the literal binds is free. A named function or class expression
// binds its own name; a declaration's text is analysed as that expression
// too (Program compiles it as one), so its name is never free.
func walkText(node ast.Node, f form) (*parsedText, error) {
	pt := &parsedText{form: f}
	seen := make(map[string]bool)
	seenPrivate := make(map[string]bool)
	w := &walker{scope: newScope(nil, globalScope, "")}
	w.onRef = func(name string) {
		if !seen[name] && w.scope.lookup(name) == nil {
			seen[name] = true
			pt.free = append(pt.free, name)
		}
	}
	w.onPrivate = func(name string) {
		if !seenPrivate[name] {
			seenPrivate[name] = true
			pt.private = append(pt.private, name)
		}
	}
	switch n := node.(type) {
	case *ast.FunctionLiteral:
		pt.strict = hasUseStrict(n.Body.List)
		w.function(n, f, false, "")
	case *ast.ArrowFunctionLiteral:
		if b, ok := n.Body.(*ast.BlockStatement); ok {
			pt.strict = hasUseStrict(b.List)
		}
		w.arrow(n, "")
	case *ast.ClassLiteral:
		pt.strict = true
		w.class(n, false, "")
	case *ast.PropertyKeyed: // object literal method: a computed key is part of the text
		fl := n.Value.(*ast.FunctionLiteral)
		pt.strict = hasUseStrict(fl.Body.List)
		if n.Computed {
			w.expr(n.Key)
		}
		w.function(fl, f, false, "")
	case *ast.MethodDefinition:
		pt.strict = true
		w.strict = true
		if k, ok := n.Key.(*ast.PrivateIdentifier); ok {
			seenPrivate[k.Name.String()] = true // the method's own key is declared, not used
		}
		if n.Computed {
			w.expr(n.Key)
		}
		w.function(n.Body, f, false, "")
	}
	if w.err != nil {
		return nil, w.err
	}
	return pt, nil
}

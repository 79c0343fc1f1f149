package analysis

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/jsrun/jsrun/internal/nesting"
)

// parsedText is what the text of a function literal says on its own,
// independent of where it was written.
type parsedText struct {
	form    form
	free    []string // names used but not bound inside, first occurrence first
	private []string // #names used (not declared by the text itself as its key)
	strict  bool     // own "use strict" directive, or class code
	full    string   // text to compile: the text itself, or its repaired form

	ownPrivate string // a method's own #key (without #), "" if not private
	accessor   bool   // the method is a getter or setter
}

// ownKey notes a method's own key: a #name there is declared by the text
// (not a use to declare again), and makes the text a class element.
func (pt *parsedText) ownKey(key ast.Expression, kind ast.PropertyKind, seenPrivate map[string]bool) {
	pt.accessor = kind == ast.PropertyKindGet || kind == ast.PropertyKindSet
	if k, ok := key.(*ast.PrivateIdentifier); ok {
		pt.ownPrivate = k.Name.String()
		seenPrivate[pt.ownPrivate] = true
	}
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

// errNotOneLiteral: the wrapped text parsed, but to something else than one
// literal with exactly that source (`function(){}, 1`).
var errNotOneLiteral = errors.New("the text is not exactly one literal")

// parseText parses src, the text of one function literal, and walks it.
func parseText(src string) (*parsedText, error) {
	var firstErr error
	for _, wr := range textWrappers {
		pt, err := parseAs(src, src, wr.form, wr.open, wr.close)
		if err == nil {
			return pt, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, fmt.Errorf("analysis: %w: %v", errNotFunction, firstErr)
}

// parseAs parses text wrapped in open/close and walks the literal it holds,
// which must be of form f and have the recorded source src.
func parseAs(text, src string, f form, open, close string) (*parsedText, error) {
	if err := nesting.Check(text); err != nil {
		return nil, err // a text from the wire may nest past what the parser survives
	}
	prg, err := parser.ParseFile(nil, "", open+text+close, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, err
	}
	node := findLiteral(prg, f, src)
	if node == nil {
		return nil, errNotOneLiteral
	}
	pt, err := walkText(node, f)
	if err != nil {
		return nil, err
	}
	pt.full = text
	return pt, nil
}

// maxRepair bounds how far past a truncated text repairText looks.
const maxRepair = 256

// repairText handles texts that goja's toString cuts short, which do not
// parse on their own. The parser ends a concise arrow body at its last AST
// node, which drops the closing parenthesis of a parenthesised body
// (`x => ({a: 1})` becomes "x => ({a: 1}"), and it ends `this.#name` one
// byte early. Re-parsing the complete text yields the same truncated
// Source, so the complete text is a faithful program for the function.
//
// after is the original source that followed the text where it was written
// ("" if unknown): the shortest prefix of text+after that parses to an
// arrow whose Source is text wins. Without it, closing parentheses are
// appended, which covers the common case.
func repairText(text, after string) *parsedText {
	if len(after) > maxRepair {
		after = after[:maxRepair]
	}
	for i := 1; i <= len(after); i++ {
		if c := after[i-1]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if pt, err := parseAs(text+after[:i], text, formExpr, "(", "\n)"); err == nil {
			return pt
		}
	}
	if after == "" {
		for i := 1; i <= 16; i++ {
			if pt, err := parseAs(text+strings.Repeat(")", i), text, formExpr, "(", "\n)"); err == nil {
				return pt
			}
		}
	}
	return nil
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
		pt.ownKey(n.Key, n.Kind, seenPrivate)
		if n.Computed {
			w.expr(n.Key)
		}
		w.function(fl, f, false, "")
	case *ast.MethodDefinition:
		pt.strict = true
		w.strict = true
		pt.ownKey(n.Key, n.Kind, seenPrivate)
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

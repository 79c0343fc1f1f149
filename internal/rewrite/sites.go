package rewrite

import (
	"runtime"
	"slices"
	"strconv"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/token"
	"github.com/dop251/goja/unistring"
)

// A function value tells its source text (toString) but not where it was
// written, and one text may be written at places where it means different
// things (a name local at one, top-level at another). The caller of
// Program can name such places (a Tagger): the function made there then
// carries its site, which Sites.Of reads back.
//
//	function or arrow expression         ->  __jsrun$(tag, EXPR, site)
//	the same where its name is inferred  ->  __jsrun$(tag, {[name]: EXPR}[name], site)
//	function f() {} (hoisted)            ->  { const __jsrun$site = __jsrun$(tag, f, site) }
//	                                         at the top of its scope
//	class C {}, or a class expression    ->  class C { static { __jsrun$(tag, this, site) } }
//
// An anonymous function takes its name from where it stands (const f =
// () => {} is named f); as a call's argument it would have none, so where
// goja would name it, it first stands in an object literal under that
// name, which names it alike (name and stack frames). A declaration's tag
// is a block holding a declaration, whose completion is empty, so that a
// script's completion value stays what it was; a class's is its first
// static element, run before any other. A site whose name is computed at
// run time ({[k]: () => {}}), a method, and a function declaration that
// is not directly in a block, a function body or the script (in a switch
// case, after a label or an if) are not tagged: their functions carry no
// site.

// Tagger says whether the function, arrow or class literal starting at
// start is to carry a site, and which.
type Tagger func(start file.Idx) (site int, ok bool)

// Sites holds the sites of one runtime's tagged functions. It holds them
// weakly: a function no longer used goes, and its entry with it. The
// helper writes from the runtime's goroutine; the cleanups run on
// another.
type Sites struct {
	mu sync.Mutex
	m  map[weak.Pointer[goja.Object]]int
}

// Of returns the site fn was tagged with, if it was.
func (s *Sites) Of(fn *goja.Object) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	site, ok := s.m[weak.Make(fn)]
	return site, ok
}

// set tags fn with site, unless it carries one already: a script that
// calls the helper itself cannot move a function made at a tagged site.
func (s *Sites) set(fn *goja.Object, site int) {
	p := weak.Make(fn)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[p]; ok {
		return
	}
	if s.m == nil {
		s.m = map[weak.Pointer[goja.Object]]int{}
	}
	s.m[p] = site
	runtime.AddCleanup(fn, s.forget, p)
}

func (s *Sites) forget(p weak.Pointer[goja.Object]) {
	s.mu.Lock()
	delete(s.m, p)
	s.mu.Unlock()
}

// tag is the helper's job: (fn, site) -> fn, tagged.
func (h *helpers) tag(fn, site goja.Value) goja.Value {
	if obj, ok := fn.(*goja.Object); ok {
		if n := site.ToInteger(); n >= 0 {
			h.sites.set(obj, int(n))
		}
	}
	return fn
}

// naming is what the place an expression stands in does to an anonymous
// function there: nothing, name it (name), or name it with a name known
// only at run time (unknown). The walker's parent sets it for the child it
// walks next.
type naming struct {
	name    *ast.StringLiteral
	unknown bool
}

// tagged returns e, a literal the walker has been through, as the
// expression that makes it and tags it, or e itself.
func (w *walker) tagged(e ast.Expression, n naming) ast.Expression {
	if w.tag == nil || n.unknown {
		return e
	}
	site, ok := w.tag(e.Idx0())
	if !ok {
		return e
	}
	w.changed = true
	anonymous := false
	switch e := e.(type) {
	case *ast.FunctionLiteral:
		anonymous = e.Name == nil
	case *ast.ArrowFunctionLiteral:
		anonymous = true
	}
	at := e.Idx0()
	if anonymous && n.name != nil {
		key := func() ast.Expression { c := *n.name; return &c }
		obj := &ast.ObjectLiteral{LeftBrace: at, RightBrace: at, Value: []ast.Property{
			&ast.PropertyKeyed{Key: key(), Kind: ast.PropertyKindValue, Value: e, Computed: true},
		}}
		e = &ast.BracketExpression{Left: obj, Member: key(), LeftBracket: at, RightBracket: at}
	}
	return call(helperTag, at, at, e, number(site, at))
}

// tagClass makes the class, declared or an expression, tag itself in a
// static block before any other static element runs: where it stands
// does not change, nor the name it is given there.
func (w *walker) tagClass(c *ast.ClassLiteral) {
	if w.tag == nil {
		return
	}
	site, ok := w.tag(c.Idx0())
	if !ok {
		return
	}
	w.changed = true
	at := c.Idx0()
	this := &ast.ThisExpression{Idx: at}
	block := &ast.ClassStaticBlock{Static: at, Block: &ast.BlockStatement{
		LeftBrace: at, RightBrace: at,
		List: []ast.Statement{&ast.ExpressionStatement{Expression: call(helperTag, at, at, this, number(site, at))}},
	}}
	c.Body = append([]ast.ClassElement{block}, c.Body...)
}

// tagDeclarations tags the functions declared directly in list, a
// script's, function's or block's statements, at the top of the list
// (where they are hoisted to), after its directives. Of two declarations
// of one name, the last is the one bound. Classes tag themselves (see
// tagClass).
func (w *walker) tagDeclarations(list []ast.Statement) []ast.Statement {
	if w.tag == nil {
		return list
	}
	var tags []ast.Statement
	byName := map[unistring.String]int{} // a name's tag in tags
	for _, s := range list {
		d, ok := s.(*ast.FunctionDeclaration)
		if !ok || d.Function.Name == nil {
			continue
		}
		var st ast.Statement
		if site, ok := w.tag(d.Function.Idx0()); ok {
			st = tagStatement(d.Function.Name, site)
		}
		if j, seen := byName[d.Function.Name.Name]; seen {
			tags[j] = st // nil: the one bound is not tagged
		} else {
			byName[d.Function.Name.Name] = len(tags)
			tags = append(tags, st)
		}
	}
	tags = slices.DeleteFunc(tags, func(s ast.Statement) bool { return s == nil })
	if len(tags) == 0 {
		return list
	}
	w.changed = true
	n := 0
	for n < len(list) && isDirective(list[n]) {
		n++
	}
	return append(list[:n:n], append(tags, list[n:]...)...)
}

// tagStatement is { const __jsrun$site = __jsrun$(tag, name, site) }: a
// statement whose completion is empty, like the declaration's.
func tagStatement(name *ast.Identifier, site int) ast.Statement {
	at := name.Idx
	ref := *name
	return &ast.BlockStatement{LeftBrace: at, RightBrace: at, List: []ast.Statement{
		&ast.LexicalDeclaration{Idx: at, Token: token.CONST, List: []*ast.Binding{{
			Target:      ident(nameSite, at),
			Initializer: call(helperTag, at, at, &ref, number(site, at)),
		}}},
	}}
}

func number(n int, at file.Idx) *ast.NumberLiteral {
	return &ast.NumberLiteral{Idx: at, Literal: strconv.Itoa(n), Value: int64(n)}
}

// keyName is the name an object literal's property key, or a class
// field's, gives the anonymous function it holds, as a string literal,
// and whether it is known before run time: not for a computed key, nor a
// number (whose name is its canonical text).
func keyName(key ast.Expression) (*ast.StringLiteral, bool) {
	switch k := key.(type) {
	case *ast.StringLiteral:
		return stringLiteral(k.Value.String(), k.Idx), true
	case *ast.Identifier:
		return stringLiteral(k.Name.String(), k.Idx), true
	case *ast.PrivateIdentifier:
		return stringLiteral("#"+k.Name.String(), k.Idx0()), true
	}
	return nil, false
}

func stringLiteral(s string, at file.Idx) *ast.StringLiteral {
	return &ast.StringLiteral{Idx: at, Literal: strconv.Quote(s), Value: unistring.NewFromString(s)}
}

// namingAssignment says an assignment names an anonymous function on its
// right: x = f, x ||= f, x &&= f, x ??= f, for a plain name x.
func namingAssignment(e *ast.AssignExpression) bool {
	if _, ok := e.Left.(*ast.Identifier); !ok {
		return false
	}
	switch e.Operator {
	case token.ASSIGN, token.LOGICAL_AND, token.LOGICAL_OR, token.COALESCE:
		return true
	}
	return false
}

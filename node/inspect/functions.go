package inspect

import (
	"strings"

	"github.com/dop251/goja"
)

// functionBase is Node's getFunctionBase: [Function: f], [class A], ...
func (c *ctx) functionBase(o *goja.Object, ctor, tag string) string {
	src := call(c.r.funcToString, o).String()
	if strings.HasPrefix(src, "class") && strings.HasSuffix(src, "}") {
		slice := src[5 : len(src)-1]
		if i := strings.IndexByte(slice, '{'); i != -1 && (!strings.Contains(slice[:i], "(") || looksLikeClass(slice)) {
			return c.classBase(o, ctor, tag)
		}
	}
	typ := c.functionType(o)
	base := "[" + typ
	if ctor == noCtor {
		base += " (null prototype)"
	}
	name := o.Get("name")
	switch {
	case name == nil || (goja.IsString(name) && name.String() == ""):
		base += " (anonymous)"
	case goja.IsString(name):
		base += ": " + name.String()
	default:
		base += ": " + c.formatValue(name, 0, false)
	}
	base += "]"
	if ctor != typ && ctor != noCtor {
		base += " " + ctor
	}
	if tag != "" && ctor != tag {
		base += " [" + tag + "]"
	}
	return base
}

// looksLikeClass is Node's slow check that "class ... {" starts a class:
// after comments are removed, the text up to the first brace has no
// parenthesis.
func looksLikeClass(s string) bool {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "//") {
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				break
			}
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "/*") {
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				break
			}
			i += j + 3
			continue
		}
		b.WriteByte(s[i])
	}
	t := b.String()
	i := strings.IndexByte(t, '{')
	return i > 0 && strings.TrimSpace(t[:i]) != "" && !strings.Contains(t[:i], "(")
}

// classBase is Node's getClassBase: [class A extends B].
func (c *ctx) classBase(o *goja.Object, ctor, tag string) string {
	name := ""
	if call(c.r.hasOwn, o, c.r.rt.ToValue("name")).ToBoolean() {
		if n := o.Get("name"); n != nil && n.ToBoolean() {
			name = n.String()
		}
	}
	if name == "" {
		name = "(anonymous)"
	}
	base := "class " + name
	if ctor != "Function" && ctor != noCtor {
		base += " [" + ctor + "]"
	}
	if tag != "" && ctor != tag {
		base += " [" + tag + "]"
	}
	if ctor != noCtor {
		if p := o.Prototype(); p != nil {
			if sn := p.Get("name"); sn != nil && sn.ToBoolean() {
				base += " extends " + sn.String()
			}
		}
	} else {
		base += " extends [null prototype]"
	}
	return "[" + base + "]"
}

// functionType is "Function", "AsyncFunction", "GeneratorFunction" or
// "AsyncGeneratorFunction". goja shows no difference in a function's class
// or Go type, so the prototype chain decides (V8 reads an internal slot:
// only a function whose prototype was replaced tells them apart).
func (c *ctx) functionType(o *goja.Object) string {
	for p, n := o.Prototype(), 0; p != nil && n < 100; p, n = p.Prototype(), n+1 {
		switch {
		case p.SameAs(c.r.funcProto):
			return "Function"
		case p.SameAs(c.r.asyncFnProto):
			return "AsyncFunction"
		case p.SameAs(c.r.genFnProto):
			return "GeneratorFunction"
		case c.r.asyncGenFnProto != nil && p.SameAs(c.r.asyncGenFnProto):
			return "AsyncGeneratorFunction"
		}
	}
	return "Function"
}

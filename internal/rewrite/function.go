package rewrite

import (
	"strings"

	"github.com/dop251/goja"
)

// functionKinds are the constructors that compile source text at run
// time: Function, and those of async functions and generators, which a
// script reaches through prototypes (Object.getPrototypeOf(function* () {})
// .constructor). goja has no async generators.
var functionKinds = []struct{ name, open string }{
	{"Function", "(function anonymous("},
	{"AsyncFunction", "(async function anonymous("},
	{"GeneratorFunction", "(function* anonymous("},
}

// findConstructors gives the original constructors, in functionKinds'
// order, of a fresh runtime.
var findConstructors = goja.MustCompile("<jsrun>", `[
	Function,
	Object.getPrototypeOf(async function () {}).constructor,
	Object.getPrototypeOf(function* () {}).constructor,
]`, true)

// wrapFunctionConstructors puts a wrapper in place of each constructor in
// functionKinds: as the global Function and as the constructor property
// of its prototype. The wrapper builds the same source text goja does,
// and compiles it through the rewrite when there is something to rewrite;
// otherwise, and for a text that does not parse, it calls the original
// with the arguments already converted to strings, so that the function,
// or goja's SyntaxError, is exactly what it was.
func (h *helpers) wrapFunctionConstructors() {
	rt := h.rt
	list, err := rt.RunProgram(findConstructors)
	if err != nil {
		panic(err) // not reached: a fresh runtime has them all
	}
	originals := list.(*goja.Object)
	for i, kind := range functionKinds {
		orig := originals.Get(string(rune('0' + i))).(*goja.Object)
		w := h.functionConstructor(kind.open, orig)
		proto := orig.Get("prototype").(*goja.Object)
		// DefineDataProperty's flags: writable, configurable, enumerable.
		_ = w.DefineDataProperty("name", rt.ToValue(kind.name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = w.DefineDataProperty("length", rt.ToValue(1), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = w.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		_ = proto.DefineDataProperty("constructor", w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		_ = w.SetPrototype(orig.Prototype())
		if i == 0 {
			_ = rt.GlobalObject().DefineDataProperty("Function", w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		}
	}
}

// functionConstructor makes the wrapper of one constructor.
func (h *helpers) functionConstructor(open string, orig *goja.Object) *goja.Object {
	rt := h.rt
	construct, _ := goja.AssertConstructor(orig)
	return rt.ToValue(func(c goja.ConstructorCall) *goja.Object {
		// The arguments become strings first, once each and in order, as
		// goja's constructor does.
		args := make([]goja.Value, len(c.Arguments))
		texts := make([]string, len(c.Arguments))
		for i, a := range c.Arguments {
			args[i] = a.ToString()
			texts[i] = args[i].String()
		}
		if fn := h.compileFunction(open, texts, c.NewTarget); fn != nil {
			return fn
		}
		fn, err := construct(c.NewTarget, args...)
		if err != nil {
			panic(err)
		}
		return fn
	}).(*goja.Object)
}

// compileFunction compiles the function text goja's constructor would
// make of texts, through the rewrite, and returns the function; or nil
// when the text does not parse or has nothing to rewrite.
func (h *helpers) compileFunction(open string, texts []string, newTarget *goja.Object) *goja.Object {
	var src strings.Builder
	src.WriteString(open)
	if n := len(texts); n > 1 {
		src.WriteString(strings.Join(texts[:n-1], ","))
	}
	src.WriteString("\n) {\n")
	if n := len(texts); n > 0 {
		src.WriteString(texts[n-1])
	}
	src.WriteString("\n})")
	prg, err := goja.Parse("<eval>", src.String())
	if err != nil || !Program(prg) {
		return nil
	}
	p, err := goja.CompileAST(prg, false)
	if err != nil {
		return nil // the original throws goja's own error for it
	}
	v, err := h.rt.RunProgram(p)
	if err != nil {
		panic(err)
	}
	fn := v.(*goja.Object)
	if newTarget != nil {
		// new.target's prototype, as goja's constructor takes it.
		if proto, ok := newTarget.Get("prototype").(*goja.Object); ok && proto != fn.Prototype() {
			_ = fn.SetPrototype(proto)
		}
	}
	return fn
}

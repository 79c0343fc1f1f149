package rewrite

import (
	"strconv"
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

// findConstructors gives the async function and generator constructors.
var findConstructors = goja.MustCompile("<jsrun>", `[
	Object.getPrototypeOf(async function () {}).constructor,
	Object.getPrototypeOf(function* () {}).constructor,
]`, true)

// wrapFunction puts a wrapper (functionConstructor) in place of Function:
// as the global and as Function.prototype.constructor.
func (h *helpers) wrapFunction() {
	w := h.replaceConstructor(0, h.rt.Get("Function").(*goja.Object))
	_ = h.rt.GlobalObject().DefineDataProperty("Function", w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// prepare wraps the async function and generator constructors. Making
// them costs more than the rest of Install, and a script can reach them
// only from an async function or a generator, so Program puts a call of
// prepare at the start of every program that has one, and the Function
// wrapper calls it for a text that has one (an eval'd text is not
// rewritten at all, see the package doc). It runs once per runtime.
func (h *helpers) prepare() {
	if h.prepared {
		return
	}
	h.prepared = true
	list, err := h.rt.RunProgram(findConstructors)
	if err != nil {
		panic(err) // not reached: a runtime has them
	}
	originals := list.(*goja.Object)
	for i := 1; i < len(functionKinds); i++ {
		h.replaceConstructor(i, originals.Get(strconv.Itoa(i-1)).(*goja.Object))
	}
}

// replaceConstructor makes the wrapper of functionKinds[kind], whose
// original is orig, puts it as the constructor of orig's prototype and
// returns it.
func (h *helpers) replaceConstructor(kind int, orig *goja.Object) *goja.Object {
	rt := h.rt
	w := h.functionConstructor(functionKinds[kind].open, orig)
	proto := orig.Get("prototype").(*goja.Object)
	// DefineDataProperty's flags: writable, configurable, enumerable.
	_ = w.DefineDataProperty("name", rt.ToValue(functionKinds[kind].name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = w.DefineDataProperty("length", rt.ToValue(1), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = w.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = w.SetPrototype(orig.Prototype())
	_ = proto.DefineDataProperty("constructor", w, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return w
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
	h.checkText(h.rt.ToValue(src.String()))
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

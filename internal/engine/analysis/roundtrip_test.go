package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// rtScript has one of every kind of function literal, each throwing. Lines
// and columns vary on purpose: column 1 (the wrapper's opening goes on the
// line before), deep columns, non-ASCII bytes before a literal on its line.
const rtScript = `class Base {}
function decl(a) {
  throw new Error("decl " + a);
}
const fe = function (x) {
  throw new Error("fe");
};
const nfe = function inner() { throw new Error("nfe") };
const a1 = x => { throw new Error("a1") };
const a2 = (x, y) => { throw new Error("a2") };
const a3 = () => null.boom;
async function af() {
  await null;
  throw new Error("af");
}
const aa = async (x) => { throw new Error("aa") };
const aa1 = async x => { throw new Error("aa1") };
function* gen() {
  yield 1;
  throw new Error("gen");
}
const genExpr = function* () { throw new Error("genExpr") };
class K {
  constructor() {
    throw new Error("K");
  }
}
const KE = class {
  constructor() { throw new Error("KE") }
};
class D extends Base {
  constructor() {
    super();
    throw new Error("D");
  }
}
const obj = {
  m() {
    throw new Error("m");
  },
  get g() { throw new Error("g") },
  set s(v) { throw new Error("s " + v) },
  [Symbol.for("k")]() { throw new Error("computed") },
  async am() { throw new Error("am") },
  *gm() { throw new Error("gm") },
  "str key"() { throw new Error("str") },
};
class M {
  #p = 1;
  static sm() { throw new Error("sm") }
  get x() { throw new Error("x") }
  set x(v) { throw new Error("setx") }
  im() { throw new Error("im") }
  static get sg() { throw new Error("sg") }
  [` + "`t${1}`" + `]() { throw new Error("tpl") }
  usesPrivate() { return this.#p }
}
/* ümlaut ß → */ const up = () => { throw new Error("ü") };
const tl = (s) => {
  const ü = ` + "`äö ${s} ü`" + `;
  throw new Error(` + "`${ü} — ${\"ß\"}`" + `);
};
`

type rtCase struct {
	get    string // expression giving the function in the original runtime
	at     string // marker at which the literal starts (its Site)
	call   string // statement that makes __f throw
	throws string // marker of the "new Error" (or other) that throws, "" to compare with the original only
	strict bool
	form   form
}

var rtCases = []rtCase{
	{"decl", "function decl", "__f(1)", `new Error("decl "`, false, formExpr},
	{"fe", "function (x)", "__f()", `new Error("fe")`, false, formExpr},
	{"nfe", "function inner", "__f()", `new Error("nfe")`, false, formExpr},
	{"a1", "x => {", "__f()", `new Error("a1")`, false, formExpr},
	{"a2", "(x, y) =>", "__f()", `new Error("a2")`, false, formExpr},
	{"a3", "() => null", "__f()", "", false, formExpr},
	{"af", "async function af", "__f()", `new Error("af")`, false, formExpr},
	{"aa", "async (x) =>", "__f()", `new Error("aa")`, false, formExpr},
	{"aa1", "async x =>", "__f()", `new Error("aa1")`, false, formExpr},
	{"gen", "function* gen", "var it = __f(); it.next(); it.next()", `new Error("gen")`, false, formExpr},
	{"genExpr", "function* ()", "__f().next()", `new Error("genExpr")`, false, formExpr},
	{"K", "class K", "new __f()", `new Error("K")`, true, formExpr},
	{"KE", "class {\n  constructor() { throw new Error(\"KE\")", "new __f()", `new Error("KE")`, true, formExpr},
	{"D", "class D", "new __f()", `new Error("D")`, true, formExpr},
	{"obj.m", "m() {\n", "__f()", `new Error("m")`, false, formObjectMethod},
	{`Object.getOwnPropertyDescriptor(obj, "g").get`, "get g()", "__f()", `new Error("g")`, false, formObjectMethod},
	{`Object.getOwnPropertyDescriptor(obj, "s").set`, "set s(v)", "__f(1)", `new Error("s "`, false, formObjectMethod},
	{`obj[Symbol.for("k")]`, `[Symbol.for("k")]()`, "__f()", `new Error("computed")`, false, formObjectMethod},
	{"obj.am", "async am()", "__f()", `new Error("am")`, false, formObjectMethod},
	{"obj.gm", "*gm()", "__f().next()", `new Error("gm")`, false, formObjectMethod},
	{`obj["str key"]`, `"str key"()`, "__f()", `new Error("str")`, false, formObjectMethod},
	{"M.sm", "sm()", "__f()", `new Error("sm")`, true, formClassMethod},
	{`Object.getOwnPropertyDescriptor(M.prototype, "x").get`, "get x()", "__f()", `new Error("x")`, true, formClassMethod},
	{`Object.getOwnPropertyDescriptor(M.prototype, "x").set`, "set x(v)", "__f(1)", `new Error("setx")`, true, formClassMethod},
	{"M.prototype.im", "im()", "__f()", `new Error("im")`, true, formClassMethod},
	{`Object.getOwnPropertyDescriptor(M, "sg").get`, "get sg()", "__f()", `new Error("sg")`, true, formClassMethod},
	{"M.prototype.t1", "[`t${1}`]()", "__f()", `new Error("tpl")`, true, formClassMethod},
	{"M.prototype.usesPrivate", "usesPrivate()", "__f.call({})", "", true, formClassMethod},
	{"up", "() => { throw new Error(\"ü\")", "__f()", `new Error("ü")`, false, formExpr},
	{"tl", "(s) => {", "__f('x')", "new Error(`", false, formExpr},
}

// TestRoundTrip is the contract with goja: for every kind of function
// literal, the text goja's toString gives for the value is found in the
// index at the right place, and the program built from it, compiled in a new
// runtime, throws at the same file:line:col as the original.
func TestRoundTrip(t *testing.T) {
	orig := goja.New()
	if _, err := orig.RunScript("rt.js", rtScript); err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	rt := mustParse(t, "rt.js", rtScript)
	ix.Add(rt)
	for _, c := range rtCases {
		t.Run(c.get, func(t *testing.T) {
			v, err := orig.RunString(c.get)
			if err != nil {
				t.Fatal(err)
			}
			text := v.String() // goja's Function.prototype.toString
			f, err := ix.Func(text)
			if err != nil {
				t.Fatalf("Func(%q): %v", text, err)
			}
			line, col, off := posOf(t, rtScript, c.at)
			want := Site{File: "rt.js", Line: line, Column: col, Offset: off, script: rt}
			if f.Site == nil || *f.Site != want || want.script == nil {
				t.Fatalf("Site = %+v, want %+v (text %q)", f.Site, want, text)
			}
			if rtScript[off:off+len(text)] != text {
				t.Fatalf("text at Site is not the toString text")
			}
			if f.Strict != c.strict || f.form != c.form {
				t.Errorf("Strict, form = %v, %v; want %v, %v", f.Strict, f.form, c.strict, c.form)
			}
			if len(f.Captured) != 0 {
				t.Errorf("Captured = %v, want none", f.Captured)
			}

			orig.Set("__f", v)
			origAt := throwSite(t, orig, c.call)
			if c.throws != "" {
				l, c2, _ := posOf(t, rtScript, c.throws)
				if w := fmt.Sprintf("rt.js:%d:%d", l, c2); origAt != w {
					t.Fatalf("test is wrong: original throws at %s, marker at %s", origAt, w)
				}
			}

			name, prog := f.Program()
			fresh := goja.New()
			if _, err := fresh.RunScript("setup.js", "class Base {}"); err != nil {
				t.Fatal(err)
			}
			p, err := goja.Compile(name, prog, f.Strict)
			if err != nil {
				t.Fatalf("Compile: %v\n%s", err, prog)
			}
			nv, err := fresh.RunProgram(p)
			if err != nil {
				t.Fatalf("Run: %v\n%s", err, prog)
			}
			if nv.String() != text {
				t.Fatalf("toString in the new runtime = %q, want %q", nv.String(), text)
			}
			if f2, _ := ix.Func(nv.String()); f2 != f {
				t.Errorf("Func of the new function's text is not the cached Func")
			}
			fresh.Set("__f", nv)
			if got := throwSite(t, fresh, c.call); got != origAt {
				t.Errorf("new runtime throws at %s, original at %s\nprogram:\n%s", got, origAt, prog)
			}
		})
	}
}

// TestRoundTripStrictness checks that Program keeps the function's mode:
// this is undefined in a plain call of strict code and the global object in
// sloppy code.
func TestRoundTripStrictness(t *testing.T) {
	for _, c := range []struct {
		src, get string
		strict   bool
	}{
		{"function sl() { return this === undefined }", "sl", false},
		{"'use strict';\nfunction st() { return this === undefined }", "st", true},
		{"function outer() {\n  'use strict';\n  return function () { return this === undefined };\n}", "outer()", true},
		{"function own() { 'use strict'; return this === undefined }", "own", true},
		{"var o = {\n  m() { return this === undefined }\n}", "o.m", false},
		{"class C {\n  static m() { return this === undefined }\n}", "C.m", true},
	} {
		orig := goja.New()
		if _, err := orig.RunScript("s.js", c.src); err != nil {
			t.Fatal(err)
		}
		v, err := orig.RunString(c.get)
		if err != nil {
			t.Fatal(err)
		}
		ix := NewIndex()
		ix.Add(mustParse(t, "s.js", c.src))
		f, err := ix.Func(v.String())
		if err != nil || f.Site == nil {
			t.Fatalf("%s: Func: %v %+v", c.get, err, f)
		}
		if f.Strict != c.strict {
			t.Errorf("%s: Strict = %v, want %v", c.get, f.Strict, c.strict)
		}
		name, prog := f.Program()
		fresh := goja.New()
		nv, err := fresh.RunProgram(goja.MustCompile(name, prog, f.Strict))
		if err != nil {
			t.Fatal(err)
		}
		fn, _ := goja.AssertFunction(nv)
		res, err := fn(goja.Undefined())
		if err != nil {
			t.Fatal(err)
		}
		if res.ToBoolean() != c.strict {
			t.Errorf("%s: this === undefined is %v in the new runtime, want %v", c.get, res, c.strict)
		}
	}
}

// TestRoundTripEdges covers literals at the start of a file or of a line,
// where the wrapper's opening cannot go before them on the same line.
func TestRoundTripEdges(t *testing.T) {
	for _, c := range []struct {
		name, src, get, throws string
		shift                  int // expected column shift of the throw (documented gap)
	}{
		{"first.js", "function first() {\n  throw new Error(\"first\");\n}", "first", `new Error("first")`, 0},
		{"one.js", "function one() { throw new Error(\"one\") }", "one", `new Error("one")`, 1},
		{"cls.js", "class C1 {\n  constructor() { throw new Error(\"c1\") }\n}", "C1", `new Error("c1")`, 0},
		{"tiny.js", "[{m() { throw new Error(\"tiny\") }}][0].m", "", `new Error("tiny")`, 0},
		{"tinyclass.js", "[class{m() { throw new Error(\"tc\") }}][0].prototype.m", "", `new Error("tc")`, 0},
		{"col2.js", "var x;\n{m() {}}; var o = {\nm() {\n throw new Error(\"col1\") } }", "o.m", `new Error("col1")`, 0},
		{"line2col1.js", "\nx => { throw new Error(\"l2\") }", "", `new Error("l2")`, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if strings.Contains(c.src, "{m() {}}") { // an object method at column 1 needs a fixture that parses
				c.src = strings.Replace(c.src, "{m() {}}; ", "", 1)
			}
			orig := goja.New()
			v, err := orig.RunScript(c.name, c.src)
			if err != nil {
				t.Fatal(err)
			}
			if c.get != "" {
				if v, err = orig.RunString(c.get); err != nil {
					t.Fatal(err)
				}
			}
			ix := NewIndex()
			ix.Add(mustParse(t, c.name, c.src))
			f, err := ix.Func(v.String())
			if err != nil || f.Site == nil {
				t.Fatalf("Func: %v %+v", err, f)
			}
			name, prog := f.Program()
			fresh := goja.New()
			nv, err := fresh.RunProgram(goja.MustCompile(name, prog, f.Strict))
			if err != nil {
				t.Fatal(err)
			}
			fresh.Set("__f", nv)
			call := "__f()"
			if strings.HasPrefix(v.String(), "class") {
				call = "new __f()"
			}
			l, col, _ := posOf(t, c.src, c.throws)
			want := fmt.Sprintf("%s:%d:%d", c.name, l, col+c.shift)
			if got := throwSite(t, fresh, call); got != want {
				t.Errorf("throws at %s, want %s\nprogram:\n%s", got, want, prog)
			}
		})
	}
}

// TestRoundTripModule: a function of a CommonJS module is found at its
// position in the module file, and its program reports that position.
func TestRoundTripModule(t *testing.T) {
	src := "'use strict';\nconst helper = 1;\nmodule.exports = function work(n) {\n  throw new Error(\"work \" + n);\n};\n"
	orig := goja.New()
	wrapped, err := orig.RunScript("m.js", "(function(exports, require, module, __filename, __dirname) {"+src+"\n})")
	if err != nil {
		t.Fatal(err)
	}
	mod := orig.NewObject()
	mod.Set("exports", orig.NewObject())
	wf, _ := goja.AssertFunction(wrapped)
	if _, err := wf(goja.Undefined(), mod.Get("exports"), goja.Undefined(), mod); err != nil {
		t.Fatal(err)
	}
	text := mod.Get("exports").String()
	s, err := ParseModule("m.js", src)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	ix.Add(s)
	f, err := ix.Func(text)
	if err != nil || f.Site == nil {
		t.Fatalf("Func: %v %+v", err, f)
	}
	if l, c, _ := posOf(t, src, "function work"); f.Site.Line != l || f.Site.Column != c || !f.Strict {
		t.Fatalf("Site = %+v strict %v, want %d:%d strict", f.Site, f.Strict, l, c)
	}
	name, prog := f.Program()
	fresh := goja.New()
	nv, err := fresh.RunProgram(goja.MustCompile(name, prog, f.Strict))
	if err != nil {
		t.Fatal(err)
	}
	fresh.Set("__f", nv)
	l, c, _ := posOf(t, src, "new Error")
	if got, want := throwSite(t, fresh, "__f(1)"), fmt.Sprintf("m.js:%d:%d", l, c); got != want {
		t.Errorf("throws at %s, want %s", got, want)
	}
}

// TestAsyncGenerator: goja parses async generators but cannot run them yet;
// the text is still found and analysed.
func TestAsyncGenerator(t *testing.T) {
	src := "class M {\n  async *nope() { yield x }\n}\nconst ag = async function* () { yield y };"
	ix := NewIndex()
	ix.Add(mustParse(t, "ag.js", src))
	for _, c := range []struct{ text, at, free string }{
		{"async *nope() { yield x }", "async *nope", "x"},
		{"async function* () { yield y }", "async function*", "y"},
	} {
		f, err := ix.Func(c.text)
		if err != nil || f.Site == nil {
			t.Fatalf("%s: %v %+v", c.text, err, f)
		}
		if _, _, off := posOf(t, src, c.at); f.Site.Offset != off || strings.Join(f.Free, ",") != c.free {
			t.Errorf("%s: Site %+v Free %v", c.text, f.Site, f.Free)
		}
	}
}

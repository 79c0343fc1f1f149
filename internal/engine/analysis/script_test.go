package analysis

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

// kinds renders bindings as "name:kind" sorted, for compact comparison.
func kinds(s *Script) string {
	var out []string
	for n, b := range s.Bindings {
		if b.Name != n {
			out = append(out, "BADNAME:"+n)
		}
		out = append(out, n+":"+b.Kind.String())
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestParseScriptBindings(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"forms",
			"var a = 1, b; let c; const d = 1; function e(){} async function f(){} function* g(){} class H {}",
			"H:class a:var b:var c:let d:const e:function f:function g:function"},
		{"object destructuring",
			"const {i, j: k, l = 1, m: {n, o: [p, q = 2, ...r]}, 'str': st, 7: num, [ck]: comp, ...s} = obj;",
			"comp:const i:const k:const l:const n:const num:const p:const q:const r:const s:const st:const"},
		{"array destructuring",
			"let [t, , u = 3, [v], {w}, ...x] = arr; var [[y = 1] = [], z] = arr2;",
			"t:let u:let v:let w:let x:let y:var z:var"},
		{"blocks exclude lexical, include var",
			"{ let bl = 1; const bc = 2; class BC {} function bf(){} var bv = 1 }" +
				" if (1) { var iv } else { var ev }" +
				" for (var fv = 0;;) break; for (var fi in {}); for (var fo of []); for (let fl = 0;;) break;" +
				" for (const fc of []) {} for (let [fd] of []) {}" +
				" try { var tv } catch (ce) { var cv } finally { var fv2 }" +
				" switch (1) { case 1: var sv; let sl }" +
				" label: var lv; while (0) { var wv } do { var dv } while (0); with ({}) { var wiv }",
			"bv:var cv:var dv:var ev:var fi:var fo:var fv2:var fv:var iv:var lv:var sv:var tv:var wiv:var wv:var"},
		{"function locals are not top-level",
			"function outerF(a) { var inner; let l2; function f2(){} } const af = () => { var av }; class CC { m() { var mv } static { var sbv } }",
			"CC:class af:const outerF:function"},
		{"function declaration wins over var", "var fw; function fw(){}", "fw:function"},
		{"empty", "", ""},
	} {
		s, err := ParseScript("b.js", c.src)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := kinds(s); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if s.Module || s.Name != "b.js" {
			t.Errorf("%s: Module %v Name %q", c.name, s.Module, s.Name)
		}
	}
}

func TestParseScriptRequire(t *testing.T) {
	src := `const r1 = require("m1");
const r2 = require("m2").a.b;
const {a3} = require("m3");
const {a4: {b4: y4}, c4} = require("m4");
const {a5 = 1, b5} = require("m5");
const {...r6} = require("m6");
const [r7] = require("m7");
let r8 = require("m8"); r8 = 2;
var r9 = require(` + "`m9`" + `);
const r10 = require("m10")["x-y"];
const r11 = require(dyn);
var r12 = require("a"); var r12 = require("b");
const r13 = require("m13").x();
if (1) { var r14 = require("m14") }
let r15 = require("m15"); ({r15} = {});
var r16 = require("m16"); r16++;
const {[k17]: r17, "q-17": s17} = require("m17");
const r18 = require("m18", 2);
const r19 = require("m19").a, r20 = require("m20");
const n21 = require("m21").x, {y: m21} = require("m21");
`
	s := mustParse(t, "req.js", src)
	want := map[string]*RequireRef{
		"r1":  {"m1", nil},
		"r2":  {"m2", []string{"a", "b"}},
		"a3":  {"m3", []string{"a3"}},
		"y4":  {"m4", []string{"a4", "b4"}},
		"c4":  {"m4", []string{"c4"}},
		"b5":  {"m5", []string{"b5"}},
		"r9":  {"m9", nil},
		"r10": {"m10", []string{"x-y"}},
		"s17": {"m17", []string{"q-17"}},
		"r19": {"m19", []string{"a"}},
		"r20": {"m20", nil},
		"n21": {"m21", []string{"x"}},
		"m21": {"m21", []string{"y"}},
	}
	for n, b := range s.Bindings {
		if !reflect.DeepEqual(b.Require, want[n]) {
			t.Errorf("%s: Require = %+v, want %+v", n, b.Require, want[n])
		}
	}
	for n := range want {
		if s.Bindings[n] == nil {
			t.Errorf("%s: not a binding", n)
		}
	}

	shadow := mustParse(t, "shadow.js", `function require(x) { return x } const q = require("x");`)
	if shadow.Bindings["q"].Require != nil {
		t.Errorf("require shadowed by a top-level function still counted")
	}
}

func TestParseScriptSyntaxError(t *testing.T) {
	if _, err := ParseScript("bad.js", "let x = 1;\nlet y = ;"); err == nil || !strings.Contains(err.Error(), "bad.js: Line 2:9") {
		t.Errorf("err = %v, want bad.js: Line 2:9", err)
	}
	if _, err := ParseScript("ret.js", "return 1"); err == nil {
		t.Errorf("top-level return accepted in a script")
	}
	if _, err := ParseModule("badm.js", "let x = 1;\nlet y = ;"); err == nil || !strings.Contains(err.Error(), "badm.js: Line 2:9") {
		t.Errorf("module err = %v, want badm.js: Line 2:9", err)
	}
}

func TestParseModule(t *testing.T) {
	src := "const {join} = require('path');\nvar v = 1;\nfunction f() { return v }\nif (v) return;\nmodule.exports = f;"
	s, err := ParseModule("m.js", src)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Module {
		t.Errorf("Module = false")
	}
	if got := kinds(s); got != "f:function join:const v:var" {
		t.Errorf("bindings %s", got)
	}
	if r := s.Bindings["join"].Require; r == nil || r.Specifier != "path" || !reflect.DeepEqual(r.Path, []string{"join"}) {
		t.Errorf("join.Require = %+v", r)
	}
	ix := NewIndex()
	ix.Add(s)
	f, err := ix.Func("function f() { return v }")
	if err != nil {
		t.Fatal(err)
	}
	want := []Capture{{Name: "v", Function: "module m.js", ModuleTop: true}}
	if !reflect.DeepEqual(f.Captured, want) || f.Site == nil || f.Site.Line != 3 || f.Site.Column != 1 {
		t.Errorf("Captured %v Site %+v", f.Captured, f.Site)
	}
	if f.Site.Script() != s {
		t.Errorf("Site.Script is not the module")
	}
}

// TestModuleTopIsTheScopeNotTheName: a function named like a module's top
// level by a property key ("module x") binds locals like any other.
func TestModuleTopIsTheScopeNotTheName(t *testing.T) {
	s, err := ParseModule("/m.js", `const a = require("fs"); const o = {"module x": function () { let a = 1; return () => a + 1 }};`)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex()
	ix.Add(s)
	f, err := ix.Func("() => a + 1")
	if err != nil {
		t.Fatal(err)
	}
	want := []Capture{{Name: "a", Function: "module x"}}
	if !reflect.DeepEqual(f.Captured, want) {
		t.Errorf("Captured %+v, want %+v", f.Captured, want)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Var: "var", Let: "let", Const: "const", Function: "function", Class: "class", Kind(9): "Kind(9)"} {
		if k.String() != want {
			t.Errorf("%d: %q", int(k), k.String())
		}
	}
}

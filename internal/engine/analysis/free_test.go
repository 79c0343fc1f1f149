package analysis

import (
	"reflect"
	"strings"
	"testing"
)

func TestFree(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"function (a, b = c, ...d) { return a + b + d + e }", "c e"},
		{"function f() { return f }", ""},
		{"function fact(n) { return n ? n * fact(n - 1) : 1 }", ""},
		{"(x) => { var y; { let z; } return x + y + z }", "z"},
		{"function () { var v = 1; function inner() { return v + w } return inner }", "w"},
		{"() => arguments", "arguments"},
		{"function () { return () => arguments }", ""},
		{"function () { try { t() } catch (e) { e; q } }", "t q"},
		{"function () { try {} catch ({message, x = dflt}) { message + x } }", "dflt"},
		{"function () { try { t() } catch { } finally { fin() } }", "t fin"},
		{"function () { for (let i = 0; i < n; i++) {} return i }", "n i"},
		{"function () { for (const k in obj) k; for (const v of list) v; for (var w of w2) w }", "obj list w2"},
		{"function () { for (x3 in o4); for ([m1, m2] of o5); }", "x3 o4 m1 m2 o5"},
		{"function () { label: for (;;) { break label; continue label } }", ""},
		{"function () { return o.prop + o2['k'] + {key: 1, [ck]: 2, sh, m() { return mm }} }", "o o2 ck sh mm"},
		{"function () { return `${a} and ${b}` + tag`x${c}` + String.raw`${d}` }", "a b tag c String d"},
		{"function () { return [...sp, ...{...os}, , hole] }", "sp os hole"},
		{"function () { return oc?.a?.[ob]?.(oa) }", "oc ob oa"},
		{"function () { return new X(y) }", "X y"},
		{"class A extends B { f = init; static s = sinit; [ck2] = 1; static { sb } m() { return A + M } }", "B init sinit ck2 sb M"},
		{"class Named { m() { return Named } }", ""},
		{"function () { return typeof undeclared }", "undeclared"},
		{"m() { return this.x + super.y + new.target }", ""},
		{"function () { let {a, b: {c}, ...r} = src; const [d, , e = def, ...f] = arr; return a + c + r + d + e + f }", "src def arr"},
		{"function () { ({a, b: x.y, [k]: z.w} = src2); [z1, z2 = zd] = pair }", "a x k z src2 z1 z2 zd pair"},
		{"function () { g(); function g() {} }", ""},
		{"function () { h(); { function h2() {} } h2() }", "h h2"},
		{"function () { class C {} return C }", ""},
		{"async function () { await p; for (const x of y) {} }", "p y"},
		{"function* () { yield yv; yield* ys }", "yv ys"},
		{"function () { switch (d) { case c1: let sv = 1; break; default: sv } }", "d c1"},
		{"function () { with (wobj) { wx } }", "wobj wx"},
		{"function () { x = 1; y += 2; z++; --w }", "x y z w"},
		{"function (a = () => b, b) {}", ""},
		{"function (a = v) { var v }", "v"},
		{"function ({p = pd, q: [r]} = pdef, ...[s]) { return p + r + s }", "pd pdef"},
		{"(x) => x", ""},
		{"x => y", "y"},
		{"async x => await x", ""},
		{"(a = dflt2) => a", "dflt2"},
		{"m() { return m }", "m"},
		{"get g() { return gv }", "gv"},
		{"set s(v) { sv3 = v }", "sv3"},
		{"[kk]() { return 1 }", "kk"},
		{"async *ag() { yield await agv }", "agv"},
		{"m(o) { return #p in o }", ""},
		{"function () { return eval('x') }", "eval"},
		{"function () { undefined; NaN; globalThis }", "undefined NaN globalThis"},
		{"function () { return /x/g.test(s) }", "s"},
		{"function () { var f = function g() { return g }; return g }", "g"},
		{"function () { return class K2 {} && K2 }", "K2"},
		{"function () { delete obj2.p; void v2 }", "obj2 v2"},
		{"function () { a ? b : c; (d, e) }", "a b c d e"},
		{"function () { const {[key]: val} = o3; return val }", "key o3"},
		{"function () { a; a; b; a }", "a b"},
		{"class S { static { var sv2 = 1; let sl = 2; sv2 + sl + so } }", "so"},
		{"class F { a = () => fa; static b = function () { return fb } }", "fa fb"},
		{"function () { outer: while (c) { continue outer } }", "c"},
		{"function () { do { dw() } while (cond) }", "dw cond"},
		{"function () { if (i1) i2(); else i3() }", "i1 i2 i3"},
		{"function () { throw err }", "err"},
		{"function () { for (i = 0, j = 0; i < 1; i++, j++); }", "i j"},
		{"function () { let l = 1; { let l = l2 } return l }", "l2"},
		{"function () { 'use strict'; return this }", ""},
		{"function () { return { __proto__: pr, 'a b': ab, 1: one } }", "pr ab one"},
		{"function () { return arguments.length }", ""},
		{"function (arguments) { return arguments }", ""},
		{"function () { const {a: {b: deep = dd}} = src3 }", "dd src3"},
	} {
		ix := NewIndex()
		f, err := ix.Func(c.text)
		if err != nil {
			t.Errorf("%s: %v", c.text, err)
			continue
		}
		if got := strings.Join(f.Free, " "); got != c.want {
			t.Errorf("%s:\n got Free %q\nwant      %q", c.text, got, c.want)
		}
		if f.Site != nil || f.Captured != nil {
			t.Errorf("%s: Site %v Captured %v without scripts", c.text, f.Site, f.Captured)
		}
	}
}

func TestCaptured(t *testing.T) {
	src := `let t = 1;
function top() { return t + u }
function outer() { let n = 1; return () => n }
function withArgs() { return () => arguments[0] }
const ta = () => arguments;
{ let bx = 1; var fb = () => bx + t }
const outerArrow = (p) => () => p;
const g = function fact(n) { return () => fact };
const KK = class Inner { m() { return Inner } };
class Top { m() { return Top } }
function mk() { class Loc { m2() { return Loc } } return Loc }
function wrap() { function rec() { return rec + wrap } return rec }
try {} catch (err) { var ce = () => err }
for (let li = 0; li < 1; li++) { var fl = () => li }
function factory(cfg) { return { run() { return cfg + t } } }
function dp(a, f = () => a) {}
const o = { meth(q) { return (z) => q + z } };
let s1 = 1; function sh() { let s1 = 2; return () => s1 + 0 }
for (var gi = 0; gi < 1; gi++) {} const useGi = () => gi;
function a1() { let d = 1; return () => d } const d = 2; const same = () => d;
function deep(x) { return function mid() { return function () { return x + t } } }
function param({dp1}, [dp2]) { return () => dp1 + dp2 }
function blockInFn() { if (1) { const bc = 1; return () => bc } }
class St { static { let sbl = 1; this.f = () => sbl } }
`
	ix := NewIndex()
	ix.Add(mustParse(t, "s.js", src))
	for _, c := range []struct {
		text, free string
		want       []Capture
	}{
		{"function top() { return t + u }", "t u", nil},
		{"() => n", "n", []Capture{{Name: "n", Function: "outer"}}},
		{"() => arguments[0]", "arguments", []Capture{{Name: "arguments", Function: "withArgs"}}},
		{"() => arguments", "arguments", nil},
		{"() => bx + t", "bx t", []Capture{{Name: "bx", Function: "script s.js"}}},
		{"() => p", "p", []Capture{{Name: "p", Function: "outerArrow"}}},
		{"() => fact", "fact", []Capture{{Name: "fact", Function: "fact"}}},
		{"m() { return Inner }", "Inner", []Capture{{Name: "Inner", Function: "Inner"}}},
		{"m() { return Top }", "Top", nil},
		{"m2() { return Loc }", "Loc", []Capture{{Name: "Loc", Function: "mk"}}},
		{"function rec() { return rec + wrap }", "wrap", nil},
		{"() => err", "err", []Capture{{Name: "err", Function: "script s.js"}}},
		{"() => li", "li", []Capture{{Name: "li", Function: "script s.js"}}},
		{"run() { return cfg + t }", "cfg t", []Capture{{Name: "cfg", Function: "factory"}}},
		{"() => a", "a", []Capture{{Name: "a", Function: "dp"}}},
		{"(z) => q + z", "q", []Capture{{Name: "q", Function: "meth"}}},
		{"() => s1 + 0", "s1", []Capture{{Name: "s1", Function: "sh"}}},
		{"() => gi", "gi", nil},
		{"() => d", "d", []Capture{{Name: "d", Function: "a1"}}}, // first site in file order wins
		{"function () { return x + t }", "x t", []Capture{{Name: "x", Function: "deep"}}},
		{"function mid() { return function () { return x + t } }", "x t", []Capture{{Name: "x", Function: "deep"}}},
		{"() => dp1 + dp2", "dp1 dp2", []Capture{{Name: "dp1", Function: "param"}, {Name: "dp2", Function: "param"}}},
		{"() => bc", "bc", []Capture{{Name: "bc", Function: "blockInFn"}}},
		{"() => sbl", "sbl", []Capture{{Name: "sbl", Function: "St"}}},
	} {
		f, err := ix.Func(c.text)
		if err != nil {
			t.Errorf("%s: %v", c.text, err)
			continue
		}
		if f.Site == nil {
			t.Errorf("%s: no Site", c.text)
			continue
		}
		if got := strings.Join(f.Free, " "); got != c.free {
			t.Errorf("%s: Free %q, want %q", c.text, got, c.free)
		}
		if !reflect.DeepEqual(f.Captured, c.want) {
			t.Errorf("%s: Captured %v, want %v", c.text, f.Captured, c.want)
		}
	}
}

func TestFuncErrors(t *testing.T) {
	ix := NewIndex()
	for _, text := range []string{
		"", "1 + 2", "not a function", "function(){}, 1", "function a(){} function b(){}",
		"m() {}, n() {}", "x => x; y", "static m() {}", "{}", "function (", "class {} + 1",
	} {
		if f, err := ix.Func(text); err == nil {
			t.Errorf("Func(%q) = %+v, want error", text, f)
		} else if !strings.Contains(err.Error(), errNotFunction.Error()) {
			t.Errorf("Func(%q): error %v does not say what is wrong", text, err)
		}
	}
}

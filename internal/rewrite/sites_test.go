package rewrite

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
)

// tagAll tags every literal it is asked about with its offset.
func tagAll(start file.Idx) (int, bool) { return int(start) - 1, true }

// runTagged runs src in a fresh runtime, compiled with every literal
// tagged, and returns its completion value as a string and the sites.
func runTagged(t *testing.T, src string) (string, *goja.Runtime, *Sites) {
	t.Helper()
	rt := goja.New()
	sites := Install(rt)
	prg, err := CompileTagged("case.js", src, false, tagAll)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	v, err := rt.RunProgram(prg)
	if err != nil {
		return "uncaught: " + err.Error(), rt, sites
	}
	return v.String(), rt, sites
}

// offsets are bytecode positions in a stack frame, "(12)": they move with
// any edit of a program.
var offsets = regexp.MustCompile(`:(\d+):(\d+)\(\d+\)`)

// TestTaggingKeepsMeaning runs scripts with every literal tagged and
// without: names, stack frames, completion values, hoisting and the
// other functions' behaviour are the same.
func TestTaggingKeepsMeaning(t *testing.T) {
	t.Parallel()
	for i, src := range []string{
		// Names where JavaScript infers them, and where it does not.
		`const a = () => 1, b = function () {}, C = class {};
		let d; d = () => 1; let e = null; e ??= () => 1; let f = 1; f &&= () => 1; let g = 0; g ||= () => 1;
		const o = { p: () => 1, "q r": function () {}, 3: () => 1, [("c" + "k")]: () => 1, __proto__: null, m() {}, get x() { return 1 } };
		class K { fld = () => 1; #priv = () => 1; static s = () => 1; ["comp"] = () => 1; __proto__ = () => 1; privName() { return this.#priv.name } }
		function dflt(h = () => 1, { i = () => 1 } = {}, [j = () => 1] = []) { return [h.name, i.name, j.name] }
		const { k = () => 1 } = {}; const [l = () => 1] = [];
		const named = function inner() {}, namedClass = class Inner {};
		const k1 = new K();
		[a.name, b.name, C.name, d.name, e.name, f.name, g.name, o.p.name, o["q r"].name, o[3].name, o.ck.name, Object.getPrototypeOf(o) === null,
		 k1.fld.name, k1.privName(), K.s.name, k1.comp.name, k1.__proto__.name, dflt().join(), k.name, l.name, named.name, namedClass.name,
		 [() => 1][0].name, (0, () => 1).name, (() => 1).name].join(" ")`,
		// Declarations: hoisted, the last of one name bound, classes after.
		`const before = typeof f + " " + f();
		function f() { return 1 }
		function f() { return 2 }
		{ function blk() { return "b" } }
		class A { static v = A.name }
		function outer() { return typeof inner + inner(); function inner() { return "i" } }
		[before, f(), blk(), A.v, outer(), typeof A].join(" ")`,
		// A script of declarations only completes with undefined.
		`function only() {}`,
		// Strictness and directives are kept.
		`"use strict"; function s() { return this } typeof s()`,
		`function sloppy() { "use strict"; return this === undefined } sloppy()`,
		// Stack frames name the functions as before.
		`const thrower = () => { throw new Error("x") };
		const obj = { meth: () => { throw new Error("y") } };
		function decl() { throw new Error("z") }
		const frames = [];
		for (const f of [thrower, obj.meth, decl]) { try { f() } catch (e) { frames.push(e.stack.split("\n")[1].trim()) } }
		frames.join(" | ")`,
		// Generators, async functions and classes that extend.
		`function* gen() { yield 1 } const ag = async () => 2; class B extends Array {}
		[gen().next().value, gen.name, ag.name, new B() instanceof Array, B.name].join(" ")`,
	} {
		plain := runScript(t, false, src)
		tagged, _, _ := runTagged(t, src)
		plain, tagged = offsets.ReplaceAllString(plain, ":$1:$2"), offsets.ReplaceAllString(tagged, ":$1:$2")
		if plain != tagged {
			t.Errorf("case %d:\nplain:  %s\ntagged: %s", i, plain, tagged)
		}
	}
}

// TestTaggedFunctionsCarryTheirSite: each function made at a tagged
// literal carries that literal's offset; methods and computed names carry
// none; a script calling the helper cannot move a site.
func TestTaggedFunctionsCarryTheirSite(t *testing.T) {
	t.Parallel()
	src := `const a = (v) => v;
function d() {}
class C {}
const o = { p: function () {}, [("k")]: () => 1, m() {} };
const made = [1, 2].map(() => (x) => x);
__jsrun$(` + fmt.Sprint(int(helperTag)) + `, a, 999);
const e = class {};
[a, d, C, o.p, o.k, o.m, made[0], made[1]]`
	_, rt, sites := runTagged(t, src)
	v, err := rt.RunString(`[a, d, C, o.p, o.k, o.m, made[0], made[1], e]`)
	if err != nil {
		t.Fatal(err)
	}
	at := func(text string) int { return strings.Index(src, text) }
	want := []int{at("(v) => v"), at("function d"), at("class C"), at("function () {}"), -1, -1, at("(x) => x"), at("(x) => x"), at("class {}")}
	list := v.(*goja.Object)
	for i := range want {
		obj := list.Get(fmt.Sprint(i)).(*goja.Object)
		site, ok := sites.Of(obj)
		if !ok {
			site = -1
		}
		if site != want[i] {
			t.Errorf("value %d: site %d, want %d", i, site, want[i])
		}
	}
	// Not tagged at all: a program compiled with no Tagger.
	rt2 := goja.New()
	sites2 := Install(rt2)
	f, err := rt2.RunProgram(goja.MustCompile("x.js", `(() => 1)`, false))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := sites2.Of(f.(*goja.Object)); ok {
		t.Error("a function of a plain program carries a site")
	}
	// The helper called by a script tags what carries no site yet.
	if _, err := rt2.RunString(fmt.Sprintf("globalThis.g = () => 2; %s(%d, g, 7)", nameHelper, helperTag)); err != nil {
		t.Fatal(err)
	}
	if site, ok := sites2.Of(rt2.Get("g").(*goja.Object)); !ok || site != 7 {
		t.Errorf("a site the helper gave: %d, %v", site, ok)
	}
}

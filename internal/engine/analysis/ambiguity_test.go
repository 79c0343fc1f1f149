package analysis

import (
	"strings"
	"testing"
)

// A function is known by its text; a text written at places that mean
// different things must be flagged, never resolved at the first place.
func TestAmbiguityOfIdenticalTexts(t *testing.T) {
	for _, c := range []struct {
		name, src, text string
		why             string // "" for not ambiguous
	}{{
		name: "top level, then closure",
		src:  "const factor = 10;\nconst scale = (v) => v * factor;\nfunction makeScaler(factor) { return (v) => v * factor }",
		text: "(v) => v * factor",
		why:  `"factor" is a top-level binding at a.js:2:15, a local variable of function makeScaler at a.js:3:38`,
	}, {
		name: "closure, then top level",
		src:  "function makeScaler(factor) { return (v) => v * factor }\nconst factor = 10;\nconst scale = (v) => v * factor;",
		text: "(v) => v * factor",
		why:  `"factor" is a local variable of function makeScaler at a.js:1:38, a top-level binding at a.js:3:15`,
	}, {
		name: "global, then a local of a block",
		src:  "const f = () => g();\n{ let g = 1; var h = () => g(); }",
		text: "() => g()",
		why:  `"g" is a global at a.js:1:11, a local variable of a block at the top level of a.js at a.js:2:22`,
	}, {
		name: "sloppy, then strict",
		src:  "var a = function () { return this };\nfunction s() { 'use strict'; return function () { return this } }",
		text: "function () { return this }",
		why:  "the code is sloppy at a.js:1:9, strict at a.js:2:37",
	}, {
		name: "the same meaning twice",
		src:  "const k = 1;\nconst a = (v) => v * k;\nconst b = (v) => v * k;\nfunction f() { return [(x) => x + 1, (x) => x + 1] }",
		text: "(v) => v * k",
	}, {
		name: "no free names",
		src:  "function f() { return [(x) => x + 1, (x) => x + 1] }\nconst g = (x) => x + 1;",
		text: "(x) => x + 1",
	}, {
		name: "a closure everywhere is refused as a closure",
		src:  "function f(n) { return () => n }\nfunction g(n) { return () => n }",
		text: "() => n",
	}} {
		t.Run(c.name, func(t *testing.T) {
			ix := NewIndex()
			ix.Add(mustParse(t, "a.js", c.src))
			f, err := ix.Func(c.text)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case c.why == "" && f.Ambiguity != nil:
				t.Fatalf("ambiguous: %v", f.Ambiguity)
			case c.why != "" && f.Ambiguity == nil:
				t.Fatalf("not ambiguous; Site %+v, Captured %v", f.Site, f.Captured)
			case c.why != "" && f.Ambiguity.Why != c.why:
				t.Fatalf("Why:\n%s\nwant:\n%s", f.Ambiguity.Why, c.why)
			}
		})
	}
}

func TestAmbiguityMessage(t *testing.T) {
	ix := NewIndex()
	long := "(v) => v * factor + " + strings.Repeat("1 + ", 20) + "1"
	ix.Add(mustParse(t, "a.js", "const factor = 1;\nconst a = "+long+";\nfunction m(factor) { return "+long+" }\nconst b = "+long+";"))
	f, _ := ix.Func(long)
	if f.Ambiguity == nil {
		t.Fatal("not ambiguous")
	}
	a := f.Ambiguity
	if a.Count != 3 || a.First.Line != 2 || a.Second.Line != 3 {
		t.Errorf("Count %d, First %+v, Second %+v", a.Count, a.First, a.Second)
	}
	want := `its text "(v) => v * factor + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1..." is written 3 times with different meanings ("factor" is a top-level binding at a.js:2:11, a local variable of function m at a.js:3:29), ` +
		`and a function value does not say where it was written; give them different text (rename a variable or parameter)`
	if got := a.Error(); got != want {
		t.Errorf("Error():\n%s\nwant:\n%s", got, want)
	}
}

// Other scripts count: a main script and the modules it requires run in
// one runtime.
func TestAmbiguityAcrossScripts(t *testing.T) {
	const text = "(v) => v * k"
	mod := func(src string) *Script {
		s, err := ParseModule("lib/m.js", src)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	ix := NewIndex()
	main := mustParse(t, "main.js", "const k = 2;\nconst f = (v) => v * k;")
	if f, _ := ix.Lookup(main, text); f.Ambiguity != nil {
		t.Fatalf("one place: %v", f.Ambiguity)
	}
	ix.Add(mod("const k = 3;\nexports.f = (v) => v * k;"))
	f, _ := ix.Lookup(main, text)
	if f.Ambiguity == nil || f.Ambiguity.Why != `"k" is a top-level binding at main.js:2:11, a local variable of module lib/m.js at lib/m.js:2:13` {
		t.Fatalf("with the module: %v", f.Ambiguity)
	}

	// A require() binding means the same wherever the module resolves alike.
	ix = NewIndex()
	main = mustParse(t, "lib/main.js", "const k = require('./k.js');\nconst f = (v) => v * k;")
	ix.Add(mod("const k = require('./k.js');\nexports.f = (v) => v * k;"))
	if f, _ := ix.Lookup(main, text); f.Ambiguity != nil {
		t.Fatalf("same require: %v", f.Ambiguity)
	}
	ix.Add(mustParse(t, "other/x.js", "const k = require('./k.js');\nconst f = (v) => v * k;"))
	if f, _ := ix.Lookup(main, text); f.Ambiguity == nil {
		t.Fatal("a relative require from another directory is another module")
	}
}

// A text written in no script may come from eval inside a function: when
// a script names eval, such a text with free names is ambiguous too.
func TestAmbiguityOfTextsMadeByEval(t *testing.T) {
	ix := NewIndex()
	ix.Add(mustParse(t, "a.js", "const factor = 10;\nfunction make(factor) { return [(x) => x, new Function('v', 'return v')] }"))
	for _, text := range []string{"(v) => v * factor", "(v) => v", "function anonymous(v\n) {\nreturn v * factor\n}"} {
		if f, _ := ix.Func(text); f.Ambiguity != nil {
			t.Errorf("%q without eval: %v", text, f.Ambiguity)
		}
	}
	ix.Add(mustParse(t, "b.js", "function make(factor) { return eval('(v) => v * factor') }\nconst local = (eval) => eval;"))
	f, _ := ix.Func("(v) => v * factor")
	want := `its text "(v) => v * factor" is written in no script (b.js names eval, whose functions may use local variables of the code that called it), ` +
		`and a function value does not say where it was made; define it in a script rather than in code run by eval`
	if f.Ambiguity == nil || f.Ambiguity.Error() != want {
		t.Fatalf("made by eval: %v\nwant: %s", f.Ambiguity, want)
	}
	for _, text := range []string{"(v) => v", "function anonymous(v\n) {\nreturn v * factor\n}"} {
		if f, _ := ix.Func(text); f.Ambiguity != nil {
			t.Errorf("%q: %v", text, f.Ambiguity)
		}
	}
	// Naming a local called eval is not calling the global one.
	ix = NewIndex()
	ix.Add(mustParse(t, "c.js", "const local = (eval) => eval('x');\nfunction g() { let eval = 1; return eval }"))
	if f, _ := ix.Func("(v) => v * factor"); f.Ambiguity != nil {
		t.Errorf("local eval: %v", f.Ambiguity)
	}
}

package analysis

import (
	"strings"
	"testing"
)

// TestTaggedSites: the literals of a text written where it means
// different things are tagged, and only those.
func TestTaggedSites(t *testing.T) {
	t.Parallel()
	src := `const k = 1;
const top = (v) => v * k;
function mk(k) { return (v) => v * k }
const same1 = (x) => x + 1, same2 = (x) => x + 1;
function closures(a) { return [() => a, () => a] }
function other(a) { return () => a }
const strict = function () { "use strict"; return k };
function sloppy() { "use strict"; return function () { "use strict"; return k } }`
	s := mustParse(t, "t.js", src)
	at := func(text string, n int) int {
		i := -1
		for range n {
			i += 1 + strings.Index(src[i+1:], text)
		}
		return i
	}
	for _, c := range []struct {
		text string
		n    int
		want bool
	}{
		{"(v) => v * k", 1, true},
		{"(v) => v * k", 2, true},
		{"(x) => x + 1", 1, false}, // the same meaning
		{"() => a", 1, false},      // a closure everywhere
		{"() => a", 3, false},
		{`function () { "use strict"; return k }`, 1, false}, // both strict, both top-level k
		{"function mk", 1, false},
	} {
		if got := s.Tagged(at(c.text, c.n)); got != c.want {
			t.Errorf("%q #%d: Tagged = %v, want %v", c.text, c.n, got, c.want)
		}
	}
}

// TestLookupAt: a sited lookup analyses the text where the value was made,
// and finds nothing where main holds no such literal.
func TestLookupAt(t *testing.T) {
	t.Parallel()
	src := "const k = 1;\nconst top = (v) => v * k;\nfunction mk(k) { return (v) => v * k }"
	main := mustParse(t, "t.js", src)
	ix := NewIndex()
	const text = "(v) => v * k"
	f, _ := ix.Lookup(main, text)
	if f.Ambiguity == nil {
		t.Fatal("Lookup: no Ambiguity")
	}
	first, second := strings.Index(src, text), strings.LastIndex(src, text)
	top, err := ix.LookupAt(main, text, first)
	if err != nil || top == nil || top.Ambiguity != nil || len(top.Captured) != 0 || top.Site.Line != 2 {
		t.Fatalf("at the top-level literal: %+v, %v", top, err)
	}
	local, _ := ix.LookupAt(main, text, second)
	if local == nil || len(local.Captured) != 1 || local.Captured[0].Function != "mk" || local.Site.Line != 3 {
		t.Fatalf("at the closure: %+v", local)
	}
	if again, _ := ix.LookupAt(main, text, first); again != top {
		t.Error("a second sited lookup was not a cache hit")
	}
	for _, bad := range []struct {
		text string
		site int
	}{{text, first + 1}, {"(v) => v * 2", first}, {"const k = 1", 0}} {
		if f, err := ix.LookupAt(main, bad.text, bad.site); f != nil || err != nil {
			t.Errorf("LookupAt(%q, %d) = %+v, %v; want nothing", bad.text, bad.site, f, err)
		}
	}
	// The program of the top-level function maps its literals back to main.
	outer := mustParse(t, "o.js", "const k = 1;\nconst f = () => [(v) => v * k];\nfunction mk(k) { return (v) => v * k }")
	g, _ := ix.Lookup(outer, "() => [(v) => v * k]")
	sites := g.TaggedIn(outer)
	if sites == nil {
		t.Fatal("TaggedIn: nil")
	}
	_, prog := g.Program()
	inner := strings.Index(prog, text)
	if site, ok := sites(inner); !ok || site != strings.Index(outer.file.Source(), text) {
		t.Errorf("the inner literal maps to %d, %v", site, ok)
	}
	if _, ok := sites(inner + 1); ok {
		t.Error("a byte inside the literal is tagged")
	}
}

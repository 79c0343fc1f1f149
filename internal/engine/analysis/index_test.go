package analysis

import (
	"fmt"
	"strconv"
	"sync"
	"testing"
)

func TestIndexCacheAndLateScripts(t *testing.T) {
	ix := NewIndex()
	const text = "() => helper(1)"
	f1, err := ix.Func(text)
	if err != nil || f1.Site != nil {
		t.Fatalf("before Add: %+v %v", f1, err)
	}
	if f, _ := ix.Func(text); f != f1 {
		t.Errorf("second lookup was not a cache hit")
	}
	ix.Add(mustParse(t, "late.js", "function helper(x) { return x }\nconst work = () => helper(1);"))
	f2, _ := ix.Func(text)
	if f2.Site == nil || f2.Site.File != "late.js" || f2.Site.Line != 2 || f2.Site.Column != 14 {
		t.Fatalf("after Add: Site %+v", f2.Site)
	}
	if f, _ := ix.Func(text); f != f2 {
		t.Errorf("Func with Site was not cached")
	}

	// The first added script wins; adding another keeps it.
	ix.Add(mustParse(t, "other.js", "\n\nconst again = () => helper(1);"))
	if f, _ := ix.Func(text); f.Site.File != "late.js" {
		t.Errorf("Site moved to %s", f.Site.File)
	}

	// Running a file again replaces it in place and drops cached Sites.
	ix.Add(mustParse(t, "late.js", "function helper(x) { return x }\n\n\nconst work = () => helper(1);"))
	if f, _ := ix.Func(text); f.Site.File != "late.js" || f.Site.Line != 4 {
		t.Errorf("after replacing late.js: Site %+v", f.Site)
	}
	ix.Add(mustParse(t, "late.js", "// nothing here any more"))
	if f, _ := ix.Func(text); f.Site == nil || f.Site.File != "other.js" || f.Site.Line != 3 {
		t.Errorf("after emptying late.js: Site %+v", f.Site)
	}
	ix.Add(nil) // ignored
}

// TestIndexConcurrent runs Func from many goroutines while scripts are added,
// under -race: every answer must be consistent with some moment's scripts.
func TestIndexConcurrent(t *testing.T) {
	ix := NewIndex()
	texts := make([]string, 50)
	for i := range texts {
		texts[i] = fmt.Sprintf("(a) => a + g%d", i)
	}
	var wg sync.WaitGroup
	for g := 0; g < 32; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 400; i++ {
				text := texts[(i+g)%len(texts)]
				f, err := ix.Func(text)
				if err != nil {
					t.Error(err)
					return
				}
				if f.Source != text || len(f.Free) != 1 || len(f.Captured) != 0 {
					t.Errorf("inconsistent Func %+v", f)
					return
				}
				if f.Site != nil && f.Site.File[:1] != "c" {
					t.Errorf("bad Site %+v", f.Site)
				}
				_, _ = f.Program()
			}
		}(g)
	}
	for i := range texts {
		ix.Add(mustParse(t, "c"+strconv.Itoa(i)+".js", "var f = "+texts[i]))
	}
	wg.Wait()
	for i, text := range texts {
		f, _ := ix.Func(text)
		if f.Site == nil || f.Site.File != "c"+strconv.Itoa(i)+".js" {
			t.Errorf("%s: final Site %+v", text, f.Site)
		}
	}
}

func BenchmarkFuncHit(b *testing.B) {
	ix := NewIndex()
	ix.Add(mustParse(&testing.T{}, "b.js", "const work = (x) => x * 2 + helper(x);"))
	const text = "(x) => x * 2 + helper(x)"
	if _, err := ix.Func(text); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Func(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFuncHitParallel(b *testing.B) {
	ix := NewIndex()
	const text = "(x) => x * 2 + helper(x)"
	ix.Add(mustParse(&testing.T{}, "b.js", "const work = "+text))
	if _, err := ix.Func(text); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ix.Func(text); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkFuncMiss(b *testing.B) {
	ix := NewIndex()
	ix.Add(mustParse(&testing.T{}, "b.js", "const work = (x) => x * 2 + helper(x);"))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Func("(x) => x * " + strconv.Itoa(i) + " + helper(x)"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseScript(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(rtScript)))
	for i := 0; i < b.N; i++ {
		if _, err := ParseScript("rt.js", rtScript); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLookupInMainScript: each main script is searched first, for its own
// evaluations only: two sources that hold one function text, at top level
// in one and closing over a local in the other, each decide for their
// own, whichever was looked up last; the shared scripts come after.
func TestLookupInMainScript(t *testing.T) {
	ix := NewIndex()
	const text = "() => k + 1"
	closure := mustParse(t, "<eval>", "const g = (() => { const k = 5; return () => k + 1 })();")
	top := mustParse(t, "<eval>", "var k = 5; const g = () => k + 1;")
	ix.Add(mustParse(t, "file.js", "const other = () => k + 1;"))
	captured := func(main *Script) int {
		t.Helper()
		f, err := ix.Lookup(main, text)
		if err != nil || f.Site == nil || f.Site.Script() != main {
			t.Fatalf("Lookup: %+v, %v", f, err)
		}
		return len(f.Captured)
	}
	for range 2 {
		if captured(closure) != 1 {
			t.Errorf("the closure's own source: not a closure")
		}
		if captured(top) != 0 {
			t.Errorf("the top-level source: a closure")
		}
	}
	f, _ := ix.Lookup(top, text)
	if g, _ := ix.Lookup(top, text); g != f {
		t.Errorf("a second lookup in one main script was not a cache hit")
	}
	if f, _ := ix.Lookup(nil, text); f.Site == nil || f.Site.File != "file.js" {
		t.Errorf("without a main script: Site %+v, want file.js", f.Site)
	}
	ix.Add(mustParse(t, "more.js", "const x = 1;"))
	if g, _ := ix.Lookup(top, text); g == f || g.Site.Script() != top {
		t.Errorf("after Add: cached Func kept (%v), or Site moved (%+v)", g == f, g.Site)
	}
}

// TestAddSameTextKeepsTheCache: a module read again with the same text
// changes nothing (require reads package.json files again and again).
func TestAddSameTextKeepsTheCache(t *testing.T) {
	ix := NewIndex()
	ix.Add(mustParse(t, "m.js", "const f = () => 1;"))
	f, _ := ix.Func("() => 1")
	ix.Add(mustParse(t, "m.js", "const f = () => 1;"))
	if g, _ := ix.Func("() => 1"); g != f {
		t.Errorf("the same module again dropped the cached Func")
	}
}

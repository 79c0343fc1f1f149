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

// TestIndexKeys keeps two sources of one name under their own keys: each
// function is found in its own, with that script, until it is removed,
// which leaves the other's cached analysis alone.
func TestIndexKeys(t *testing.T) {
	ix := NewIndex()
	a := mustParse(t, "<eval>", "const fa = () => 1;")
	b := mustParse(t, "<eval>", "\nconst g = (() => { const k = 1; return () => k })();")
	ix.AddAs("a", a)
	ix.AddAs("b", b)
	fa, _ := ix.Func("() => 1")
	fb, _ := ix.Func("() => k")
	if fa.Site == nil || fa.Site.Script() != a || fb.Site == nil || fb.Site.Script() != b || fb.Site.Line != 2 {
		t.Fatalf("sites %+v %+v", fa.Site, fb.Site)
	}
	if len(fb.Captured) != 1 || fb.Captured[0].Name != "k" {
		t.Errorf("b's closure: captured %+v", fb.Captured)
	}
	ix.Remove("a")
	if f, _ := ix.Func("() => 1"); f.Site != nil {
		t.Errorf("after Remove: Site %+v", f.Site)
	}
	if f, _ := ix.Func("() => k"); f != fb || ix.Script("b") != b || ix.Script("a") != nil {
		t.Errorf("the other key's Func not kept: %+v", f.Site)
	}
	ix.Remove("nope") // ignored
}

// TestIndexNewestOfOneName: two sources of one name hold one function
// text, at top level in one and closing over a local in the other; the
// one added or touched last decides, and touching the one already first
// keeps the cached analysis.
func TestIndexNewestOfOneName(t *testing.T) {
	ix := NewIndex()
	const text = "() => k + 1"
	closure := mustParse(t, "<eval>", "const g = (() => { const k = 5; return () => k + 1 })();")
	top := mustParse(t, "<eval>", "var k = 5; const g = () => k + 1;")
	ix.Add(mustParse(t, "file.js", "const other = 1;"))
	captured := func() int {
		f, err := ix.Func(text)
		if err != nil || f.Site == nil {
			t.Fatalf("Func: %+v, %v", f, err)
		}
		return len(f.Captured)
	}
	ix.AddAs("closure", closure)
	if captured() != 1 {
		t.Errorf("closure alone: not a closure")
	}
	ix.AddAs("top", top)
	if captured() != 0 {
		t.Errorf("top added last: still analysed in the closure's source")
	}
	ix.Touch("closure")
	if captured() != 1 {
		t.Errorf("closure touched: still analysed in the top-level source")
	}
	f, _ := ix.Func(text)
	ix.Touch("closure")
	if g, _ := ix.Func(text); g != f {
		t.Errorf("touching the first script dropped its cached analysis")
	}
	if ix.scripts[len(ix.scripts)-1].Name != "<eval>" || ix.scripts[0].Name != "file.js" {
		t.Errorf("scripts of other names moved")
	}
}

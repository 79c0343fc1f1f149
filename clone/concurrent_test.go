package clone

import (
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
)

// buildShared makes, in rt, a value with every kind of primitive a snapshot
// keeps as is, including goja's lazily scanned strings (what ToValue makes of
// a long Go string), which would race if kept unnormalised.
func buildShared(t testing.TB, rt *goja.Runtime) goja.Value {
	rt.Set("longASCII", strings.Repeat("abc", 100))
	rt.Set("longUnicode", strings.Repeat("é€😀", 50))
	rt.Set("goMap", map[string]any{"k": strings.Repeat("z", 40)})
	v := run(t, rt, `(() => {
		const shared = {n: 1};
		const o = {
			a: longASCII, u: longUnicode, lone: "\ud800" + longASCII, big: 2n ** 200n, neg: -0, nan: NaN,
			arr: [1, , "x", shared, [shared]], m: new Map([[longASCII, shared], [shared, longUnicode]]),
			s: new Set([longUnicode, 3n]), d: new Date(42), re: /a.c/gi, f: new Float64Array([1.5, -0]),
			e: new RangeError(longASCII, {cause: shared}), w: new String(longUnicode), goMap,
			[longASCII]: longUnicode,
		};
		o.self = o;
		return o;
	})()`)
	// Set from Go after all JS ran: these stay unscanned until first use.
	o := v.(*goja.Object)
	for _, p := range [][2]string{{"freshASCII", strings.Repeat("q", 64)}, {"freshUnicode", strings.Repeat("é", 40)}} {
		if err := o.Set(p[0], p[1]); err != nil {
			t.Fatal(err)
		}
	}
	return v
}

// One snapshot restored concurrently in four runtimes on four goroutines:
// run under -race, this is the proof that a snapshot is immutable and holds
// nothing runtime-bound.
func TestConcurrentRestore(t *testing.T) {
	t.Parallel()
	a := goja.New()
	s, err := SnapshotValue(a, buildShared(t, a), "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				rt := newRuntime(t)
				got, err := s.RestoreValue(rt, nil)
				if err != nil {
					errs <- err.Error()
					return
				}
				// Use the strings every way that could scan or cache them.
				rt.Set("got", got)
				if _, err := rt.RunString(`const {self, ...rest} = got; JSON.stringify(rest, (k, v) => typeof v === "bigint" ? String(v) : v); got.a.length + got.u.toUpperCase() + got.lone.charCodeAt(0) + (got.a + got.u).length + got.freshASCII.length + got.freshUnicode.charCodeAt(3)`); err != nil {
					errs <- err.Error()
					return
				}
				if d := diff(t, rt, buildShared(t, rt), got); d != "" {
					errs <- d
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

package clone

import (
	"errors"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/race"
)

func TestMaxBytes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, src string
		max       int64
		err       string
	}{
		{"big string root", `"x".repeat(200)`, 100, `v: value exceeds the clone size limit of 100 bytes`},
		{"nested string", `({a: [1, 2, {s: "x".repeat(2000)}]})`, 1000, `v.a[2].s: value exceeds the clone size limit of 1000 bytes`},
		{"buffer", `({b: new Float64Array(1000)})`, 4096, `v.b.buffer: value exceeds the clone size limit of 4096 bytes`},
		{"many small", `Array.from({length: 1000}, (_, i) => ({i}))`, 5000, `value exceeds the clone size limit of 5000 bytes`},
		{"fits", `({a: 1, s: "abc"})`, 1000, ``},
		{"unlimited", `"x".repeat(1e6)`, 0, ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := goja.New()
			s, err := SnapshotValue(a, run(t, a, c.src), "v", &Options{MaxBytes: c.max})
			if c.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if c.max > 0 && s.Size() > c.max {
					t.Errorf("Size %d over %d", s.Size(), c.max)
				}
				return
			}
			var dce *DataCloneError
			if !errors.As(err, &dce) || !strings.HasSuffix(err.Error(), c.err) {
				t.Errorf("got %v, want ...%s", err, c.err)
			}
		})
	}
}

func TestSizeIsApproximateContent(t *testing.T) {
	t.Parallel()
	a := goja.New()
	s, err := SnapshotValue(a, run(t, a, `new Float64Array(1 << 17)`), "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Size() < 1<<20 || s.Size() > 1<<20+1024 {
		t.Errorf("Size %d for 1 MiB of floats", s.Size())
	}
	s, err = SnapshotValue(a, run(t, a, `"x".repeat(1000)`), "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Size() < 1000 || s.Size() > 1100 {
		t.Errorf("Size %d for 1000 chars", s.Size())
	}
}

// deepLevels is how deep the deep values go, and deepStack the Go stack
// limit they are cloned under. A walk that recursed in Go would take at
// least 16 bytes of stack per level (a return address and a saved frame
// pointer), so reaching the end of 100,000 levels under 256 KiB (1.6 MB
// to recurse) proves the walks use no stack per level, as a million
// levels under 1 MiB did, at a tenth of the memory and time. Under the
// race detector, which makes goja several times slower, 50,000 levels
// (800 KB to recurse); the plain run goes the full depth.
const deepStack = 256 << 10

func deepLevels() int {
	if race.Enabled {
		return 50_000
	}
	return 100_000
}

// A value nested deep clones without Go recursion, in both directions;
// the shapes cover a last-child chain (constant work list), a first-child
// chain (a work list as deep as the value, on the heap) and objects. The
// source runtime is dropped before the restore, so that the two values are
// not both alive.
func TestDeepNesting(t *testing.T) {
	n := deepLevels()
	for _, c := range []struct{ name, build, check string }{
		{"arrays", `let v = 0; for (let i = 0; i < N; i++) v = [v]; v`,
			`let d = 0; while (Array.isArray(got)) { got = got[0]; d++ } d === N && got === 0`},
		{"first child", `let v = "end"; for (let i = 0; i < N; i++) v = [v, i]; v`,
			`let d = 0, ok = true; while (Array.isArray(got)) { ok = ok && got[1] === N - 1 - d; got = got[0]; d++ } ok && d === N && got === "end"`},
		{"objects", `let v = null; for (let i = 0; i < N; i++) v = {i, next: v}; v`,
			`let d = 0, ok = true; while (got !== null) { ok = ok && got.i === N - 1 - d; got = got.next; d++ } ok && d === N`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := func() *Snapshot {
				a := goja.New()
				a.Set("N", n)
				v := run(t, a, c.build)
				// Recursion per level would be a fatal stack overflow.
				old := debug.SetMaxStack(deepStack)
				defer debug.SetMaxStack(old)
				s, err := SnapshotValue(a, v, "v", nil)
				if err != nil {
					t.Fatal(err)
				}
				return s
			}()
			runtime.GC()
			b := goja.New()
			b.Set("N", n)
			old := debug.SetMaxStack(deepStack)
			got, err := s.RestoreValue(b, nil)
			debug.SetMaxStack(old)
			if err != nil {
				t.Fatal(err)
			}
			b.Set("got", got)
			if !run(t, b, c.check).ToBoolean() {
				t.Error("deep value restored wrong")
			}
		})
	}
}

// A failure deep down names its path with the middle elided.
func TestDeepFailurePath(t *testing.T) {
	n := deepLevels()
	a := goja.New()
	a.Set("N", n)
	v := run(t, a, `let v = Symbol(); for (let i = 0; i < N; i++) v = [v]; v`)
	old := debug.SetMaxStack(deepStack)
	_, err := SnapshotValue(a, v, "v", nil)
	debug.SetMaxStack(old)
	var dce *DataCloneError
	if !errors.As(err, &dce) {
		t.Fatalf("got %v", err)
	}
	want := "v" + strings.Repeat("[0]", keepSegments) + "…(" + strconv.Itoa(n-2*keepSegments) + " more)…" + strings.Repeat("[0]", keepSegments) + ": Symbol values cannot be cloned"
	if err.Error() != want {
		t.Errorf("got %.200q", err.Error())
	}
}

// TestSizeWithoutLimit: without a limit, ASCII string lengths are added up
// when Size is asked (see checkPrimitive); it must say what a walk that
// counts as it goes says.
func TestSizeWithoutLimit(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t)
	run(t, rt, recordsJS)
	for _, src := range []string{`"abc"`, `["abc", "é", 1, {k: "xyz"}]`, `records(900)`, `(() => { const a = records(900); a[5].s = Symbol(); delete a[5].s; a[7].u = "\u00e9\u00e9"; return a; })()`, `(() => { const a = records(900); a[3] = "abc"; a[600] = "\u00e9x"; a[601] = 5; return a; })()`} {
		v := run(t, rt, src)
		lazy, err := SnapshotValue(rt, v, "v", nil)
		if err != nil {
			t.Fatal(err)
		}
		eager, err := SnapshotValue(rt, v, "v", &Options{MaxBytes: 1 << 40})
		if err != nil {
			t.Fatal(err)
		}
		if lazy.Size() != eager.Size() || lazy.Size() == 0 {
			t.Errorf("%.40s: Size %d without a limit, %d with one", src, lazy.Size(), eager.Size())
		}
	}
}

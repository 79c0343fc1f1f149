package jsutil_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

func TestFunc(t *testing.T) {
	rt := goja.New()
	_ = rt.Set("readFile", jsutil.Func(rt, "readFile", func(c goja.FunctionCall) goja.Value {
		panic(rt.NewTypeError("bad"))
	}))
	v, err := rt.RunString(`
		const d = Object.getOwnPropertyDescriptor(readFile, "name");
		let stack = "";
		try { readFile() } catch (e) { stack = e.stack }
		[readFile.name, String(readFile), d.writable, d.enumerable, d.configurable, stack].join("|")`)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(v.String(), "|")
	want := []string{"readFile", "function readFile() { [native code] }", "false", "false", "true"}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("part %d: got %q, want %q", i, got[i], w)
		}
	}
	if stack := got[5]; !strings.Contains(stack, "\tat readFile (native)\n") || strings.Contains(stack, "jsutil") {
		t.Errorf("stack %q: want a frame 'at readFile (native)' and no Go name", stack)
	}
}

// BenchmarkFunc is what naming adds to making a native function
// (compare BenchmarkToValue).
func BenchmarkFunc(b *testing.B) {
	rt := goja.New()
	f := func(goja.FunctionCall) goja.Value { return nil }
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		jsutil.Func(rt, "readFileSync", f)
	}
}

func BenchmarkToValue(b *testing.B) {
	rt := goja.New()
	f := func(goja.FunctionCall) goja.Value { return nil }
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rt.ToValue(f)
	}
}

func TestNodeFrame(t *testing.T) {
	for in, want := range map[string]string{
		"f (file.js:1:2(3))":  "f (file.js:1:2)",
		"file.js:10:20(7)":    "file.js:10:20",
		"run (native)":        "run (<anonymous>)",
		"proxy (native)":      "<anonymous>",
		"native":              "<anonymous>",
		"threads.run (x:1:2)": "threads.run (x:1:2)",
	} {
		if got := jsutil.NodeFrame(in); got != want {
			t.Errorf("NodeFrame(%q) = %q, want %q", in, got, want)
		}
	}
}

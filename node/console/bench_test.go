package console_test

import (
	"io"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/node/console"
)

// BenchmarkLog1000Keys is console.log of a 1,000-key object to a discarded
// stream, once per op (the figure is 1,000 ops; Node's side is
// testdata/bench_node.js).
func BenchmarkLog1000Keys(b *testing.B) {
	benchLog(b, `const o = {}; for (let i = 0; i < 1000; i++) o["key" + i] = i; o`)
}

// BenchmarkLogSmall is console.log of a small nested object.
func BenchmarkLogSmall(b *testing.B) {
	benchLog(b, `({ id: 7, name: "widget", tags: ["a", "b"], dims: { w: 1.5, h: 2 } })`)
}

// BenchmarkLogArray100 is console.log of 100 numbers (grouped in columns).
func BenchmarkLogArray100(b *testing.B) {
	benchLog(b, `Array.from({ length: 100 }, (_, i) => i * 7)`)
}

func benchLog(b *testing.B, src string) {
	rt := newRuntime(b, console.NewPrinter(io.Discard, io.Discard), console.Options{})
	v, err := rt.RunString(src)
	if err != nil {
		b.Fatal(err)
	}
	logFn, _ := goja.AssertFunction(rt.Get("console").(*goja.Object).Get("log"))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := logFn(goja.Undefined(), v); err != nil {
			b.Fatal(err)
		}
	}
}

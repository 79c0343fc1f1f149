package host_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
)

// BenchmarkProgramCall is prog.Call of a trivial function on 2
// instances, from as many goroutines as GOMAXPROCS allows.
func BenchmarkProgramCall(b *testing.B) {
	h, err := host.New()
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	p, err := h.Load(context.Background(), `function add(a, b) { return a + b }`, host.WithInstances(2))
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.ReportAllocs()
	b.SetParallelism(2)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if v, err := p.Call(context.Background(), "add", 1, 2); err != nil || v != int64(3) {
				b.Fatal(v, err)
			}
		}
	})
}

// BenchmarkGojaPoolFloor is the floor for BenchmarkProgramCall: a
// hand-written pool of 2 goja runtimes making the same call on the
// caller's goroutine, with none of a Program's guarantees (no timeout,
// no threads, no recovery from a stuck or failed call).
func BenchmarkGojaPoolFloor(b *testing.B) {
	pool := make(chan *gojaWorker, 2)
	for range 2 {
		rt := goja.New()
		if _, err := rt.RunString(`function add(a, b) { return a + b }`); err != nil {
			b.Fatal(err)
		}
		fn, _ := goja.AssertFunction(rt.Get("add"))
		pool <- &gojaWorker{rt, fn}
	}
	b.ReportAllocs()
	b.SetParallelism(2)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := <-pool
			res, err := w.fn(goja.Undefined(), w.rt.ToValue(1), w.rt.ToValue(2))
			v := res.Export()
			pool <- w
			if err != nil || v != int64(3) {
				b.Fatal(v, err)
			}
		}
	})
}

type gojaWorker struct {
	rt *goja.Runtime
	fn goja.Callable
}

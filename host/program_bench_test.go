package host_test

import (
	"context"
	"testing"

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

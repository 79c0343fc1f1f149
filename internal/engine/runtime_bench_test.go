package engine

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
	"github.com/jsrun/jsrun/internal/rewrite"
)

// BenchmarkNewRuntimeParts is what each part of a thread's fresh runtime
// costs on top of goja.New ("goja", the floor's own cost): the guards,
// the rewrite's helpers, and the symbols goja lacks, made on the first
// read of Symbol ("lazy-symbols", what newRuntime does) or at once
// ("eager-symbols", what it did before issue 20).
func BenchmarkNewRuntimeParts(b *testing.B) {
	parts := []struct {
		name string
		f    func(rt *goja.Runtime)
	}{
		{"goja", func(*goja.Runtime) {}},
		{"guard", func(rt *goja.Runtime) { guard.Install(rt) }},
		{"guard+rewrite", func(rt *goja.Runtime) { guard.Install(rt); rewrite.Install(rt) }},
		{"guard+rewrite+lazy-symbols", func(rt *goja.Runtime) {
			guard.Install(rt).OnBuiltin("Symbol", installSymbols)
			rewrite.Install(rt)
		}},
		{"guard+rewrite+eager-symbols", func(rt *goja.Runtime) {
			guard.Install(rt).OnBuiltin("Symbol", installSymbols)
			rewrite.Install(rt)
			rt.Get("Symbol")
		}},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p.f(goja.New())
			}
		})
	}
}

package host

// Benchmarks of the whole host, as jsrun runs scripts: every runtime has
// console, require and process.
//
//	go test ./host -run '^$' -bench . -benchtime 20000x

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// benchEval runs src (a format with one %d, the iterations) as a main
// script of a fresh Host under b. Making the host and the main runtime is
// counted, so b.N should be large (thousands).
func benchEval(b *testing.B, src string, opts ...Option) {
	b.Helper()
	b.ReportAllocs()
	h := newHost(b, append([]Option{WithStdout(io.Discard), WithStderr(io.Discard)}, opts...)...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	b.ResetTimer()
	if _, err := h.Eval(ctx, fmt.Sprintf(src, b.N)); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, "threads/s")
	}
}

// BenchmarkHostRun is threads.run((a, b) => a + b, i, 1).get() in a loop,
// the spawn benchmark of scripts/bench.
func BenchmarkHostRun(b *testing.B) {
	benchEval(b, `
		let sum = 0;
		for (let i = 0; i < %d; i++) sum += threads.run((a, b) => a + b, i, 1).get();
	`)
}

// BenchmarkHostRunWithModule is BenchmarkHostRun on a host with an
// embedder's module that the threads never require: what WithModule costs
// a spawn that does not use it.
func BenchmarkHostRunWithModule(b *testing.B) {
	benchEval(b, `
		let sum = 0;
		for (let i = 0; i < %d; i++) sum += threads.run((a, b) => a + b, i, 1).get();
	`, WithModule("unused", func(*Runtime, *goja.Object) error { return nil }))
}

// BenchmarkHostRunConsole is the same with a function that names console,
// so each thread installs the host's console global.
func BenchmarkHostRunConsole(b *testing.B) {
	benchEval(b, `
		for (let i = 0; i < %d; i++) threads.run((a) => typeof console.log + a, i).get();
	`)
}

// BenchmarkEvalSmall is one small evaluation per iteration on one host:
// what an evaluation costs besides its script (the main runtime, its
// goroutine, and the watchers that bound it).
func BenchmarkEvalSmall(b *testing.B) { benchEvalSmall(b) }

// BenchmarkEvalSmallMemoryLimit is the same with a memory limit: each
// evaluation starts and stops the heap watcher.
func BenchmarkEvalSmallMemoryLimit(b *testing.B) { benchEvalSmall(b, WithMemoryLimit(1<<40)) }

func benchEvalSmall(b *testing.B, opts ...Option) {
	h := newHost(b, append([]Option{WithStdout(io.Discard), WithStderr(io.Discard)}, opts...)...)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Eval(ctx, `1 + 1`); err != nil {
			b.Fatal(err)
		}
	}
}

package eventloop

// Benchmarks of the loop's hot paths: jobs posted from other goroutines
// (how threads report back) and timers.
//
//	go test ./eventloop -run '^$' -bench . -benchtime 100000x

import (
	"context"
	"testing"

	"github.com/dop251/goja"
)

// benchLoop makes a runtime and its loop with the timer globals installed
// (by New, or by InstallGlobals where the loop has it).
func benchLoop() (*goja.Runtime, *Loop) {
	rt := goja.New()
	l := New(rt)
	if g, ok := any(l).(interface{ InstallGlobals(func(string) bool) }); ok {
		g.InstallGlobals(nil)
	}
	return rt, l
}

func perSecond(b *testing.B, unit string) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, unit)
	}
}

// BenchmarkPost is b.N jobs posted by another goroutine as fast as it can;
// a registration keeps the loop alive until the last one has run.
func BenchmarkPost(b *testing.B) {
	b.ReportAllocs()
	_, l := benchLoop()
	ran := 0
	err := l.Run(context.Background(), func() error {
		done := l.RegisterCallback()
		b.ResetTimer()
		go func() {
			job := func() error { ran++; return nil }
			for range b.N {
				l.Post(job)
			}
			done(nil)
		}()
		return nil
	})
	b.StopTimer()
	if err != nil || ran != b.N {
		b.Fatalf("err %v, ran %d of %d", err, ran, b.N)
	}
	perSecond(b, "jobs/s")
}

// BenchmarkPostRoundTrip is a goroutine that posts a job and waits until
// the loop has run it, b.N times: the latency of waking a sleeping loop.
func BenchmarkPostRoundTrip(b *testing.B) {
	b.ReportAllocs()
	_, l := benchLoop()
	ack := make(chan struct{})
	err := l.Run(context.Background(), func() error {
		done := l.RegisterCallback()
		b.ResetTimer()
		go func() {
			job := func() error { ack <- struct{}{}; return nil }
			for range b.N {
				l.Post(job)
				<-ack
			}
			done(nil)
		}()
		return nil
	})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	perSecond(b, "jobs/s")
}

// BenchmarkCallbackRoundTrip is a registration made on the loop and
// completed from another goroutine, whose job registers the next one, b.N
// times: how a thread's promise settles in its caller's loop.
func BenchmarkCallbackRoundTrip(b *testing.B) {
	b.ReportAllocs()
	_, l := benchLoop()
	reqs := make(chan func(Job))
	n := 0
	var next Job
	next = func() error {
		if n++; n <= b.N {
			reqs <- l.RegisterCallback()
		} else {
			close(reqs)
		}
		return nil
	}
	go func() {
		for done := range reqs {
			done(next)
		}
	}()
	err := l.Run(context.Background(), func() error {
		b.ResetTimer()
		return next()
	})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	perSecond(b, "callbacks/s")
}

// runJS runs src on a fresh loop under b, with N = b.N; the timer starts
// with the script.
func runJS(b *testing.B, src string) {
	b.Helper()
	b.ReportAllocs()
	rt, l := benchLoop()
	if err := rt.Set("N", b.N); err != nil {
		b.Fatal(err)
	}
	prog, err := goja.Compile("bench.js", src, false)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	err = l.Run(context.Background(), func() error {
		_, err := rt.RunProgram(prog)
		return err
	})
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	if v := rt.Get("count"); v == nil || v.ToInteger() != int64(b.N) {
		b.Fatalf("count = %v, want %d", v, b.N)
	}
}

// BenchmarkSetTimeoutChain is setTimeout(f, 0) where f schedules the next.
func BenchmarkSetTimeoutChain(b *testing.B) {
	runJS(b, `var count = 0; function f() { if (++count < N) setTimeout(f, 0); } setTimeout(f, 0);`)
	perSecond(b, "timers/s")
}

// BenchmarkSetTimeoutBatch schedules b.N timers at once (delays 0..9 ms)
// and lets them fire.
func BenchmarkSetTimeoutBatch(b *testing.B) {
	runJS(b, `var count = 0; const f = () => count++; for (let i = 0; i < N; i++) setTimeout(f, i % 10);`)
	perSecond(b, "timers/s")
}

// BenchmarkSetTimeoutClear schedules b.N timers and clears each one.
func BenchmarkSetTimeoutClear(b *testing.B) {
	runJS(b, `var count = 0; const ids = [];
		for (let i = 0; i < N; i++) ids.push(setTimeout(() => { throw new Error("fired"); }, 1000 + i % 1000));
		for (const id of ids) { clearTimeout(id); count++; }`)
	perSecond(b, "timers/s")
}

// BenchmarkSetImmediateChain is setImmediate(f) where f schedules the next.
func BenchmarkSetImmediateChain(b *testing.B) {
	runJS(b, `var count = 0; function f() { if (++count < N) setImmediate(f); } setImmediate(f);`)
	perSecond(b, "immediates/s")
}

// BenchmarkPromiseChain is b.N awaits of resolved promises: the microtask
// queue the loop drains after each job.
func BenchmarkPromiseChain(b *testing.B) {
	runJS(b, `var count = 0; (async () => { for (let i = 0; i < N; i++) { await null; count++; } })();`)
	perSecond(b, "awaits/s")
}

package host_test

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/threads"
)

// The figures count what the scripts did: exact counters where the work
// is known, and gauges back at zero once everything has returned.
func TestStatsCount(t *testing.T) {
	t.Parallel()
	h, err := host.New(host.WithStdout(io.Discard), host.WithStderr(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	ctx := context.Background()
	v, err := h.Eval(ctx, `
		const inside = threads.stats();
		const ps = [1, 2, 3].map((n) => threads.run((n) => n * 2, n));
		ps.forEach((p) => p.get());
		const pool = new threads.Pool((n) => { if (n === 3) throw new Error("three"); return n }, { workers: 2 });
		const items = [1, 2, 3, 4].map((n) => pool.submit(n));
		items.forEach((p) => { try { p.get() } catch (e) {} });
		pool.close();
		const q = new threads.Queue();
		q.put("a"); q.put("b");
		const held = threads.stats().queueItems;
		[inside.evaluations, inside.threadsLive, held]
	`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.([]any); got[0] != int64(1) || got[1] != int64(0) || got[2] != int64(2) {
		t.Fatalf("threads.stats() inside gave [evaluations threadsLive queueItems] %v, want [1 0 2]", got)
	}
	if _, err := h.Eval(ctx, `new threads.Queue().get()`); !errors.Is(err, threads.ErrDeadlock) {
		t.Fatalf("the deadlock: %v", err)
	}
	s := h.Stats()
	want := host.Stats{ThreadsStarted: 5, ThreadsPeak: s.ThreadsPeak, PoolDone: 3, PoolFailed: 1,
		Clones: s.Clones, ClonedBytes: s.ClonedBytes, Deadlocks: 1}
	if s != want || s.ThreadsPeak < 2 || s.ThreadsPeak > 5 || s.Clones < 3+4+3+2 || s.ClonedBytes <= 0 {
		t.Fatalf("Stats = %+v, want %+v with 2 ≤ peak ≤ 5, clones ≥ 12 and bytes > 0", s, want)
	}
}

// A Program's call is counted while it runs.
func TestStatsCalls(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `function calls() { return threads.stats().calls }`, nil, host.WithInstances(1))
	if v, err := p.Call(context.Background(), "calls"); err != nil || v != int64(1) {
		t.Fatalf("calls inside a call: %v, %v", v, err)
	}
}

package stress

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/race"
)

// TestStressManyShortThreads runs 30,000 short threads (10,000 with
// -short or under the race detector) in batches of 2,000, half collected
// with get() and half with Promise.all, each adding its index to an Atomic
// it receives as an argument and returning twice its index: both totals
// must be exact. (It ran 100,000: 6.6 s of CPU for what 15 batches show.)
func TestStressManyShortThreads(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	n := 30_000
	if testing.Short() || race.Enabled {
		n = 10_000
	}
	const batch = 2000
	src := fmt.Sprintf(`
		const N = %d, B = %d;
		const total = threads.Atomic();
		function work(a, i) { a.add(i); return i * 2 }
		(async () => {
			let sum = 0, count = 0;
			for (let b = 0; b < N; b += B) {
				const ps = [];
				for (let i = b; i < b + B && i < N; i++) ps.push(threads.run(work, total, i));
				if ((b / B) %% 2 === 0) {
					for (const p of ps) { sum += p.get(); count++ }
				} else {
					for (const v of await Promise.all(ps)) { sum += v; count++ }
				}
			}
			console.log(count, sum, total.get());
		})();
	`, n, batch)
	h, out, errOut := newHost(t)
	r := eval(h, out, errOut, src, 5*time.Minute)
	if r.err != nil {
		t.Fatalf("%d threads: %v\nstderr: %s", n, r.err, r.stderr)
	}
	// sum of 2i for i < n is n(n-1); sum of i is n(n-1)/2.
	want := fmt.Sprintf("%d %d %d\n", n, int64(n)*int64(n-1), int64(n)*int64(n-1)/2)
	if r.stdout != want {
		t.Fatalf("%d threads printed %q, want %q", n, r.stdout, want)
	}
	t.Logf("%d threads in %v", n, r.took)
}

// mixSummary is what testdata/mix.js returns.
type mixSummary struct {
	Violations  []string `json:"violations"`
	NViolations int      `json:"nviolations"`
	Stats       struct {
		Workers         int `json:"workers"`
		CancelRequested int `json:"cancelRequested"`
		Cancelled       int `json:"cancelled"`
		Fulfilled       int `json:"fulfilled"`
		EffectOps       int `json:"effectOps"`
		ExecutedOps     int `json:"executedOps"`
		Items           int `json:"items"`
		Claims          int `json:"claims"`
		Hits            int `json:"hits"`
	} `json:"stats"`
}

// TestStressRandomMixWithCancellation runs 1,000 threads (200 with -short,
// 500 under the race detector), each a random plan of Queue, WaitGroup,
// Shared and Atomic operations, and cancels about a third of them at random
// moments. testdata/mix.js explains the exact invariants it checks: no
// queue item lost or duplicated (an item is missing only if its putter was
// cancelled while putting it), no effect lost or applied twice, no
// CancelledError for a thread nobody cancelled.
func TestStressRandomMixWithCancellation(t *testing.T) {
	script, err := os.ReadFile("testdata/mix.js")
	if err != nil {
		t.Fatal(err)
	}
	workers, runs := 1000, 2
	if testing.Short() {
		workers, runs = 200, 1
	} else if race.Enabled {
		workers = 500
	}
	for run := range runs {
		seed := rand.Uint32()
		qmax := []int{0, 1, 4, 16}[run%4+int(seed%2)]
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			defer leakcheck.VerifyNone(t)
			params := fmt.Sprintf("const PARAMS = { seed: %d, workers: %d, consumers: 4, qmax: %d, cancelPct: 33 };\n", seed, workers, qmax)
			h, out, errOut := newHost(t)
			r := eval(h, out, errOut, params+string(script), 3*time.Minute)
			if r.err != nil {
				t.Fatalf("seed %d: %v\nstdout: %s\nstderr: %s", seed, r.err, r.stdout, r.stderr)
			}
			s, ok := r.value.(string)
			if !ok {
				t.Fatalf("seed %d: the script returned %T %v, want a JSON summary", seed, r.value, r.value)
			}
			var sum mixSummary
			if err := json.Unmarshal([]byte(s), &sum); err != nil {
				t.Fatalf("seed %d: %v in %q", seed, err, s)
			}
			if sum.NViolations != 0 {
				t.Fatalf("seed %d, qmax %d: %d invariant violations, first ones:\n  %s", seed, qmax, sum.NViolations, strings.Join(sum.Violations, "\n  "))
			}
			st := sum.Stats
			if st.Workers != workers || st.Fulfilled+st.Cancelled != workers {
				t.Fatalf("seed %d: %d workers, %d fulfilled + %d cancelled", seed, st.Workers, st.Fulfilled, st.Cancelled)
			}
			// A third of the workers are cancelled, some at once: the run
			// means nothing unless cancellations really landed.
			if st.Cancelled == 0 || st.Cancelled > st.CancelRequested || st.Fulfilled == 0 {
				t.Fatalf("seed %d: %d cancelled of %d requested, %d fulfilled", seed, st.Cancelled, st.CancelRequested, st.Fulfilled)
			}
			if r.stderr != "" {
				t.Fatalf("seed %d: stderr %q", seed, r.stderr)
			}
			t.Logf("seed %d, qmax %d, %v: %+v", seed, qmax, r.took, st)
		})
	}
}

// busyScript keeps every kind of runtime busy at once: producers and
// consumers on a bounded queue, a pool, nested threads, Shared updates that
// hold the lock while they compute, WaitGroup waits, timers and async
// functions. Finished, it prints one exact line.
const busyScript = `
	const q = threads.Queue(2);
	const wg = threads.WaitGroup();
	const total = threads.Atomic();
	const shared = threads.Shared({ n: 0 });
	function spin(ms) { const until = Date.now() + ms; while (Date.now() < until); }
	function producer(p) { for (let i = 0; i < 50; i++) q.put(p * 1000 + i) }
	function consumer() { let n = 0; for (const x of q) { total.add(1); n++ } return n }
	function updater(k) {
		for (let i = 0; i < 10; i++) shared.update(v => { spin(1); v.n += k; return v });
		wg.done();
	}
	function nested(d) { return d === 0 ? 1 : threads.run(nested, d - 1).get() + 1 }
	(async () => {
		const consumers = [threads.run(consumer), threads.run(consumer), threads.run(consumer)];
		const producers = [0, 1, 2, 3].map(p => threads.run(producer, p));
		wg.add(4);
		for (let k = 1; k <= 4; k++) threads.run(updater, k);
		const pool = threads.Pool(x => { spin(1); return x * x }, 2);
		const squares = pool.mapAsync([1, 2, 3, 4, 5, 6]);
		const depth = threads.run(nested, 5);
		const timer = new Promise(r => setTimeout(() => r("timer"), 5));
		await Promise.all(producers);
		q.close();
		const counts = await Promise.all(consumers);
		wg.wait();
		const sq = await squares;
		pool.close();
		console.log(counts.reduce((a, b) => a + b), total.get(), shared.get().n, sq.join(","), await depth, await timer);
	})();
`

const busyWant = "200 200 100 1,4,9,16,25,36 6 timer\n"

// TestStressDeadlinesLandAnywhere evaluates busyScript under
// EvalWithTimeout with deadlines spread over its whole run (60 runs, 15
// with -short). Each run either finishes with the exact output or fails
// with context.DeadlineExceeded and nothing else, returns soon after its
// deadline, leaves no goroutine behind, and the host still works after it.
func TestStressDeadlinesLandAnywhere(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	h, out, errOut := newHost(t)
	// How long a full run takes here, to spread the deadlines over it.
	full := eval(h, out, errOut, busyScript, time.Minute)
	if full.err != nil || full.stdout != busyWant {
		t.Fatalf("full run: %q, %v\nstderr: %s", full.stdout, full.err, full.stderr)
	}
	runs := 60
	if testing.Short() {
		runs = 15
	}
	finished, stopped := 0, 0
	for i := range runs {
		d := time.Duration(rand.Int64N(int64(full.took)*5/4)) + time.Millisecond
		out.Reset()
		errOut.Reset()
		start := time.Now()
		_, err := watch(d, func() (any, error) { return h.EvalWithTimeout(d, busyScript) })
		took := time.Since(start)
		switch {
		case err == nil:
			finished++
			if out.String() != busyWant {
				t.Fatalf("run %d (deadline %v) finished printing %q, want %q", i, d, out.String(), busyWant)
			}
		case errors.Is(err, context.DeadlineExceeded):
			stopped++
			// The deadline may land after the script printed its line,
			// while its threads wind down; but never in the middle of it.
			if out.String() != "" && out.String() != busyWant {
				t.Fatalf("run %d (deadline %v) printed %q: %v", i, d, out.String(), err)
			}
		default:
			t.Fatalf("run %d (deadline %v): %v, want success or context.DeadlineExceeded\nstdout: %s\nstderr: %s", i, d, err, out.String(), errOut.String())
		}
		if took > d+5*time.Second {
			t.Fatalf("run %d: deadline %v but returned after %v", i, d, took)
		}
		if err := leakcheck.Find(); err != nil {
			t.Fatalf("run %d (deadline %v): goroutines left behind: %v", i, d, err)
		}
		// The host is still usable.
		out.Reset()
		if v, err := watch(10*time.Second, func() (any, error) {
			return h.EvalWithTimeout(10*time.Second, `threads.run((a, b) => a + b, 2, 3).get()`)
		}); err != nil || v != int64(5) {
			t.Fatalf("after run %d (deadline %v): the host returned %v (%T), %v; want 5", i, d, v, v, err)
		}
	}
	if stopped == 0 {
		t.Fatalf("no deadline landed before the end in %d runs", runs)
	}
	t.Logf("%d runs: %d finished, %d stopped by their deadline (a full run takes %v)", runs, finished, stopped, full.took)
}

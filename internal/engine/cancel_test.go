package engine

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// The cases below cancel a consumer or producer that is blocked (or about
// to block) on a Queue, then act on the queue. Each repeats the race many
// times in one evaluation: before the fix, a withdrawn waiter was still
// handed items (98 to 100 of 100 vanished) and the deadlock detector
// counted it asleep.

// TestCancelledGetterNeverTakesAnItem: a put after the consumer's cancel()
// returned never hands the item to that consumer, whichever way it waits:
// the item stays in the queue. The queue is empty whenever a consumer may
// be live, so that no live consumer can take an item either.
func TestCancelledGetterNeverTakesAnItem(t *testing.T) {
	t.Parallel()
	for name, consumer := range map[string]string{
		"get":      `(q, ready) => { ready.put(1); return q.get() }`,
		"getAsync": `async (q, ready) => { ready.put(1); return await q.getAsync() }`,
		"for-of":   `(q, ready) => { ready.put(1); for (const v of q) return v }`,
		"timeout":  `(q, ready) => { ready.put(1); return q.get({ timeout: 60000 }) }`,
	} {
		t.Run(name, func(t *testing.T) {
			// The consumer says it is about to wait, and main gives it a
			// moment to, so that most cancels land on a waiting consumer.
			mustEval(t, `
				const q = threads.Queue(), ready = threads.Queue();
				let lost = 0;
				for (let i = 0; i < 100; i++) {
					const t = threads.run(`+consumer+`, q, ready);
					t.catch(() => {});
					ready.get();
					threads.sleep(0.2);
					t.cancel();
					q.put(i);
					if (q.tryGet("lost") !== i) lost++;
				}
				print(lost, q.size());
			`, "0 0")
		})
	}
}

// TestCancelledPutterNeverPuts: a producer blocked on a full queue and
// cancelled never adds its item when room is made afterwards.
func TestCancelledPutterNeverPuts(t *testing.T) {
	t.Parallel()
	for name, producer := range map[string]string{
		"put":      `(q, ready, i) => { ready.put(1); q.put(i) }`,
		"putAsync": `async (q, ready, i) => { ready.put(1); await q.putAsync(i) }`,
	} {
		t.Run(name, func(t *testing.T) {
			mustEval(t, `
				const q = threads.Queue(1), ready = threads.Queue();
				let stray = 0;
				for (let i = 0; i < 100; i++) {
					q.put("full");
					const t = threads.run(`+producer+`, q, ready, i);
					t.catch(() => {});
					ready.get();
					threads.sleep(0.2);
					t.cancel();
					if (q.get() !== "full") stray++;
					const next = q.tryGet("none");
					if (next !== "none") stray++;
				}
				print(stray, q.size());
			`, "0 0")
		})
	}
}

// TestCancelledWaiterIsNoDeadlock: a runtime that was cancelled while asleep
// in a primitive is about to wake, so it is no part of a deadlock, even when
// everything else has finished before it wakes.
func TestCancelledWaiterIsNoDeadlock(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"Queue.get": `const q = threads.Queue();
			const t = threads.run((q) => q.get(), q); t.cancel(); try { t.get() } catch {}`,
		"WaitGroup.wait": `const wg = threads.WaitGroup(); wg.add(1);
			const t = threads.run((wg) => wg.wait(), wg); t.cancel(); try { t.get() } catch {}`,
		"Queue.put": `const q = threads.Queue(1); q.put(0);
			const t = threads.run((q) => q.put(1), q); t.cancel(); try { t.get() } catch {}`,
	} {
		t.Run(name, func(t *testing.T) {
			// The detector fires when the last runtime falls asleep before
			// the cancelled one woke: once an evaluation, so many of them.
			for i := range 100 {
				if out, err := evalJS(t, Config{}, 20*time.Second, src); err != nil {
					t.Fatalf("run %d: %v\noutput: %s", i, err, out)
				}
			}
		})
	}
}

// TestCancelCountsAsHandlingTheRejection: the CancelledError of a promise
// its owner cancelled is never reported as an unhandled rejection, for a
// thread busy, blocked, or not yet started, and for a Pool item.
func TestCancelCountsAsHandlingTheRejection(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"busy":    `for (let i = 0; i < 20; i++) threads.run(() => { for (;;) {} }).cancel()`,
		"blocked": `const q = threads.Queue(); for (let i = 0; i < 20; i++) threads.run((q) => q.get(), q).cancel()`,
		"pool item": `const p = new threads.Pool((x) => { threads.sleep(5); return x }, 1);
			const items = []; for (let i = 0; i < 5; i++) items.push(p.submit(i));
			items[4].cancel(); p.close(); print(items[0].get())`,
	} {
		t.Run(name, func(t *testing.T) {
			out, err := evalJS(t, Config{}, 20*time.Second, src)
			if err != nil {
				t.Fatalf("%v\noutput: %s", err, out)
			}
		})
	}
	// An error nobody cancelled is still reported.
	_, err := evalJS(t, Config{}, 20*time.Second, `threads.run(() => { throw new TypeError("kept") })`)
	if err == nil || !strings.Contains(err.Error(), "kept") {
		t.Fatalf("err = %v, want the unhandled rejection", err)
	}
}

// TestItemHandedAsTheGetterIsCancelledGoesBackFirst: an item handed to a
// waiting get whose runtime is cancelled before the get has returned it
// goes back to the front of the queue, ahead of what was put after it, and
// the get reports the cancel. The test holds the queue's lock from the
// hand-over to the cancel, so that the get cannot return in between.
func TestItemHandedAsTheGetterIsCancelledGoesBackFirst(t *testing.T) {
	t.Parallel()
	env := NewEnv(Config{})
	g := env.newGroup(context.Background(), nil)
	defer func() { g.Stop(errors.New("test over")); _ = g.Wait() }()
	// Two runtimes count as running, the test's and the consumer's, so
	// that the consumer asleep in get is no deadlock.
	g.enter()
	g.enter()
	defer g.leave()
	defer g.leave()

	t.Run("get", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(g.ctx)
		r := &Runtime{ctx: ctx, group: g, Name: "consumer"}
		var q fifo[int]
		type result struct {
			v int
			e fifoError
		}
		got := make(chan result, 1)
		go func() {
			v, e := q.get(r, "Queue.get", 0, true)
			got <- result{v, e}
		}()
		waitFor(t, func() bool {
			q.mu.Lock()
			defer q.mu.Unlock()
			return len(q.getters) == 1
		})
		q.mu.Lock()
		q.putNow(1) // handed to the waiting get: its runtime is live
		cancel(errors.New("cancelled"))
		q.mu.Unlock()
		q.mu.Lock()
		q.putNow(2)
		q.mu.Unlock()
		if res := <-got; res.e != fifoStopped {
			t.Fatalf("get returned %d, %d; want fifoStopped", res.v, res.e)
		}
		checkItems(t, &q, 1, 2)
	})

	t.Run("getAsync", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(g.ctx)
		var q fifo[int]
		var take func() (int, fifoError, bool)
		q.getAsync(ctx, func(f func() (int, fifoError, bool)) { take = f })
		q.mu.Lock()
		q.putNow(1) // handed over: the job that would take it is not run yet
		cancel(errors.New("cancelled"))
		q.mu.Unlock()
		q.mu.Lock()
		q.putNow(2)
		q.mu.Unlock()
		if v, e, ok := take(); ok {
			t.Fatalf("take returned %d, %d, true after the cancel", v, e)
		}
		checkItems(t, &q, 1, 2)
	})
}

func checkItems(t *testing.T, q *fifo[int], want ...int) {
	t.Helper()
	q.mu.Lock()
	defer q.mu.Unlock()
	if got := q.items[q.head:]; !slices.Equal(got, want) {
		t.Fatalf("queue holds %v, want %v", got, want)
	}
}

// waitFor polls cond, failing the test if it stays false for long.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached")
		}
	}
}

// TestAsyncGetterCancelledAnyTimeLosesNothing cancels an asynchronous get
// at random moments around the put that serves it: every item is either
// taken by the getter's job or back in the queue, exactly once.
func TestAsyncGetterCancelledAnyTimeLosesNothing(t *testing.T) {
	t.Parallel()
	const n = 2000
	var q fifo[int]
	seen := make([]int, n)
	for i := range n {
		ctx, cancel := context.WithCancelCause(context.Background())
		takes := make(chan func() (int, fifoError, bool), 1)
		q.getAsync(ctx, func(take func() (int, fifoError, bool)) { takes <- take })
		done := make(chan struct{})
		go func() { cancel(errors.New("cancelled")); close(done) }()
		q.mu.Lock()
		q.putNow(i)
		q.mu.Unlock()
		select {
		case take := <-takes: // handed over: the job runs now
			if v, e, ok := take(); ok {
				if e != fifoOK {
					t.Fatalf("take: %d, %d", v, e)
				}
				seen[v]++
			}
		default: // withdrawn before the put
		}
		<-done
		q.mu.Lock()
		for q.len() > 0 {
			seen[q.pop()]++
		}
		q.mu.Unlock()
	}
	for v, k := range seen {
		if k != 1 {
			t.Fatalf("item %d was seen %d times", v, k)
		}
	}
}

// TestCancelledPoolSubmitNeverSubmits: a submit blocked on a full Pool and
// cancelled never adds its item when a slot frees afterwards.
func TestCancelledPoolSubmitNeverSubmits(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const gate = threads.Queue(), started = threads.Queue(), ready = threads.Queue();
		const pool = threads.Pool((x) => { started.put(x); gate.get(); return x }, { workers: 1, queueDepth: 1 });
		let stray = 0;
		for (let i = 0; i < 50; i++) {
			const a = pool.submit("a");
			started.get(); // the worker runs "a"
			const b = pool.submit("b"); // the pool's queue is full
			const t = threads.run((pool, ready) => { ready.put(1); pool.submit("cancelled") }, pool, ready);
			t.catch(() => {});
			ready.get();
			threads.sleep(0.2);
			t.cancel();
			gate.put(1);
			started.get(); // "b"
			gate.put(1);
			const c = pool.submit("c");
			while (started.get() !== "c") { stray++; gate.put(1) }
			gate.put(1);
			a.get(); b.get(); c.get();
		}
		pool.close();
		print(stray);
	`, "0")
}

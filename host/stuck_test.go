package host

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// These tests stand for a runtime stuck in a goja built-in (a sort of
// millions of numbers, a join over 2^32 holes) with require("stuck").block(),
// a Go call that ignores its context and returns only when the test
// releases it: goja cannot interrupt either. The stuck call must end
// before the test does, so that the leak check at the end of the package
// sees every goroutine gone.

// stuckHook is the module behind require("stuck").
type stuckHook struct {
	entered chan string // the runtime's name, once per block() call
	release chan struct{}
	gate    chan struct{} // gate() returns once the test closes it
	once    sync.Once
}

func newStuckHook(t *testing.T) *stuckHook {
	s := &stuckHook{entered: make(chan string, 100), release: make(chan struct{}), gate: make(chan struct{})}
	t.Cleanup(s.free)
	return s
}

// free lets every block() call return, now and later.
func (s *stuckHook) free() { s.once.Do(func() { close(s.release) }) }

func (s *stuckHook) option() Option {
	return WithModule("stuck", func(r *Runtime, exports *goja.Object) error {
		if err := exports.Set("gate", func() { <-s.gate }); err != nil {
			return err
		}
		return exports.Set("block", func() {
			s.entered <- r.Name()
			<-s.release
		})
	})
}

// waitEntered waits until a runtime is in block().
func (s *stuckHook) waitEntered(t *testing.T) string {
	t.Helper()
	select {
	case name := <-s.entered:
		return name
	case <-time.After(hangLimit):
		t.Fatal("the script never reached require(\"stuck\").block()")
		return ""
	}
}

// hangLimit is how long these tests wait for a call that should return
// long before the stuck call would (it never does until released).
const hangLimit = 30 * time.Second

type evalResult struct {
	v   any
	err error
}

// evalAsync runs Eval on its own goroutine.
func evalAsync(ctx context.Context, h *Host, src string) <-chan evalResult {
	ch := make(chan evalResult, 1)
	go func() {
		v, err := h.Eval(ctx, src)
		ch <- evalResult{v, err}
	}()
	return ch
}

// awaitEval waits for an evaluation that must return while block() is
// still stuck.
func awaitEval(t *testing.T, ch <-chan evalResult) evalResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(hangLimit):
		t.Fatal("Eval did not return while a runtime was stuck in a Go call")
		return evalResult{}
	}
}

// releaseAndDrain frees the stuck calls and waits until every abandoned
// goroutine has come back and exited.
func releaseAndDrain(t *testing.T, h *Host, s *stuckHook) {
	t.Helper()
	s.free()
	deadline := time.Now().Add(hangLimit)
	for h.Stats().AbandonedGoroutines != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("abandoned goroutines still running after release: %+v", h.Stats())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestEvalReturnsWhenContextEndsWhileMainIsStuck(t *testing.T) {
	s := newStuckHook(t)
	h := newHost(t, s.option())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := evalAsync(ctx, h, `require("stuck").block(); "finished"`)
	s.waitEntered(t)
	cancel()
	r := awaitEval(t, ch)
	if !errors.Is(r.err, context.Canceled) || r.v != nil {
		t.Fatalf("Eval = %v, %v; want context.Canceled", r.v, r.err)
	}
	// At least: on a loaded machine a runtime that merely unwinds may
	// take longer than the grace period too.
	if st := h.Stats(); st.AbandonedGoroutines < 1 || st.AbandonedTotal < st.AbandonedGoroutines {
		t.Fatalf("Stats() = %+v while main is stuck; want it abandoned", st)
	}
	releaseAndDrain(t, h, s)
	if st := h.Stats(); st.AbandonedTotal < 1 {
		t.Fatalf("Stats() = %+v after release; want it in the total", st)
	}
	// The host goes on serving.
	if v, err := h.Eval(context.Background(), `threads.run(() => 6 * 7).get()`); err != nil || v != int64(42) {
		t.Fatalf("next Eval = %v, %v", v, err)
	}
}

func TestEvalReturnsAtDeadlineWhileThreadsAreStuck(t *testing.T) {
	s := newStuckHook(t)
	h := newHost(t, s.option())
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	ch := evalAsync(ctx, h, `
		const ps = [1, 2, 3].map(() => threads.run(() => require("stuck").block()));
		ps.forEach((p) => p.get());
	`)
	for range 3 {
		s.waitEntered(t)
	}
	r := awaitEval(t, ch)
	if !errors.Is(r.err, context.DeadlineExceeded) {
		t.Fatalf("Eval = %v, %v; want context.DeadlineExceeded", r.v, r.err)
	}
	if st := h.Stats(); st.AbandonedGoroutines < 3 {
		t.Fatalf("Stats() = %+v while three threads are stuck; want them abandoned", st)
	}
	releaseAndDrain(t, h, s)
}

func TestProcessExitFromThreadWhileMainIsStuck(t *testing.T) {
	s := newStuckHook(t)
	h := newHost(t, s.option())
	ch := evalAsync(context.Background(), h, `
		threads.run(() => { require("stuck").gate(); process.exit(3); });
		require("stuck").block();
	`)
	s.waitEntered(t)
	close(s.gate) // main is stuck: now the thread exits
	r := awaitEval(t, ch)
	var exit *ExitError
	if !errors.As(r.err, &exit) || exit.Code != 3 {
		t.Fatalf("Eval = %v, %v; want process.exit(3)", r.v, r.err)
	}
	if st := h.Stats(); st.AbandonedGoroutines < 1 {
		t.Fatalf("Stats() = %+v while main is stuck; want it abandoned", st)
	}
	releaseAndDrain(t, h, s)
}

func TestCancelOfStuckThreadReturnsAtOnce(t *testing.T) {
	s := newStuckHook(t)
	h := newHost(t, s.option())
	ch := evalAsync(context.Background(), h, `
		const entered = threads.Atomic(0);
		const p = threads.run((entered) => { entered.set(1); require("stuck").block(); return "late" }, entered);
		while (entered.get() === 0) threads.sleep(1);
		p.cancel();
		let name;
		try { p.get(); name = "no error" } catch (e) { name = e.name }
		name;
	`)
	s.waitEntered(t)
	r := awaitEval(t, ch)
	if r.err != nil || r.v != "CancelledError" {
		t.Fatalf("Eval = %v, %v; want CancelledError from get()", r.v, r.err)
	}
	if st := h.Stats(); st.AbandonedGoroutines < 1 {
		t.Fatalf("Stats() = %+v while the cancelled thread is stuck; want it abandoned", st)
	}
	releaseAndDrain(t, h, s)
}

// TestAbandonedGoroutineComesBackQuietly: a stuck thread that returns
// after its evaluation ended finds its runtime stopped: its result reaches
// nobody, nothing is printed, and later evaluations are untouched.
func TestAbandonedGoroutineComesBackQuietly(t *testing.T) {
	s := newStuckHook(t)
	var out syncBuffer
	h := newHost(t, s.option(), WithStdout(&out), WithStderr(&out))
	ctx, cancel := context.WithCancel(context.Background())
	ch := evalAsync(ctx, h, `
		threads.run(() => { require("stuck").block(); console.log("thread went on"); });
		require("stuck").block();
		console.log("main went on");
	`)
	s.waitEntered(t)
	s.waitEntered(t)
	cancel()
	if r := awaitEval(t, ch); !errors.Is(r.err, context.Canceled) {
		t.Fatalf("Eval = %v, %v", r.v, r.err)
	}
	releaseAndDrain(t, h, s)
	if v, err := h.Eval(context.Background(), `console.log("next"); 1`); err != nil || v != int64(1) {
		t.Fatalf("next Eval = %v, %v", v, err)
	}
	if got := out.String(); got != "next\n" {
		t.Fatalf("printed %q; want only the next evaluation's line", got)
	}
}

// syncBuffer is a bytes.Buffer safe for the writes of several runtimes.
type syncBuffer struct {
	mu sync.Mutex
	b  []byte
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.b = append(b.b, p...)
	return len(p), nil
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.b)
}

// TestEvalReturnsWhileCompileIsStuck: goja folds constant expressions as
// it compiles, so 3n ** 25000000n is computed (for seconds) before any
// runtime exists, where nothing can interrupt it.
func TestEvalReturnsWhileCompileIsStuck(t *testing.T) {
	h := newHost(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r := awaitEval(t, evalAsync(ctx, h, `const big = 3n ** 25000000n; "finished"`))
	if !errors.Is(r.err, context.DeadlineExceeded) {
		t.Fatalf("Eval = %v, %v; want context.DeadlineExceeded", r.v, r.err)
	}
	if st := h.Stats(); st.AbandonedGoroutines < 1 {
		t.Fatalf("Stats() = %+v while the compile runs; want it abandoned", st)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for h.Stats().AbandonedGoroutines != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the abandoned compile never ended: %+v", h.Stats())
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The program compiled meanwhile serves the next evaluation.
	if v, err := h.Eval(context.Background(), `const big = 3n ** 25000000n; "finished"`); err != nil || v != "finished" {
		t.Fatalf("next Eval = %v, %v", v, err)
	}
}

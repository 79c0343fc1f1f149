package host_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/threads"
	"go.uber.org/goleak"
)

func newProgram(t *testing.T, src string, hopts []host.Option, opts ...host.ProgramOption) *host.Program {
	t.Helper()
	h, err := host.New(append([]host.Option{host.WithStdout(io.Discard), host.WithStderr(io.Discard)}, hopts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	p, err := h.Load(context.Background(), src, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// 10,000 calls from 50 goroutines, each checked exactly; each call also
// runs a thread, whose end the call waits for.
func TestProgramConcurrentCalls(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `
		let served = 0;
		function square(n) { served++; return n * n }
		function viaThread(n) { return threads.run((n) => n + 1, n).get() }
	`, nil, host.WithInstances(2))
	const workers, per = 50, 200
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := range per {
				n := int64(w*per + i)
				fn, want := "square", n*n
				if i%50 == 0 {
					fn, want = "viaThread", n+1
				}
				v, err := p.Call(context.Background(), fn, n)
				if err != nil || v != want {
					errs <- fmt.Errorf("%s(%d) = %v, %v; want %d", fn, n, v, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

// State kept at the top level persists between calls on one instance.
func TestProgramStatePersists(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `let n = 0; function next() { return ++n }`, nil, host.WithInstances(1))
	for want := int64(1); want <= 3; want++ {
		if v, err := p.Call(context.Background(), "next"); err != nil || v != want {
			t.Fatalf("next() = %v, %v; want %d", v, err, want)
		}
	}
}

// After WithCallsPerInstance(n) calls an instance is replaced: its state
// starts again, and (TestMain's leak check) nothing of it stays running.
func TestProgramReplacesAfterCalls(t *testing.T) {
	ignore := goleak.IgnoreCurrent() // the parallel tests paused meanwhile
	p := newProgram(t, `let n = 0; function next() { return ++n }`, nil, host.WithInstances(1), host.WithCallsPerInstance(2))
	var got []any
	for range 5 {
		v, err := p.Call(context.Background(), "next")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if fmt.Sprint(got) != "[1 2 1 2 1]" {
		t.Fatalf("calls gave %v, want [1 2 1 2 1]", got)
	}
	p.Close()
	goleak.VerifyNone(t, append(leakcheck.Options, ignore)...)
}

func TestProgramPromise(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `async function later(x) { await new Promise((r) => setTimeout(r, 1)); return x + "!" }`, nil, host.WithInstances(1))
	if v, err := p.Call(context.Background(), "later", "hi"); err != nil || v != "hi!" {
		t.Fatalf("later = %v, %v", v, err)
	}
}

// Each failure is that call's alone: the next 100 calls succeed.
func TestProgramFailuresStayWithTheirCall(t *testing.T) {
	t.Parallel()
	boom := host.WithModule("boom", func(r *host.Runtime, exports *goja.Object) error {
		return exports.Set("panic", r.Func("panic", func(goja.FunctionCall) goja.Value { panic("boom from Go") }))
	})
	p := newProgram(t, `
		let n = 0;
		function ok(x) { n++; return x * 2 }
		function throws() { throw new TypeError("bad input") }
		function rejects() { return Promise.reject(new RangeError("no")) }
		function spins() { for (;;) {} }
		function panics() { return require("boom").panic() }
		function deadlocks() { const q = new threads.Queue(); return q.get() }
		function exits() { process.exit(3) }
	`, []host.Option{boom}, host.WithInstances(2), host.WithCallTimeout(200*time.Millisecond))
	cases := []struct {
		fn    string
		check func(error) bool
	}{
		{"throws", func(err error) bool {
			var se *host.ScriptError
			return errors.As(err, &se) && se.Name == "TypeError" && se.Message == "bad input"
		}},
		{"rejects", func(err error) bool { return err != nil && strings.Contains(err.Error(), "RangeError: no") }},
		{"spins", func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
		{"panics", func(err error) bool { return err != nil && strings.Contains(err.Error(), "boom from Go") }},
		{"deadlocks", func(err error) bool { return errors.Is(err, threads.ErrDeadlock) }},
		{"exits", func(err error) bool {
			var ee *host.ExitError
			return errors.As(err, &ee) && ee.Code == 3
		}},
		{"missing", func(err error) bool { return err != nil && strings.Contains(err.Error(), `"missing"`) }},
	}
	for _, c := range cases {
		_, err := p.Call(context.Background(), c.fn)
		if !c.check(err) {
			t.Fatalf("%s: error %v", c.fn, err)
		}
		for i := range int64(100) {
			if v, err := p.Call(context.Background(), "ok", i); err != nil || v != 2*i {
				t.Fatalf("after %s: ok(%d) = %v, %v", c.fn, i, v, err)
			}
		}
	}
}

func TestProgramCallContext(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `function wait() { return threads.run(() => { for (;;) {} }).get() }`, nil, host.WithInstances(1))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	if _, err := p.Call(ctx, "wait"); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled call: %v", err)
	}
}

func TestProgramClosed(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `function f() { return 1 }`, nil, host.WithInstances(1))
	p.Close()
	if _, err := p.Call(context.Background(), "f"); !errors.Is(err, host.ErrClosed) {
		t.Fatalf("a call after Close: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	h, err := host.New(host.WithStdout(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var se *host.ScriptError
	if _, err := h.Load(context.Background(), `throw new Error("at load")`); !errors.As(err, &se) || se.Message != "at load" {
		t.Fatalf("a throwing script: %v", err)
	}
	if _, err := h.Load(context.Background(), `let let`); !errors.As(err, &se) || se.Name != "SyntaxError" {
		t.Fatalf("a syntax error: %v", err)
	}
	if _, err := h.Load(context.Background(), `1`, host.WithInstances(-1)); !errors.Is(err, host.ErrInvalidOption) {
		t.Fatalf("a bad option: %v", err)
	}
}

// A call whose context ends as it returns may leave its instance
// stopped; the next call must not see that, but get a fresh instance.
func TestProgramCancelAsCallEnds(t *testing.T) {
	t.Parallel()
	p := newProgram(t, `let n = 0; function f() { return ++n > 0 }`, nil, host.WithInstances(1))
	for i := range 200 {
		ctx, cancel := context.WithCancel(context.Background())
		go cancel()
		if v, err := p.Call(ctx, "f"); err != nil && !errors.Is(err, context.Canceled) || err == nil && v != true {
			t.Fatalf("call %d: %v, %v", i, v, err)
		}
		if v, err := p.Call(context.Background(), "f"); err != nil || v != true {
			t.Fatalf("the call after call %d: %v, %v", i, v, err)
		}
	}
}

// Host.Close closes the Programs left open: no instance's goroutine
// outlives it (TestMain's leak check), and a later call fails.
func TestHostCloseClosesPrograms(t *testing.T) {
	t.Parallel()
	h, err := host.New(host.WithStdout(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	p, err := h.Load(context.Background(), `function f() { return 1 }`, host.WithInstances(2))
	if err != nil {
		t.Fatal(err)
	}
	if v, err := p.Call(context.Background(), "f"); err != nil || v != int64(1) {
		t.Fatalf("f() = %v, %v", v, err)
	}
	h.Close()
	if _, err := p.Call(context.Background(), "f"); !errors.Is(err, host.ErrClosed) {
		t.Fatalf("a call after Host.Close: %v", err)
	}
}

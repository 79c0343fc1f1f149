package eventloop

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// run evaluates src on a fresh loop and returns the global `out` array joined by ",".
func run(t *testing.T, ctx context.Context, src string) (string, error) {
	t.Helper()
	rt := goja.New()
	l := New(rt)
	l.InstallGlobals(nil)
	_ = rt.Set("out", rt.NewArray())
	err := l.Run(ctx, func() error {
		_, err := rt.RunString(src)
		return err
	})
	var parts []string
	for _, v := range rt.Get("out").Export().([]any) {
		parts = append(parts, goja.New().ToValue(v).String())
	}
	return strings.Join(parts, ","), err
}

func TestOrderOfTimersImmediatesAndMicrotasks(t *testing.T) {
	got, err := run(t, context.Background(), `
		setTimeout(() => out.push("t20"), 20);
		setTimeout(() => out.push("t0a"), 0);
		setTimeout(() => out.push("t0b"), 0);
		setImmediate(() => out.push("imm"));
		queueMicrotask(() => out.push("micro"));
		Promise.resolve().then(() => out.push("then"));
		out.push("sync");
	`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "sync,micro,then,imm,t0a,t0b,t20"; got != want {
		t.Fatalf("order = %q, want %q", got, want)
	}
}

func TestIntervalAndClear(t *testing.T) {
	got, err := run(t, context.Background(), `
		let n = 0;
		const id = setInterval((a, b) => { out.push(a + b + n); if (++n === 3) clearInterval(id); }, 1, "x", "y");
		const never = setTimeout(() => out.push("never"), 5);
		clearTimeout(never);
		clearTimeout(undefined); clearTimeout(12345);
	`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "xy0,xy1,xy2"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestCallbackMustBeFunction(t *testing.T) {
	for _, name := range []string{"setTimeout", "setInterval", "setImmediate", "queueMicrotask"} {
		_, err := run(t, context.Background(), `try { `+name+`(42) } catch (e) { out.push(e.name + ":" + e.message) }`)
		if err != nil {
			t.Fatal(err)
		}
	}
	got, _ := run(t, context.Background(), `try { setTimeout("code") } catch (e) { out.push(e.name, e.message) }`)
	if !strings.Contains(got, "TypeError,setTimeout: argument 'callback' must be a function, got string") {
		t.Fatalf("got %q", got)
	}
}

func TestRegisteredCallbackKeepsLoopAlive(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	var order []string
	err := l.Run(context.Background(), func() error {
		done := l.RegisterCallback()
		go func() {
			time.Sleep(30 * time.Millisecond)
			done(func() error { order = append(order, "late"); return nil })
			done(func() error { order = append(order, "twice"); return nil }) // ignored
		}()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ",") != "late" {
		t.Fatalf("order = %v, want [late]", order)
	}
	if l.Post(func() error { return nil }) {
		t.Fatal("Post after the loop finished must report false")
	}
}

// TestHoldKeepsLoopAlive: a Hold keeps the loop running until its
// Release, whose job runs; a Release(nil) only lets the loop end.
func TestHoldKeepsLoopAlive(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	var order []string
	err := l.Run(context.Background(), func() error {
		l.Hold()
		l.Hold()
		go func() {
			time.Sleep(10 * time.Millisecond)
			l.Release(nil)
			time.Sleep(10 * time.Millisecond)
			l.Release(func() error { order = append(order, "late"); return nil })
		}()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ",") != "late" {
		t.Fatalf("order = %v, want [late]", order)
	}
}

func TestPostFromOtherGoroutinesRunsInOrder(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	var got []int
	err := l.Run(context.Background(), func() error {
		done := l.RegisterCallback()
		go func() {
			for i := range 100 {
				l.Post(func() error { got = append(got, i); return nil })
			}
			done(nil)
		}()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 100 {
		t.Fatalf("ran %d jobs, want 100", len(got))
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("job %d ran as %d", i, v)
		}
	}
}

func TestTimerErrorIsUncaught(t *testing.T) {
	got, err := run(t, context.Background(), `
		setTimeout(() => { throw new TypeError("boom") }, 1);
		setTimeout(() => out.push("after"), 30);
	`)
	var u *UncaughtError
	if !errors.As(err, &u) {
		t.Fatalf("err = %v, want UncaughtError", err)
	}
	if u.Kind != KindUncaughtException || u.Name != "TypeError" || u.Message != "boom" || !strings.Contains(u.Stack, "<eval>:2:") {
		t.Fatalf("got %+v", u)
	}
	if got != "" {
		t.Fatalf("the loop went on after an uncaught error: %q", got)
	}
}

func TestMicrotaskErrorIsUncaught(t *testing.T) {
	_, err := run(t, context.Background(), `queueMicrotask(() => { throw new RangeError("micro") })`)
	var u *UncaughtError
	if !errors.As(err, &u) || u.Name != "RangeError" || u.Kind != KindUncaughtException {
		t.Fatalf("err = %v", err)
	}
}

// TestMicrotaskIgnoresAReplacedThen: queueMicrotask uses the built-in
// Promise.prototype.then, whatever a script put there.
func TestMicrotaskIgnoresAReplacedThen(t *testing.T) {
	for _, then := range []string{"null", "function () { out.push(\"script's then\") }"} {
		got, err := run(t, context.Background(), `Promise.prototype.then = `+then+`; queueMicrotask(() => out.push("micro")); out.push("sync")`)
		if err != nil || got != "sync,micro" {
			t.Errorf("then = %s: %q, %v", then, got, err)
		}
	}
}

// TestFirstUnhandledRejectionIsReported: of several rejections left
// unhandled, the first is reported; one handled later does not count.
func TestFirstUnhandledRejectionIsReported(t *testing.T) {
	for src, want := range map[string]string{
		`Promise.reject(new Error("first")); Promise.reject(new Error("second")); Promise.reject(new Error("third"))`:                 "first",
		`const a = Promise.reject(new Error("a")); Promise.reject(new Error("b")); Promise.reject(new Error("c")); a.catch(() => {})`: "b",
	} {
		_, err := run(t, context.Background(), src)
		var u *UncaughtError
		if !errors.As(err, &u) || u.Kind != KindUnhandledRejection || u.Message != want {
			t.Errorf("%s: err = %v, want %q", src, err, want)
		}
	}
}

func TestUnhandledRejection(t *testing.T) {
	_, err := run(t, context.Background(), `Promise.reject(new Error("nobody"))`)
	var u *UncaughtError
	if !errors.As(err, &u) || u.Kind != KindUnhandledRejection || u.Message != "nobody" {
		t.Fatalf("err = %#v", err)
	}
	_, err = run(t, context.Background(), `Promise.reject(42)`)
	if !errors.As(err, &u) || u.Message != "Uncaught (in promise) 42" {
		t.Fatalf("err = %#v", err)
	}
}

func TestRejectionHandledInTheSameTickIsFine(t *testing.T) {
	got, err := run(t, context.Background(), `
		const p = Promise.reject(new Error("late"));
		p.catch(e => out.push(e.message));
	`)
	if err != nil || got != "late" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestCancelInterruptsRunningScript(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := run(t, ctx, `for(;;){}`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatal("interrupt took too long")
	}
}

func TestCancelWhileWaiting(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel(errors.New("stop now")) }()
	_, err := run(t, ctx, `setTimeout(() => {}, 60000)`)
	if err == nil || err.Error() != "stop now" {
		t.Fatalf("err = %v, want the cause", err)
	}
}

func TestPanicInJobBecomesError(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	err := l.Run(context.Background(), func() error { panic("oops") })
	if !errors.Is(err, ErrPanic) || !strings.Contains(err.Error(), "oops") {
		t.Fatalf("err = %v", err)
	}
}

func TestIdleFuncSeesWaitingOnRegistrations(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	var states []bool
	l.SetIdleFunc(func(w bool) { states = append(states, w) })
	err := l.Run(context.Background(), func() error {
		done := l.RegisterCallback()
		go func() { time.Sleep(10 * time.Millisecond); done(nil) }()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(states) < 2 || !states[0] || states[len(states)-1] {
		t.Fatalf("idle states = %v, want true then false", states)
	}
}

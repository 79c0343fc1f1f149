package eventloop

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// A Go timer runs in the same order as setTimeout's, by deadline and then
// by the order they were set.
func TestGoTimerOrderedWithSetTimeout(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	l.InstallGlobals(nil)
	var order []string
	_ = rt.Set("push", func(s string) { order = append(order, s) })
	err := l.Run(context.Background(), func() error {
		_, err := rt.RunString(`setTimeout(() => push("js1"), 5)`)
		l.Timer(5*time.Millisecond, true, func() error { order = append(order, "go"); return nil })
		_, _ = rt.RunString(`setTimeout(() => push("js2"), 5)`)
		l.Immediate(func() error { order = append(order, "imm"); return nil })
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(order, ","), "imm,js1,go,js2"; got != want {
		t.Fatalf("order = %q, want %q", got, want)
	}
}

func TestGoTimerCancel(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	ran := false
	err := l.Run(context.Background(), func() error {
		cancel := l.Timer(time.Millisecond, true, func() error { ran = true; return nil })
		cancelImm := l.Immediate(func() error { ran = true; return nil })
		cancel()
		cancel() // twice is fine
		cancelImm()
		return nil
	})
	if err != nil || ran {
		t.Fatalf("err = %v, ran = %v; want nil, false", err, ran)
	}
}

// An unref'd timer does not keep the loop alive, as Node's timer.unref():
// the loop ends without running it.
func TestUnrefTimerDoesNotKeepLoopAlive(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	ran := false
	start := time.Now()
	err := l.Run(context.Background(), func() error {
		l.Timer(time.Hour, false, func() error { ran = true; return nil })
		return nil
	})
	if err != nil || ran {
		t.Fatalf("err = %v, ran = %v; want nil, false", err, ran)
	}
	if time.Since(start) > time.Minute {
		t.Fatal("the loop waited for an unref'd timer")
	}
}

// An unref'd timer already due when nothing else keeps the loop alive
// does not run either: Node's loop checks that it is alive before it runs
// timers, so a script that took longer than the timer's delay still ends
// without it (AbortSignal.timeout(5) after a slow script).
func TestUnrefTimerDueAtEndDoesNotRun(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	ran := false
	err := l.Run(context.Background(), func() error {
		l.Timer(time.Millisecond, false, func() error { ran = true; return nil })
		time.Sleep(5 * time.Millisecond) // a script slower than the delay
		return nil
	})
	if err != nil || ran {
		t.Fatalf("err = %v, ran = %v; want nil, false", err, ran)
	}
}

// An unref'd timer runs while something else keeps the loop alive, and a
// job that fails ends the loop like a throwing callback.
func TestUnrefTimerRunsWhileLoopIsAlive(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	l.InstallGlobals(nil)
	var order []string
	_ = rt.Set("push", func(s string) { order = append(order, s) })
	err := l.Run(context.Background(), func() error {
		l.Timer(time.Millisecond, false, func() error { order = append(order, "unref"); return nil })
		_, err := rt.RunString(`setTimeout(() => push("ref"), 30)`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(order, ","), "unref,ref"; got != want {
		t.Fatalf("order = %q, want %q", got, want)
	}
}

func TestGoTimerErrorIsUncaught(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	err := l.Run(context.Background(), func() error {
		l.Timer(time.Millisecond, true, func() error {
			_, err := rt.RunString(`throw new TypeError("from a Go timer")`)
			return err
		})
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "from a Go timer") {
		t.Fatalf("err = %v, want the TypeError", err)
	}
}

package engine

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// withLater gives cfg's runtimes later(ms, cb): cb(ms) runs on the
// runtime's loop after a goroutine of Runtime.Go has slept ms (or with
// "cancelled" when the runtime must stop first).
func withLater(cfg Config) Config {
	return withGlobal(cfg, "later", func(r *Runtime) any {
		return func(c goja.FunctionCall) goja.Value {
			ms := c.Argument(0).ToInteger()
			cb, _ := goja.AssertFunction(c.Argument(1))
			r.Go(func(ctx context.Context) func() error {
				msg := "done"
				select {
				case <-time.After(time.Duration(ms) * time.Millisecond):
				case <-ctx.Done():
					msg = "cancelled"
				}
				return func() error {
					_, err := cb(goja.Undefined(), r.RT.ToValue(msg))
					return err
				}
			})
			return goja.Undefined()
		}
	})
}

// TestGoIsNoDeadlock: a runtime waiting only for work of Runtime.Go is
// not asleep for the deadlock detector, in main and in a thread, and the
// result runs on its loop.
func TestGoIsNoDeadlock(t *testing.T) {
	out, err := evalJS(t, withLater(Config{}), 20*time.Second, `
		later(30, (m) => print("main", m));
		threads.run(() => { later(20, (m) => print("thread", m)) }).get();
	`)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	slices.Sort(lines)
	if strings.Join(lines, ",") != "main done,thread done" {
		t.Errorf("printed %q", out)
	}
}

// TestGoErrorIsUncaught: an exception in what the work returns is the
// runtime's uncaught exception.
func TestGoErrorIsUncaught(t *testing.T) {
	_, err := evalJS(t, withLater(Config{}), 20*time.Second, `later(1, () => { throw new TypeError("in callback") })`)
	if err == nil || !strings.Contains(err.Error(), "TypeError: in callback") {
		t.Fatalf("error %v, want the TypeError", err)
	}
}

// TestGoCancelled: when the evaluation ends, the work's context ends,
// and Eval returns only once its goroutine has (the leak check).
func TestGoCancelled(t *testing.T) {
	_, err := evalJS(t, withLater(Config{}), 100*time.Millisecond, `later(60000, (m) => print(m))`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want the deadline", err)
	}
}

package eventloop

import (
	"context"
	"errors"
	"testing"

	"github.com/dop251/goja"
)

// A loop runs again after Reopen, with its timers and its globals; a
// registration left outstanding by the last run refuses the reopening,
// and its late callback reaches no later run.
func TestReopen(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	l.InstallGlobals(nil)
	_ = rt.Set("out", rt.NewArray())
	ctx := context.Background()
	for i := range 3 {
		if i > 0 && !l.Reopen() {
			t.Fatalf("run %d: Reopen refused a loop with nothing outstanding", i)
		}
		if err := l.Run(ctx, func() error {
			_, err := rt.RunString(`setTimeout(() => out.push("t"), 1); Promise.resolve().then(() => out.push("p"))`)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if got := rt.Get("out").String(); got != "p,t,p,t,p,t" {
		t.Fatalf("out = %s, want p,t,p,t,p,t", got)
	}
	var done func(Job)
	if err := l.RunStopped(ctx, func() error {
		done = l.RegisterCallback()
		return errStop
	}); !errors.Is(err, errStop) {
		t.Fatalf("the failing run: %v", err)
	}
	if l.Reopen() {
		t.Fatal("Reopen took a loop with a registration outstanding")
	}
	done(func() error { t.Error("a late callback ran"); return nil })
	if !l.Reopen() {
		t.Fatal("Reopen refused the loop once the registration reported")
	}
	if err := l.Run(ctx, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
}

var errStop = errors.New("stop")

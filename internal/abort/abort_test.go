package abort_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	return nodetest.Env{Globals: map[string]func(*goja.Runtime) error{"abort": nodetest.AbortGlobals}}
}

// TestNodeOracle runs testdata/abort.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "abort") }

// An exception in a listener does not stop abort() nor the next listener;
// it ends the script as uncaught afterwards, as in Node.
func TestListenerErrorIsUncaught(t *testing.T) {
	out, err := env().RunString("listener.js", `
		const ac = new AbortController();
		ac.signal.addEventListener('abort', () => { throw new Error('listener failed'); });
		ac.signal.addEventListener('abort', () => console.log('next listener ran'));
		ac.abort();
		console.log('abort returned');`)
	if out != "next listener ran\nabort returned\n" {
		t.Errorf("output %q", out)
	}
	if err == nil || !strings.Contains(err.Error(), "listener failed") {
		t.Fatalf("err = %v, want the listener's error as uncaught", err)
	}
}

// Go makes a signal, watches it, aborts it and reads it back.
func TestGoAPI(t *testing.T) {
	rt := goja.New()
	loop := eventloop.New(rt)
	err := loop.Run(context.Background(), func() error {
		a, err := abort.For(rt, loop)
		if err != nil {
			return err
		}
		if again, _ := abort.For(rt, loop); again != a {
			t.Error("For made a second API for one runtime")
		}
		signal, abortIt := a.NewSignal()
		if !a.IsSignal(signal) || a.IsSignal(rt.NewObject()) || a.IsSignal(goja.Undefined()) {
			t.Error("IsSignal is wrong")
		}
		if aborted, _ := a.Aborted(signal); aborted {
			t.Error("a new signal is aborted")
		}
		var got []string
		remove, err := a.OnAbort(signal, func(reason goja.Value) { got = append(got, "first:"+reason.String()) })
		if err != nil {
			return err
		}
		removed, err := a.OnAbort(signal, func(goja.Value) { got = append(got, "removed") })
		if err != nil {
			return err
		}
		removed()
		if n := a.Listeners(signal); n != 1 {
			t.Errorf("%d listeners, want 1", n)
		}
		if err := abortIt(rt.ToValue("stop")); err != nil {
			return err
		}
		remove() // after it ran: nothing
		aborted, reason := a.Aborted(signal)
		if !aborted || reason.String() != "stop" || strings.Join(got, ",") != "first:stop" {
			t.Errorf("aborted %v, reason %v, listeners ran %v", aborted, reason, got)
		}
		if a.Listeners(signal) != 0 {
			t.Error("a once listener stayed")
		}
		s2, abort2 := a.NewSignal()
		_ = abort2(goja.Undefined())
		if _, r := a.Aborted(s2); r.ToObject(rt).Get("name").String() != "AbortError" {
			t.Errorf("default reason %v, want an AbortError", r)
		}
		e := a.DOMException("too late", "TimeoutError")
		if e.Get("code").ToInteger() != 23 || e.Get("message").String() != "too late" {
			t.Errorf("DOMException: code %v, message %v", e.Get("code"), e.Get("message"))
		}
		if a.Class("AbortSignal") == nil || rt.Get("AbortSignal") != nil {
			t.Error("For must make the classes without setting globals")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The runtime's API is kept out of a script's reach.
func TestHolderHidesTheAPI(t *testing.T) {
	out, err := env().RunString("hidden.js", `
		const sym = Object.getOwnPropertySymbols(globalThis).find((s) => s.description === 'jsrun.abort');
		const h = globalThis[sym];
		console.log(Object.keys(h).length, typeof h.NewSignal, typeof h.api);`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "0 undefined undefined\n" {
		t.Fatalf("got %q", out)
	}
}

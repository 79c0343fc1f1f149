package guard_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
)

// OnBuiltin completes a built-in on the first read of its global, before
// the script sees it, and not before; once made, at once.
func TestOnBuiltin(t *testing.T) {
	rt := goja.New()
	g := guard.Install(rt)
	calls := 0
	g.OnBuiltin("Symbol", func(rt *goja.Runtime, o *goja.Object) {
		calls++
		_ = o.Set("extra", rt.ToValue("made"))
	})
	if calls != 0 {
		t.Fatalf("f ran %d times before Symbol was read", calls)
	}
	v, err := rt.RunString(`typeof JSON + " " + Symbol.extra + " " + Symbol.extra`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "object made made" || calls != 1 {
		t.Fatalf("got %q after %d calls, want %q after 1", got, calls, "object made made")
	}

	g.OnBuiltin("JSON", func(rt *goja.Runtime, o *goja.Object) { _ = o.Set("late", rt.ToValue(7)) })
	if v, err := rt.RunString(`JSON.late`); err != nil || v.ToInteger() != 7 {
		t.Fatalf("JSON.late = %v, %v; want 7 (f runs at once on a global read already)", v, err)
	}
}

package threads

import (
	"context"
	"runtime"
	"testing"

	"github.com/dop251/goja"
)

// TestFacesAreWeak makes 20,000 Atomics in a loop that keeps none, and one
// it keeps in a Queue and a Shared: the runtime must let the faces it no
// longer holds go (it kept every one), and a face still held must stay the
// one that arrives.
func TestFacesAreWeak(t *testing.T) {
	env := NewEnv(Config{Globals: []string{"collect"}, Setup: func(r *Runtime) error {
		// collect runs the collector and a sweep, and returns how many
		// faces the runtime keeps.
		return r.RT.Set("collect", func() int {
			runtime.GC()
			r.lib.faces.sweep()
			return len(r.lib.faces.m)
		})
	}})
	v, err := env.Eval(context.Background(), func(main *Runtime) (goja.Value, error) {
		return main.RT.RunString(`
			const kept = new threads.Atomic(7), q = new threads.Queue(), s = new threads.Shared(null);
			q.put(kept);
			(() => { const dropped = new threads.Atomic(8); s.set({a: dropped}); })();
			for (let i = 0; i < 20000; i++) new threads.Atomic(i).add(1);
			const n = collect();
			const again = s.get().a;
			[n < 100, q.get() === kept, again.get(), again === s.get().a].join()`)
	})
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "true,true,8,true" {
		t.Errorf("got %s, want true,true,8,true (faces kept few, the kept one arrives as itself, the dropped one as a working face)", v)
	}
}

package engine

import (
	"context"
	"runtime"
	"testing"
)

// TestGroupSignalsAreWeak makes 5,000 Groups in a loop and reads each one's
// signal: the runtime must not keep the signals of Groups it dropped (it
// kept each in a list and a map until it ended).
func TestGroupSignalsAreWeak(t *testing.T) {
	t.Parallel()
	env := NewEnv(withGlobal(withAbort(Config{}), "signalsKept", func(r *Runtime) any {
		return func() int {
			runtime.GC()
			r.lib.faces.sweep() // the dropped Groups' entries, which hold their contexts
			runtime.GC()
			r.group.mu.Lock()
			defer r.group.mu.Unlock()
			n := 0
			for _, wp := range r.goSignals.list {
				if wp.Value() != nil {
					n++
				}
			}
			return n
		}
	}))
	v, err := run(context.Background(), env, "test.js", `
		const kept = threads.Group();
		const s = kept.signal;
		for (let i = 0; i < 5000; i++) threads.Group().signal.aborted;
		[signalsKept() < 100, kept.signal === s].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "true,true" {
		t.Errorf("got %s, want true,true (few signals kept, the kept group's signal the same)", v)
	}
}

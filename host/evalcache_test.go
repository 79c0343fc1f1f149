package host

import (
	"context"
	"testing"
)

// TestEvalSourcesTakeTurns evaluates two sources one after the other and
// then the first again, on one host: each time, the functions of the
// source being run are the ones the thread analysis knows (a closure over
// a local is refused as such, not carried), and the host keeps one
// compiled program per name rather than one per source ever run.
func TestEvalSourcesTakeTurns(t *testing.T) {
	h := New()
	a := `const g = (() => { const k = 5; return () => k + 1 })();
		let r; try { threads.run(g).get(); r = "carried" } catch (e) { r = e.name } r`
	b := `threads.run(() => 1 + 1).get()`
	for i, c := range []struct {
		src  string
		want any
	}{{a, "DataCloneError"}, {b, int64(2)}, {a, "DataCloneError"}} {
		v, err := h.Eval(context.Background(), c.src)
		if err != nil || v != c.want {
			t.Errorf("eval %d: %#v, %v; want %#v", i, v, err, c.want)
		}
	}
	h.mu.Lock()
	n := len(h.programs)
	h.mu.Unlock()
	if n != 1 {
		t.Errorf("%d compiled main programs kept, want 1 (one name)", n)
	}
}

package eventloop

import "github.com/dop251/goja"

// rejectionTracker remembers promises rejected with no handler. A promise
// still unhandled when its macrotask and microtasks are done is an
// unhandled rejection, which ends the loop as in Node (--unhandled-rejections=throw).
type rejectionTracker struct {
	// unhandled maps each promise to the order of its rejection: a handler
	// may come for any of them, in any order, so a list would be scanned
	// for each.
	unhandled map[*goja.Promise]uint64
	seq       uint64
}

func (t *rejectionTracker) init(rt *goja.Runtime) {
	rt.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		switch op {
		case goja.PromiseRejectionReject:
			if t.unhandled == nil {
				t.unhandled = make(map[*goja.Promise]uint64)
			}
			t.seq++
			t.unhandled[p] = t.seq
		case goja.PromiseRejectionHandle:
			t.forget(p)
		}
	})
}

func (t *rejectionTracker) forget(p *goja.Promise) { delete(t.unhandled, p) }

// take reports the first promise left unhandled, and clears the set.
func (t *rejectionTracker) take() error {
	if len(t.unhandled) == 0 {
		return nil
	}
	var first *goja.Promise
	var at uint64
	for p, seq := range t.unhandled {
		if first == nil || seq < at {
			first, at = p, seq
		}
	}
	clear(t.unhandled)
	return describe(KindUnhandledRejection, first.Result())
}

// Handled tells the loop that the rejection of p has been seen elsewhere
// (a blocking get() threw it), so it is not an unhandled rejection.
func (l *Loop) Handled(p *goja.Promise) { l.rejections.forget(p) }

package eventloop

import "github.com/dop251/goja"

// rejectionTracker remembers promises rejected with no handler. A promise
// still unhandled when its macrotask and microtasks are done is an
// unhandled rejection, which ends the loop as in Node (--unhandled-rejections=throw).
type rejectionTracker struct {
	unhandled []*goja.Promise
}

func (t *rejectionTracker) init(rt *goja.Runtime) {
	rt.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		switch op {
		case goja.PromiseRejectionReject:
			t.unhandled = append(t.unhandled, p)
		case goja.PromiseRejectionHandle:
			t.forget(p)
		}
	})
}

func (t *rejectionTracker) forget(p *goja.Promise) {
	for i, q := range t.unhandled {
		if q == p {
			t.unhandled = append(t.unhandled[:i], t.unhandled[i+1:]...)
			return
		}
	}
}

// take reports the first promise left unhandled, and clears the list.
func (t *rejectionTracker) take() error {
	if len(t.unhandled) == 0 {
		return nil
	}
	p := t.unhandled[0]
	t.unhandled = t.unhandled[:0]
	return describe(KindUnhandledRejection, p.Result())
}

// Handled tells the loop that the rejection of p has been seen elsewhere
// (a blocking get() threw it), so it is not an unhandled rejection.
func (l *Loop) Handled(p *goja.Promise) { l.rejections.forget(p) }

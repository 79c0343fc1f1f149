package engine

import (
	"fmt"

	"github.com/dop251/goja"
)

// openRemoteAtomic makes a a cluster Atomic when opts names one:
// threads.Atomic(initial, {cluster: "name"}).
func (lib *library) openRemoteAtomic(a *Atomic, opts goja.Value) {
	obj, ok := opts.(*goja.Object)
	if !ok {
		return
	}
	c := obj.Get("cluster")
	if c == nil || goja.IsUndefined(c) {
		return
	}
	if !goja.IsString(c) || c.String() == "" {
		lib.typeError("threads.Atomic: option 'cluster' must be a non-empty string naming a cluster Atomic")
	}
	name := c.String()
	g := lib.r.group
	if g.env.cfg.Remote == nil {
		lib.throwFault(&Fault{Name: "Error", Message: fmt.Sprintf(
			"threads.Atomic: option 'cluster' names Atomic %q, but no cluster is configured (host.WithNATS, or jsrun --nats URL)", name)})
	}
	ra, err := g.env.cfg.Remote.OpenAtomic(lib.r.ctx, name, a.v.Load())
	if err != nil {
		lib.throwFault(&Fault{Name: "Error", Message: "threads.Atomic: cluster Atomic " + name + ": " + err.Error()})
	}
	a.remote = ra
}

// errOverflow is an add that would overflow, found inside an update.
type errOverflow struct{ old, delta int64 }

func (e *errOverflow) Error() string {
	return fmt.Sprintf("Atomic.add: %d + %d overflows a signed 64-bit integer", e.old, e.delta)
}

func (a *Atomic) remoteAdd(lib *library, delta int64) goja.Value {
	old, _ := a.remoteUpdate(lib, "add", func(old int64) (int64, bool, error) {
		n := old + delta
		if (delta > 0 && n < old) || (delta < 0 && n > old) {
			return 0, false, &errOverflow{old, delta}
		}
		return n, true, nil
	})
	return a.value(lib, old+delta)
}

func (a *Atomic) remoteLoad(lib *library) int64 {
	v, err := a.remote.Load(lib.r.ctx)
	if err != nil {
		lib.throwFault(&Fault{Name: "Error", Message: "Atomic.get: " + err.Error()})
	}
	return v
}

// remoteUpdate runs an update on the server; a failure is an Error (a
// RangeError for an overflow).
func (a *Atomic) remoteUpdate(lib *library, method string, f func(int64) (int64, bool, error)) (int64, bool) {
	old, changed, err := a.remote.Update(lib.r.ctx, f)
	if o, ok := err.(*errOverflow); ok {
		lib.rangeError("%s", o.Error())
	}
	if err != nil {
		lib.throwFault(&Fault{Name: "Error", Message: "Atomic." + method + ": " + err.Error()})
	}
	return old, changed
}

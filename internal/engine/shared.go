package engine

import (
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// Shared is threads.Shared: one value behind a mutex, shared by every
// runtime that holds it. It stores a snapshot, never a live object, so
// get() hands out a copy and a get-modify-set elsewhere cannot reach it;
// update(fn) is the atomic read-modify-write.
type Shared struct {
	// The lock is handed from holder to waiter like a Queue item, with the
	// same waiters: update runs script code while it holds it, so a runtime
	// waiting for it must stay cancellable and visible to the deadlock
	// detector (a sync.Mutex would be neither).
	mu       sync.Mutex
	held     bool
	waiters  []*waiter
	v        *clone.Snapshot
	updating atomic.Pointer[Runtime] // the runtime inside update(), to refuse re-entry
}

func (s *Shared) face(lib *library) *goja.Object { return lib.newFace(sharedClass) }

func sharedThis(lib *library, this goja.Value, m string) *Shared {
	return thisOf[*Shared](lib, this, "Shared", m)
}

func (lib *library) snapshot(v goja.Value, what string) *clone.Snapshot {
	s, err := clone.SnapshotValue(lib.r.RT, v, what, lib.cloneOptions(false))
	if err != nil {
		lib.throw(err)
	}
	return lib.r.group.env.stats.cloned(s)
}

func (lib *library) restoreOrThrow(s *clone.Snapshot) goja.Value {
	v, err := s.RestoreValue(lib.r.RT, lib.codec)
	if err != nil {
		lib.throw(err)
	}
	return v
}

// lock takes the mutex, refusing re-entry from the runtime inside update:
// that would wait for itself forever.
func (s *Shared) lock(lib *library, method string) {
	if s.updating.Load() == lib.r {
		lib.throwFault(&Fault{Name: "Error", Message: "Shared." + method + ": called from inside update() of the same Shared; use the value update() passes in"})
	}
	s.mu.Lock()
	if !s.held {
		s.held = true
		s.mu.Unlock()
		return
	}
	w := newWaiter(lib.r)
	s.waiters = append(s.waiters, w)
	w.sleep("Shared." + method + " (waiting for the lock another runtime's update() holds)")
	s.mu.Unlock()
	if !w.block(&s.mu, 0, func() { s.waiters = removeWaiter(s.waiters, w) }) {
		lib.throwFault(cancelFault(lib.r.ctx, "Shared."+method))
	}
	// Woken: the lock was handed over, held all along.
}

// unlock hands the lock to the first waiter whose runtime may go on, or
// frees it.
func (s *Shared) unlock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w := takeLive(&s.waiters); w != nil {
		w.wake()
		return
	}
	s.held = false
}

var sharedClass = &class{
	name: "Shared",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		return &Shared{v: lib.snapshot(c.Argument(0), "threads.Shared: argument 'initial'")}
	},
	methods: []method{
		{"get", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			s := sharedThis(lib, this, "get")
			s.lock(lib, "get")
			v := s.v
			s.unlock()
			return lib.restoreOrThrow(v)
		}},
		{"set", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			s := sharedThis(lib, this, "set")
			snap := lib.snapshot(c.Argument(0), "Shared.set: argument 'value'")
			s.lock(lib, "set")
			s.v = snap
			s.unlock()
			return goja.Undefined()
		}},
		{"update", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			s := sharedThis(lib, this, "update")
			fn, _ := lib.functionArg(c.Argument(0), "Shared.update: argument 'fn'")
			s.lock(lib, "update")
			s.updating.Store(lib.r)
			defer func() {
				s.updating.Store(nil)
				s.unlock()
			}()
			cur := lib.restoreOrThrow(s.v)
			next, err := fn(goja.Undefined(), cur)
			if err != nil {
				lib.throw(err)
			}
			s.v = lib.snapshot(next, "Shared.update: the value fn returned")
			return lib.restoreOrThrow(s.v)
		}},
	},
}

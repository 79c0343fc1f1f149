package threads

import (
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// faces maps the shared objects a runtime holds to their JavaScript
// objects there, so that one shared object is one JavaScript object in a
// runtime however often it arrives. The faces are held weakly: a loop that
// makes a WaitGroup or a Queue per request would otherwise keep every one
// of them, and what they hold, for as long as the runtime runs. A face the
// script still holds is alive, so it is the one found; one it let go is
// made anew when the shared object arrives again, which nothing in the
// script can tell apart.
type faces struct {
	m map[refHolder]weak.Pointer[goja.Object]
	// dead lists shared objects whose face the collector took: cleanups
	// run on a goroutine of their own, so they leave the map to wrapRef,
	// on the runtime's.
	mu   sync.Mutex
	dead []refHolder
}

// wrapRef returns h's face in this runtime, made on first use.
func (lib *library) wrapRef(h refHolder) *goja.Object {
	f := &lib.faces
	f.forgetDead()
	if wp, ok := f.m[h]; ok {
		if obj := wp.Value(); obj != nil {
			return obj
		}
	}
	obj := h.face(lib)
	clone.Attach(lib.r.RT, obj, h)
	if f.m == nil {
		f.m = make(map[refHolder]weak.Pointer[goja.Object])
	}
	f.m[h] = weak.Make(obj)
	runtime.AddCleanup(obj, f.died, h)
	return obj
}

// died records that h's face was collected.
func (f *faces) died(h refHolder) {
	f.mu.Lock()
	f.dead = append(f.dead, h)
	f.mu.Unlock()
}

// forgetDead drops the entries of the faces collected, unless a new face
// was made since (the entry then points at it).
func (f *faces) forgetDead() {
	f.mu.Lock()
	dead := f.dead
	f.dead = nil
	f.mu.Unlock()
	for _, h := range dead {
		if wp, ok := f.m[h]; ok && wp.Value() == nil {
			delete(f.m, h)
		}
	}
}

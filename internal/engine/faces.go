package engine

import (
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
//
// Entries whose face was collected are swept when the map has doubled
// since the last sweep, which costs a constant per face made. (A cleanup
// per face, runtime.AddCleanup, cannot be used: its argument, the shared
// object, may lead back to the runtime and so to the face, which then
// would never be collected.)
type faces struct {
	m       map[refHolder]weak.Pointer[goja.Object]
	sweepAt int // the size of m at which to sweep next
}

// wrapRef returns h's face in this runtime, made on first use.
func (lib *library) wrapRef(h refHolder) *goja.Object {
	f := &lib.faces
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
	if len(f.m) >= f.sweepAt {
		f.sweep()
		f.sweepAt = max(64, 2*len(f.m))
	}
	f.m[h] = weak.Make(obj)
	return obj
}

// sweep forgets the shared objects whose face was collected.
func (f *faces) sweep() {
	for h, wp := range f.m {
		if wp.Value() == nil {
			delete(f.m, h)
		}
	}
}

package inspect

import (
	"runtime"
	"sync"
	"weak"

	"github.com/dop251/goja"
)

// registry maps each runtime to its Inspector, weakly both ways, so that
// console and util in one runtime share util.inspect.defaultOptions and one
// inspect function, and a finished runtime leaves nothing behind.
var registry = struct {
	sync.Mutex
	m map[weak.Pointer[goja.Runtime]]weak.Pointer[Inspector]
}{m: map[weak.Pointer[goja.Runtime]]weak.Pointer[Inspector]{}}

// For returns rt's Inspector, making it on first use. Everything that
// prints values of rt (console, util) should take it from here.
func For(rt *goja.Runtime) *Inspector {
	k := weak.Make(rt)
	registry.Lock()
	defer registry.Unlock()
	wp, known := registry.m[k]
	if in := wp.Value(); in != nil {
		return in
	}
	in := New(rt)
	registry.m[k] = weak.Make(in)
	if !known {
		runtime.AddCleanup(rt, func(k weak.Pointer[goja.Runtime]) {
			registry.Lock()
			delete(registry.m, k)
			registry.Unlock()
		}, k)
	}
	return in
}

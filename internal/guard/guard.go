package guard

import (
	"fmt"

	"github.com/dop251/goja"
)

// state is one runtime's guards. The runtime is single-threaded, and so
// is its state.
type state struct {
	rt *goja.Runtime
	// global is the runtime's own global object: the built-ins as goja
	// made them, never written by a script (see global.go).
	global *goja.Object
	// seen is the global object scripts see.
	seen *goja.Object
	// copied holds the built-in names copied from global to seen: a name
	// in it that seen lacks was deleted by the script.
	copied map[string]bool
	// groups is the set of lazy groups installed (see lazyGroups).
	groups uint32
	// depth counts the guarded conversions (join, toLocaleString) in
	// progress, which nest as deeply as the arrays they convert.
	depth int
	// wrapped holds the guarded built-ins, each with its proxy's traps.
	wrapped []wrapper
	// rangeError is the runtime's own RangeError constructor.
	rangeError *goja.Object
	// getOwnPropertyDescriptor is the runtime's own
	// Object.getOwnPropertyDescriptor.
	getOwnPropertyDescriptor goja.Callable
	// replacer is the replacer the guarded JSON.stringify passes, and
	// stringifying the calls it serves, innermost last.
	replacer     *goja.Object
	stringifying []*stringifyCtx
	// buffers maps the names of ArrayBuffer and the typed arrays to
	// their guarded constructors, once made.
	buffers map[string]*goja.Object
	// hasInstance answers instanceof for them.
	hasInstance *goja.Object
	// lazyGlobals make the host's globals given to Lazy and not made yet.
	lazyGlobals map[string]func() goja.Value
	// onBuiltin completes built-in globals not made yet (OnBuiltin).
	onBuiltin map[string]func(*goja.Runtime, *goja.Object)
}

// Guard is the guards of one runtime, for the host to add its own lazy
// globals to (Lazy).
type Guard struct{ s state }

// Install guards rt's built-ins (see the package doc). Call it on a new
// runtime before anything else uses it: it replaces the global object,
// so globals set before it would be lost.
func Install(rt *goja.Runtime) *Guard {
	g := &Guard{s: state{rt: rt}} // one allocation for both
	s := &g.s
	s.installGlobal()
	s.installEager()
	return g
}

// Lazy makes name a global of the runtime that make builds on its first
// read, as the built-ins are (see global.go): it costs a runtime nothing
// until a script reads it (by name, typeof, in, or through globalThis),
// and then becomes a writable, configurable, non-enumerable property of
// the global object, as Node's globals are. Assigned or deleted before
// that, it is never made. make runs on the runtime's goroutine and may
// throw.
func (g *Guard) Lazy(name string, make func() goja.Value) {
	if g.s.lazyGlobals == nil {
		g.s.lazyGlobals = map[string]func() goja.Value{}
	}
	g.s.lazyGlobals[name] = make
}

// OnBuiltin has f complete the built-in global object name (Symbol, say)
// when it is made, on the first read of its global, before the script
// sees it; at once if it has been made already. So a runtime that never
// reads the global pays nothing for f.
//
// A script can reach some built-ins without their global (a symbol's
// constructor is Symbol): f has not run then, until the global is read.
func (g *Guard) OnBuiltin(name string, f func(rt *goja.Runtime, o *goja.Object)) {
	s := &g.s
	if s.copied[name] {
		if o, ok := s.global.Get(name).(*goja.Object); ok {
			f(s.rt, o)
		}
		return
	}
	if s.onBuiltin == nil {
		s.onBuiltin = map[string]func(*goja.Runtime, *goja.Object){}
	}
	s.onBuiltin[name] = f
}

// throwRange throws a RangeError with msg in the runtime.
func (s *state) throwRange(msg string) {
	if s.rangeError == nil {
		s.rangeError = s.global.Get("RangeError").(*goja.Object)
	}
	e, err := s.rt.New(s.rangeError, s.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(e)
}

func (s *state) throwRangef(format string, args ...any) {
	s.throwRange(fmt.Sprintf(format, args...))
}

// Node's messages, where Node throws.
const (
	msgStack        = "Maximum call stack size exceeded"
	msgString       = "Invalid string length"
	msgArray        = "Invalid array length"
	msgBuffer       = "Array buffer allocation failed"
	msgBigInt       = "Maximum BigInt size exceeded"
	msgTypedArrayFm = "Invalid typed array length: %d"
)

package engine

import (
	"errors"
	"fmt"
	"slices"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// library is the per-runtime state of the threads library.
type library struct {
	r          *Runtime
	threads    *goja.Object            // the `threads` object
	errors     map[string]*goja.Object // library error classes by name
	promProto  *goja.Object            // ThreadPromise.prototype, inherits Promise.prototype; made on first use
	classes    map[string]*classState  // the library's classes installed here, on first use
	toSource   goja.Callable           // the intrinsic Function.prototype.toString
	codec      *codec
	opts       *clone.Options // made once: every clone of the runtime uses them
	optsThrown *clone.Options
	faces      faces // the faces of the shared objects this runtime holds
	// AbortSignal support (signal.go), made on first use.
	abortAPI   *abort.API
	syncSignal goja.Callable
	ownSignal  *goja.Object // threads.signal
}

func installLibrary(r *Runtime) {
	lib := &library{r: r}
	r.lib = lib
	lib.codec = &codec{lib: lib}
	max := r.group.env.cfg.MaxCloneBytes
	lib.opts = &clone.Options{Codec: lib.codec, MaxBytes: max}
	lib.optsThrown = &clone.Options{Codec: lib.codec, MaxBytes: max, PreserveErrorNames: true}
}

// installThreadsGlobal sets the `threads` global (an on-demand global: a
// thread whose code does not name it does without).
func (lib *library) installThreadsGlobal() error {
	return lib.r.RT.Set("threads", lib.Threads())
}

// errorClass is the library's error class name in this runtime, made on
// first use: most threads never meet one. It is built natively, which costs
// a few microseconds where running a class definition costs a hundred: a
// constructor whose instances are real Errors (made by Error itself, so
// they carry a stack) re-parented onto its prototype, which inherits
// Error.prototype; `new`, `instanceof`, subclassing and `name` behave as for
// `class X extends Error {}`.
func (lib *library) errorClass(name string) *goja.Object {
	if c := lib.errors[name]; c != nil {
		return c
	}
	rt := lib.r.RT
	errCtor := rt.Get("Error").ToObject(rt)
	proto := rt.NewObject()
	_ = proto.SetPrototype(errCtor.Get("prototype").ToObject(rt))
	_ = proto.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	ctor := rt.ToValue(func(c goja.ConstructorCall) *goja.Object {
		obj, err := rt.New(errCtor, c.Arguments...)
		if err != nil {
			panic(err)
		}
		if c.NewTarget != nil {
			_ = obj.SetPrototype(c.This.Prototype())
		} else {
			_ = obj.SetPrototype(proto)
		}
		return obj
	}).(*goja.Object)
	_ = ctor.SetPrototype(errCtor)
	jsutil.SetName(rt, ctor, name)
	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	if lib.errors == nil {
		lib.errors = make(map[string]*goja.Object, len(errorClassNames))
	}
	lib.errors[name] = ctor
	return ctor
}

// Threads is the runtime's `threads` object, made on first use.
func (lib *library) Threads() *goja.Object {
	if lib.threads == nil {
		lib.threads = lib.r.RT.NewDynamicObject(&threadsObject{lib: lib, members: map[string]goja.Value{}})
	}
	return lib.threads
}

// throwFault throws f in this runtime as an instance of its class.
func (lib *library) throwFault(f *Fault) {
	panic(lib.faultValue(f))
}

// faultValue builds the error object for f: a library class, a native
// error constructor of that name, or a plain Error with that name.
func (lib *library) faultValue(f *Fault) goja.Value {
	rt := lib.r.RT
	var ctor *goja.Object
	if slices.Contains(errorClassNames, f.Name) {
		ctor = lib.errorClass(f.Name)
	} else {
		if c, ok := rt.Get(f.Name).(*goja.Object); ok && nativeErrorNames[f.Name] {
			ctor = c
		} else {
			ctor = rt.Get("Error").ToObject(rt)
		}
	}
	obj, err := rt.New(ctor, rt.ToValue(f.Message))
	if err != nil {
		return rt.NewGoError(f)
	}
	if ctor == rt.Get("Error") && f.Name != "Error" {
		_ = obj.Set("name", f.Name)
	}
	if f.Stack != "" {
		_ = obj.Set("stack", f.Stack)
	}
	return obj
}

var nativeErrorNames = map[string]bool{
	"Error": true, "EvalError": true, "RangeError": true, "ReferenceError": true,
	"SyntaxError": true, "TypeError": true, "URIError": true,
}

// typeError throws a TypeError with a formatted message.
func (lib *library) typeError(format string, args ...any) {
	panic(lib.r.RT.NewTypeError(fmt.Sprintf(format, args...)))
}

// rangeError throws a RangeError with a formatted message.
func (lib *library) rangeError(format string, args ...any) {
	lib.throwFault(&Fault{Name: "RangeError", Message: fmt.Sprintf(format, args...)})
}

// errorValue is the JavaScript error to throw for a Go error of the
// library: an exception keeps its value, a clone failure is a
// DataCloneError, anything else an Error with the Go message.
func (lib *library) errorValue(err error) goja.Value {
	var (
		ex    *goja.Exception
		dce   *clone.DataCloneError
		fault *Fault
		tv    *thrownValue
	)
	switch {
	case errors.As(err, &tv):
		return tv.v
	case errors.As(err, &ex):
		return ex.Value()
	case errors.As(err, &dce):
		return lib.faultValue(&Fault{Name: DataCloneError, Message: dce.Error()})
	case errors.As(err, &fault):
		return lib.faultValue(fault)
	}
	return lib.faultValue(&Fault{Name: "Error", Message: err.Error()})
}

// throw throws err (see errorValue) in this runtime.
func (lib *library) throw(err error) { panic(lib.errorValue(err)) }

// cloneOptions are the clone options of this runtime's evaluation, for a
// value or for a thrown error (which keeps a custom name).
func (lib *library) cloneOptions(thrown bool) *clone.Options {
	if thrown {
		return lib.optsThrown
	}
	return lib.opts
}

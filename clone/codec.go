package clone

import "github.com/dop251/goja"

// Codec carries what the HTML algorithm does not: jsrun's functions-as-source
// and host objects by reference. SnapshotFunction runs on the source
// runtime's goroutine, during SnapshotValues; RestoreFunction and RestoreRef
// run on the target runtime's goroutine, during Restore. A payload or ref
// must itself be safe to share between goroutines, because one snapshot may
// be restored concurrently.
//
// When the clone was started from plain Go (no JS on the runtime's call
// stack), note that goja's RunProgram, RunString and Callables run the
// runtime's promise job queue before returning; a Codec that wants the clone
// to run no microtask avoids them there (rt.New does not run the queue).
type Codec interface {
	// SnapshotFunction is called for every function object found in the
	// value; path names it (e.g. "args[0].cb"). The returned payload is
	// stored in the snapshot and handed to RestoreFunction. An error aborts
	// the snapshot: a *DataCloneError or *goja.Exception is returned as is,
	// any other error is wrapped in a *DataCloneError at path.
	SnapshotFunction(rt *goja.Runtime, fn *goja.Object, path string) (payload any, err error)
	// RestoreFunction rebuilds, in rt, a function from the payload that
	// SnapshotFunction returned. It is called once per function object of
	// the original value, so identity is kept.
	RestoreFunction(rt *goja.Runtime, payload any) (goja.Value, error)
	// RestoreRef rebuilds, in rt, the JS object for a host value attached
	// with Attach. It is called once per attached object of the original
	// value.
	RestoreRef(rt *goja.Runtime, ref any) (goja.Value, error)
}

// RefFinder is a Codec that also knows host objects of its own making that
// carry no mark: goja DynamicObjects, which cannot hold one. FindRef is
// asked about every object that is not an ordinary goja object (a dynamic
// object, a Go value wrapper, ...) before the mark is looked up; it must
// not run script code.
type RefFinder interface {
	FindRef(obj *goja.Object) (ref any, ok bool)
}

// Options tunes SnapshotValues and SnapshotValue. The zero value (and a nil
// *Options) is the plain HTML algorithm with no size limit.
type Options struct {
	// Codec handles functions and attached host objects. Nil: both are a
	// DataCloneError.
	Codec Codec
	// MaxBytes bounds Snapshot.Size. 0 means unlimited; otherwise a value
	// whose approximate size exceeds it fails with a *DataCloneError that
	// states the limit, as soon as the walk crosses it.
	MaxBytes int64
	// PreserveErrorNames keeps any Error name: a name that is not one of
	// the seven native ones becomes an own "name" property of an Error
	// (jsrun uses this for a thread's thrown error). By default the HTML
	// rule applies: one of Error, EvalError, RangeError, ReferenceError,
	// SyntaxError, TypeError, URIError, else "Error".
	PreserveErrorNames bool
}

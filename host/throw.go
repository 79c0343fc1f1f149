package host

import "github.com/dop251/goja"

// nativeErrors are the language's error classes, which NewError makes
// instances of by name.
var nativeErrors = map[string]bool{
	"Error": true, "TypeError": true, "RangeError": true, "SyntaxError": true,
	"ReferenceError": true, "EvalError": true, "URIError": true,
}

// NewError makes a JavaScript error for a Go function to throw with
// panic: an instance of the language's class name (Error, TypeError,
// RangeError, SyntaxError, ReferenceError, EvalError, URIError), or else
// an Error whose name is name (as `class QuotaError extends Error` would
// make), with its code property set when code is not "" (Node's
// convention: "ERR_INVALID_ARG_TYPE", "ENOENT", ...). Its stack is the
// script's where the Go function was called. Thrown in a thread, it
// reaches the thread's caller with its name, message and stack (structured
// clone keeps no other property of an Error: not code, as between Node's
// workers).
func (r *Runtime) NewError(name, code, message string) *goja.Object {
	return newNamedError(r.Runtime, name, code, message)
}

// Throw throws NewError(name, code, message) in the runtime: call it from
// a Go function a script called; it does not return.
func (r *Runtime) Throw(name, code, message string) {
	panic(r.NewError(name, code, message))
}

func newNamedError(rt *goja.Runtime, name, code, message string) *goja.Object {
	ctor := name
	if !nativeErrors[name] {
		ctor = "Error"
	}
	e := newError(rt, ctor, message)
	if ctor != name {
		// Before the stack is first read: its first line is "name: message".
		_ = e.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	if code != "" {
		_ = e.Set("code", code)
	}
	return e
}

package eventloop

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// UncaughtError is a JavaScript exception that nothing caught: thrown by a
// timer callback or a posted job, or a promise rejection with no handler at
// the end of a macrotask. Its text is taken on the loop's goroutine, so it can
// travel to any goroutine.
type UncaughtError struct {
	// Kind is "uncaught exception" or "unhandled rejection".
	Kind string
	// Name and Message are those of the thrown Error ("" Name for a non-Error value).
	Name, Message string
	// Stack is the error's stack text as the runtime recorded it (file:line:col frames).
	Stack string
	// Value is the thrown value itself. It belongs to the loop's runtime: use
	// it only on that runtime's goroutine.
	Value goja.Value
}

func (e *UncaughtError) Error() string {
	if e.Stack != "" {
		return e.Stack
	}
	if e.Name != "" {
		return e.Name + ": " + e.Message
	}
	return e.Message
}

// ErrPanic wraps a Go panic recovered inside a job or callback.
var ErrPanic = errors.New("eventloop: Go panic in callback")

func panicError(r any) error {
	if err, ok := r.(error); ok {
		return fmt.Errorf("%w: %w", ErrPanic, err)
	}
	return fmt.Errorf("%w: %v", ErrPanic, r)
}

// describe turns a thrown JavaScript value into an UncaughtError.
func describe(kind string, v goja.Value) *UncaughtError {
	e := &UncaughtError{Kind: kind, Value: v}
	if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Error" {
		e.Name = stringProp(obj, "name")
		e.Message = stringProp(obj, "message")
		e.Stack = stringProp(obj, "stack")
		return e
	}
	if v != nil {
		e.Message = v.String()
	}
	if kind == KindUnhandledRejection {
		e.Message = "Uncaught (in promise) " + e.Message
	}
	return e
}

// Kinds of UncaughtError.
const (
	KindUncaughtException  = "uncaught exception"
	KindUnhandledRejection = "unhandled rejection"
)

func stringProp(obj *goja.Object, name string) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	v := obj.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return ""
	}
	return v.String()
}

// fromCallError turns the error of a goja call into the loop's error: a
// JavaScript exception becomes an UncaughtError, anything else (an
// interrupt, a stack overflow) is returned as it is.
func fromCallError(err error) error {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		u := describe(KindUncaughtException, ex.Value())
		if u.Stack == "" {
			u.Stack = ex.String()
		}
		return u
	}
	return err
}

// CallError is what the loop reports for the error of a goja call that a
// Go callback made outside a job of its own (a queue of callbacks it
// drains itself): a JavaScript exception as an UncaughtError, anything
// else as it is. Give it to Fail.
func CallError(err error) error { return fromCallError(err) }

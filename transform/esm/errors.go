package esm

import (
	"errors"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/transform"
)

// DefaultError is the value thrown for a Go error by default: a
// SyntaxError for a *transform.SyntaxError (its stack starts with the
// line and its caret), else an Error with the error's text and, when the
// error has a Code method, its code.
func DefaultError(rt *goja.Runtime, err error) goja.Value {
	if errors.Is(err, transform.ErrTooDeep) {
		ctor, _ := rt.GlobalObject().Get("RangeError").(*goja.Object)
		if c, ok := goja.AssertConstructor(ctor); ok {
			if e, cerr := c(nil, rt.ToValue(transform.ErrTooDeep.Error())); cerr == nil {
				return e
			}
		}
	}
	var se *transform.SyntaxError
	if errors.As(err, &se) {
		ctor, _ := rt.GlobalObject().Get("SyntaxError").(*goja.Object)
		if c, ok := goja.AssertConstructor(ctor); ok {
			if e, cerr := c(nil, rt.ToValue(se.Message)); cerr == nil {
				_ = e.Set("stack", se.Frame()+"\n\nSyntaxError: "+se.Message)
				return e
			}
		}
	}
	e := newError(rt, err.Error())
	var coded interface{ Code() string }
	if errors.As(err, &coded) {
		_ = e.Set("code", coded.Code())
	}
	return e
}

func newError(rt *goja.Runtime, msg string) *goja.Object {
	ctor, _ := rt.GlobalObject().Get("Error").(*goja.Object)
	if c, ok := goja.AssertConstructor(ctor); ok {
		if e, err := c(nil, rt.ToValue(msg)); err == nil {
			return e
		}
	}
	return rt.NewGoError(errors.New(msg))
}

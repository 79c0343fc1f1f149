package inspect

import (
	"fmt"

	"github.com/dop251/goja"
)

// Guard runs f, a native function's body, so that no Go panic escapes to
// the script's caller: what goja throws (a JavaScript exception, an
// interrupt, a stack overflow) passes through, and anything else (a bug
// here) becomes a JavaScript Error instead of crashing the process.
func Guard(rt *goja.Runtime, f func()) {
	defer func() {
		x := recover()
		if x == nil {
			return
		}
		switch x.(type) {
		case *goja.Exception, *goja.InterruptedError, *goja.StackOverflowError, *goja.Object, goja.Value:
			panic(x)
		}
		panic(internalError(rt, x))
	}()
	f()
}

// internalError is the Error a script sees for a bug here: a plain Error
// whose message says what failed, without Go's type names or frames.
func internalError(rt *goja.Runtime, x any) goja.Value {
	msg := fmt.Sprintf("inspect: internal error: %v", x)
	if ctor, ok := goja.AssertConstructor(rt.Get("Error")); ok {
		if e, err := ctor(nil, rt.ToValue(msg)); err == nil {
			return e
		}
	}
	return rt.ToValue(msg)
}

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
		panic(rt.NewGoError(fmt.Errorf("inspect: internal error: %v", x)))
	}()
	f()
}

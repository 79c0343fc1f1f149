package console

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// trace writes "Trace: message" and the caller's stack to stderr, in V8's
// frame format ("    at f (file:1:2)"), starting at the caller of
// console.trace.
func (c *console) trace(args []goja.Value) {
	msg := c.format(true, args)
	var b strings.Builder
	b.WriteString("Trace")
	if msg != "" {
		b.WriteString(": " + msg)
	}
	frames := c.rt.CaptureCallStack(0, nil)
	skipped := false
	for i := range frames {
		f := &frames[i]
		if !skipped && f.SrcName() == "" && f.FuncName() == "trace" {
			skipped = true // console.trace itself
			continue
		}
		b.WriteString("\n    at ")
		b.WriteString(frameString(f))
	}
	c.write(true, b.String())
}

func frameString(f *goja.StackFrame) string {
	loc := "<anonymous>"
	if src := f.SrcName(); src != "" {
		p := f.Position()
		loc = src + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
	}
	if name := f.FuncName(); name != "" {
		return name + " (" + loc + ")"
	}
	return loc
}

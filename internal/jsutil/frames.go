package jsutil

import (
	"regexp"
	"strings"
)

// bytecodeOffset is goja's "(12)" after a frame's file:line:col.
var bytecodeOffset = regexp.MustCompile(`(:\d+:\d+)\(\d+\)(\)?)$`)

// NodeFrame rewrites one frame of a goja stack (the text after "at ") as
// V8 prints it: without goja's bytecode offset ("f (file:1:2(3))" is
// "f (file:1:2)"), and a native function's "f (native)" as "f
// (<anonymous>)", as Node prints "Array.map (<anonymous>)". goja names a
// guarded built-in (a proxy) "proxy", which says nothing: that frame, and
// a nameless native one, is "<anonymous>".
func NodeFrame(f string) string {
	switch {
	case f == "native" || f == "proxy (native)":
		return "<anonymous>"
	case strings.HasSuffix(f, " (native)"):
		return strings.TrimSuffix(f, "(native)") + "(<anonymous>)"
	}
	return bytecodeOffset.ReplaceAllString(f, "$1$2")
}

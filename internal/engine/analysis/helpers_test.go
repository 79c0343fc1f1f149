package analysis

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// posOf returns the 1-based line and byte column of the first occurrence of
// marker in src (test sources use only \n line breaks).
func posOf(t *testing.T, src, marker string) (line, col, offset int) {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("marker %q not in source", marker)
	}
	line = 1 + strings.Count(src[:i], "\n")
	return line, i - (strings.LastIndex(src[:i], "\n") + 1) + 1, i
}

// frameRe matches the first frame of a goja stack: "at name (file:l:c(pc))"
// or "at file:l:c(pc)".
var frameRe = regexp.MustCompile(`\n\s*at (?:[^\n]*? \()?([^\s()]+:\d+:\d+)\(`)

// throwSite runs call (which invokes the global __f) and returns the
// "file:line:col" of the innermost frame of the error it throws or rejects
// with.
func throwSite(t *testing.T, vm *goja.Runtime, call string) string {
	t.Helper()
	v, err := vm.RunString(call)
	var errVal goja.Value
	switch {
	case err != nil:
		ex, ok := err.(*goja.Exception)
		if !ok {
			t.Fatalf("%s: %v", call, err)
		}
		errVal = ex.Value()
	default:
		p, ok := v.Export().(*goja.Promise)
		if !ok || p.State() != goja.PromiseStateRejected {
			t.Fatalf("%s did not throw (returned %v)", call, v)
		}
		errVal = p.Result()
	}
	stack := errVal.ToObject(vm).Get("stack").String()
	m := frameRe.FindStringSubmatch(stack)
	if m == nil {
		t.Fatalf("%s: no frame in stack %q", call, stack)
	}
	return m[1]
}

func mustParse(t *testing.T, name, src string) *Script {
	t.Helper()
	s, err := ParseScript(name, src)
	if err != nil {
		t.Fatalf("ParseScript(%s): %v", name, err)
	}
	return s
}

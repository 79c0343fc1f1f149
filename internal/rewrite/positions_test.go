package rewrite

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// positionCases throw from inside a guarded operation, over several lines,
// after rewritten code on the same line, and from code that follows it.
var positionCases = []string{
	// valueOf throws inside a ** b, a << b, a >> b.
	"function f(a, b) {\n  return a ** b;\n}\nf(2, thrower('pow'))",
	"function f(a, b) {\n  const x = 1;  return a << b;\n}\nf(thrower('shl'), 1)",
	"function f(a, b) {\n  return [a, b].map(v => v)  ,  a >> b;\n}\nf(thrower('sar'), 1)",
	// Over lines, nested, and in a template.
	"const a = 2, b = 3;\nconst c = `${a ** b}` +\n  (a <<\n   thrower('lines'))",
	"const a = 2n, b = 3n;\nconst c = (a ** (b ** a)) ** thrower('nested')",
	// goja's own errors: mixing BigInt and Number, a negative exponent.
	"let a = 2n, b = 1;\n\n   a ** b",
	"let a = 2n, b = -1n;\n   a ** b",
	"let a = 2n, b = 1;\n  a <<= b",
	// Compound forms written twice (name, this, a name's property).
	"let x = 2;\nx **= thrower('name')",
	"const o = { p: 2 };\n  o.p <<= thrower('prop')",
	"class C { constructor() { this.p = 1 }\n  m() { this.p >>= thrower('this') } }\nnew C().m()",
	"const x = 2;\nx **= thrower('const')",
	"const x = 2, y = 3;\n  x **=\n y",
	"let u;\n  u.p **= thrower('undefined base')",
	// Errors after the rewritten code keep their place.
	"let a = 2, b = 3; let c = a ** b; throw new Error('after')",
	"let a = 2, b = 3;\nfunction g() { return a ** b }\ng(); null.x",
	// Spread of a value that is not iterable.
	"function f() {}\nconst n = 5;\nf(1, ...n)",
	"function f() {}\nlet u;\n  new f(...u)",
}

// TestStackPositionsStay compares each case's stack under goja alone and
// through the rewrite: with the helpers' own native frames left out, every
// frame names the same function at the same line and column.
func TestStackPositionsStay(t *testing.T) {
	const prelude = "function thrower(name) { return { valueOf() { throw new Error(name) } } }\n"
	for _, c := range positionCases {
		src := prelude + c
		plain, rewritten := runThrowing(t, false, src), runThrowing(t, true, src)
		if plain != withoutHelperFrames(rewritten) {
			t.Errorf("%s\n  goja:      %q\n  rewritten: %q", c, plain, rewritten)
		}
	}
}

// cellCases go through a cell (the target's object or key is evaluated
// once): the cell's arrow functions may add frames, but every frame of
// goja's stack is there, in order.
var cellCases = []string{
	"const o = { p: 2 };\nconst get = () => o;\n  get().p **= thrower('cell')",
	"const o = { get p() { throw new Error('getter') } };\nconst get = () => o;\n  get().p **= 2n ** 3n",
	"const o = Object.freeze({ p: 2n });\nconst get = () => o;\n(() => { 'use strict';\n  get().p <<= 1n ** 1n })()",
	"const o = null;\nconst get = () => o;\n  get()['p'] >>= 1n ** 1n",
}

func TestStackPositionsStayThroughCells(t *testing.T) {
	const prelude = "function thrower(name) { return { valueOf() { throw new Error(name) } } }\n"
	for _, c := range cellCases {
		src := prelude + c
		plain, rewritten := runThrowing(t, false, src), runThrowing(t, true, src)
		if !subsequence(strings.Split(plain, "\n"), strings.Split(rewritten, "\n")) {
			t.Errorf("%s\n  goja:      %q\n  rewritten: %q", c, plain, rewritten)
		}
	}
}

// subsequence reports whether every line of want is in got, in order,
// the first lines (the messages) being equal.
func subsequence(want, got []string) bool {
	if len(got) == 0 || want[0] != got[0] {
		return false
	}
	i := 0
	for _, line := range got {
		if i < len(want) && line == want[i] {
			i++
		}
	}
	return i == len(want)
}

// runThrowing runs src, which must throw, and returns the uncaught
// error's message and stack without goja's bytecode offsets (which differ
// between two compilations of a source, as they would after any change).
func runThrowing(t *testing.T, rewritten bool, src string) string {
	t.Helper()
	rt, prg, err := compileCase(rewritten, src)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	_, err = rt.RunProgram(prg)
	ex, ok := err.(*goja.Exception)
	if !ok {
		t.Fatalf("%q did not throw: %v", src, err)
	}
	return bytecodeOffset.ReplaceAllString(ex.String(), "")
}

var bytecodeOffset = regexp.MustCompile(`\(\d+\)`)

// withoutHelperFrames drops the frames of the helper, which is unnamed.
func withoutHelperFrames(stack string) string {
	var kept []string
	for _, line := range strings.Split(stack, "\n") {
		if strings.TrimSpace(line) != "at native" {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

// TestSyntaxErrorsStay checks that a source that does not parse fails
// with goja's own error, line and column included.
func TestSyntaxErrorsStay(t *testing.T) {
	for _, src := range []string{
		"let x = ;",
		"a ** -b ** c\n",
		"1n ** 2n **",
		"x <<= ;",
		"f(...)",
		"let a = 1;\n  let a = 2;",
		"\"use strict\"; eval **= 2",
		"\"use strict\"; eval **= x",
		"\"use strict\"; arguments <<= x",
		"\"use strict\"; function f() { arguments >>= x }",
		"const c = 1; c **= x; let c = 2",
		"class C { m() { super.x **= y; #p } }",
		"(a, b) **= 2",
		"class C { m() { super(...xs) } }",
	} {
		_, want := goja.Compile("bad.js", src, false)
		_, got := Compile("bad.js", src, false)
		if want == nil || got == nil || want.Error() != got.Error() {
			t.Errorf("%q\n  goja:      %v\n  rewritten: %v", src, want, got)
		}
	}
}

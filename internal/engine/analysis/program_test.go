package analysis

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestProgramPadding(t *testing.T) {
	for _, c := range []struct {
		form      form
		line, col int
		want      string // program text before the source
	}{
		{formExpr, 1, 1, "("},
		{formExpr, 1, 2, "("},
		{formExpr, 1, 5, "   ("},
		{formExpr, 3, 1, "\n(\n"},
		{formExpr, 3, 4, "\n\n  ("},
		{formObjectMethod, 1, 3, "[{"},
		{formObjectMethod, 2, 2, "[{\n "},
		{formObjectMethod, 1, 2, "[{"},
		{formClassMethod, 2, 8, "\n[class{"},
		{formClassMethod, 4, 3, "\n\n[class{\n  "},
	} {
		f := &Func{Source: "X", form: c.form, Site: &Site{File: "p.js", Line: c.line, Column: c.col}}
		name, text := f.Program()
		if name != "p.js" || !strings.HasPrefix(text, c.want+"X") {
			t.Errorf("%d:%d form %d: %q, want prefix %q", c.line, c.col, c.form, text, c.want+"X")
		}
	}
}

func TestProgramWithoutSite(t *testing.T) {
	ix := NewIndex()
	for _, text := range []string{
		"function (a) { return a + 1 }",
		"a => a + 1",
		"async function named(a) { return a + 1 }",
		"class Q { constructor(a) { this.v = a + 1 } }",
		"m(a) { return a + 1 }",
		"get g() { return 2 }",
		"[Symbol.iterator]() { return 2 }",
		"m() { return this.#p }",
	} {
		f, err := ix.Func(text)
		if err != nil {
			t.Fatal(err)
		}
		name, prog := f.Program()
		if name != SyntheticFile {
			t.Errorf("name %q", name)
		}
		vm := goja.New()
		v, err := vm.RunProgram(goja.MustCompile(name, prog, f.Strict))
		if err != nil {
			t.Fatalf("%s: %v\n%s", text, err, prog)
		}
		if v.String() != text {
			t.Errorf("toString %q, want %q", v.String(), text)
		}
		if _, ok := goja.AssertFunction(v); !ok {
			t.Errorf("%s: not a function", text)
		}
	}
}

package util_test

import (
	"os"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/node/util"
)

// TestAgainstNode runs testdata/util.js and compares what it prints with
// what Node printed for the same file (testdata/util.expected, gen.sh).
func TestAgainstNode(t *testing.T) {
	src, err := os.ReadFile("testdata/util.js")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/util.expected")
	if err != nil {
		t.Fatal(err)
	}
	rt := goja.New()
	reg := require.NewRegistry()
	reg.RegisterNativeModule(util.ModuleName, util.Require)
	reg.Enable(rt)
	var out strings.Builder
	_ = rt.Set("print", func(s string) { out.WriteString(s + "\n") })
	_ = rt.Set("console", map[string]any{"error": func(...any) {}})
	if _, err := rt.RunScript("util.js", string(src)); err != nil {
		t.Fatal(err)
	}
	gotLines := strings.Split(out.String(), "\n")
	wantLines := strings.Split(string(want), "\n")
	for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("line %d:\n got  %q\n want %q", i+1, g, w)
		}
	}
}

// TestNativeNames: the module's functions carry JavaScript names, and
// bad input is a TypeError naming the argument.
func TestNativeNames(t *testing.T) {
	rt := goja.New()
	reg := require.NewRegistry()
	reg.RegisterNativeModule(util.ModuleName, util.Require)
	reg.Enable(rt)
	v, err := rt.RunString(`
		const util = require("util");
		const names = ["format", "inspect", "types.isDate"].map((p) => p.split(".").reduce((o, k) => o[k], util).name);
		let stack = "";
		try { util.formatWithOptions("x") } catch (e) { stack = e.stack }
		names.join(",") + "|" + stack.split("\n")[0]`)
	if err != nil {
		t.Fatal(err)
	}
	want := `format,inspect,isDate|TypeError: The "inspectOptions" argument must be of type object. Received type string ('x')`
	if v.String() != want {
		t.Errorf("got %q, want %q", v.String(), want)
	}
}

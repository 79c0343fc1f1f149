package analysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja/parser"
)

// esModuleCode has the shape of transform's output for an ES module.
const esModuleCode = `(async function (__jsrun$m, __jsrun$d) {"use strict";
var import_lib = __toESM(require_lib(), 1);
var base = { k: 2 };
function sq(x) { return x * base.k + (0, import_lib.scale)(x); }
function outer() { const secret = 1; return () => secret; }
var meta = () => __jsrun$m.meta;
console.log(sq(1), outer());
//# sourceMappingURL=data:application/json;base64,e30=
})`

func TestESModuleOf(t *testing.T) {
	prg, err := parser.ParseFile(nil, "/m.mjs", esModuleCode, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := TopNames(prg), []string{"base", "import_lib", "meta", "outer", "sq"}; !slices.Equal(got, want) {
		t.Errorf("TopNames = %v, want %v", got, want)
	}
	s, err := ESModuleOf("/m.mjs", esModuleCode, prg, map[string]string{"import_lib": "./lib.mjs"})
	if err != nil {
		t.Fatal(err)
	}
	if !s.ESModule || s.Bindings["import_lib"].Import != "./lib.mjs" || s.Bindings["base"].Import != "" {
		t.Errorf("ESModule %v, bindings %+v %+v", s.ESModule, s.Bindings["import_lib"], s.Bindings["base"])
	}
	if !strings.HasPrefix(s.MapComment, "//# sourceMappingURL=data:") {
		t.Errorf("MapComment = %q", s.MapComment)
	}
	ix := NewIndex()
	captured := func(src string) []Capture {
		t.Helper()
		f, err := ix.Lookup(s, src)
		if err != nil {
			t.Fatal(err)
		}
		return f.Captured
	}
	// The module's top-level names are module-top captures, never plain
	// closures; a function's local, and the record parameter, are not.
	for _, c := range captured("function sq(x) { return x * base.k + (0, import_lib.scale)(x); }") {
		if !c.ModuleTop {
			t.Errorf("sq: %+v is not module-top", c)
		}
	}
	if c := captured("() => secret"); len(c) != 1 || c[0].ModuleTop {
		t.Errorf("() => secret: captured %+v, want one closure", c)
	}
	if c := captured("() => __jsrun$m.meta"); len(c) != 1 || c[0].ModuleTop {
		t.Errorf("() => __jsrun$m.meta: captured %+v, want the parameter as a closure", c)
	}
}

func TestESModuleOfRefusesOtherCode(t *testing.T) {
	src := "var x = 1;\n"
	prg, err := parser.ParseFile(nil, "/s.js", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ESModuleOf("/s.js", src, prg, nil); err == nil {
		t.Error("ESModuleOf of a script: no error")
	}
}

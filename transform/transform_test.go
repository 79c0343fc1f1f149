package transform_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/transform"
)

type files map[string]string

// reader reads f and records what was read.
func (f files) reader(read *[]string) transform.ReadFile {
	return func(p string) ([]byte, error) {
		*read = append(*read, p)
		if s, ok := f[p]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
}

func TestKindOf(t *testing.T) {
	tree := files{
		"/m/package.json":     `{"type": "module"}`,
		"/c/package.json":     `{"type": "commonjs"}`,
		"/n/package.json":     `{"name": "no type"}`,
		"/n/sub/package.json": `{"type": 7}`,
		"/bad/package.json":   `{`,
	}
	cases := []struct {
		path, src string
		want      transform.Kind
	}{
		{"/x/a.mjs", "var x = 1", transform.Module},
		{"/x/a.mts", "var x = 1", transform.Module},
		{"/x/a.cjs", "export {}", transform.CommonJS},
		{"/x/a.cts", "export {}", transform.CommonJS},
		{"/m/a.js", "var x = 1", transform.Module},
		{"/m/deep/a.ts", "var x = 1", transform.Module},
		{"/c/a.js", "export {}", transform.CommonJS},
		{"/n/a.js", "module.exports = 1", transform.CommonJS},
		{"/n/a.js", "import x from './y.js'", transform.Module},
		{"/n/a.js", "export const x = 1", transform.Module},
		{"/n/a.js", "await Promise.resolve(1)", transform.Module},
		{"/n/a.js", "console.log(import.meta.url)", transform.Module},
		{"/n/a.js", "import('./x.js')", transform.CommonJS},
		{"/n/a.js", "async function* g() {}", transform.CommonJS},
		{"/n/sub/a.ts", "const x: number = 1", transform.CommonJS},
		{"/n/sub/a.ts", "export const x: number = 1", transform.Module},
		{"/none/a.js", "1", transform.CommonJS},
	}
	for _, c := range cases {
		var read []string
		got, err := transform.KindOf(c.path, c.src, tree.reader(&read))
		if err != nil || got != c.want {
			t.Errorf("KindOf(%s, %q) = %v, %v; want %v", c.path, c.src, got, err, c.want)
		}
		for _, p := range read {
			if !strings.HasSuffix(p, "/package.json") {
				t.Errorf("KindOf(%s) read %s", c.path, p)
			}
		}
	}
	if _, err := transform.KindOf("/bad/a.js", "1", tree.reader(new([]string))); err == nil || !strings.Contains(err.Error(), "/bad/package.json") {
		t.Errorf("a bad package.json: %v", err)
	}
	if _, err := transform.KindOf("/x/a.tsx", "1", nil); !errors.Is(err, transform.ErrUnsupported) {
		t.Errorf(".tsx: %v", err)
	}
}

// runCommonJS runs a CommonJS result as require runs a module and returns
// module.exports.
func runCommonJS(t *testing.T, r *transform.Result) (goja.Value, error) {
	t.Helper()
	rt := goja.New()
	fn, err := rt.RunScript(r.Path, "(function (exports, require, module) {"+r.Code+"\n})")
	if err != nil {
		return nil, err
	}
	call, _ := goja.AssertFunction(fn)
	module := rt.NewObject()
	exports := rt.NewObject()
	_ = module.Set("exports", exports)
	require := func(s string) string { return "required " + s }
	if _, err := call(nil, exports, rt.ToValue(require), module); err != nil {
		return nil, err
	}
	return module.Get("exports"), nil
}

func TestPlainCommonJSIsNotTransformed(t *testing.T) {
	// What tsc emits for CommonJS is plain CommonJS.
	src := `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.greet = void 0;
const os = require("os");
function greet(name) { return "hi " + name + " " + os; }
exports.greet = greet;`
	r, err := transform.Transform("/p/tsc-out.js", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Plain || r.Code != src || r.Map != nil || r.Kind != transform.CommonJS {
		t.Fatalf("plain CommonJS was transformed: %+v", r)
	}
	v, err := runCommonJS(t, r)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := goja.AssertFunction(v.ToObject(nil).Get("greet"))
	res, _ := got(nil, goja.New().ToValue("x"))
	if res.String() != "hi x required os" {
		t.Errorf("greet: %v", res)
	}
}

func TestCommonJSLowered(t *testing.T) {
	// goja parses an async generator but refuses to compile it.
	src := "async function* g() { yield 1; }\nmodule.exports = g;"
	r, err := transform.Transform("/p/gen.cjs", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Plain {
		t.Fatal("an async generator was left to goja")
	}
	if _, err := runCommonJS(t, r); err != nil {
		t.Fatal(err)
	}
}

func TestCommonJSTypeScript(t *testing.T) {
	src := `import fs = require("fs");
interface Named { name: string }
class Greeter implements Named {
  constructor(public name: string) {}
  fail(): never {
    throw new Error("no " + this.name);
  }
}
export = { fs, g: new Greeter("x") };`
	r, err := transform.Transform("/p/lib.cts", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := runCommonJS(t, r)
	if err != nil {
		t.Fatal(err)
	}
	o := v.ToObject(nil)
	if o.Get("fs").String() != "required fs" {
		t.Errorf("fs = %v", o.Get("fs"))
	}
	g := o.Get("g").ToObject(nil)
	fail, _ := goja.AssertFunction(g.Get("fail"))
	_, err = fail(g)
	var ex *goja.Exception
	if !errors.As(err, &ex) || !strings.Contains(ex.String(), "at fail (/p/lib.cts:6:11(") {
		t.Errorf("the stack does not name the .cts line: %v", err)
	}
}

func TestSyntaxError(t *testing.T) {
	src := "const é = 1;\nlet s: string = 'é'; let x: = 2;\n"
	_, err := transform.Transform("/p/bad.ts", src, nil)
	var se *transform.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a *SyntaxError", err)
	}
	if se.File != "/p/bad.ts" || se.Line != 2 || se.Column != 29 {
		t.Errorf("at %s:%d:%d", se.File, se.Line, se.Column)
	}
	want := "/p/bad.ts:2\nlet s: string = 'é'; let x: = 2;\n                            ^"
	if se.Frame() != want {
		t.Errorf("frame\n%s\nwant\n%s", se.Frame(), want)
	}
	if se.Error() != `/p/bad.ts:2:29: SyntaxError: Unexpected "="` {
		t.Errorf("Error() = %q", se.Error())
	}
}

func TestSourceMapOriginal(t *testing.T) {
	src := "type T = number;\nconst a: T = 1;\nexport function f(x: T) {\n  return x + a;\n}\n"
	r, err := transform.Transform("/p/m.ts", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Find "return" in the code and map it back.
	lines := strings.Split(r.Code, "\n")
	for i, l := range lines {
		if c := strings.Index(l, "return x + a"); c >= 0 {
			pos, ok := r.Map.Original(i+1, c+1)
			if !ok || pos != (transform.Position{File: "/p/m.ts", Line: 4, Column: 3}) {
				t.Errorf("Original(%d, %d) = %+v, %v", i+1, c+1, pos, ok)
			}
			return
		}
	}
	t.Fatalf("no return in\n%s", r.Code)
}

func TestGojaSyntaxErrorIsNotMapped(t *testing.T) {
	// goja reads the source map after it has parsed the file: a syntax
	// error goja finds in transformed code names the generated line. The
	// transform's output parses, so this is only the measurement.
	code := "\n\nlet = ;\n//# sourceMappingURL=data:application/json;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIi9wL28udHMiXSwibmFtZXMiOltdLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBIn0="
	_, err := goja.Compile("/p/gen.js", code, false)
	if err == nil || !strings.Contains(err.Error(), "/p/gen.js: Line 3:") {
		t.Errorf("goja's syntax error: %v", err)
	}
}

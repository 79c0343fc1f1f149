package host

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// loadFile loads dir/name on a host confined to dir.
func loadFile(t *testing.T, dir, name string, opts ...ProgramOption) (*Program, error) {
	t.Helper()
	h := newHost(t, WithStdout(io.Discard), WithStderr(io.Discard), WithFileSystem(dir))
	p, err := h.LoadFile(context.Background(), filepath.Join(dir, name), opts...)
	if p != nil {
		t.Cleanup(func() { p.Close() })
	}
	return p, err
}

func mustLoadFile(t *testing.T, dir, name string, opts ...ProgramOption) *Program {
	t.Helper()
	p, err := loadFile(t, dir, name, opts...)
	if err != nil {
		t.Fatalf("LoadFile(%s): %v", name, err)
	}
	return p
}

// wantCall calls name and checks its result.
func wantCall(t *testing.T, p *Program, want any, name string, args ...any) {
	t.Helper()
	if v, err := p.Call(context.Background(), name, args...); err != nil || v != want {
		t.Fatalf("%s(%v) = %v, %v; want %v", name, args, v, err, want)
	}
}

const moduleMain = `import { run } from "threads";
import { twice } from "./lib.mjs";
const base = await Promise.resolve(10);
let n = 0;
function helper(x) { return twice(x) + 1 }
export function next() { return ++n }
export function addBase(x) { return x + base }
export async function viaThread(x) { return await run(helper, x) }
export const notAFunction = 1;
`

// A module Program calls the module's exports: top-level await has
// settled, state persists per instance, a module function runs in a
// thread; an unknown name says where it was looked for.
func TestLoadFileModule(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.mjs": moduleMain,
		"lib.mjs":  "export const twice = (x) => 2 * x;\n",
	})
	p := mustLoadFile(t, dir, "main.mjs", WithInstances(1))
	for want := int64(1); want <= 3; want++ {
		wantCall(t, p, want, "next")
	}
	wantCall(t, p, int64(11), "addBase", 1)
	wantCall(t, p, int64(9), "viaThread", 4)
	for _, name := range []string{"missing", "helper", "notAFunction"} {
		_, err := p.Call(context.Background(), name)
		if err == nil || !strings.Contains(err.Error(), `"`+name+`"`) ||
			!strings.Contains(err.Error(), "exports of "+filepath.Join(dir, "main.mjs")) {
			t.Errorf("Call(%s) = %v; want an error naming it and the module's exports", name, err)
		}
	}
}

// Replacement after WithCallsPerInstance imports the module afresh.
func TestLoadFileModuleReplaced(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.mjs": moduleMain,
		"lib.mjs":  "export const twice = (x) => 2 * x;\n",
	})
	p := mustLoadFile(t, dir, "main.mjs", WithInstances(1), WithCallsPerInstance(2))
	for _, want := range []int64{1, 2, 1, 2, 1} {
		wantCall(t, p, want, "next")
	}
	wantCall(t, p, int64(9), "viaThread", 4)
}

// A .js file is a module by its syntax or by package.json; a .ts module
// is stripped, and a throwing call's stack names the .ts line.
func TestLoadFileModuleKinds(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"syntax.js":          "export function f() { return 'syntax' }\n",
		"pkg/package.json":   `{"type": "module"}`,
		"pkg/typed.js":       "globalThis.g = 1;\nexport function f() { return typeof module }\n",
		"tla.js":             "const v = await Promise.resolve('tla');\nexport function f() { return v }\n",
		"types.mts":          "export function f(): string { return 'mts' }\n",
		"throws.ts":          "interface P { n: number }\n\nexport function f(p: P): number {\n  throw new RangeError('bad ' + p.n)\n}\n",
		"esmodule.ts":        "import { run } from 'threads';\nconst k: number = 3;\nexport function f(x: number) { return run((y: number) => y * k, x).get() }\n",
		"pkg/sub/nested.cjs": "module.exports.f = () => 'cjs in a module package';\n",
	})
	for name, want := range map[string]any{
		"syntax.js": "syntax", "pkg/typed.js": "undefined", "tla.js": "tla",
		"types.mts": "mts", "pkg/sub/nested.cjs": "cjs in a module package",
	} {
		wantCall(t, mustLoadFile(t, dir, name), want, "f")
	}
	wantCall(t, mustLoadFile(t, dir, "esmodule.ts"), int64(12), "f", 4)
	_, err := mustLoadFile(t, dir, "throws.ts").Call(context.Background(), "f", map[string]any{"n": 5})
	var se *ScriptError
	if !errors.As(err, &se) || se.Name != "RangeError" || !strings.Contains(se.Stack, "throws.ts:4:") {
		t.Fatalf("err = %v (stack %q); want a RangeError whose stack names throws.ts:4", err, stackOf(err))
	}
}

func stackOf(err error) string {
	var se *ScriptError
	if errors.As(err, &se) {
		return se.Stack
	}
	return ""
}

// A module that throws, a failed import, a rejected or unsettled
// top-level await fail Load, as EvalFile fails.
func TestLoadFileModuleErrors(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"throws.mjs":    "export function f() {}\nthrow new TypeError('at load');\n",
		"missing.mjs":   "import x from './nope.mjs';\nexport function f() {}\n",
		"rejects.mjs":   "await Promise.reject(new RangeError('rejected'));\nexport function f() {}\n",
		"unsettled.mjs": "await new Promise(() => {});\nexport function f() {}\n",
		"syntax.mts":    "export const x: = 1;\n",
		"syntax.js":     "function f() {}\nlet let = 1;\n",
		"exits.mjs":     "export function f() {}\nprocess.exit(3);\n",
	})
	for name, want := range map[string]string{
		"throws.mjs":    "at load",
		"missing.mjs":   "nope.mjs",
		"rejects.mjs":   "rejected",
		"unsettled.mjs": "top-level await",
		"syntax.mts":    "syntax.mts:1:",
		"syntax.js":     "syntax.js:2",
	} {
		p, err := loadFile(t, dir, name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadFile(%s) = %v, %v; want an error containing %q", name, p, err, want)
		}
	}
	var exit *ExitError
	if _, err := loadFile(t, dir, "exits.mjs"); !errors.As(err, &exit) || exit.Code != 3 {
		t.Errorf("LoadFile(exits.mjs) = %v; want an ExitError of code 3", err)
	}
}

// A CommonJS file Program calls module.exports[name] first, then a
// global function; TypeScript is stripped and its stacks name its lines.
func TestLoadFileCommonJS(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.cjs": `const lib = require("./lib.cjs");
let n = 0;
function both() { return "global" }
function legacy() { return "global " + typeof module.exports.legacy }
function square(x) { return x * x }
module.exports = {
  both: () => "export",
  next: () => ++n,
  where: () => [__filename, __dirname, require.main === module],
  viaThread: (x) => threads.run(square, x).get() + lib.one,
  get boom() { throw new Error("getter threw") },
};
`,
		"lib.cjs":  "exports.one = 1;\n",
		"tsc.js":   tscCommonJS,
		"main.cts": "interface P { n: number }\nexports.handle = (p: P): number => p.n * 2;\nexports.fail = (p: P) => {\n  throw new TypeError('bad ' + p.n);\n};\n",
		"plain.ts": "function handle(n: number): number { return n + 1 }\n",
	})
	file := filepath.Join(dir, "main.cjs")
	p := mustLoadFile(t, dir, "main.cjs", WithInstances(1))
	wantCall(t, p, "export", "both")
	wantCall(t, p, "global undefined", "legacy")
	wantCall(t, p, int64(1), "next")
	wantCall(t, p, int64(2), "next")
	wantCall(t, p, int64(17), "viaThread", 4)
	v, err := p.Call(context.Background(), "where")
	if w, ok := v.([]any); err != nil || !ok || len(w) != 3 || w[0] != file || w[1] != dir || w[2] != true {
		t.Errorf("where() = %v, %v; want [%s %s true]", v, err, file, dir)
	}
	_, err = p.Call(context.Background(), "missing")
	if err == nil || !strings.Contains(err.Error(), `"missing"`) ||
		!strings.Contains(err.Error(), "module.exports of "+file) || !strings.Contains(err.Error(), "global") {
		t.Errorf("Call(missing) = %v; want an error naming it, module.exports of the file and the globals", err)
	}
	// A getter that throws while Call looks for the function: the call's
	// error, its instance kept.
	var se *ScriptError
	if _, err := p.Call(context.Background(), "boom"); !errors.As(err, &se) || se.Message != "getter threw" {
		t.Errorf("Call(boom) = %v; want the getter's Error", err)
	}
	wantCall(t, p, int64(3), "next")
	wantCall(t, mustLoadFile(t, dir, "tsc.js"), int64(49), "square", 7)
	wantCall(t, mustLoadFile(t, dir, "plain.ts"), int64(3), "handle", 2)
	cts := mustLoadFile(t, dir, "main.cts")
	wantCall(t, cts, int64(6), "handle", map[string]any{"n": 3})
	_, err = cts.Call(context.Background(), "fail", map[string]any{"n": 3})
	if !errors.As(err, &se) || se.Name != "TypeError" || !strings.Contains(se.Stack, "main.cts:4:") {
		t.Fatalf("err = %v (stack %q); want a TypeError whose stack names main.cts:4", err, stackOf(err))
	}
}

// Load of a source string stays a classic script, as Eval runs one.
func TestLoadSourceStaysScript(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	var se *ScriptError
	if _, err := h.Load(context.Background(), "export function f() {}"); !errors.As(err, &se) || se.Name != "SyntaxError" {
		t.Errorf("Load(export ...) = %v; want a SyntaxError", err)
	}
	p, err := h.Load(context.Background(), "function f() { return typeof module + typeof exports }")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	wantCall(t, p, "undefinedundefined", "f")
}

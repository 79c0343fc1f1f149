package host

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (slash paths to contents) under a new directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runFile runs dir/name with the file system confined to dir and returns
// what it printed and its error.
func runFile(t *testing.T, dir, name string, opts ...Option) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opts = append([]Option{WithStdout(&out), WithStderr(&out), WithFileSystem(dir)}, opts...)
	h := newHost(t, opts...)
	_, err := h.EvalFile(context.Background(), filepath.Join(dir, name))
	return out.String(), err
}

func mustRunFile(t *testing.T, dir, name string) string {
	t.Helper()
	out, err := runFile(t, dir, name)
	if err != nil {
		t.Fatalf("%s: %v\noutput:\n%s", name, err, out)
	}
	return out
}

// tscCommonJS is what tsc 5 emits for a CommonJS module that imports
// threads and exports a function.
const tscCommonJS = `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.square = void 0;
const threads_1 = __importDefault(require("threads"));
const square = (n) => n * n;
exports.square = square;
const t = threads_1.default.run((0, exports.square), 7);
console.log(t.get(), typeof module.exports.square, module.exports === exports);
console.log(__filename.endsWith("tsc.js"), __dirname === require("path").dirname(__filename));
console.log(require.main === module, module.id);
const twice = (n) => 2 * (0, exports.square)(n);
exports.twice = twice;
console.log(threads_1.default.run((0, exports.twice), 3).get(), threads_1.default.run(() => __filename === module.filename).get());
`

func TestCommonJSMainHasModuleGlobals(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"tsc.js": tscCommonJS})
	got := mustRunFile(t, dir, "tsc.js")
	want := "49 function true\ntrue true\ntrue .\n18 true\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A plain CommonJS file runs as it is: an error's position is the file's.
func TestPlainCommonJSStackUnchanged(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"plain.js": "function f() {\n  throw new Error('boom');\n}\nf();\n"})
	_, err := runFile(t, dir, "plain.js")
	var se *ScriptError
	if !errors.As(err, &se) || !strings.Contains(se.Stack, "plain.js:2:9") {
		t.Fatalf("err = %v, want a stack naming plain.js:2:9", err)
	}
}

// A JavaScript syntax error is still goja's, with its caret.
func TestPlainSyntaxErrorUnchanged(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"bad.js": "let x = 1;\nlet y = ;\n"})
	_, err := runFile(t, dir, "bad.js")
	var se *ScriptError
	if !errors.As(err, &se) || se.Name != "SyntaxError" || !strings.Contains(se.Stack, "bad.js:2\nlet y = ;\n        ^") {
		t.Fatalf("err = %v, want goja's SyntaxError with a caret at 2:9", err)
	}
}

func TestTypeScriptSyntaxErrorShowsOriginal(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"bad.ts": "interface A { x: number }\nconst a: A = { x: 1 };\nlet y: = 2;\n"})
	_, err := runFile(t, dir, "bad.ts")
	var se *ScriptError
	if !errors.As(err, &se) || se.Name != "SyntaxError" {
		t.Fatalf("err = %v, want a SyntaxError", err)
	}
	want := filepath.Join(dir, "bad.ts") + ":3\nlet y: = 2;\n       ^\n\nSyntaxError: "
	if !strings.HasPrefix(se.Stack, want) || !strings.Contains(se.Message, "bad.ts:3:8") {
		t.Errorf("stack %q\nmessage %q\nwant the stack to start %q and the message to name bad.ts:3:8", se.Stack, se.Message, want)
	}
}

// A CommonJS TypeScript file is stripped; its stacks name the .cts lines.
func TestCommonJSTypeScriptMain(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"main.cts": `interface P { n: number }
enum Color { Red, Green }
function twice<T>(x: T): T[] { return [x, x]; }
const p: P = { n: Color.Green };
console.log(twice(p.n).join(","), typeof exports);
function fail(): never {
  throw new TypeError("typed");
}
fail();
`})
	out, err := runFile(t, dir, "main.cts")
	if out != "1,1 object\n" {
		t.Errorf("output %q, want %q", out, "1,1 object\n")
	}
	var se *ScriptError
	if !errors.As(err, &se) || !strings.Contains(se.Stack, "main.cts:7:9") {
		t.Fatalf("err = %v, want a stack naming main.cts:7:9", err)
	}
}

func TestRequireTransformsTypeScript(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.js": `const m = require("./lib.cts");
console.log(m.add(2, 3), m.Mode.B);
const esm = require("./esm.mjs");
console.log(esm.x, esm[Symbol.toStringTag], require("./esm.mjs") === esm, require("./lib.ts").twice(4));
try { require("./tla.mjs"); } catch (e) { console.log(e.code); }
try { require("./throws.mjs"); } catch (e) { console.log(e.message); }
try { require("./bad.ts"); } catch (e) { console.log(e.name, e.message.endsWith("bad.ts:1:8)")); }
`,
		"lib.cts":    "export enum Mode { A, B }\nexport function add(a: number, b: number): number { return a + b; }\n",
		"esm.mjs":    "export const x = 1;\n",
		"lib.ts":     "export function twice(n: number): number { return 2 * n; }\n",
		"tla.mjs":    "await null;\nexport const y = 2;\n",
		"throws.mjs": "throw new Error('esm threw');\n",
		"bad.ts":     "let x: = 1;\n",
	})
	got := mustRunFile(t, dir, "main.js")
	want := "5 1\n1 Module true 8\nERR_REQUIRE_ASYNC_MODULE\nesm threw\nSyntaxError true\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A top-level binding initialised by require is required again in a
// thread, with every global the module may use: threads, console.
func TestRequireBindingInThread(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"m.js":    "module.exports = function () { console.log('hi from', typeof threads.run); };\n",
		"main.js": "const t = require('threads');\nconst m = require('./m.js');\nfunction f() { m(); return typeof t.run; }\nconsole.log(threads.run(f).get());\n",
	})
	if got, want := mustRunFile(t, dir, "main.js"), "hi from function\nfunction\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

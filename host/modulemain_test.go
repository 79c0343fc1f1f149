package host

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// esmTree is a program of ES modules; its output was checked with Node 20
// (node main.mjs prints the same lines, threads aside).
var esmTree = map[string]string{
	"main.mjs": `import { add, counter, bump } from "./lib.mjs";
import def, * as ns from "./lib.mjs";
import cjs from "./cjs.cjs";
import { named } from "./cjs.cjs";
import * as path from "node:path";
import { a } from "./cycle-a.mjs";
console.log(add(1, 2), def, Object.keys(ns).sort().join(","));
console.log(counter); bump(); console.log(counter);
console.log(cjs.named, named, path.basename(import.meta.url), import.meta.dirname === path.dirname(import.meta.filename));
console.log(a());
const later = await import("./later.mjs");
console.log(later.value);
try { await import("./nope.mjs"); } catch (e) { console.log(e.code, e.message.includes("nope.mjs' imported from")); }
try { await import("./throws.mjs"); } catch (e) { console.log("threw", e.message); }
try { await import("./throws.mjs"); } catch (e) { console.log("again", e.message); }
`,
	"lib.mjs": `export let counter = 0;
export function bump() { counter++; }
export const add = (a, b) => a + b;
export default "the default";
`,
	"cjs.cjs":     "exports.named = 'cjs named';\n",
	"cycle-a.mjs": "import { b } from './cycle-b.mjs';\nexport function a() { return 'a+' + b(); }\n",
	"cycle-b.mjs": "import { a } from './cycle-a.mjs';\nexport function b() { return 'b' + typeof a; }\n",
	"later.mjs":   "await null;\nexport const value = 'later';\n",
	"throws.mjs":  "throw new Error('module threw');\n",
}

func TestModuleMain(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, esmTree)
	got := mustRunFile(t, dir, "main.mjs")
	want := `3 the default add,bump,counter,default
0
1
cjs named cjs named main.mjs true
a+bfunction
later
ERR_MODULE_NOT_FOUND true
threw module threw
again module threw
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestModuleImportsThreads(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.mjs": `import threads, { run, Queue, Pool } from "threads";
import { readFileSync } from "node:fs";
console.log(typeof threads.run, run === threads.run, typeof Queue, typeof Pool);
console.log(readFileSync(new URL(import.meta.url).pathname, "utf8").length > 0);
`,
	})
	got := mustRunFile(t, dir, "main.mjs")
	if want := "function true function function\ntrue\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestModuleMainErrors(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"missing.mjs":      "import x from './x.mjs';\n",
		"package.mjs":      "import x from 'no-such-package';\n",
		"throws.mjs":       "import './dep.mjs';\nconsole.log('not reached');\n",
		"dep.mjs":          "export const x = 1;\nthrow new RangeError('dep threw');\n",
		"badts.mts":        "const x: number = 1;\nconst y: = 2;\n",
		"outside.mjs":      "import '../elsewhere.mjs';\n",
		"importbad.mjs":    "import './badts.mts';\n",
		"cjsthrows.mjs":    "import './throws.cjs';\n",
		"throws.cjs":       "module.exports = 1;\nthrow new TypeError('cjs threw');\n",
		"../elsewhere.mjs": "",
	})
	for _, c := range []struct{ file, name, text string }{
		{"missing.mjs", "Error", "Cannot find module '" + filepath.Join(dir, "x.mjs") + "' imported from " + filepath.Join(dir, "missing.mjs")},
		{"package.mjs", "Error", "Cannot find package 'no-such-package' imported from " + filepath.Join(dir, "package.mjs")},
		{"throws.mjs", "RangeError", "dep.mjs:2:7"},
		{"badts.mts", "SyntaxError", "badts.mts:2\nconst y: = 2;\n         ^"},
		{"outside.mjs", "Error", "Cannot find module"},
		{"importbad.mjs", "SyntaxError", "badts.mts:2\nconst y: = 2;\n         ^"},
		{"cjsthrows.mjs", "TypeError", "throws.cjs:2:7"},
	} {
		out, err := runFile(t, dir, c.file)
		var se *ScriptError
		if !errors.As(err, &se) || se.Name != c.name || !strings.Contains(se.Stack, c.text) {
			t.Errorf("%s: err = %v (output %q), want a %s naming %q", c.file, err, out, c.name, c.text)
		}
	}
}

// Packages resolve as Node's: node_modules walked up from the importer,
// package.json "exports" with the import condition, and "main".
func TestModulePackages(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"node_modules/dual/package.json": `{"name": "dual", "exports": {".": {"import": "./esm.mjs", "require": "./cjs.cjs"}, "./extra": "./extra.mjs"}}`,
		"node_modules/dual/esm.mjs":      "export const kind = 'esm';\n",
		"node_modules/dual/cjs.cjs":      "exports.kind = 'cjs';\n",
		"node_modules/dual/extra.mjs":    "export default 'extra';\n",
		"node_modules/old/package.json":  `{"main": "lib/index.js"}`,
		"node_modules/old/lib/index.js":  "module.exports = { old: true };\n",
		"src/deep/main.mjs": `import { kind } from "dual";
import extra from "dual/extra";
import old, { old as named } from "old";
console.log(kind, extra, old.old, named);
try { await import("dual/missing"); } catch (e) { console.log(e.code); }
`,
	})
	got := mustRunFile(t, dir, "src/deep/main.mjs")
	if want := "esm extra true true\nERR_PACKAGE_PATH_NOT_EXPORTED\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// An imported module that does not parse fails the evaluation as a syntax
// error, as the main file's would, not as an uncaught exception.
func TestImportedSyntaxErrorKind(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.mjs": "import './bad.ts';\n",
		"bad.ts":   "interface A { x: number }\nlet y: = 2;\n",
	})
	_, err := runFile(t, dir, "main.mjs")
	var se *ScriptError
	if !errors.As(err, &se) || se.Kind != "syntax error" || se.Name != "SyntaxError" ||
		!strings.HasPrefix(se.Stack, filepath.Join(dir, "bad.ts")+":2\nlet y: = 2;\n       ^") {
		t.Fatalf("err = %#v, want a syntax error with bad.ts's frame", err)
	}
}

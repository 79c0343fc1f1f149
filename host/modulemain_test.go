package host

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModulesAsNode runs testdata/esm/main.mjs (imports of every form,
// CommonJS and built-ins, cycles, top-level await and its order, import(),
// packages, errors) and compares with what Node printed (main.expected,
// written by scripts/node-expected.sh).
func TestModulesAsNode(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "esm"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "main.expected"))
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRunFile(t, dir, "main.mjs"); got != string(want) {
		t.Errorf("got\n%s\nwant (Node's)\n%s", got, want)
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
		"badjs.mjs":        "import './cjs.cjs';\nexport const a = ;\n",
		"cjs.cjs":          "exports.a = 1;\n",
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
		{"badjs.mjs", "SyntaxError", "badjs.mjs:2\nexport const a = ;\n                 ^"},
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

// A symbolic link inside the directory that leads out of it is not
// followed by import: the module outside is never read nor run.
func TestModuleImportStaysInRoot(t *testing.T) {
	t.Parallel()
	base := writeTree(t, map[string]string{
		"root/main.mjs": "try { await import('./link.mjs'); } catch (e) { console.log(e.code || e.message); }\nconsole.log(globalThis.outsideRan === undefined);\n",
		"outside.mjs":   "globalThis.outsideRan = true; console.log('outside ran');\n",
	})
	if err := os.Symlink(filepath.Join(base, "outside.mjs"), filepath.Join(base, "root", "link.mjs")); err != nil {
		t.Fatal(err)
	}
	got := mustRunFile(t, filepath.Join(base, "root"), "main.mjs")
	if got != "ERR_MODULE_NOT_FOUND\ntrue\n" {
		t.Errorf("got %q, want ERR_MODULE_NOT_FOUND and no run of the module outside", got)
	}
}

package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandSurvivesHugeBigIntsAndSpreads runs, in the jsrun command, the
// operations that used to kill it (Go's fatal out of memory from one
// BigInt shift, even inside try/catch or a thread) or never end (a BigInt
// power, a spread of ten million arguments): each must be a RangeError the
// script catches, in the main runtime and in a thread, within --timeout.
func TestCommandSurvivesHugeBigIntsAndSpreads(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, expr, want string }{
		{"shl", `1n << (2n ** 40n)`, "RangeError: Maximum BigInt size exceeded"},
		{"pow", `2n ** (2n ** 40n)`, "RangeError: Maximum BigInt size exceeded"},
		{"shl-assign", `(() => { let x = 1n; x <<= 2n ** 40n })()`, "RangeError: Maximum BigInt size exceeded"},
		{"pow-assign", `(() => { const o = { x: 3n }; o.x **= 2n ** 40n })()`, "RangeError: Maximum BigInt size exceeded"},
		{"spread", `Math.max(...Array(1e6).fill(1))`, "RangeError: Maximum call stack size exceeded"},
		{"new-function", `new Function("return 1n << (2n ** 40n)")()`, "RangeError: Maximum BigInt size exceeded"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			catch := `(() => { try { ` + c.expr + `; return "no error" } catch (e) { return String(e) } })`
			src := `console.log(` + catch + `()); console.log(threads.run(` + catch + `).get())`
			out, errOut, code, _ := runJsrun(t, "", "--timeout", "20s", "-e", src)
			if code != 0 || out != c.want+"\n"+c.want+"\n" {
				t.Fatalf("exit %d\nstdout %q\nstderr %.400q", code, out, errOut)
			}
		})
	}
}

// TestCommandUncaughtHugeBigIntIsAnError: uncaught, the RangeError ends
// the script like any error (exit 1, printed with its stack), not the
// process.
func TestCommandUncaughtHugeBigIntIsAnError(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "--timeout", "20s", "-e", "const a = 1n;\nconst b = a << (2n ** 40n);")
	if code != 1 || !strings.Contains(errOut, "RangeError: Maximum BigInt size exceeded") || !strings.Contains(errOut, "<eval>:2:11") {
		t.Fatalf("exit %d, stderr %.400q", code, errOut)
	}
}

// TestCommandSurvivesHugeBigIntInAModule: a required module is rewritten
// too (require compiles modules itself, from text).
func TestCommandSurvivesHugeBigIntInAModule(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("huge.js", "exports.shift = (a, b) => a << b;\nexports.now = (() => { try { return 1n << (2n ** 40n) } catch (e) { return String(e) } })();\n")
	write("main.js", `const { shift, now } = require("./huge.js");
console.log(now);
try { shift(1n, 2n ** 40n) } catch (e) { console.log(String(e)) }
console.log(threads.run(() => { try { shift(1n, 2n ** 40n) } catch (e) { return String(e) } }).get());
`)
	out, errOut, code, _ := runJsrun(t, "", "--timeout", "20s", filepath.Join(dir, "main.js"))
	want := strings.Repeat("RangeError: Maximum BigInt size exceeded\n", 3)
	if code != 0 || out != want {
		t.Fatalf("exit %d\nstdout %q\nstderr %.400q", code, out, errOut)
	}
}

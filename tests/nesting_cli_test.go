package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A text nested deeper than a parser can follow on the Go stack is a
// RangeError, as in Node ("Maximum call stack size exceeded"), wherever
// it enters: eval, new Function, a thread's function, the script file,
// a TypeScript file, a required module. Before internal/nesting each of
// these ended the process with Go's fatal "stack overflow" (300,000
// levels reach Go's 1 GB stack limit in goja's parser and in esbuild's).
func TestDeepTextIsRangeError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const d = "3e5"
	deep := strings.Repeat("[", 300_000) + strings.Repeat("]", 300_000)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("deepmod.js", "module.exports = "+deep+";\n")
	inScript := write("inscript.js", `
const show = (f) => { try { f(); console.log("no error") } catch (e) { console.log(e.name + ": " + e.message) } };
show(() => eval("[".repeat(`+d+`) + "]".repeat(`+d+`)));
show(() => eval("(".repeat(`+d+`) + "0" + ")".repeat(`+d+`)));
show(() => new Function("return " + "!".repeat(`+d+`) + "0"));
show(() => eval("() => ".repeat(`+d+`) + "0"));
show(() => require("./deepmod.js"));
show(() => threads.run((n) => eval("[".repeat(n) + "]".repeat(n)), `+d+`).get());
console.log(eval("[[1]]")[0][0], new Function("a", "return a + 1")(1));
(function () { const local = 5; console.log(eval("local + 1")); eval("var leaked = 3"); console.log(leaked) })();
`)
	cases := []struct {
		name, file, want string
		code             int
	}{
		{"in a script", inScript, strings.Repeat("RangeError: Maximum call stack size exceeded\n", 6) + "1 2\n6\n3\n", 0},
		{"script file", write("deep.js", "console.log(1);\nconst a = "+deep+";\n"), "", 1},
		{"TypeScript file", write("deep.ts", "const a: number[] = "+deep+";\n"), "", 1},
	}
	for _, c := range cases {
		stdout, stderr, code, _ := runJsrun(t, "", "--max-memory", "256MiB", c.file)
		if strings.Contains(stderr, "fatal error") || strings.Contains(stderr, "goroutine ") {
			t.Fatalf("%s: the process crashed: %.300s", c.name, stderr)
		}
		if code != c.code || stdout != c.want {
			t.Errorf("%s: exit %d, stdout %q; want %d, %q (stderr %.300s)", c.name, code, stdout, c.code, c.want, stderr)
		}
		if c.code == 1 && !strings.Contains(stderr, "RangeError: Maximum call stack size exceeded") {
			t.Errorf("%s: stderr %q, want Node's RangeError", c.name, stderr)
		}
	}
}

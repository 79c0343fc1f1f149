package host

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sandbox is a directory tree for the require tests: root is the host's
// directory, out lies beside it, outside.
type sandbox struct{ base, root, out string }

// The secrets the files outside hold: no error may show them.
const (
	jsonSecret = "s3cr3t-json"
	textSecret = "hunter2"
)

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	base := t.TempDir()
	s := &sandbox{base: base, root: filepath.Join(base, "root"), out: filepath.Join(base, "out")}
	files := map[string]string{
		"out/secret.json": `{"secret": "` + jsonSecret + `"}`,
		"out/secret.txt":  "top " + textSecret + " words\nmore " + textSecret + "\n",
		// evil.js leaves two marks if it runs: a global and a file inside
		// the root, where the confined fs may write.
		"out/evil.js": "globalThis.evilRan = true;\ntry { require('fs').writeFileSync(" +
			strconvQuote(filepath.Join(base, "root", "ran.txt")) + ", 'ran') } catch (e) {}\nmodule.exports = 'evil';\n",
		"out/bad.js":                         "let x = 1;\nlet y = " + textSecret + " " + textSecret + ";\n",
		"node_modules/up/index.js":           "globalThis.upRan = true; module.exports = 'up';\n", // an ancestor's node_modules
		"root/sub/m.js":                      "module.exports = require('./n.json').v + 1;\n",
		"root/sub/n.json":                    `{"v": 41}`,
		"root/node_modules/pkg/package.json": `{"main": "lib.js"}`,
		"root/node_modules/pkg/lib.js":       "module.exports = 'pkg';\n",
		"root/node_modules/esc/package.json": `{"main": "../../../out/evil.js"}`,
		"root/bad.js":                        "let x = 1;\nlet y = ;\n",
		"root/loop.js":                       "for (;;) {}\n",
	}
	for name, text := range files {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"root/link.json": "../out/secret.json", // relative, leaving the root
		"root/outdir":    s.out,                // absolute, to a directory outside
		"root/inlink.js": "sub/m.js",           // inside the root
	} {
		if err := os.Symlink(target, filepath.Join(base, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// attemptSrc defines attempt(spec): what require(spec) gave, or the
// error's name, code and message, as one string.
const attemptSrc = `function attempt(spec) {
	try { return "ok " + JSON.stringify(require(spec)) } catch (e) { return [e.name, e.code, e.message].join("|") }
}
`

// attempts runs require on each spec from a main script at path (written
// there), in the main runtime and in a thread, and returns both results.
func attempts(t *testing.T, h *Host, path string, specs ...string) (main, thread []string) {
	t.Helper()
	list, _ := json.Marshal(specs)
	src := attemptSrc + fmt.Sprintf(`const specs = %s;
const main = specs.map(attempt);
const thread = threads.run((specs) => specs.map(attempt), specs).get();
({main, thread, evilRan: typeof evilRan, upRan: typeof upRan});
`, list)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	v, err := h.EvalFile(ctx, path)
	if err != nil {
		t.Fatalf("EvalFile: %v", err)
	}
	res := v.(map[string]any)
	if res["evilRan"] != "undefined" || res["upRan"] != "undefined" {
		t.Errorf("a module outside the root ran: evilRan %v, upRan %v", res["evilRan"], res["upRan"])
	}
	strs := func(v any) []string {
		var out []string
		for _, x := range v.([]any) {
			out = append(out, x.(string))
		}
		return out
	}
	return strs(res["main"]), strs(res["thread"])
}

// checkAttempts compares each result with its want: a prefix, and for a
// refusal, the path the error must name.
func checkAttempts(t *testing.T, where string, specs, got []string, want []attemptWant) {
	t.Helper()
	for i, w := range want {
		g := got[i]
		if !strings.HasPrefix(g, w.prefix) || (w.names != "" && !strings.Contains(g, w.names)) {
			t.Errorf("%s: require(%q) gave %q; want it to start with %q and name %q", where, specs[i], g, w.prefix, w.names)
		}
		if strings.Contains(g, jsonSecret) || strings.Contains(g, textSecret) {
			t.Errorf("%s: require(%q) showed a secret: %q", where, specs[i], g)
		}
	}
}

type attemptWant struct{ prefix, names string }

// refusal is how a require of a path the host does not allow fails: as fs
// fails on it.
const refusal = "Error|EACCES|EACCES: permission denied"

// TestRequireConfinedToTheRoot: with WithFileSystem, require reads only
// inside the directory, whatever the path (absolute, "..", a symbolic
// link, a package's main) and in every runtime; a module outside is never
// run, a text file outside never shown; inside, relative paths, JSON,
// node_modules and links that stay inside work as before.
func TestRequireConfinedToTheRoot(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	h := newHost(t, WithFileSystem(s.root))
	cases := []struct {
		spec string
		want attemptWant
	}{
		{filepath.Join(s.out, "secret.json"), attemptWant{refusal, filepath.Join(s.out, "secret.json")}},
		{"../out/secret.json", attemptWant{refusal, filepath.Join(s.out, "secret.json")}},
		{"./link.json", attemptWant{refusal, "link.json"}},
		{"./outdir/secret.json", attemptWant{refusal, "secret.json"}},
		{filepath.Join(s.out, "evil.js"), attemptWant{refusal, "evil.js"}},
		{filepath.Join(s.out, "secret.txt"), attemptWant{refusal, "secret.txt"}},
		{filepath.Join(s.out, "bad.js"), attemptWant{refusal, "bad.js"}},
		{"esc", attemptWant{refusal, "evil.js"}},
		{"up", attemptWant{"Error|MODULE_NOT_FOUND|Cannot find module 'up'", ""}},
		{"./nope", attemptWant{"Error|MODULE_NOT_FOUND|Cannot find module './nope'\nRequire stack:\n- " + filepath.Join(s.root, "main.js"), ""}},
		{"./sub/m", attemptWant{"ok 42", ""}},
		{"./inlink.js", attemptWant{"ok 42", ""}},
		{"pkg", attemptWant{`ok "pkg"`, ""}},
		{filepath.Join(s.root, "sub", "n.json"), attemptWant{`ok {"v":41}`, ""}},
		{"./bad.js", attemptWant{"SyntaxError||", filepath.Join(s.root, "bad.js") + ":2:9"}},
	}
	var specs []string
	var want []attemptWant
	for _, c := range cases {
		specs, want = append(specs, c.spec), append(want, c.want)
	}
	main, thread := attempts(t, h, filepath.Join(s.root, "main.js"), specs...)
	checkAttempts(t, "main", specs, main, want)
	checkAttempts(t, "thread", specs, thread, want)
	if _, err := os.Stat(filepath.Join(s.root, "ran.txt")); err == nil {
		t.Error("evil.js, outside the root, ran: it wrote ran.txt")
	}
}

// TestRequireWithoutFileSystem: with WithoutFileSystem no module file is
// read, not even beside the main script; native modules still load.
func TestRequireWithoutFileSystem(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	h := newHost(t, WithoutFileSystem())
	specs := []string{filepath.Join(s.out, "secret.json"), "../out/secret.txt", "./sub/m", filepath.Join(s.out, "evil.js"), "pkg", "threads"}
	want := []attemptWant{
		{refusal, filepath.Join(s.out, "secret.json")},
		{refusal, "secret.txt"},
		{refusal, "m"},
		{refusal, "evil.js"},
		{refusal, "pkg"},
		{"ok {", ""},
	}
	main, thread := attempts(t, h, filepath.Join(s.root, "main.js"), specs...)
	checkAttempts(t, "main", specs, main, want)
	checkAttempts(t, "thread", specs, thread, want)
	for _, got := range append(main[:5:5], thread[:5]...) {
		if !strings.Contains(got, "the host turned the file system off") {
			t.Errorf("refusal %q does not say the file system is off", got)
		}
	}
}

// TestRequireMainScriptOutsideTheRoot: the embedder chose the main file,
// so it runs even outside the root, but what it requires is confined.
func TestRequireMainScriptOutsideTheRoot(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	h := newHost(t, WithFileSystem(s.root))
	specs := []string{"./secret.json", filepath.Join(s.root, "sub", "m.js")}
	main, thread := attempts(t, h, filepath.Join(s.out, "main.js"), specs...)
	want := []attemptWant{{refusal, filepath.Join(s.out, "secret.json")}, {"ok 42", ""}}
	checkAttempts(t, "main", specs, main, want)
	checkAttempts(t, "thread", specs, thread, want)
}

// TestRequireFromEvalUnderTheRoot: an Eval source has no file, so with
// WithFileSystem its relative requires start at the root, as fs's relative
// paths do, in threads too (a carried require binding included).
func TestRequireFromEvalUnderTheRoot(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	v, err := newHost(t, WithFileSystem(s.root)).Eval(context.Background(), `
		const m = require("./sub/m");
		[m, threads.run(() => m + require("./sub/m")).get()].join()`)
	if err != nil || v != "42,84" {
		t.Fatalf("Eval = %#v, %v; want \"42,84\"", v, err)
	}
}

// TestRequireRethrowsInterrupts: a module stopped by the evaluation's end
// stops the script; the require around it cannot catch that.
func TestRequireRethrowsInterrupts(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	main := filepath.Join(s.root, "main.js")
	src := "try { require('./loop.js') } catch (e) { console.log('caught', e) }\nfor (;;) {}\n"
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := newHost(t, WithFileSystem(s.root)).EvalFile(ctx, main)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
}

// TestRequireErrorsAsNode: a module not found, from a module that another
// required, gives Node's message, code and require stack; an unknown
// node: module and a bad argument give Node's codes too.
func TestRequireErrorsAsNode(t *testing.T) {
	t.Parallel()
	s := newSandbox(t)
	a := filepath.Join(s.root, "a.js")
	if err := os.WriteFile(a, []byte("require('./nope2');\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(s.root, "main.js")
	src := `const out = [];
for (const id of ["./a.js", "node:xyz", 5, ""]) {
	try { require(id) } catch (e) { out.push([e.name, e.code, e.message, String(e.requireStack)].join("|")) }
}
out;
`
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	v, err := newHost(t, WithFileSystem(s.root)).EvalFile(context.Background(), main)
	if err != nil {
		t.Fatal(err)
	}
	want := []any{
		"Error|MODULE_NOT_FOUND|Cannot find module './nope2'\nRequire stack:\n- " + a + "\n- " + main + "|" + a + "," + main,
		"Error|ERR_UNKNOWN_BUILTIN_MODULE|No such built-in module: node:xyz|undefined",
		"TypeError|ERR_INVALID_ARG_TYPE|require: argument 'id' must be a non-empty string, got number|undefined",
		"TypeError|ERR_INVALID_ARG_VALUE|require: argument 'id' must be a non-empty string, got an empty string|undefined",
	}
	if fmt.Sprintf("%q", v) != fmt.Sprintf("%q", want) {
		t.Fatalf("got  %q\nwant %q", v, want)
	}
}

// TestFileSystemOffEveryTime: with the file system off, require("fs")
// throws every time, not only the first: goja_nodejs keeps a native
// module's object even when its loader throws, so the second require used
// to return an empty fs.
func TestFileSystemOffEveryTime(t *testing.T) {
	t.Parallel()
	v, err := newHost(t, WithoutFileSystem()).Eval(context.Background(), `
		const t = (id) => { try { return typeof require(id) } catch (e) { return e.name } };
		[t("fs"), t("fs"), t("node:fs"), threads.run(() => [t("fs"), t("fs")].join()).get()].join()`)
	if err != nil || v != "TypeError,TypeError,TypeError,TypeError,TypeError" {
		t.Fatalf("Eval = %#v, %v; want TypeError from every require of fs", v, err)
	}
}

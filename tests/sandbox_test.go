package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sandboxTree makes root (the directory a command is confined to) and,
// beside it, out/secret.json, and returns both directories.
func sandboxTree(t *testing.T) (root, out string) {
	t.Helper()
	base := t.TempDir()
	root, out = filepath.Join(base, "root"), filepath.Join(base, "out")
	for name, text := range map[string]string{
		"out/secret.json": `{"secret": "s3cr3t"}`,
		"out/evil.js":     "console.log('evil ran');\n",
		"root/lib.js":     "module.exports = 'lib';\n",
		"root/data.txt":   "inside",
	} {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, out
}

// tryAll is a script that prints, for each of its lines, what the
// expression gave or the code of the error it threw.
func tryAll(exprs ...string) string {
	var b strings.Builder
	b.WriteString("const t = (f) => { try { return JSON.stringify(f()) } catch (e) { return e.code || e.name } };\n")
	for _, e := range exprs {
		b.WriteString("console.log(t(() => " + e + "));\n")
	}
	return b.String()
}

func TestCommandFSRootConfinesFSAndRequire(t *testing.T) {
	t.Parallel()
	root, out := sandboxTree(t)
	secret := filepath.Join(out, "secret.json")
	main := filepath.Join(root, "main.js")
	src := tryAll(
		`require(`+quoteJS(secret)+`)`,
		`require("../out/secret.json")`,
		`require(`+quoteJS(filepath.Join(out, "evil.js"))+`)`,
		`require("./lib")`,
		`require("fs").readFileSync(`+quoteJS(secret)+`, "utf8")`,
		`require("fs").readFileSync("data.txt", "utf8")`,
		`threads.run(() => { try { return require("../out/secret.json") } catch (e) { return e.code } }).get()`,
	)
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code, _ := runJsrun(t, "", "--fs-root", root, main)
	want := "EACCES\nEACCES\nEACCES\n\"lib\"\nEACCES\n\"inside\"\n\"EACCES\"\n"
	if code != 0 || stdout != want {
		t.Fatalf("exit %d, stdout %q, want %q; stderr %q", code, stdout, want, stderr)
	}
	// -e code has no file: its relative paths start at the root.
	stdout, stderr, code, _ = runJsrun(t, "", "--fs-root", root, "-e", tryAll(`require("./lib")`, `require("../out/secret.json")`))
	if code != 0 || stdout != "\"lib\"\nEACCES\n" {
		t.Fatalf("-e: exit %d, stdout %q; stderr %q", code, stdout, stderr)
	}
}

func TestCommandNoFS(t *testing.T) {
	t.Parallel()
	root, out := sandboxTree(t)
	main := filepath.Join(root, "main.js")
	src := tryAll(
		`require(`+quoteJS(filepath.Join(out, "secret.json"))+`)`,
		`require("./lib")`,
		`require("fs")`,
		`require("threads") === threads`,
		`threads.run(() => { try { return require("./lib") } catch (e) { return e.code } }).get()`,
	)
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code, _ := runJsrun(t, "", "--no-fs", main)
	want := "EACCES\nEACCES\nTypeError\ntrue\n\"EACCES\"\n"
	if code != 0 || stdout != want {
		t.Fatalf("exit %d, stdout %q, want %q; stderr %q", code, stdout, want, stderr)
	}
	// The error says why, and names the path.
	_, stderr, code, _ = runJsrun(t, "", "--no-fs", "-e", `require("./lib.js")`)
	if code != 1 || !strings.Contains(stderr, "EACCES: permission denied (the host turned the file system off)") || !strings.Contains(stderr, "lib.js") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestCommandFileFlagsUsage(t *testing.T) {
	t.Parallel()
	_, stderr, code, _ := runJsrun(t, "", "--help")
	if code != 0 || !strings.Contains(stderr, "-fs-root") || !strings.Contains(stderr, "-no-fs") {
		t.Fatalf("exit %d, --help does not list --fs-root and --no-fs: %q", code, stderr)
	}
	_, stderr, code, _ = runJsrun(t, "", "--fs-root", t.TempDir(), "--no-fs", "-e", "1")
	if code != 2 || !strings.Contains(stderr, "--fs-root") || !strings.Contains(stderr, "--no-fs") {
		t.Fatalf("both flags: exit %d, want 2; stderr %q", code, stderr)
	}
	missing := filepath.Join(t.TempDir(), "missing")
	_, stderr, code, _ = runJsrun(t, "", "--fs-root", missing, "-e", "1")
	if code != 1 || !strings.Contains(stderr, missing) {
		t.Fatalf("missing root: exit %d, want 1 naming it; stderr %q", code, stderr)
	}
}

func quoteJS(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

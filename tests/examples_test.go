package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExamples(t *testing.T) {
	var files []string
	for _, ext := range []string{"*.js", "*.mjs", "*.ts"} {
		more, err := filepath.Glob(repoPath("scripts", "examples", ext))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Fatal("no examples found")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want := expectedOutput(t, f)
			out, errOut, err := evalFile(t, f, 30*time.Second)
			if err != nil {
				t.Fatalf("%s failed: %v\nstderr: %s", name, err, errOut)
			}
			if out != want {
				t.Fatalf("%s printed:\n%s\nwant:\n%s", name, out, want)
			}
		})
	}
}

// expectedOutput reads NAME.expected beside the example NAME.js (or
// .mjs, .ts; the modules they import are in lib/): every
// example must have one, so a new example cannot go untested.
func expectedOutput(t *testing.T, script string) string {
	t.Helper()
	want, err := os.ReadFile(strings.TrimSuffix(script, filepath.Ext(script)) + ".expected")
	if err != nil {
		t.Fatalf("%s has no .expected file beside it: %v", filepath.Base(script), err)
	}
	return string(want)
}

func TestExamplesThroughTheCommand(t *testing.T) {
	for _, name := range []string{"run.js", "await.js"} {
		script := repoPath("scripts", "examples", name)
		out, errOut, code, _ := runJsrun(t, "", script)
		if code != 0 || out != expectedOutput(t, script) {
			t.Fatalf("jsrun %s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
}

func TestCommandTimeoutOnEndlessThread(t *testing.T) {
	_, errOut, code, took := runJsrun(t, "", "--timeout", "1s", "-e", `threads.run(() => { for (;;) {} }).get()`)
	if code != 124 || !strings.Contains(errOut, "timed out after 1s") {
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
	if took < 900*time.Millisecond {
		t.Fatalf("stopped after %v: the timeout of 1s fired early", took)
	}
}

func TestCommandUncaughtErrorPrintsStack(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "fail.js")
	src := "function inner() {\n  throw new TypeError(\"bad thing\");\n}\nthreads.run(inner).get();\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code, _ := runJsrun(t, "", script)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	for _, want := range []string{"TypeError: bad thing", "fail.js:2:"} {
		if !strings.Contains(errOut, want) {
			t.Fatalf("stderr %q lacks %q", errOut, want)
		}
	}
}

func TestCommandUnhandledRejectionFails(t *testing.T) {
	_, errOut, code, _ := runJsrun(t, "", "-e", `threads.run(() => { throw new RangeError("nobody catches") })`)
	if code != 1 || !strings.Contains(errOut, "RangeError: nobody catches") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestCommandStdinArgsAndExit(t *testing.T) {
	out, errOut, code, _ := runJsrun(t, "console.log(process.argv.slice(2).join(',')); process.exit(3)", "-", "a", "b")
	if code != 3 || out != "a,b\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCommandExitFromThread(t *testing.T) {
	// The pending 2-minute timer would outlast runJsrun's hang limit if
	// process.exit waited for it.
	_, errOut, code, _ := runJsrun(t, "", "-e", `threads.run(() => process.exit(7)); setTimeout(() => {}, 120000)`)
	if code != 7 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

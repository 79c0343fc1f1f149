package tests

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// The Node surface through the host: each script in testdata/node was
// run by Node (gen.sh wrote its .stdout and .stderr); jsrun must print the
// same, byte for byte, running it as the main script and in a thread
// (whose function requires it).

func TestNodeScripts(t *testing.T) {
	scripts, err := filepath.Glob(repoPath("tests", "testdata", "node", "*.js"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in testdata/node (%v)", err)
	}
	for _, file := range scripts {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		wantOut, err1 := os.ReadFile(strings.TrimSuffix(file, ".js") + ".stdout")
		wantErr, err2 := os.ReadFile(strings.TrimSuffix(file, ".js") + ".stderr")
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: expected files: %v %v", name, err1, err2)
		}
		t.Run(name+"/main", func(t *testing.T) {
			checkNodeScript(t, file, false, string(wantOut), string(wantErr))
		})
		t.Run(name+"/thread", func(t *testing.T) {
			checkNodeScript(t, file, true, string(wantOut), string(wantErr))
		})
	}
}

// checkNodeScript copies file into an empty directory, evaluates it there
// on a fresh host confined to that directory (as the main script, or
// required by a thread's function), and compares what it printed.
func checkNodeScript(t *testing.T, file string, thread bool, wantOut, wantErr string) {
	t.Helper()
	defer leakcheck.VerifyNone(t)
	dir := t.TempDir()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, filepath.Base(file))
	if err := os.WriteFile(script, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&errOut), host.WithFileSystem(dir))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if thread {
		_, err = h.Eval(ctx, fmt.Sprintf(`threads.run((file) => { require(file) }, %q).get()`, script))
	} else {
		_, err = h.EvalFile(ctx, script)
	}
	if err != nil {
		t.Fatalf("evaluation failed: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
	}
	diffLines(t, "stdout", out.String(), wantOut)
	diffLines(t, "stderr", errOut.String(), wantErr)
}

// diffLines fails t at the first line where got differs from want.
func diffLines(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	gl, wl := strings.SplitAfter(got, "\n"), strings.SplitAfter(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs from Node's at line %d:\n got  %q\n want %q\nall of it:\n%s", what, i+1, g, w, got)
		}
	}
}

// TestCLIExitCode: jsrun exits with process.exitCode, as node does, and
// with what an 'exit' listener leaves there.
func TestCLIExitCode(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]int{
		`process.exitCode = 3`: 3,
		`process.on("exit", (c) => { process.exitCode = c + 1 }); process.exit(4)`: 5,
		`threads.run(() => { process.exitCode = 6 }).get()`:                        6,
	} {
		if _, stderr, code, _ := runJsrun(t, "", "-e", src); code != want || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q; want %d and nothing", src, code, stderr, want)
		}
	}
}

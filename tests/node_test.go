package tests

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

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
		wantErrText := string(wantErr)
		t.Run(name+"/main", func(t *testing.T) {
			checkNodeScript(t, file, false, string(wantOut), &wantErrText)
		})
		t.Run(name+"/thread", func(t *testing.T) {
			checkNodeScript(t, file, true, string(wantOut), &wantErrText)
		})
	}
}

// TestNodeModuleScripts runs the Node-oracle script of each node module
// (node/*/testdata, internal/abort/testdata: what Node printed is its
// .expected file) through the host, as the main script and in a thread,
// with the host's real console: the modules' own tests run them in a bare
// runtime. Only stdout is compared, as there.
func TestNodeModuleScripts(t *testing.T) {
	var scripts []string
	for _, pattern := range []string{"node/*/testdata/*.js", "internal/abort/testdata/*.js"} {
		found, err := filepath.Glob(repoPath(filepath.FromSlash(pattern)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			if _, err := os.Stat(strings.TrimSuffix(f, ".js") + ".expected"); err == nil {
				scripts = append(scripts, f)
			}
		}
	}
	if len(scripts) < 10 {
		t.Fatalf("found only %d module scripts: %v", len(scripts), scripts)
	}
	for _, file := range scripts {
		want, err := os.ReadFile(strings.TrimSuffix(file, ".js") + ".expected")
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(filepath.Dir(file))) + "/" + strings.TrimSuffix(filepath.Base(file), ".js")
		for _, thread := range []bool{false, true} {
			where := "/main"
			if thread {
				where = "/thread"
			}
			t.Run(name+where, func(t *testing.T) {
				checkNodeScript(t, file, thread, string(want), nil)
			})
		}
	}
}

// checkNodeScript copies file into an empty directory, evaluates it there
// on a fresh host confined to that directory (as the main script, or
// required by a thread's function), and compares what it printed.
// wantErr nil: stderr is not compared.
func checkNodeScript(t *testing.T, file string, thread bool, wantOut string, wantErr *string) {
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
	var out, errOut lockedBuffer
	// print(s), as node/util's own test gives util.js.
	print := host.WithGlobal("print", func(r *host.Runtime) (goja.Value, error) {
		return r.Func("print", func(c goja.FunctionCall) goja.Value {
			out.WriteString(c.Argument(0).String() + "\n")
			return goja.Undefined()
		}), nil
	})
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&errOut), host.WithFileSystem(dir), print)
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
	if wantErr != nil {
		diffLines(t, "stderr", errOut.String(), *wantErr)
	}
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

// lockedBuffer is a bytes.Buffer that runtimes may write at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) WriteString(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.WriteString(s)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

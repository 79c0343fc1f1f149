package host

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func TestEvalCompletionValueAndPromise(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	for src, want := range map[string]any{
		`1 + 2`:                              int64(3),
		`"s" + threads.run(() => "t").get()`: "st",
		`(async () => await threads.run(() => 7))()`: int64(7),
		`undefined`: nil,
	} {
		v, err := h.Eval(context.Background(), src)
		if err != nil || v != want {
			t.Errorf("Eval(%q) = %#v, %v; want %#v", src, v, err, want)
		}
	}
}

func TestSyntaxErrorIsScriptError(t *testing.T) {
	t.Parallel()
	_, err := newHost(t).Eval(context.Background(), "let x = ;")
	var se *ScriptError
	if !errors.As(err, &se) || se.Kind != "syntax error" || !strings.Contains(se.Message, "<eval>:1:9") || !strings.Contains(se.Stack, "let x = ;\n        ^") {
		t.Fatalf("err = %#v", err)
	}
}

// TestCompilerSyntaxErrorIsScriptError: an error goja's compiler finds
// after parsing (a redeclaration) is a syntax error like a parse error.
func TestCompilerSyntaxErrorIsScriptError(t *testing.T) {
	t.Parallel()
	_, err := newHost(t).Eval(context.Background(), "let a = 1;\nlet a = 2;")
	var se *ScriptError
	if !errors.As(err, &se) || se.Kind != "syntax error" || se.Name != "SyntaxError" || !strings.Contains(se.Message, "<eval>:2:") || !strings.Contains(se.Stack, "let a = 2;\n") {
		t.Fatalf("err = %#v", err)
	}
}

func TestConsoleGoesToTheWriters(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	h := newHost(t, WithStdout(&out), WithStderr(&errb))
	_, err := h.Eval(context.Background(), `console.log("a", 1); console.error("b"); threads.run(() => console.log("from thread")).wait()`)
	if err != nil || out.String() != "a 1\nfrom thread\n" || errb.String() != "b\n" {
		t.Fatalf("out %q err %q: %v", out.String(), errb.String(), err)
	}
}

func TestRequireRelativeAndCarriedIntoThreads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	lib := "exports.twice = function (x) { return 2 * x };\n"
	main := `const { twice } = require("./lib.js");
const lib = require("./lib");
console.log(threads.run((x) => twice(x) + lib.twice(1), 20).get());
console.log(require("threads") === threads);
`
	if err := os.WriteFile(filepath.Join(dir, "lib.js"), []byte(lib), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "main.js")
	if err := os.WriteFile(path, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	_, err := newHost(t, WithStdout(&out)).EvalFile(context.Background(), path)
	if err != nil || out.String() != "42\ntrue\n" {
		t.Fatalf("out %q: %v", out.String(), err)
	}
}

func TestProcessArgvEnvExit(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	h := newHost(t, WithStdout(&out), WithArgs("/x/script.js", "a"), WithEnv(map[string]string{"K": "v"}))
	_, err := h.Eval(context.Background(), `console.log(process.argv.join(" "), process.env.K); process.exit(4); console.log("not reached")`)
	var exit *ExitError
	if !errors.As(err, &exit) || exit.Code != 4 || out.String() != "jsrun /x/script.js a v\n" {
		t.Fatalf("out %q, err %v", out.String(), err)
	}
}

func TestCancelledContextStopsEverything(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err := newHost(t).Eval(ctx, `
		const q = threads.Queue();
		for (let i = 0; i < 10; i++) threads.run(() => q.get());
		threads.run(() => { for (;;) {} });
		setInterval(() => {}, 10);
		q.get();
	`)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestHostIsReusableAndConcurrent(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			v, err := h.Eval(context.Background(), `threads.run((a, b) => a * b, 6, 7).get()`)
			if err == nil && v != int64(42) {
				err = errors.New("wrong value")
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestFileSystemConfinedCannotEscape(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Symlink("/etc", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	h := newHost(t, WithStdout(&out), WithFileSystem(dir))
	_, err := h.Eval(context.Background(), `
		const fs = require("fs");
		for (const p of ["../x", "/etc/passwd", "link/passwd", "a/../../x"]) {
			try { fs.readFileSync(p); console.log("read", p) } catch (e) { console.log(e.code) }
		}
		fs.mkdirSync("sub/deep", { recursive: true });
		fs.writeFileSync("sub/deep/f.txt", new Uint8Array([104, 105]));
		console.log(fs.readFileSync("sub/deep/f.txt", "utf8"), fs.readdirSync("sub").join(), fs.existsSync("../"), fs.existsSync("sub"));
	`)
	want := "EACCES\nEACCES\nEACCES\nEACCES\nhi deep false true\n"
	if err != nil || out.String() != want {
		t.Fatalf("out %q, want %q: %v", out.String(), want, err)
	}
}

func TestFileSystemOff(t *testing.T) {
	t.Parallel()
	_, err := newHost(t, WithoutFileSystem()).Eval(context.Background(), `require("fs")`)
	if err == nil || !strings.Contains(err.Error(), "the host turned the file system off") {
		t.Fatalf("err = %v, want require to fail", err)
	}
}

// TestModuleRuntimeKnownOnlyWithRequire: a thread becomes known to the
// embedder's module loaders when require is enabled in it, not at its
// making, and a module required in a thread still loads there.
func TestModuleRuntimeKnownOnlyWithRequire(t *testing.T) {
	t.Parallel()
	var h *Host
	h = newHost(t,
		WithModule("mod", func(r *Runtime, exports *goja.Object) error {
			return exports.Set("where", r.Name())
		}),
		WithGlobal("known", func(r *Runtime) (goja.Value, error) {
			return r.ToValue(func() bool { return h.runtimes.of(r.Runtime) != nil }), nil
		}),
	)
	v, err := h.Eval(context.Background(), `[
		known(),
		threads.run(() => known()).get(),
		threads.run(() => require("mod").where !== "main" && known()).get(),
	].join()`)
	if err != nil || v != "true,false,true" {
		t.Fatalf("Eval = %#v, %v; want \"true,false,true\"", v, err)
	}
}

// TestProcessEnvReadOnceByNew: process.env is the environment (or the
// WithEnv map) as New found it, the same in the main runtime and threads.
func TestProcessEnvReadOnceByNew(t *testing.T) {
	t.Setenv("JSRUN_TEST_ENV", "before")
	env := map[string]string{"K": "v", "A": "a"}
	given, inherited := newHost(t, WithEnv(env)), newHost(t)
	env["K"] = "changed"
	t.Setenv("JSRUN_TEST_ENV", "after")
	const src = `[process.env.%[1]s, threads.run(() => process.env.%[1]s).get(), Object.keys(process.env).join(" ")]`
	v, err := given.Eval(context.Background(), fmt.Sprintf(src, "K"))
	if got := fmt.Sprint(v); err != nil || got != "[v v A K]" {
		t.Errorf("WithEnv: Eval = %s, %v; want [v v A K]", got, err)
	}
	v, err = inherited.Eval(context.Background(), fmt.Sprintf(src, "JSRUN_TEST_ENV"))
	if got, _ := v.([]any); err != nil || len(got) != 3 || got[0] != "before" || got[1] != "before" {
		got = got[:min(len(got), 2)] // the key list is the whole environment
		t.Errorf("environment: Eval = %v, %v; want [before before]", got, err)
	}
}

// newHost is New for a test: a bad option fails it, and the host is
// closed when the test ends.
func newHost(t testing.TB, opts ...Option) *Host {
	t.Helper()
	h, err := New(opts...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() {
		if err := h.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return h
}

package guard_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// A guard that is missing lets its hazard kill the process, so every
// hazard runs in a child: a copy of this test binary (childEnv) that runs
// one script in a fresh guarded runtime, or the jsrun command.

const childEnv = "GUARD_TEST_CHILD_JS"

// The jsrun command, built once, by the first test that runs it.
var (
	buildJsrun sync.Once
	jsrunDir   string
	jsrunBin   string
	jsrunErr   error
)

func buildJsrunOnce(t *testing.T) string {
	buildJsrun.Do(func() {
		jsrunDir, jsrunErr = os.MkdirTemp("", "guard-test")
		if jsrunErr != nil {
			return
		}
		jsrunBin = filepath.Join(jsrunDir, "jsrun")
		_, file, _, _ := runtime.Caller(0)
		build := exec.Command("go", "build", "-o", jsrunBin, "./cmd/jsrun")
		build.Dir = filepath.Join(filepath.Dir(file), "..", "..")
		out, err := build.CombinedOutput()
		if err != nil {
			jsrunErr = fmt.Errorf("building jsrun: %w: %s", err, out)
		}
	})
	if jsrunErr != nil {
		t.Fatal(jsrunErr)
	}
	return jsrunBin
}

func TestMain(m *testing.M) {
	if src, ok := os.LookupEnv(childEnv); ok {
		out, err := runGuarded(src)
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(3)
		}
		fmt.Print(out)
		os.Exit(0)
	}
	code := m.Run()
	if jsrunDir != "" {
		os.RemoveAll(jsrunDir)
	}
	if code == 0 {
		if err := leakcheck.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "leaked goroutines:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// runGuarded runs src in a fresh runtime with the guards and returns its
// completion value as a string.
func runGuarded(src string) (string, error) {
	rt := goja.New()
	guard.Install(rt)
	v, err := rt.RunString(src)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

// hangLimit stops a child that never ends; it is no measure of speed.
const hangLimit = time.Minute

// inChild runs src as runGuarded does, in a child process, and returns its
// completion value. A child that crashes or hangs fails the test.
func inChild(t *testing.T, src string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+src)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("still running after %v: %s", hangLimit, src)
	}
	if err != nil {
		t.Fatalf("child failed (%v):\nstdout: %s\nstderr: %.2000s", err, out.String(), errb.String())
	}
	return out.String()
}

// jsrun runs the jsrun command and returns what it printed and its exit
// code. Its 30 s --timeout caps a hazard that hangs: far above what any
// hazard takes, even on a loaded machine.
func jsrun(t *testing.T, src string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, buildJsrunOnce(t), "--timeout", "30s", "-e", src)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("jsrun still running after %v: %s", hangLimit, src)
	}
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// caught wraps expr so that the script's value is the error it throws, as
// "Name: message", or "no error".
func caught(expr string) string {
	return fmt.Sprintf(`(() => { try { %s; return "no error" } catch (e) { return e.name + ": " + e.message } })()`, expr)
}

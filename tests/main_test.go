package tests

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/jsrun/jsrun/internal/testbin"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// jsrunBin is the jsrun command, built once for the tests that run it.
// Those tests run in parallel (t.Parallel): most of their time is spent
// waiting for a child's timeout, not on the CPU. The tests that start
// runtimes in this process stay sequential, for their leak checks, and
// finish before the parallel ones begin.
var jsrunBin string

func TestMain(m *testing.M) {
	testbin.Run(m, &jsrunBin)
}

// evalFile runs a script through a host and returns what it printed.
func evalFile(t *testing.T, path string, timeout time.Duration) (stdout, stderr string, err error) {
	t.Helper()
	defer leakcheck.VerifyNone(t)
	var out, errb bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&errb))
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_, err = h.EvalFile(ctx, path)
	return out.String(), errb.String(), err
}

// hangLimit is how long runJsrun lets the command run before it calls it
// hung. It is a guard against a test that never ends, not a measure of
// speed: every command here is meant to end within a few seconds.
const hangLimit = time.Minute

// runJsrun runs the jsrun command and returns its output, exit code and
// how long it took. A command still running after hangLimit fails the test.
func runJsrun(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, jsrunBin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if stdin != "" {
		cmd.Stdin = bytes.NewBufferString(stdin)
	}
	start := time.Now()
	err := cmd.Run()
	took = time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("jsrun %q hung: still running after %v (stderr %q)", args, hangLimit, errb.String())
	}
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running jsrun: %v", err)
	}
	return out.String(), errb.String(), code, took
}

func repoPath(parts ...string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(append([]string{filepath.Dir(file), ".."}, parts...)...)
}

// newHost is host.New for a test: a bad option fails it, and the host is
// closed when the test ends.
func newHost(t testing.TB, opts ...host.Option) *host.Host {
	t.Helper()
	h, err := host.New(opts...)
	if err != nil {
		t.Fatalf("host.New: %v", err)
	}
	t.Cleanup(func() {
		if err := h.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return h
}

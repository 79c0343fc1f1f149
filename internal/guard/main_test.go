package guard_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
	"github.com/jsrun/jsrun/internal/testbin"
)

// A guard that is missing lets its hazard kill the process, so every
// hazard runs in a child: a copy of this test binary (childEnv) that runs
// one script in a fresh guarded runtime, or the jsrun command.

const childEnv = "GUARD_TEST_CHILD_JS"

// jsrunBin is the jsrun command, built once.
var jsrunBin string

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
	testbin.Run(m, &jsrunBin)
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

// jsrun runs the jsrun command with a 5 s timeout and returns what it
// printed and its exit code.
func jsrun(t *testing.T, src string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, jsrunBin, "--timeout", "5s", "-e", src)
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

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

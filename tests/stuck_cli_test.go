package tests

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// These run jsrun on scripts stuck where goja cannot interrupt them. The
// stuck call is require("fs").readFileSync("/dev/stdin") on a pipe the
// test holds open: a Go call that returns only when the test closes it,
// as a built-in that loops for minutes would. The command must end while
// the pipe is still open.

// stuckLimit is how long a command may run before it counts as waiting
// for the stuck call (which never returns while the pipe is open).
const stuckLimit = 30 * time.Second

// runJsrunStuck runs jsrun with its stdin a pipe held open until the
// command has exited.
func runJsrunStuck(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(jsrunBin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err = <-exited:
	case <-time.After(stuckLimit):
		_ = cmd.Process.Kill()
		<-exited
		t.Fatalf("jsrun %q waited for the stuck call: still running after %v (stderr %q)", args, stuckLimit, errb.String())
	}
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running jsrun: %v", err)
	}
	return out.String(), errb.String(), code
}

const stuckCall = `require("fs").readFileSync("/dev/stdin")`

func TestCommandTimeoutWhileStuckInGoCall(t *testing.T) {
	t.Parallel()
	_, errOut, code := runJsrunStuck(t, "--timeout", "1s", "-e", stuckCall)
	if code != 124 || !strings.Contains(errOut, "timed out after 1s") {
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
}

func TestCommandTimeoutWhileThreadIsStuck(t *testing.T) {
	t.Parallel()
	_, errOut, code := runJsrunStuck(t, "--timeout", "1s", "-e",
		`threads.run(() => `+stuckCall+`).get()`)
	if code != 124 || !strings.Contains(errOut, "timed out after 1s") {
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
}

func TestCommandProcessExitFromThreadWhileMainIsStuck(t *testing.T) {
	t.Parallel()
	_, errOut, code := runJsrunStuck(t, "-e", `
		const go = threads.Atomic(0);
		threads.run((go) => { while (go.get() === 0) threads.sleep(1); process.exit(7); }, go);
		go.set(1);
		`+stuckCall)
	if code != 7 {
		t.Fatalf("exit %d, want 7; stderr %q", code, errOut)
	}
}

func TestCommandCancelOfStuckThread(t *testing.T) {
	t.Parallel()
	out, errOut, code := runJsrunStuck(t, "-e", `
		const entered = threads.Atomic(0);
		const p = threads.run((entered) => { entered.set(1); `+stuckCall+` }, entered);
		while (entered.get() === 0) threads.sleep(1);
		threads.sleep(20);
		p.cancel();
		try { p.get() } catch (e) { console.log(e.name) }
	`)
	if code != 0 || out != "CancelledError\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestCommandTimeoutInsideJoinOfHoles is the case: a join over
// 2^32-1 holes runs for minutes in goja. It exits 124 at the timeout (or
// 1 with a RangeError, where a guard refuses the call up front).
func TestCommandTimeoutInsideJoinOfHoles(t *testing.T) {
	t.Parallel()
	_, errOut, code := runJsrunStuck(t, "--timeout", "1s", "-e", `new Array(2**32-1).join("")`)
	switch {
	case code == 124 && strings.Contains(errOut, "timed out after 1s"):
	case code == 1 && strings.Contains(errOut, "RangeError"):
	default:
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
}

// TestCommandTimeoutWhileCompiling: goja computes constant expressions as
// it compiles; this one takes about a minute (on 2 cores) before any
// runtime exists.
func TestCommandTimeoutWhileCompiling(t *testing.T) {
	t.Parallel()
	_, errOut, code := runJsrunStuck(t, "--timeout", "1s", "-e", `const big = 3n ** 200000000n; "done"`)
	if code != 124 || !strings.Contains(errOut, "timed out after 1s") {
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
}

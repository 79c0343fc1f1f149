package tests

import (
	"bytes"
	"errors"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A script that may crash the process runs in a child jsrun, so that a
// crash fails one test instead of killing the test binary.

// childRun says how to run a script in a child jsrun.
type childRun struct {
	Script string   // given on stdin (the command line is "jsrun FLAGS - ARGS")
	Flags  []string // jsrun's flags, e.g. "--timeout", "1s"
	Args   []string // the script's own arguments
	// Kill is how long the child may run before it is killed (default
	// hangLimit). A guard against hangs, not a measure of speed.
	Kill time.Duration
	// MaxAddressSpace, if positive, caps the child's virtual memory (with
	// the shell's ulimit -v, where there is a shell and the system allows
	// it: Linux does), so that a child that tries to allocate without
	// bound fails alone instead of taking the machine's memory from
	// everything else running on it.
	MaxAddressSpace int64
}

// childResult is what a child jsrun did.
type childResult struct {
	Code           int    // exit code; -1 if a signal ended it
	State          string // how it ended, as the OS says it ("exit status 2", "signal: killed")
	Stdout, Stderr string // the first childOutputCap bytes of each
	Took           time.Duration
	Killed         bool // still running after Kill: killed by runChild
}

// childOutputCap bounds what is kept of a child's output: a runaway
// script must not fill the test's memory.
const childOutputCap = 64 << 10

// runScript runs script in a child jsrun with flags and returns what it
// did, killing it after hangLimit.
func runScript(t testing.TB, script string, flags ...string) childResult {
	t.Helper()
	return runChild(t, childRun{Script: script, Flags: flags})
}

// runChild runs c in a child jsrun and returns what it did. It fails t
// only when the command cannot be started at all.
func runChild(t testing.TB, c childRun) childResult {
	t.Helper()
	kill := c.Kill
	if kill <= 0 {
		kill = hangLimit
	}
	args := append(append(append([]string{}, c.Flags...), "-"), c.Args...)
	cmd := exec.Command(jsrunBin, args...)
	if c.MaxAddressSpace > 0 && runtime.GOOS != "windows" {
		if sh, err := exec.LookPath("sh"); err == nil {
			// exec: the shell becomes jsrun, with the limit if the
			// system takes it.
			kb := strconv.FormatInt(c.MaxAddressSpace>>10, 10)
			cmd = exec.Command(sh, append([]string{"-c", `ulimit -v ` + kb + ` 2>/dev/null; exec "$0" "$@"`, jsrunBin}, args...)...)
		}
	}
	var out, errOut capped
	cmd.Stdin = bytes.NewBufferString(c.Script)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.WaitDelay = time.Second
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting jsrun: %v", err)
	}
	timer := time.AfterFunc(kill, func() { _ = cmd.Process.Kill() })
	err := cmd.Wait()
	took := time.Since(start)
	killed := !timer.Stop()
	r := childResult{Code: 0, State: "exit status 0", Stdout: out.String(), Stderr: errOut.String(), Took: took, Killed: killed}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.Code, r.State = exit.ExitCode(), exit.ProcessState.String()
	case err != nil && !errors.Is(err, exec.ErrWaitDelay):
		t.Fatalf("running jsrun: %v", err)
	}
	return r
}

// capped keeps the first childOutputCap bytes written to it and counts
// the rest.
type capped struct {
	buf     bytes.Buffer
	dropped int64
}

func (c *capped) Write(p []byte) (int, error) {
	room := childOutputCap - c.buf.Len()
	if room >= len(p) {
		return c.buf.Write(p)
	}
	if room > 0 {
		c.buf.Write(p[:room])
	}
	c.dropped += int64(len(p) - max(room, 0))
	return len(p), nil
}

func (c *capped) String() string {
	if c.dropped > 0 {
		return c.buf.String() + "…(" + strconv.FormatInt(c.dropped, 10) + " more bytes)"
	}
	return c.buf.String()
}

// runChild reports what the child did: output, exit codes, and a kill
// when it runs too long.
func TestChildHelper(t *testing.T) {
	r := runScript(t, `console.log("out"); console.error("err"); process.exit(3)`)
	if r.Code != 3 || r.Stdout != "out\n" || r.Stderr != "err\n" || r.Killed {
		t.Errorf("exit 3: got %+v", r)
	}
	r = runScript(t, `console.log(process.argv.length > 0)`, "--max-threads", "5")
	if r.Code != 0 || r.Stdout != "true\n" || r.State != "exit status 0" {
		t.Errorf("exit 0: got %+v", r)
	}
	r = runChild(t, childRun{Script: `console.log("x".repeat(100000))`})
	if r.Code != 0 || !strings.HasPrefix(r.Stdout, strings.Repeat("x", childOutputCap)+"…(") {
		t.Errorf("big output: exit %d, %d bytes kept, ends %q", r.Code, len(r.Stdout), r.Stdout[max(0, len(r.Stdout)-30):])
	}
	r = runChild(t, childRun{Script: `for (;;) {}`, Kill: 300 * time.Millisecond})
	if !r.Killed || r.Code != -1 {
		t.Errorf("endless: got %+v", r)
	}
	if runtime.GOOS == "linux" {
		r = runChild(t, childRun{Script: `const keep = []; for (;;) keep.push(new ArrayBuffer(2 ** 26))`, MaxAddressSpace: 1 << 30})
		if r.Code == 0 || r.Killed || !strings.Contains(r.Stderr, "out of memory") {
			t.Errorf("over the address space cap: exit %d (%s), stderr %.300q", r.Code, r.State, r.Stderr)
		}
	}
}

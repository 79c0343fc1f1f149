package host

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// TestProcessExitCode: process.exitCode set in any runtime ends a
// finished evaluation with an ExitError of that code; 'exit' listeners
// see it and may change it, in main and in a thread.
func TestProcessExitCode(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src      string
		code     int // 0: no error
		stdout   string
		scriptEx string // a ScriptError's message instead
	}{
		{src: `process.exitCode = 3`, code: 3},
		{src: `process.exitCode = 3; process.exitCode = undefined`},
		{src: `threads.run(() => { process.exitCode = 4 }).get()`, code: 4},
		{src: `process.on("exit", (c) => { console.log("exit", c); process.exitCode = 5 }); process.exitCode = 2`, code: 5, stdout: "exit 2\n"},
		{src: `process.on("exit", (c) => console.log("exit", c)); process.exit(6); console.log("not reached")`, code: 6, stdout: "exit 6\n"},
		{src: `process.exitCode = 7; process.exit()`, code: 7},
		{src: `process.on("exit", () => process.exit(8))`, code: 8},
		{src: `process.on("exit", () => { throw new TypeError("in exit") })`, scriptEx: "in exit"},
		{src: `threads.run(() => { process.on("exit", (c) => console.log("thread exit", c)); setTimeout(() => console.log("timer"), 1) }).get()`,
			stdout: "timer\nthread exit 0\n"},
		{src: `process.on("exit", () => { console.log("once"); process.exit(1) }); process.exit(1)`, code: 1, stdout: "once\n"},
	} {
		var out bytes.Buffer
		h := newHost(t, WithStdout(&out))
		_, err := h.Eval(context.Background(), c.src)
		var exit *ExitError
		var se *ScriptError
		switch {
		case c.scriptEx != "":
			if !errors.As(err, &se) || se.Message != c.scriptEx {
				t.Errorf("%s: error %v, want a ScriptError %q", c.src, err, c.scriptEx)
			}
		case c.code == 0 && err != nil:
			t.Errorf("%s: %v", c.src, err)
		case c.code != 0 && (!errors.As(err, &exit) || exit.Code != c.code):
			t.Errorf("%s: error %v, want ExitError %d", c.src, err, c.code)
		}
		if out.String() != c.stdout {
			t.Errorf("%s: stdout %q, want %q", c.src, out.String(), c.stdout)
		}
	}
}

// TestProcessCwd: process.cwd() is the root of a confined file system,
// and "/" without one.
func TestProcessCwd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		opt  Option
		want string
	}{{WithFileSystem(dir), dir}, {WithoutFileSystem(), "/"}} {
		h := newHost(t, c.opt)
		v, err := h.Eval(context.Background(), `[process.cwd(), threads.run(() => process.cwd()).get()].join()`)
		if err != nil || v != c.want+","+c.want {
			t.Errorf("got %v, %v; want %s twice", v, err, c.want)
		}
	}
}

// TestProcessMembersLazy: the members of process are made on first
// read; a script may replace, add and delete them.
func TestProcessMembersLazy(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	v, err := h.Eval(context.Background(), `
		process.nextTick = 1; process.mine = 2; delete process.pid;
		[process.nextTick, process.mine, process.pid, "pid" in process, Object.keys(process).includes("mine"),
		 Object.keys(process).includes("pid"), typeof process.hrtime.bigint].join()`)
	if want := "1,2,,false,true,false,function"; err != nil || v != want {
		t.Errorf("got %v, %v; want %s", v, err, want)
	}
}

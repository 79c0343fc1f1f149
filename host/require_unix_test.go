//go:build unix

package host

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// evalUnblocking runs an evaluation that might block opening one of
// fifos. If it has not returned in a generous while, it keeps opening each
// for writing, so that every blocked reader returns and no goroutine is
// left, and fails the test.
func evalUnblocking(t *testing.T, fifos []string, eval func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- eval() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
	}
	for {
		for _, f := range fifos {
			if w, err := os.OpenFile(f, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				w.Close()
			}
		}
		select {
		case <-done:
			t.Fatal("the evaluation blocked opening a named pipe")
			return nil
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// TestNoFileReadOutsideTheRootBlocks: a named pipe is never opened as a
// module or a source map. A source map comment in the main script, in
// eval or Function, or in a module could otherwise name any file, whose
// open blocks for ever on a pipe.
func TestNoFileReadOutsideTheRootBlocks(t *testing.T) {
	s := newSandbox(t)
	inside, outside := filepath.Join(s.root, "pipe.js"), filepath.Join(s.out, "pipe.map")
	for _, p := range []string{inside, outside} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mod := filepath.Join(s.root, "mapped.js")
	if err := os.WriteFile(mod, []byte("module.exports = 1;\n//# sourceMappingURL="+outside+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(s.root, "mapped-main.js")
	src := attemptSrc + `
		const comment = "\n//# sourceMappingURL=" + ` + strconvQuote(outside) + `;
		eval("1" + comment);
		new Function("return 1" + comment)();
		[].constructor.constructor("return 1" + comment)();
		[attempt("./pipe.js"), attempt("./mapped.js")];
		//# sourceMappingURL=` + outside + "\n"
	if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Option{WithFileSystem(s.root), WithoutFileSystem()} {
		var v any
		err := evalUnblocking(t, []string{inside, outside}, func() (err error) {
			v, err = newHost(t, opt).EvalFile(context.Background(), main)
			return err
		})
		if err != nil {
			t.Fatalf("EvalFile: %v", err)
		}
		got := fmt.Sprint(v)
		if !strings.Contains(got, "pipe.js") || strings.Contains(got, "ok") && !strings.Contains(got, "ok 1") {
			t.Errorf("results %s", got)
		}
	}
}

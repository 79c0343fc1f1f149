package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandThreadsOutliveTheirParent: a chain of threads, each starting
// the next and returning, runs to its end under the command.
func TestCommandThreadsOutliveTheirParent(t *testing.T) {
	t.Parallel()
	out, errOut, code, _ := runJsrun(t, "", "-e",
		`function chain(n) { console.log(n); if (n < 12) threads.run(chain, n + 1); } threads.run(chain, 1);`)
	if code != 0 || out != "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestCommandGrandchildErrorIsUnhandledRejection: an error in a thread
// whose parent has returned fails the command as any unhandled rejection
// does, with the thread's stack.
func TestCommandGrandchildErrorIsUnhandledRejection(t *testing.T) {
	t.Parallel()
	script := filepath.Join(t.TempDir(), "grandchild.js")
	src := "threads.run(() => {\n  threads.run(() => {\n    threads.run(() => { threads.sleep(30); throw new TypeError(\"grandchild boom\") });\n  });\n});\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code, _ := runJsrun(t, "", script)
	if code != 1 || !strings.HasPrefix(errOut, "Uncaught TypeError: grandchild boom\n") || !strings.Contains(errOut, "grandchild.js:3:") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

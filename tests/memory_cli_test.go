package tests

import (
	"strings"
	"testing"
)

// The memory limit under jsrun: a script that fills the heap past
// --max-memory ends with exit 1 and the RangeError, where on main it held
// 600 MB and went on (or, with more, died of Go's fatal out of memory,
// exit 2, or was killed).

func checkOutOfMemoryExit(t *testing.T, code int, errOut string) {
	t.Helper()
	if code != 1 || !strings.Contains(errOut, "Uncaught RangeError: out of memory: limit 268435456 bytes") || strings.Contains(errOut, "fatal error") {
		t.Fatalf("exit %d, want 1 with the RangeError; stderr %q", code, errOut)
	}
}

func TestCommandMaxMemoryStopsMain(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "--max-memory", "256MiB", "-e", `
		const parts = [];
		for (let j = 0; j < 600; j++) parts.push("x".repeat(1024).repeat(1024));
		console.log(parts.length);
	`)
	checkOutOfMemoryExit(t, code, errOut)
}

// TestCommandMaxMemoryStopsThreads is the 1000 threads × 100 MB at
// a cheaper scale: 30 threads that each hold 20 MB at once.
func TestCommandMaxMemoryStopsThreads(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "--max-memory", "256MiB", "-e", `
		const ready = threads.WaitGroup(), hold = threads.WaitGroup();
		ready.add(30); hold.add(1);
		const ps = [];
		for (let i = 0; i < 30; i++) ps.push(threads.run((ready, hold) => {
			const parts = [];
			for (let j = 0; j < 20; j++) parts.push("x".repeat(1024).repeat(1024));
			ready.done();
			hold.wait();
			return parts.length;
		}, ready, hold));
		ready.wait();
		hold.done();
		console.log(ps.reduce((n, p) => n + p.get(), 0));
	`)
	checkOutOfMemoryExit(t, code, errOut)
}

func TestCommandMaxMemoryFlagValues(t *testing.T) {
	t.Parallel()
	for _, size := range []string{"0", "1G", "2GiB", "512MiB", "1048576000"} {
		out, errOut, code, _ := runJsrun(t, "", "--max-memory", size, "-e", `console.log(threads.run(() => 6 * 7).get())`)
		if code != 0 || out != "42\n" {
			t.Errorf("--max-memory %s: exit %d, stdout %q, stderr %q", size, code, out, errOut)
		}
	}
	_, errOut, code, _ := runJsrun(t, "", "--max-memory", "lots", "-e", `1`)
	if code != 2 || !strings.Contains(errOut, `invalid size "lots"`) {
		t.Fatalf("--max-memory lots: exit %d, stderr %q", code, errOut)
	}
}

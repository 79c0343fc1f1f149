package tests

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// These run the jsrun command on the acceptance scenarios of the issues.
// Durations are checked only loosely, as a guard against hangs: the figures
// themselves belong to benchmarks, not tests.

func TestCommandTimeoutWhileEverythingWaitsButATimer(t *testing.T) {
	t.Parallel()
	// main blocks on an empty Queue; threads wait on a WaitGroup, a full
	// Queue and a promise that never settles while its runtime keeps a timer
	// going. A timer can still fire, so this is no deadlock: only the
	// timeout ends it.
	src := `
		const empty = threads.Queue(), full = threads.Queue(1), wg = threads.WaitGroup();
		full.put(0); wg.add(1);
		threads.run(() => wg.wait());
		threads.run(() => full.put(1));
		threads.run(() => new Promise(() => { setInterval(() => {}, 50) }));
		empty.get();
	`
	_, errOut, code, took := runJsrun(t, "", "--timeout", "1s", "-e", src)
	if code != 124 || !strings.Contains(errOut, "timed out after 1s") {
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
	if took < 900*time.Millisecond {
		t.Fatalf("stopped after %v: the timeout of 1s fired early", took)
	}
}

func TestCommandDeadlockOnWaitGroupExitsOne(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "-e", `const wg = threads.WaitGroup(); wg.add(1); wg.wait()`)
	if code != 1 || !strings.Contains(errOut, "deadlock") || !strings.Contains(errOut, "main: WaitGroup.wait") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestCommandCatastrophicRegexpInThreadTimesOut(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "--timeout", "1s", "-e",
		`console.log(threads.run(() => /(a+)+\1$/.test("a".repeat(30) + "!")).get())`)
	if code != 124 || !strings.Contains(errOut, "timed out after 1s") {
		t.Fatalf("exit %d, want 124; stderr %q", code, errOut)
	}
}

func TestCommandThreadBombEndsWithRangeError(t *testing.T) {
	t.Parallel()
	src := "function bomb() { threads.run(bomb); threads.run(bomb).get(); }\nbomb();\n"
	_, errOut, code, _ := runJsrun(t, "", "--max-threads", "500", "-e", src)
	if code != 1 || !strings.Contains(errOut, "RangeError") || !strings.Contains(errOut, "too many threads") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestCommandHelpAndVersion(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "--help")
	if code != 0 || !strings.Contains(errOut, "usage: jsrun") || !strings.Contains(errOut, "--timeout") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	out, _, code, _ := runJsrun(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "jsrun ") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
}

func TestCommandMissingFileAndSyntaxError(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "/no/such/file.js")
	if code != 1 || !strings.Contains(errOut, "no such file") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code, _ = runJsrun(t, "", "-e", "let x = ;")
	if code != 1 || !strings.Contains(errOut, "let x = ;\n        ^") || !strings.Contains(errOut, "SyntaxError") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestGoServiceExample(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("go", "run", repoPath("scripts", "examples", "goservice"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run goservice: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || lines[0] != "got 50 rows, first row-1, last row-50" ||
		!strings.HasPrefix(lines[1], "50 blocking calls of 20 ms each: ") {
		t.Fatalf("printed:\n%s", out)
	}
	t.Log(lines[1])
}

// TestCommandStats: --stats prints the host's counters at the end, so that
// a run can tell whether a goroutine was left stuck in a built-in.
func TestCommandStats(t *testing.T) {
	t.Parallel()
	_, errOut, code, _ := runJsrun(t, "", "--stats", "-e", "1")
	if code != 0 || !strings.Contains(errOut, "jsrun: abandoned goroutines: 0 running, 0 in all") {
		t.Fatalf("exit %d, stderr %q; want 0 and the counters", code, errOut)
	}
}

package tests

import (
	"strings"
	"testing"
)

// Issue 13 point 7 under the jsrun command: values cross exactly, or fail
// loudly.

func TestCommandPassedPromiseCaughtLaterBySender(t *testing.T) {
	t.Parallel()
	src := `
		const p = threads.run(() => { throw new Error("boom") });
		threads.run((q) => typeof q, p).get();
		try { p.get() } catch (e) { console.log("sender caught", e.message) }
	`
	for i := 0; i < 3; i++ {
		out, errOut, code, _ := runJsrun(t, "", "-e", src)
		if code != 0 || out != "sender caught boom\n" {
			t.Fatalf("run %d: exit %d, stdout %q, stderr %q", i, code, out, errOut)
		}
	}
}

// TestCommandIdenticalFunctionTextsAreToldApart: one text written where it
// means different things is carried as written where the value was made.
func TestCommandIdenticalFunctionTextsAreToldApart(t *testing.T) {
	t.Parallel()
	src := "const factor = 10;\nconst scale = (v) => v * factor;\nfunction makeScaler(factor) { return (v) => v * factor }\n" +
		"console.log(threads.run(scale, 2).get());\nconsole.log(threads.run(makeScaler(3), 2).get());\n"
	out, errOut, code, _ := runJsrun(t, "", "-e", src)
	if code != 1 || out != "20\n" || !strings.Contains(errOut, `DataCloneError: fn: function <anonymous> uses "factor", a local variable of function makeScaler`) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

package tests

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// The console corpus (node/console/testdata) through the host, from the
// main runtime and from a thread: the output must equal Node's byte for
// byte, masked as gen.sh masks Node's (timer values, stack frames).

var (
	corpusTimer  = regexp.MustCompile(`(?m)^( *)(timer-a|default): [0-9.]+m?s`)
	corpusFrames = regexp.MustCompile(`(?m)^ +at .*\n`)
)

// runCorpus evaluates src (which runs the corpus) on a fresh host and
// returns its stdout and stderr, masked.
func runCorpus(t *testing.T, src string) (stdout, stderr string) {
	t.Helper()
	defer leakcheck.VerifyNone(t)
	var out, errOut bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&errOut))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := h.Eval(ctx, src); err != nil {
		t.Fatalf("evaluation failed: %v\nstderr: %s", err, errOut.String())
	}
	return corpusTimer.ReplaceAllString(out.String(), "$1$2: <time>"), corpusFrames.ReplaceAllString(errOut.String(), "")
}

// compareCorpus fails t at the first case whose output differs from
// Node's, naming it.
func compareCorpus(t *testing.T, where, stream, got, wantFile string) {
	t.Helper()
	want, err := os.ReadFile(wantFile)
	if err != nil {
		t.Fatal(err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.SplitAfter(got, "\n"), strings.SplitAfter(string(want), "\n")
	name := ""
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if strings.HasPrefix(w, "--- ") {
			name = strings.TrimSpace(w[4:])
		}
		if g != w {
			t.Fatalf("%s: %s differs from Node's in case %q, line %d:\n got  %q\n want %q", where, stream, name, i+1, g, w)
		}
	}
}

func corpusPath(t *testing.T) string {
	p := repoPath("node", "console", "testdata", "corpus.js")
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestConsoleCorpusMain runs the corpus as the main script.
func TestConsoleCorpusMain(t *testing.T) {
	src, err := os.ReadFile(corpusPath(t))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut := runCorpus(t, string(src))
	compareCorpus(t, "main", "stdout", out, repoPath("node", "console", "testdata", "corpus.stdout"))
	compareCorpus(t, "main", "stderr", errOut, repoPath("node", "console", "testdata", "corpus.stderr"))
}

// TestConsoleCorpusThread runs the corpus in a thread: the function the
// thread runs requires it.
func TestConsoleCorpusThread(t *testing.T) {
	src := fmt.Sprintf(`threads.run((file) => { require(file) }, %q).get()`, corpusPath(t))
	out, errOut := runCorpus(t, src)
	compareCorpus(t, "thread", "stdout", out, repoPath("node", "console", "testdata", "corpus.stdout"))
	compareCorpus(t, "thread", "stderr", errOut, repoPath("node", "console", "testdata", "corpus.stderr"))
}

package console_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/node/console"
	"github.com/jsrun/jsrun/node/util"
)

// newRuntime is a runtime with console (writing to out and errOut) and a
// require that knows util, as the host will install them.
func newRuntime(t testing.TB, p *console.Printer, opts console.Options) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	reg := require.NewRegistry()
	reg.RegisterNativeModule(util.ModuleName, util.Require)
	reg.RegisterNativeModule("node:"+util.ModuleName, util.Require)
	reg.Enable(rt)
	if err := rt.Set("console", console.New(rt, p, opts)); err != nil {
		t.Fatal(err)
	}
	return rt
}

var (
	maskTimer  = regexp.MustCompile(`(?m)^( *)(timer-a|default): [0-9.]+m?s`)
	maskFrames = regexp.MustCompile(`(?m)^ +at .*\n`)
)

// runCorpus runs testdata/corpus.js and returns its stdout and stderr,
// masked as gen.sh masks Node's.
func runCorpus(t *testing.T) (stdout, stderr string) {
	src, err := os.ReadFile("testdata/corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	rt := newRuntime(t, console.NewPrinter(&out, &errOut), console.Options{})
	if _, err := rt.RunScript("corpus.js", string(src)); err != nil {
		t.Fatalf("corpus.js: %v", err)
	}
	return maskTimer.ReplaceAllString(out.String(), "$1$2: <time>"), maskFrames.ReplaceAllString(errOut.String(), "")
}

// splitCases cuts output at the "--- name" lines the corpus prints.
func splitCases(s string) (names []string, blocks map[string]string) {
	blocks = map[string]string{}
	name := ""
	var cur strings.Builder
	flush := func() {
		if name != "" {
			blocks[name] = cur.String()
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		if strings.HasPrefix(line, "--- ") {
			flush()
			name = strings.TrimSpace(line[4:])
			names = append(names, name)
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return names, blocks
}

func compareCorpus(t *testing.T, stream, got, wantFile string) {
	want, err := os.ReadFile(wantFile)
	if err != nil {
		t.Fatal(err)
	}
	names, wantBlocks := splitCases(string(want))
	_, gotBlocks := splitCases(got)
	same := 0
	for _, n := range names {
		if gotBlocks[n] == wantBlocks[n] {
			same++
			continue
		}
		t.Errorf("%s of case %q:\n--- got\n%s--- want (Node)\n%s", stream, n, gotBlocks[n], wantBlocks[n])
	}
	t.Logf("%s: %d of %d cases match Node", stream, same, len(names))
	if got != string(want) && same == len(names) {
		t.Errorf("%s differs from %s outside the cases", stream, wantFile)
	}
}

// TestCorpus checks console and util.inspect against Node's output for
// the same script, byte for byte.
func TestCorpus(t *testing.T) {
	stdout, stderr := runCorpus(t)
	compareCorpus(t, "stdout", stdout, "testdata/corpus.stdout")
	compareCorpus(t, "stderr", stderr, "testdata/corpus.stderr")
}

// TestCorpusConcurrent runs the corpus in several runtimes at once, as
// threads do, sharing one Printer: each runtime's output stays whole.
func TestCorpusConcurrent(t *testing.T) {
	src, err := os.ReadFile("testdata/corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	p := console.NewPrinter(&out, nil)
	const n = 4
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt := newRuntime(t, p, console.Options{})
			_, err := rt.RunScript("corpus.js", string(src))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	want, _ := os.ReadFile("testdata/corpus.stdout")
	got := maskTimer.ReplaceAllString(out.String(), "$1$2: <time>")
	// Every line Node printed appears n times: no line was torn.
	counts := map[string]int{}
	for _, l := range strings.Split(got, "\n") {
		counts[l]++
	}
	for _, l := range strings.Split(strings.TrimSuffix(string(want), "\n"), "\n") {
		if counts[l] < n {
			t.Fatalf("line %q printed %d times, want at least %d", l, counts[l], n)
		}
	}
}

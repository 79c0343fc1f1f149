package tests

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja/parser"
	"github.com/jsrun/jsrun/internal/race"
)

// The crash hunt runs generated scripts (see huntGen) in a child jsrun
// under --timeout 1s --max-memory 256MiB. Whatever a script does, the
// command must end by itself with 0, 1 or 124 within 3 seconds, and print
// no Go panic or fatal error. The seeds 1 to 40 run in every test run (1
// to 4 under the race detector: the children are not built with it, so
// the plain run has run them all); a longer hunt:
//
//	JSRUN_CRASHHUNT_N=2000 go test -run TestCrashHunt -timeout 2h ./tests/
//
// JSRUN_CRASHHUNT_SEED sets the first seed (default 1), so one failing
// case runs again alone with JSRUN_CRASHHUNT_SEED=n JSRUN_CRASHHUNT_N=1.
// JSRUN_CRASHHUNT_NO_MAX_MEMORY=1 leaves --max-memory out, for a jsrun
// that does not have it.

const (
	huntCorpus = 40               // seeds run by default
	huntWithin = 10 * time.Second // the most a run may take, timeout included
	// huntKill is when a run still going is killed: past huntWithin, so
	// that the report says how far over it went.
	huntKill = 20 * time.Second
	// huntProcs is how many children run at once: each may take its
	// 256 MiB.
	huntProcs = 2
	// huntAddressSpace caps each child's virtual memory, so that a guard
	// that fails cannot take the machine's memory: a child stopped by it
	// dies with Go's fatal out of memory, which fails the case anyway.
	huntAddressSpace = 4 << 30
)

// huntCrashText is what Go prints when it crashes or a panic reaches the
// surface; none of it may reach a script's output.
var huntCrashText = []string{"fatal error:", "panic:", "goroutine ", "runtime error:", "Go panic"}

func huntSettings(t *testing.T) (first uint64, n int, flags []string) {
	first, n = 1, huntCorpus
	if race.Enabled {
		n = huntCorpus / 10
	}
	if s := os.Getenv("JSRUN_CRASHHUNT_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("JSRUN_CRASHHUNT_SEED=%q: %v", s, err)
		}
		first = v
	}
	if s := os.Getenv("JSRUN_CRASHHUNT_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			t.Fatalf("JSRUN_CRASHHUNT_N=%q: want a count of scripts", s)
		}
		n = v
	}
	flags = []string{"--stats", "--timeout", "1s", "--max-memory", "256MiB"}
	if os.Getenv("JSRUN_CRASHHUNT_NO_MAX_MEMORY") != "" {
		flags = flags[:3]
	}
	return first, n, flags
}

// huntVerdict says what is wrong with a run, or "" if nothing is.
func huntVerdict(r childResult) string {
	var bad []string
	switch {
	case r.Killed:
		bad = append(bad, fmt.Sprintf("still running after %v: killed", huntKill))
	case r.Code != 0 && r.Code != 1 && r.Code != 124:
		bad = append(bad, "ended with "+r.State)
	}
	if !r.Killed && r.Took > huntWithin {
		bad = append(bad, fmt.Sprintf("took %v, over %v", r.Took.Round(time.Millisecond), huntWithin))
	}
	for _, s := range huntCrashText {
		if strings.Contains(r.Stderr, s) || strings.Contains(r.Stdout, s) {
			bad = append(bad, fmt.Sprintf("printed %q", s))
			break
		}
	}
	return strings.Join(bad, "; ")
}

func TestCrashHunt(t *testing.T) {
	first, n, flags := huntSettings(t)
	// Without this, a jsrun that does not know a flag would fail every
	// case alike.
	if r := runScript(t, "", flags...); r.Code != 0 {
		t.Fatalf("jsrun %q does not run an empty script: %s\n%s(JSRUN_CRASHHUNT_NO_MAX_MEMORY=1 leaves --max-memory out)", flags, r.State, firstLines(r.Stderr, 3))
	}
	var mu sync.Mutex
	codes := map[string]int{}
	var failed []string
	var slowest time.Duration
	abandoned := 0
	sem := make(chan struct{}, huntProcs)
	t.Run("seeds", func(t *testing.T) {
		for seed := first; seed < first+uint64(n); seed++ {
			t.Run("seed="+strconv.FormatUint(seed, 10), func(t *testing.T) {
				t.Parallel()
				g := newHuntGen(seed)
				src := g.script()
				// A generator bug must not pass as a script that fails
				// with a SyntaxError. (Parsed only: goja's compiler folds
				// constants, and 1n << (2n ** 53n) folded panics.)
				if _, err := parser.ParseFile(nil, "hunt.js", src, 0); err != nil {
					t.Fatalf("the generator wrote a script that does not compile: %v\n%s", err, src)
				}
				sem <- struct{}{}
				r := runChild(t, childRun{Script: src, Flags: flags, Kill: huntKill, MaxAddressSpace: huntAddressSpace})
				<-sem
				verdict := huntVerdict(r)
				t.Logf("%s in %v: %s", r.State, r.Took.Round(time.Millisecond), strings.Join(g.called, " "))
				mu.Lock()
				codes[r.State]++
				abandoned += abandonedIn(r.Stderr)
				slowest = max(slowest, r.Took)
				if verdict != "" {
					failed = append(failed, fmt.Sprintf("seed %d (%s): %s", seed, strings.Join(g.called, " "), verdict))
				}
				mu.Unlock()
				if verdict != "" {
					t.Errorf("%s\nscript (after huntPrelude):\n%s\nstdout: %s\nstderr: %s", verdict,
						strings.TrimPrefix(src, huntPrelude), firstLines(r.Stdout, 10), firstLines(r.Stderr, 10))
				}
			})
		}
	})
	states := make([]string, 0, len(codes))
	for s, c := range codes {
		states = append(states, fmt.Sprintf("%s: %d", s, c))
	}
	slices.Sort(states)
	slices.Sort(failed)
	t.Logf("%d scripts from seed %d with %q: %s; slowest %v; %d goroutines abandoned; %d failed", n, first, flags, strings.Join(states, ", "), slowest.Round(time.Millisecond), abandoned, len(failed))
	for _, f := range failed {
		t.Log(f)
	}
}

// The verdict must fail what the hunt is for, and pass what it is not.
func TestCrashHuntVerdict(t *testing.T) {
	for _, c := range []struct {
		r    childResult
		fail bool
	}{
		{childResult{Code: 0, State: "exit status 0", Took: time.Second}, false},
		{childResult{Code: 1, State: "exit status 1", Stderr: "Uncaught RangeError: Invalid array length"}, false},
		{childResult{Code: 124, State: "exit status 124", Took: 1100 * time.Millisecond}, false},
		{childResult{Code: 2, State: "exit status 2", Stderr: "fatal error: stack overflow"}, true},
		{childResult{Code: 2, State: "exit status 2"}, true},
		{childResult{Code: -1, State: "signal: killed"}, true},
		{childResult{Code: -1, State: "signal: killed", Killed: true, Took: huntKill}, true},
		{childResult{Code: 124, State: "exit status 124", Took: huntWithin + 500*time.Millisecond}, true},
		{childResult{Code: 1, State: "exit status 1", Stderr: "eventloop: Go panic in callback: runtime error: makeslice: len out of range"}, true},
		{childResult{Code: 0, State: "exit status 0", Stdout: "caught Error: runtime error: index out of range"}, true},
	} {
		if got := huntVerdict(c.r) != ""; got != c.fail {
			t.Errorf("%+v: failed %v, want %v", c.r, got, c.fail)
		}
	}
}

// The generator is deterministic, and every hole in every call is one it
// knows how to fill.
func TestCrashHuntGenerator(t *testing.T) {
	for seed := uint64(1); seed <= 200; seed++ {
		a, b := newHuntGen(seed).script(), newHuntGen(seed).script()
		if a != b {
			t.Fatalf("seed %d gave two scripts:\n%s\n%s", seed, a, b)
		}
	}
	g := newHuntGen(1)
	for _, area := range huntAreas {
		for i, call := range huntCalls[area] {
			src := g.expand(call)
			if strings.Contains(src, "@") {
				t.Errorf("%s#%d: hole left in %s", area, i, src)
			}
			if _, err := parser.ParseFile(nil, "call.js", huntPrelude+"("+src+");", 0); err != nil {
				t.Errorf("%s#%d: %v\n%s", area, i, err, src)
			}
		}
	}
	if len(huntAreas) != len(huntCalls) {
		t.Errorf("huntAreas lists %d areas, huntCalls has %d", len(huntAreas), len(huntCalls))
	}
}

// firstLines is s up to its nth line: enough of a Go traceback to see
// where it crashed.
func firstLines(s string, n int) string {
	i := 0
	for ; n > 0; n-- {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return s
		}
		i += j + 1
	}
	return s[:i] + "…"
}

// abandonedIn reads the count of abandoned goroutines that jsrun --stats
// printed at its end.
func abandonedIn(stderr string) int {
	_, after, ok := strings.Cut(stderr, "abandoned goroutines: ")
	var running, total int
	if ok {
		_, _ = fmt.Sscanf(after, "%d running, %d in all", &running, &total)
	}
	return total
}

package os_test

import (
	goos "os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/os"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env { return nodetest.Env{Modules: nodetest.Module("os", os.Loader)} }

// TestNodeOracle runs testdata/os.js and compares with what Node printed.
// (The expected shapes are Linux's, where jsrun reads /proc.)
func TestNodeOracle(t *testing.T) { env().Check(t, "os") }

// The values are the machine's.
func TestValues(t *testing.T) {
	t.Setenv("TMPDIR", "/some/tmp/")
	t.Setenv("HOME", "/home/someone")
	out, err := env().RunString("values.js", `
		const os = require('os');
		console.log([os.tmpdir(), os.homedir(), os.hostname(), os.platform(), os.arch(), os.availableParallelism()].join('|'))`)
	if err != nil {
		t.Fatal(err)
	}
	host, _ := goos.Hostname()
	want := map[string]string{"amd64": "x64", "arm64": "arm64", "386": "ia32"}[runtime.GOARCH]
	got := strings.Split(strings.TrimSpace(out), "|")
	if got[0] != "/some/tmp" || got[1] != "/home/someone" || got[2] != host || got[3] != runtime.GOOS || (want != "" && got[4] != want) {
		t.Fatalf("got %q", got)
	}
	if got[5] != strconv.Itoa(runtime.NumCPU()) {
		t.Fatalf("availableParallelism %s, want %d", got[5], runtime.NumCPU())
	}
}

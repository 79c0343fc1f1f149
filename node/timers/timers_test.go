package timers_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/timers"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	return nodetest.Env{
		Modules: nodetest.Module("timers/promises", timers.Promises(nodetest.LoopOf, nil)),
		Globals: map[string]func(*goja.Runtime) error{"abort": nodetest.AbortGlobals},
	}
}

// TestNodeOracle runs testdata/promises.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "promises") }

// A setTimeout with {ref: false} does not keep the loop alive, as in Node:
// the script ends without it.
func TestUnrefDoesNotKeepAlive(t *testing.T) {
	out, err := env().RunString("unref.js", `
		require('timers/promises').setTimeout(60000, 'x', { ref: false }).then(() => console.log('ran'));
		console.log('end');`)
	if err != nil || out != "end\n" {
		t.Fatalf("out %q, err %v", out, err)
	}
}

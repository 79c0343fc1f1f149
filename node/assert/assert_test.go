package assert_test

import (
	"testing"

	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/assert"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	mods := nodetest.Module("assert", assert.Loader(nil))
	for k, v := range nodetest.Module("assert/strict", assert.StrictLoader(nil)) {
		mods[k] = v
	}
	var _ require.ModuleLoader = mods["assert"]
	return nodetest.Env{Modules: mods}
}

// TestNodeOracle runs testdata/assert.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "assert") }

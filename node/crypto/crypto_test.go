package crypto_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/buffer"
	"github.com/jsrun/jsrun/node/crypto"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	return nodetest.Env{
		Modules: nodetest.Module("crypto", crypto.Loader(nodetest.LoopOf, nil)),
		Globals: map[string]func(*goja.Runtime) error{
			"crypto": crypto.Install(nodetest.LoopOf, nil),
			"Buffer": buffer.Install(nil),
			"DOMException": func(rt *goja.Runtime) error {
				a, err := abort.For(rt, nodetest.LoopOf(rt))
				if err != nil {
					return err
				}
				return a.Install("DOMException")
			},
		},
	}
}

// TestNodeOracle runs testdata/crypto.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "crypto") }

package webapi_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/webapi"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	globals := webapi.Installers(nodetest.LoopOf, nil)
	globals["DOMException"] = func(rt *goja.Runtime) error {
		a, err := abort.For(rt, nodetest.LoopOf(rt))
		if err != nil {
			return err
		}
		return a.Install("DOMException")
	}
	return nodetest.Env{Globals: globals}
}

// TestNodeOracle runs testdata/webapi.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "webapi") }

// An installer installs its own global only.
func TestInstallsOnlyItsGlobal(t *testing.T) {
	installers := webapi.Installers(nodetest.LoopOf, nil)
	out, err := nodetest.Env{Globals: map[string]func(*goja.Runtime) error{"atob": installers["atob"]}}.RunString("lazy.js",
		`console.log(typeof atob, typeof btoa, typeof TextEncoder, typeof performance, typeof DOMException)`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "function undefined undefined undefined undefined\n" {
		t.Fatalf("got %q", out)
	}
}

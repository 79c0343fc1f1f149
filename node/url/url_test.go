package url_test

import (
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/url"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	return nodetest.Env{Modules: nodetest.Module("url", url.Loader(nil, nil)), Globals: url.Installers(nil, nil)}
}

// TestNodeOracle runs testdata/url.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "url") }

package path_test

import (
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/path"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env(cwd func() string) nodetest.Env {
	load := path.Loader(cwd, nil)
	return nodetest.Env{Modules: nodetest.Module("path", load)}
}

// TestNodeOracle runs testdata/path.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env(nil).Check(t, "path") }

func TestResolveStartsAtCwd(t *testing.T) {
	got, err := env(func() string { return "/work/dir" }).RunString("resolve.js", `
		const path = require('path');
		console.log(path.resolve('a', 'b'), path.resolve('..'), path.resolve(''), path.relative('', '/work'), path.relative('/work/dir/y', 'x'));`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/work/dir/a/b /work /work/dir .. ../x\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

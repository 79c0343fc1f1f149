package buffer_test

import (
	"testing"

	"github.com/dop251/goja"
	gojabuffer "github.com/dop251/goja_nodejs/buffer"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/buffer"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	return nodetest.Env{
		Modules: nodetest.Module("buffer", buffer.Loader(nil)),
		Globals: map[string]func(*goja.Runtime) error{"Buffer": buffer.Install(nil)},
	}
}

// TestNodeOracle runs testdata/buffer.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env().Check(t, "buffer") }

// Wrap gives Go code a Buffer that shares its bytes, and goja_nodejs's
// helpers work with this Buffer.
func TestWrapAndGojaNodejsHelpers(t *testing.T) {
	out, err := nodetest.Env{
		Modules: nodetest.Module("buffer", buffer.Loader(nil)),
		Globals: map[string]func(*goja.Runtime) error{
			"Buffer": buffer.Install(nil),
			"made": func(rt *goja.Runtime) error {
				data := []byte("go bytes")
				v, err := buffer.Wrap(rt, data)
				if err != nil {
					return err
				}
				data[0] = 'G'
				if err := rt.Set("made", v); err != nil {
					return err
				}
				return rt.Set("viaGojaNodejs", gojabuffer.WrapBytes(rt, []byte("wrapped")))
			},
		},
	}.RunString("wrap.js", `console.log(Buffer.isBuffer(made), made.toString(), Buffer.isBuffer(viaGojaNodejs), viaGojaNodejs.toString('hex'))`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "true Go bytes true 77726170706564\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

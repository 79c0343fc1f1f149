package clone

import (
	"fmt"
	"github.com/jsrun/jsrun/internal/clonecases"
	"testing"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// comparatorJS is the shared comparator (see clonecases.Comparator).
const comparatorJS = clonecases.Comparator

// newRuntime returns a runtime with the comparator installed.
func newRuntime(t testing.TB) *goja.Runtime {
	t.Helper()
	rt := goja.New()
	if _, err := rt.RunString(comparatorJS); err != nil {
		t.Fatal(err)
	}
	return rt
}

func run(t testing.TB, rt *goja.Runtime, src string) goja.Value {
	t.Helper()
	v, err := rt.RunString(src)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return v
}

// diff runs the comparator in rt on two values of rt.
func diff(t testing.TB, rt *goja.Runtime, want, got goja.Value) string {
	t.Helper()
	eq, ok := goja.AssertFunction(rt.Get("__cloneEq"))
	if !ok {
		t.Fatal("comparator not installed")
	}
	res, err := eq(goja.Undefined(), want, got)
	if err != nil {
		t.Fatalf("comparator: %v", err)
	}
	return res.String()
}

// roundTrip evaluates src in a new runtime, clones the result into another
// runtime and returns that runtime and the restored value.
func roundTrip(t testing.TB, src string, opts *Options, codec Codec) (*goja.Runtime, goja.Value, error) {
	t.Helper()
	a := newRuntime(t)
	s, err := SnapshotValue(a, run(t, a, src), "v", opts)
	if err != nil {
		return nil, nil, err
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, codec)
	return b, got, err
}

// fakeCodec carries functions as source text and host objects by a
// registry, recording what it was asked.
type fakeCodec struct {
	paths    []string
	restored int
}

type hostThing struct{ id int }

func (c *fakeCodec) SnapshotFunction(rt *goja.Runtime, fn *goja.Object, path string) (any, error) {
	c.paths = append(c.paths, path)
	if fn.Get("nope") != nil {
		return nil, fmt.Errorf("refusing %s", path)
	}
	return fn.String(), nil
}

func (c *fakeCodec) RestoreFunction(rt *goja.Runtime, payload any) (goja.Value, error) {
	c.restored++
	return rt.RunString("(" + payload.(string) + ")")
}

func (c *fakeCodec) RestoreRef(rt *goja.Runtime, ref any) (goja.Value, error) {
	c.restored++
	h := ref.(*hostThing)
	o := rt.NewObject()
	if err := o.Set("id", h.id); err != nil {
		return nil, err
	}
	Attach(rt, o, h)
	return o, nil
}

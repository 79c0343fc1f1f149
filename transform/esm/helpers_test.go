package esm_test

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/transform"
	"github.com/jsrun/jsrun/transform/esm"
)

// files is an in-memory tree whose loader resolves relative specifiers
// only (resolution has its own package and tests).
type files map[string]string

func (f files) read(p string) ([]byte, error) {
	if s, ok := f[p]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

type notFound struct{ spec, importer string }

func (e *notFound) Error() string {
	return fmt.Sprintf("Cannot find module '%s' imported from %s", e.spec, e.importer)
}
func (e *notFound) Code() string { return "ERR_MODULE_NOT_FOUND" }

type loader struct {
	files files
	rt    *goja.Runtime
	loads map[string]int
}

func (l *loader) Resolve(spec, importer string) (string, error) {
	p := filepath.Join(filepath.Dir(importer), spec)
	if _, ok := l.files[p]; !ok {
		return "", &notFound{spec, importer}
	}
	return p, nil
}

func (l *loader) Load(id string) (*esm.Source, error) {
	l.loads[id]++
	src := l.files[id]
	r, err := transform.Transform(id, src, l.files.read)
	if err != nil {
		return nil, err
	}
	if r.Kind == transform.Module {
		return &esm.Source{Module: r}, nil
	}
	// A CommonJS module, run with a module object of its own.
	return &esm.Source{Exports: func() (goja.Value, error) {
		fn, err := l.rt.RunString("(function (exports, module) {" + r.Code + "\n})")
		if err != nil {
			return nil, err
		}
		call, _ := goja.AssertFunction(fn)
		module := l.rt.NewObject()
		exports := l.rt.NewObject()
		_ = module.Set("exports", exports)
		if _, err := call(nil, exports, module); err != nil {
			return nil, err
		}
		return module.Get("exports"), nil
	}}, nil
}

// world is a runtime with a console.log that collects lines.
type world struct {
	rt     *goja.Runtime
	linker *esm.Linker
	loader *loader
	out    []string
}

func newWorld(f files) *world {
	w := &world{rt: goja.New()}
	console := w.rt.NewObject()
	_ = console.Set("log", func(c goja.FunctionCall) goja.Value {
		parts := make([]string, len(c.Arguments))
		for i, a := range c.Arguments {
			parts[i] = a.String()
		}
		w.out = append(w.out, strings.Join(parts, " "))
		return goja.Undefined()
	})
	_ = w.rt.Set("console", console)
	w.loader = &loader{files: f, rt: w.rt, loads: map[string]int{}}
	w.linker = esm.New(w.rt, w.loader, esm.Options{})
	return w
}

// run imports id and runs the microtasks; it returns the settled promise.
func (w *world) run(t *testing.T, id string) *goja.Promise {
	t.Helper()
	p := w.linker.Import(id)
	if _, err := w.rt.RunString(""); err != nil { // runs the job queue
		t.Fatal(err)
	}
	return p
}

// mustRun imports id and fails unless it is fulfilled.
func (w *world) mustRun(t *testing.T, id string) *goja.Object {
	t.Helper()
	p := w.run(t, id)
	if p.State() != goja.PromiseStateFulfilled {
		t.Fatalf("import %s: %v, want fulfilled; reason %v; log %q", id, p.State(), stack(p.Result()), w.out)
	}
	return p.Result().(*goja.Object)
}

func stack(v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if s := o.Get("stack"); s != nil && !goja.IsUndefined(s) {
			return s.String()
		}
	}
	if v == nil {
		return "<nil>"
	}
	return v.String()
}

func (w *world) log() string { return strings.Join(w.out, "\n") }

func check(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

var _ = errors.New

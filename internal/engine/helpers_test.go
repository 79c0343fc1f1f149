package engine

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// printSetup gives every runtime a print(...) that appends a line to out.
func printSetup(mu *sync.Mutex, out *[]string) func(r *Runtime) error {
	return func(r *Runtime) error {
		return r.RT.Set("print", func(c goja.FunctionCall) goja.Value {
			parts := make([]string, len(c.Arguments))
			for i, a := range c.Arguments {
				parts[i] = a.String()
			}
			mu.Lock()
			*out = append(*out, strings.Join(parts, " "))
			mu.Unlock()
			return goja.Undefined()
		})
	}
}

// evalJS runs src as a main script named test.js under cfg and returns the
// printed lines (joined by "\n") and the evaluation's error.
func evalJS(t testing.TB, cfg Config, timeout time.Duration, src string) (string, error) {
	t.Helper()
	var mu sync.Mutex
	var out []string
	cfg.Setup = printSetup(&mu, &out)
	cfg.Globals = append(cfg.Globals, "print")
	env := NewEnv(cfg)
	if err := env.AddScript("test.js", src); err != nil {
		return "", err
	}
	prog, err := goja.Compile("test.js", src, false)
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_, err = env.Eval(ctx, func(main *Runtime) (goja.Value, error) { return main.RT.RunProgram(prog) })
	mu.Lock()
	defer mu.Unlock()
	return strings.Join(out, "\n"), err
}

// mustEval is evalJS that fails the test on error and compares the output.
func mustEval(t *testing.T, src, want string) {
	t.Helper()
	got, err := evalJS(t, Config{}, 20*time.Second, src)
	if err != nil {
		t.Fatalf("error: %v\noutput so far:\n%s", err, got)
	}
	if got != want {
		t.Fatalf("printed:\n%s\nwant:\n%s", got, want)
	}
}

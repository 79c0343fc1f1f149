package engine

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// withGlobal adds the global name to cfg, installed with the value make
// returns: at once in the main runtime, in a thread when a function it
// receives names it.
func withGlobal(cfg Config, name string, make func(r *Runtime) any) Config {
	install := cfg.Install
	cfg.Globals = append(slices.Clip(cfg.Globals), name)
	cfg.Install = func(r *Runtime, n string) error {
		if n == name {
			return r.RT.Set(name, make(r))
		}
		if install != nil {
			return install(r, n)
		}
		return nil
	}
	return cfg
}

// withPrint gives cfg's runtimes a print(...) that appends a line to out.
func withPrint(cfg Config, mu *sync.Mutex, out *[]string) Config {
	return withGlobal(cfg, "print", func(*Runtime) any {
		return func(c goja.FunctionCall) goja.Value {
			parts := make([]string, len(c.Arguments))
			for i, a := range c.Arguments {
				parts[i] = a.String()
			}
			mu.Lock()
			*out = append(*out, strings.Join(parts, " "))
			mu.Unlock()
			return goja.Undefined()
		}
	})
}

// run compiles src as the main script name in env and runs it as one
// evaluation under ctx.
func run(ctx context.Context, env *Env, name, src string) (goja.Value, error) {
	s, err := env.Script(ctx, name, src)
	if err != nil {
		return nil, err
	}
	return env.Eval(ctx, s, nil)
}

// evalJS runs src as a main script named test.js under cfg and returns the
// printed lines (joined by "\n") and the evaluation's error.
func evalJS(t testing.TB, cfg Config, timeout time.Duration, src string) (string, error) {
	t.Helper()
	var mu sync.Mutex
	var out []string
	env := NewEnv(withPrint(cfg, &mu, &out))
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_, err := run(ctx, env, "test.js", src)
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

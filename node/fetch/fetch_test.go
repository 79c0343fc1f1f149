package fetch_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/fetch"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// routes are testdata/fetch.js's Node server, in Go.
func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("content-type", "application/json")
		_, _ = io.WriteString(w, `{"a":[1,2],"b":"x"}`)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("content-type", "text/plain")
		_, _ = io.WriteString(w, "h\u00e9llo")
	})
	mux.HandleFunc("/bytes", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte{0, 1, 2, 254, 255})
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("x-method", r.Method)
		w.Header().Set("x-test", r.Header.Get("x-test"))
		w.Header().Set("x-type", r.Header.Get("content-type"))
		w.Header().Add("set-cookie", "a=1")
		w.Header().Add("set-cookie", "b=2")
		_, _ = w.Write(body)
	})
	redirect := func(to string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("location", to)
			w.WriteHeader(http.StatusFound)
		}
	}
	mux.HandleFunc("/redirect", redirect("/text"))
	mux.HandleFunc("/loop", redirect("/loop"))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, "no such page")
	})
	return mux
}

// closedPort is a port nothing listens on.
func closedPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	return port
}

// goer runs Config.Go's work as the host's runtimes do: the loop waits for
// it, and wait returns when every goroutine has.
type goer struct {
	ctx context.Context
	wg  sync.WaitGroup
}

func (g *goer) Go(rt *goja.Runtime, work func(context.Context) func() error) {
	post := nodetest.LoopOf(rt).RegisterCallback()
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		post(work(g.ctx))
	}()
}

// env is a runtime with fetch's globals, the abort classes, and the
// globals given.
func env(t *testing.T, ctx context.Context, cfg fetch.Config, globals map[string]any) (nodetest.Env, *goer) {
	g := &goer{ctx: ctx}
	cfg.Loop = nodetest.LoopOf
	cfg.Go = g.Go
	if cfg.Client == nil {
		cfg.Client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	}
	all := fetch.Globals(cfg)
	all["abort"] = nodetest.AbortGlobals
	all["values"] = func(rt *goja.Runtime) error {
		for k, v := range globals {
			if err := rt.Set(k, v); err != nil {
				return err
			}
		}
		return nil
	}
	return nodetest.Env{Globals: all}, g
}

// TestNodeOracle runs testdata/fetch.js against a Go server with the
// routes Node's had, and compares with what Node printed: JSON, text,
// bytes, headers, redirects, 404, a refused connection, signals.
func TestNodeOracle(t *testing.T) {
	srv := httptest.NewServer(routes())
	defer srv.Close()
	e, g := env(t, context.Background(), fetch.Config{}, map[string]any{"SERVER": srv.URL, "CLOSED": closedPort(t)})
	e.Check(t, "fetch")
	g.wg.Wait()
}

package fetch_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
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
	mux.HandleFunc("/slow", func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/empty", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
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

// TestNodeOracle runs testdata/server/fetch.js against a Go server with the
// routes Node's had, and compares with what Node printed: JSON, text,
// bytes, headers, redirects, 404, a refused connection, signals.
func TestNodeOracle(t *testing.T) {
	srv := httptest.NewServer(routes())
	defer srv.Close()
	e, g := env(t, context.Background(), fetch.Config{}, map[string]any{"SERVER": srv.URL, "CLOSED": closedPort(t)})
	got, err := e.Run(filepath.Join("testdata", "server", "fetch.js"))
	g.wg.Wait()
	if err != nil {
		t.Fatalf("fetch.js failed: %v\noutput so far:\n%s", err, got)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "server", "fetch.expected"))
	if err != nil {
		t.Fatal(err)
	}
	nodetest.Compare(t, got, string(want))
}

// The policy sees every request, each redirect hop too, and its refusal
// is fetch's TypeError with the policy's error as the cause's message.
func TestPolicyEveryHop(t *testing.T) {
	srv := httptest.NewServer(routes())
	defer srv.Close()
	var mu sync.Mutex
	var seen []string
	policy := func(r *http.Request) error {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, r.URL.Path)
		if r.URL.Path == "/text" {
			return errors.New("jsrun: /text is not allowed")
		}
		return nil
	}
	e, g := env(t, context.Background(), fetch.Config{Policy: policy}, map[string]any{"SERVER": srv.URL})
	out, err := e.RunString("policy.js", `
		fetch(SERVER + '/redirect').then(
			(r) => console.log('resolved', r.status),
			(e) => console.log(e.name, e.message, e.cause.message, e.cause.code));`)
	g.wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if want := "TypeError fetch failed jsrun: /text is not allowed ERR_ACCESS_DENIED\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	if strings.Join(seen, " ") != "/redirect /text" {
		t.Fatalf("the policy saw %q, want /redirect then /text", seen)
	}
}

// When the context Config.Go gives ends (a cancelled thread, an ended
// evaluation), the request in flight ends and its goroutine returns.
func TestContextEndAbortsRequest(t *testing.T) {
	arrived := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done() // answers only when the client has gone
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-arrived
		cancel()
	}()
	e, g := env(t, ctx, fetch.Config{}, map[string]any{"SERVER": srv.URL})
	out, err := e.RunString("cancel.js", `
		fetch(SERVER).then(
			(r) => console.log('resolved', r.status),
			(e) => console.log(e.name, e.message, e.cause.message));`)
	g.wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if want := "TypeError fetch failed This operation was aborted\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

// A signal that aborts while the request is in flight rejects at once
// with its reason, and the request's goroutine ends.
func TestSignalAbortsInFlight(t *testing.T) {
	arrived := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done()
	}))
	defer srv.Close()
	e, g := env(t, context.Background(), fetch.Config{}, map[string]any{
		"SERVER":  srv.URL,
		"arrived": func() { <-arrived },
	})
	out, err := e.RunString("signal.js", `
		const ac = new AbortController();
		const p = fetch(SERVER, { signal: ac.signal });
		setTimeout(() => { arrived(); ac.abort(); }, 0);
		p.then((r) => console.log('resolved', r.status), (e) => console.log(e.name, e.message));`)
	g.wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if want := "AbortError This operation was aborted\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

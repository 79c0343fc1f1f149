package host_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"go.uber.org/goleak"
)

// hangServer answers no request: each waits until its client has gone.
// arrived is closed when the first request arrives, gone when the first
// client has gone.
type hangServer struct {
	*httptest.Server
	arrived, gone chan struct{}
	n             atomic.Int32
}

func newHangServer(t *testing.T) *hangServer {
	s := &hangServer{arrived: make(chan struct{}), gone: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		first := s.n.Add(1) == 1
		if first {
			close(s.arrived)
		}
		<-r.Context().Done()
		if first {
			close(s.gone)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// waitGone fails t unless the server's first client has gone: the abort
// reached the connection. The bound only keeps a broken build from
// hanging; it measures nothing.
func (s *hangServer) waitGone(t *testing.T) {
	t.Helper()
	select {
	case <-s.gone:
	case <-time.After(20 * time.Second):
		t.Fatal("the request was not aborted: the server still has its client")
	}
}

// arrivedGlobal is a global arrived() that tells whether the server has
// the request (a script polls it: blocking the main loop could hold the
// thread back).
func arrivedGlobal(s *hangServer) host.Option {
	return host.WithGlobal("arrived", func(r *host.Runtime) (goja.Value, error) {
		return r.ToValue(func() bool {
			select {
			case <-s.arrived:
				return true
			default:
				return false
			}
		}), nil
	})
}

func jsonServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("content-type", "application/json")
		_, _ = io.WriteString(w, `{"path":"`+r.URL.Path+`"}`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func newHost(t *testing.T, opts ...host.Option) *host.Host {
	t.Helper()
	h, err := host.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// fetch works in the main runtime and in a thread, whose loop and
// evaluation wait for the request (it is not a deadlock).
func TestFetchMainAndThread(t *testing.T) {
	t.Parallel()
	srv := jsonServer(t)
	h := newHost(t, host.WithArgs(srv.URL))
	v, err := h.Eval(context.Background(), `
		const url = process.argv[process.argv.length - 1];
		const inThread = threads.run(async (u) => (await fetch(u + '/thread')).json(), url);
		(async () => {
			const main = await (await fetch(url + '/main')).json();
			return main.path + ' ' + (await inThread).path;
		})()`)
	if err != nil {
		t.Fatal(err)
	}
	if v != "/main /thread" {
		t.Fatalf("got %v, want /main /thread", v)
	}
}

// p.cancel() of a thread aborts its request in flight.
func TestFetchThreadCancelAborts(t *testing.T) {
	t.Parallel()
	srv := newHangServer(t)
	h := newHost(t, host.WithArgs(srv.URL), arrivedGlobal(srv))
	v, err := h.Eval(context.Background(), `
		const p = threads.run(async (u) => { await fetch(u); return 'answered'; }, process.argv[process.argv.length - 1]);
		(async () => {
			while (!arrived()) await new Promise((r) => setTimeout(r, 1));
			p.cancel();
			return p.then(() => 'resolved', (e) => e.name);
		})()`)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := v.(string); s == "resolved" || s == "" {
		t.Fatalf("the cancelled thread settled as %v", v)
	}
	srv.waitGone(t)
}

// The evaluation's timeout aborts a request in flight, and no goroutine is
// left once the host is closed.
func TestFetchEvalTimeoutAborts(t *testing.T) {
	srv := newHangServer(t)
	h, err := host.New(host.WithArgs(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	// The server never answers: however slow the machine, the deadline
	// ends the evaluation with the request in flight or about to be.
	_, err = h.EvalWithTimeout(300*time.Millisecond, `fetch(process.argv[process.argv.length - 1]).then(() => console.log('answered'))`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v, want context.DeadlineExceeded", err)
	}
	select {
	case <-srv.arrived:
		srv.waitGone(t)
	default: // the request never left: nothing to abort
	}
	_ = h.Close()
	srv.Close()
	leakcheck.VerifyNone(t)
}

// A request the policy denies, first or at a redirect, fails as Node's
// network errors do, the cause naming the policy's error.
func TestFetchPolicyDenied(t *testing.T) {
	t.Parallel()
	srv := jsonServer(t)
	var asked atomic.Int32
	h := newHost(t, host.WithArgs(srv.URL), host.WithNetworkPolicy(func(r *http.Request) error {
		asked.Add(1)
		if strings.HasPrefix(r.URL.Path, "/secret") {
			return errors.New("no secrets")
		}
		return nil
	}))
	v, err := h.Eval(context.Background(), `
		const url = process.argv[process.argv.length - 1];
		Promise.all([
			fetch(url + '/open').then((r) => r.json()).then((j) => j.path),
			fetch(url + '/secret').catch((e) => [e.name, e.message, e.cause.message, e.cause.code].join('|')),
		]).then((a) => a.join(' '))`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/open TypeError|fetch failed|no secrets|ERR_ACCESS_DENIED"; v != want {
		t.Fatalf("got %v, want %v", v, want)
	}
	if asked.Load() != 2 {
		t.Fatalf("the policy saw %d requests, want 2", asked.Load())
	}
}

// Under WithoutNetwork every request fails, in threads too, and none
// reaches the server.
func TestWithoutNetwork(t *testing.T) {
	t.Parallel()
	var reached atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached.Add(1) }))
	t.Cleanup(srv.Close)
	h := newHost(t, host.WithArgs(srv.URL), host.WithoutNetwork())
	v, err := h.Eval(context.Background(), `
		const why = (e) => e.message + ': ' + e.cause.message;
		Promise.all([
			fetch(process.argv[process.argv.length - 1]).catch(why),
			threads.run((u) => fetch(u).catch((e) => e.message + ': ' + e.cause.message), process.argv[process.argv.length - 1]),
		]).then((a) => a.join(' / '))`)
	if err != nil {
		t.Fatal(err)
	}
	one := "fetch failed: " + host.ErrNetworkOff.Error()
	if v != one+" / "+one {
		t.Fatalf("got %v", v)
	}
	if reached.Load() != 0 {
		t.Fatalf("%d requests reached the server", reached.Load())
	}
}

// WithHTTPClient's client sends the requests.
func TestWithHTTPClient(t *testing.T) {
	t.Parallel()
	srv := jsonServer(t)
	var used atomic.Int32
	client := &http.Client{Transport: roundTripper(func(r *http.Request) (*http.Response, error) {
		used.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	t.Cleanup(client.CloseIdleConnections)
	h := newHost(t, host.WithArgs(srv.URL), host.WithHTTPClient(client))
	v, err := h.Eval(context.Background(), `fetch(process.argv[process.argv.length - 1] + '/x').then((r) => r.status)`)
	if err != nil || v != int64(200) || used.Load() != 1 {
		t.Fatalf("got %v (%T), %v; the client sent %d", v, v, err, used.Load())
	}
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNetworkOptionErrors(t *testing.T) {
	t.Parallel()
	allow := func(*http.Request) error { return nil }
	for name, opts := range map[string][]host.Option{
		"off and policy": {host.WithoutNetwork(), host.WithNetworkPolicy(allow)},
		"policy twice":   {host.WithNetworkPolicy(allow), host.WithNetworkPolicy(allow)},
		"nil policy":     {host.WithNetworkPolicy(nil)},
		"nil client":     {host.WithHTTPClient(nil)},
	} {
		if _, err := host.New(opts...); !errors.Is(err, host.ErrInvalidOption) {
			t.Errorf("%s: err %v, want ErrInvalidOption", name, err)
		}
	}
}

// A thread awaiting a slow fetch, awaited by main, is not a deadlock:
// the request counts as running until it reports back.
func TestFetchSlowIsNotDeadlock(t *testing.T) {
	t.Parallel()
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(arrived)
		<-release
		_, _ = io.WriteString(w, "late")
	}))
	t.Cleanup(srv.Close)
	go func() {
		<-arrived
		// Give both loops time to go idle: were the request not counted,
		// the evaluation would end as a deadlock now. (The outcome does
		// not depend on the pause's length; a short one only makes the
		// test weaker.)
		time.Sleep(50 * time.Millisecond)
		close(release)
	}()
	h := newHost(t, host.WithArgs(srv.URL))
	v, err := h.Eval(context.Background(), `
		(async () => await threads.run(async (u) => (await fetch(u)).text(), process.argv[process.argv.length - 1]))()`)
	if err != nil || v != "late" {
		t.Fatalf("got %v, %v; want late", v, err)
	}
}

// The connections a script kept alive end with its evaluation: no
// goroutine of the host's transport is left, without Close.
func TestFetchKeepAliveEndsWithEvaluation(t *testing.T) {
	srv := jsonServer(t)
	h := newHost(t, host.WithArgs(srv.URL))
	v, err := h.Eval(context.Background(), `
		const u = process.argv[process.argv.length - 1];
		(async () => {
			const a = await (await fetch(u + '/a')).json();
			const b = await (await fetch(u + '/b')).json();
			return a.path + b.path;
		})()`)
	if err != nil || v != "/a/b" {
		t.Fatalf("got %v, %v", v, err)
	}
	// The server stays up, so its side of the connections stays open:
	// only the client's goroutines are checked.
	opts := append(slices.Clone(leakcheck.Options),
		goleak.IgnoreAnyFunction("net/http.(*conn).serve"),
		goleak.IgnoreAnyFunction("net/http/httptest.(*Server).goServe.func1"))
	goleak.VerifyNone(t, opts...)
}

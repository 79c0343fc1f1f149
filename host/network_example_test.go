package host_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/jsrun/jsrun/host"
)

func ExampleWithNetworkPolicy() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "hello")
	}))
	defer srv.Close()
	// Only the test server may be reached.
	h, err := host.New(host.WithArgs(srv.URL), host.WithNetworkPolicy(func(r *http.Request) error {
		if "http://"+r.URL.Host != srv.URL {
			return errors.New("only the test server")
		}
		return nil
	}))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, _ := h.Eval(context.Background(), `
		const ok = fetch(process.argv[process.argv.length - 1]).then((r) => r.text());
		const denied = fetch('http://example.com/').catch((e) => e.message + ': ' + e.cause.message);
		Promise.all([ok, denied]).then((a) => a.join(' | '))`)
	fmt.Println(v)
	// Output: hello | fetch failed: only the test server
}

func ExampleWithoutNetwork() {
	h, err := host.New(host.WithoutNetwork())
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, _ := h.Eval(context.Background(), `fetch('http://example.com/').catch((e) => e.message + ': ' + e.cause.message)`)
	fmt.Println(v)
	// Output: fetch failed: jsrun: network access is off
}

func ExampleWithHTTPClient() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, r.Header.Get("X-Via"))
	}))
	defer srv.Close()
	// The embedder's client: here one whose transport marks each request.
	client := &http.Client{Transport: via{http.DefaultTransport}}
	defer client.CloseIdleConnections()
	h, err := host.New(host.WithArgs(srv.URL), host.WithHTTPClient(client))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, _ := h.Eval(context.Background(), `fetch(process.argv[process.argv.length - 1]).then((r) => r.text())`)
	fmt.Println(v)
	// Output: embedder
}

type via struct{ base http.RoundTripper }

func (v via) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Via", "embedder")
	return v.base.RoundTrip(r)
}

package host

import (
	"context"
	"errors"
	"net/http"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/node"
	"github.com/jsrun/jsrun/node/fetch"
)

// ErrNetworkOff is the error of every request a script makes under
// WithoutNetwork: fetch rejects with TypeError('fetch failed') whose
// cause's message is its text and code ERR_ACCESS_DENIED.
var ErrNetworkOff = errors.New("jsrun: network access is off")

// netOptions are the options of the network fetch uses.
type netOptions struct {
	client  *http.Client
	policy  func(*http.Request) error
	off     bool
	given   []string // the options given, for a conflict
	ownConn *http.Transport
}

// check reports the options that exclude each other.
func (n *netOptions) check(o *options) {
	off, policy := 0, 0
	for _, name := range n.given {
		switch name {
		case "WithoutNetwork":
			off++
		case "WithNetworkPolicy":
			policy++
		}
	}
	switch {
	case off > 0 && policy > 0:
		o.fail("WithoutNetwork and WithNetworkPolicy exclude each other")
	case policy > 1:
		o.fail("WithNetworkPolicy is given twice")
	}
}

// WithHTTPClient sets the client fetch sends its requests with (default:
// the host's own, over a clone of http.DefaultTransport without its
// proxy from the environment, as Node's fetch has none; its idle
// connections are closed when an evaluation ends, and by Close). An
// embedder's client keeps its connections: closing them is the
// embedder's. fetch replaces the client's CheckRedirect
// with its redirect modes; the rest (Transport, Jar, Timeout) is used as
// it is. c must not be nil.
func WithHTTPClient(c *http.Client) Option {
	return func(o *options) {
		if c == nil {
			o.fail("WithHTTPClient(nil): leave the option out for the default client")
			return
		}
		o.net.client = c
	}
}

// WithoutNetwork makes every fetch of every runtime fail with
// TypeError('fetch failed'), its cause naming ErrNetworkOff; nothing is
// sent. By default scripts reach the network, as in Node.
func WithoutNetwork() Option {
	return func(o *options) {
		o.net.given = append(o.net.given, "WithoutNetwork")
		o.net.off = true
	}
}

// WithNetworkPolicy makes allow see every request fetch sends, each
// redirect hop included, before it is sent; when allow returns an error
// the request fails with TypeError('fetch failed') whose cause's message
// is that error's text (code ERR_ACCESS_DENIED). allow runs on a
// goroutine of its own for each request, so it must be safe for
// concurrent use; it must not change the request. allow must not be nil.
func WithNetworkPolicy(allow func(*http.Request) error) Option {
	return func(o *options) {
		o.net.given = append(o.net.given, "WithNetworkPolicy")
		if allow == nil {
			o.fail("WithNetworkPolicy(nil): leave the option out to allow every request")
			return
		}
		o.net.policy = allow
	}
}

// fetchConfig is what fetch needs from the host: the runtime's loop, its
// goroutines (engine.Runtime.Go: the loop and the evaluation wait for a
// request, the runtime's context aborts it), the client and the policy.
func (h *Host) fetchConfig(cfg node.Config) fetch.Config {
	n := &h.opts.net
	client := n.client
	if client == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		// A script fans out to one host with many requests at once
		// (Promise.all, threads): keep their connections, as Node does.
		t.MaxIdleConnsPerHost = 256
		// Node's fetch ignores HTTP_PROXY and its kin; so does this
		// client (an embedder who wants a proxy gives WithHTTPClient).
		t.Proxy = nil
		n.ownConn = t
		client = &http.Client{Transport: t}
	}
	policy := n.policy
	if n.off {
		policy = func(*http.Request) error { return ErrNetworkOff }
	}
	return fetch.Config{
		Loop:   cfg.Loop,
		Client: client,
		Policy: policy,
		Go: func(rt *goja.Runtime, work func(context.Context) func() error) {
			r := h.runtimes.of(rt)
			if r == nil {
				panic(rt.NewTypeError("fetch: this runtime has ended"))
			}
			r.Go(work)
		},
		Cwd:     cfg.Cwd,
		Inspect: cfg.Inspect,
	}
}

// closeIdleAfter closes the idle connections of the host's own transport
// when r, the main runtime of an evaluation, ends: the connections a
// script kept alive do not outlive its evaluation (their goroutines would).
// A connection idle at that moment in another evaluation is closed too;
// that one opens a new one.
func (h *Host) closeIdleAfter(r *engine.Runtime) {
	if t := h.opts.net.ownConn; t != nil && r.Name == "main" {
		context.AfterFunc(r.Context(), t.CloseIdleConnections)
	}
}

// closeNetwork closes the idle connections of the host's own transport.
func (h *Host) closeNetwork() {
	if t := h.opts.net.ownConn; t != nil {
		t.CloseIdleConnections()
	}
}

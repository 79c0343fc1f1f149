// Package fetch is Node's fetch for jsrun's runtimes: the globals fetch,
// Headers, Request and Response, over Go's net/http.
//
// The classes are JavaScript (fetch.js, compiled once per process, checked
// against Node's behaviour); the request is Go's. fetch starts the request
// on a goroutine of its own through Config.Go, which the runtime's event
// loop waits for, and settles on the loop. The response's body is read
// whole before fetch resolves, so text, json, arrayBuffer and bytes
// resolve at once and body is a reader with that one chunk (goja has no
// ReadableStream). Redirects are followed by default (20 at most, as
// Node); redirect 'manual' gives the 3xx response itself and 'error'
// fails. An AbortSignal aborts a request (fetch rejects with its reason,
// a DOMException AbortError by default); so does the end of the context
// Config.Go gives (a cancelled thread, an ended evaluation), and no
// goroutine is left behind. A request that cannot be made is
// TypeError('fetch failed') with Node's cause: an Error with code, errno,
// syscall, address and port (ECONNREFUSED), or hostname (ENOTFOUND).
//
// Config.Policy sees every request, each redirect hop included, before
// it is sent; its error fails the request (the cause's message is the
// error's text, its code ERR_ACCESS_DENIED).
package fetch

import (
	"bytes"
	"context"
	_ "embed"
	"net/http"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/url"
)

//go:embed fetch.js
var fetchJS string

var (
	source = jsmod.New("node:internal/deps/undici/undici", fetchJS)
	key    = goja.NewSymbol("jsrun.fetch")
)

// GlobalNames lists the globals Globals gives.
var GlobalNames = []string{"fetch", "Headers", "Request", "Response"}

// Config is what fetch needs from the host.
type Config struct {
	// Loop gives a runtime's event loop (AbortSignal's classes run on
	// it). Required.
	Loop func(*goja.Runtime) *eventloop.Loop
	// Go runs work on a goroutine that rt's loop waits for, with a
	// context that ends when rt must stop, then runs what work returns on
	// rt's loop (engine.Runtime.Go). Required.
	Go func(rt *goja.Runtime, work func(ctx context.Context) func() error)
	// Client sends the requests; nil: http.DefaultClient. Its
	// CheckRedirect is replaced by fetch's redirect modes.
	Client *http.Client
	// Policy, if not nil, sees each request before it is sent, each
	// redirect hop included; its error fails the request.
	Policy func(*http.Request) error
	// Cwd and Inspect are url's (see node.Config).
	Cwd     func() string
	Inspect jsmod.Inspector
}

// Globals gives the installer of each global of GlobalNames. Nothing is
// built until an installer runs; the classes are built once per runtime.
func Globals(cfg Config) map[string]func(*goja.Runtime) error {
	c := newClients(cfg.Client, cfg.Policy)
	out := make(map[string]func(*goja.Runtime) error, len(GlobalNames))
	for _, name := range GlobalNames {
		out[name] = func(rt *goja.Runtime) error {
			exports, err := jsmod.PerRuntime(rt, key, func() (*goja.Object, error) { return load(rt, cfg, c) })
			if err != nil {
				return err
			}
			return rt.GlobalObject().Set(name, exports.Get(name))
		}
	}
	return out
}

func load(rt *goja.Runtime, cfg Config, c *clients) (*goja.Object, error) {
	signals, err := abort.For(rt, cfg.Loop(rt))
	if err != nil {
		return nil, err
	}
	urls, err := url.Exports(rt, cfg.Cwd, cfg.Inspect)
	if err != nil {
		return nil, err
	}
	natives := jsmod.Natives(rt, cfg.Inspect)
	_ = natives.Set("URL", urls.Get("URL"))
	_ = natives.Set("URLSearchParams", urls.Get("URLSearchParams"))
	set := func(name string, f func(goja.FunctionCall) goja.Value) {
		_ = natives.Set(name, jsutil.Func(rt, name, f))
	}
	set("encode", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(rt.NewArrayBuffer([]byte(c.Argument(0).String())))
	})
	set("decode", func(c goja.FunctionCall) goja.Value {
		ab, _ := c.Argument(0).Export().(goja.ArrayBuffer)
		return rt.ToValue(decode(ab.Bytes()))
	})
	set("isSignal", func(c goja.FunctionCall) goja.Value { return rt.ToValue(signals.IsSignal(c.Argument(0))) })
	set("newSignal", func(goja.FunctionCall) goja.Value {
		s, _ := signals.NewSignal()
		return s
	})
	set("onAbort", func(call goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(call.Argument(1))
		remove, err := signals.OnAbort(call.Argument(0).ToObject(rt), func(reason goja.Value) {
			if _, err := fn(goja.Undefined(), reason); err != nil {
				panic(err)
			}
		})
		jsmod.Throw(rt, "fetch", err)
		return jsutil.Func(rt, "remove", func(goja.FunctionCall) goja.Value {
			remove()
			return goja.Undefined()
		})
	})
	set("dataURL", func(call goja.FunctionCall) goja.Value {
		mime, body, ok := dataURL(call.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		res := &response{status: http.StatusOK, statusText: "OK", url: call.Argument(0).String(), headers: []any{"content-type", mime}, body: body}
		return res.value(rt)
	})
	set("send", func(call goja.FunctionCall) goja.Value {
		return send(rt, cfg, c, call)
	})
	exports := rt.NewObject()
	if err := source.Load(rt, exports, natives); err != nil {
		return nil, err
	}
	return exports, nil
}

// decode is the text of body as Response.text gives it: UTF-8, a leading
// BOM dropped, each bad byte U+FFFD.
func decode(body []byte) string {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if utf8.Valid(body) {
		return string(body)
	}
	return strings.ToValidUTF8(string(body), "\uFFFD")
}

// request is what send was given, taken from JavaScript on the loop.
type request struct {
	method, url, redirect string
	headers               []string
	body                  []byte
	hasBody               bool
}

// send starts a request: natives.send(method, url, headers, body,
// redirect, done). It returns a function that cancels it.
func send(rt *goja.Runtime, cfg Config, c *clients, call goja.FunctionCall) goja.Value {
	r := request{
		method:   call.Argument(0).String(),
		url:      call.Argument(1).String(),
		redirect: call.Argument(4).String(),
	}
	_ = rt.ExportTo(call.Argument(2), &r.headers)
	if ab, ok := call.Argument(3).Export().(goja.ArrayBuffer); ok {
		r.body, r.hasBody = bytes.Clone(ab.Bytes()), true
	}
	done, _ := goja.AssertFunction(call.Argument(5))
	var ab aborter
	cfg.Go(rt, func(parent context.Context) func() error {
		ctx, cancel := context.WithCancel(parent)
		defer cancel()
		if !ab.start(cancel) {
			return nil // aborted on the loop before it started
		}
		res, err := c.do(ctx, &r)
		return func() error {
			if err != nil {
				_, err = done(goja.Undefined(), failure(rt, err), goja.Null())
			} else {
				_, err = done(goja.Undefined(), goja.Null(), res.value(rt))
			}
			return err
		}
	})
	return jsutil.Func(rt, "cancel", func(goja.FunctionCall) goja.Value {
		ab.abort()
		return goja.Undefined()
	})
}

// aborter cancels a request from the loop, whether or not its goroutine
// has started.
type aborter struct {
	mu      sync.Mutex
	cancel  context.CancelFunc
	aborted bool
}

// start records cancel; false if the request was aborted already.
func (a *aborter) start(cancel context.CancelFunc) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.cancel = cancel
	return !a.aborted
}

func (a *aborter) abort() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.aborted = true
	if a.cancel != nil {
		a.cancel()
	}
}

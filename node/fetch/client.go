package fetch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/dop251/goja"
)

// maxRedirects is how many redirects a request follows, as Node's.
const maxRedirects = 20

var (
	errRedirect      = errors.New("unexpected redirect")
	errRedirectCount = errors.New("redirect count exceeded")
)

// clients are the one Client a Config gives, in fetch's three redirect
// modes, its Transport guarded by the policy. They are made once, with
// the Config's Globals.
type clients struct {
	follow, manual, fail http.Client
}

func newClients(base *http.Client, policy func(*http.Request) error) *clients {
	if base == nil {
		base = http.DefaultClient
	}
	c := &clients{follow: *base}
	if policy != nil {
		rt := base.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		c.follow.Transport = guarded{rt, policy}
	}
	c.manual, c.fail = c.follow, c.follow
	c.follow.CheckRedirect = func(_ *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return errRedirectCount
		}
		return nil
	}
	c.manual.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.fail.CheckRedirect = func(*http.Request, []*http.Request) error { return errRedirect }
	return c
}

// guarded asks the policy about every request it sends, redirects too.
type guarded struct {
	base   http.RoundTripper
	policy func(*http.Request) error
}

// denied is a policy's refusal.
type denied struct{ err error }

func (d *denied) Error() string { return d.err.Error() }
func (d *denied) Unwrap() error { return d.err }

func (g guarded) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := g.policy(req); err != nil {
		if req.Body != nil {
			_ = req.Body.Close() // a RoundTripper closes the body, even on error
		}
		return nil, &denied{err}
	}
	return g.base.RoundTrip(req)
}

// response is a finished request, taken to the loop.
type response struct {
	status     int
	statusText string
	url        string
	redirected bool
	headers    []any
	body       []byte
}

// do sends r under ctx and reads the whole response.
func (c *clients) do(ctx context.Context, r *request) (*response, error) {
	var body io.Reader
	if r.hasBody {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, r.url, body)
	if err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(r.headers); i += 2 {
		req.Header.Add(r.headers[i], r.headers[i+1])
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "jsrun")
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "*/*")
	}
	client := &c.follow
	switch r.redirect {
	case "manual":
		client = &c.manual
	case "error":
		client = &c.fail
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := &response{
		status:     resp.StatusCode,
		statusText: statusText(resp),
		url:        resp.Request.URL.String(),
		redirected: resp.Request.Response != nil,
		body:       data,
	}
	for name, values := range resp.Header {
		lower := strings.ToLower(name)
		for _, v := range values {
			out.headers = append(out.headers, lower, v)
		}
	}
	return out, nil
}

// statusText is the reason phrase the server sent ("200 OK" less "200 ").
func statusText(resp *http.Response) string {
	s := resp.Status
	if len(s) > 4 && s[3] == ' ' {
		return s[4:]
	}
	return ""
}

// value is r as natives.send's done receives it.
func (r *response) value(rt *goja.Runtime) goja.Value {
	o := rt.NewObject()
	_ = o.Set("status", r.status)
	_ = o.Set("statusText", r.statusText)
	_ = o.Set("url", r.url)
	_ = o.Set("redirected", r.redirected)
	_ = o.Set("headers", rt.NewArray(r.headers...))
	_ = o.Set("body", rt.NewArrayBuffer(r.body))
	return o
}

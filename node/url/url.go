// Package url is Node's url module and the globals URL and
// URLSearchParams, with fileURLToPath, pathToFileURL, domainToASCII and
// domainToUnicode. The legacy url.parse/format/resolve are not provided.
//
// Why not goja_nodejs's URL: it is Go's net/url (RFC 3986) under the
// WHATWG names, and differs from Node where scripts look: relative
// references resolve wrongly (new URL('../x', 'http://a/b/c/d') is
// http://a/x), an IPv6 hostname reads "[", origin drops the port, the
// path of mailto: or data: URLs is empty, url.searchParams does not write
// back to href, URLSearchParams.forEach passes (key, value) and '+' is
// not escaped, backslashes, surrounding spaces and out-of-range ports are
// not handled, and URL.canParse is missing. This package parses by the
// WHATWG URL Standard, as Node does (whatwg.go); IDNA is
// golang.org/x/net/idna.
//
// The classes are written in JavaScript (url.js); parsing and
// serializing are Go.
package url

import (
	_ "embed"
	"os"
	"runtime"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
	"golang.org/x/net/idna"
)

//go:embed url.js
var urlJS string

var (
	source = jsmod.New("node:url", urlJS)
	key    = goja.NewSymbol("jsrun.url")
)

// Globals names the globals Installers installs.
var Globals = []string{"URL", "URLSearchParams"}

// handle keeps a record inside a URL object; goja shows a script nothing
// of an unexported field.
type handle struct{ rec *record }

var idnaUnicode = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.CheckHyphens(false),
	idna.CheckJoiners(true), idna.BidiRule(), idna.VerifyDNSLength(false), idna.StrictDomainName(false))

func of(rt *goja.Runtime, cwd func() string, inspect jsmod.Inspector) (*goja.Object, error) {
	return jsmod.PerRuntime(rt, key, func() (*goja.Object, error) {
		natives := jsmod.Natives(rt, inspect)
		set := func(name string, f func(goja.FunctionCall) goja.Value) {
			_ = natives.Set(name, jsutil.Func(rt, name, f))
		}
		recOf := func(v goja.Value) *record {
			h, _ := v.Export().(*handle)
			if h == nil {
				panic(rt.NewTypeError("not a URL"))
			}
			return h.rec
		}
		// parse(input, base) is a handle, or 1 if base is not a URL, 2
		// if input is not.
		set("parse", func(c goja.FunctionCall) goja.Value {
			var base *record
			if b := c.Argument(1); !goja.IsUndefined(b) {
				var ok bool
				if base, ok = parse(b.String(), nil, nil, noOverride); !ok {
					return rt.ToValue(1)
				}
			}
			u, ok := parse(c.Argument(0).String(), base, nil, noOverride)
			if !ok {
				return rt.ToValue(2)
			}
			return rt.ToValue(&handle{u})
		})
		set("get", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(get(recOf(c.Argument(0)), c.Argument(1).String()))
		})
		set("set", func(c goja.FunctionCall) goja.Value {
			h, _ := c.Argument(0).Export().(*handle)
			return rt.ToValue(setComponent(h, c.Argument(1).String(), c.Argument(2).String()))
		})
		set("setQuery", func(c goja.FunctionCall) goja.Value {
			u := recOf(c.Argument(0))
			if q := c.Argument(1); goja.IsNull(q) {
				u.query = nil
			} else {
				u.query = strp(q.String())
			}
			return goja.Undefined()
		})
		set("query", func(c goja.FunctionCall) goja.Value {
			if q := recOf(c.Argument(0)).query; q != nil {
				return rt.ToValue(*q)
			}
			return rt.ToValue("")
		})
		set("parseForm", func(c goja.FunctionCall) goja.Value {
			pairs := parseForm(c.Argument(0).String())
			out := make([]any, len(pairs))
			for i, p := range pairs {
				out[i] = rt.NewArray(p[0], p[1])
			}
			return rt.NewArray(out...)
		})
		set("encodeForm", func(c goja.FunctionCall) goja.Value { return rt.ToValue(encodeForm(c.Argument(0).String())) })
		set("domainToASCII", func(c goja.FunctionCall) goja.Value {
			h, ok := parseHost(c.Argument(0).String(), false)
			if !ok {
				return rt.ToValue("")
			}
			return rt.ToValue(h)
		})
		set("domainToUnicode", func(c goja.FunctionCall) goja.Value {
			h, ok := parseHost(c.Argument(0).String(), false)
			if !ok {
				return rt.ToValue("")
			}
			u, err := idnaUnicode.ToUnicode(h)
			if err != nil {
				return rt.ToValue("")
			}
			return rt.ToValue(u)
		})
		set("cwd", func(goja.FunctionCall) goja.Value { return rt.ToValue(cwd()) })
		_ = natives.Set("platform", runtime.GOOS)
		exports := rt.NewObject()
		if err := source.Load(rt, exports, natives); err != nil {
			return nil, err
		}
		return exports, nil
	})
}

// get reads a component of a URL as its getter does.
func get(u *record, name string) string {
	switch name {
	case "href":
		return u.href(false)
	case "origin":
		return u.origin()
	case "protocol":
		return u.scheme + ":"
	case "username":
		return u.username
	case "password":
		return u.password
	case "host":
		if u.host == nil {
			return ""
		}
		if u.port >= 0 {
			return *u.host + ":" + itoa(u.port)
		}
		return *u.host
	case "hostname":
		if u.host == nil {
			return ""
		}
		return *u.host
	case "port":
		if u.port < 0 {
			return ""
		}
		return itoa(u.port)
	case "pathname":
		return u.pathString()
	case "search":
		if u.query == nil || *u.query == "" {
			return ""
		}
		return "?" + *u.query
	case "hash":
		if u.fragment == nil || *u.fragment == "" {
			return ""
		}
		return "#" + *u.fragment
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

// setComponent runs a setter as the standard does; it reports false only
// for an href that does not parse (the one setter that throws).
func setComponent(h *handle, name, value string) bool {
	u := h.rec
	// A setter parses into a copy, kept only if the parse succeeds.
	try := func(input string, st state) {
		c := u.clone()
		if r, ok := parse(input, nil, c, st); ok && r != nil {
			h.rec = r
		}
	}
	switch name {
	case "href":
		r, ok := parse(value, nil, nil, noOverride)
		if !ok {
			return false
		}
		h.rec = r
	case "protocol":
		try(value+":", schemeStartState)
	case "username":
		if !u.cannotHaveCredentialsOrPort() {
			u.username = encode(value, userinfoSet)
		}
	case "password":
		if !u.cannotHaveCredentialsOrPort() {
			u.password = encode(value, userinfoSet)
		}
	case "host":
		if !u.opaque {
			try(value, hostState)
		}
	case "hostname":
		if !u.opaque {
			try(value, hostnameState)
		}
	case "port":
		if u.cannotHaveCredentialsOrPort() {
			break
		}
		if value == "" {
			u.port = -1
		} else {
			try(value, portState)
		}
	case "pathname":
		if u.opaque {
			break
		}
		c := u.clone()
		c.path = nil
		if r, ok := parse(value, nil, c, pathStartState); ok {
			h.rec = r
		}
	case "search":
		if value == "" {
			u.query = nil
			break
		}
		if value[0] == '?' {
			value = value[1:]
		}
		c := u.clone()
		c.query = strp("")
		if r, ok := parse(value, nil, c, queryState); ok {
			h.rec = r
		}
	case "hash":
		if value == "" {
			u.fragment = nil
			break
		}
		if value[0] == '#' {
			value = value[1:]
		}
		c := u.clone()
		c.fragment = strp("")
		if r, ok := parse(value, nil, c, fragmentState); ok {
			h.rec = r
		}
	}
	return true
}

func defaultCwd() string {
	dir, err := os.Getwd()
	if err != nil {
		return "/"
	}
	return dir
}

// Loader is the loader of "url" (and "node:url"). cwd is where
// pathToFileURL resolves relative paths from (os.Getwd if nil); inspect
// formats values in messages.
func Loader(cwd func() string, inspect jsmod.Inspector) require.ModuleLoader {
	if cwd == nil {
		cwd = defaultCwd
	}
	return func(rt *goja.Runtime, module *goja.Object) {
		exports, err := of(rt, cwd, inspect)
		jsmod.Throw(rt, "url", err)
		_ = module.Set("exports", exports)
	}
}

// Installers installs the globals URL and URLSearchParams, the module's.
func Installers(cwd func() string, inspect jsmod.Inspector) map[string]func(*goja.Runtime) error {
	if cwd == nil {
		cwd = defaultCwd
	}
	out := map[string]func(*goja.Runtime) error{}
	for _, name := range Globals {
		out[name] = func(rt *goja.Runtime) error {
			exports, err := of(rt, cwd, inspect)
			if err != nil {
				return err
			}
			return rt.GlobalObject().Set(name, exports.Get(name))
		}
	}
	return out
}

// Exports is the module's exports in rt (built on the first call), for the
// packages that use its classes without the globals (fetch parses its
// URLs with URL).
func Exports(rt *goja.Runtime, cwd func() string, inspect jsmod.Inspector) (*goja.Object, error) {
	if cwd == nil {
		cwd = defaultCwd
	}
	return of(rt, cwd, inspect)
}

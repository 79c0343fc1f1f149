// Package webapi gives jsrun's runtimes the web globals Node has that do
// not depend on the host: TextEncoder and TextDecoder (utf-8, utf-16le and
// windows-1252, which is also latin1 and ascii, under the WHATWG Encoding
// Standard's labels; windows-1252 decodes as Node decodes it, each byte to
// the code point of its value), atob and btoa, and performance (now,
// timeOrigin, toJSON; no marks or measures). The classes are written in JavaScript
// (webapi.js), the codecs in Go.
//
// Each global is installed on its own (see Installers), so that a
// runtime pays only for what its code names; all share one instance of
// the module per runtime.
package webapi

import (
	_ "embed"
	"encoding/base64"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/internal/textcodec"
)

//go:embed webapi.js
var webapiJS string

var (
	source = jsmod.New("node:internal/webapi", webapiJS)
	key    = goja.NewSymbol("jsrun.webapi")
)

// Globals names the globals Installers installs.
var Globals = []string{"TextEncoder", "TextDecoder", "atob", "btoa", "performance"}

// Installers returns an installer for each of Globals. loop gives a
// runtime's event loop (DOMException comes from internal/abort, which
// needs it); inspect formats values in messages.
func Installers(loop func(*goja.Runtime) *eventloop.Loop, inspect jsmod.Inspector) map[string]func(*goja.Runtime) error {
	out := make(map[string]func(*goja.Runtime) error, len(Globals))
	for _, name := range Globals {
		out[name] = func(rt *goja.Runtime) error {
			exports, err := jsmod.PerRuntime(rt, key, func() (*goja.Object, error) { return load(rt, loop(rt), inspect) })
			if err != nil {
				return err
			}
			return rt.GlobalObject().Set(name, exports.Get(name))
		}
	}
	return out
}

func load(rt *goja.Runtime, loop *eventloop.Loop, inspect jsmod.Inspector) (*goja.Object, error) {
	natives := jsmod.Natives(rt, inspect)
	set := func(name string, f func(goja.FunctionCall) goja.Value) {
		_ = natives.Set(name, jsutil.Func(rt, name, f))
	}
	set("encode", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(rt.NewArrayBuffer([]byte(c.Argument(0).String())))
	})
	set("encodeInto", func(c goja.FunctionCall) goja.Value {
		var dest []byte
		if err := rt.ExportTo(c.Argument(1), &dest); err != nil {
			panic(err)
		}
		read, written := encodeInto(c.Argument(0).String(), dest)
		return rt.NewArray(read, written)
	})
	set("decoder", func(c goja.FunctionCall) goja.Value {
		d := textcodec.NewTextDecoder(c.Argument(0).String(), c.Argument(1).ToBoolean(), c.Argument(2).ToBoolean())
		return jsutil.Func(rt, "decode", func(c goja.FunctionCall) goja.Value {
			var bytes []byte
			if err := rt.ExportTo(c.Argument(0), &bytes); err != nil {
				panic(err)
			}
			s, ok := d.Decode(bytes, c.Argument(1).ToBoolean())
			if !ok {
				return goja.Null()
			}
			return rt.ToValue(s)
		})
	})
	set("atob", func(c goja.FunctionCall) goja.Value { return atob(rt, c.Argument(0).String()) })
	set("btoa", func(c goja.FunctionCall) goja.Value {
		s, ok := btoa(c.Argument(0).String())
		if !ok {
			return goja.Null()
		}
		return rt.ToValue(s)
	})
	// DOMException's classes are built only when an error needs one.
	set("domException", func(c goja.FunctionCall) goja.Value {
		signals, err := abort.For(rt, loop)
		jsmod.Throw(rt, "DOMException", err)
		return signals.DOMException(c.Argument(0).String(), c.Argument(1).String())
	})
	origin := time.Now()
	_ = natives.Set("timeOrigin", float64(origin.UnixMicro())/1e3)
	set("now", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(float64(time.Since(origin).Nanoseconds()) / 1e6)
	})
	exports := rt.NewObject()
	if err := source.Load(rt, exports, natives); err != nil {
		return nil, err
	}
	return exports, nil
}

// encodeInto writes the UTF-8 of s into dest, whole characters only, and
// reports the UTF-16 units read and the bytes written.
func encodeInto(s string, dest []byte) (read, written int) {
	for _, r := range s {
		n := utf8.RuneLen(r)
		if written+n > len(dest) {
			break
		}
		utf8.EncodeRune(dest[written:], r)
		written += n
		read++
		if r >= 0x10000 {
			read++
		}
	}
	return read, written
}

// atob's failures, as webapi.js reads them.
const (
	invalidCharacter = 1
	notEncoded       = 2
)

// atob decodes forgiving base64 (the WHATWG rule Node follows: ASCII
// whitespace is skipped, padding is optional but must be right) to a
// string of one character per byte.
func atob(rt *goja.Runtime, s string) goja.Value {
	var clean strings.Builder
	equals := 0
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\f' || r == '\r' || r == ' ':
			continue
		case r == '=':
			equals++
			if equals > 2 {
				return rt.ToValue(invalidCharacter)
			}
		case r < 0x80 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '+' || r == '/'):
			if equals > 0 {
				return rt.ToValue(invalidCharacter) // data after padding
			}
		default:
			return rt.ToValue(invalidCharacter)
		}
		clean.WriteRune(r)
	}
	n := clean.Len()
	rest := n % 4
	if rest == 0 {
		rest = (n - equals) % 4
	} else if equals > 0 {
		return rt.ToValue(invalidCharacter)
	}
	if rest == 1 {
		return rt.ToValue(notEncoded)
	}
	data := strings.TrimRight(clean.String(), "=")
	// Go's decoder, not strict, ignores unused bits that are set, as
	// Node does; the checks above leave it nothing else to refuse.
	bytes, _ := base64.RawStdEncoding.DecodeString(data)
	out := make([]rune, len(bytes))
	for i, b := range bytes {
		out[i] = rune(b)
	}
	return rt.ToValue(string(out))
}

// btoa encodes a string of characters up to U+00FF, one byte each, as
// base64; it reports false for a character past that.
func btoa(s string) (string, bool) {
	bytes := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF {
			return "", false
		}
		bytes = append(bytes, byte(r))
	}
	return base64.StdEncoding.EncodeToString(bytes), true
}

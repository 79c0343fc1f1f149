// Package buffer is Node's buffer module and its global Buffer: a
// Uint8Array subclass with Node's statics (from, alloc, allocUnsafe,
// byteLength, compare, concat, isBuffer, isEncoding, of), methods
// (toString, write, fill, indexOf, includes, copy, compare, equals, slice
// that shares memory, toJSON, swaps, and every read/write of numbers) and
// encodings (utf8, hex, base64, base64url, latin1/binary, ascii,
// ucs2/utf16le), with Node's errors. util.inspect shows a Buffer as
// <Buffer 68 69> through the nodejs.util.inspect.custom method.
//
// Why not goja_nodejs's Buffer: its constructor cannot take a length, so
// every method that makes a new typed array through the species
// constructor (slice, map, filter, Buffer.of) throws; it lacks isBuffer,
// byteLength, copy, compare, toJSON, string fill and indexOf, and the
// latin1, ascii, utf16le and base64url encodings; and its argument errors
// are not Node's (no "Received ...", other wording for ranges). Keeping it
// would have meant replacing nearly all of it. Its Go helpers
// (buffer.WrapBytes) still work with this Buffer: they call Buffer.from.
//
// The class is written in JavaScript (buffer.js), the codecs in Go.
package buffer

import (
	"bytes"
	_ "embed"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
)

//go:embed buffer.js
var bufferJS string

var (
	source = jsmod.New("node:buffer", bufferJS)
	key    = goja.NewSymbol("jsrun.buffer")
)

// module is a runtime's buffer module: its exports, and what Go uses.
type module struct {
	exports *goja.Object
	wrap    goja.Callable
}

// of loads the module in rt once, with inspect formatting values in
// messages.
func of(rt *goja.Runtime, inspect jsmod.Inspector) (*goja.Object, error) {
	return jsmod.PerRuntime(rt, key, func() (*goja.Object, error) {
		natives := jsmod.Natives(rt, inspect)
		set := func(name string, f func(goja.FunctionCall) goja.Value) {
			_ = natives.Set(name, jsutil.Func(rt, name, f))
		}
		bytesArg := func(c goja.FunctionCall, i int) []byte {
			var b []byte
			if err := rt.ExportTo(c.Argument(i), &b); err != nil {
				panic(rt.NewTypeError("not a Uint8Array"))
			}
			return b
		}
		set("fromString", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(rt.NewArrayBuffer(encode(c.Argument(0), c.Argument(1).String())))
		})
		set("toString", func(c goja.FunctionCall) goja.Value {
			return decode(rt, bytesArg(c, 0), c.Argument(1).String())
		})
		set("byteLength", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(byteLength(c.Argument(0), c.Argument(1).String()))
		})
		set("write", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(write(bytesArg(c, 0), c.Argument(1), c.Argument(2).String()))
		})
		set("compare", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(bytes.Compare(bytesArg(c, 0), bytesArg(c, 1)))
		})
		set("indexOf", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(indexOf(bytesArg(c, 0), bytesArg(c, 1), c.Argument(2).ToInteger(), c.Argument(3).ToBoolean()))
		})
		set("isUtf8", func(c goja.FunctionCall) goja.Value { return rt.ToValue(utf8.Valid(bytesArg(c, 0))) })
		set("isAscii", func(c goja.FunctionCall) goja.Value {
			for _, b := range bytesArg(c, 0) {
				if b >= 0x80 {
					return rt.ToValue(false)
				}
			}
			return rt.ToValue(true)
		})
		exports := rt.NewObject()
		if err := source.Load(rt, exports, natives); err != nil {
			return nil, err
		}
		holder := rt.NewObject()
		_ = holder.Set("exports", exports)
		_ = holder.Set("wrap", natives.Get("wrap"))
		return holder, nil
	})
}

// Loader is the loader of "buffer" (and "node:buffer"); inspect formats
// values in messages.
func Loader(inspect jsmod.Inspector) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		m, err := of(rt, inspect)
		jsmod.Throw(rt, "buffer", err)
		_ = module.Set("exports", m.Get("exports"))
	}
}

// Install installs the global Buffer: the module's, as in Node.
func Install(inspect jsmod.Inspector) func(*goja.Runtime) error {
	return func(rt *goja.Runtime) error {
		m, err := of(rt, inspect)
		if err != nil {
			return err
		}
		return rt.GlobalObject().Set("Buffer", m.Get("exports").ToObject(rt).Get("Buffer"))
	}
}

// Wrap makes a Buffer of data (which it keeps: the Buffer shares its
// memory), for Go code that returns bytes to a script (crypto, fs).
func Wrap(rt *goja.Runtime, data []byte) (goja.Value, error) {
	m, err := of(rt, nil)
	if err != nil {
		return nil, err
	}
	wrap, _ := goja.AssertFunction(m.Get("wrap"))
	return wrap(goja.Undefined(), rt.ToValue(rt.NewArrayBuffer(data)))
}

// indexOf finds needle in hay from byteOffset (negative: from the end),
// forwards or, with last, backwards, as buf.indexOf and lastIndexOf do.
func indexOf(hay, needle []byte, byteOffset int64, last bool) int {
	n := int64(len(hay))
	if byteOffset < 0 {
		byteOffset += n
	}
	if !last {
		if byteOffset < 0 {
			byteOffset = 0
		}
		if byteOffset > n {
			if len(needle) == 0 {
				return int(n)
			}
			return -1
		}
		i := bytes.Index(hay[byteOffset:], needle)
		if i < 0 {
			return -1
		}
		return i + int(byteOffset)
	}
	if byteOffset < 0 {
		return -1
	}
	end := byteOffset + int64(len(needle))
	if end > n {
		end = n
	}
	return bytes.LastIndex(hay[:end], needle)
}

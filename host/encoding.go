package host

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/node/buffer"
)

// fs's bytes are Buffers and its encodings Buffer's, as in Node: both
// come from the runtime's buffer module (required first, so that it is
// built with the host's util.inspect).

// bufferClass is the runtime's Buffer.
func bufferClass(rt *goja.Runtime) *goja.Object {
	return require.Require(rt, "buffer").ToObject(rt).Get("Buffer").ToObject(rt)
}

// knownEncoding tells an encoding Buffer knows.
func (h *Host) knownEncoding(rt *goja.Runtime, enc string) bool {
	is, _ := goja.AssertFunction(bufferClass(rt).Get("isEncoding"))
	v, err := is(goja.Undefined(), rt.ToValue(enc))
	return err == nil && v.ToBoolean()
}

// encode is s in encoding enc ("" for UTF-8).
func (h *Host) encode(rt *goja.Runtime, s, enc string) []byte {
	if enc == "" || enc == "utf8" || enc == "utf-8" {
		return []byte(s)
	}
	b := bufferClass(rt)
	from, _ := goja.AssertFunction(b.Get("from"))
	v, err := from(b, rt.ToValue(s), rt.ToValue(enc))
	jsmod.Throw(rt, "fs", err)
	data, _ := bytesOf(v)
	return data
}

// bytesOrString is b as a script gets it: a Buffer (sharing b), or a
// string decoded from enc.
func (h *Host) bytesOrString(rt *goja.Runtime, b []byte, enc string) goja.Value {
	bufferClass(rt) // the module, built with the host's inspect
	v, err := buffer.Wrap(rt, b)
	jsmod.Throw(rt, "fs", err)
	if enc == "" {
		return v
	}
	toString, _ := goja.AssertFunction(v.ToObject(rt).Get("toString"))
	s, err := toString(v, rt.ToValue(enc))
	jsmod.Throw(rt, "fs", err)
	return s
}

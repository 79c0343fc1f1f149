package host

import (
	"strings"

	"github.com/dop251/goja"
)

// knownEncoding tells an encoding fs takes.
func (h *Host) knownEncoding(enc string) bool { return enc == "utf8" || enc == "utf-8" }

// encode is s in encoding enc ("" for UTF-8).
func (h *Host) encode(rt *goja.Runtime, s, enc string) []byte { return []byte(s) }

// bytesOrString is b as a script gets it: bytes, or a string decoded from
// enc.
func (h *Host) bytesOrString(rt *goja.Runtime, b []byte, enc string) goja.Value {
	if enc != "" {
		return rt.ToValue(strings.ToValidUTF8(string(b), "\uFFFD"))
	}
	u8, err := rt.New(rt.Get("Uint8Array"), rt.ToValue(rt.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return u8
}

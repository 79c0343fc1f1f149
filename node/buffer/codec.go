package buffer

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/textcodec"
)

// The encodings, as buffer.js normalizes their names.
const (
	encUTF8      = "utf8"
	encHex       = "hex"
	encBase64    = "base64"
	encBase64URL = "base64url"
	encLatin1    = "latin1"
	encASCII     = "ascii"
	encUTF16LE   = "utf16le"
)

// units are the UTF-16 code units of a JavaScript string, lone surrogates
// included (latin1 and utf16le need them; utf8 turns them into U+FFFD).
func units(s goja.Value) []uint16 {
	str, ok := s.(goja.String)
	if !ok {
		str, _ = s.ToString().(goja.String)
	}
	if str == nil {
		return nil
	}
	n := str.Length()
	out := make([]uint16, n)
	for i := 0; i < n; i++ {
		out[i] = str.CharAt(i)
	}
	return out
}

// encode is what Buffer.from(s, enc) holds.
func encode(s goja.Value, enc string) []byte {
	switch enc {
	case encHex:
		return decodeHex(s.String())
	case encBase64, encBase64URL:
		return decodeBase64(s.String())
	case encLatin1, encASCII:
		u := units(s)
		out := make([]byte, len(u))
		for i, c := range u {
			out[i] = byte(c)
		}
		return out
	case encUTF16LE:
		u := units(s)
		out := make([]byte, 2*len(u))
		for i, c := range u {
			out[2*i], out[2*i+1] = byte(c), byte(c>>8)
		}
		return out
	}
	return []byte(s.String())
}

// byteLength is Buffer.byteLength(s, enc): exact for utf8, latin1 and
// utf16le; for hex and base64 the estimate Node makes from the length.
func byteLength(s goja.Value, enc string) int {
	switch enc {
	case encHex:
		return len(units(s)) / 2
	case encBase64, encBase64URL:
		str := s.String()
		n := len(units(s))
		if strings.HasSuffix(str, "=") {
			n--
			if strings.HasSuffix(str[:len(str)-1], "=") {
				n--
			}
		}
		return n * 3 >> 2
	case encLatin1, encASCII:
		return len(units(s))
	case encUTF16LE:
		return 2 * len(units(s))
	}
	return len(s.String())
}

// decodeHex decodes pairs of hex digits up to the first pair that is not
// one, as Node does (an odd digit at the end is dropped).
func decodeHex(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		b, err := hex.DecodeString(s[i : i+2])
		if err != nil {
			break
		}
		out = append(out, b[0])
	}
	return out
}

// b64 maps both base64 alphabets (standard and URL) to their values.
var b64 = func() (m [256]int8) {
	for i := range m {
		m[i] = -1
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		m[std[i]] = int8(i)
	}
	m['-'], m['_'] = 62, 63
	return m
}()

// decodeBase64 decodes base64 as Node does: either alphabet, characters
// outside it skipped, up to the first '='.
func decodeBase64(s string) []byte {
	out := make([]byte, 0, len(s)*3/4)
	var acc uint32
	bits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		v := b64[c]
		if v < 0 {
			continue
		}
		acc = acc<<6 | uint32(v)
		bits += 6
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	return out
}

// decode is buf.toString(enc).
func decode(rt *goja.Runtime, b []byte, enc string) goja.Value {
	switch enc {
	case encHex:
		return rt.ToValue(hex.EncodeToString(b))
	case encBase64:
		return rt.ToValue(base64.StdEncoding.EncodeToString(b))
	case encBase64URL:
		return rt.ToValue(base64.RawURLEncoding.EncodeToString(b))
	case encLatin1, encASCII:
		mask := byte(0xFF)
		if enc == encASCII {
			mask = 0x7F
		}
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c & mask)
		}
		return goja.StringFromUTF16(u)
	case encUTF16LE:
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(u)
	}
	return rt.ToValue(textcodec.UTF8(b))
}

// write is buf.write(s, enc) into b: whole characters only, as many as
// fit; it returns the bytes written.
func write(b []byte, s goja.Value, enc string) int {
	switch enc {
	case encUTF8:
		n := 0
		for _, r := range s.String() {
			size := utf8.RuneLen(r)
			if size < 0 {
				r, size = utf8.RuneError, 3
			}
			if n+size > len(b) {
				break
			}
			utf8.EncodeRune(b[n:], r)
			n += size
		}
		return n
	case encUTF16LE:
		u := units(s)
		n := 0
		for _, c := range u {
			if n+2 > len(b) {
				break
			}
			b[n], b[n+1] = byte(c), byte(c>>8)
			n += 2
		}
		return n
	}
	return copy(b, encode(s, enc))
}

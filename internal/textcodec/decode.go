// Package textcodec holds the text decoders of the WHATWG Encoding
// Standard that Node's TextDecoder and Buffer follow: Go's own UTF-8
// decoding replaces invalid input differently (one U+FFFD per byte rather
// than per maximal invalid sequence).
package textcodec

import (
	"strings"
	"unicode/utf8"
)

// decoder is one TextDecoder's state, kept between calls with {stream:
// true}.
type decoder interface {
	// decode appends what bytes decode to out; it reports false on the
	// first error when fatal. flush ends the stream.
	decode(out *strings.Builder, bytes []byte, flush, fatal bool) bool
	reset()
}

const replacement = '\uFFFD'

// utf8Decoder is the standard's UTF-8 decoder.
type utf8Decoder struct {
	needed, seen int
	cp           rune
	lower, upper byte
}

func (d *utf8Decoder) reset() { *d = utf8Decoder{lower: 0x80, upper: 0xBF} }

func (d *utf8Decoder) decode(out *strings.Builder, bytes []byte, flush, fatal bool) bool {
	if d.lower == 0 {
		d.reset()
	}
	for i := 0; i < len(bytes); i++ {
		b := bytes[i]
		if d.needed == 0 {
			switch {
			case b < 0x80:
				out.WriteByte(b)
			case b >= 0xC2 && b <= 0xDF:
				d.needed, d.cp = 1, rune(b&0x1F)
			case b >= 0xE0 && b <= 0xEF:
				if b == 0xE0 {
					d.lower = 0xA0
				} else if b == 0xED {
					d.upper = 0x9F
				}
				d.needed, d.cp = 2, rune(b&0xF)
			case b >= 0xF0 && b <= 0xF4:
				if b == 0xF0 {
					d.lower = 0x90
				} else if b == 0xF4 {
					d.upper = 0x8F
				}
				d.needed, d.cp = 3, rune(b&0x7)
			default:
				if fatal {
					return false
				}
				out.WriteRune(replacement)
			}
			continue
		}
		if b < d.lower || b > d.upper {
			// The sequence so far is one error; b starts anew.
			d.reset()
			if fatal {
				return false
			}
			out.WriteRune(replacement)
			i--
			continue
		}
		d.lower, d.upper = 0x80, 0xBF
		d.cp = d.cp<<6 | rune(b&0x3F)
		d.seen++
		if d.seen == d.needed {
			out.WriteRune(d.cp)
			d.reset()
		}
	}
	if flush && d.needed != 0 {
		d.reset()
		if fatal {
			return false
		}
		out.WriteRune(replacement)
	}
	return true
}

// utf16Decoder is the standard's UTF-16LE decoder.
type utf16Decoder struct {
	leadByte      int // -1: none
	leadSurrogate rune
}

func (d *utf16Decoder) reset() { *d = utf16Decoder{leadByte: -1} }

func (d *utf16Decoder) decode(out *strings.Builder, bytes []byte, flush, fatal bool) bool {
	for _, b := range bytes {
		if d.leadByte < 0 {
			d.leadByte = int(b)
			continue
		}
		unit := rune(d.leadByte) | rune(b)<<8
		d.leadByte = -1
		if d.leadSurrogate != 0 {
			lead := d.leadSurrogate
			d.leadSurrogate = 0
			if unit >= 0xDC00 && unit <= 0xDFFF {
				out.WriteRune(0x10000 + (lead-0xD800)<<10 + (unit - 0xDC00))
				continue
			}
			if fatal {
				d.reset()
				return false
			}
			out.WriteRune(replacement)
		}
		switch {
		case unit >= 0xD800 && unit <= 0xDBFF:
			d.leadSurrogate = unit
		case unit >= 0xDC00 && unit <= 0xDFFF:
			if fatal {
				d.reset()
				return false
			}
			out.WriteRune(replacement)
		default:
			out.WriteRune(unit)
		}
	}
	if flush && (d.leadByte >= 0 || d.leadSurrogate != 0) {
		d.reset()
		if fatal {
			return false
		}
		out.WriteRune(replacement)
	}
	return true
}

// windows1252Decoder is what Node does for windows-1252 (also named
// latin1 and ascii): each byte is the code point of the same number, as in
// ISO-8859-1, not the standard's windows-1252 table (0x80 is U+0080, not
// the euro sign). Node is the oracle.
type windows1252Decoder struct{}

func (windows1252Decoder) reset() {}

func (windows1252Decoder) decode(out *strings.Builder, bytes []byte, _, _ bool) bool {
	for _, b := range bytes {
		out.WriteRune(rune(b))
	}
	return true
}

// TextDecoder is a decoder with the BOM handling of TextDecoder.decode.
type TextDecoder struct {
	dec       decoder
	fatal     bool
	ignoreBOM bool
	bomSeen   bool // the start of the stream is past
}

// NewTextDecoder makes a decoder for encoding (utf-8, utf-16le or
// windows-1252; anything else is utf-8).
func NewTextDecoder(encoding string, fatal, ignoreBOM bool) *TextDecoder {
	var dec decoder
	switch encoding {
	case "utf-16le":
		dec = &utf16Decoder{}
	case "windows-1252":
		dec = windows1252Decoder{}
	default:
		dec = &utf8Decoder{}
	}
	dec.reset()
	return &TextDecoder{dec: dec, fatal: fatal, ignoreBOM: ignoreBOM}
}

// Decode decodes bytes, or reports false if fatal and they are invalid;
// with stream, an incomplete sequence at the end waits for the next call.
func (t *TextDecoder) Decode(bytes []byte, stream bool) (string, bool) {
	var out strings.Builder
	out.Grow(len(bytes))
	ok := t.dec.decode(&out, bytes, !stream, t.fatal)
	s := out.String()
	if !ok {
		t.dec.reset()
		t.bomSeen = false
		return "", false
	}
	if !t.bomSeen && len(s) > 0 {
		t.bomSeen = true
		if !t.ignoreBOM {
			if r, size := utf8.DecodeRuneInString(s); r == 0xFEFF {
				s = s[size:]
			}
		}
	}
	if !stream {
		t.bomSeen = false
	}
	return s, true
}

// UTF8 decodes b as UTF-8, each maximal invalid sequence becoming one
// U+FFFD, as V8 and the Encoding Standard do; a BOM is kept.
func UTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b) + 8)
	d := &utf8Decoder{}
	d.reset()
	d.decode(&out, b, true, false)
	return out.String()
}

package inspect

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ftoa"
)

func itoa(i int) string { return strconv.Itoa(i) }

// numberString is JavaScript's Number::toString (radix 10).
func numberString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	case f == math.Trunc(f) && math.Abs(f) < 1e21:
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	var buf [64]byte
	return string(ftoa.FToStr(f, ftoa.ModeStandard, 0, buf[:0]))
}

// formatNumber is Node's formatNumber: -0 prints as -0.
func (c *ctx) formatNumber(f float64, sep bool) string {
	if f == 0 && math.Signbit(f) {
		return c.stylize("-0", styleNumber)
	}
	s := numberString(f)
	if sep {
		s = numericSeparated(f, s)
	}
	return c.stylize(s, styleNumber)
}

func (c *ctx) formatBigInt(s string, sep bool) string {
	if sep {
		s = addSeparator(s)
	}
	return c.stylize(s+"n", styleBigInt)
}

// numericSeparated adds Node's numericSeparator underscores.
func numericSeparated(f float64, s string) string {
	if math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(s, "e") {
		return s
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := addSeparator(intPart)
	if hasFrac {
		var b strings.Builder
		i := 0
		for ; i < len(frac)-3; i += 3 {
			b.WriteString(frac[i : i+3])
			b.WriteByte('_')
		}
		b.WriteString(frac[i:])
		out += "." + b.String()
	}
	return out
}

func addSeparator(s string) string {
	start := 0
	if strings.HasPrefix(s, "-") {
		start = 1
	}
	i := len(s)
	res := ""
	for ; i >= start+4; i -= 3 {
		res = "_" + s[i-3:i] + res
	}
	return s[:i] + res
}

// jsString is a string primitive as goja holds it; UTF-16 aware where it
// matters (escaping lone surrogates, lengths Node measures in code units).
type jsString struct {
	v goja.String
	s string // UTF-8 form, with lone surrogates as U+FFFD
}

func newJSString(v goja.Value) jsString {
	gs, _ := v.(goja.String)
	return jsString{v: gs, s: v.String()}
}

// length is the string's length in UTF-16 code units.
func (j jsString) length() int {
	if j.v != nil {
		return j.v.Length()
	}
	return utf16Len(j.s)
}

func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			n++
			continue
		}
		for _, r := range s[i:] {
			if r >= 0x10000 {
				n += 2
			} else {
				n++
			}
		}
		return n
	}
	return n
}

// units returns the code units of j.
func (j jsString) units() []uint16 {
	if j.v == nil {
		return utf16.Encode([]rune(j.s))
	}
	n := j.v.Length()
	u := make([]uint16, n)
	for i := range u {
		u[i] = j.v.CharAt(i)
	}
	return u
}

// formatString is formatPrimitive for strings: truncated at
// maxStringLength, split into lines joined by " +\n" when long.
func (c *ctx) formatString(j jsString) string {
	n := j.length()
	trailer := ""
	if n > c.opts.MaxStringLength {
		rem := n - c.opts.MaxStringLength
		u := j.units()[:c.opts.MaxStringLength]
		j = jsString{v: goja.StringFromUTF16(u)}
		j.s = j.v.String()
		n = c.opts.MaxStringLength
		trailer = "... " + itoa(rem) + " more character" + plural(rem)
	}
	if c.opts.Compact != CompactTrue && n > 16 && n > c.opts.BreakLength-c.indentationLvl-4 {
		lines := splitAfterNewline(j)
		parts := make([]string, len(lines))
		for i, l := range lines {
			parts[i] = c.stylize(strEscape(l), styleString)
		}
		return strings.Join(parts, " +\n"+strings.Repeat(" ", c.indentationLvl+2)) + trailer
	}
	return c.stylize(strEscape(j), styleString) + trailer
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// splitAfterNewline splits j after each "\n", as /(?<=\n)/ does.
func splitAfterNewline(j jsString) []jsString {
	if !strings.Contains(j.s, "\n") {
		return []jsString{j}
	}
	if j.isWellFormed() {
		var out []jsString
		s := j.s
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 || i == len(s)-1 {
				out = append(out, jsString{s: s})
				return out
			}
			out = append(out, jsString{s: s[:i+1]})
			s = s[i+1:]
		}
	}
	u := j.units()
	var out []jsString
	start := 0
	for i, c := range u {
		if c == '\n' && i != len(u)-1 {
			out = append(out, fromUnits(u[start:i+1]))
			start = i + 1
		}
	}
	return append(out, fromUnits(u[start:]))
}

func fromUnits(u []uint16) jsString {
	v := goja.StringFromUTF16(u)
	return jsString{v: v, s: v.String()}
}

// isWellFormed reports whether j has no lone surrogate, so its UTF-8 form
// is exact.
func (j jsString) isWellFormed() bool {
	if j.v == nil || !strings.ContainsRune(j.s, '\uFFFD') {
		return true
	}
	return !hasLoneSurrogate(j.units())
}

func hasLoneSurrogate(u []uint16) bool {
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= 0xd800 && c <= 0xdbff && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] <= 0xdfff {
			i++
			continue
		}
		if c >= 0xd800 && c <= 0xdfff {
			return true
		}
	}
	return false
}

const hexDigits = "0123456789ABCDEF"

// strEscape quotes a string as Node does: single quotes unless the string
// holds one (then double quotes, then backticks), escaping control
// characters, C1 controls, the backslash, the chosen quote and lone
// surrogates.
func strEscape(j jsString) string {
	s := j.s
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			quote = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			quote = '`'
		}
	}
	if !needsEscape(s, quote) && j.isWellFormed() {
		return string(quote) + s + string(quote)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteByte(quote)
	if j.isWellFormed() {
		for _, r := range s {
			escapeRune(&b, r, quote)
		}
	} else {
		u := j.units()
		for i := 0; i < len(u); i++ {
			c := u[i]
			if c >= 0xd800 && c <= 0xdbff && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] <= 0xdfff {
				b.WriteRune(utf16.DecodeRune(rune(c), rune(u[i+1])))
				i++
				continue
			}
			if c >= 0xd800 && c <= 0xdfff {
				b.WriteString(`\u` + strconv.FormatInt(int64(c), 16))
				continue
			}
			escapeRune(&b, rune(c), quote)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func needsEscape(s string, quote byte) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '\\' || c == 0x7f || (c == quote && quote == '\'') {
			return true
		}
		if c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

func escapeRune(b *strings.Builder, r rune, quote byte) {
	switch {
	case r == '\'' && quote == '\'':
		b.WriteString(`\'`)
	case r == '\\':
		b.WriteString(`\\`)
	case r == '\b':
		b.WriteString(`\b`)
	case r == '\t':
		b.WriteString(`\t`)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\f':
		b.WriteString(`\f`)
	case r == '\r':
		b.WriteString(`\r`)
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		b.WriteString(`\x`)
		b.WriteByte(hexDigits[r>>4])
		b.WriteByte(hexDigits[r&15])
	default:
		b.WriteRune(r)
	}
}

// escapeKey escapes a key shown in brackets ([key] for non-enumerable ones,
// symbol descriptions): Node's strEscapeSequencesReplacer, which also
// escapes the single quote.
func escapeKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		escapeRune(&b, r, '\'')
	}
	return b.String()
}

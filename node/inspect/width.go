package inspect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stripVT removes ANSI escape sequences (the SGR codes stylize adds and
// the common CSI forms), as Node's stripVTControlCharacters does for them.
func stripVT(s string) string {
	if strings.IndexByte(s, 0x1b) < 0 && !strings.Contains(s, "\u009b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		start := -1
		if c == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			start = i + 2
		} else if c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9b {
			start = i + 2
		}
		if start < 0 {
			b.WriteByte(c)
			i++
			continue
		}
		j := start
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == '?') {
			j++
		}
		if j < len(s) && (s[j] >= 0x40 && s[j] <= 0x7e) {
			i = j + 1
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// stringWidth is the number of columns s takes in a terminal: Node's
// getStringWidth (zero for control and combining characters, two for
// East Asian wide ones and emoji).
func stringWidth(s string, removeControl bool) int {
	if removeControl {
		s = stripVT(s)
	}
	w := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return w + wideWidth(s[i:])
		}
		if c >= 32 && c != 127 {
			w++
		}
	}
	return w
}

func wideWidth(s string) int {
	w := 0
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case isZeroWidth(r):
		case isFullWidth(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

func isZeroWidth(r rune) bool {
	return r <= 0x1f || (r >= 0x7f && r <= 0x9f) || unicode.Is(unicode.Mn, r) ||
		(r >= 0x200b && r <= 0x200f) || (r >= 0xfe00 && r <= 0xfe0f) ||
		(r >= 0xe0100 && r <= 0xe01ef)
}

func isFullWidth(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0x3247 && r != 0x303f) ||
		(r >= 0x3250 && r <= 0x4dbf) ||
		(r >= 0x4e00 && r <= 0xa4c6) ||
		(r >= 0xa960 && r <= 0xa97c) ||
		(r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe10 && r <= 0xfe19) ||
		(r >= 0xfe30 && r <= 0xfe6b) ||
		(r >= 0xff01 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) ||
		(r >= 0x1b000 && r <= 0x1b001) ||
		(r >= 0x1f200 && r <= 0x1f251) ||
		(r >= 0x1f300 && r <= 0x1f64f) ||
		(r >= 0x1f900 && r <= 0x1f9ff) ||
		(r >= 0x20000 && r <= 0x3fffd))
}

// jsLen is a string's length in UTF-16 code units, what Node compares
// with breakLength.
func jsLen(s string) int { return utf16Len(s) }

// StringWidth is the number of terminal columns s takes, escape sequences
// removed: Node's getStringWidth.
func StringWidth(s string) int { return stringWidth(s, true) }

// StripVT removes ANSI escape sequences: util.stripVTControlCharacters.
func StripVT(s string) string { return stripVT(s) }

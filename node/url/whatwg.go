package url

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jsrun/jsrun/internal/textcodec"
	"golang.org/x/net/idna"
)

// record is a URL as the WHATWG URL Standard defines it, which Node's URL
// follows. Go's net/url parses by RFC 3986, which differs on
// backslashes, hosts (IPv4 numbers, IDNA), default ports, dot segments
// and percent-encoding, so this parser is written from the standard.
type record struct {
	scheme, username, password string
	host                       *string // nil: null host
	port                       int     // -1: null
	path                       []string
	opaque                     bool   // the path is opaque (mailto:x)
	opaquePath                 string // the path, when opaque
	query, fragment            *string
}

func (u *record) clone() *record {
	c := *u
	c.path = append([]string(nil), u.path...)
	return &c
}

func strp(s string) *string { return &s }

var specialPorts = map[string]int{"ftp": 21, "file": -1, "http": 80, "https": 443, "ws": 80, "wss": 443}

func isSpecial(scheme string) bool { _, ok := specialPorts[scheme]; return ok }

func (u *record) special() bool { return isSpecial(u.scheme) }

func (u *record) includesCredentials() bool { return u.username != "" || u.password != "" }

func (u *record) cannotHaveCredentialsOrPort() bool {
	return u.host == nil || *u.host == "" || u.scheme == "file"
}

// Percent-encode sets, as predicates on a byte (of UTF-8).
func c0Control(b byte) bool { return b < 0x20 || b > 0x7E }
func fragmentSet(b byte) bool {
	return c0Control(b) || b == ' ' || b == '"' || b == '<' || b == '>' || b == '`'
}
func querySet(b byte) bool {
	return c0Control(b) || b == ' ' || b == '"' || b == '#' || b == '<' || b == '>'
}
func specialQuerySet(b byte) bool { return querySet(b) || b == '\'' }
func pathSet(b byte) bool         { return querySet(b) || b == '?' || b == '`' || b == '{' || b == '}' }
func userinfoSet(b byte) bool {
	return pathSet(b) || strings.IndexByte("/:;=@[\\]^|", b) >= 0
}
func componentSet(b byte) bool { return userinfoSet(b) || strings.IndexByte("$%&+,", b) >= 0 }
func formSet(b byte) bool      { return componentSet(b) || strings.IndexByte("!'()~", b) >= 0 }

const upperhex = "0123456789ABCDEF"

// encode percent-encodes the UTF-8 of s with set.
func encode(s string, set func(byte) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if set(c) {
			b.WriteByte('%')
			b.WriteByte(upperhex[c>>4])
			b.WriteByte(upperhex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func encodeRune(r rune, set func(byte) bool) string {
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	return encode(string(buf[:n]), set)
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// percentDecode decodes %XX sequences; others stay as they are.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && unhex(s[i+1]) >= 0 && unhex(s[i+2]) >= 0 {
			out = append(out, byte(unhex(s[i+1])<<4|unhex(s[i+2])))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isASCIIAlpha(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWindowsDriveLetter(s string, normalized bool) bool {
	if len(s) != 2 || !isASCIIAlpha(rune(s[0])) {
		return false
	}
	return s[1] == ':' || !normalized && s[1] == '|'
}

// startsWithDriveLetter: the code points from here start with a Windows
// drive letter that ends the segment.
func startsWithDriveLetter(rs []rune) bool {
	if len(rs) < 2 || !isASCIIAlpha(rs[0]) || (rs[1] != ':' && rs[1] != '|') {
		return false
	}
	return len(rs) == 2 || strings.ContainsRune("/\\?#", rs[2])
}

func (u *record) shortenPath() {
	if u.scheme == "file" && len(u.path) == 1 && isWindowsDriveLetter(u.path[0], true) {
		return
	}
	if len(u.path) > 0 {
		u.path = u.path[:len(u.path)-1]
	}
}

func isSingleDot(s string) bool { return s == "." || strings.EqualFold(s, "%2e") }
func isDoubleDot(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

type state int

const (
	noOverride state = iota
	schemeStartState
	schemeState
	noSchemeState
	specialRelativeOrAuthorityState
	pathOrAuthorityState
	relativeState
	relativeSlashState
	specialAuthoritySlashesState
	specialAuthorityIgnoreSlashesState
	authorityState
	hostState
	hostnameState
	portState
	fileState
	fileSlashState
	fileHostState
	pathStartState
	pathState
	opaquePathState
	queryState
	fragmentState
)

// parse is the standard's basic URL parser. With override, it changes u
// (a setter) and reports false on failure; without, it makes a record.
func parse(input string, base, u *record, override state) (*record, bool) {
	if u == nil {
		u = &record{port: -1}
		input = strings.TrimFunc(input, func(r rune) bool { return r <= 0x20 })
	}
	input = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, input)
	rs := []rune(input)
	st := override
	if st == noOverride {
		st = schemeStartState
	}
	var buf strings.Builder
	atSign, insideBrackets, passwordToken := false, false, false
	const eof = rune(-1)
	for p := 0; p <= len(rs); p++ {
		c := eof
		if p < len(rs) {
			c = rs[p]
		}
		rest := func(n int) []rune { // the code points after c
			if p+1+n > len(rs) {
				return rs[min(p+1, len(rs)):]
			}
			return rs[p+1 : p+1+n]
		}
		switch st {
		case schemeStartState:
			if isASCIIAlpha(c) {
				buf.WriteRune(c | 0x20)
				st = schemeState
			} else if override == noOverride {
				st = noSchemeState
				p--
			} else {
				return nil, false
			}
		case schemeState:
			if isASCIIAlpha(c) || isASCIIDigit(c) || c == '+' || c == '-' || c == '.' {
				if isASCIIAlpha(c) {
					c |= 0x20
				}
				buf.WriteRune(c)
			} else if c == ':' {
				scheme := buf.String()
				if override != noOverride {
					if u.special() != isSpecial(scheme) {
						return u, true
					}
					if (u.includesCredentials() || u.port >= 0) && scheme == "file" {
						return u, true
					}
					if u.scheme == "file" && u.host != nil && *u.host == "" {
						return u, true
					}
				}
				u.scheme = scheme
				if override != noOverride {
					if d, ok := specialPorts[u.scheme]; ok && d == u.port {
						u.port = -1
					}
					return u, true
				}
				buf.Reset()
				switch {
				case u.scheme == "file":
					st = fileState
				case u.special() && base != nil && base.scheme == u.scheme:
					st = specialRelativeOrAuthorityState
				case u.special():
					st = specialAuthoritySlashesState
				case len(rest(1)) == 1 && rest(1)[0] == '/':
					st = pathOrAuthorityState
					p++
				default:
					u.opaque, u.opaquePath = true, ""
					st = opaquePathState
				}
			} else if override == noOverride {
				buf.Reset()
				st = noSchemeState
				p = -1
			} else {
				return nil, false
			}
		case noSchemeState:
			switch {
			case base == nil || base.opaque && c != '#':
				return nil, false
			case base.opaque && c == '#':
				u.scheme, u.opaque, u.opaquePath, u.query = base.scheme, true, base.opaquePath, base.query
				u.fragment = strp("")
				st = fragmentState
			case base.scheme != "file":
				st = relativeState
				p--
			default:
				st = fileState
				p--
			}
		case specialRelativeOrAuthorityState:
			if c == '/' && len(rest(1)) == 1 && rest(1)[0] == '/' {
				st = specialAuthorityIgnoreSlashesState
				p++
			} else {
				st = relativeState
				p--
			}
		case pathOrAuthorityState:
			if c == '/' {
				st = authorityState
			} else {
				st = pathState
				p--
			}
		case relativeState:
			u.scheme = base.scheme
			if c == '/' || u.special() && c == '\\' {
				st = relativeSlashState
				break
			}
			u.username, u.password, u.host, u.port = base.username, base.password, base.host, base.port
			u.path, u.query = append([]string(nil), base.path...), base.query
			switch {
			case c == '?':
				u.query = strp("")
				st = queryState
			case c == '#':
				u.fragment = strp("")
				st = fragmentState
			case c != eof:
				u.query = nil
				u.shortenPath()
				st = pathState
				p--
			}
		case relativeSlashState:
			if u.special() && (c == '/' || c == '\\') {
				st = specialAuthorityIgnoreSlashesState
			} else if c == '/' {
				st = authorityState
			} else {
				u.username, u.password, u.host, u.port = base.username, base.password, base.host, base.port
				st = pathState
				p--
			}
		case specialAuthoritySlashesState:
			if c == '/' && len(rest(1)) == 1 && rest(1)[0] == '/' {
				st = specialAuthorityIgnoreSlashesState
				p++
			} else {
				st = specialAuthorityIgnoreSlashesState
				p--
			}
		case specialAuthorityIgnoreSlashesState:
			if c != '/' && c != '\\' {
				st = authorityState
				p--
			}
		case authorityState:
			if c == '@' {
				b := buf.String()
				if atSign {
					b = "%40" + b
				}
				atSign = true
				for _, r := range b {
					if r == ':' && !passwordToken {
						passwordToken = true
						continue
					}
					if passwordToken {
						u.password += encodeRune(r, userinfoSet)
					} else {
						u.username += encodeRune(r, userinfoSet)
					}
				}
				buf.Reset()
			} else if c == eof || c == '/' || c == '?' || c == '#' || u.special() && c == '\\' {
				if atSign && buf.Len() == 0 {
					return nil, false
				}
				p -= utf8.RuneCountInString(buf.String()) + 1
				buf.Reset()
				st = hostState
			} else {
				buf.WriteRune(c)
			}
		case hostState, hostnameState:
			if override != noOverride && u.scheme == "file" {
				p--
				st = fileHostState
			} else if c == ':' && !insideBrackets {
				if buf.Len() == 0 {
					return nil, false
				}
				if override == hostnameState {
					return nil, false
				}
				h, ok := parseHost(buf.String(), !u.special())
				if !ok {
					return nil, false
				}
				u.host = &h
				buf.Reset()
				st = portState
			} else if c == eof || c == '/' || c == '?' || c == '#' || u.special() && c == '\\' {
				p--
				if u.special() && buf.Len() == 0 {
					return nil, false
				} else if override != noOverride && buf.Len() == 0 && (u.includesCredentials() || u.port >= 0) {
					return nil, false
				}
				h, ok := parseHost(buf.String(), !u.special())
				if !ok {
					return nil, false
				}
				u.host = &h
				buf.Reset()
				st = pathStartState
				if override != noOverride {
					return u, true
				}
			} else {
				if c == '[' {
					insideBrackets = true
				} else if c == ']' {
					insideBrackets = false
				}
				buf.WriteRune(c)
			}
		case portState:
			if isASCIIDigit(c) {
				buf.WriteRune(c)
			} else if c == eof || c == '/' || c == '?' || c == '#' || u.special() && c == '\\' || override != noOverride {
				if buf.Len() > 0 {
					port, err := strconv.Atoi(buf.String())
					if err != nil || port > 65535 {
						return nil, false
					}
					if d, ok := specialPorts[u.scheme]; ok && d == port {
						port = -1
					}
					u.port = port
					buf.Reset()
				}
				if override != noOverride {
					return u, true
				}
				st = pathStartState
				p--
			} else {
				return nil, false
			}
		case fileState:
			u.scheme = "file"
			u.host = strp("")
			if c == '/' || c == '\\' {
				st = fileSlashState
			} else if base != nil && base.scheme == "file" {
				u.host, u.path, u.query = base.host, append([]string(nil), base.path...), base.query
				switch {
				case c == '?':
					u.query = strp("")
					st = queryState
				case c == '#':
					u.fragment = strp("")
					st = fragmentState
				case c != eof:
					u.query = nil
					if !startsWithDriveLetter(rs[p:]) {
						u.shortenPath()
					} else {
						u.path = nil
					}
					st = pathState
					p--
				}
			} else {
				st = pathState
				p--
			}
		case fileSlashState:
			if c == '/' || c == '\\' {
				st = fileHostState
			} else {
				if base != nil && base.scheme == "file" {
					u.host = base.host
					if !startsWithDriveLetter(rs[p:]) && len(base.path) > 0 && isWindowsDriveLetter(base.path[0], true) {
						u.path = append(u.path, base.path[0])
					}
				}
				st = pathState
				p--
			}
		case fileHostState:
			if c == eof || c == '/' || c == '\\' || c == '?' || c == '#' {
				p--
				if override == noOverride && isWindowsDriveLetter(buf.String(), false) {
					st = pathState
				} else if buf.Len() == 0 {
					u.host = strp("")
					if override != noOverride {
						return u, true
					}
					st = pathStartState
				} else {
					h, ok := parseHost(buf.String(), !u.special())
					if !ok {
						return nil, false
					}
					if h == "localhost" {
						h = ""
					}
					u.host = &h
					if override != noOverride {
						return u, true
					}
					buf.Reset()
					st = pathStartState
				}
			} else {
				buf.WriteRune(c)
			}
		case pathStartState:
			switch {
			case u.special():
				st = pathState
				if c != '/' && c != '\\' {
					p--
				}
			case override == noOverride && c == '?':
				u.query = strp("")
				st = queryState
			case override == noOverride && c == '#':
				u.fragment = strp("")
				st = fragmentState
			case c != eof:
				st = pathState
				if c != '/' {
					p--
				}
			case override != noOverride && u.host == nil:
				u.path = append(u.path, "")
			}
		case pathState:
			slash := c == '/' || u.special() && c == '\\'
			if c == eof || slash || override == noOverride && (c == '?' || c == '#') {
				b := buf.String()
				switch {
				case isDoubleDot(b):
					u.shortenPath()
					if !slash {
						u.path = append(u.path, "")
					}
				case isSingleDot(b):
					if !slash {
						u.path = append(u.path, "")
					}
				default:
					if u.scheme == "file" && len(u.path) == 0 && isWindowsDriveLetter(b, false) {
						b = b[:1] + ":"
					}
					u.path = append(u.path, b)
				}
				buf.Reset()
				if c == '?' {
					u.query = strp("")
					st = queryState
				} else if c == '#' {
					u.fragment = strp("")
					st = fragmentState
				}
			} else {
				buf.WriteString(encodeRune(c, pathSet))
			}
		case opaquePathState:
			switch {
			case c == '?':
				u.query = strp("")
				st = queryState
			case c == '#':
				u.fragment = strp("")
				st = fragmentState
			case c != eof:
				u.opaquePath += encodeRune(c, c0Control)
			}
		case queryState:
			if override == noOverride && c == '#' || c == eof {
				set := querySet
				if u.special() {
					set = specialQuerySet
				}
				q := ""
				if u.query != nil {
					q = *u.query
				}
				u.query = strp(q + encode(buf.String(), set))
				buf.Reset()
				if c == '#' {
					u.fragment = strp("")
					st = fragmentState
				}
			} else {
				buf.WriteRune(c)
			}
		case fragmentState:
			if c != eof {
				f := ""
				if u.fragment != nil {
					f = *u.fragment
				}
				u.fragment = strp(f + encodeRune(c, fragmentSet))
			}
		}
	}
	return u, true
}

// Hosts.

func isForbiddenHost(r rune) bool {
	return r == 0 || strings.ContainsRune("\t\n\r #/:<>?@[\\]^|", r)
}

func isForbiddenDomain(r rune) bool {
	return isForbiddenHost(r) || r <= 0x1F || r == '%' || r == 0x7F
}

var idnaProfile = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.CheckHyphens(false),
	idna.CheckJoiners(true), idna.BidiRule(), idna.VerifyDNSLength(false), idna.StrictDomainName(false))

// domainToASCII is the standard's domain to ASCII (UTS #46).
func domainToASCII(domain string) (string, bool) {
	ascii, err := idnaProfile.ToASCII(domain)
	if err != nil || ascii == "" {
		return "", false
	}
	return ascii, true
}

func parseHost(input string, opaque bool) (string, bool) {
	if strings.HasPrefix(input, "[") {
		if !strings.HasSuffix(input, "]") {
			return "", false
		}
		addr, ok := parseIPv6(input[1 : len(input)-1])
		if !ok {
			return "", false
		}
		return "[" + serializeIPv6(addr) + "]", true
	}
	if opaque {
		for _, r := range input {
			if r != '%' && isForbiddenHost(r) {
				return "", false
			}
		}
		return encode(input, c0Control), true
	}
	domain := textcodec.UTF8(percentDecode(input))
	ascii, ok := domainToASCII(domain)
	if !ok {
		return "", false
	}
	for _, r := range ascii {
		if isForbiddenDomain(r) {
			return "", false
		}
	}
	if endsInNumber(ascii) {
		v, ok := parseIPv4(ascii)
		if !ok {
			return "", false
		}
		return strconv.Itoa(int(v>>24)) + "." + strconv.Itoa(int(v>>16&255)) + "." + strconv.Itoa(int(v>>8&255)) + "." + strconv.Itoa(int(v&255)), true
	}
	return ascii, true
}

func endsInNumber(s string) bool {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := parseIPv4Number(last)
	return ok
}

func parseIPv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	if len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X") {
		s, base = s[2:], 16
	} else if len(s) >= 2 && s[0] == '0' {
		s, base = s[1:], 8
	}
	if s == "" {
		return 0, true
	}
	v, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return 1 << 40, true // too big: refused by the caller
		}
		return 0, false
	}
	return v, true
}

func parseIPv4(s string) (uint64, bool) {
	parts := strings.Split(s, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return 0, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, ok := parseIPv4Number(p)
		if !ok {
			return 0, false
		}
		nums[i] = n
	}
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return 0, false
		}
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return 0, false
	}
	v := last
	for i, n := range nums[:len(nums)-1] {
		v += n << (8 * (3 - i))
	}
	return v, true
}

func parseIPv6(s string) ([8]uint16, bool) {
	var addr [8]uint16
	rs := []rune(s)
	piece, compress := 0, -1
	p := 0
	at := func(i int) rune {
		if i < len(rs) {
			return rs[i]
		}
		return -1
	}
	hexv := func(r rune) int {
		if r < 0 || r > 0x7f {
			return -1
		}
		return unhex(byte(r))
	}
	if at(p) == ':' {
		if at(p+1) != ':' {
			return addr, false
		}
		p += 2
		piece++
		compress = piece
	}
	for at(p) != -1 {
		if piece == 8 {
			return addr, false
		}
		if at(p) == ':' {
			if compress != -1 {
				return addr, false
			}
			p++
			piece++
			compress = piece
			continue
		}
		value, length := 0, 0
		for length < 4 && hexv(at(p)) >= 0 {
			value = value*16 + hexv(at(p))
			p++
			length++
		}
		if at(p) == '.' {
			if length == 0 {
				return addr, false
			}
			p -= length
			if piece > 6 {
				return addr, false
			}
			seen := 0
			for at(p) != -1 {
				v := -1
				if seen > 0 {
					if at(p) == '.' && seen < 4 {
						p++
					} else {
						return addr, false
					}
				}
				if !isASCIIDigit(at(p)) {
					return addr, false
				}
				for isASCIIDigit(at(p)) {
					n := int(at(p) - '0')
					if v == -1 {
						v = n
					} else if v == 0 {
						return addr, false
					} else {
						v = v*10 + n
					}
					if v > 255 {
						return addr, false
					}
					p++
				}
				addr[piece] = addr[piece]*0x100 + uint16(v)
				seen++
				if seen == 2 || seen == 4 {
					piece++
				}
			}
			if seen != 4 {
				return addr, false
			}
			break
		} else if at(p) == ':' {
			p++
			if at(p) == -1 {
				return addr, false
			}
		} else if at(p) != -1 {
			return addr, false
		}
		addr[piece] = uint16(value)
		piece++
	}
	if compress != -1 {
		swaps := piece - compress
		piece = 7
		for piece != 0 && swaps > 0 {
			addr[piece], addr[compress+swaps-1] = addr[compress+swaps-1], addr[piece]
			piece--
			swaps--
		}
	} else if piece != 8 {
		return addr, false
	}
	return addr, true
}

func serializeIPv6(a [8]uint16) string {
	// The first longest run of two or more zero pieces becomes "::".
	best, bestLen := -1, 1
	for i := 0; i < 8; {
		if a[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && a[j] == 0 {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	var b strings.Builder
	ignore0 := false
	for i := 0; i < 8; i++ {
		if ignore0 && a[i] == 0 {
			continue
		}
		ignore0 = false
		if i == best {
			if i == 0 {
				b.WriteString("::")
			} else {
				b.WriteString(":")
			}
			ignore0 = true
			continue
		}
		b.WriteString(strconv.FormatUint(uint64(a[i]), 16))
		if i != 7 {
			b.WriteByte(':')
		}
	}
	return b.String()
}

// Serializing.

func (u *record) pathString() string {
	if u.opaque {
		return u.opaquePath
	}
	var b strings.Builder
	for _, seg := range u.path {
		b.WriteByte('/')
		b.WriteString(seg)
	}
	return b.String()
}

func (u *record) href(excludeFragment bool) string {
	var b strings.Builder
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.host != nil {
		b.WriteString("//")
		if u.includesCredentials() {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteString(":" + u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(*u.host)
		if u.port >= 0 {
			b.WriteString(":" + strconv.Itoa(u.port))
		}
	} else if !u.opaque && len(u.path) > 1 && u.path[0] == "" {
		b.WriteString("/.")
	}
	b.WriteString(u.pathString())
	if u.query != nil {
		b.WriteString("?" + *u.query)
	}
	if !excludeFragment && u.fragment != nil {
		b.WriteString("#" + *u.fragment)
	}
	return b.String()
}

func (u *record) origin() string {
	switch u.scheme {
	case "blob":
		if inner, ok := parse(u.pathString(), nil, nil, noOverride); ok && (inner.scheme == "http" || inner.scheme == "https") {
			return inner.origin()
		}
		return "null"
	case "ftp", "http", "https", "ws", "wss":
		s := u.scheme + "://" + *u.host
		if u.port >= 0 {
			s += ":" + strconv.Itoa(u.port)
		}
		return s
	}
	return "null"
}

// Forms (application/x-www-form-urlencoded), for URLSearchParams.

func parseForm(s string) [][2]string {
	var out [][2]string
	for _, seq := range strings.Split(s, "&") {
		if seq == "" {
			continue
		}
		name, value, _ := strings.Cut(seq, "=")
		dec := func(x string) string { return textcodec.UTF8(percentDecode(strings.ReplaceAll(x, "+", " "))) }
		out = append(out, [2]string{dec(name), dec(value)})
	}
	return out
}

func encodeForm(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			b.WriteByte('+')
		case formSet(c):
			b.WriteByte('%')
			b.WriteByte(upperhex[c>>4])
			b.WriteByte(upperhex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

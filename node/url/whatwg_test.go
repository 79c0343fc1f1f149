package url

import (
	"math/rand"
	"testing"
)

// The parser and every setter return for any input: no index out of
// range reaches the host as a Go panic.
func TestParseNeverPanics(t *testing.T) {
	alphabet := []rune(":/\\?#@[]%.0123456789abcdefxX:-_ \t\u00e9\u00df\uFFFDfile http ws ::ffff:")
	r := rand.New(rand.NewSource(1))
	base, _ := parse("http://user:pw@example.com:8080/a/b?q#f", nil, nil, noOverride)
	fileBase, _ := parse("file:///C:/x/y", nil, nil, noOverride)
	components := []string{"href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"}
	parsed := 0
	for i := 0; i < 20000; i++ {
		n := r.Intn(24)
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = alphabet[r.Intn(len(alphabet))]
		}
		s := string(rs)
		for _, b := range []*record{nil, base, fileBase} {
			if u, ok := parse(s, b, nil, noOverride); ok {
				parsed++
				_ = u.href(false)
				_ = u.origin()
				h := &handle{u.clone()}
				setComponent(h, components[r.Intn(len(components))], s)
				_ = h.rec.href(false)
			}
		}
	}
	if parsed == 0 {
		t.Fatal("nothing parsed: the inputs are not exercising the parser")
	}
}

func TestIPv6Serialization(t *testing.T) {
	for in, want := range map[string]string{
		"[0:0:0:0:0:0:0:0]": "[::]",
		"[1:0:0:2:0:0:0:3]": "[1:0:0:2::3]",
		"[1:0:0:2:0:0:3:4]": "[1::2:0:0:3:4]",
		"[1:2:3:4:5:6:7:0]": "[1:2:3:4:5:6:7:0]",
		"[::1.2.3.4]":       "[::102:304]",
		"[FFFF::abCD]":      "[ffff::abcd]",
	} {
		got, ok := parseHost(in, false)
		if !ok || got != want {
			t.Errorf("%s: got %q (%v), want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"[1:2:3:4:5:6:7:8:9]", "[::1::]", "[1:2:3:4:5:6:7:1.2.3.4]", "[:1]", "[1.2.3.4]", "[::1.2.3]", "[::01.2.3.4]"} {
		if got, ok := parseHost(bad, false); ok {
			t.Errorf("%s: parsed as %q, want a failure", bad, got)
		}
	}
}

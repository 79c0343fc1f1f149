package analysis

import (
	"os"
	"strings"
	"testing"
)

func TestCorpusTmp(t *testing.T) {
	list, _ := os.ReadFile("/tmp/jsfiles.txt")
	seen := map[string]bool{}
	parsed, lits, walkErr, bad := 0, 0, 0, 0
	for _, p := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		b, err := os.ReadFile(p)
		if err != nil || seen[string(b)] {
			continue
		}
		seen[string(b)] = true
		src := string(b)
		s, err := ParseScript(p, src)
		if err != nil {
			if strings.Contains(err.Error(), "unsupported syntax") {
				walkErr++
				t.Errorf("%s: %v", p, err)
			}
			continue
		}
		parsed++
		ix := NewIndex()
		ix.Add(s)
		for text, l := range s.lits {
			lits++
			if src[l.start:l.start+len(text)] != text {
				bad++
				t.Errorf("%s: offset mismatch for %.40q", p, text)
				continue
			}
			f, err := ix.Func(text)
			if err != nil {
				bad++
				t.Errorf("%s: Func(%.60q): %v", p, text, err)
				continue
			}
			if f.Site == nil {
				t.Errorf("no site")
			}
		}
	}
	t.Logf("parsed %d files, %d literals, %d walk errors, %d bad", parsed, lits, walkErr, bad)
}

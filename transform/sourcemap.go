package transform

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// segment is one decoded mapping: a generated position and the original
// position it comes from. Lines and columns are 0-based, as in the format.
type segment struct {
	genLine, genCol int
	srcLine, srcCol int
}

// rawMap is the part of a version 3 source map this package reads.
type rawMap struct {
	Version  int      `json:"version"`
	Sources  []string `json:"sources"`
	Names    []string `json:"names"`
	Mappings string   `json:"mappings"`
}

// SourceMap maps positions of the code a Result holds back to its source
// file. Only positions in the file itself are kept: the helpers esbuild
// adds map to nothing.
type SourceMap struct {
	file string
	segs []segment // sorted by generated position
}

// Position is a place in a file: 1-based line and column, as stacks show.
type Position struct {
	File   string
	Line   int
	Column int
}

// Original returns the position in the source file of generated line and
// column (both 1-based, as goja reports them): that of the last mapping at
// or before it on the same line. ok is false where nothing maps, as in the
// helpers esbuild adds.
func (m *SourceMap) Original(line, col int) (Position, bool) {
	if m == nil {
		return Position{}, false
	}
	gl, gc := line-1, col-1
	i := sort.Search(len(m.segs), func(i int) bool {
		s := m.segs[i]
		return s.genLine > gl || (s.genLine == gl && s.genCol > gc)
	})
	if i == 0 || m.segs[i-1].genLine != gl {
		return Position{}, false
	}
	s := m.segs[i-1]
	return Position{File: m.file, Line: s.srcLine + 1, Column: s.srcCol + 1}, true
}

// decodeMap reads esbuild's map and keeps the segments whose source is
// keep (by its name in "sources"), shifted down by lineShift lines.
func decodeMap(data []byte, keep, file string, lineShift int) (*SourceMap, error) {
	var raw rawMap
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("source map: %w", err)
	}
	want := -1
	for i, s := range raw.Sources {
		if s == keep {
			want = i
		}
	}
	m := &SourceMap{file: file}
	var src, sline, scol int
	line, col := lineShift, 0
	rest := raw.Mappings
	for len(rest) > 0 {
		switch rest[0] {
		case ';':
			line++
			col = 0
			rest = rest[1:]
			continue
		case ',':
			rest = rest[1:]
			continue
		}
		var f [5]int
		n := 0
		for n < 5 && len(rest) > 0 && rest[0] != ',' && rest[0] != ';' {
			v, r, err := vlq(rest)
			if err != nil {
				return nil, err
			}
			f[n], rest = v, r
			n++
		}
		col += f[0]
		if n < 4 {
			continue
		}
		src += f[1]
		sline += f[2]
		scol += f[3]
		if src == want {
			m.segs = append(m.segs, segment{line, col, sline, scol})
		}
	}
	return m, nil
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var errVLQ = errors.New("source map: bad VLQ")

// vlq decodes one base64 VLQ value from the front of s.
func vlq(s string) (int, string, error) {
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(b64, s[i])
		if d < 0 {
			return 0, "", errVLQ
		}
		v |= (d & 31) << shift
		shift += 5
		if d&32 == 0 {
			if v&1 != 0 {
				return -(v >> 1), s[i+1:], nil
			}
			return v >> 1, s[i+1:], nil
		}
	}
	return 0, "", errVLQ
}

func putVLQ(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		d := u & 31
		u >>= 5
		if u != 0 {
			d |= 32
		}
		b.WriteByte(b64[d])
		if u == 0 {
			return
		}
	}
}

// gojaComment returns the inline source map comment that makes goja name
// the original file, line and column in stacks. goja looks up a 1-based
// column in a map whose columns are 0-based and reports the original
// column as it finds it; this map therefore counts columns from 1 on both
// sides, so that goja's lookup and report are exact.
func (m *SourceMap) gojaComment() string {
	if m == nil || len(m.segs) == 0 {
		return ""
	}
	var b strings.Builder
	line, pcol, psl, psc := 0, 0, 0, 0
	for i, s := range m.segs {
		switch {
		case s.genLine > line:
			for ; line < s.genLine; line++ {
				b.WriteByte(';')
			}
			pcol = 0
		case i > 0:
			b.WriteByte(',')
		}
		putVLQ(&b, s.genCol+1-pcol)
		putVLQ(&b, 0)
		putVLQ(&b, s.srcLine-psl)
		putVLQ(&b, s.srcCol+1-psc)
		pcol, psl, psc = s.genCol+1, s.srcLine, s.srcCol+1
	}
	js, _ := json.Marshal(rawMap{Version: 3, Sources: []string{m.file}, Names: []string{}, Mappings: b.String()})
	return "//# sourceMappingURL=data:application/json;base64," + base64.StdEncoding.EncodeToString(js)
}

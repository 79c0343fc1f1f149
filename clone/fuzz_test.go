package clone

import (
	"fmt"
	"strings"
	"testing"
)

// jsGen turns fuzz input into JS source that builds a value out of
// everything structured clone keeps exactly (so the value evaluated afresh
// is the expected clone): objects, arrays with holes, Maps, Sets, Dates,
// RegExps, buffers and views sharing them, wrappers, native Errors, all
// linked at random, so sharing and cycles are common.
type jsGen struct {
	data []byte
	pos  int
}

func (g *jsGen) next(n int) int {
	if g.pos >= len(g.data) {
		return 0
	}
	b := g.data[g.pos]
	g.pos++
	return int(b) % n
}

var fuzzPrims = []string{`undefined`, `null`, `true`, `false`, `0`, `-0`, `NaN`, `1.5`, `-7`, `2**53`, `Infinity`,
	`""`, `"s"`, `"\ud800"`, `"é😀"`, `"a\udc00b"`, `1n`, `-(2n**80n)`}

var fuzzKeys = []string{`"a"`, `"b"`, `"0"`, `"1"`, `"10"`, `"x y"`, `"\ud800"`, `"é"`, `""`, `"length_"`}

var fuzzLeaves = []string{
	`new Date(%d)`, `new Date(NaN)`, `/a[b-c]+/gi`, `/\//m`, `new RegExp("\ud800", "u")`,
	`new Uint8Array(B, %d, 4)`, `new Float64Array(B, 8, 2)`, `new Int16Array(B, 2, 3)`, `new DataView(B, %d, 3)`,
	`new BigInt64Array(B, 16, 1)`, `B`, `new ArrayBuffer(3)`, `new Uint8ClampedArray([%d, 300])`,
	`Object(%d)`, `Object(-0)`, `new String("w\ud800")`, `Object(5n)`, `new Boolean(false)`,
	`new TypeError("t%d")`, `new RangeError`, `new Error("e")`,
}

func (g *jsGen) value(n int) string {
	if n > 0 && g.next(2) == 0 {
		return fmt.Sprintf("R[%d]", g.next(n))
	}
	return fuzzPrims[g.next(len(fuzzPrims))]
}

func (g *jsGen) program() string {
	var b strings.Builder
	b.WriteString("(() => {\nconst B = new ArrayBuffer(24); new Uint8Array(B).forEach((_, i, a) => a[i] = i * 7);\nconst R = [];\n")
	n := 1 + g.next(10)
	kinds := make([]int, n)
	for i := 0; i < n; i++ {
		kinds[i] = g.next(5)
		switch kinds[i] {
		case 0:
			b.WriteString("R.push({});\n")
		case 1:
			b.WriteString("R.push([]);\n")
		case 2:
			b.WriteString("R.push(new Map);\n")
		case 3:
			b.WriteString("R.push(new Set);\n")
		default:
			leaf := fuzzLeaves[g.next(len(fuzzLeaves))]
			if strings.Contains(leaf, "%d") {
				leaf = fmt.Sprintf(leaf, g.next(4))
			}
			b.WriteString("R.push(" + leaf + ");\n")
		}
	}
	for ops := g.next(24); ops > 0; ops-- {
		i := g.next(n)
		v := g.value(n)
		switch kinds[i] {
		case 0:
			fmt.Fprintf(&b, "R[%d][%s] = %s;\n", i, fuzzKeys[g.next(len(fuzzKeys))], v)
		case 1:
			if g.next(4) == 0 {
				fmt.Fprintf(&b, "R[%d][%s] = %s;\n", i, fuzzKeys[g.next(len(fuzzKeys))], v)
			} else {
				fmt.Fprintf(&b, "R[%d][%d] = %s;\n", i, g.next(6), v)
			}
		case 2:
			fmt.Fprintf(&b, "R[%d].set(%s, %s);\n", i, g.value(n), v)
		case 3:
			fmt.Fprintf(&b, "R[%d].add(%s);\n", i, v)
		default:
			// Errors take a cause, with the attributes a clone gives it.
			fmt.Fprintf(&b, "if (R[%d] instanceof Error) Object.defineProperty(R[%d], \"cause\", {value: %s, writable: true, configurable: true});\n", i, i, v)
		}
	}
	if g.next(4) == 0 {
		b.WriteString("return R[0];\n})()")
	} else {
		b.WriteString("return R;\n})()")
	}
	return b.String()
}

// FuzzRoundTrip clones a random value from runtime A into B and back into C,
// checking each copy against the value built afresh in that runtime.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0})
	f.Add([]byte{3, 0, 1, 2, 10, 0, 1, 0, 1, 1, 1, 2, 0, 2, 1, 1, 0, 3, 1, 2, 2})
	f.Add([]byte("structured clone keeps cycles and shared references"))
	f.Add([]byte{9, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte{8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 200, 0, 0, 1, 0, 0, 2, 1, 1, 3, 2, 0, 0, 0, 4, 3, 1, 2, 5, 4, 0, 6, 2, 1, 1, 0, 7})
	for i := 0; i < 8; i++ {
		seed := make([]byte, 64)
		for j := range seed {
			seed[j] = byte((i*131 + j*(j+i)*17) % 251)
		}
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := (&jsGen{data: data}).program()
		a := newRuntime(t)
		s, err := SnapshotValue(a, run(t, a, src), "v", nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		b := newRuntime(t)
		got, err := s.RestoreValue(b, nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		if d := diff(t, b, run(t, b, src), got); d != "" {
			t.Fatalf("A->B: %s\n%s", d, src)
		}
		s, err = SnapshotValue(b, got, "v", nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		c := newRuntime(t)
		back, err := s.RestoreValue(c, nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		if d := diff(t, c, run(t, c, src), back); d != "" {
			t.Fatalf("B->C: %s\n%s", d, src)
		}
	})
}

// FuzzBigArray builds a big array (640 elements: values from the
// generator above, every seventh one the same value again so that
// elements share objects, plain records, primitives among them) and checks
// its clone against the array built afresh.
func FuzzBigArray(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 0, 1, 2, 10, 0, 1, 0, 1, 1, 1, 2, 0, 2, 1, 1, 0, 3, 1, 2, 2})
	f.Add([]byte("structured clone keeps cycles and shared references"))
	f.Add([]byte{8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 200, 0, 0, 1, 0, 0, 2, 1, 1, 3, 2, 0, 0, 0, 4, 3, 1, 2, 5, 4, 0, 6, 2, 1, 1, 0, 7})
	f.Fuzz(func(t *testing.T, data []byte) {
		src := `(() => {
			const mk = () => ` + (&jsGen{data: data}).program() + `;
			const first = mk(), big = [];
			const prims = [1.5, "p", "\u00e9", null, undefined, 7n, true, -0];
			// The first half mixes generated values (some shared); the
			// second holds only plain objects and primitives.
			const plain = (i) => ({n: i, s: "s" + i, a: [i, i % 3 ? null : "t"]});
			for (let i = 0; i < 640; i++) {
				if (i % 11 === 5) big.push(prims[i % prims.length]);
				else if (i >= 320) big.push(plain(i));
				else big.push(i % 7 === 3 ? first : mk());
			}
			return big;
		})()`
		a := newRuntime(t)
		s, err := SnapshotValue(a, run(t, a, src), "v", nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		dst := newRuntime(t)
		got, err := s.RestoreValue(dst, nil)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		if d := diff(t, dst, run(t, dst, src), got); d != "" {
			t.Fatalf("%s\n%s", d, src)
		}
	})
}

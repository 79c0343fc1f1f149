package clone

import (
	"testing"

	"github.com/dop251/goja"
)

// Each payload is about 1 MiB; b.SetBytes makes -bench report MB/s.
var benchPayloads = []struct {
	name, src string
	bytes     int64
}{
	// ~1 MiB as JSON: thousands of small objects.
	{"JSONObjects", `Array.from({length: 7400}, (_, i) => ({id: i, name: "item" + i, price: i * 1.25, tags: ["a", "b"], active: i % 2 === 0, owner: {first: "Ada", last: "Lovelace"}}))`, 1 << 20},
	// 1 MiB of float64s in a plain array.
	{"NumberArray", `Array.from({length: 131072}, (_, i) => i * 1.5)`, 1 << 20},
	{"Float64Array", `new Float64Array(131072).map((_, i) => i * 1.5)`, 1 << 20},
	{"String", `"x".repeat(1 << 20)`, 1 << 20},
}

func BenchmarkSnapshot(b *testing.B) {
	for _, p := range benchPayloads {
		b.Run(p.name, func(b *testing.B) {
			rt := goja.New()
			v := run(b, rt, p.src)
			b.SetBytes(p.bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := SnapshotValue(rt, v, "v", nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRestore(b *testing.B) {
	for _, p := range benchPayloads {
		b.Run(p.name, func(b *testing.B) {
			rt := goja.New()
			s, err := SnapshotValue(rt, run(b, rt, p.src), "v", nil)
			if err != nil {
				b.Fatal(err)
			}
			dst := goja.New()
			b.SetBytes(p.bytes)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.RestoreValue(dst, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRoundTrip is what one crossing costs: snapshot in one runtime,
// restore in another.
func BenchmarkRoundTrip(b *testing.B) {
	for _, p := range benchPayloads {
		b.Run(p.name, func(b *testing.B) {
			src, dst := goja.New(), goja.New()
			v := run(b, src, p.src)
			b.SetBytes(p.bytes)
			b.ReportAllocs()
			for b.Loop() {
				s, err := SnapshotValue(src, v, "v", nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.RestoreValue(dst, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTinyArgs is the hot path of threads.run(fn, 1, 2): two small ints
// there and back.
func BenchmarkTinyArgs(b *testing.B) {
	src, dst := goja.New(), goja.New()
	args := []goja.Value{src.ToValue(1), src.ToValue(2)}
	name := func(i int) string { return "args" }
	b.ReportAllocs()
	for b.Loop() {
		s, err := SnapshotValues(src, args, name, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Restore(dst, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSmallObject is a typical small non-primitive argument.
func BenchmarkSmallObject(b *testing.B) {
	src, dst := goja.New(), goja.New()
	v := run(b, src, `({id: 1, name: "job", opts: {retries: 3}})`)
	b.ReportAllocs()
	for b.Loop() {
		s, err := SnapshotValue(src, v, "v", nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.RestoreValue(dst, nil); err != nil {
			b.Fatal(err)
		}
	}
}

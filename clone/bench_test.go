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
	// The payload of scripts/bench's clone pair: ~10,000 records built one
	// by one between other allocations (JSON.stringify), as a program
	// builds its data, so they lie scattered in memory.
	{"Records", `(() => {
		const out = [];
		for (let i = 0, size = 2; size < 1 << 20; i++) {
			const o = {id: i, name: "item-" + i, active: i % 3 === 0, price: Math.round(i * 1.37 * 100) / 100,
				tags: ["t" + (i % 7), "g" + (i % 11)], pos: {x: i % 100, y: (i * 7) % 100}};
			out.push(o);
			size += JSON.stringify(o).length + 1;
		}
		return out;
	})()`, 1 << 20},
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

// benchCodec carries every function as one shared payload and restores it
// as a function made once per target runtime: the clone's own cost of a
// function root, without the cost of a real Codec.
type benchCodec struct{ fn goja.Value }

func (*benchCodec) SnapshotFunction(*goja.Runtime, *goja.Object, string) (any, error) {
	return "fn", nil
}

func (c *benchCodec) RestoreFunction(*goja.Runtime, any) (goja.Value, error) { return c.fn, nil }

func (*benchCodec) RestoreRef(*goja.Runtime, any) (goja.Value, error) { return goja.Undefined(), nil }

// BenchmarkTinyArgsFunc is what jsrun does for threads.run(fn, 1, 2): the
// function and its two arguments in one SnapshotValues, through a Codec.
func BenchmarkTinyArgsFunc(b *testing.B) {
	src, dst := goja.New(), goja.New()
	args := []goja.Value{run(b, src, `(function add(x, y) { return x + y })`), src.ToValue(1), src.ToValue(2)}
	var codec Codec = &benchCodec{fn: run(b, dst, `(function add(x, y) { return x + y })`)}
	opts := &Options{Codec: codec}
	name := func(i int) string { return "args" }
	b.ReportAllocs()
	for b.Loop() {
		s, err := SnapshotValues(src, args, name, opts)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Restore(dst, codec); err != nil {
			b.Fatal(err)
		}
	}
}

// freshPrograms build the values of BenchmarkFirstUse. A compiled Program
// may run in any runtime, so compiling is not part of what is measured.
var freshPrograms = map[string]*goja.Program{
	"SmallObject": goja.MustCompile("small", `({id: 1, name: "job", opts: {retries: 3}})`, false),
	// What a thread throws: an Error with a stack, name and message.
	"Error": goja.MustCompile("error", `(function work() { return new TypeError("boom: " + 42) })()`, false),
	// A kind read through the runtime's built-ins.
	"Map": goja.MustCompile("map", `new Map([["a", 1], ["b", {c: 2}]])`, false),
}

// BenchmarkFirstUse is a clone in runtimes that never cloned before, as
// jsrun does with a fresh runtime per thread: snapshot a small value in one
// fresh runtime, restore it in another. Creating the runtimes and the value
// is not timed (runtimes are made in untimed batches), so what is left is
// every per-runtime cost the clone itself pays.
func BenchmarkFirstUse(b *testing.B) {
	for _, name := range []string{"TwoInts", "SmallObject", "Error", "Map"} {
		b.Run(name, func(b *testing.B) {
			const batch = 64
			var srcs, dsts [batch]*goja.Runtime
			var vals [batch][]goja.Value
			b.ReportAllocs()
			for i := 0; i < b.N; {
				b.StopTimer()
				n := min(batch, b.N-i)
				for j := 0; j < n; j++ {
					srcs[j], dsts[j] = goja.New(), goja.New()
					if name == "TwoInts" {
						vals[j] = []goja.Value{srcs[j].ToValue(1), srcs[j].ToValue(2)}
						continue
					}
					v, err := srcs[j].RunProgram(freshPrograms[name])
					if err != nil {
						b.Fatal(err)
					}
					vals[j] = []goja.Value{v}
				}
				b.StartTimer()
				for j := 0; j < n; j++ {
					s, err := SnapshotValues(srcs[j], vals[j], nil, &Options{PreserveErrorNames: true})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := s.Restore(dsts[j], nil); err != nil {
						b.Fatal(err)
					}
				}
				i += n
			}
		})
	}
}

// BenchmarkIntoThread is what jsrun does with a thread's argument, without
// the thread: snapshot the value, read its Size (jsrun's clone counters
// do, for every clone), restore it once (RestoreOnce) into a fresh
// runtime, made untimed.
func BenchmarkIntoThread(b *testing.B) {
	for _, p := range benchPayloads[:2] {
		b.Run(p.name, func(b *testing.B) {
			src := goja.New()
			v := run(b, src, p.src)
			b.SetBytes(p.bytes)
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				dst := goja.New()
				b.StartTimer()
				s, err := SnapshotValue(src, v, "v", nil)
				if err != nil {
					b.Fatal(err)
				}
				if s.Size() <= 0 {
					b.Fatal("no size")
				}
				if _, err := s.RestoreOnce(dst, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

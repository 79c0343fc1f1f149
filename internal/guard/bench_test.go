package guard_test

import (
	"fmt"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
)

// Benchmarks of the guarded built-ins on ordinary inputs, each with and
// without the guards (plain=...), and of Install itself:
//
//	go test ./internal/guard -run '^$' -bench . -count 10
//
// Compare medians of alternated runs: the guards must not slow an
// ordinary call measurably.

var ordinary = []struct{ name, setup, expr string }{
	{"JSONParse", `const text = JSON.stringify({a: [1, 2, 3], b: "x", c: {d: true}})`, `JSON.parse(text)`},
	{"JSONParseLong", `const text = JSON.stringify(Array.from({length: 2000}, (_, i) => ({id: i, name: "n" + i})))`, `JSON.parse(text)`},
	{"JSONStringify", `const v = {a: [1, 2, 3], b: "x", c: {d: true}}`, `JSON.stringify(v)`},
	{"JSONStringifyLong", `const v = Array.from({length: 200}, (_, i) => ({id: i, name: "n" + i, tags: ["a", "b"]}))`, `JSON.stringify(v)`},
	{"Join", `const a = [1, "b", 3]`, `a.join()`},
	{"String", `const a = [1, [2, 3], 4]`, `String(a)`},
	{"ToLocaleString", `const a = [1, 2, 3]`, `a.toLocaleString()`},
	{"Flat", `const a = [1, [2, [3]], 4]`, `a.flat(Infinity)`},
	{"FlatMap", `const a = [1, 2, 3]; const f = x => [x, x]`, `a.flatMap(f)`},
	{"Sort", `const a = [3, 1, 2]`, `a.sort()`},
	{"Map", `const a = [1, 2, 3]; const f = x => x`, `a.map(f)`},
	{"Fill", `const a = [1, 2, 3]`, `a.fill(0)`},
	{"Concat", `const a = [1, 2], b = [3]`, `a.concat(b)`},
	{"ArrayFrom", `const a = {length: 3, 0: 1, 1: 2, 2: 3}`, `Array.from(a)`},
	{"Repeat", ``, `"ab".repeat(3)`},
	{"PadStart", ``, `"7".padStart(3, "0")`},
	{"PadEnd", ``, `"7".padEnd(3)`},
	{"StringConcat", `const s = "ab"`, `s.concat("c", "d")`},
	{"ReplaceAll", `const s = "a-b-c"`, `s.replaceAll("-", "+")`},
	{"Apply", `const a = [1, 2, 3]`, `Math.max.apply(null, a)`},
	{"ReflectApply", `const a = [1, 2, 3]`, `Reflect.apply(Math.max, null, a)`},
	{"ArrayBuffer", ``, `new ArrayBuffer(16)`},
	{"Uint8Array", ``, `new Uint8Array(16)`},
	{"Uint8ArrayOfArray", `const a = [1, 2, 3]`, `new Uint8Array(a)`},
	{"AsUintN", `const x = 300n`, `BigInt.asUintN(8, x)`},
}

func BenchmarkOrdinary(b *testing.B) {
	for _, c := range ordinary {
		for _, plain := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/plain=%v", c.name, plain), func(b *testing.B) {
				rt := goja.New()
				if !plain {
					guard.Install(rt)
				}
				if _, err := rt.RunString(c.setup); err != nil {
					b.Fatal(err)
				}
				prog, err := goja.Compile("bench.js", fmt.Sprintf("for (let i = 0; i < %d; i++) { %s }", b.N, c.expr), false)
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				if _, err := rt.RunProgram(prog); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}

// BenchmarkInstall is the cost of the guards to a new runtime.
func BenchmarkInstall(b *testing.B) {
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			goja.New()
		}
	})
	b.Run("guarded", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			guard.Install(goja.New())
		}
	})
}

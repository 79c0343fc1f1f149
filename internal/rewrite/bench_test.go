package rewrite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// benchLoops are loops of 100,000 steps over an operation: the rewrite
// leaves the literal forms alone and turns the others into helper calls.
var benchLoops = []struct{ name, body string }{
	{"shl-literal", "s += x << 1"},
	{"pow-literal", "s += x ** 2"},
	{"shl-names", "s += x << y"},
	{"sar-names", "s += x >> y"},
	{"pow-names", "s += x ** y"},
	{"shl-assign", "z = x; z <<= y; s += z"},
	{"shl-assign-property", "o.z = x; o.z <<= y; s += o.z"},
	{"shl-assign-cell", "a[0].z = x; a[0].z <<= y; s += a[0].z"},
	{"spread-3", "s += f(...xs)"},
	{"none", "s += x"},
}

// ordinary is a script with no guarded operation in its hot path (string
// and object work, a sort): what most scripts pay is the helpers' install
// and nothing else.
const ordinary = `
(function () {
	const words = [];
	for (let i = 0; i < 2000; i++) words.push("w" + ((i * 7919) % 2000).toString(36));
	const counts = {};
	for (const w of words) counts[w] = (counts[w] || 0) + 1;
	const list = Object.keys(counts).sort();
	let h = 0;
	for (const w of list) for (let j = 0; j < w.length; j++) h = (h * 31 + w.charCodeAt(j)) | 0;
	return h ^ (list.length << 3) ^ Math.max(...[1, 2, 3]);
})()
`

func loopSource(body string) string {
	return `(function () {
	let s = 0, x = 3, y = 2, z = 0; const o = {}, a = [{}], xs = [1, 2, 3];
	function f(p, q, r) { return p }
	for (let i = 0; i < 100000; i++) { ` + body + ` }
	return s;
})()`
}

// BenchmarkOperators runs each loop compiled by goja alone and through the
// rewrite, in a runtime with the helpers installed either way.
func BenchmarkOperators(b *testing.B) {
	for _, l := range benchLoops {
		for _, rewritten := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/%s", l.name, compilerName(rewritten)), func(b *testing.B) {
				benchProgram(b, rewritten, loopSource(l.body))
			})
		}
	}
	for _, rewritten := range []bool{false, true} {
		b.Run("ordinary/"+compilerName(rewritten), func(b *testing.B) { benchProgram(b, rewritten, ordinary) })
	}
}

func compilerName(rewritten bool) string {
	if rewritten {
		return "rewritten"
	}
	return "goja"
}

func benchProgram(b *testing.B, rewritten bool, src string) {
	compile := goja.Compile
	if rewritten {
		compile = Compile
	}
	prg, err := compile("bench.js", src, false)
	if err != nil {
		b.Fatal(err)
	}
	rt := goja.New()
	Install(rt)
	b.ResetTimer()
	for b.Loop() {
		if _, err := rt.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}

// largeScript is a script of about 1 MB: many functions doing ordinary
// work, a few with guarded operations.
func largeScript() string {
	var s strings.Builder
	for i := 0; s.Len() < 1<<20; i++ {
		fmt.Fprintf(&s, `function f%d(a, b, list) {
	const out = [];
	for (let i = 0; i < list.length; i++) {
		if (list[i] > a) out.push({ k: "k" + i, v: list[i] * b + (a %% 7) });
		else out.push(String(list[i]).padStart(4, "0"));
	}
	return out.length > 2 ? a ** b + (a << 2) : Math.max(...list, a);
}
`, i)
	}
	return s.String()
}

// BenchmarkCompile compares compiling a large script with goja alone and
// through the rewrite (the rewrite parses once, walks the AST, compiles).
func BenchmarkCompile(b *testing.B) {
	src := largeScript()
	for _, rewritten := range []bool{false, true} {
		compile := goja.Compile
		if rewritten {
			compile = Compile
		}
		b.Run(compilerName(rewritten), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := compile("large.js", src, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInstall is what every runtime (main and each thread) pays.
func BenchmarkInstall(b *testing.B) {
	b.Run("goja.New", func(b *testing.B) {
		for b.Loop() {
			goja.New()
		}
	})
	b.Run("goja.New+Install", func(b *testing.B) {
		for b.Loop() {
			Install(goja.New())
		}
	})
}

// BenchmarkCompileSteps splits the rewrite's compile into its steps on
// the large script: the parse (which goja.Compile does too), the walk (the
// rewrite's own cost), and goja's compile of the AST.
func BenchmarkCompileSteps(b *testing.B) {
	src := largeScript()
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := goja.Parse("large.js", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("walk", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			b.StopTimer()
			prg, err := goja.Parse("large.js", src)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			Program(prg)
		}
	})
	b.Run("compile-ast", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			b.StopTimer()
			prg, err := goja.Parse("large.js", src)
			if err != nil {
				b.Fatal(err)
			}
			Program(prg)
			b.StartTimer()
			if _, err := goja.CompileAST(prg, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package nesting

import (
	"errors"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// levels are texts that make goja's parser (or compiler) recurse once per
// repetition: each makes a text n levels deep. Some try to hide their
// depth from a lexer: in what looks like a string or a regular
// expression, behind line breaks, or among closing brackets in strings.
var levels = map[string]func(n int) string{
	"array":              func(n int) string { return rep("[", n) + rep("]", n) },
	"paren":              func(n int) string { return rep("(", n) + "0" + rep(")", n) },
	"not":                func(n int) string { return rep("!", n) + "0" },
	"minus":              func(n int) string { return rep("- ", n) + "0" },
	"object":             func(n int) string { return "(" + rep("{a:", n) + "0" + rep("}", n) + ")" },
	"arrow":              func(n int) string { return rep("() => ", n) + "0" },
	"if":                 func(n int) string { return rep("if (1) ", n) + ";" },
	"else if":            func(n int) string { return "if (0) {}" + rep(" else if (0) {}", n) },
	"assign":             func(n int) string { return "var a;" + rep("a = ", n) + "0" },
	"typeof":             func(n int) string { return rep("typeof ", n) + "0" },
	"new":                func(n int) string { return rep("new ", n) + "Object" },
	"block":              func(n int) string { return rep("{", n) + rep("}", n) },
	"power":              func(n int) string { return rep("2 ** ", n) + "1" },
	"template":           func(n int) string { return rep("`${", n) + "0" + rep("}`", n) },
	"function":           func(n int) string { return rep("(function(){", n) + rep("})", n) },
	"call":               func(n int) string { return rep("f(", n) + "0" + rep(")", n) },
	"spread":             func(n int) string { return rep("[...", n) + "[]" + rep("]", n) },
	"plus chain":         func(n int) string { return rep("1+", n) + "1" },
	"await lines":        func(n int) string { return "async () => " + rep("await\n", n) + "0" },
	"assign lines":       func(n int) string { return "a" + rep("\n= a", n) },
	"plus lines":         func(n int) string { return "a" + rep("\n+ a", n) },
	"not lines":          func(n int) string { return "x = " + rep("!\n", n) + "0" },
	"in lines":           func(n int) string { return "a" + rep("\nin a", n) },
	"ternary":            func(n int) string { return rep("a ? b : ", n) + "c" },
	"closers in strings": func(n int) string { return rep(`["]", `, n) + "0" + rep("]", n) },
	"after a regex":      func(n int) string { return `if (1) /"/; ` + rep("[", n) + rep("]", n) + `"` },
	"in a regex":         func(n int) string { return "x = a++ /" + rep("(", n) + "0" + rep(")", n) },
	"after postfix":      func(n int) string { return "a++ / " + rep("!", n) + "0" },
	"unterminated":       func(n int) string { return "'abc\n" + rep("!", n) + "0" },
	"in a template":      func(n int) string { return "`a ${ " + rep("!", n) + "0 } b`" },
	"class body":         func(n int) string { return "class A { m() { return " + rep("-", n) + "1 } }" },
}

func rep(s string, n int) string { return strings.Repeat(s, n) }

// The count is at least the depth, for every way of nesting.
func TestCountIsAtLeastTheDepth(t *testing.T) {
	const n = 1000
	for name, make := range levels {
		s := scanner{src: make(n)}
		if got := s.scan(); got < n {
			t.Errorf("%s: counted %d levels in a text %d deep", name, got, n)
		}
	}
}

// Past Limit, Check refuses; goja's parser would need hundreds of MB of
// Go stack for some of these at 300,000 levels.
func TestDeepTextsRefused(t *testing.T) {
	for name, make := range levels {
		for _, n := range []int{Limit + 1, 300_000} {
			if err := Check(make(n)); !errors.Is(err, ErrTooDeep) {
				t.Errorf("%s, %d deep: got %v, want ErrTooDeep", name, n, err)
			}
		}
	}
}

// Ordinary code counts far below Limit: the repository's own scripts
// one by one and all together, and a long text of common forms (ASI
// style, regular expressions, templates, object literals, else-if).
func TestOrdinaryTextsPass(t *testing.T) {
	var all strings.Builder
	files := 0
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		switch filepath.Ext(p) {
		case ".js", ".mjs", ".cjs", ".ts":
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := scanner{src: string(b)}
		if got := s.scan(); got > 1000 {
			t.Errorf("%s: counted %d levels", p, got)
		}
		all.Write(b)
		all.WriteString("\n;\n")
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("found %d script files; the walk went wrong", files)
	}
	var gen strings.Builder
	for i := range 3000 {
		gen.WriteString(`const re` + string(rune('a'+i%26)) + ` = /[(\[{]+"'/g
let x = { a: 1, b: [1, 2, 3], c: ` + "`t ${x} ${ {a: 1}.a } (`" + ` }
if (x.a) { x.b.push(x.a / 2) } else if (x.c) { x = x.c.replace(re, "'(") } else { x = null }
x = x ? x.a : y
function f(a, b) {
  return a
    .map(v => v * 2)
    .filter(v => v > 1)
}
`)
	}
	for name, text := range map[string]string{"the repository's scripts": all.String(), "generated": gen.String()} {
		s := scanner{src: text}
		if got := s.scan(); got > 1000 {
			t.Errorf("%s (%d bytes): counted %d levels", name, len(text), got)
		}
		if err := Check(text); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A text too short to nest past Limit is not read.
func TestShortTextNotScanned(t *testing.T) {
	if err := Check(rep("(", Limit/2)); err != nil {
		t.Fatalf("got %v for a text of Limit/2 bytes", err)
	}
	if err := Check(rep("(", Limit+1)); !errors.Is(err, ErrTooDeep) {
		t.Fatalf("got %v for Limit+1 open brackets", err)
	}
}

var benchText = rep("function f(a, b) {\n  if (a) { return [a, b].map(v => v * 2) } else { return `x ${b}` }\n}\n", 12_000)

// BenchmarkCheck scans a 1 MB text of ordinary code (goja parses such a
// text in about 60 ms).
func BenchmarkCheck(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		if err := check(benchText); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckRemembered checks a text that passed before: its hash.
func BenchmarkCheckRemembered(b *testing.B) {
	if err := Check(benchText); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		if err := Check(benchText); err != nil {
			b.Fatal(err)
		}
	}
}

// A text that passed is remembered; one refused is not, and is refused
// again.
func TestPassedTextsRemembered(t *testing.T) {
	ok := "x = 1;\n" + rep("a = [1, 2];\n", Limit)
	deep := rep("[", Limit+1) + rep("]", Limit+1)
	if passed.has(maphash.String(seed, ok)) {
		t.Fatal("remembered before it was checked")
	}
	for range 2 {
		if err := Check(ok); err != nil {
			t.Fatal(err)
		}
		if err := Check(deep); !errors.Is(err, ErrTooDeep) {
			t.Fatalf("a deep text: got %v", err)
		}
	}
	if !passed.has(maphash.String(seed, ok)) || passed.has(maphash.String(seed, deep)) {
		t.Fatal("the memory holds the wrong texts")
	}
}

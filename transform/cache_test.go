package transform_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/transform"
)

func TestCacheHitsAndMisses(t *testing.T) {
	c := transform.NewCache(0)
	a, err := c.Transform("/p/a.ts", "export const x: number = 1;", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.Transform("/p/a.ts", "export const x: number = 1;", nil)
	if a != b {
		t.Error("the same file and content was transformed again")
	}
	d, _ := c.Transform("/p/a.ts", "export const x: number = 2;", nil)
	e, _ := c.Transform("/p/b.ts", "export const x: number = 1;", nil)
	if d == a || e == a || c.Len() != 3 {
		t.Errorf("a new content or path hit the cache (%d entries)", c.Len())
	}
	// The package type is part of the key.
	tree := files{"/q/package.json": `{"type":"module"}`}
	m, _ := c.Transform("/q/a.js", "var x = 1", tree.reader(new([]string)))
	tree["/q/package.json"] = `{"type":"commonjs"}`
	n, _ := c.Transform("/q/a.js", "var x = 1", tree.reader(new([]string)))
	if m.Kind != transform.Module || n.Kind != transform.CommonJS {
		t.Errorf("kinds %v %v", m.Kind, n.Kind)
	}
	// A syntax error is kept too.
	_, err1 := c.Transform("/p/bad.ts", "let x: = 1", nil)
	_, err2 := c.Transform("/p/bad.ts", "let x: = 1", nil)
	if err1 == nil || err1 != err2 {
		t.Errorf("syntax errors %v %v", err1, err2)
	}
}

func TestCacheIsBounded(t *testing.T) {
	c := transform.NewCache(4000)
	for i := 0; i < 100; i++ {
		if _, err := c.Transform(fmt.Sprintf("/p/%d.cjs", i), strings.Repeat(" ", 100)+"1", nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := c.Len(); n == 0 || n > 40 {
		t.Errorf("%d entries of ~110 bytes in a 4000-byte cache", n)
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := transform.NewCache(0)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				src := fmt.Sprintf("export const x: number = %d;", i%5)
				r, err := c.Transform("/p/a.ts", src, nil)
				if err != nil || r.Kind != transform.Module {
					t.Errorf("%v %v", r, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	if c.Len() != 5 {
		t.Errorf("%d entries, want 5", c.Len())
	}
}

// bigTypeScript is a 2,000-line TypeScript module.
func bigTypeScript() string {
	var b strings.Builder
	b.WriteString("import { helper } from './helper.ts';\n")
	for i := 0; i < 285; i++ { // 7 lines each
		fmt.Fprintf(&b, `interface Shape%d { kind: "s%d"; size: number }
export enum Color%d { Red, Green = %d }
export class Box%d<T extends Shape%d> {
  private items: T[] = [];
  add(item: T): this { this.items.push(item); return this; }
  total(): number { return this.items.reduce((s, x) => s + x.size * helper(%d), 0); }
}
`, i, i, i, i, i, i, i)
	}
	return b.String()
}

// BenchmarkTransformTS2000 is the first transform of a 2,000-line
// TypeScript module (no cache).
func BenchmarkTransformTS2000(b *testing.B) {
	src := bigTypeScript()
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		if _, err := transform.Transform("/p/big.ts", src, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGojaCompileTS2000 is goja's compile of that transform, for
// scale: what a run pays anyway.
func BenchmarkGojaCompileTS2000(b *testing.B) {
	r, err := transform.Transform("/p/big.ts", bigTypeScript(), nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := goja.Compile(r.Path, r.Code, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCachedTS2000 is a cache hit for the same file.
func BenchmarkCachedTS2000(b *testing.B) {
	src := bigTypeScript()
	c := transform.NewCache(0)
	if _, err := c.Transform("/p/big.ts", src, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Transform("/p/big.ts", src, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlainCommonJS is the check that leaves plain CommonJS alone.
func BenchmarkPlainCommonJS(b *testing.B) {
	src := strings.Repeat("function f(a, b) { return a + b; }\nmodule.exports.f = f;\n", 1000)
	for i := 0; i < b.N; i++ {
		r, err := transform.Transform("/p/plain.js", src, nil)
		if err != nil || !r.Plain {
			b.Fatal(r, err)
		}
	}
}

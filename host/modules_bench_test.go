package host

// Benchmarks of modules and TypeScript (issue 15's point 7):
//
//	go test ./host -run '^$' -bench 'TypeScript|RunFrom' -benchtime 200x

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bigTypeScript is a TypeScript module of about 2,000 lines.
func bigTypeScript() string {
	var b strings.Builder
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < 2000; i++ {
		fmt.Fprintf(&b, `interface Item%[1]d { id: number; name: string; tags?: string[] }
enum Level%[1]d { Low = %[1]d, High }
class Store%[1]d<T extends Item%[1]d> {
  private items: T[] = [];
  add(item: T): this { this.items.push(item); return this; }
  find(id: number): T | undefined { return this.items.find((x) => x.id === id); }
  get size(): number { return this.items.length; }
}
export function make%[1]d(n: number): number {
  const s = new Store%[1]d<Item%[1]d>();
  for (let i = 0; i < n; i++) s.add({ id: i, name: "x" + i });
  return s.size + Level%[1]d.High;
}
`, i)
	}
	b.WriteString("console.log(make0(2));\n")
	return b.String()
}

func benchFile(b *testing.B, name, src string) string {
	b.Helper()
	dir := b.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkTypeScriptFirstRun runs a 2,000-line TypeScript file on a new
// host each time: the transform, goja's compile and the run.
func BenchmarkTypeScriptFirstRun(b *testing.B) {
	p := benchFile(b, "big.ts", bigTypeScript())
	for i := 0; i < b.N; i++ {
		h, err := New(WithStdout(io.Discard))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := h.EvalFile(context.Background(), p); err != nil {
			b.Fatal(err)
		}
		_ = h.Close()
	}
}

// BenchmarkTypeScriptCachedRun runs it again and again on one host: the
// transform and the compile are cached.
func BenchmarkTypeScriptCachedRun(b *testing.B) {
	p := benchFile(b, "big.ts", bigTypeScript())
	h := newHost(b, WithStdout(io.Discard))
	if _, err := h.EvalFile(context.Background(), p); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := h.EvalFile(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}

// benchRunFrom runs main (which reads its loop count from n.txt) once to
// fill the caches, then with b.N threads.run calls.
func benchRunFrom(b *testing.B, files map[string]string, main string) {
	dir := b.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	n := filepath.Join(dir, "n.txt")
	h := newHost(b, WithStdout(io.Discard), WithFileSystem(dir))
	run := func(count int) {
		if err := os.WriteFile(n, []byte(strconv.Itoa(count)), 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := h.EvalFile(context.Background(), filepath.Join(dir, main)); err != nil {
			b.Fatal(err)
		}
	}
	run(1)
	b.ResetTimer()
	run(b.N)
	b.StopTimer()
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, "threads/s")
	}
}

// BenchmarkRunFromTypeScriptModule is threads.run of a function exported
// by a .ts module, imported by a .ts main file.
func BenchmarkRunFromTypeScriptModule(b *testing.B) {
	benchRunFrom(b, map[string]string{
		"lib.ts": "export function work(a: number, b: number): number { return a + b; }\n",
		"main.ts": `import { run } from "threads";
import { readFileSync } from "node:fs";
import { work } from "./lib.ts";
const n: number = Number(readFileSync("n.txt", "utf8"));
let sum = 0;
for (let i = 0; i < n; i++) sum += run(work, i, 1).get();
`,
	}, "main.ts")
}

// BenchmarkRunFromScript is the same with a plain .js script's top-level
// function.
func BenchmarkRunFromScript(b *testing.B) {
	benchRunFrom(b, map[string]string{
		"main.js": `function work(a, b) { return a + b; }
const n = Number(require("fs").readFileSync("n.txt", "utf8"));
let sum = 0;
for (let i = 0; i < n; i++) sum += threads.run(work, i, 1).get();
`,
	}, "main.js")
}

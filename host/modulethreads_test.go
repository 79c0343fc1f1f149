package host

import (
	"errors"
	"strings"
	"testing"
)

// A function written in an ES module travels to a thread with what it
// uses: imports imported again there (the module evaluated once in that
// runtime), module-level functions and classes as source, module-level
// values cloned; a closure over a local is refused.
func TestThreadsFromModules(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"lib.mjs": `export const factor = 10;
globalThis.libRuns = (globalThis.libRuns || 0) + 1;
console.log("lib evaluated", globalThis.libRuns);
export function scale(x) { return x * factor; }
`,
		"main.mjs": `import { run, Pool } from "threads";
import { scale } from "./lib.mjs";
import * as lib from "./lib.mjs";
const base = { k: 2 };
class Acc { constructor() { this.n = 0; } add(x) { this.n += x; return this; } }
function helper(x) { return x * base.k; }
export function work(x) { return new Acc().add(helper(x)).add(scale(x)).add(lib.factor).n; }
console.log(run(work, 3).get());
console.log(run((x) => scale(x) + scale(x), 4).get());
const pool = new Pool(work, { workers: 1 });
console.log(pool.submit(1).get(), pool.submit(2).get());
pool.close();
function outer() { const secret = 1; return () => secret; }
try { run(outer()); } catch (e) { console.log(e.name, e.message.includes('"secret"')); }
`,
	})
	got := mustRunFile(t, dir, "main.mjs")
	want := strings.Join([]string{
		"lib evaluated 1", // main
		"lib evaluated 1", // the first thread: its own runtime
		"46",              // 6 + 30 + 10
		"lib evaluated 1",
		"80",
		"lib evaluated 1", // the pool's worker, once for both items
		"22 34",
		"DataCloneError true",
		"",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A thread's error from a TypeScript module names the .ts lines, in the
// thread's frames and in the caller's.
func TestThreadStackFromTypeScript(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"shapes.ts": `export interface Shape { kind: string; size: number }
export enum Kind { Square = "square", Circle = "circle" }
export class Area {
  static of(s: Shape): number {
    if (s.size < 0) throw new RangeError("negative size " + s.size);
    return s.kind === Kind.Square ? s.size * s.size : 3 * s.size * s.size;
  }
}
`,
		"main.ts": `import { run } from "threads";
import { Area, Kind, type Shape } from "./shapes.ts";
const unit: Shape = { kind: Kind.Square, size: 1 };
function total<T extends Shape>(items: T[]): number {
  return items.reduce((sum, s) => sum + Area.of(s), Area.of(unit));
}
console.log(run(total, [{ kind: Kind.Square, size: 3 }, { kind: Kind.Circle, size: 2 }]).get());
run(total, [{ kind: Kind.Square, size: -1 }]).get();
`,
	})
	out, err := runFile(t, dir, "main.ts")
	if out != "22\n" {
		t.Errorf("output %q, want 22", out)
	}
	var se *ScriptError
	if !errors.As(err, &se) || se.Name != "RangeError" {
		t.Fatalf("err = %v, want the thread's RangeError", err)
	}
	for _, frame := range []string{"shapes.ts:5:27", "main.ts:5:46", "main.ts:8:"} {
		if !strings.Contains(se.Stack, frame) {
			t.Errorf("stack lacks %s:\n%s", frame, se.Stack)
		}
	}
}

// A module that throws while a thread imports it fails the thread with its
// error; one that awaits a timer at top level cannot be imported so, one
// that awaits only settled promises can.
func TestThreadImportFailures(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"flaky.mjs": `import { existsSync, writeFileSync } from "node:fs";
const marker = import.meta.dirname + "/marker";
if (existsSync(marker)) throw new Error("flaky threw");
writeFileSync(marker, "evaluated once");
export function f() { return 1; }
`,
		"tla.mjs":   "await null;\nexport function g() { return 'tla'; }\n",
		"timer.mjs": "await new Promise((r) => setTimeout(r, 1));\nexport function h() { return 'timer'; }\n",
		"main.mjs": `import { run } from "threads";
import { f } from "./flaky.mjs";
import { g } from "./tla.mjs";
import { h } from "./timer.mjs";
try { run(() => f()).get(); console.log("no error"); } catch (e) { console.log(e.name, e.message); }
console.log(run(() => g()).get());
try { run(() => h()).get(); console.log("no error"); } catch (e) { console.log(e.name, e.message.includes("awaits at top level")); }
`,
	})
	got := mustRunFile(t, dir, "main.mjs")
	want := "Error flaky threw\ntla\nError true\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A function text written in two modules with different meanings cannot
// be told apart: the DataCloneError names both places in the original
// files (through the source maps), not in the code goja runs.
func TestModuleAmbiguityNamesOriginalPlaces(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"one.ts": `// a comment, so that lines differ from the code goja runs
interface Unused { a: number }
const k: number = 1;
export const f = (x: number) => x + k;
`,
		"two.mjs": `export function make(k) {
  return (x) => x + k;
}
`,
		"main.mjs": `import { run } from "threads";
import { f } from "./one.ts";
import { make } from "./two.mjs";
make(2);
try { run(f, 1).get(); } catch (e) { console.log(e.name); console.log(e.message); }
`,
	})
	got := mustRunFile(t, dir, "main.mjs")
	for _, want := range []string{"DataCloneError", "one.ts:4:18", "two.mjs:2:10"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

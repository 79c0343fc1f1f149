package esm_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestImportsExports(t *testing.T) {
	w := newWorld(files{
		"/p/main.mjs": `
import def, { a, b as bee, inc } from "./lib.mjs";
import * as ns from "./lib.mjs";
import { c, d, star } from "./re.mjs";
console.log(def(), a, bee, c, typeof d, d.star, star);
inc();
console.log(a, ns.a, Object.keys(ns).join(","), ns[Symbol.toStringTag]);
export const done = true;`,
		"/p/lib.mjs": `
export let a = 1;
export const b = "two";
export function inc() { a++; }
export default function () { return "def"; }`,
		"/p/re.mjs": `
export { b as c } from "./lib.mjs";
export * from "./star.mjs";
export * as d from "./star.mjs";`,
		"/p/star.mjs": `export const star = "*";`,
	})
	ns := w.mustRun(t, "/p/main.mjs")
	check(t, w.log(), "def 1 two two object * *\n2 2 a,b,default,inc Module")
	if ns.Get("done").ToBoolean() != true {
		t.Errorf("done = %v", ns.Get("done"))
	}
	if n := w.loader.loads["/p/lib.mjs"]; n != 1 {
		t.Errorf("lib.mjs loaded %d times, want once", n)
	}
}

func TestNamespaceIsSealed(t *testing.T) {
	w := newWorld(files{
		"/main.mjs": `import * as ns from "./lib.mjs";
const o = [ns][0];
try { o.a = 2 } catch (e) { console.log(e.name) }
try { o.z = 2 } catch (e) { console.log(e.name) }
console.log(ns.a, ns.z, ns === (await import("./lib.mjs")));`,
		"/lib.mjs": `export const a = 1;`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "TypeError\nTypeError\n1 undefined true")
}

func TestCycle(t *testing.T) {
	// As in Node: a.mjs starts, b.mjs runs with a's functions hoisted and
	// its variables not yet set, then a finishes.
	w := newWorld(files{
		"/a.mjs": `import { b, fromB } from "./b.mjs";
export function hello() { return "hello from a"; }
export var late = "late";
console.log("a runs", b, fromB());`,
		"/b.mjs": `import { hello, late } from "./a.mjs";
export const b = "b";
export function fromB() { return late; }
console.log("b runs", hello(), late);`,
	})
	w.mustRun(t, "/a.mjs")
	check(t, w.log(), "b runs hello from a undefined\na runs b late")
}

func TestTopLevelAwaitOrder(t *testing.T) {
	// Node prints: a start, b, a end, main (b does not wait for a; main
	// waits for both).
	w := newWorld(files{
		"/main.mjs": `import "./a.mjs"; import "./b.mjs"; console.log("main");`,
		"/a.mjs":    `console.log("a start"); await Promise.resolve(); await null; console.log("a end");`,
		"/b.mjs":    `console.log("b");`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "a start\nb\na end\nmain")
}

func TestSyncGraphRunsBeforeMicrotasks(t *testing.T) {
	// Without top-level await the whole graph runs at once: a microtask
	// queued by a dependency runs after the main module, as in Node.
	w := newWorld(files{
		"/main.mjs": `import "./a.mjs"; console.log("main");`,
		"/a.mjs":    `Promise.resolve().then(() => console.log("a's microtask")); console.log("a");`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "a\nmain\na's microtask")
}

func TestDynamicImportAndMeta(t *testing.T) {
	w := newWorld(files{
		"/dir/main.mjs": `
const name = "./lib.mjs";
const m = await import(name);
const m2 = await import("./lib.mjs");
console.log(m.x, m === m2, import.meta.url, import.meta.dirname, import.meta.filename);
console.log(import.meta.resolve("./lib.mjs"));
try { await import("./nope.mjs") } catch (e) { console.log(e.code, e.message) }`,
		"/dir/lib.mjs": `export const x = 42;`,
	})
	w.mustRun(t, "/dir/main.mjs")
	check(t, w.log(), "42 true file:///dir/main.mjs /dir /dir/main.mjs\nfile:///dir/lib.mjs\n"+
		"ERR_MODULE_NOT_FOUND Cannot find module './nope.mjs' imported from /dir/main.mjs")
}

func TestMissingStaticImport(t *testing.T) {
	w := newWorld(files{
		"/main.mjs": `console.log("never"); import "./missing.mjs";`,
	})
	p := w.run(t, "/main.mjs")
	if p.State() != goja.PromiseStateRejected {
		t.Fatalf("state %v", p.State())
	}
	e := p.Result().(*goja.Object)
	check(t, e.Get("code").String()+" "+e.Get("message").String(),
		"ERR_MODULE_NOT_FOUND Cannot find module './missing.mjs' imported from /main.mjs")
	check(t, w.log(), "")
}

func TestThrowDuringEvaluation(t *testing.T) {
	// The module's error reaches every importer, and the module is
	// evaluated once.
	w := newWorld(files{
		"/main.mjs": `
try { await import("./bad.mjs") } catch (e) { console.log("1", e.message) }
try { await import("./bad.mjs") } catch (e) { console.log("2", e.message) }`,
		"/bad.mjs": `console.log("bad runs"); throw new Error("boom");`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "bad runs\n1 boom\n2 boom")
}

func TestCommonJSDependency(t *testing.T) {
	w := newWorld(files{
		"/main.mjs": `import cjs, { named } from "./lib.cjs"; import * as ns from "./lib.cjs";
console.log(cjs.named, named, ns.default === cjs);`,
		"/lib.cjs": `exports.named = "n";`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "n n true")
}

func TestRequireInModule(t *testing.T) {
	// require in a module is the global require, where the runtime has
	// one (jsrun's runtimes do).
	w := newWorld(files{
		"/main.mjs": `export {};
try { require("./x.cjs") } catch (e) { console.log(e.name) }
globalThis.require = (s) => "required " + s;
console.log(require("./x.cjs"), typeof require);`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "Error\nrequired ./x.cjs function")
}

func TestTypeScriptModule(t *testing.T) {
	w := newWorld(files{
		"/main.ts": `import { Box, Color } from "./lib.ts";
import type { Shape } from "./types.ts";
interface P { x: number }
const p: P = { x: 1 };
const s: Shape = { sides: 3 };
console.log(new Box<number>(p.x + s.sides).get(), Color.Green, Color[Color.Green]);`,
		"/lib.ts": `export enum Color { Red, Green }
export class Box<T> { constructor(private v: T) {} get(): T { return this.v } }`,
		"/types.ts": `export interface Shape { sides: number }`,
	})
	w.mustRun(t, "/main.ts")
	check(t, w.log(), "4 1 Green")
	if n := w.loader.loads["/types.ts"]; n != 0 {
		t.Errorf("a type-only import was loaded %d times", n)
	}
}

func TestLoweredSyntax(t *testing.T) {
	w := newWorld(files{
		"/main.mjs": `
async function* gen() { yield 1; yield 2; }
const got = [];
for await (const x of gen()) got.push(x);
class A { static #n = 3; static { this.m = A.#n; } }
Symbol.dispose ??= Symbol.for("Symbol.dispose"); // goja has no Symbol.dispose
{ using r = { [Symbol.dispose]() { got.push("disposed") } }; }
console.log(got.join(","), A.m);`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "1,2,disposed 3")
}

func TestStackNamesOriginalLine(t *testing.T) {
	w := newWorld(files{
		"/src/main.ts": `interface Opts {
  n: number;
}
enum E { A }
function fail(o: Opts): never {
  throw new Error("bad " + o.n);
}
export {};
fail({ n: 1 });`,
	})
	p := w.run(t, "/src/main.ts")
	if p.State() != goja.PromiseStateRejected {
		t.Fatalf("state %v", p.State())
	}
	st := stack(p.Result())
	if !strings.Contains(st, "at fail (/src/main.ts:6:9(") || !strings.Contains(st, "/src/main.ts:9:1(") {
		t.Errorf("stack does not name the .ts lines:\n%s", st)
	}
}

func TestSyntaxErrorInImport(t *testing.T) {
	w := newWorld(files{
		"/main.mjs": `import "./bad.ts";`,
		"/bad.ts":   "const a = 1;\nlet x: = 2;\n",
	})
	p := w.run(t, "/main.mjs")
	e := p.Result().(*goja.Object)
	check(t, e.Get("name").String(), "SyntaxError")
	check(t, e.Get("stack").String(), "/bad.ts:2\nlet x: = 2;\n       ^\n\nSyntaxError: Unexpected \"=\"")
}

func TestDynamicImportOfAwaitingModule(t *testing.T) {
	w := newWorld(files{
		"/main.mjs": `console.log("main");
const m = await import("./slow.mjs");
console.log(m.v, m.default);`,
		"/slow.mjs": `await null; export const v = await Promise.resolve("slow"); export default "d";`,
	})
	w.mustRun(t, "/main.mjs")
	check(t, w.log(), "main\nslow d")
}

func TestAwaitingImportFails(t *testing.T) {
	// An import that rejects after awaiting fails its importer, whose
	// body never runs.
	w := newWorld(files{
		"/main.mjs": `import "./a.mjs"; console.log("main");`,
		"/a.mjs":    `await null; throw new TypeError("late");`,
	})
	p := w.run(t, "/main.mjs")
	if p.State() != goja.PromiseStateRejected || stack(p.Result()) == "" {
		t.Fatalf("state %v", p.State())
	}
	check(t, p.Result().(*goja.Object).Get("message").String(), "late")
	check(t, w.log(), "")
}

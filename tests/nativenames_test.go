package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// nativeNamesScript prints, as JSON lines, what a script can see of the
// names of every native function jsrun installs: its name property, its
// source text, and the stack of an error thrown inside it (by bad input, or
// by a getter or callback it calls). It probes from main, then from a
// thread.
const nativeNamesScript = `
async function probe() {
	const fs = require("fs"), util = require("util");
	const bomb = { valueOf() { throw new Error("bomb") }, toString() { throw new Error("bomb") } };
	const trap = () => ({ get x() { throw new Error("getter") } });
	const A = threads.Atomic(1), S = threads.Shared(1), W = threads.WaitGroup(), Q = threads.Queue();
	const P = threads.Pool(function poolWork(x) { return x }, 1);
	const G = threads.Group();
	const T = threads.run(() => 1);
	T.get();
	const out = [];
	// named: fn reads as want, in its name and in its source text, and its
	// name property is a built-in's.
	const named = (what, fn, want) => {
		const d = Object.getOwnPropertyDescriptor(fn, "name") || {};
		out.push({ what, want, kind: "name", text: String(fn.name) },
			{ what, want, kind: "source", text: String(fn) },
			{ what, want, kind: "descriptor", text: [d.writable, d.enumerable, d.configurable].join(" ") });
	};
	// stack: f throws, and want's frame is in the error's stack.
	const stack = (what, want, f) => {
		let text = "(did not throw)";
		try { f() } catch (e) { text = String(e && e.stack) }
		out.push({ what, want, kind: "stack", text });
	};
	// Methods are called as methods of another object, not through call(),
	// whose frame would stand for theirs.
	const getter = (o, k) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(o), k).get;

	named("threads.run", threads.run, "run");
	stack("threads.run(5)", "run", () => threads.run(5));
	stack("threads.run with a throwing getter", "run", () => threads.run(function carry(v) { return v }, trap()));
	named("threads.sleep", threads.sleep, "sleep");
	stack("threads.sleep('x')", "sleep", () => threads.sleep("x"));
	for (const c of ["Atomic", "Shared", "WaitGroup", "Queue", "Pool", "Group"]) named("threads." + c, threads[c], c);
	for (const f of ["spawn", "select", "selectAsync"]) {
		named("threads." + f, threads[f], f);
		stack("threads." + f + "(5)", f, () => threads[f](5));
	}
	stack("threads.Group(5)", "Group", () => threads.Group(5));
	stack("threads.Atomic('1')", "Atomic", () => threads.Atomic("1"));
	stack("threads.Pool(5)", "Pool", () => threads.Pool(5));
	for (const c of ["DataCloneError", "CancelledError", "TimeoutError", "QueueClosedError", "PoolClosedError"]) named("threads." + c, threads[c], c);

	const classes = [
		["Atomic", A, ["add", "get", "set", "swap", "compareAndSwap"], []],
		["Shared", S, ["get", "set", "update"], []],
		["WaitGroup", W, ["add", "done", "wait", "waitAsync"], ["count"]],
		["Queue", Q, ["put", "tryPut", "get", "tryGet", "putAsync", "getAsync", "size", "close"], ["closed"]],
		["Pool", P, ["submit", "map", "mapAsync", "close"], ["workers", "pending", "closed"]],
		["Group", G, ["run", "submit", "wait", "then"], ["signal", "running"]],
		["ThreadPromise", T, ["get", "wait", "cancel", "then", "catch", "finally"], []],
	];
	for (const [cls, obj, methods, getters] of classes) {
		for (const m of methods) {
			named(cls + "." + m, obj[m], m);
			stack(cls + "." + m + " on a wrong this", m, () => ({ f: obj[m] }).f());
		}
		for (const g of getters) {
			// A getter run by a property read has no frame of its own.
			named(cls + "." + g + " getter", getter(obj, g), "get " + g);
		}
	}
	named("Queue[Symbol.iterator]", Q[Symbol.iterator], "[Symbol.iterator]");
	stack("Queue[Symbol.iterator] on a wrong this", "[Symbol.iterator]", () => ({ f: Q[Symbol.iterator] }).f());
	named("Queue iterator next", Q[Symbol.iterator]().next, "next");
	stack("Queue.put with a throwing getter", "put", () => Q.put(trap()));
	stack("Shared.set with a throwing getter", "set", () => S.set(trap()));
	stack("Shared.update with a throwing callback", "update", () => S.update(() => { throw new Error("cb") }));
	stack("Pool.submit with a throwing getter", "submit", () => P.submit(trap()));
	stack("Pool.map with a throwing getter", "map", () => P.map([trap()]));

	for (const f of ["readFileSync", "writeFileSync", "readdirSync", "existsSync", "statSync", "mkdirSync"]) named("fs." + f, fs[f], f);
	for (const f of ["readFileSync", "writeFileSync", "readdirSync", "statSync", "mkdirSync"]) stack("fs." + f + "(5)", f, () => fs[f](5));
	const st = fs.statSync(".");
	named("stats.isDirectory", st.isDirectory, "isDirectory");
	named("stats.isFile", st.isFile, "isFile");

	named("process.exit", process.exit, "exit");
	stack("process.exit with a throwing valueOf", "exit", () => process.exit(bomb));
	named("require", require, "require");
	stack("require(5)", "require", () => require(5));
	for (const m of ["log", "error", "warn", "info", "debug"]) {
		named("console." + m, console[m], m);
		stack("console." + m + " with a throwing valueOf", m, () => console[m]("%d", bomb));
	}
	named("util.format", util.format, "format");
	named("node:console's log", require("node:console").log, "log");
	named("node:util's format", require("node:util").format, "format");
	stack("util.format with a throwing valueOf", "format", () => util.format("%d", bomb));
	for (const f of ["setTimeout", "setInterval", "setImmediate", "queueMicrotask"]) {
		named(f, globalThis[f], f);
		stack(f + "(5)", f, () => globalThis[f](5));
	}
	for (const f of ["clearTimeout", "clearInterval", "clearImmediate"]) {
		named(f, globalThis[f], f);
		stack(f + " with a throwing valueOf", f, () => globalThis[f](bomb));
	}

	// Every function reachable from the globals and the objects above
	// (methods made on first use excepted: they are listed above).
	const seenObjects = new Set();
	const walk = (path, v, depth) => {
		if ((typeof v !== "object" && typeof v !== "function") || v === null || seenObjects.has(v) || depth > 6) return;
		seenObjects.add(v);
		if (typeof v === "function") out.push({ what: path, want: "", kind: "walked", text: String(v.name) });
		for (const k of Reflect.ownKeys(v)) {
			const d = Object.getOwnPropertyDescriptor(v, k);
			if ("value" in d) walk(path + "." + String(k), d.value, depth + 1);
			else for (const acc of [d.get, d.set]) walk(path + "." + String(k) + " accessor", acc, depth + 1);
		}
		walk(path + " prototype", Object.getPrototypeOf(v), depth + 1);
	};
	// The built-in globals become own properties of globalThis on first
	// read (internal/guard): read them all, so that the walk finds them.
	for (const n of ["Object", "Function", "Array", "String", "Number", "BigInt", "RegExp", "Date", "Boolean", "Proxy", "Reflect", "Symbol",
		"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError", "Math", "JSON",
		"Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "ArrayBuffer", "SharedArrayBuffer", "DataView",
		"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
		"Float64Array", "BigInt64Array", "BigUint64Array", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURI", "decodeURI",
		"encodeURIComponent", "decodeURIComponent", "escape", "unescape", "eval"]) void globalThis[n];
	// Node's modules and globals, process's members and fs's objects.
	for (const n of ["Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "atob", "btoa", "performance", "structuredClone",
		"AbortController", "AbortSignal", "Event", "EventTarget", "DOMException", "crypto"]) void globalThis[n];
	const nodeModules = {};
	for (const m of ["fs/promises", "path", "events", "os", "url", "buffer", "assert", "assert/strict", "crypto", "timers/promises", "process"]) nodeModules[m] = require(m);
	for (const k of Object.keys(process)) void process[k];
	const dirent = fs.readdirSync(".", { withFileTypes: true })[0] || {};
	const roots = { globalThis, fs, util, nodeConsole: require("node:console"), stats: st, dirent, nodeModules, A, S, W, Q, P, T, iterator: Q[Symbol.iterator]() };
	for (const k in roots) walk(k, roots[k], 0);

	// A thread's promise whose own then gets the thread's resolving
	// functions: anonymous, as Node's are.
	const seen = await threads.run(function thenable() {
		const p = new Promise(() => {});
		p.then = function (res, rej) {
			res({ res: res.name, rej: rej.name, source: String(res), get stack() { return new Error("in a getter").stack } });
		};
		return p;
	});
	out.push({ what: "thread's resolve function", want: "", kind: "name", text: seen.res },
		{ what: "thread's reject function", want: "", kind: "name", text: seen.rej },
		{ what: "thread's resolve function", want: "", kind: "source", text: seen.source },
		{ what: "getter read by a thread's resolve function", want: "", kind: "stack", text: seen.stack });
	P.close();
	return out;
}
(async () => {
	console.log(JSON.stringify(await probe()));
	console.log(JSON.stringify(await threads.run(probe)));
})();
`

// goNameMarks are pieces of Go function names (package paths, closures,
// method receivers, method values) that must never reach a script.
var goNameMarks = []string{"github.com", ".func", "(*", "go/", "-fm"}

type nameRecord struct {
	What, Want, Kind, Text string
}

// TestNativeNames checks that every native function jsrun installs reads
// as its JavaScript name, never as its Go name: in its name property, in
// its source text and in stack traces, in main and in a thread.
func TestNativeNames(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	var out, errOut bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&errOut), host.WithFileSystem(t.TempDir()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := h.Eval(ctx, nativeNamesScript); err != nil {
		t.Fatalf("evaluation failed: %v\nstderr: %s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("printed %d lines, want 2 (main, thread):\n%s", len(lines), out.String())
	}
	for i, where := range []string{"main", "thread"} {
		var recs []nameRecord
		if err := json.Unmarshal([]byte(lines[i]), &recs); err != nil {
			t.Fatalf("%s: %v in %q", where, err, lines[i])
		}
		if len(recs) < 600 {
			t.Fatalf("%s: only %d records", where, len(recs))
		}
		for _, r := range recs {
			checkNameRecord(t, where, r)
		}
	}
}

func checkNameRecord(t *testing.T, where string, r nameRecord) {
	t.Helper()
	for _, mark := range goNameMarks {
		if strings.Contains(r.Text, mark) {
			t.Errorf("%s: %s: %s shows a Go name (%q):\n%s", where, r.What, r.Kind, mark, r.Text)
			return
		}
	}
	switch r.Kind {
	case "name":
		if r.Text != r.Want {
			t.Errorf("%s: %s: name %q, want %q", where, r.What, r.Text, r.Want)
		}
	case "source":
		if want := "function " + r.Want + "() { [native code] }"; r.Text != want {
			t.Errorf("%s: %s: source %q, want %q", where, r.What, r.Text, want)
		}
	case "descriptor":
		if want := "false false true"; r.Text != want {
			t.Errorf("%s: %s: name property writable, enumerable, configurable: %s, want %s", where, r.What, r.Text, want)
		}
	case "walked": // only the marks above
	case "stack":
		if !strings.Contains(r.Text, "\tat ") {
			t.Errorf("%s: %s: no stack: %q", where, r.What, r.Text)
		} else if frame := "\tat " + r.Want + " (native)\n"; r.Want != "" && !strings.Contains(r.Text+"\n", frame) {
			t.Errorf("%s: %s: stack has no frame %q:\n%s", where, r.What, strings.TrimSpace(frame), r.Text)
		}
	default:
		t.Errorf("%s: %s: unknown kind %q", where, r.What, r.Kind)
	}
}

// TestNativeNamesUncaught checks the stack jsrun prints for an uncaught
// error thrown inside a native function.
func TestNativeNamesUncaught(t *testing.T) {
	for _, src := range []string{`threads.run(5)`, `threads.run(() => threads.run(5)).get()`,
		`[1].map(() => threads.run(5))`, `threads.run(() => [1].map(() => threads.run(5))).get()`} {
		_, stderr, code, _ := runJsrun(t, "", "-e", src)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (stderr %q)", src, code, stderr)
		}
		// Node prints its native frames so: "at Array.map (<anonymous>)".
		if !strings.Contains(stderr, "    at run (<anonymous>)\n") || strings.Contains(stderr, "(native)") {
			t.Errorf("%s: stderr has no frame \"at run (<anonymous>)\", or has a \"(native)\" one:\n%s", src, stderr)
		}
		for _, mark := range goNameMarks {
			if strings.Contains(stderr, mark) {
				t.Errorf("%s: stderr shows a Go name (%q):\n%s", src, mark, stderr)
			}
		}
	}
}

// TestNodeConsoleIsTheHostConsole checks that require("node:console") is
// the host's console, writing where the host says, like require("console").
func TestNodeConsoleIsTheHostConsole(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	var out bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&out))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	src := `const c = require("node:console"); c.log(c === console, require("node:util") === require("util"))`
	if _, err := h.Eval(ctx, src); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "true true\n" {
		t.Errorf("printed %q, want %q", got, "true true\n")
	}
}

// TestEmbedderFunc checks that a function an embedder makes with
// Runtime.Func reads as its JavaScript name too.
func TestEmbedderFunc(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	var out bytes.Buffer
	h := newHost(t, host.WithStdout(&out), host.WithStderr(&out),
		host.WithModule("db", func(r *host.Runtime, exports *goja.Object) error {
			return exports.Set("query", r.Func("query", func(c goja.FunctionCall) goja.Value {
				panic(r.NewTypeError("db.query: bad id"))
			}))
		}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	src := `const db = require("db");
		try { db.query(1) } catch (e) { console.log(db.query.name + "\n" + e.stack) }
		threads.run(() => { try { db.query(2) } catch (e) { console.log(e.stack) } }).get()`
	if _, err := h.Eval(ctx, src); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.HasPrefix(got, "query\n") || strings.Count(got, "\tat query (native)\n") != 2 {
		t.Errorf("printed %q: want the name query and two frames 'at query (native)'", got)
	}
	for _, mark := range goNameMarks {
		if strings.Contains(got, mark) {
			t.Errorf("shows a Go name (%q):\n%s", mark, got)
		}
	}
}

// TestNativeFramesInspected: console.log of an error thrown inside a
// native function prints its frames as Node prints them.
func TestNativeFramesInspected(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	var out bytes.Buffer
	h := newHost(t, host.WithStdout(&out))
	src := `try { [1].map(() => threads.run(5)) } catch (e) { console.log(e) }`
	if _, err := h.Eval(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "    at run (<anonymous>)\n") || strings.Contains(got, "(native)") || strings.Contains(got, "proxy") {
		t.Errorf("printed %q: want Node's frames, \"at run (<anonymous>)\"", got)
	}
}

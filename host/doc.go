// Package host embeds jsrun in a Go program: it runs JavaScript whose
// `threads` library gives scripts real parallelism on goroutines, each
// thread in a fresh, isolated goja runtime.
//
// # Running a script
//
// Make one Host and use it for any number of evaluations, one after another
// or at once; they share compiled programs, never state. New reports a bad
// option at once; Close stops what still runs and releases what the host
// holds:
//
//	h, err := host.New(host.WithStdout(os.Stdout))
//	if err != nil {
//		return err
//	}
//	defer h.Close()
//	v, err := h.Eval(ctx, `threads.run((a, b) => a + b, 1, 2).get()`)
//	// v == int64(3)
//
// Eval, EvalFile and EvalWithTimeout return when the main script, its event
// loop (timers, promises) and every thread it started, transitively, have
// finished, or when ctx ends. In that case every runtime is interrupted,
// every blocked call (ThreadPromise.get, Queue.get, WaitGroup.wait, ...)
// returns with CancelledError or TimeoutError inside the script, and no
// goroutine outlives the call, but one stuck where goja cannot interrupt it
// (see "Stuck goroutines" below). A script that can never finish, because every
// runtime waits on something only another waiting runtime could do, fails
// at once with a deadlock error that names each wait, as Go does.
//
// The result is the script's completion value, or what it settled to if it
// is a promise, exported by goja's rules: numbers as int64 or float64,
// strings, bools, nil for undefined and null, objects as map[string]any,
// arrays as []any. Call runs a script and then one of its functions with
// arguments from Go.
//
// # Files, modules and TypeScript
//
// EvalFile runs a file as Node 22 would (package transform decides its
// kind): an ES module (.mjs, .mts, a .js or .ts with import/export or
// top-level await, or under a package.json "type": "module") runs through
// package transform/esm with Node's resolution, import() and import.meta;
// CommonJS gets module, exports, require, __filename and __dirname (as
// globals of the main runtime). TypeScript is stripped by esbuild, and the
// syntax goja lacks is lowered; plain CommonJS runs untransformed. Stacks,
// syntax errors included, name the original file, line and column. The
// transforms are cached in memory per Host (not on disk). Modules are read
// as require reads them: only inside the directory of WithFileSystem. A
// function written in a module travels to threads with its imports, which
// each thread imports again (a module is evaluated once per runtime).
// Eval's source is always a classic script.
//
// # Load once, call many
//
// A service that runs a script per request loads it once: Load (or
// LoadFile) runs it in each instance of a Program, a warm main runtime of
// its own (WithInstances, default GOMAXPROCS), and Program.Call runs one
// of its functions on an idle instance with Go arguments:
//
//	prog, err := h.Load(ctx, src, host.WithCallTimeout(time.Second))
//	...
//	var q Quote
//	err = prog.CallInto(r.Context(), &q, "handle", order)
//
// What the script keeps at its top level persists per instance between
// calls, as module state does in a Node worker; two calls may land on
// different instances. Each call is an evaluation of its own: its
// threads, Queues and Pools end with it, and it returns when the
// function's promise has settled and its threads have ended, or when its
// context or WithCallTimeout ends. A call that throws fails alone and
// leaves its instance; one that was stopped (timeout, deadlock,
// process.exit, the memory limit) or abandoned fails alone and its
// instance is replaced by a fresh one, as it is after
// WithCallsPerInstance calls.
//
// Call finds functions by name. Load's source string is a classic script:
// its global functions. LoadFile runs its file by kind, as EvalFile does:
// an ES module is imported in each instance (its top-level await settled
// before LoadFile returns) and Call calls its exports; a CommonJS file
// (TypeScript stripped) gets module, exports, require, __filename and
// __dirname, and Call calls module.exports[name], else the global
// function name. An unknown name is an error that says where it looked.
//
// # Typed values
//
// Go values given to scripts (Call's and Program.Call's arguments, what
// WithModule functions return through ToValue) show struct fields under
// their json tags, as encoding/json names them; WithGoFieldNames keeps Go
// names. Results decode into Go types by encoding/json's rules with
// Program.CallInto, EvalInto or Decode; a mismatch is a *DecodeError
// naming its path, such as "result.items[3].price: want number, got
// string".
//
// # Watching
//
// Host.Stats reports counters and gauges of what the host's scripts do
// (threads, Pool items, Queue items, clones, deadlocks, evaluations and
// calls running, abandoned goroutines); scripts read the same with
// threads.stats(), and package host/promstats exports them to
// Prometheus. WithLogger turns console output into slog records at the
// level of the console method, with the thread's name and the script as
// attributes.
//
// # Errors
//
// An evaluation fails with:
//   - *ScriptError: an exception nothing caught, an unhandled promise
//     rejection (in the main runtime or any thread), or a syntax error; its
//     Stack has file:line:col frames, and a thread's error ends with the
//     threads.run call that started the thread; a RangeError wrapping
//     ErrMemoryLimit when WithMemoryLimit stopped it;
//   - *ExitError: the script called process.exit (in any runtime);
//   - an error wrapping context.DeadlineExceeded or context.Canceled when ctx
//     ended first;
//   - an error wrapping threads.ErrDeadlock;
//   - an error wrapping ErrClosed when Close stopped it, or the host was
//     closed before.
//
// A Go panic in a callback, the library's or an embedder's, becomes an
// error; the host process never crashes because of what a script did.
//
// # Giving scripts your Go functions
//
// WithModule makes require(name) return a module of Go functions in every
// runtime, the main one and each thread's, built afresh in each, on that
// runtime's goroutine. A function may block: threads run on their own
// goroutines, so a script fans blocking calls out in parallel. It should
// watch Runtime.Context, which ends when its thread is cancelled or the
// evaluation ends, since goja cannot interrupt Go code:
//
//	h, err := host.New(host.WithModule("db", func(r *host.Runtime, exports *goja.Object) error {
//		return exports.Set("query", r.Func("query", func(c goja.FunctionCall) goja.Value {
//			row, err := db.QueryContext(r.Context(), c.Argument(0).String())
//			if err != nil {
//				r.Throw("Error", "EDB", err.Error()) // a JavaScript exception
//			}
//			return r.ToValue(row)
//		}))
//	}))
//
// and in JavaScript:
//
//	const db = require("db");
//	const rows = ids.map((id) => threads.run((id) => db.query(id), id)).map((p) => p.get());
//
// Runtime.Func names a function as scripts see it; one made by ToValue
// shows its Go name (main.main.func1) in stack traces and in its name.
// WithGlobal installs a global value the same way. scripts/examples/goservice
// is a complete service that fans 50 blocking calls out over threads.
//
// Runtime.Throw (or panic(r.NewError(name, code, message))) throws a
// JavaScript error from Go: one of the language's classes or a custom
// name, with Node's code property; see ExampleRuntime_Throw.
//
// # What every runtime has
//
// The part of Node that everyday scripts use (README.md, "The Node
// surface", lists it and what differs): console (node/console: Node's
// output byte for byte, coloured on a terminal, see WithTerminal), process
// (argv, env, exit, exitCode, cwd, nextTick, hrtime, memoryUsage, stdout
// and stderr, 'exit' and 'warning' events, ...), require with the built-in
// modules (util, fs, fs/promises, path, events, os, url, buffer, assert,
// crypto, timers/promises, each also under its node: name), the globals
// Buffer, URL, URLSearchParams, TextEncoder, TextDecoder, atob, btoa,
// performance, structuredClone, AbortController, AbortSignal, Event,
// EventTarget, DOMException and crypto, the timers and queueMicrotask, and
// threads. A thread gets each of these only when a function it receives
// names it (or names require, eval, Function or globalThis, which may
// reach any of them), and the globals that cost more than a native
// function (Buffer, URL, ...) are made on their first read even then
// (engine.Runtime.LazyGlobal): a runtime pays only for what its script
// uses.
//
// fs has Node's calls in their three forms (readFileSync, readFile with a
// callback, and fs/promises), with Node's error shape (code "ENOENT",
// syscall, path) and Buffers; the asynchronous forms do their I/O on a
// goroutine and open only regular files. A finished evaluation whose
// process.exitCode is not 0 returns an *ExitError of that code.
//
// # Files
//
// fs and require reach files through one door. WithFileSystem confines
// both to one directory, through an os.Root: no path, "..", or symbolic
// link leaves it, and trying is an Error with code "EACCES" naming the path
// (Node's permission model also gives fs and require one error). A module
// outside is never read, so it never runs and its text never shows in an
// error; the search of node_modules stops at the directory, as if it were
// the top of the file system. WithoutFileSystem removes fs and lets require
// read no file at all. The host itself reads only the main file given to
// EvalFile, which runs even outside the directory. require reads only
// regular files (a named pipe or a device is an EINVAL error), source maps
// are read through the same door, and eval and Function read none. A
// module not found is Node's Error "Cannot find module '...'" with code
// "MODULE_NOT_FOUND"; one that does not parse, a SyntaxError naming
// file:line:col.
//
// # Network
//
// fetch (package node/fetch) reaches the network as Node's does: every
// host, by default. WithHTTPClient gives the client it sends with,
// WithNetworkPolicy sees each request (each redirect hop included) and may
// refuse it, and WithoutNetwork refuses all; a refused request is
// TypeError("fetch failed") whose cause carries the refusal's text and
// code "ERR_ACCESS_DENIED". A request runs on a goroutine the evaluation
// waits for; a cancelled thread or an ended evaluation aborts it. The
// host's own client keeps connections alive while an evaluation runs and
// closes the idle ones when it ends (and on Close).
//
// # Limits
//
// Every limit fails inside the script with a JavaScript error, never by
// crashing or hanging the host:
//   - WithMaxThreads: threads alive at once per evaluation (default
//     DefaultMaxThreads, 1,000); threads.run throws a RangeError past it;
//   - WithMaxCallStackSize: call depth per runtime (default 10,000);
//     deeper recursion fails that runtime's task with a RangeError;
//   - WithMaxCloneBytes: size of one value cloned between runtimes
//     (default none); a DataCloneError past it;
//   - WithMaxQueuedItems: items held by all the Queues of an evaluation
//     (default 1,000,000); a RangeError past it;
//   - WithRegexpMatchTimeout: one match of a backtracking regular
//     expression (default 1.5 s, process-wide), so that a catastrophic
//     pattern cannot keep a cancelled runtime alive;
//   - WithMemoryLimit: the Go heap (default none; jsrun's default is half
//     the memory available to it); the evaluation fails with RangeError
//     "out of memory: limit N bytes" (see below).
//
// # The memory limit
//
// goja gives no account of what one runtime holds, so WithMemoryLimit
// bounds the whole process's Go heap: every runtime of every host, and the
// embedding program's own memory. While an evaluation with a limit runs,
// the Go memory limit (debug.SetMemoryLimit) is the smallest limit of
// those running, so that the collector works hard near it, and one
// goroutine reads the live heap from runtime/metrics every 10 ms. When a
// collection finds the live heap at 90% of an evaluation's limit, that
// evaluation is stopped as a timeout would stop it, with RangeError "out
// of memory: limit N bytes" as the cause: blocked calls throw it, a
// thread's promise rejects with it, and Eval returns it as a *ScriptError
// wrapping ErrMemoryLimit. Every evaluation whose limit the heap reached
// fails together, since none can be told apart as the one that allocated;
// evaluations without a limit, or with a higher one, go on. When the last
// limited evaluation ends, the watcher stops and the Go memory limit
// returns to what it was.
//
// It cannot stop one allocation larger than what is left (a built-in
// asked for gigabytes at once: guards in front of those built-ins refuse
// them), nor memory outside the Go heap, and a heap that grows faster than
// a collection finishes overshoots the limit by what was allocated
// meanwhile. The bound is on the heap, not on items held: WithMaxQueuedItems
// and WithMaxCloneBytes bound those.
//
// # Stuck goroutines
//
// goja cannot interrupt a built-in while it runs (a sort of millions of
// numbers, a join over 2^32 holes), nor a Go function of the embedder
// that ignores Runtime.Context, nor its compiler, which computes constant
// expressions such as 3n ** 30000000n. Each runtime's goroutine, main or
// thread, has half a second (threads.AbandonAfter) after its runtime must
// stop (the context ended, process.exit, the memory limit, or p.cancel()
// of its thread); then it is abandoned: its thread is settled as
// cancelled, the evaluation stops waiting for it, and Eval returns within
// a second of its context's end. The goroutine runs on until its call
// returns, then finds its runtime interrupted (no more JavaScript runs
// there) and ends without touching anything of its evaluation; until then
// it holds that runtime's memory. A compile is left the same way, and
// keeps its program for the next evaluation of that source. Host.Stats
// counts them: those still running, and all ever abandoned. A Pool worker
// stuck in an item runs on until the evaluation ends, since a pool item's
// p.cancel() only discards its result.
package host

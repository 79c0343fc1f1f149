// Package engine runs jsrun's evaluations and implements its concurrency
// library for JavaScript (package threads names what Go sees of it): the
// `threads` global of every runtime, with threads.run and the shared
// primitives, and the Go side that runs each thread in a fresh goja runtime
// on its own goroutine.
//
// A Script is a main script compiled once, with its analysis: the only
// cache of them is the Env's (Env.Script), and every evaluation and runtime
// that runs a source shares its Script. A Group is everything one
// evaluation shares: its Script, its context, the threads it started
// (transitively), and the first error nothing caught. An Env is what a host
// shares across evaluations: its Scripts, the analysis of the modules they
// require, and its configuration.
//
// How a thread is born: the caller's threads.run looks up the analysis of
// fn's source (cached in the evaluation's Script) to learn the top-level names fn needs, directly or
// through the top-level functions and classes it uses; clone snapshots fn,
// those values and the arguments into immutable Go data; a goroutine makes
// a fresh runtime with the built-ins installed, rebuilds the snapshot there
// (functions are compiled once per Script and re-run from the cached
// *goja.Program), calls fn, snapshots the result, and wakes the caller:
// directly when it blocks in get(), and through its event loop for the
// Promise. Nothing of one runtime is ever touched by another.
//
// What a thread costs (issue 20; BenchmarkNewRuntimeParts, BenchmarkRun,
// and scripts/bench's floor and first rows): its fresh runtime is most of
// it, and of that the guards (internal/guard) are most: each must make
// the built-in it replaces, which goja would otherwise make on first use.
// goja.New itself is about 3%. What only some threads use is made on
// first use: the symbols goja lacks are added when Symbol is first read
// (guard.OnBuiltin), not in every runtime. A goroutine that has run a
// thread makes the next one's blank runtime (goja's, guarded, no code run
// in it) before it waits for work (spawner.go), so that this part runs
// beside the caller rather than after it. The first few hundred threads
// of a process cost more than the rest because the heap grows into fresh
// pages until it reaches the collector's goal (12 MB at jsrun's GOGC of
// 300): about 12 page faults per thread, at ~10 µs each on the VMs this
// is measured on, then about 2. We chose no warm-up: faulting the goal in
// at start (allocate, touch, collect) cuts the first 1,000 round trips by
// 40% but costs a script of 100 threads more than it saves (+25 ms of
// wall time), and GOGC=100 faults half as much but collects so often that
// the steady state is 1.5 times as slow.
//
// An ES module's code (package transform's) is compiled by ModuleScript
// through the same cache, with an analysis whose top level is the
// module's: its import bindings are imported again in a thread
// (Config.Import), its other bindings read in the caller
// (Config.ModuleBinding) and cloned (modulescript.go).
//
// A thread's threads outlive it, as goroutines do: its return cancels
// nothing but itself. cancel() reaches the threads it started, transitively
// (tree.go), and the evaluation's end reaches them all. A cancelled runtime
// takes nothing and puts nothing: a waiter withdrawn by a cancel is never
// handed an item, a slot or a lock (takeLive), and the deadlock detector
// counts it as waking.
//
// Values cross exactly, or fail loudly. A ThreadPromise held in many
// runtimes is one promise: its rejection is reported, by the runtime that
// started the thread, only if no holder has handled it when the outcome
// reaches that runtime. A function is known by its text, in the
// evaluation's main script first (goja gives no position of a function
// value); where one script writes a text at places that mean different
// things, the function made at each carries its site (the script is
// compiled so: see internal/rewrite's Tagger) and is carried as written
// there. A value that carries no site and whose text means different
// things where it is written (a method, a text in a module too, one made
// by eval) is a DataCloneError, never resolved at one of them. An
// Atomic returns its int64 as a Number while it is a safe integer and as a
// BigInt beyond (always as a BigInt if it was made from one), never
// rounded. A thread's Error whose cause cannot be cloned keeps its class,
// message and stack, loses only the cause, and says so in its message.
//
// threads.select (select.go) is Go's select: it locks what its cases name
// in address order and runs one ready case chosen at random, or queues a
// waiter per case; the first waker to claim the select runs its case and
// the others pass over it. threads.Group (errgroup.go) is Go's errgroup,
// cooperative as a Go context is: its first error aborts the AbortSignal
// its threads read as threads.signal. AbortSignals (signal.go, on
// internal/abort) end blocking calls: the ones the library makes are
// backed by a Go context, so a call blocked on one wakes when another
// runtime aborts it; a signal only this runtime can abort is checked when
// the call starts.
//
// A Pool made with {cluster: name} (remote.go) starts no workers: its seed
// and items cross in clone's wire form (functions as their program text,
// remote_wire.go) to the RemotePools the host configures, which reports
// each item once; Env.RunItem is the worker's side, one evaluation per
// item under the Env's limits. The engine imports nothing of the cluster.
package engine

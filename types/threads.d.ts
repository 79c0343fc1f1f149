// TypeScript declarations for scripts run by jsrun: the `threads` library (the global and
// `require("threads")`) and the other globals every jsrun runtime provides.
// The contract is README.md (the tour and "The contract where Node has no answer").
//
// Use it from a tsconfig/jsconfig without DOM or Node typings, e.g.
//   { "compilerOptions": { "allowJs": true, "checkJs": true, "noEmit": true,
//                          "lib": ["es2020"], "types": [] },
//     "files": ["path/to/types/threads.d.ts"], "include": ["scripts/**/*.js"] }

/**
 * The threads library: Go-style concurrency for JavaScript. Every thread is a new runtime on
 * its own goroutine; values cross between runtimes as structured clones, threads objects
 * (Atomic, Shared, WaitGroup, Queue, Pool, ThreadPromise) cross by reference.
 * Also available as `require("threads")` (the same object).
 */
declare namespace threads {
  /** Options of the blocking calls that can give up: `q.get({ timeout: 50 })`. */
  interface TimeoutOptions {
    /** Milliseconds to wait before throwing {@link TimeoutError}. */
    timeout?: number;
  }

  /**
   * Options of the calls that take an AbortSignal: `q.get({ signal })`. An aborted signal
   * makes the call throw its `reason` at once. While the call blocks, it watches a signal
   * another runtime can abort ({@link threads.signal}, a Group's `signal`); a signal only this
   * runtime's code aborts cannot fire while this runtime is blocked (use the async form).
   */
  interface SignalOptions {
    signal?: AbortSignal;
  }
  /** `{ timeout, signal }`. */
  interface WaitOptions extends TimeoutOptions, SignalOptions {}

  /** An integer argument: a safe integer number, or a BigInt in the int64 range. */
  type Int = number | bigint;

  // ---------------------------------------------------------------------------------------
  // run and ThreadPromise

  /**
   * Runs `fn(...args)` on a new goroutine in a new runtime and returns at once.
   *
   * The thread gets structured clones of the arguments and of the caller's top-level bindings
   * that `fn` uses; what it changes stays its own. `fn` travels as source, so it may not use a
   * local variable of an enclosing function (`DataCloneError` at the call: pass it as an
   * argument instead). An `async` `fn` (or one returning a Promise) settles the thread when
   * its Promise settles; the result is unwrapped.
   *
   * @example
   * const p = threads.run((a: number, b: number) => a + b, 1, 2); // ThreadPromise<number>
   * p.get(); // 3
   * @throws {TypeError} when `fn` is not a function.
   * @throws {DataCloneError} when `fn`, an argument or a binding it uses cannot cross.
   */
  function run<A extends any[], R>(fn: (...args: A) => R, ...args: A): ThreadPromise<Awaited<R>>;

  /** Options of {@link spawn}. */
  interface SpawnOptions {
    /**
     * Aborting it aborts the thread's own {@link threads.signal} (with a clone of the
     * reason): cooperative, as a Go context is. Use `cancel()` to stop a thread outright.
     */
    signal?: AbortSignal;
    /** Milliseconds after which the thread is cancelled; it rejects with {@link TimeoutError}. */
    timeout?: number;
    /** Shown in the thread's name: `thread 3 (crawler)` in errors and deadlock reports. */
    name?: string;
  }
  /**
   * `threads.run` with options: `threads.spawn({ signal, timeout, name }, fn, ...args)`.
   * @throws the signal's reason when it is already aborted.
   */
  function spawn<A extends any[], R>(options: SpawnOptions | undefined, fn: (...args: A) => R, ...args: A): ThreadPromise<Awaited<R>>;

  /**
   * This runtime's own cancellation as an AbortSignal, to pass to `fetch`, `q.get` or
   * anything that takes one. In a thread of a {@link Group} it aborts at the group's first
   * error; in a thread spawned with a `signal`, when that signal aborts.
   */
  const signal: AbortSignal;

  /**
   * Blocks the calling runtime (its loop included) for `ms` milliseconds.
   * @throws the signal's reason when `options.signal` aborts.
   */
  function sleep(ms: number, options?: SignalOptions): void;

  // ---------------------------------------------------------------------------------------
  // select

  /** A select case: take an item from a queue. */
  interface GetCase<T> {
    get: Queue<T>;
  }
  /** A select case: put `value` into a queue. */
  interface PutCase<T> {
    put: Queue<T>;
    value: T;
  }
  /** A select case: a thread settling, or a WaitGroup reaching zero. */
  interface WaitCase<T> {
    wait: ThreadPromise<T> | WaitGroup;
  }
  type SelectCase = GetCase<any> | PutCase<any> | WaitCase<any>;

  /** What one case gives when it runs. */
  type CaseResult<C, I extends number> = C extends { get: Queue<infer T> }
    ? { index: I; kind: "get"; value: T; ok: true } | { index: I; kind: "get"; value: undefined; ok: false }
    : C extends { put: Queue<any> }
      ? { index: I; kind: "put"; value: undefined; ok: true }
      : C extends { wait: ThreadPromise<infer T> }
        ? { index: I; kind: "wait"; value: T; ok: true }
        : C extends { wait: WaitGroup }
          ? { index: I; kind: "wait"; value: undefined; ok: true }
          : never;
  /** The result of a select over the tuple of cases `C`: one member per case. */
  type SelectResult<C extends readonly SelectCase[]> = {
    [I in keyof C]: I extends `${infer N extends number}` ? CaseResult<C[I], N> : never;
  }[number];
  /** Checks each put case's value against its queue's item type. */
  type CheckedCases<C> = { [I in keyof C]: C[I] extends { put: Queue<infer T> } ? PutCase<T> : C[I] };
  /** No case ran: the timeout passed, or (with `default: true`) none was ready. */
  interface SelectNone {
    index: -1;
    kind: "timeout" | "default";
    value: undefined;
    ok: false;
  }
  interface SelectOptions extends WaitOptions {
    /** Do not wait: with no case ready, return `{ kind: "default" }` at once. */
    default?: boolean;
  }

  /**
   * Go's `select`: waits until one of `cases` can proceed and runs exactly that one; among
   * cases ready at once the choice is uniformly random. A `get` on a closed, drained queue is
   * ready and gives `ok: false`; a `put` on a closed queue throws {@link QueueClosedError}; a
   * `wait` on a thread that failed throws its error.
   * @throws the signal's reason when `options.signal` aborts.
   */
  function select<const C extends readonly SelectCase[]>(cases: C & CheckedCases<C>, options?: SignalOptions & { timeout?: undefined; default?: false }): SelectResult<C>;
  function select<const C extends readonly SelectCase[]>(cases: C & CheckedCases<C>, options: SelectOptions): SelectResult<C> | SelectNone;
  /** {@link select} as a Promise: this runtime's loop keeps running while it waits. */
  function selectAsync<const C extends readonly SelectCase[]>(cases: C & CheckedCases<C>, options?: SignalOptions & { timeout?: undefined; default?: false }): Promise<SelectResult<C>>;
  function selectAsync<const C extends readonly SelectCase[]>(cases: C & CheckedCases<C>, options: SelectOptions): Promise<SelectResult<C> | SelectNone>;

  // ---------------------------------------------------------------------------------------
  // Group

  interface GroupOptions {
    /** At most this many threads of the group run at once; `run` blocks for a turn. */
    limit?: number;
    /** Aborting it fails the group with its reason, as a first error does. */
    signal?: AbortSignal;
  }
  /**
   * Go's errgroup: `run` starts threads, `wait()` (or `await g`) gives their results in the
   * order they were started, or throws the first error; that first error aborts the group's
   * `signal`, which each of its threads reads as {@link threads.signal}.
   */
  interface Group<T = any> extends PromiseLike<T[]> {
    /**
     * Starts `fn(...args)` in the group, first waiting (blocking) while `limit` threads of
     * it run.
     * @throws the first error, once the group has failed.
     */
    run<A extends any[], R>(fn: (...args: A) => R, ...args: A): ThreadPromise<Awaited<R>>;
    /** Submits `item` to `pool` as a member of the group (the limit counts it too). */
    submit<In, Out>(pool: Pool<In, Out>, item: In): ThreadPromise<Out>;
    /** Blocks until every thread of the group has settled; their results, in order. */
    wait(options?: WaitOptions): T[];
    /** Aborts at the group's first error (the reason is that error). */
    readonly signal: AbortSignal;
    /** Threads of the group not yet settled. */
    readonly running: number;
  }
  interface GroupConstructor {
    new <T = any>(options?: GroupOptions): Group<T>;
    <T = any>(options?: GroupOptions): Group<T>;
    readonly prototype: Group<any>;
  }
  const Group: GroupConstructor;

  /**
   * The host's figures now (Host.Stats in Go): counters since the host was made and gauges
   * of what runs at this moment, across every evaluation of the host.
   */
  function stats(): Stats;

  interface Stats {
    threadsStarted: number; threadsLive: number; threadsPeak: number;
    poolQueued: number; poolRunning: number; poolDone: number; poolFailed: number;
    queueItems: number; clones: number; clonedBytes: number; deadlocks: number;
    evaluations: number; calls: number; abandonedGoroutines: number; abandonedTotal: number;
  }

  /**
   * The result of a thread: a real `Promise` (`then`, `await`, `Promise.all` work), plus
   * blocking `get()`/`wait()` and `cancel()`.
   */
  interface ThreadPromise<T> extends Promise<T> {
    /**
     * Blocks the calling runtime until the thread settles; returns its value or throws its
     * error (an `Error` with the thread's `name`, `message`, `stack` and `cause`). May be
     * called any number of times.
     */
    get(options?: WaitOptions): T;
    /** Blocks like {@link get}, then returns `undefined`; throws the thread's error. */
    wait(options?: WaitOptions): void;
    /**
     * Interrupts the thread (and the threads it started); the promise rejects with
     * {@link CancelledError}. Cancelling a settled thread does nothing.
     */
    cancel(): void;
  }

  // ---------------------------------------------------------------------------------------
  // Atomic

  /** A 64-bit signed integer shared by every runtime that holds it; lock-free. */
  interface Atomic {
    /** Adds `delta` (default 1) and returns the new value. */
    add(delta?: Int): number;
    /** The current value. */
    get(): number;
    /** Stores `value`. */
    set(value: Int): void;
    /** Stores `value` and returns the old value. */
    swap(value: Int): number;
    /** Stores `replacement` if the value is `expected`; says whether it did. */
    compareAndSwap(expected: Int, replacement: Int): boolean;
  }
  /** Options of `threads.Atomic`. */
  interface AtomicOptions {
    /**
     * Names a cluster Atomic: a key of a JetStream key-value bucket, changed by
     * compare-and-set on its revision (linearisable; about one round trip per operation, more
     * under contention). Made with `initial` if it does not exist yet. Without a cluster, an Error.
     */
    cluster?: string;
  }
  interface AtomicConstructor {
    /**
     * A new Atomic holding `initial` (default 0).
     * @throws {TypeError} for a non-integer, {RangeError} for an unsafe integer.
     */
    new (initial?: Int, options?: AtomicOptions): Atomic;
    (initial?: Int, options?: AtomicOptions): Atomic;
    readonly prototype: Atomic;
  }
  const Atomic: AtomicConstructor;

  // ---------------------------------------------------------------------------------------
  // Shared

  /**
   * A value behind a mutex, shared by every runtime that holds it. `get()` then `set()` is
   * not atomic (another thread may store in between): use {@link Shared.update} for a
   * read-modify-write.
   */
  interface Shared<T> {
    /** A structured clone of the current value. */
    get(): T;
    /** Stores a structured clone of `value`. */
    set(value: T): void;
    /**
     * Runs `fn(current)` while holding the lock, stores what it returns and returns that.
     * `fn` may change `current` in place and return it.
     */
    update(fn: (current: T) => T): T;
  }
  interface SharedConstructor {
    /**
     * `threads.Shared([])`: a bare `[]` would make a `Shared<never[]>` that nothing can be
     * added to, so it gives `Shared<any[]>`. Write `threads.Shared<string[]>([])` (TypeScript)
     * or `threads.Shared(/** @type {string[]} *\/ ([]))` (JSDoc) for a precise type.
     */
    new (initial: never[]): Shared<any[]>;
    (initial: never[]): Shared<any[]>;
    /** A new Shared holding a structured clone of `initial`. */
    new <T = any>(initial?: T): Shared<T>;
    <T = any>(initial?: T): Shared<T>;
    readonly prototype: Shared<any>;
  }
  const Shared: SharedConstructor;

  // ---------------------------------------------------------------------------------------
  // WaitGroup

  /** Go's sync.WaitGroup: wait until a counter drops to zero. */
  interface WaitGroup {
    /**
     * Adds `delta` (default 1) to the counter.
     * @throws {Error} when the counter would go negative.
     */
    add(delta?: Int): void;
    /**
     * Subtracts 1 from the counter.
     * @throws {Error} when the counter would go negative.
     */
    done(): void;
    /**
     * Blocks until the counter is zero.
     * @throws {TimeoutError} when `options.timeout` passes first.
     * @throws {CancelledError} when the host is cancelled.
     */
    wait(options?: WaitOptions): void;
    /** Resolves when the counter is zero; this runtime's event loop keeps running. */
    waitAsync(): Promise<void>;
    /** The counter. */
    readonly count: number;
  }
  interface WaitGroupConstructor {
    new (): WaitGroup;
    (): WaitGroup;
    readonly prototype: WaitGroup;
  }
  const WaitGroup: WaitGroupConstructor;

  // ---------------------------------------------------------------------------------------
  // Queue

  /**
   * A FIFO of structured clones for any number of producers and consumers. Iterable:
   * `for (const x of q)` blocks for each item and ends when the queue is closed and drained.
   */
  interface Queue<T> {
    /**
     * Adds `item`, blocking while the queue is full.
     * @throws {QueueClosedError} when the queue is (or gets) closed.
     * @throws {TimeoutError} when `options.timeout` passes first.
     */
    put(item: T, options?: WaitOptions): void;
    /** Adds `item` if there is room now; says whether it did. Never blocks. */
    tryPut(item: T): boolean;
    /**
     * Removes and returns the oldest item, blocking while the queue is empty. After
     * `close()` it drains what is left.
     * @throws {QueueClosedError} when the queue is closed and empty.
     * @throws {TimeoutError} when `options.timeout` passes first.
     */
    get(options?: WaitOptions): T;
    /** Removes and returns the oldest item, or `undefined` if there is none now. Never blocks. */
    tryGet(): T | undefined;
    /** As `tryGet()`, returning `fallback` when the queue is empty. */
    tryGet<F>(fallback: F): T | F;
    /** `put` as a Promise (rejects with QueueClosedError); this runtime's loop keeps running. */
    putAsync(item: T): Promise<void>;
    /** `get` as a Promise (rejects with QueueClosedError); this runtime's loop keeps running. */
    getAsync(): Promise<T>;
    /** How many items wait in the queue. */
    size(): number;
    /** Closes the queue: no more `put`s; `get`s drain what is left. Idempotent. */
    close(): void;
    /** Whether `close()` has been called. */
    readonly closed: boolean;
    /** Blocking iteration: `get()` per step, done when the queue is closed and drained. */
    [Symbol.iterator](): Iterator<T, undefined>;
    /**
     * Asynchronous iteration: `for await (const x of q)` takes each item as `getAsync()`
     * does, without blocking the loop, and is done when the queue is closed and drained.
     */
    [Symbol.asyncIterator](): AsyncIterator<T, undefined>;
  }
  /** Options of `threads.Queue`. */
  interface QueueOptions {
    /**
     * Names a cluster Queue (built with the `jsrun_cluster` tag, run with `--nats URL` or
     * `--cluster local`): its items live on the cluster's NATS JetStream server, shared by every
     * machine that names it, in clone's wire form. Delivery is at least once; each method costs
     * one round trip to the server (`get` two; `put` polls while the queue is full). Made with
     * `maxsize` if it does not exist yet; a closed, drained one is made anew. `threads.select`
     * cannot wait on it. Without a cluster, an Error.
     */
    cluster?: string;
  }
  interface QueueConstructor {
    /** A new queue holding at most `maxsize` items; `maxsize <= 0` (the default) is unbounded. */
    new <T = any>(maxsize?: Int, options?: QueueOptions): Queue<T>;
    <T = any>(maxsize?: Int, options?: QueueOptions): Queue<T>;
    readonly prototype: Queue<any>;
  }
  const Queue: QueueConstructor;

  // ---------------------------------------------------------------------------------------
  // Pool

  interface PoolOptions {
    /** How many long-lived worker runtimes (default 4). */
    workers?: number;
    /** How many submitted items may wait before `submit` blocks (default `workers * 2`). */
    queueDepth?: number;
    /**
     * Names a cluster pool: the items run on its `jsrun worker` processes, wherever they are
     * (README, "Beyond one machine"); `queueDepth` (default 1000) bounds the items in flight.
     */
    cluster?: string;
  }

  /**
   * Long-lived worker runtimes that run one function over many items. Each worker is seeded
   * once, like `threads.run`, so its global state persists across the items it handles.
   */
  interface Pool<In, Out> {
    /**
     * Queues `item`, blocking while `queueDepth` items wait; the promise settles with
     * `workerFn(item)`'s result. An item's error rejects its promise, not the pool.
     * @throws {PoolClosedError} after `close()`.
     */
    submit(item: In, options?: SignalOptions): ThreadPromise<Out>;
    /** Submits every item and returns the results in input order (blocking). */
    map(items: Iterable<In>): Out[];
    /** Submits every item; resolves to the results in input order. */
    mapAsync(items: Iterable<In>): Promise<Out[]>;
    /** Stops accepting work and waits until every submitted item is done. Idempotent. */
    close(): void;
    /** The number of workers. */
    readonly workers: number;
    /** Items queued or running. */
    readonly pending: number;
    /** Whether `close()` has been called. */
    readonly closed: boolean;
  }
  interface PoolConstructor {
    /**
     * A pool running `workerFn` on `options` workers (a number) or `options.workers`.
     * An async `workerFn`'s results are unwrapped.
     */
    new <In = any, R = any>(workerFn: (item: In) => R, options?: number | PoolOptions): Pool<In, Awaited<R>>;
    <In = any, R = any>(workerFn: (item: In) => R, options?: number | PoolOptions): Pool<In, Awaited<R>>;
    readonly prototype: Pool<any, any>;
  }
  const Pool: PoolConstructor;

  // ---------------------------------------------------------------------------------------
  // Errors. Each is the same class in every runtime, so `e instanceof threads.TimeoutError`
  // works wherever `e` was thrown.

  interface ErrorInit {
    cause?: unknown;
  }

  /** A value (argument, result, binding, queue item...) that cannot cross between runtimes. */
  class DataCloneError extends Error {
    constructor(message?: string, options?: ErrorInit);
    name: "DataCloneError";
  }
  /** A thread was cancelled (`cancel()`), or the host's context ended. */
  class CancelledError extends Error {
    constructor(message?: string, options?: ErrorInit);
    name: "CancelledError";
  }
  /** A `{ timeout }` passed, or the host's deadline did. */
  class TimeoutError extends Error {
    constructor(message?: string, options?: ErrorInit);
    name: "TimeoutError";
  }
  /** `put` on a closed queue, or `get` on a closed and drained one. */
  class QueueClosedError extends Error {
    constructor(message?: string, options?: ErrorInit);
    name: "QueueClosedError";
  }
  /** `submit` (or `map`) on a closed pool. */
  class PoolClosedError extends Error {
    constructor(message?: string, options?: ErrorInit);
    name: "PoolClosedError";
  }
}

/** The part of AbortSignal the threads library uses (node.d.ts declares all of it). */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: any;
  throwIfAborted(): void;
}

/**
 * `require("threads")` and `import threads, { run, Queue, Pool } from "threads"` are the
 * `threads` global: its members are the module's named exports, the object its default
 * export (with `esModuleInterop` or `allowSyntheticDefaultImports`, which module `esnext`
 * and `nodenext` imply).
 */
declare module "threads" {
  export = threads;
}

// -----------------------------------------------------------------------------------------
// The other globals of every jsrun runtime (the main one and each thread's).

/** Node's console (the rest of it is in node.d.ts): log, info and debug write to stdout, warn and error to stderr. */
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  debug(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
}
declare var console: Console;

/** A timer id, as returned by setTimeout, setInterval and setImmediate. */
type TimerId = number;

/** Calls `callback(...args)` after `ms` milliseconds (default 0) on this runtime's loop. */
declare function setTimeout<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): TimerId;
/** `new Promise((resolve) => setTimeout(resolve, ms))`: a callback taking one `void` argument. */
declare function setTimeout(callback: (_: void) => void, ms?: number): TimerId;
/** Calls `callback(...args)` every `ms` milliseconds until cleared. */
declare function setInterval<A extends any[]>(callback: (...args: A) => void, ms?: number, ...args: A): TimerId;
declare function setInterval(callback: (_: void) => void, ms?: number): TimerId;
/** Calls `callback(...args)` after the current macrotask and its microtasks. */
declare function setImmediate<A extends any[]>(callback: (...args: A) => void, ...args: A): TimerId;
declare function setImmediate(callback: (_: void) => void): TimerId;
declare function clearTimeout(id: TimerId | undefined | null): void;
declare function clearInterval(id: TimerId | undefined | null): void;
declare function clearImmediate(id: TimerId | undefined | null): void;
/** Runs `callback` as a microtask, after the current job. */
declare function queueMicrotask(callback: () => void): void;

interface Process {
  /**
   * `["jsrun", scriptPath, ...args]` for `jsrun file.js args...` (as in Node, with `-e` there
   * is no script path: `["jsrun", ...args]`).
   */
  readonly argv: string[];
  /** The environment variables. */
  readonly env: { [name: string]: string | undefined };
}
declare var process: Process;

/**
 * CommonJS require: `"threads"` is the threads library; relative paths are resolved from the
 * requiring file.
 */
declare function require(id: "threads"): typeof threads;
declare function require(id: string): any;

/** `import.meta` of an ES module run by jsrun (as Node's). */
interface ImportMeta {
  /** The module's file: URL. */
  readonly url: string;
  /** The module's absolute path. */
  readonly filename: string;
  /** The directory of the module's file. */
  readonly dirname: string;
  /** The URL (or built-in name) `specifier` resolves to from this module. */
  resolve(specifier: string): string;
}

// Type-level tests of threads.d.ts, checked by check.sh (never run). A line after an
// expect-error directive must fail to compile; `expect<Exact<A, B>>()` fails unless A is B.

type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expect<T extends true>(): void {}

// run: argument types flow from fn; the result is unwrapped; ThreadPromise is a Promise.
const sum = threads.run((a: number, b: number) => a + b, 1, 2);
expect<Exact<typeof sum, threads.ThreadPromise<number>>>();
expect<Exact<ReturnType<typeof sum.get>, number>>();
expect<Exact<ReturnType<typeof sum.wait>, void>>();
const asyncResult = threads.run(async (s: string) => s.length, "abc");
expect<Exact<typeof asyncResult, threads.ThreadPromise<number>>>();
const promiseResult = threads.run(() => Promise.resolve("x"));
expect<Exact<typeof promiseResult, threads.ThreadPromise<string>>>();
const noArgs = threads.run(() => {});
expect<Exact<typeof noArgs, threads.ThreadPromise<void>>>();
const withDefault = threads.run((x: number, y = 10) => x + y, 7);
expect<Exact<typeof withDefault, threads.ThreadPromise<number>>>();
const contextual = threads.run((x) => x * 2, 21); // x is inferred from the argument
expect<Exact<typeof contextual, threads.ThreadPromise<number>>>();
const asPromise: Promise<number> = sum;
async function awaitIt(): Promise<void> {
  const n = await sum;
  expect<Exact<typeof n, number>>();
  const all = await Promise.all([sum, asyncResult]);
  expect<Exact<typeof all, [number, number]>>();
  const chained = sum.then((v) => String(v));
  expect<Exact<typeof chained, Promise<string>>>();
}
// @ts-expect-error wrong argument type
threads.run((a: number) => a, "1");
// @ts-expect-error missing argument
threads.run((a: number, b: number) => a + b, 1);
// @ts-expect-error too many arguments
threads.run((a: number) => a, 1, 2);
// @ts-expect-error fn must be a function
threads.run(5);

// Constructors work with and without `new`.
const a1 = threads.Atomic();
const a2 = new threads.Atomic(5);
expect<Exact<typeof a1, threads.Atomic>>();
expect<Exact<typeof a2, threads.Atomic>>();
expect<Exact<ReturnType<typeof a1.add>, number>>();
expect<Exact<ReturnType<typeof a1.compareAndSwap>, boolean>>();
a1.add();
a1.add(2n);
// @ts-expect-error an Atomic holds integers
a1.set("1");

const list = threads.Shared<number[]>([]);
const anyList = threads.Shared([]);
expect<Exact<typeof anyList, threads.Shared<any[]>>>();
anyList.update((xs) => [...xs, "x"]);
const list2 = new threads.Shared({ n: 1 });
expect<Exact<typeof list2, threads.Shared<{ n: number }>>>();
const updated = list.update((xs) => [...xs, 1]);
expect<Exact<typeof updated, number[]>>();
// @ts-expect-error update must return the new value
list.update((xs) => { xs.push(1); });

const wg = threads.WaitGroup();
const wg2 = new threads.WaitGroup();
wg.add();
wg.wait({ timeout: 10 });
const waited: Promise<void> = wg2.waitAsync();

const q = threads.Queue<string>(10);
const q2 = new threads.Queue();
const jobs = threads.Queue<{ n: number }>(100, { cluster: "jobs" });
expect<Exact<typeof jobs, threads.Queue<{ n: number }>>>();
const hits: threads.Atomic = threads.Atomic(0, { cluster: "hits" });
hits.add(1);
expect<Exact<typeof q2, threads.Queue<any>>>();
q.put("a", { timeout: 5 });
expect<Exact<ReturnType<typeof q.get>, string>>();
expect<Exact<ReturnType<typeof q.tryPut>, boolean>>();
const maybe = q.tryGet();
expect<Exact<typeof maybe, string | undefined>>();
const orNull = q.tryGet(null);
expect<Exact<typeof orNull, string | null>>();
const got: Promise<string> = q.getAsync();
const putDone: Promise<void> = q.putAsync("b");
for (const s of q) expect<Exact<typeof s, string>>();
const spread = [...q];
expect<Exact<typeof spread, string[]>>();
const isClosed: boolean = q.closed;
// @ts-expect-error closed is read-only
q.closed = true;
// @ts-expect-error wrong item type
q.put(1);

const pool = threads.Pool((n: number) => String(n), 4);
const pool2 = new threads.Pool(async (n: number) => n * 2, { workers: 2, queueDepth: 8 });
expect<Exact<typeof pool, threads.Pool<number, string>>>();
expect<Exact<typeof pool2, threads.Pool<number, number>>>();
const one = pool.submit(1);
expect<Exact<typeof one, threads.ThreadPromise<string>>>();
const many = pool.map([1, 2, 3]);
expect<Exact<typeof many, string[]>>();
const manyAsync = pool2.mapAsync(new Set([1, 2]));
expect<Exact<typeof manyAsync, Promise<number[]>>>();
const counts: number = pool.workers + pool.pending;
pool.close();
// @ts-expect-error wrong item type
pool.submit("1");
// @ts-expect-error unknown option
threads.Pool((n: number) => n, { worker: 2 });

// Errors: classes on threads, narrowing with instanceof.
function describe(e: unknown): string {
  if (e instanceof threads.TimeoutError) {
    expect<Exact<typeof e.name, "TimeoutError">>();
    return e.message;
  }
  if (e instanceof threads.QueueClosedError || e instanceof threads.PoolClosedError) return e.name;
  if (e instanceof threads.CancelledError || e instanceof threads.DataCloneError) return e.name;
  return String(e);
}
const err = new threads.CancelledError("stop", { cause: 1 });

// require("threads") is the same object.
import threadsModule = require("threads");
const required: typeof threads = threadsModule;
expect<Exact<typeof threadsModule.Queue, threads.QueueConstructor>>();

// The globals.
const timer = setTimeout((x: number, y: string) => console.log(x, y), 10, 1, "a");
clearTimeout(timer);
clearInterval(setInterval(() => {}, 5));
clearImmediate(setImmediate(() => {}));
queueMicrotask(() => console.error("micro"));
const args: string[] = process.argv.slice(2);
const home: string | undefined = process.env.HOME;
// @ts-expect-error timer arguments must match the callback
setTimeout((x: number) => x, 10, "a");
function bail(): never {
  return process.exit(1);
}

// threads.stats(): the host's figures, all numbers.
const figures: threads.Stats = threads.stats();
const liveNow: number = figures.threadsLive + figures.poolQueued + figures.abandonedGoroutines;

export const used = [liveNow, asPromise, awaitIt, list2, waited, got, putDone, isClosed, one, counts, describe, err, required, args, home, bail];

// select: each case's result is typed by its position; options that can end without a case
// add SelectNone.
{
  const qs = threads.Queue<string>();
  const qn = threads.Queue<number>(1);
  const tp = threads.run(() => true);
  const r = threads.select([{ get: qs }, { put: qn, value: 1 }, { wait: tp }]);
  if (r.index === 0 && r.ok) expect<Exact<typeof r.value, string>>();
  if (r.kind === "wait") expect<Exact<typeof r.value, boolean>>();
  expect<Exact<typeof r.index, 0 | 1 | 2>>(); // no -1 without timeout or default
  const t = threads.select([{ get: qs }], { timeout: 10 });
  if (t.index === -1) expect<Exact<typeof t.kind, "timeout" | "default">>();
  // @ts-expect-error put needs a value of the queue's type
  threads.select([{ put: qn, value: "x" }]);
  async function later(): Promise<void> {
    const a = await threads.selectAsync([{ get: qn }], { signal: threads.signal });
    if (a.ok) expect<Exact<typeof a.value, number>>();
  }
  void later;
}

// Group: results in order; run is typed like threads.run; await gives the array.
{
  const g = threads.Group<number>({ limit: 2 });
  const p = g.run((x: number) => x * 2, 21);
  expect<Exact<typeof p, threads.ThreadPromise<number>>>();
  expect<Exact<ReturnType<typeof g.wait>, number[]>>();
  const s: AbortSignal = g.signal;
  void s;
  async function awaitGroup(): Promise<void> {
    const all = await g;
    expect<Exact<typeof all, number[]>>();
  }
  void awaitGroup;
  // @ts-expect-error limit is a number
  threads.Group({ limit: "2" });
}

// spawn and the signal options.
{
  const p = threads.spawn({ name: "x", timeout: 100, signal: threads.signal }, (a: number) => a + 1, 1);
  expect<Exact<typeof p, threads.ThreadPromise<number>>>();
  p.get({ timeout: 10 });
  threads.sleep(1, { signal: threads.signal });
  threads.Queue<number>().get({ signal: threads.signal, timeout: 5 });
  // @ts-expect-error spawn takes its options first
  threads.spawn(() => 1);
}

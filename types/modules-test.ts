// Type-level tests of `import ... from "threads"` (checked by check.sh with
// tsconfig.modules.json, never run).
import threads, { run, Queue, Pool, Atomic, type ThreadPromise } from "threads";
import { readFileSync } from "node:fs";

type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expect<T extends true>(): void {}

expect<Exact<typeof run, typeof threads.run>>();
const p = run((a: number, b: number) => a * b, 6, 7);
expect<Exact<typeof p, ThreadPromise<number>>>();
const q = new Queue<string>(4);
for await (const item of q) {
  expect<Exact<typeof item, string>>();
}
for (const item of q) {
  expect<Exact<typeof item, string>>();
}
const pool = new Pool((x: number) => String(x), { workers: 2 });
expect<Exact<ReturnType<typeof pool.map>, string[]>>();
const counter = Atomic(0);
counter.add(1);
// @ts-expect-error: run takes a function
run(42);
const here: string = import.meta.url;
console.log(readFileSync(here).length);

// Type-level tests of node.d.ts, checked by check.sh (never run). A line after an
// expect-error directive must fail to compile; `expect<Exact<A, B>>()` fails unless A is B.

type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expect<T extends true>(): void {}

import fs = require("fs");
import fsp = require("fs/promises");
import nodeFs = require("node:fs");
import util = require("util");
import path = require("path");
import EventEmitter = require("events");
import os = require("os");
import url = require("url");
import buffer = require("buffer");
import assert = require("assert");
import strict = require("assert/strict");
import cryptoModule = require("crypto");
import timers = require("timers/promises");
import processModule = require("process");
import consoleModule = require("node:console");

// fs: Buffers without an encoding, strings with one; three forms.
const rb = fs.readFileSync("a.txt");
expect<Exact<typeof rb, Buffer>>();
const text: string = fs.readFileSync("a.txt", "utf8");
const bytes: Buffer = nodeFs.readFileSync("a.txt");
fs.readFile("a.txt", "utf8", (err, s) => { if (!err) expect<Exact<typeof s, string>>(); });
fs.readFile("a.txt", (err, b) => { if (err) console.log(err.code, err.syscall, err.path); else b.readUInt8(0); });
async function promisesForm(): Promise<void> {
  const s = await fsp.readFile("a.txt", "utf8");
  expect<Exact<typeof s, string>>();
  const b = await fs.promises.readFile("a.txt");
  expect<Exact<typeof b, Buffer>>();
  const entries = await fsp.readdir(".", { withFileTypes: true });
  entries.forEach((e) => e.isDirectory());
  await fsp.rm("d", { recursive: true, force: true });
}
const made: string | undefined = fs.mkdirSync("a/b", { recursive: true });
const tmp: string = fs.mkdtempSync("x-");
fs.copyFileSync("a", "b", fs.constants.COPYFILE_EXCL);
const st = fs.statSync("a");
const isFile: boolean = st.isFile() && st.mtime instanceof Date;
// @ts-expect-error data must be a string or bytes
fs.writeFileSync("a", 5);

// Buffer, global and from buffer.
const b1: Buffer = Buffer.from("héllo", "utf8");
const b2 = buffer.Buffer.concat([b1, Buffer.alloc(2)]);
const hex: string = b2.toString("hex");
const asU8: Uint8Array = b1;
// @ts-expect-error unknown encoding
Buffer.from("x", "klingon");

// util
const shown: string = util.inspect({ a: 1 }, { depth: 0, colors: false });
const formatted: string = util.format("%s %d", "a", 1);
const sleep = util.promisify((ms: number, cb: (err: any, v?: string) => void) => cb(null, String(ms)));
async function promisified(): Promise<void> {
  const v = await sleep(1);
  expect<Exact<typeof v, string>>();
}
const isMap: boolean = util.types.isMap(new Map()) && util.isDeepStrictEqual(1, 1);

// path, events, os, url
const joined: string = path.join("a", "b") + path.posix.sep + path.parse("/a/b.txt").ext;
class Bus extends EventEmitter {}
const bus = new Bus().on("x", (n: number) => n).setMaxListeners(20);
async function onceForm(): Promise<void> {
  const args: any[] = await EventEmitter.once(bus, "x");
  console.log(args);
}
const eol: string = os.EOL + os.tmpdir() + os.homedir() + os.platform() + os.arch();
const cores: number = os.cpus().length;
const u: URL = new url.URL("https://example.com/?q=1");
const q: string | null = u.searchParams.get("q");
const filePath: string = url.fileURLToPath("file:///tmp/x");

// assert
function checked(x: unknown): number {
  assert.strictEqual(typeof x, "number");
  assert(typeof x === "number");
  return x;
}
strict.deepStrictEqual({ a: 1 }, { a: 1 });
assert.throws(() => { throw new TypeError("t") }, TypeError);
const rejected: Promise<void> = assert.rejects(Promise.reject(new Error("r")));

// crypto
const digest: string = cryptoModule.createHash("sha256").update("x").digest("hex");
const mac: Buffer = cryptoModule.createHmac("sha1", "key").update(Buffer.from("x")).digest();
const uuid: string = crypto.randomUUID() + cryptoModule.randomUUID();
const filled: Uint32Array = crypto.getRandomValues(new Uint32Array(4));
const random: Buffer = cryptoModule.randomBytes(16);

// timers/promises
async function timersForm(): Promise<void> {
  const v = await timers.setTimeout(10, "done", { signal: AbortSignal.timeout(100) });
  expect<Exact<typeof v, string>>();
}

// process, console
const p: typeof process = processModule;
process.exitCode = 2;
process.nextTick((a: number, s: string) => a + s.length, 1, "x");
const [sec, ns] = process.hrtime();
const big: bigint = process.hrtime.bigint();
const heap: number = process.memoryUsage().heapUsed + process.uptime();
process.on("exit", (code) => { expect<Exact<typeof code, number>>(); });
process.stdout.write("no newline");
process.emitWarning("careful", { code: "W1" });
const cwd: string = process.cwd();
consoleModule.table([{ a: 1 }]);
console.time("t");
console.timeEnd("t");
console.dir({ a: 1 }, { depth: 0 });

// The web globals
const enc: Uint8Array = new TextEncoder().encode("é");
const dec: string = new TextDecoder("utf-16le").decode(enc);
const b64: string = btoa(atob("aGk="));
const now: number = performance.now() + performance.timeOrigin;
const controller = new AbortController();
controller.signal.addEventListener("abort", (e: Event) => e.type);
controller.abort(new DOMException("stop", "AbortError"));
controller.signal.throwIfAborted();
const anySignal: AbortSignal = AbortSignal.any([controller.signal, AbortSignal.timeout(5)]);
const target = new EventTarget();
target.dispatchEvent(new Event("ping"));
const copy: { a: Map<number, bigint> } = structuredClone({ a: new Map([[1, 2n]]) });
queueMicrotask(() => {});

// fetch
const res: Promise<Response> = fetch("http://127.0.0.1/", { method: "POST", headers: { "x-a": "1" }, body: "x", redirect: "manual", signal: AbortSignal.timeout(5) });
res.then(async (r) => {
  const status: number = r.status + (r.ok ? 1 : 0);
  const json: unknown = await r.clone().json();
  const raw: Uint8Array = await r.bytes();
  const kind: string | null = r.headers.get("content-type");
  for (const [name, value] of r.headers) void (name + value);
  const reader = r.body?.getReader();
  return [status, json, raw, kind, reader, r.redirected, r.url, r.statusText];
});
const reqCopy: Request = new Request(new URL("http://x/"), { body: new Uint8Array(1), method: "PUT" }).clone();
const made2: Response = Response.json({ a: 1 }, { status: 201, headers: new Headers([["a", "b"]]) });

// Everything above is used (noUnusedLocals).
export { text, bytes, promisesForm, made, tmp, isFile, b2, hex, asU8, shown, formatted, promisified, isMap, joined, onceForm, eol, cores, q, filePath,
  checked, rejected, digest, mac, uuid, filled, random, timersForm, p, sec, ns, big, heap, cwd, dec, b64, now, anySignal, copy, reqCopy, made2 };

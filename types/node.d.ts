// TypeScript declarations of the part of Node that every jsrun runtime has (the main one and
// each thread's): console, process, util, fs, fs/promises and the other built-in modules, each
// also under its `node:` name, and the globals scripts expect. Only what jsrun implements is
// declared; README.md ("The Node surface") says what differs from Node.
//
// No DOM or Node typings are needed: check with `bash types/check.sh`.

// -----------------------------------------------------------------------------------------
// console (node/console: Node's output, util.inspect's formatting)

interface Console {
  dir(value?: any, options?: NodeUtil.InspectOptions): void;
  dirxml(...data: any[]): void;
  table(data?: any, properties?: string[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  assert(condition?: any, ...data: any[]): void;
  group(...label: any[]): void;
  groupCollapsed(...label: any[]): void;
  groupEnd(): void;
  trace(...data: any[]): void;
  clear(): void;
}

declare module "console" {
  const console: Console;
  export = console;
}
declare module "node:console" {
  import console = require("console");
  export = console;
}

// -----------------------------------------------------------------------------------------
// process

interface ProcessWriteStream {
  /** Writes text or bytes as they are (no newline added); `callback` runs on the next tick. */
  write(chunk: string | Uint8Array, callback?: (err?: Error | null) => void): boolean;
  write(chunk: string | Uint8Array, encoding?: string, callback?: (err?: Error | null) => void): boolean;
  /** 1 for stdout, 2 for stderr. */
  readonly fd: number;
  /** true when the host says the stream is a terminal (`jsrun` checks with isatty). */
  readonly isTTY?: true;
}

interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface ProcessWarning extends Error {
  code?: string;
  detail?: string;
}

interface Process {
  /** Node's name for the system: "linux", "darwin", "win32", ... */
  readonly platform: string;
  /** Node's name for the processor: "x64", "arm64", ... */
  readonly arch: string;
  /** "v" and jsrun's version. */
  readonly version: string;
  /** The versions of jsrun, goja and Go. */
  readonly versions: { readonly jsrun: string; readonly goja: string; readonly go: string; readonly [name: string]: string };
  readonly pid: number;
  readonly ppid: number;
  readonly title: string;
  readonly argv0: string;
  readonly execArgv: string[];
  readonly execPath: string;
  readonly release: { readonly name: string };
  /**
   * The exit code of the evaluation once it has run out (shared by all its runtimes): a
   * non-zero code makes `jsrun` exit with it and `Host.Eval` return an ExitError.
   */
  exitCode: number | string | undefined;
  /** The directory relative paths start from: the root with `--fs-root`, "/" with `--no-fs`. */
  cwd(): string;
  /** Ends the evaluation (from any runtime) with `code` (default: `exitCode`, else 0). */
  exit(code?: number | string): never;
  /** Runs `callback(...args)` as a microtask, in order with the other ticks. */
  nextTick<A extends any[]>(callback: (...args: A) => void, ...args: A): void;
  hrtime: {
    /** [seconds, nanoseconds] since an arbitrary time; with `time`, since then. */
    (time?: [number, number]): [number, number];
    /** Nanoseconds since an arbitrary time. */
    bigint(): bigint;
  };
  memoryUsage: {
    (): MemoryUsage;
    rss(): number;
  };
  /** Seconds since the process started. */
  uptime(): number;
  readonly stdout: ProcessWriteStream;
  readonly stderr: ProcessWriteStream;
  /** Emits 'warning' on the next tick and prints "[code] Name: message" to stderr. */
  emitWarning(warning: string | Error, type?: string, code?: string): void;
  emitWarning(warning: string | Error, options?: { type?: string; code?: string; detail?: string }): void;

  on(event: "exit", listener: (code: number) => void): this;
  on(event: "warning", listener: (warning: ProcessWarning) => void): this;
  on(event: string, listener: (...args: any[]) => void): this;
  addListener(event: string, listener: (...args: any[]) => void): this;
  prependListener(event: string, listener: (...args: any[]) => void): this;
  once(event: "exit", listener: (code: number) => void): this;
  once(event: string, listener: (...args: any[]) => void): this;
  prependOnceListener(event: string, listener: (...args: any[]) => void): this;
  off(event: string, listener: (...args: any[]) => void): this;
  removeListener(event: string, listener: (...args: any[]) => void): this;
  removeAllListeners(event?: string): this;
  emit(event: string, ...args: any[]): boolean;
  listeners(event: string): Function[];
  listenerCount(event: string): number;
  eventNames(): string[];
}

declare module "process" {
  const process: Process;
  export = process;
}
declare module "node:process" {
  import process = require("process");
  export = process;
}

// -----------------------------------------------------------------------------------------
// structuredClone

/** A structured clone of `value`: the same algorithm threads use, without their extensions. */
declare function structuredClone<T>(value: T, options?: { transfer?: ArrayBuffer[] }): T;

// -----------------------------------------------------------------------------------------
// util

declare namespace NodeUtil {
  interface InspectOptions {
    showHidden?: boolean;
    depth?: number | null;
    colors?: boolean;
    customInspect?: boolean;
    showProxy?: boolean;
    maxArrayLength?: number | null;
    maxStringLength?: number | null;
    breakLength?: number;
    compact?: boolean | number;
    sorted?: boolean | ((a: string, b: string) => number);
    getters?: boolean | "get" | "set";
    numericSeparator?: boolean;
  }
  interface Inspect {
    (value: any, options?: InspectOptions): string;
    (value: any, showHidden?: boolean, depth?: number | null, colors?: boolean): string;
    readonly custom: unique symbol;
    defaultOptions: InspectOptions;
    colors: { [name: string]: [number, number] };
    styles: { [name: string]: string };
  }
  type Callback<T> = (err: any, value?: T) => void;
  interface Promisify {
    <T>(fn: (callback: Callback<T>) => void): () => Promise<T>;
    <A1, T>(fn: (a1: A1, callback: Callback<T>) => void): (a1: A1) => Promise<T>;
    <A1, A2, T>(fn: (a1: A1, a2: A2, callback: Callback<T>) => void): (a1: A1, a2: A2) => Promise<T>;
    (fn: Function): (...args: any[]) => Promise<any>;
    readonly custom: unique symbol;
  }
  interface Types {
    isAnyArrayBuffer(v: unknown): v is ArrayBuffer;
    isArrayBuffer(v: unknown): v is ArrayBuffer;
    isArrayBufferView(v: unknown): v is ArrayBufferView;
    isArgumentsObject(v: unknown): boolean;
    isAsyncFunction(v: unknown): boolean;
    isBigInt64Array(v: unknown): v is BigInt64Array;
    isBigUint64Array(v: unknown): v is BigUint64Array;
    isBooleanObject(v: unknown): v is Boolean;
    isBoxedPrimitive(v: unknown): boolean;
    isBigIntObject(v: unknown): boolean;
    isDataView(v: unknown): v is DataView;
    isDate(v: unknown): v is Date;
    isFloat32Array(v: unknown): v is Float32Array;
    isFloat64Array(v: unknown): v is Float64Array;
    isGeneratorFunction(v: unknown): boolean;
    isGeneratorObject(v: unknown): boolean;
    isInt8Array(v: unknown): v is Int8Array;
    isInt16Array(v: unknown): v is Int16Array;
    isInt32Array(v: unknown): v is Int32Array;
    isMap(v: unknown): v is Map<unknown, unknown>;
    isMapIterator(v: unknown): boolean;
    isNativeError(v: unknown): v is Error;
    isNumberObject(v: unknown): v is Number;
    isPromise(v: unknown): v is Promise<unknown>;
    isProxy(v: unknown): boolean;
    isRegExp(v: unknown): v is RegExp;
    isSet(v: unknown): v is Set<unknown>;
    isSetIterator(v: unknown): boolean;
    isStringObject(v: unknown): v is String;
    isSymbolObject(v: unknown): boolean;
    isTypedArray(v: unknown): boolean;
    isUint8Array(v: unknown): v is Uint8Array;
    isUint8ClampedArray(v: unknown): v is Uint8ClampedArray;
    isUint16Array(v: unknown): v is Uint16Array;
    isUint32Array(v: unknown): v is Uint32Array;
    isWeakMap(v: unknown): v is WeakMap<object, unknown>;
    isWeakSet(v: unknown): v is WeakSet<object>;
    isExternal(v: unknown): boolean;
    isModuleNamespaceObject(v: unknown): boolean;
    isSharedArrayBuffer(v: unknown): boolean;
  }
}

declare module "util" {
  const inspect: NodeUtil.Inspect;
  function format(format?: any, ...args: any[]): string;
  function formatWithOptions(options: NodeUtil.InspectOptions, format?: any, ...args: any[]): string;
  const promisify: NodeUtil.Promisify;
  function callbackify<T>(fn: () => Promise<T>): (callback: NodeUtil.Callback<T>) => void;
  function callbackify<A extends any[], T>(fn: (...args: A) => Promise<T>): (...args: [...A, NodeUtil.Callback<T>]) => void;
  function deprecate<F extends Function>(fn: F, message: string, code?: string): F;
  function inherits(ctor: Function, superCtor: Function): void;
  function isDeepStrictEqual(a: unknown, b: unknown): boolean;
  function isArray(v: unknown): v is unknown[];
  function stripVTControlCharacters(s: string): string;
  const types: NodeUtil.Types;
}
declare module "node:util" {
  import util = require("util");
  export = util;
}

// -----------------------------------------------------------------------------------------
// fs and fs/promises (through the host's one door to the file system)

declare namespace NodeFS {
  type PathLike = string | Uint8Array;
  type Data = string | ArrayBufferView;
  type Encoding = "utf8" | "utf-8" | "ascii" | "latin1" | "binary" | "base64" | "base64url" | "hex" | "ucs2" | "ucs-2" | "utf16le" | "utf-16le";
  interface ReadOptions {
    encoding?: Encoding | null;
    flag?: string;
  }
  interface WriteOptions {
    encoding?: Encoding | null;
    /** "w" (default), "wx", "a" or "ax" (and their "+" forms). */
    flag?: string;
    mode?: number;
  }
  interface Stats {
    dev: number;
    ino: number;
    mode: number;
    nlink: number;
    uid: number;
    gid: number;
    rdev: number;
    size: number;
    blksize: number;
    blocks: number;
    atimeMs: number;
    mtimeMs: number;
    ctimeMs: number;
    birthtimeMs: number;
    atime: Date;
    mtime: Date;
    ctime: Date;
    birthtime: Date;
    isFile(): boolean;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
    isFIFO(): boolean;
    isSocket(): boolean;
    isCharacterDevice(): boolean;
    isBlockDevice(): boolean;
  }
  interface Dirent {
    name: string;
    path: string;
    isFile(): boolean;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
    isFIFO(): boolean;
    isSocket(): boolean;
    isCharacterDevice(): boolean;
    isBlockDevice(): boolean;
  }
  interface Constants {
    readonly F_OK: number;
    readonly R_OK: number;
    readonly W_OK: number;
    readonly X_OK: number;
    readonly COPYFILE_EXCL: number;
    readonly COPYFILE_FICLONE: number;
    readonly COPYFILE_FICLONE_FORCE: number;
  }
  type Bytes = NodeBuffer.Buffer;
  type Done = (err: NodeJSError | null) => void;
  type With<T> = (err: NodeJSError | null, value: T) => void;
  /** An fs error, as Node's: `code` ("ENOENT", ...), `syscall`, `path` (and `dest`). */
  interface NodeJSError extends Error {
    code?: string;
    errno?: number;
    syscall?: string;
    path?: string;
    dest?: string;
  }
  interface Promises {
    readFile(path: PathLike, options?: null | { encoding?: null }): Promise<Bytes>;
    readFile(path: PathLike, options: Encoding | { encoding: Encoding }): Promise<string>;
    writeFile(path: PathLike, data: Data, options?: Encoding | WriteOptions): Promise<void>;
    appendFile(path: PathLike, data: Data, options?: Encoding | WriteOptions): Promise<void>;
    readdir(path: PathLike, options?: { withFileTypes?: false }): Promise<string[]>;
    readdir(path: PathLike, options: { withFileTypes: true }): Promise<Dirent[]>;
    stat(path: PathLike): Promise<Stats>;
    lstat(path: PathLike): Promise<Stats>;
    mkdir(path: PathLike, options?: { recursive?: boolean; mode?: number }): Promise<string | undefined>;
    mkdtemp(prefix: string): Promise<string>;
    rm(path: PathLike, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
    rmdir(path: PathLike): Promise<void>;
    unlink(path: PathLike): Promise<void>;
    rename(oldPath: PathLike, newPath: PathLike): Promise<void>;
    copyFile(src: PathLike, dest: PathLike, mode?: number): Promise<void>;
    access(path: PathLike, mode?: number): Promise<void>;
    readonly constants: Constants;
  }
}

declare module "fs" {
  import F = NodeFS;
  function readFileSync(path: F.PathLike, options?: null | { encoding?: null; flag?: string }): F.Bytes;
  function readFileSync(path: F.PathLike, options: F.Encoding | { encoding: F.Encoding; flag?: string }): string;
  function writeFileSync(path: F.PathLike, data: F.Data, options?: F.Encoding | F.WriteOptions): void;
  function appendFileSync(path: F.PathLike, data: F.Data, options?: F.Encoding | F.WriteOptions): void;
  function readdirSync(path: F.PathLike, options?: { withFileTypes?: false }): string[];
  function readdirSync(path: F.PathLike, options: { withFileTypes: true }): F.Dirent[];
  function statSync(path: F.PathLike): F.Stats;
  function lstatSync(path: F.PathLike): F.Stats;
  function existsSync(path: unknown): boolean;
  function accessSync(path: F.PathLike, mode?: number): void;
  /** With `recursive`, the first directory made (as written), or undefined when none was. */
  function mkdirSync(path: F.PathLike, options?: { recursive?: boolean; mode?: number }): string | undefined;
  function mkdtempSync(prefix: string): string;
  function rmSync(path: F.PathLike, options?: { recursive?: boolean; force?: boolean }): void;
  function rmdirSync(path: F.PathLike): void;
  function unlinkSync(path: F.PathLike): void;
  function renameSync(oldPath: F.PathLike, newPath: F.PathLike): void;
  function copyFileSync(src: F.PathLike, dest: F.PathLike, mode?: number): void;

  function readFile(path: F.PathLike, callback: F.With<F.Bytes>): void;
  function readFile(path: F.PathLike, options: null | { encoding?: null }, callback: F.With<F.Bytes>): void;
  function readFile(path: F.PathLike, options: F.Encoding | { encoding: F.Encoding }, callback: F.With<string>): void;
  function writeFile(path: F.PathLike, data: F.Data, callback: F.Done): void;
  function writeFile(path: F.PathLike, data: F.Data, options: F.Encoding | F.WriteOptions, callback: F.Done): void;
  function appendFile(path: F.PathLike, data: F.Data, callback: F.Done): void;
  function appendFile(path: F.PathLike, data: F.Data, options: F.Encoding | F.WriteOptions, callback: F.Done): void;
  function readdir(path: F.PathLike, callback: F.With<string[]>): void;
  function readdir(path: F.PathLike, options: { withFileTypes: true }, callback: F.With<F.Dirent[]>): void;
  function stat(path: F.PathLike, callback: F.With<F.Stats>): void;
  function lstat(path: F.PathLike, callback: F.With<F.Stats>): void;
  function access(path: F.PathLike, callback: F.Done): void;
  function mkdir(path: F.PathLike, callback: F.Done): void;
  function mkdir(path: F.PathLike, options: { recursive?: boolean; mode?: number }, callback: F.With<string | undefined>): void;
  function mkdtemp(prefix: string, callback: F.With<string>): void;
  function rm(path: F.PathLike, callback: F.Done): void;
  function rm(path: F.PathLike, options: { recursive?: boolean; force?: boolean }, callback: F.Done): void;
  function rmdir(path: F.PathLike, callback: F.Done): void;
  function unlink(path: F.PathLike, callback: F.Done): void;
  function rename(oldPath: F.PathLike, newPath: F.PathLike, callback: F.Done): void;
  function copyFile(src: F.PathLike, dest: F.PathLike, callback: F.Done): void;
  function copyFile(src: F.PathLike, dest: F.PathLike, mode: number, callback: F.Done): void;

  const constants: F.Constants;
  const promises: F.Promises;
  type Stats = F.Stats;
  type Dirent = F.Dirent;
}
declare module "node:fs" {
  import fs = require("fs");
  export = fs;
}
declare module "fs/promises" {
  const promises: NodeFS.Promises;
  export = promises;
}
declare module "node:fs/promises" {
  import promises = require("fs/promises");
  export = promises;
}

// -----------------------------------------------------------------------------------------
// buffer and the global Buffer

declare namespace NodeBuffer {
  type Encoding = NodeFS.Encoding;
  interface Buffer extends Uint8Array<ArrayBuffer> {
    toString(encoding?: Encoding, start?: number, end?: number): string;
    toJSON(): { type: "Buffer"; data: number[] };
    equals(other: Uint8Array): boolean;
    compare(target: Uint8Array, targetStart?: number, targetEnd?: number, sourceStart?: number, sourceEnd?: number): -1 | 0 | 1;
    copy(target: Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number;
    slice(start?: number, end?: number): Buffer;
    subarray(start?: number, end?: number): Buffer;
    write(string: string, offset?: number, length?: number, encoding?: Encoding): number;
    write(string: string, encoding: Encoding): number;
    fill(value: string | number | Uint8Array, offset?: number, end?: number, encoding?: Encoding): this;
    indexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: Encoding): number;
    lastIndexOf(value: string | number | Uint8Array, byteOffset?: number, encoding?: Encoding): number;
    includes(value: string | number | Uint8Array, byteOffset?: number, encoding?: Encoding): boolean;
    swap16(): this;
    swap32(): this;
    swap64(): this;
    readUInt8(offset?: number): number;
    readInt8(offset?: number): number;
    readUInt16LE(offset?: number): number;
    readUInt16BE(offset?: number): number;
    readInt16LE(offset?: number): number;
    readInt16BE(offset?: number): number;
    readUInt32LE(offset?: number): number;
    readUInt32BE(offset?: number): number;
    readInt32LE(offset?: number): number;
    readInt32BE(offset?: number): number;
    readFloatLE(offset?: number): number;
    readFloatBE(offset?: number): number;
    readDoubleLE(offset?: number): number;
    readDoubleBE(offset?: number): number;
    readBigUInt64LE(offset?: number): bigint;
    readBigUInt64BE(offset?: number): bigint;
    readBigInt64LE(offset?: number): bigint;
    readBigInt64BE(offset?: number): bigint;
    readUIntLE(offset: number, byteLength: number): number;
    readUIntBE(offset: number, byteLength: number): number;
    readIntLE(offset: number, byteLength: number): number;
    readIntBE(offset: number, byteLength: number): number;
    writeUInt8(value: number, offset?: number): number;
    writeInt8(value: number, offset?: number): number;
    writeUInt16LE(value: number, offset?: number): number;
    writeUInt16BE(value: number, offset?: number): number;
    writeInt16LE(value: number, offset?: number): number;
    writeInt16BE(value: number, offset?: number): number;
    writeUInt32LE(value: number, offset?: number): number;
    writeUInt32BE(value: number, offset?: number): number;
    writeInt32LE(value: number, offset?: number): number;
    writeInt32BE(value: number, offset?: number): number;
    writeFloatLE(value: number, offset?: number): number;
    writeFloatBE(value: number, offset?: number): number;
    writeDoubleLE(value: number, offset?: number): number;
    writeDoubleBE(value: number, offset?: number): number;
    writeBigUInt64LE(value: bigint, offset?: number): number;
    writeBigUInt64BE(value: bigint, offset?: number): number;
    writeBigInt64LE(value: bigint, offset?: number): number;
    writeBigInt64BE(value: bigint, offset?: number): number;
    writeUIntLE(value: number, offset: number, byteLength: number): number;
    writeUIntBE(value: number, offset: number, byteLength: number): number;
    writeIntLE(value: number, offset: number, byteLength: number): number;
    writeIntBE(value: number, offset: number, byteLength: number): number;
  }
  interface BufferConstructor {
    readonly prototype: Buffer;
    from(data: string, encoding?: Encoding): Buffer;
    from(data: ArrayLike<number> | Iterable<number> | ArrayBufferView | ArrayBuffer, byteOffset?: number, length?: number): Buffer;
    of(...items: number[]): Buffer;
    alloc(size: number, fill?: string | number | Uint8Array, encoding?: Encoding): Buffer;
    allocUnsafe(size: number): Buffer;
    allocUnsafeSlow(size: number): Buffer;
    isBuffer(v: unknown): v is Buffer;
    isEncoding(encoding: string): boolean;
    byteLength(data: string | ArrayBufferView | ArrayBuffer, encoding?: Encoding): number;
    compare(a: Uint8Array, b: Uint8Array): -1 | 0 | 1;
    concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
    poolSize: number;
  }
}
declare var Buffer: NodeBuffer.BufferConstructor;
type Buffer = NodeBuffer.Buffer;

declare module "buffer" {
  const Buffer: NodeBuffer.BufferConstructor;
  const kMaxLength: number;
  const kStringMaxLength: number;
  const INSPECT_MAX_BYTES: number;
  const constants: { readonly MAX_LENGTH: number; readonly MAX_STRING_LENGTH: number };
  function isUtf8(input: ArrayBufferView | ArrayBuffer): boolean;
  function isAscii(input: ArrayBufferView | ArrayBuffer): boolean;
}
declare module "node:buffer" {
  export * from "buffer";
}

// -----------------------------------------------------------------------------------------
// path (posix)

declare namespace NodePath {
  interface ParsedPath {
    root: string;
    dir: string;
    base: string;
    ext: string;
    name: string;
  }
  interface Path {
    resolve(...paths: string[]): string;
    normalize(path: string): string;
    isAbsolute(path: string): boolean;
    join(...paths: string[]): string;
    relative(from: string, to: string): string;
    toNamespacedPath(path: string): string;
    dirname(path: string): string;
    basename(path: string, suffix?: string): string;
    extname(path: string): string;
    format(parts: Partial<ParsedPath>): string;
    parse(path: string): ParsedPath;
    readonly sep: "/";
    readonly delimiter: ":";
    readonly posix: Path;
  }
}
declare module "path" {
  const path: NodePath.Path;
  export = path;
}
declare module "node:path" {
  import path = require("path");
  export = path;
}

// -----------------------------------------------------------------------------------------
// events

declare module "events" {
  type Listener = (...args: any[]) => void;
  class EventEmitter {
    constructor(options?: { captureRejections?: boolean });
    on(event: string | symbol, listener: Listener): this;
    addListener(event: string | symbol, listener: Listener): this;
    prependListener(event: string | symbol, listener: Listener): this;
    once(event: string | symbol, listener: Listener): this;
    prependOnceListener(event: string | symbol, listener: Listener): this;
    off(event: string | symbol, listener: Listener): this;
    removeListener(event: string | symbol, listener: Listener): this;
    removeAllListeners(event?: string | symbol): this;
    emit(event: string | symbol, ...args: any[]): boolean;
    listeners(event: string | symbol): Function[];
    rawListeners(event: string | symbol): Function[];
    listenerCount(event: string | symbol, listener?: Function): number;
    eventNames(): (string | symbol)[];
    setMaxListeners(n: number): this;
    getMaxListeners(): number;
    /** Resolves with the arguments of the next `event`; rejects on 'error' or an aborted signal. */
    static once(emitter: EventEmitter | EventTarget, event: string | symbol, options?: { signal?: AbortSignal }): Promise<any[]>;
    static EventEmitter: typeof EventEmitter;
    static defaultMaxListeners: number;
    static readonly errorMonitor: unique symbol;
    static readonly captureRejectionSymbol: unique symbol;
    static captureRejections: boolean;
    static getEventListeners(emitter: EventEmitter | EventTarget, event: string | symbol): Function[];
    static getMaxListeners(emitter: EventEmitter | EventTarget): number;
    static setMaxListeners(n?: number, ...targets: (EventEmitter | EventTarget)[]): void;
    static listenerCount(emitter: EventEmitter, event: string | symbol): number;
    static addAbortListener(signal: AbortSignal, listener: (event: Event) => void): object;
  }
  export = EventEmitter;
}
declare module "node:events" {
  import EventEmitter = require("events");
  export = EventEmitter;
}

// -----------------------------------------------------------------------------------------
// os

declare namespace NodeOS {
  interface CpuInfo {
    model: string;
    speed: number;
    times: { user: number; nice: number; sys: number; idle: number; irq: number };
  }
  interface NetworkInterfaceInfo {
    address: string;
    netmask: string;
    family: "IPv4" | "IPv6";
    mac: string;
    internal: boolean;
    cidr: string | null;
    scopeid?: number;
  }
}
declare module "os" {
  const EOL: string;
  const devNull: string;
  function arch(): string;
  function platform(): string;
  function type(): string;
  function machine(): string;
  function release(): string;
  function version(): string;
  function hostname(): string;
  function homedir(): string;
  function tmpdir(): string;
  function endianness(): "BE" | "LE";
  function availableParallelism(): number;
  function totalmem(): number;
  function freemem(): number;
  function uptime(): number;
  function loadavg(): number[];
  function cpus(): NodeOS.CpuInfo[];
  function userInfo(): { username: string; uid: number; gid: number; shell: string | null; homedir: string };
  function networkInterfaces(): { [name: string]: NodeOS.NetworkInterfaceInfo[] | undefined };
  const constants: { readonly signals: { readonly [name: string]: number }; readonly errno: { readonly [name: string]: number } };
}
declare module "node:os" {
  export * from "os";
}

// -----------------------------------------------------------------------------------------
// url and the globals URL, URLSearchParams

declare class URLSearchParams implements Iterable<[string, string]> {
  constructor(init?: string | Record<string, string> | Iterable<[string, string]> | URLSearchParams);
  readonly size: number;
  append(name: string, value: string): void;
  delete(name: string, value?: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string, value?: string): boolean;
  set(name: string, value: string): void;
  sort(): void;
  forEach(callback: (value: string, name: string, params: URLSearchParams) => void, thisArg?: any): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare class URL {
  constructor(input: string | URL, base?: string | URL);
  static canParse(input: string, base?: string): boolean;
  href: string;
  readonly origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
  toJSON(): string;
}
type GlobalURL = typeof URL;
type GlobalURLSearchParams = typeof URLSearchParams;
declare module "url" {
  const URL: GlobalURL;
  const URLSearchParams: GlobalURLSearchParams;
  function fileURLToPath(url: string | URL): string;
  function pathToFileURL(path: string): URL;
  function domainToASCII(domain: string): string;
  function domainToUnicode(domain: string): string;
}
declare module "node:url" {
  export * from "url";
}

// -----------------------------------------------------------------------------------------
// assert and assert/strict

declare module "assert" {
  function assert(value: unknown, message?: string | Error): asserts value;
  namespace assert {
    class AssertionError extends Error {
      constructor(options: { message?: string; actual?: unknown; expected?: unknown; operator?: string; stackStartFn?: Function });
      actual: unknown;
      expected: unknown;
      operator: string;
      generatedMessage: boolean;
      code: "ERR_ASSERTION";
    }
    type ErrorMatcher = RegExp | Function | ((err: any) => boolean) | object | Error;
    function ok(value: unknown, message?: string | Error): asserts value;
    function fail(message?: string | Error): never;
    function equal(actual: unknown, expected: unknown, message?: string | Error): void;
    function notEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T;
    function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T;
    function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void;
    function throws(block: () => unknown, error?: ErrorMatcher | string, message?: string | Error): void;
    function doesNotThrow(block: () => unknown, message?: string | Error): void;
    function rejects(block: (() => Promise<unknown>) | Promise<unknown>, error?: ErrorMatcher | string, message?: string | Error): Promise<void>;
    function doesNotReject(block: (() => Promise<unknown>) | Promise<unknown>, message?: string | Error): Promise<void>;
    function ifError(value: unknown): asserts value is null | undefined;
    function match(value: string, regExp: RegExp, message?: string | Error): void;
    function doesNotMatch(value: string, regExp: RegExp, message?: string | Error): void;
    const strict: typeof assert;
  }
  export = assert;
}
declare module "node:assert" {
  import assert = require("assert");
  export = assert;
}
declare module "assert/strict" {
  import assert = require("assert");
  const strict: typeof assert.strict;
  export = strict;
}
declare module "node:assert/strict" {
  import strict = require("assert/strict");
  export = strict;
}

// -----------------------------------------------------------------------------------------
// crypto and the global crypto

interface Crypto {
  getRandomValues<T extends Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array>(array: T): T;
  randomUUID(): string;
}
declare var crypto: Crypto;

declare namespace NodeCrypto {
  type BinaryLike = string | ArrayBufferView | ArrayBuffer;
  type DigestEncoding = "hex" | "base64" | "base64url" | "latin1" | "binary";
  interface Hash {
    update(data: BinaryLike, inputEncoding?: NodeBuffer.Encoding): this;
    digest(): NodeBuffer.Buffer;
    digest(encoding: DigestEncoding): string;
    copy(): Hash;
  }
  interface Hmac {
    update(data: BinaryLike, inputEncoding?: NodeBuffer.Encoding): this;
    digest(): NodeBuffer.Buffer;
    digest(encoding: DigestEncoding): string;
  }
}
declare module "crypto" {
  type Hash = NodeCrypto.Hash;
  type Hmac = NodeCrypto.Hmac;
  /** md5, sha1, sha224, sha256, sha384, sha512, sha512-224, sha512-256, sha3-*, ... (getHashes()). */
  function createHash(algorithm: string): NodeCrypto.Hash;
  function createHmac(algorithm: string, key: NodeCrypto.BinaryLike): NodeCrypto.Hmac;
  function randomBytes(size: number): NodeBuffer.Buffer;
  function randomBytes(size: number, callback: (err: Error | null, buf: NodeBuffer.Buffer) => void): void;
  function pseudoRandomBytes(size: number): NodeBuffer.Buffer;
  function randomFillSync<T extends ArrayBufferView | ArrayBuffer>(buffer: T, offset?: number, size?: number): T;
  function randomInt(max: number): number;
  function randomInt(min: number, max: number): number;
  function randomInt(max: number, callback: (err: Error | null, n: number) => void): void;
  function randomInt(min: number, max: number, callback: (err: Error | null, n: number) => void): void;
  function randomUUID(): string;
  function getRandomValues<T extends Parameters<Crypto["getRandomValues"]>[0]>(array: T): T;
  function timingSafeEqual(a: ArrayBufferView | ArrayBuffer, b: ArrayBufferView | ArrayBuffer): boolean;
  function getHashes(): string[];
  const webcrypto: Crypto;
  const constants: { readonly [name: string]: number };
}
declare module "node:crypto" {
  export * from "crypto";
}

// -----------------------------------------------------------------------------------------
// timers/promises

declare module "timers/promises" {
  function setTimeout<T = void>(delay?: number, value?: T, options?: { signal?: AbortSignal; ref?: boolean }): Promise<T>;
  function setImmediate<T = void>(value?: T, options?: { signal?: AbortSignal; ref?: boolean }): Promise<T>;
  const scheduler: {
    wait(delay: number, options?: { signal?: AbortSignal }): Promise<void>;
    yield(): Promise<void>;
  };
}
declare module "node:timers/promises" {
  export * from "timers/promises";
}

// -----------------------------------------------------------------------------------------
// The web globals: TextEncoder, TextDecoder, atob, btoa, performance, Event, EventTarget,
// AbortController, AbortSignal, DOMException

declare class TextEncoder {
  readonly encoding: "utf-8";
  encode(input?: string): Uint8Array;
  encodeInto(input: string, dest: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  /** utf-8, utf-16le and windows-1252 (also latin1 and ascii), under the WHATWG labels. */
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare function atob(data: string): string;
declare function btoa(data: string): string;

interface Performance {
  /** Milliseconds since timeOrigin, monotonic, with sub-millisecond precision. */
  now(): number;
  readonly timeOrigin: number;
  toJSON(): { timeOrigin: number };
}
declare var performance: Performance;

declare class Event {
  constructor(type: string, options?: { bubbles?: boolean; cancelable?: boolean; composed?: boolean });
  readonly type: string;
  readonly bubbles: boolean;
  readonly cancelable: boolean;
  readonly composed: boolean;
  readonly defaultPrevented: boolean;
  readonly timeStamp: number;
  readonly isTrusted: boolean;
  readonly target: EventTarget | null;
  readonly currentTarget: EventTarget | null;
  readonly eventPhase: number;
  returnValue: boolean;
  cancelBubble: boolean;
  composedPath(): EventTarget[];
  preventDefault(): void;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
  static readonly NONE: 0;
  static readonly CAPTURING_PHASE: 1;
  static readonly AT_TARGET: 2;
  static readonly BUBBLING_PHASE: 3;
}
type EventListenerOrObject = ((event: Event) => void) | { handleEvent(event: Event): void };
declare class EventTarget {
  constructor();
  addEventListener(type: string, listener: EventListenerOrObject | null, options?: boolean | { once?: boolean; passive?: boolean; capture?: boolean; signal?: AbortSignal }): void;
  removeEventListener(type: string, listener: EventListenerOrObject | null, options?: boolean | { capture?: boolean }): void;
  dispatchEvent(event: Event): boolean;
}
declare class AbortSignal extends EventTarget {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((event: Event) => void) | null;
  throwIfAborted(): void;
  static abort(reason?: any): AbortSignal;
  static timeout(ms: number): AbortSignal;
  static any(signals: AbortSignal[]): AbortSignal;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: any): void;
}
declare class DOMException extends Error {
  constructor(message?: string, name?: string | { name?: string; cause?: unknown });
  readonly code: number;
}

// fetch and its classes (Node's, over Go's net/http in jsrun). body is a
// reader of the whole body in one chunk: jsrun has no ReadableStream.
type HeadersInit = [string, string][] | Record<string, string> | Headers;
type BodyInit = string | ArrayBuffer | ArrayBufferView | URLSearchParams;
type RequestRedirect = "follow" | "manual" | "error";

declare class Headers implements Iterable<[string, string]> {
  constructor(init?: HeadersInit);
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getSetCookie(): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  forEach(callback: (value: string, name: string, headers: Headers) => void, thisArg?: any): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

interface BodyReader {
  read(): Promise<{ done: false; value: Uint8Array } | { done: true; value: undefined }>;
  cancel(): Promise<void>;
  releaseLock(): void;
  readonly closed: Promise<void>;
}

interface BodyStream {
  readonly locked: boolean;
  getReader(): BodyReader;
}

interface Body {
  readonly body: BodyStream | null;
  readonly bodyUsed: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
  bytes(): Promise<Uint8Array>;
  json(): Promise<any>;
  text(): Promise<string>;
}

interface RequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  redirect?: RequestRedirect;
  signal?: AbortSignal | null;
}

declare class Request implements Body {
  constructor(input: string | URL | Request, init?: RequestInit);
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly redirect: RequestRedirect;
  readonly signal: AbortSignal;
  readonly body: BodyStream | null;
  readonly bodyUsed: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
  bytes(): Promise<Uint8Array>;
  json(): Promise<any>;
  text(): Promise<string>;
  clone(): Request;
}

interface ResponseInit {
  status?: number;
  statusText?: string;
  headers?: HeadersInit;
}

declare class Response implements Body {
  constructor(body?: BodyInit | null, init?: ResponseInit);
  static json(data: any, init?: ResponseInit): Response;
  static error(): Response;
  static redirect(url: string | URL, status?: number): Response;
  readonly type: "basic" | "default" | "error";
  readonly url: string;
  readonly redirected: boolean;
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: BodyStream | null;
  readonly bodyUsed: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
  bytes(): Promise<Uint8Array>;
  json(): Promise<any>;
  text(): Promise<string>;
  clone(): Response;
}

declare function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;

// memory: N workers blocked at once (Atomics.wait on one SharedArrayBuffer).
// 10,000 Node workers do not fit in memory (each is a V8 isolate), so the
// default is 100: compare the RSS per blocked thread. The runner samples
// /proc/<pid>/status at each mark and reads the peak RSS at exit.
// argv: [workers=100]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, mark, intArg } = require("../common.js");
const n = intArg(2, 100);
const sab = new SharedArrayBuffer(4);
const flag = new Int32Array(sab);

(async () => {
  mark("base");
  const t0 = now();
  const ws = [];
  const ready = [];
  for (let i = 0; i < n; i++) {
    const w = new Worker(path.join(__dirname, "blocked_worker.js"), { workerData: sab });
    ready.push(new Promise((r) => w.once("message", r)));
    ws.push(new Promise((r) => w.once("exit", r)));
  }
  await Promise.all(ready);
  emit("blocked_threads", n);
  emit("blocked_start_ms", now() - t0);
  mark("blocked", 300);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  await Promise.all(ws);
})();

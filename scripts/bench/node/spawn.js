// spawn: sequential new Worker(...) + its first result (a + b of workerData):
// µs per task (mean over the run). argv: [iterations=50]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, intArg } = require("../common.js");
const n = intArg(2, 50);
const file = path.join(__dirname, "spawn_worker.js");

function task(a, b) {
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: [a, b] });
    w.once("error", reject);
    w.once("message", (v) => resolve({ v, exited: new Promise((r) => w.once("exit", r)) }));
  });
}

(async () => {
  for (let i = 0; i < 3; i++) await (await task(i, 1)).exited; // warm-up
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t0 = now();
    const { v, exited } = await task(i, 1);
    total += now() - t0; // new Worker to first result; the exit is not timed
    sum += v;
    await exited;
  }
  if (sum !== (n * (n - 1)) / 2 + n) throw new Error("wrong sum " + sum);
  emit("spawn_us", (total * 1000) / n);
})();

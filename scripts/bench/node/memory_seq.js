// memory: RSS after `total` sequential workers (new Worker + first result)
// against RSS after the first `first`. A Node worker takes milliseconds to
// start, so the defaults are 500 and 50, not jsrun's 1,000,000 and 10,000.
// argv: [total=500] [first=50]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, mark, intArg } = require("../common.js");
const total = intArg(2, 500);
const first = intArg(3, 50);
const file = path.join(__dirname, "spawn_worker.js");

function task(a, b) {
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: [a, b] });
    let v;
    w.once("error", reject);
    w.once("message", (m) => (v = m));
    w.once("exit", () => resolve(v));
  });
}

(async () => {
  const t0 = now();
  let sum = 0;
  for (let i = 0; i < total; i++) {
    sum += await task(i, 1);
    if (i + 1 === first) mark("first");
  }
  emit("seq_threads", total);
  emit("seq_first", first);
  emit("seq_spawn_us", ((now() - t0) * 1000) / total);
  mark("last");
  if (sum !== (total * (total - 1)) / 2 + total) throw new Error("seq: wrong sum");
})();

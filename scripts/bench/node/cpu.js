// cpu: 4 tasks of about 200 ms of pure computation, one after another on
// one worker, then 2 at a time on 2 workers: speedup = sequential /
// parallel, each the fastest of `reps` alternate tries (other load on the
// machine only ever slows a try down). The workers are started (and warmed
// up) before the clock starts. argv: [task ms=200] [reps=3]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, intArg, calibrate } = require("../common.js");
const n = calibrate(intArg(2, 200));
const reps = intArg(3, 3);

(async () => {
  const ws = [0, 1].map(() => new Worker(path.join(__dirname, "cpu_worker.js")));
  const call = (w, k) =>
    new Promise((resolve) => {
      w.once("message", resolve);
      w.postMessage([n, k]);
    });
  await Promise.all(ws.map((w) => call(w, 1))); // warm-up: JIT in each worker

  let seqMs = Infinity;
  let parMs = Infinity;
  for (let r = 0; r < reps; r++) {
    let t0 = now();
    const seq = await call(ws[0], 4);
    seqMs = Math.min(seqMs, now() - t0);

    t0 = now();
    const [a, b] = await Promise.all(ws.map((w) => call(w, 2)));
    parMs = Math.min(parMs, now() - t0);
    if (seq !== a + b) throw new Error("cpu: results differ");
  }
  emit("cpu_task_ms", seqMs / 4);
  emit("cpu_speedup", seqMs / parMs);
  await Promise.all(ws.map((w) => w.terminate()));
})();

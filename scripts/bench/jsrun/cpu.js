// cpu: 4 tasks of about 200 ms of pure computation, one after another on
// one thread, then 2 at a time on 2 threads: speedup = sequential / parallel,
// each the fastest of `reps` alternate tries (other load on the machine only
// ever slows a try down). argv: [task ms=200] [reps=3]
"use strict";
const { now, emit, intArg, work, calibrate } = require("../common.js");
const n = calibrate(intArg(2, 200));
const reps = intArg(3, 3);

function tasks(n, k) {
  let r = 0;
  for (let i = 0; i < k; i++) r += work(n);
  return r;
}

threads.run(tasks, 1000, 1).get(); // warm-up

let seqMs = Infinity;
let parMs = Infinity;
for (let r = 0; r < reps; r++) {
  let t0 = now();
  const seq = threads.run(tasks, n, 4).get();
  seqMs = Math.min(seqMs, now() - t0);

  t0 = now();
  const a = threads.run(tasks, n, 2);
  const b = threads.run(tasks, n, 2);
  const par = a.get() + b.get();
  parMs = Math.min(parMs, now() - t0);
  if (seq !== par) throw new Error("cpu: results differ");
}
emit("cpu_task_ms", seqMs / 4);
emit("cpu_speedup", seqMs / parMs);

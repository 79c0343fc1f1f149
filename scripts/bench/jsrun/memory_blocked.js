// memory: N threads blocked at once on one Queue. The runner samples
// /proc/<pid>/status at each mark and reads the peak RSS of the process
// when it exits. argv: [threads=10000]
"use strict";
const { now, emit, mark, intArg } = require("../common.js");
const n = intArg(2, 10000);
const q = new threads.Queue();
const ready = new threads.WaitGroup();
ready.add(n);

mark("base");
const t0 = now();
const ps = [];
for (let i = 0; i < n; i++)
  ps.push(threads.run((q, ready) => { ready.done(); return q.get(); }, q, ready));
ready.wait();
emit("blocked_threads", n);
emit("blocked_start_ms", now() - t0);
mark("blocked", 300);

for (let i = 0; i < n; i++) q.put(i);
let sum = 0;
for (const p of ps) sum += p.get();
if (sum !== (n * (n - 1)) / 2) throw new Error("blocked: wrong sum");

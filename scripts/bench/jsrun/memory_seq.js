// memory: RSS after `total` sequential threads.run calls against RSS after
// the first `first` (the runner samples /proc/<pid>/status at each mark).
// argv: [total=1000000] [first=10000]
"use strict";
const { now, emit, mark, intArg } = require("../common.js");
const total = intArg(2, 1000000);
const first = intArg(3, 10000);

const t0 = now();
let sum = 0;
for (let i = 0; i < total; i++) {
  sum += threads.run((a, b) => a + b, i, 1).get();
  if (i + 1 === first) mark("first");
}
emit("seq_threads", total);
emit("seq_first", first);
emit("seq_spawn_us", ((now() - t0) * 1000) / total);
mark("last");
if (sum !== (total * (total - 1)) / 2 + total) throw new Error("seq: wrong sum");

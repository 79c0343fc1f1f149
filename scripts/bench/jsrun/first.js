// first: in a fresh process, sequential threads.run((a, b) => a + b, i, 1)
// .get() from the very first: the mean µs of each batch of `batch` round
// trips over the first `first` ones (the curve), the mean of the first
// 1,000, and the steady state of the same process (the mean of `steady`
// more round trips after those). argv: [first=5000] [batch=200]
// [steady=20000]
"use strict";
const { now, emit, intArg } = require("../common.js");
const first = intArg(2, 5000);
const batch = intArg(3, 200);
const steady = intArg(4, 20000);

let sum = 0;
let i = 0;
const times = [];
for (let b = 0; b < first / batch; b++) {
  const t0 = now();
  for (let k = 0; k < batch; k++, i++) sum += threads.run((a, b) => a + b, i, 1).get();
  times.push(((now() - t0) * 1000) / batch);
}
const t0 = now();
for (let k = 0; k < steady; k++, i++) sum += threads.run((a, b) => a + b, i, 1).get();
const steadyUs = ((now() - t0) * 1000) / steady;
if (sum !== (i * (i - 1)) / 2 + i) throw new Error("wrong sum " + sum);

const n1000 = Math.min(first, 1000) / batch;
const first1000 = times.slice(0, n1000).reduce((a, b) => a + b, 0) / n1000;
times.forEach((us, b) => emit("first_batch_us_" + b, us));
emit("first1000_us", first1000);
emit("first_steady_us", steadyUs);
emit("first1000_ratio", first1000 / steadyUs);

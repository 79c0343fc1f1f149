// floor: the jsrun side of the floor pair, the steady-state round trip
// threads.run((a, b) => a + b, i, 1).get() (as spawn.js), against
// scripts/bench/floor (a warm goroutine, a fresh goja.New() per task).
// argv: [iterations=20000]
"use strict";
const { now, emit, intArg } = require("../common.js");
const n = intArg(2, 20000);

let sum = 0;
for (let i = 0; i < 200; i++) sum += threads.run((a, b) => a + b, i, 1).get(); // warm-up

sum = 0;
const t0 = now();
for (let i = 0; i < n; i++) sum += threads.run((a, b) => a + b, i, 1).get();
const dt = now() - t0;
if (sum !== (n * (n - 1)) / 2 + n) throw new Error("wrong sum " + sum);
emit("roundtrip_us", (dt * 1000) / n);

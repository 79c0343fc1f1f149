// pool_plain: pool.js's measurement (threads.Pool of 2 workers, map, then
// submit + get: items/s) under the names of the pool_plain pair, set
// against Node's plain unbounded pool and piscina. argv: [items=20000]
"use strict";
const { now, emit, intArg } = require("../common.js");
const n = intArg(2, 20000);
const items = Array.from({ length: n }, (_, i) => i);
const want = (n * (n - 1)) / 2 + n;
const pool = threads.Pool((x) => x + 1, 2);

pool.map(items); // warm-up at full size, as the Node side

let t0 = now();
const out = pool.map(items);
let dt = now() - t0;
if (out.reduce((a, b) => a + b, 0) !== want) throw new Error("map: wrong sum");
emit("plain_map_items_s", (n * 1000) / dt);

t0 = now();
const ps = [];
for (const x of items) ps.push(pool.submit(x));
let sum = 0;
for (const p of ps) sum += p.get();
dt = now() - t0;
if (sum !== want) throw new Error("submit: wrong sum");
emit("plain_submit_items_s", (n * 1000) / dt);

pool.close();
